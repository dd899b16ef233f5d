"""The BibTeX <-> CSL vocabulary as literal tables, plus the small value codecs both directions share.

How a BibTeX field reaches CSL (the BibTeX reader fills the ``Record``; the CSL writer maps the record):

| BibTeX / biblatex field            | Record field            | CSL variable                          |
| ---------------------------------- | ----------------------- | ------------------------------------- |
| title                              | title                   | title                                 |
| author / editor / translator       | author / editor / ...   | author / editor / translator          |
| journal, journaltitle, booktitle   | container_title         | container-title                       |
| shortjournal                       | container_title_short   | container-title-short                 |
| series                             | collection_title        | collection-title                      |
| number (of a book in a series)     | collection_number       | collection-number                     |
| volume                             | volume                  | volume                                |
| number / issue (of a journal)      | issue                   | issue                                 |
| number (report, patent, standard)  | number                  | number                                |
| pages                              | page (``1–30``)         | page (``1-30``)                       |
| edition                            | edition                 | edition                               |
| publisher, school, institution     | publisher               | publisher                             |
| address, location                  | publisher_place         | publisher-place                       |
| eventtitle                         | event_title             | event-title                           |
| type                               | genre                   | genre                                 |
| year, month, day, date             | issued                  | issued ``{"date-parts": [[y, m, d]]}``|
| doi / url / isbn / issn            | doi / url / isbn / issn | DOI / URL / ISBN / ISSN               |
| language, langid                   | language                | language                              |
| abstract / note / keywords         | abstract / note / ...   | abstract / note / keyword             |
| eprint (arXiv)                     | arxiv                   | number ``arXiv:<id>`` + URL + DOI     |
| eprint (jstor, pubmed, googlebooks)| extra[eprint]           | URL                                   |
| location (of a patent)             | publisher_place         | jurisdiction (``countryde``: Germany) |
| (paper-list sections, code links)  | groups / code_url / ids | custom                                |
| any other field                    | extra[name]             | ``EXTRA_FIELD_TO_CSL`` + custom       |

A thesis gets the CSL genre pandoc gives it (``PhD thesis``, ``Master’s thesis``) when it has none;
an arXiv preprint (``@misc`` with an eprint) is the CSL ``article`` type with ``publisher: arXiv``,
as Zotero writes it.
"""

from __future__ import annotations

import re

#: BibTeX/biblatex entry type -> CSL type. Every CSL type in ``CSL_TO_BIBTEX_TYPE`` maps back.
BIBTEX_TO_CSL_TYPE: dict[str, str] = {
    "article": "article-journal",
    "suppperiodical": "article-journal",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "incollection": "chapter",
    "inbook": "chapter",
    "bookinbook": "chapter",
    "suppbook": "chapter",
    "suppcollection": "chapter",
    "book": "book",
    "mvbook": "book",
    "collection": "book",  # biblatex @collection is an edited book; CSL "collection" is an archive's
    "mvcollection": "book",
    "proceedings": "book",
    "mvproceedings": "book",
    "reference": "book",
    "mvreference": "book",
    "manual": "book",
    "booklet": "pamphlet",
    "inreference": "entry-encyclopedia",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "misc": "document",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "software": "software",
    "dataset": "dataset",
    "data": "dataset",
    "unpublished": "manuscript",
    "patent": "patent",
    "standard": "standard",
    "periodical": "periodical",
    "review": "review",
    "artwork": "graphic",
    "image": "graphic",
    "audio": "song",
    "music": "song",
    "video": "motion_picture",
    "movie": "motion_picture",
    "letter": "personal_communication",
    "jurisdiction": "legal_case",
    "legislation": "legislation",
    "legal": "treaty",
    "performance": "performance",
    "presentation": "speech",
}

