"""Reusable hypothesis strategies for valid ``Record``s, for every module's round-trip properties.

Records are generated in the model's canonical form (see docs/architecture.md): text without
leading/trailing or repeated whitespace, page ranges with an en dash, bare DOIs and arXiv ids,
``issued`` as ISO date or literal, ``OTHERS`` only last. Restrict the text with ``records(text=...)``
when a format cannot carry everything (e.g. ``records(text=plain_text)`` for ASCII-only tests).

    from strategies import records  # tests/ is on sys.path under pytest

    @given(records())
    def test_round_trip(record): ...
"""

from __future__ import annotations

import string

from hypothesis import strategies as st

from bibconv.data.csl import BIBTEX_TO_CSL_TYPE
from bibconv.model import OTHERS, Name, Record

__all__ = [
    "records",
    "record_lists",
    "names",
    "name_lists",
    "unicode_text",
    "plain_text",
    "issued_dates",
    "pages",
    "dois",
    "arxiv_ids",
    "ENTRY_TYPES",
    "EXTRA_FIELDS",
]

#: Every BibTeX/biblatex entry type of the type table.
ENTRY_TYPES: tuple[str, ...] = tuple(sorted(BIBTEX_TO_CSL_TYPE))

#: BibTeX fields the model has no slot for, as they end up in ``Record.extra``.
EXTRA_FIELDS: tuple[str, ...] = (
    "howpublished", "organization", "chapter", "urldate", "eprintclass", "pmid", "annote", "version",
    "pagetotal", "venue", "eventdate", "timestamp", "addendum", "titleaddon", "school-code",
)  # fmt: skip

_FIELD_NAMES = ("issued", "container_title", "doi", "arxiv", "page", "url", "publisher", "author")
_OTHERS_WORDS = {"others", "et al.", "et al", "et. al.", "etal", "…", "..."}

_word_chars = st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zs", "Zl", "Zp"))


def _words(chars: st.SearchStrategy[str], max_words: int) -> st.SearchStrategy[str]:
    word = st.text(chars, min_size=1, max_size=12)
    return st.lists(word, min_size=1, max_size=max_words).map(" ".join)


#: Any unicode text in canonical form (single spaces, no control characters).
unicode_text: st.SearchStrategy[str] = _words(_word_chars, 8)
#: Letters, digits and light punctuation only: what every format carries without escaping.
plain_text: st.SearchStrategy[str] = _words(st.sampled_from(string.ascii_letters + string.digits + ".-:'"), 8)

_capitalised = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("ABCDEFGHIJKLMNOPRSTVWZÅÉÖŁŠ"),
    st.text(st.sampled_from("abcdefghijklmnoprstuvwyzäéíöüłç"), min_size=1, max_size=9),
)


@st.composite
def names(draw: st.DrawFn, text: st.SearchStrategy[str] | None = None) -> Name:
    """A person (given, particle, family, suffix) or a corporate literal; never the others marker."""
    part = text or st.one_of(_capitalised, unicode_text)
    if draw(st.integers(0, 9)) == 0:
        literal = draw(part.filter(lambda t: t.lower() not in _OTHERS_WORDS))
        return Name(literal=literal)
    family = draw(part.filter(lambda t: t.lower() not in _OTHERS_WORDS))
    given = draw(st.one_of(st.just(""), part, st.sampled_from(["J.", "J. R. R.", "Mary-Ann", "Zhang San"])))
    particle = draw(st.sampled_from(["", "", "", "van", "van der", "de la", "von", "di", "dos"]))
    suffix = draw(st.sampled_from(["", "", "", "", "Jr.", "III", "Sr."]))
    return Name(family=family, given=given, particle=particle, suffix=suffix)


def name_lists(
    text: st.SearchStrategy[str] | None = None, max_size: int = 5
) -> st.SearchStrategy[tuple[Name, ...]]:
    """Names, sometimes ending with the "and others" marker."""
    return st.tuples(st.lists(names(text), max_size=max_size), st.booleans()).map(
        lambda pair: (*pair[0], OTHERS) if pair[0] and pair[1] else tuple(pair[0])
    )


@st.composite
def issued_dates(draw: st.DrawFn) -> str:
    year = draw(st.integers(1600, 2030))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    return draw(
        st.sampled_from(
            [
                f"{year}",
                f"{year}-{month:02d}",
                f"{year}-{month:02d}-{day:02d}",
                "in press",
                "forthcoming",
                "n.d.",
            ]
        )
    )


@st.composite
def pages(draw: st.DrawFn) -> str:
    first = draw(st.integers(1, 5000))
    last = first + draw(st.integers(1, 300))
    return draw(
        st.sampled_from(
            [f"{first}", f"{first}–{last}", f"e{first}", f"S{first}–S{last}", f"{first}–{last}, {last + 2}"]
        )
    )


