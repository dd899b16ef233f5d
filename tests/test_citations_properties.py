"""Properties: the parser never raises on arbitrary text, and parse(render(record)) recovers the record for
the Google Scholar form."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bibconv.citations import parse_citation
from bibconv.errors import BibconvError
from bibconv.model import OTHERS


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_arbitrary_text(text):
    try:
        parsed = parse_citation(text)
    except BibconvError:
        return
    assert parsed.ok or parsed.record.entry_type == "misc"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                '"',
                "(",
                ")",
                "et al.",
                "2020",
                "pp.",
                "10.1/x",
                "arXiv:",
                ",",
                ".",
                "Smith, J.",
                "In:",
                ":",
                ";",
            ]
        ),
        max_size=40,
    )
)
def test_never_raises_on_citation_like_junk(pieces):
    try:
        parse_citation(" ".join(pieces))
    except BibconvError:
        pass


_FAMILIES = [
    "Hinton",
    "LeCun",
    "Frantar",
    "Dettmers",
    "Nagel",
    "Schölkopf",
    "Ng",
    "O'Connor",
    "Smith-Jones",
    "Zhang",
]
_GIVENS = [
    "Geoffrey",
    "Yann",
    "Elias",
    "Tim",
    "Markus",
    "Bernhard",
    "Andrew",
    "Sarah",
    "Karen",
    "Wei",
    "William J.",
]
_WORDS = ["quantization", "sparse", "neural", "networks", "efficient", "inference", "large", "language", "models", "training",
          "low-bit", "diffusion", "transformers", "pruning", "distillation", "for", "of", "with", "via"]  # fmt: skip
_JOURNALS = [
    "Journal of Machine Learning Research",
    "IEEE Signal Processing Magazine",
    "Nature Communications",
    "Neural Computation",
]

_title = st.lists(st.sampled_from(_WORDS), min_size=2, max_size=10).map(
    lambda ws: (" ".join(ws)).capitalize()
)
_person = st.tuples(st.sampled_from(_FAMILIES), st.sampled_from(_GIVENS))


def _scholar_authors(people: list[tuple[str, str]]) -> str:
    if len(people) > 3:
        return f"{people[0][0]}, {people[0][1]}, et al"
    first = f"{people[0][0]}, {people[0][1]}"
    rest = [f"{given} {family}" for family, given in people[1:]]
    if not rest:
        return first
    if len(rest) == 1:
        return f"{first}, and {rest[0]}"
    return f"{first}, {rest[0]}, and {rest[1]}"


@settings(max_examples=80, deadline=None)
@given(
    people=st.lists(_person, min_size=1, max_size=5, unique_by=lambda p: p[0]),
    title=_title,
    year=st.integers(1990, 2025),
    kind=st.sampled_from(["journal", "arxiv", "proceedings"]),
    journal=st.sampled_from(_JOURNALS),
    volume=st.integers(1, 120),
    issue=st.integers(1, 24),
    first_page=st.integers(1, 5000),
)
def test_scholar_form_round_trip(people, title, year, kind, journal, volume, issue, first_page):
    authors = _scholar_authors(people).rstrip(".")  # "Dally, William J." ends with its own period
    if kind == "journal":
        text = f'{authors}. "{title}." {journal} {volume}.{issue} ({year}): {first_page}-{first_page + 9}.'
    elif kind == "arxiv":
        text = f'{authors}. "{title}." arXiv preprint arXiv:2{year % 10}01.0{first_page:04d} ({year}).'
    else:
        text = f'{authors}. "{title}." Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition. {year}.'
    record = parse_citation(text).record
    assert record.title == title
    assert record.issued == str(year)
    assert (record.author[0].family, record.author[0].given) == people[0]
    if len(people) > 3:
        assert record.author[-1] == OTHERS and len(record.author) == 2
    else:
        assert [(n.family, n.given) for n in record.author] == people
    if kind == "journal":
        assert (record.entry_type, record.container_title, record.volume, record.issue) == (
            "article",
            journal,
            str(volume),
            str(issue),
        )
        assert record.page == f"{first_page}–{first_page + 9}"
    elif kind == "arxiv":
        assert (record.entry_type, record.arxiv) == ("misc", f"2{year % 10}01.0{first_page:04d}")
    else:
        assert record.entry_type == "inproceedings"