#: CSL type -> BibTeX type, for every type of the CSL 1.0.2 schema. ``thesis`` depends on the genre
#: (see ``bibtex_type``); types BibTeX has no word for become ``misc``.
CSL_TO_BIBTEX_TYPE: dict[str, str] = {
    "article": "misc",  # preprints and working papers (arXiv): what Better BibTeX writes
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "bill": "misc",
    "book": "book",
    "broadcast": "misc",
    "chapter": "incollection",
    "classic": "book",
    "collection": "misc",
    "dataset": "dataset",
    "document": "misc",
    "entry": "incollection",
    "entry-dictionary": "incollection",
    "entry-encyclopedia": "incollection",
    "event": "misc",
    "figure": "misc",
    "graphic": "misc",
    "hearing": "misc",
    "interview": "misc",
    "legal_case": "misc",
    "legislation": "misc",
    "manuscript": "unpublished",
    "map": "misc",
    "motion_picture": "misc",
    "musical_score": "misc",
    "pamphlet": "booklet",
    "paper-conference": "inproceedings",
    "patent": "patent",
    "performance": "misc",
    "periodical": "periodical",
    "personal_communication": "misc",
    "post": "online",
    "post-weblog": "online",
    "regulation": "misc",
    "report": "techreport",
    "review": "article",
    "review-book": "article",
    "software": "software",
    "song": "misc",
    "speech": "misc",
    "standard": "standard",
    "thesis": "phdthesis",
    "treaty": "misc",
    "webpage": "online",
}

#: CSL type of an arXiv preprint (a ``misc`` entry with an eprint).
PREPRINT_CSL_TYPE = "article"
PREPRINT_BIBTEX_TYPES = frozenset({"misc"})
ARXIV_PUBLISHER = "arXiv"

#: The genre pandoc gives a thesis without one; read back, it decides phdthesis vs mastersthesis.
DEFAULT_GENRE: dict[str, str] = {"phdthesis": "PhD thesis", "mastersthesis": "Master’s thesis"}
_MASTERS_GENRE = re.compile(r"master|m\.?\s?sc|m\.?\s?a\.?\b|magister|diplom|bachelor", re.IGNORECASE)

#: Record text field -> CSL variable (the record's names follow CSL, so this is nearly the identity).
RECORD_TO_CSL_TEXT: dict[str, str] = {
    "title": "title",
    "container_title": "container-title",
    "container_title_short": "container-title-short",
    "collection_title": "collection-title",
    "collection_number": "collection-number",
    "volume": "volume",
    "issue": "issue",
    "page": "page",
    "number": "number",
    "edition": "edition",
    "publisher": "publisher",
    "publisher_place": "publisher-place",
    "event_title": "event-title",
    "genre": "genre",
    "doi": "DOI",
    "url": "URL",
    "isbn": "ISBN",
    "issn": "ISSN",
    "language": "language",
    "abstract": "abstract",
    "note": "note",
}
RECORD_TO_CSL_NAMES: dict[str, str] = {"author": "author", "editor": "editor", "translator": "translator"}
CSL_TO_RECORD_TEXT: dict[str, str] = {v: k for k, v in RECORD_TO_CSL_TEXT.items()}
CSL_TO_RECORD_NAMES: dict[str, str] = {v: k for k, v in RECORD_TO_CSL_NAMES.items()}

#: Older or Zotero spellings of CSL variables, read as the current one.
CSL_ALIASES: dict[str, str] = {
    "journalAbbreviation": "container-title-short",
    "shortTitle": "title-short",
    "event": "event-title",  # CSL 1.0.1 name
}

#: Record fields with no CSL variable: written into ``custom`` under the field's own name.
CUSTOM_RECORD_FIELDS: tuple[str, ...] = ("arxiv", "code_url", "groups", "ids", "case_protected")

#: Extra BibTeX fields (``Record.extra``) that have a CSL variable: name -> (CSL variable, kind).
#: Kind is ``text`` or ``date``. The exact BibTeX value also goes into ``custom`` so nothing is lost.
EXTRA_FIELD_TO_CSL: dict[str, tuple[str, str]] = {
    "chapter": ("chapter-number", "text"),
    "pagetotal": ("number-of-pages", "text"),
    "volumes": ("number-of-volumes", "text"),
    "part": ("part", "text"),
    "version": ("version", "text"),
    "pubstate": ("status", "text"),
    "shorttitle": ("title-short", "text"),
    "origtitle": ("original-title", "text"),
    "origpublisher": ("original-publisher", "text"),
    "origlocation": ("original-publisher-place", "text"),
    "venue": ("event-place", "text"),
    "annote": ("annote", "text"),
    "pmid": ("PMID", "text"),
    "pmcid": ("PMCID", "text"),
    "archive": ("archive", "text"),
    "urldate": ("accessed", "date"),
    "eventdate": ("event-date", "date"),
    "origdate": ("original-date", "date"),
}
CSL_TO_EXTRA_FIELD: dict[str, tuple[str, str]] = {
    csl: (f, kind) for f, (csl, kind) in EXTRA_FIELD_TO_CSL.items()
}

