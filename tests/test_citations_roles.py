"""Translators, editors of an authored work, original publication years and thesis notes: the formulas
styles print around a title, in APA, MLA, Chicago and several languages."""

from __future__ import annotations

import pytest

from bibconv.citations import parse_citation
from bibconv.citations.roles import RoleNotes, split_role_notes


def people(names) -> list[tuple[str, str]]:
    return [(n.family, n.given) for n in names]


@pytest.mark.parametrize(
    ("text", "title", "translators", "publisher"),
    [
        (
            "Bourdieu, P. (1984). Distinction: A social critique of the judgement of taste (R. Nice, Trans.). "
            "Harvard University Press. (Original work published 1979)",
            "Distinction: A social critique of the judgement of taste",
            [("Nice", "R.")],
            "Harvard University Press",
        ),
        (
            "Tolstoy, Leo. War and Peace. Translated by Louise Maude and Aylmer Maude, Oxford University "
            "Press, 2010.",
            "War and Peace",
            [("Maude", "Louise"), ("Maude", "Aylmer")],
            "Oxford University Press",
        ),
        (
            "Foucault, Michel. Discipline and Punish: The Birth of the Prison. Trans. Alan Sheridan. "
            "New York: Vintage, 1995.",
            "Discipline and Punish: The Birth of the Prison",
            [("Sheridan", "Alan")],
            "Vintage",
        ),
        (
            "Kafka, Franz. Der Process. Übers. von Max Brod. Berlin: Die Schmiede, 1925.",
            "Der Process",
            [("Brod", "Max")],
            "Die Schmiede",
        ),
    ],
)
def test_translators_are_read_and_leave_the_title_clean(text, title, translators, publisher):
    result = parse_citation(text)
    record = result.record
    assert result.ok and record.entry_type == "book"
    assert (record.title, record.publisher) == (title, publisher)
    assert people(record.translator) == translators
    assert record.editor == ()


def test_original_year_and_editor_translator_in_one_note():
    record = parse_citation(
        "Freud, S. (1961). The ego and the id (J. Strachey, Ed. & Trans.). Hogarth Press. "
        "(Original work published 1923)"
    ).record
    assert people(record.translator) == people(record.editor) == [("Strachey", "J.")]
    assert record.issued == "1961" and record.extra["origdate"] == "1923"
    assert "Original" not in record.title and "Strachey" not in record.title


@pytest.mark.parametrize(
    ("text", "kind", "school", "note", "url"),
    [
        (
            "Smith, J. A. (2019). Deep learning for protein folding [Doctoral dissertation, Stanford "
            "University]. ProQuest Dissertations and Theses Global.",
            "phdthesis",
            "Stanford University",
            "ProQuest Dissertations and Theses Global",
            "",
        ),
        (
            "Lee, K. (2020). Neural compression of images [Master's thesis, University of Toronto]. "
            "https://hdl.handle.net/1807/12345",
            "mastersthesis",
            "University of Toronto",
            "",
            "https://hdl.handle.net/1807/12345",
        ),
    ],
)
def test_apa_thesis_note(text, kind, school, note, url):
    record = parse_citation(text).record
    assert (record.entry_type, record.publisher, record.note, record.url) == (kind, school, note, url)
    assert record.title.endswith(("folding", "images")) and record.genre


@pytest.mark.parametrize(
    "text",
    [
        "Vaswani, A., et al. (2017). Attention is all you need. In Advances in Neural Information "
        "Processing Systems (pp. 5998-6008).",
        "Knuth, D. E. (1997). The art of computer programming (3rd ed., Vol. 1). Addison-Wesley.",
        "Smith, J. Wait for it... a study of suspense. Journal of Things 3 (2001): 1-5.",
        "Tran, T. (2020). Trans. fat and heart disease. Nutrition Reviews, 78(2), 1-9.",
    ],
)
def test_text_without_a_role_formula_is_left_alone(text):
    out, notes = split_role_notes(text)
    assert out == text and notes == RoleNotes()


@pytest.mark.parametrize(
    "text",
    [
        "De Sa, C., Y. Sato, and K. S. Thorne. 2015. La construction sociale. Trans. Assoc. Comput. Linguist. "
        "8:658–686.",
        "Smith, J. 2010. Stripes. Phil. Trans. R. Soc. A 368: 1–20.",
        "Doe, J. 1999. Rings. Trans. Am. Math. Soc. 351: 10–30.",
    ],
)
def test_journals_named_transactions_are_not_translators(text):
    record = parse_citation(text).record
    assert record.translator == () and record.container_title.startswith(("Trans", "Phil"))


def test_translators_sentence_then_publisher_after_a_comma():
    record = parse_citation(
        "Tolstoy, Leo. War and Peace. Translated by Richard Pevear and Larissa Volokhonsky, Vintage, 2008."
    ).record
    assert (record.title, record.publisher, record.year) == ("War and Peace", "Vintage", "2008")
    assert [n.family for n in record.translator] == ["Pevear", "Volokhonsky"]


def test_authored_book_with_its_editor():
    record = parse_citation(
        "Nietzsche, Friedrich. The Gay Science. Edited by Bernard Williams. Cambridge: Cambridge University Press, 2001."
    ).record
    assert (record.entry_type, record.title) == ("book", "The Gay Science")
    assert [(n.family, n.given) for n in record.author] == [("Nietzsche", "Friedrich")]
    assert [(n.family, n.given) for n in record.editor] == [("Williams", "Bernard")]


def test_translator_named_by_initials_first():
    r = parse_citation(
        "Wittgenstein, Ludwig. Philosophical Investigations. Translated by G. E. M. Anscombe. 3rd ed. Oxford: "
        "Blackwell, 2001."
    ).record
    assert [(n.given, n.family) for n in r.translator] == [("G. E. M.", "Anscombe")]
    assert not r.editor
    assert (r.title, r.edition, r.publisher, r.publisher_place) == (
        "Philosophical Investigations", "3", "Blackwell", "Oxford",
    )  # fmt: skip