dois: st.SearchStrategy[str] = st.builds(
    lambda prefix, suffix: f"10.{prefix}/{suffix}",
    st.integers(1000, 99999),
    st.text(
        st.sampled_from(string.ascii_letters + string.digits + ".-_;()/"), min_size=1, max_size=20
    ).filter(lambda s: not s.startswith("/")),
)

arxiv_ids: st.SearchStrategy[str] = st.one_of(
    st.builds(
        lambda y, m, n: f"{y:02d}{m:02d}.{n:05d}",
        st.integers(15, 25),
        st.integers(1, 12),
        st.integers(0, 99999),
    ),
    st.builds(
        lambda y, m, n: f"{y:02d}{m:02d}.{n:04d}",
        st.integers(7, 14),
        st.integers(1, 12),
        st.integers(0, 9999),
    ),
    st.builds(
        lambda arch, y, n: f"{arch}/{y:02d}{n:05d}",
        st.sampled_from(["hep-th", "math.AG", "cond-mat", "astro-ph", "cs"]),
        st.integers(91, 99),
        st.integers(1, 99999),
    ),
)

_keys = st.from_regex(r"[a-z][a-z0-9]{1,12}(19|20)\d\d[a-z]{0,8}", fullmatch=True)
_urls = st.builds(
    lambda path: f"https://example.org/{path}", st.from_regex(r"[a-z0-9/_-]{0,20}", fullmatch=True)
)
_numbers = st.one_of(st.integers(1, 999).map(str), st.sampled_from(["TR-2020-01", "12a", "IV"]))


def _maybe(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.just(""), strategy)


@st.composite
def records(
    draw: st.DrawFn, text: st.SearchStrategy[str] | None = None, entry_types: tuple[str, ...] = ENTRY_TYPES
) -> Record:
    """A valid record of any entry type; most optional fields are empty or filled at random."""
    name_text = text  # names default to capitalised words and unicode
    text = text or unicode_text
    keywords = st.lists(text, max_size=4).map(tuple)
    extra = st.dictionaries(st.sampled_from(EXTRA_FIELDS), text, max_size=3)
    record = Record(
        entry_type=draw(st.sampled_from(entry_types)),
        key=draw(st.one_of(_keys, st.just(""))),
        title=draw(_maybe(text)),
        author=draw(name_lists(name_text)),
        editor=draw(st.one_of(st.just(()), name_lists(name_text, 3))),
        translator=draw(st.one_of(st.just(()), name_lists(name_text, 2))),
        issued=draw(_maybe(issued_dates())),
        container_title=draw(_maybe(text)),
        container_title_short=draw(_maybe(text)),
        collection_title=draw(_maybe(text)),
        collection_number=draw(_maybe(_numbers)),
        volume=draw(_maybe(_numbers)),
        issue=draw(_maybe(_numbers)),
        page=draw(_maybe(pages())),
        number=draw(_maybe(_numbers)),
        edition=draw(_maybe(st.sampled_from(["2", "3rd", "Revised"]))),
        publisher=draw(_maybe(text)),
        publisher_place=draw(_maybe(text)),
        event_title=draw(_maybe(text)),
        genre=draw(_maybe(text)),
        doi=draw(_maybe(dois)),
        arxiv=draw(_maybe(arxiv_ids)),
        url=draw(_maybe(_urls)),
        code_url=draw(
            _maybe(
                st.builds(
                    lambda p: f"https://github.com/{p}",
                    st.from_regex(r"[a-z]{1,8}/[a-z]{1,8}", fullmatch=True),
                )
            )
        ),
        isbn=draw(_maybe(st.sampled_from(["978-3-16-148410-0", "0-306-40615-2"]))),
        issn=draw(_maybe(st.sampled_from(["1532-4435", "0028-0836"]))),
        language=draw(_maybe(st.sampled_from(["en", "de-DE", "english", "zh"]))),
        abstract=draw(_maybe(text)),
        note=draw(_maybe(text)),
        keywords=draw(keywords),
        groups=draw(st.lists(st.builds(lambda a, b: f"{a} / {b}", text, text) | text, max_size=2).map(tuple)),
        ids=draw(st.lists(_keys, max_size=2).map(tuple)),
        extra=draw(extra),
        inferred=draw(st.frozensets(st.sampled_from(_FIELD_NAMES), max_size=2)),
    )
    if not (record.title or record.author or record.doi or record.url or record.arxiv):
        record = record.with_changes(title=draw(text))  # a record describes some work
    return record


def record_lists(max_size: int = 5, **kwargs) -> st.SearchStrategy[list[Record]]:
    return st.lists(records(**kwargs), max_size=max_size)