#: biblatex's ``eprinttype`` -> the address of an ``eprint`` of that kind (biblatex links them, pandoc
#: writes them as the URL); arXiv ids are a record field of their own.
EPRINT_URLS: dict[str, str] = {
    "googlebooks": "https://books.google.com?id={}",
    "jstor": "https://www.jstor.org/stable/{}",
    "pubmed": "https://www.ncbi.nlm.nih.gov/pubmed/{}",
    "hdl": "https://hdl.handle.net/{}",
}

#: Extra fields that stand in for a missing CSL publisher, as pandoc does (first one present wins).
PUBLISHER_FALLBACK_FIELDS: tuple[str, ...] = ("organization", "howpublished")

#: CSL date and name variables (from the schema), to read unmapped ones with the right codec.
CSL_DATE_VARIABLES = frozenset(
    {"accessed", "available-date", "event-date", "issued", "original-date", "submitted"}
)
CSL_NAME_VARIABLES = frozenset(
    {
        "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor",
        "curator", "director", "editor", "editorial-director", "executive-producer", "guest", "host",
        "interviewer", "illustrator", "narrator", "organizer", "original-author", "performer", "producer",
        "recipient", "reviewed-author", "script-writer", "series-creator", "translator",
    }
)  # fmt: skip

#: BibTeX/babel language names -> the BCP 47 tags CSL expects (pandoc title-cases only English titles).
LANGUAGE_TO_BCP47: dict[str, str] = {
    "english": "en", "american": "en-US", "usenglish": "en-US", "british": "en-GB", "ukenglish": "en-GB",
    "german": "de", "ngerman": "de-DE", "austrian": "de-AT", "naustrian": "de-AT", "swissgerman": "de-CH",
    "french": "fr", "spanish": "es", "italian": "it", "dutch": "nl", "portuguese": "pt", "brazil": "pt-BR",
    "brazilian": "pt-BR", "russian": "ru", "ukrainian": "uk", "polish": "pl", "czech": "cs", "slovak": "sk",
    "swedish": "sv", "danish": "da", "norwegian": "nb", "norsk": "nb", "nynorsk": "nn", "finnish": "fi",
    "icelandic": "is", "greek": "el", "turkish": "tr", "catalan": "ca", "hungarian": "hu", "romanian": "ro",
    "croatian": "hr", "serbian": "sr", "slovene": "sl", "latin": "la", "hebrew": "he", "arabic": "ar",
    "chinese": "zh", "japanese": "ja", "korean": "ko", "vietnamese": "vi", "indonesian": "id", "hindi": "hi",
}  # fmt: skip

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip

#: CSL-JSON's legacy season months (21–24) and their names.
SEASONS: dict[int, str] = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}


def csl_type(entry_type: str, has_arxiv: bool = False) -> str:
    """The CSL type of a BibTeX entry type; unknown types are a generic ``document``."""
    if has_arxiv and entry_type in PREPRINT_BIBTEX_TYPES:
        return PREPRINT_CSL_TYPE
    return BIBTEX_TO_CSL_TYPE.get(entry_type, "document")


def bibtex_type(csl: str, genre: str = "") -> str | None:
    """The BibTeX type of a CSL type (``None`` when unknown); a master's genre makes a mastersthesis."""
    if csl == "thesis" and _MASTERS_GENRE.search(genre):
        return "mastersthesis"
    return CSL_TO_BIBTEX_TYPE.get(csl)


# --- value codecs shared by the reader and the writer -------------------------------------------

_RANGE = re.compile(
    r"(?<![\w-])([^\s,;–—-]*\d[^\s,;–—-]*)\s*(?:--?|–|—)\s*([^\s,;–—-]*\d[^\s,;–—-]*)(?![\w-])"
)
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_ARXIV_NUMBER = re.compile(r"^\s*arxiv\s*:\s*(\S+?)(?:v\d+)?\s*$", re.IGNORECASE)


def page_to_csl(page: str) -> str:
    """``1–30`` -> ``1-30``: CSL-JSON writers (pandoc, Zotero) use a hyphen for ranges."""
    return _RANGE.sub(r"\1-\2", page)


def page_from_csl(page: str) -> str:
    """``1-30``, ``1--30``, ``1 — 30`` -> ``1–30`` (the model's en dash); ``S-12`` is no range."""
    return _RANGE.sub(r"\1–\2", page.strip())


