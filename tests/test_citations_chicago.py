"""Chicago: author-date and notes-bibliography (bibliography entries)."""

from __future__ import annotations

from bibconv.citations import parse_citation


def families(record) -> list[str]:
    return [n.family if not n.others else "OTHERS" for n in record.author]


def test_author_date_article():
    r = parse_citation(
        'LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. 2015. "Deep Learning." Nature 521 (7553): 436–44. '
        "https://doi.org/10.1038/nature14539."
    ).record
    assert families(r) == ["LeCun", "Bengio", "Hinton"] and r.author[1].given == "Yoshua"
    assert (r.entry_type, r.title, r.container_title, r.volume, r.issue) == (
        "article",
        "Deep Learning",
        "Nature",
        "521",
        "7553",
    )
    assert (r.page, r.issued, r.doi) == ("436–444", "2015", "10.1038/nature14539")


def test_author_date_book_with_place():
    r = parse_citation(
        "Kuhn, Thomas S. 1962. The Structure of Scientific Revolutions. Chicago: University of Chicago Press."
    ).record
    assert (r.entry_type, r.title, r.publisher, r.publisher_place, r.issued) == (
        "book", "The Structure of Scientific Revolutions", "University of Chicago Press", "Chicago", "1962",
    )  # fmt: skip
    assert (r.author[0].family, r.author[0].given) == ("Kuhn", "Thomas S.")


def test_notes_bibliography_article():
    r = parse_citation(
        'LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. "Deep Learning." Nature 521, no. 7553 (2015): 436–44.'
    ).record
    assert (r.container_title, r.volume, r.issue, r.page, r.issued) == (
        "Nature",
        "521",
        "7553",
        "436–444",
        "2015",
    )


def test_notes_bibliography_book():
    r = parse_citation("Said, Edward W. Orientalism. New York: Pantheon Books, 1978.").record
    assert (r.entry_type, r.title, r.publisher, r.publisher_place, r.issued) == (
        "book",
        "Orientalism",
        "Pantheon Books",
        "New York",
        "1978",
    )


def test_particle_written_after_given_name():
    r = parse_citation(
        "Beethoven, Ludwig van. 1997. Über die Grundlagen der Geometrie. Berlin: De Gruyter."
    ).record
    name = r.author[0]
    assert (name.particle, name.family, name.given) == ("van", "Beethoven", "Ludwig")


def test_note_form_cited_page_is_not_a_volume():
    """A footnote ends with the page it cites, after the parenthesised facts of publication."""
    r = parse_citation(
        "1. Thomas S. Kuhn, The Structure of Scientific Revolutions (Chicago: University of Chicago Press, "
        "1962), 45."
    ).record
    assert (r.entry_type, r.title, r.volume, r.page, r.issued) == (
        "book",
        "The Structure of Scientific Revolutions",
        "",
        "",
        "1962",
    )
    assert (r.publisher, r.publisher_place, r.note) == ("University of Chicago Press", "Chicago", "cited at p. 45")


def test_note_form_chapter_keeps_its_pages():
    r = parse_citation(
        '2. Clifford Geertz, "Deep Play: Notes on the Balinese Cockfight," in The Interpretation of Cultures '
        "(New York: Basic Books, 1973), 412–53."
    ).record
    assert (r.entry_type, r.container_title, r.page, r.note) == (
        "incollection",
        "The Interpretation of Cultures",
        "412–453",
        "",
    )


def test_abbreviated_journal_ending_in_ed_is_no_editor_marker():
    record = parse_citation(
        "Herrmann, W. A., K. Öfele, S. K. Schneider, E. Herdtweck, and S. D. Hoffmann. 2006. “A Carbocyclic "
        "Carbene as an Efficient Catalyst Ligand for C–C Coupling Reactions”. Angew. Chem. Int. Ed. 45 (23): 3859–3862."
    ).record
    assert record.container_title == "Angew. Chem. Int. Ed."
    assert record.entry_type == "article"
    assert len(record.author) == 5 and not record.editor


def test_series_alone_with_pages_is_the_container():
    record = parse_citation(
        "Mohanty, S. K. 1998. “The Formulation of Parameters for Type Design of Indian Scripts Based on "
        "Calligraphic Studies”. Lecture Notes in Computer Science 1375: 157–166."
    ).record
    assert record.container_title == "Lecture Notes in Computer Science"
    assert (record.volume, record.page) == ("1375", "157–166")


def test_capitalised_particle_family_with_given_and_initial():
    record = parse_citation(
        "Van Wyk, Christopher J. 1982. “A High-level Language for Specifying Pictures”. ACM Transactions on "
        "Graphics 1(2): 163–182."
    ).record
    assert [(n.family, n.given) for n in record.author] == [("Van Wyk", "Christopher J.")]


def test_editors_after_the_book_title_and_a_comma():
    record = parse_citation(
        "Chudnovsky, Maria. 2001. “Clinical Characteristics of Coronavirus Disease 2019 in China”. In Encyclopedia "
        "of Machine Learning, eds. Roy Porter and Nitin Indurkhya. New York: Basic Books, 51–77."
    ).record
    assert record.entry_type == "incollection"
    assert record.container_title == "Encyclopedia of Machine Learning"
    assert [(n.family, n.given) for n in record.editor] == [("Porter", "Roy"), ("Indurkhya", "Nitin")]
    assert (record.publisher, record.page) == ("Basic Books", "51–77")
