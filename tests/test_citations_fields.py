"""The field normalizers and the pieces around the labeller (tokens, unparsable input)."""

from __future__ import annotations

import pytest

from bibconv.citations import fields, parse_citation
from bibconv.citations.tokens import tokenize
from bibconv.model import OTHERS, Source


def names(text: str) -> list[tuple[str, str, str]]:
    return [
        ("OTHERS", "", "") if n.others else (n.family, n.given, n.particle) for n in fields.split_names(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Li, Yuhang, et al.", [("Li", "Yuhang", ""), ("OTHERS", "", "")]),
        (
            "LeCun, Yann, John Denker, and Sara Solla",
            [("LeCun", "Yann", ""), ("Denker", "John", ""), ("Solla", "Sara", "")],
        ),
        ("Smith, J. A., & van der Maaten, L.", [("Smith", "J. A.", ""), ("Maaten", "L.", "van der")]),
        ("Smith JA, Doe J, et al.", [("Smith", "J. A.", ""), ("Doe", "J.", ""), ("OTHERS", "", "")]),
        ("Christopher De Sa and Ronan Le Bras", [("De Sa", "Christopher", ""), ("Le Bras", "Ronan", "")]),
        (
            "García López, Maria, and Bernhard Schölkopf",
            [("García López", "Maria", ""), ("Schölkopf", "Bernhard", "")],
        ),
        (
            "SILVA, Ana Paula; VAN DER MAATEN, Laurens",
            [("Silva", "Ana Paula", ""), ("Maaten", "Laurens", "van der")],
        ),
        ("Pearl, J., Jr., and W. J. Dally", [("Pearl", "J.", ""), ("Dally", "W. J.", "")]),
        ("Kaiser Ł, Hubara I", [("Kaiser", "Ł.", ""), ("Hubara", "I.", "")]),
        # ISO 690 / Chicago: the particle after the given name belongs to that name
        ("LAAN, C. G. van der", [("Laan", "C. G.", "van der")]),
        ("Smith, J., Laan, C. G. van der", [("Smith", "J.", ""), ("Laan", "C. G.", "van der")]),
        ("Beethoven, Ludwig van", [("Beethoven", "Ludwig", "van")]),
    ],
)
def test_split_names(text, expected):
    assert names(text) == expected


def test_suffix_is_kept():
    assert fields.split_names("Pearl, J., Jr., and W. J. Dally")[0].suffix == "Jr."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1-30", "1–30"),
        ("pp. 436–44.", "436–444"),
        ("1123--30", "1123–1130"),
        ("e12345", "e12345"),
        ("S. 12–19", "12–19"),
    ],
)
def test_pages(text, expected):
    assert fields.parse_pages(text) == expected


@pytest.mark.parametrize(
    ("volume", "issue", "expected"),
    [
        ("18.187", "", ("18", "187")),
        ("44(3):", "", ("44", "3")),
        ("Vol. 37.", "No. 8.", ("37", "8")),
        ("Bd. 18", "Nr. 4", ("18", "4")),
    ],
)
def test_volume_issue(volume, issue, expected):
    assert fields.parse_volume_issue(volume, issue) == expected


def test_identifiers_anywhere():
    text = "See https://doi.org/10.1016/S0140-6736(20)30183-5). Also arXiv:2210.17323v2 and https://github.com/x/y."
    assert fields.find_doi(text) == "10.1016/S0140-6736(20)30183-5"
    assert fields.find_arxiv(text) == "2210.17323"
    assert fields.find_url(text) == "https://github.com/x/y"
    assert fields.find_arxiv("", "10.48550/arXiv.2102.05426") == "2102.05426"


def test_dates():
    assert fields.parse_date("(2016):") == "2016"
    assert fields.parse_date("May 2018,") == "2018-05"
    assert fields.parse_date("in press") == "in press"


def test_tokens_split_compact_vancouver_numbers_but_not_identifiers():
    assert [t.text for t in tokenize("Lancet. 2020;395(10223):497-506. doi:10.1016/x(20)1")] == [
        "Lancet.", "2020;", "395", "(10223):", "497-506.", "doi:10.1016/x(20)1",
    ]  # fmt: skip


def test_unparsable_text_is_kept_in_note():
    parsed = parse_citation("!!! ??? ---", Source("refs.txt", 7, "text"))
    assert not parsed.ok and parsed.problems
    assert (parsed.record.entry_type, parsed.record.note, parsed.record.source.line) == (
        "misc",
        "!!! ??? ---",
        7,
    )


def test_same_input_same_record():
    text = 'Han, Song, et al. "EIE: Efficient inference engine." ACM SIGARCH Computer Architecture News 44.3 (2016): 243-254.'
    assert parse_citation(text) == parse_citation(text)
    assert parse_citation(text).record.author[-1] == OTHERS


def test_initial_glued_to_the_family_name():
    names = fields.split_names("J.Smith and K.Jones")
    assert [(n.family, n.given) for n in names] == [("Smith", "J."), ("Jones", "K.")]
    assert [(n.family, n.given) for n in fields.split_names("Kuhn, T.S.")] == [("Kuhn", "T.S.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2nd ed.", "2"),
        ("Second edn", "2"),
        ("Second", "2"),
        ("2. Aufl.", "2"),
        ("deuxième édition", "2"),
        ("Revised edition", "Revised"),
        ("Rev. ed.", "Rev."),
    ],
)
def test_edition(text, expected):
    assert fields.parse_edition(text) == expected