def keywords_to_csl(keywords: tuple[str, ...]) -> str:
    return ", ".join(keywords)


def keywords_from_csl(text: str) -> tuple[str, ...]:
    separator = "," if "," in text else ";"
    return tuple(word.strip() for word in text.split(separator) if word.strip())


def arxiv_from_number(number: str) -> str:
    """``arXiv:2210.17323v2`` -> ``2210.17323``; anything else -> ``""``."""
    match = _ARXIV_NUMBER.match(number)
    return match.group(1) if match else ""


def arxiv_number(arxiv: str) -> str:
    return f"arXiv:{arxiv}"


def arxiv_url(arxiv: str) -> str:
    return f"https://arxiv.org/abs/{arxiv}"


def arxiv_doi(arxiv: str) -> str:
    """The DOI arXiv registers for every paper (``10.48550/arXiv.2210.17323``: no version suffix)."""
    return "10.48550/arXiv." + re.sub(r"v\d+$", "", arxiv)


def date_to_csl(value: str) -> dict:
    """``2020-03-05`` -> ``{"date-parts": [[2020, 3, 5]]}``, a range ``2019/2020`` -> two date-parts;
    anything not a valid ISO date is a literal."""
    ends = [_iso_parts(part) for part in value.split("/", 1)]
    if all(ends):
        return {"date-parts": ends}
    return {"literal": value}


def _iso_parts(value: str) -> list[int] | None:
    match = _ISO.match(value)
    if not match:
        return None
    parts = [int(p) for p in match.groups() if p]
    if (len(parts) < 2 or 1 <= parts[1] <= 12) and (len(parts) < 3 or 1 <= parts[2] <= 31):
        return parts
    return None


def date_parts_to_text(parts: list[int]) -> str:
    """``[2020, 3, 5]`` -> ``2020-03-05`` (year, month, day; months already validated)."""
    year, *rest = parts
    return "-".join([f"{year:04d}", *(f"{p:02d}" for p in rest)])


_NOCASE_SPAN = re.compile(r'<span class="nocase">(.*?)</span>', re.IGNORECASE | re.DOTALL)
_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")


def _case_matters(word: str) -> bool:
    """A capital after the first letter of a run of letters: ``GPTQ``, ``LLMs``, ``t-SNE``, ``iPhone``."""
    return any(any(ch.isupper() for ch in run[1:]) for run in _LETTERS.findall(word))


def protect_case(title: str) -> str:
    """Wrap case-significant words in ``<span class="nocase">``; an all-capitals title is left alone."""
    if title == title.upper():
        return title
    # Most words are lowercase after their first letter: a cheap test spares the regex for them.
    if not any(_case_matters(w) for w in title.split() if not w[1:].islower()):
        return title
    return _WORD.sub(
        lambda m: f'<span class="nocase">{m.group(0)}</span>' if _case_matters(m.group(0)) else m.group(0),
        title,
    )


def strip_case_protection(title: str) -> str:
    """Drop nocase spans (ours, pandoc's, Zotero's): the model keeps a title's case as written."""
    return _NOCASE_SPAN.sub(r"\1", title)

#: biblatex localisation keys that stand for words in ``type`` and ``series`` fields, as pandoc prints
#: them in English (``type = {phdthesis}`` -> genre "PhD thesis").
BIBLATEX_KEY_STRINGS: dict[str, str] = {
    "phdthesis": "PhD thesis",
    "mathesis": "Master’s thesis",
    "candthesis": "Candidate thesis",
    "techreport": "technical report",
    "resreport": "research report",
    "software": "computer software",
    "datacd": "CD-ROM",
    "audiocd": "audio CD",
    "patent": "patent",
    "patentde": "German patent",
    "patenteu": "European patent",
    "patentfr": "French patent",
    "patentuk": "British patent",
    "patentus": "U.S. patent",
    "patreq": "patent request",
    "patreqde": "German patent request",
    "patreqeu": "European patent request",
    "patreqfr": "French patent request",
    "patrequk": "British patent request",
    "patrequs": "U.S. patent request",
    "newseries": "New series",
    "oldseries": "Old series",
    # a patent's location lists the countries it was filed in (biblatex's english.lbx)
    "countryde": "Germany",
    "countryeu": "European Union",
    "countryep": "European Union",
    "countryfr": "France",
    "countryuk": "United Kingdom",
    "countryus": "United States of America",
}
