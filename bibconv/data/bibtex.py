"""BibTeX/biblatex tables used by the BibTeX reader and writer (data, not code paths).

The reader maps BibTeX field names onto ``Record`` attributes with these tables; the writer uses the same
tables backwards, so that reading what we wrote gives back the same record.
"""

from __future__ import annotations

#: Record attributes that hold one plain-text BibTeX field, by field name (the type-dependent ones —
#: container, number, publisher — are in the per-type tables below).
SIMPLE_FIELDS: dict[str, str] = {
    "title": "title",
    "shortjournal": "container_title_short",
    "series": "collection_title",
    "volume": "volume",
    "issue": "issue",
    "pages": "page",
    "edition": "edition",
    "address": "publisher_place",
    "eventtitle": "event_title",
    "type": "genre",
    "doi": "doi",
    "url": "url",
    "code": "code_url",
    "isbn": "isbn",
    "issn": "issn",
    "language": "language",
    "abstract": "abstract",
    "note": "note",
    # fallbacks for the number-like attributes that the type does not store in ``number``
    "seriesnumber": "collection_number",
    "reportnumber": "number",
}

#: biblatex (and other) spellings read as their BibTeX equivalents.
ALIASES: dict[str, str] = {
    "journaltitle": "journal",
    "location": "address",
    "eprinttype": "archiveprefix",
    "primaryclass": "primaryclass",
    "shortjournaltitle": "shortjournal",
    "journalabbrev": "shortjournal",
    "keyword": "keywords",
}

NAME_FIELDS: dict[str, str] = {"author": "author", "editor": "editor", "translator": "translator"}

#: Fields whose values are URLs or identifiers: not LaTeX, only ``\\_``-style escapes are undone.
VERBATIM_FIELDS = frozenset(
    {"url", "doi", "eprint", "code", "file", "pdf", "biburl", "urldate", "ids", "bibsource"}
)

#: The BibTeX field that holds ``container_title``, per entry type (default ``journal``).
CONTAINER_FIELD: dict[str, str] = {
    "article": "journal",
    "periodical": "journal",
    "inproceedings": "booktitle",
    "conference": "booktitle",
    "incollection": "booktitle",
    "inbook": "booktitle",
    "inreference": "booktitle",
    "proceedings": "booktitle",
    "book": "booktitle",
}
CONTAINER_FIELDS = ("journal", "booktitle")

#: Title fields whose brace-protected words are kept in ``Record.case_protected``.
CASE_PROTECTED_FIELDS = (
    "title", "subtitle", "titleaddon", "booktitle", "booksubtitle", "booktitleaddon", "maintitle",
    "mainsubtitle", "series", "eventtitle",
)  # fmt: skip

#: The record attribute that BibTeX's ``number`` field holds, per entry type (default ``number``).
NUMBER_ATTRIBUTE: dict[str, str] = {
    "article": "issue",
    "periodical": "issue",
    "book": "collection_number",
    "inbook": "collection_number",
    "incollection": "collection_number",
    "inproceedings": "collection_number",
    "conference": "collection_number",
    "proceedings": "collection_number",
}
#: Where the number-like attributes go when ``number`` is taken by another one.
NUMBER_FALLBACK_FIELD: dict[str, str] = {
    "issue": "issue",
    "collection_number": "seriesnumber",
    "number": "reportnumber",
}

#: The BibTeX field that holds ``publisher``, per entry type (default ``publisher``); CSL has one
#: "publisher" for what BibTeX calls school (theses) and institution (reports).
PUBLISHER_FIELD: dict[str, str] = {
    "phdthesis": "school",
    "mastersthesis": "school",
    "thesis": "school",
    "techreport": "institution",
    "report": "institution",
}
PUBLISHER_SYNONYMS = {"school": "institution", "institution": "school"}

#: Output order of known fields; ``extra`` fields follow in sorted order.
FIELD_ORDER: tuple[str, ...] = (
    "title", "author", "editor", "translator", "journal", "booktitle", "shortjournal", "series",
    "eventtitle", "type", "volume", "number", "issue", "seriesnumber", "reportnumber", "pages",
    "edition", "publisher", "school", "institution", "address", "year", "month", "date", "isbn", "issn",
    "doi", "eprint", "archiveprefix", "url", "code", "language", "note", "keywords", "groups", "ids",
    "abstract",
)  # fmt: skip

MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
#: Month number -> the BibTeX macro written for it (unbraced, so styles print the month their own way).
MONTH_MACROS: tuple[str, ...] = (
    "",
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
#: The text BibTeX's standard styles give the month macros, used when ``jan`` appears in a value.
MONTH_MACRO_TEXT: dict[str, str] = {MONTH_MACROS[i + 1]: name for i, name in enumerate(MONTH_NAMES)}
#: Month names and abbreviations (lower case) -> month number.
MONTHS: dict[str, int] = {
    **{name.lower(): i + 1 for i, name in enumerate(MONTH_NAMES)},
    **{macro: i for i, macro in enumerate(MONTH_MACROS) if macro},
    "sept": 9,
}

#: arXiv identifiers: new style (``2210.17323``) and old style (``hep-th/9901001``), optional version.
ARXIV_ID = r"(?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})"
#: Google Scholar's venue for preprints.
SCHOLAR_ARXIV_VENUE = "arXiv preprint arXiv:{id}"
ARXIV_DOI_PREFIX = "10.48550/arXiv."
