"""From a citation string to a ``Record``: rules where the structure is certain, a learned labeller for the rest.

1. Clean the string (numbering, bullets, whitespace) and split off an acceptance note ``(NeurIPS 2024)``.
2. Find identifiers with rules: DOI, arXiv id, URL anywhere in the string.
3. Label every token with the CRF (author, title, container, volume, issue, pages, date, publisher, …).
4. Turn each labelled segment into values with the normalizers of ``fields.py``.
5. Infer the entry type from what was found and normalise the venue through the venue table.

Entry types: ``article`` (journal), ``inproceedings`` (a venue the table knows as a conference or workshop,
or a container named "Proceedings …/Conference …"), ``incollection`` (a book container with editors or a
publisher), ``book``, ``phdthesis``/``mastersthesis``, ``techreport`` and ``misc``. An arXiv preprint with
no other venue is ``misc`` with ``arxiv`` set — what arXiv's own BibTeX export and biblatex users expect
(``@misc`` + ``eprint``/``archiveprefix``); the BibTeX writer adds those fields, or Google Scholar's
``journal = {arXiv preprint arXiv:…}`` form with ``--arxiv-style scholar``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, reduce
from itertools import compress, repeat
from operator import and_, or_
from types import SimpleNamespace

from ..data.venues import lookup as lookup_venue
from ..errors import BibconvError
from ..gcpause import cyclic_gc_paused
from ..model import Record, Source
from . import fields
from .crf import TOGETHER_FROM, tag_many, tag_tokens
from .gbt7714 import looks_like_gbt7714, parse_gbt7714
from .gost import looks_like_gost, parse_gost
from .japanese import looks_like_japanese, parse_japanese
from .notes import AcceptanceNote, split_acceptance_note, split_publication_status
from .roles import RoleNotes, cut_role_notes, may_hold_role_formula
from .tokens import Token, tokenize

__all__ = ["ParsedCitation", "parse_citation", "parse_citations"]

#: Longest citation considered; longer text is not a citation (a paragraph pasted by mistake).
MAX_LENGTH = 2000


@dataclass(frozen=True, slots=True)
class ParsedCitation:
    """The record parsed from a citation; ``ok`` is False when not even a title was found."""

    record: Record
    ok: bool
    problems: tuple[str, ...] = ()


_LEADING_NUMBER = re.compile(
    r"^\s*(?:[-*•·+]\s+|\[\s*\d+\s*\]\s*|\(\s*\d+\s*\)\s*|\d{1,4}\s*[.)]\s*(?=[^\W\d])|\d{1,3}\s+(?=[^\W\d]))"
)
_CONFERENCE_WORDS = re.compile(
    r"\b(?:proceedings|proc\.|conference|conf\.|workshops?|symposium|symp\.|congress|colloquium|meeting|"
    r"convention|summit|forum|ICML|NeurIPS|NIPS|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|SIGIR|"
    r"Interspeech|ICASSP|tagung|tagungsband|konferenz|congrès|congreso|congresso|convegno|simp[óo]sio|simposio|"
    r"jornadas|atti|actas|anais|actes)(?!\w)",  # not \b: "Proc.," ends in a period
    re.IGNORECASE,
)
#: "Proc." as the only conference word: journals ("Proc. Steklov Inst. Math.") are named so too.
_ONLY_PROC = re.compile(r"^(?!.*\b(?:conf|symp|workshop|congress|meeting|proceedings)\b)Proc\.\s", re.IGNORECASE)
#: "ESOP 2021", "MICCAI 2015", "CVPR'22": a venue acronym with its year names a conference.
_ACRONYM_YEAR = re.compile(r"\b[A-Z][A-Z&-]{2,}\s?(?:'\d\d|(?:19|20)\d\d)\b")
#: A university (not its press) as the only publisher: the institution of a thesis.
_UNIVERSITY = re.compile(
    r"\b(?:universit\w*|univ\.|institute\s+of\s+technology|polytechnic\w*|politecnico|college|école|"
    r"hochschule|uniwersytet|universidad|universidade)(?!\w)",
    re.IGNORECASE,
)
#: Book containers. "Studies" only opening a series ("Studies in Logic"): "Review of Economic Studies",
#: "Political Studies" are journals.
_BOOKISH_CONTAINER = re.compile(
    r"\b(?:handbook|encyclopedia|companion|reader|essays|lectures?|volume)\b|^studies\s+(?:in|on|of)\b",
    re.IGNORECASE,
)
_ARXIV_CONTAINER = re.compile(
    r"^(?:(?:preprint\s+(?:at|on|in)\s+)?arxiv(?:\s+preprint.*|\s+e-prints)?|preprint|corr(?:\s+abs/\S+)?|e-print.*"
    r"|arxiv:\s*\S+(?:\s*\[[\w.-]+\])?)$",  # LNCS's "arXiv:2106.09685 [cs.CL] (2021)": the id alone
    re.IGNORECASE,
)
#: "Proceedings … (IEEE)": a publisher Cell-like styles print in parentheses after the venue.
_PAREN_PUBLISHER = re.compile(
    r"\s*\(((?:IEEE|ACM|PMLR|AAAI|USENIX|Springer|Elsevier|Wiley|ISCA|ATALA|SIAM|Curran Associates|IOS Press|"
    r"[^()]*\b(?:Press|Publish\w*|Verlag|Association|Society|Inc\.?|Ltd\.?))[^()]*)\)$"
)
#: A university's department or laboratory publishes reports; theses are cited with the university alone.
_DEPARTMENT = re.compile(r"\b(?:department|dept\.|laborator(?:y|ies)|lab\.|school\s+of|faculty)", re.IGNORECASE)
_INSTITUTION = re.compile(
    r"\b(?:bureau|corporation|organi[sz]ation|institute|laborator(?:y|ies)|agency|council|research|cent(?:er|re)|"
    r"foundation|commission|office|department|ministry|bank|CERN|NBER|NASA)\b",
    re.IGNORECASE,
)
_BOOK_PUBLISHER = re.compile(
    r"\b(?:press|presses|verlag|publish\w*|books?|editions?|éditions|edizioni|editora|editorial|wydawnictwo|"
    r"(?:american\s+)?institute\s+of\s+physics|society\s+for\s+industrial\s+and\s+applied\s+mathematics)\b",
    re.IGNORECASE,
)
_REPORT_GENRE = re.compile(
    r"report|working paper|white ?paper|technical|memorandum|bericht|rapport", re.IGNORECASE
)


_NO_SOURCE = Source()

#: For the pure functions of field values below: values recur from citation to citation (see fields.py).
_value_cache = lru_cache(maxsize=1 << 14)
_NO_ROLES = RoleNotes()


def parse_citation(text: str, source: Source = _NO_SOURCE) -> ParsedCitation:
    """Parse one citation string (any common style) into a record; never raises on arbitrary text.

    A string without a recognisable title gives ``ok=False`` and a ``misc`` record with the raw text in
    ``note``, so that the caller can report it and still keep it.
    """
    prepared = _guarded(_prepare, text, source)
    if isinstance(prepared, ParsedCitation):
        return prepared
    return _guarded(_finish, prepared, None)


def parse_citations(texts: Sequence[str], sources: Sequence[Source] | None = None) -> list[ParsedCitation]:
    """Parse many citation strings: the same results as ``parse_citation`` on each, in the same order.

    Faster on many: the citations of a chunk are labelled together (see ``crf.tag_many``), with the cyclic
    garbage collector paused (~40 acyclic tokens, tuples and strings per citation; see bibconv.gcpause).
    """
    sources = sources if sources is not None else [_NO_SOURCE] * len(texts)
    parsed: list[ParsedCitation] = []
    together = len(texts) >= TOGETHER_FROM
    with cyclic_gc_paused():
        for start in range(0, len(texts), _CHUNK):
            chunk = zip(texts[start : start + _CHUNK], sources[start : start + _CHUNK], strict=True)
            prepared = [_guarded(_prepare, text, source) for text, source in chunk]
            to_label = [p for p in prepared if not isinstance(p, ParsedCitation)]
            labels = iter(_labels_together([p.tokens for p in to_label], together))
            parsed += (p if isinstance(p, ParsedCitation) else _guarded(_finish, p, next(labels)) for p in prepared)
    return parsed


def _labels_together(citations: list[list[Token]], together: bool) -> list[list[str] | None]:
    """``tag_many``'s labels; if it fails on some odd input, None for each (``_finish`` then labels each
    citation on its own, so that the bug costs that citation only)."""
    try:
        return tag_many(citations, together)
    except BibconvError:
        raise
    except Exception:
        return [None] * len(citations)


#: Citations parsed (and labelled) together by ``parse_citations``: enough to share the labelling's cost
#: per call, few enough that what they hold between the two halves of the parse stays small.
_CHUNK = 1024


def _guarded(step, subject, more) -> ParsedCitation | _Prepared:
    """``step(subject, more)``, where a bug on some odd input costs that citation, never the whole file."""
    try:
        return step(subject, more)
    except BibconvError:
        raise
    except Exception as error:
        prepared = subject if isinstance(subject, _Prepared) else None
        raw, source = (prepared.raw, prepared.source) if prepared else (str(subject), more)
        return _unparsed(raw, source, f"internal parser error ({type(error).__name__})")


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A citation up to its labelling: the text to label, its tokens, and what was cut from it before."""

    raw: str
    source: Source
    text: str
    tokens: list[Token]
    marks: list[int]
    present: int  # the marks any token has (their union)
    note: AcceptanceNote | None
    status: str
    pubmed: dict[str, str]
    book_numbers: dict[str, str]
    roles: RoleNotes
    pinpoint: str


def _prepare(text: str, source: Source) -> ParsedCitation | _Prepared:
    """The first half of a parse: a result already (not a citation, or a national standard's grammar),
    or the tokens for the labeller."""
    raw = text
    text = _clean(text)
    if not text or len(text) > MAX_LENGTH or not any(ch.isalpha() for ch in text):
        reason = "empty citation" if not text.strip() else "not a citation"
        return _unparsed(raw, source, reason)
    text, note = split_acceptance_note(text)
    text, status = split_publication_status(text)
    pubmed: dict[str, str] = {}
    if "PM" in text:
        text, pubmed = _cut_numbers(_PUBMED_ID, text)
    book_numbers: dict[str, str] = {}
    if "ISBN" in text or "ISSN" in text:
        text, book_numbers = _cut_numbers(_BOOK_NUMBER, text)
    standard = _by_national_standard(text, source)
    if standard is not None:
        record = _known_venue(standard)
        return ParsedCitation(_apply_note(record, note) if note is not None else record, True)
    # The tokens and their marks (cached per token text) come first: without a token that can hold a role
    # formula, split_role_notes would return the text unchanged (most citations); with one, its own test of
    # the words is skipped.
    tokens = tokenize(text)
    marks = _marks_of_tokens(tokens)
    present = reduce(or_, marks, 0)
    cut, roles = cut_role_notes(text) if present & _ROLE_FORMULA else (text, _NO_ROLES)
    cut, pinpoint = _cut_pinpoint(cut)
    if cut is not text:  # rare: a formula or a pinpoint was cut out
        text = cut
        tokens = tokenize(text)
        marks = _marks_of_tokens(tokens)
        present = reduce(or_, marks, 0)
    return _Prepared(
        raw, source, text, tokens, marks, present, note, status, pubmed, book_numbers, roles, pinpoint
    )


def _finish(prepared: _Prepared, crf_labels: list[str] | None) -> ParsedCitation:
    """The second half of a parse: the record from the labeller's labels (None: label it here) and the rules."""
    text, tokens, source = prepared.text, prepared.tokens, prepared.source
    if crf_labels is None:
        crf_labels = tag_tokens(tokens)
    labels = _certain_labels(tokens, crf_labels, prepared.marks, prepared.present)
    segments = _segments(text, tokens, labels)
    record, problems = _build(text, segments, source)
    if not record.title and not _is_journal_reference(record):
        record = _by_sentences(text, source) or record
    if prepared.roles:
        record = _apply_roles(record, prepared.roles)
    if prepared.note is not None:
        record = _apply_note(record, prepared.note)
    if prepared.pinpoint:
        record = record.with_changes(note=_join(record.note, f"cited at p. {prepared.pinpoint}"))
    if prepared.pubmed:
        record = record.with_changes(extra={**record.extra, **prepared.pubmed})
    if prepared.status:
        record = record.with_changes(extra={**record.extra, "pubstate": prepared.status})  # CSL's "status"
    if prepared.book_numbers:
        record = record.with_changes(**prepared.book_numbers)
    if not record.title and not _is_journal_reference(record):
        return _unparsed(prepared.raw, source, "no title found", record)
    return ParsedCitation(record, True, tuple(problems))


#: PubMed's identifiers after a medical citation: ``… 2015;521(7553):436-44. PMID: 26017442; PMCID: PMC4321.``
_PUBMED_ID = re.compile(r"[\s.;,]*\b(PMID|PMCID)\s*:?\s*((?:PMC)?\d{1,10})\b\.?", re.IGNORECASE)




#: ``… Addison-Wesley. ISBN 978-0-201-89683-1.``, ``ISSN: 0028-0836``: the book's or serial's number, not a
#: publisher or a place.
_BOOK_NUMBER = re.compile(
    r"[\s.;,]*\b(ISBN|ISSN)(?:-1[03])?\s*:?\s*((?:\d[\s-]?){9,12}[\dX]|\d{4}-?\d{3}[\dX])\b\.?", re.IGNORECASE
)


def _cut_numbers(pattern: re.Pattern[str], text: str) -> tuple[str, dict[str, str]]:
    """(text without the numbers ``pattern`` finds, {kind in lower case: number}): ``_PUBMED_ID`` gives the
    BibTeX fields ``pmid``/``pmcid``, ``_BOOK_NUMBER`` the record's ``isbn``/``issn``."""
    found = {kind.lower(): value for kind, value in pattern.findall(text)}
    if not found:
        return text, {}
    cut = pattern.sub("", text).strip(" ;,")
    return (cut + "." if text.rstrip().endswith(".") and not cut.endswith(".") else cut), found

#: Chicago notes: ``Kuhn, Structure (Chicago: University of Chicago Press, 1962), 45.`` ends with the page
#: the note cites, after the parenthesised facts of publication — not a volume, not the work's pages.
_PINPOINT = re.compile(r"(?<=\))\s*,\s*(\d{1,5}(?:\s*[–-]\s*\d{1,5})?)\s*\.?\s*$")
_PUBLICATION_FACTS = re.compile(r"\([^()]*(?:1[5-9]|20)\d\d[a-z]?\)$")
_CHAPTER_MARKER = re.compile(r"[,.”\"]\s+in\s+", re.IGNORECASE)


def _cut_pinpoint(text: str) -> tuple[str, str]:
    """(text without a note's cited page, the page). A chapter's range after ``in`` is its pages: kept."""
    if not _ends_with_digit(text) or ")" not in text:
        return text, ""  # most citations: no search over every position for a pattern anchored at the end
    match = _PINPOINT.match(text, text.rfind(")") + 1)  # what follows the last ")": the pattern holds none
    if match is None or _CHAPTER_MARKER.search(text) or not _PUBLICATION_FACTS.search(text[: match.start()]):
        return text, ""
    return text[: match.start()] + ".", match.group(1)


def _ends_with_digit(text: str) -> bool:
    """Does ``text`` end with a digit, maybe followed by white space and a period (as ``_PINPOINT``)?"""
    end = text.rstrip()
    if end.endswith("."):
        end = end[:-1].rstrip()
    return end[-1:].isdecimal()


#: A sentence ends at a period after a word of two or more letters (not after an initial like "J.").
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2})\.\s+(?=[A-Z0-9“\"])")


def _by_sentences(text: str, source: Source) -> Record | None:
    """MLA's shortest book form, ``Morrison, Toni. Beloved. Vintage, 2004.``, where the labeller found no
    title: names, title and publication facts as three sentences, when the first is a list of names."""
    sentences = _SENTENCE_END.split(text.strip())
    if len(sentences) != 3:
        return None
    names = fields.split_names(sentences[0])
    if not names or not all(n.family and n.given or n.others for n in names):
        return None
    facts = sentences[2].rstrip(". ")
    year = _YEAR_IN.findall(facts)
    publisher, place = fields.split_place_publisher(_YEAR_IN.sub("", facts), "")
    return Record(
        entry_type="book" if publisher else "misc",
        title=fields.clean_title(sentences[1]),
        author=names,
        issued=year[-1] if year else "",
        publisher=publisher,
        publisher_place=place,
        source=source,
    )


def _is_journal_reference(record: Record) -> bool:
    """Physics styles omit article titles: ``S. Weinberg, Phys. Rev. Lett. 19, 1264 (1967)`` is complete."""
    return bool(record.author and record.container_title and record.year and (record.volume or record.page))


def _clean(text: str) -> str:
    text = str(text)
    if not _single_spaced(text):
        text = " ".join(text.replace("\u00a0", " ").replace("\u200b", "").split())
    number = _LEADING_NUMBER.match(text)  # the pattern is anchored at the start: one attempt there
    return (text[number.end() :] if number else text).strip()


def _single_spaced(text: str) -> bool:
    """Is ``text`` already what ``_clean`` makes of its spacing (most citations)? Printable text holds no
    white space but the plain space (every other kind is a separator or a control character), and no
    zero-width or no-break space."""
    return text.isprintable() and "  " not in text and not text.startswith(" ") and not text.endswith(" ")


def _unparsed(raw: str, source: Source, reason: str, partial: Record | None = None) -> ParsedCitation:
    base = partial or Record()
    record = base.with_changes(entry_type="misc", title="", note=" ".join(str(raw).split()), source=source)
    return ParsedCitation(record, False, (reason,))


# --- statements of responsibility and thesis notes ------------------------------------------------------


#: APA descriptors that name a BibTeX/biblatex entry type of their own.
_DESCRIBED_TYPES = {
    "computersoftware": "software", "software": "software", "computerprogram": "software", "mobileapp": "software",
    "dataset": "dataset", "database": "dataset",
}  # fmt: skip


def _apply_roles(record: Record, roles: RoleNotes) -> Record:
    """Put back what :func:`split_role_notes` cut out: translators, editors, the original year, a thesis."""
    changes: dict[str, object] = {}
    if roles.translators:
        changes["translator"] = fields.split_names(roles.translators)
    if roles.editors and not record.editor:
        changes["editor"] = fields.split_names(roles.editors)
        if record.entry_type == "article" and not (record.volume or record.issue):
            changes["entry_type"] = "incollection"  # "In: Handbuch …, hrsg. von Peter Müller, S. 45–67"
    if roles.collaboration:
        changes["note"] = _join(record.note, roles.collaboration)
    if roles.version:
        changes["extra"] = {**record.extra, "version": roles.version}
    if roles.descriptor:
        kind = _DESCRIBED_TYPES.get(roles.descriptor.lower().replace(" ", ""))
        if kind and record.entry_type in ("misc", "book", "techreport", "article"):
            changes["entry_type"] = kind
            if record.container_title and not record.publisher:  # "[Data set]. Zenodo.": the repository
                changes["publisher"], changes["container_title"] = record.container_title, ""
        elif not kind:
            changes["genre"] = roles.descriptor
    if roles.original_year:
        changes["extra"] = {**changes.get("extra", record.extra), "origdate": roles.original_year}  # type: ignore[dict-item]
    if roles.thesis_genre:
        changes["genre"] = roles.thesis_genre
        changes["entry_type"] = fields.thesis_kind(roles.thesis_genre) or "phdthesis"
        changes["publisher"] = roles.thesis_school
        if record.container_title and not record.publisher:
            changes["container_title"] = ""  # the school was labelled as a container: it is the publisher
        if roles.archive:
            changes["note"] = _join(str(changes.get("note", record.note)), roles.archive)
    return record.with_changes(**changes)


# --- acceptance notes --------------------------------------------------------------------------------


def _apply_note(record: Record, note: AcceptanceNote) -> Record:
    """``(NeurIPS 2024)`` after an arXiv citation: the published venue and year; the arXiv id stays."""
    venue = note.venue or _lookup_venue(note.name)
    published_elsewhere = record.container_title and not _ARXIV_CONTAINER.match(record.container_title)
    if venue is None or published_elsewhere:
        return record.with_changes(note=_join(record.note, note.text.strip(" .()")))
    changes: dict[str, object] = {
        "entry_type": "article" if venue.kind == "journal" else "inproceedings",
        "container_title": venue.canonical,
        "container_title_short": venue.abbreviation,
    }
    if note.year:
        changes["issued"] = str(note.year)
    if note.status and note.status != "accepted":
        changes["note"] = _join(record.note, note.status)
    return record.with_changes(**changes)


_YEAR_IN = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


# --- rules over the labeller's output ------------------------------------------------------------------

_BARE_YEAR = re.compile(r"^[(\[]?(1[5-9]\d\d|20\d\d)[a-z]?[)\]]?[.,:;]?$")


def _certain_labels(
    tokens: list[Token], labels: list[str], marks: list[int] | None = None, present: int | None = None
) -> list[str]:
    """Corrections where the structure is certain: a bare year is never part of a name list. ``marks`` are
    the tokens' ``_marks_of_tokens`` and ``present`` their union, when the caller has them."""
    if marks is None:
        marks = _marks_of_tokens(tokens)
    if present is None:
        present = reduce(or_, marks, 0)
    fixed = list(labels)
    # Only the tokens whose text is an identifier, a year or initials can change here (in order: a change
    # at one token is seen by the next).
    for i in compress(range(len(tokens)), map(and_, marks, repeat(_IDENTIFIER | _YEARS | _INITIALS))):
        mark, label = marks[i], fixed[i]
        if mark & _IDENTIFIER:
            fixed[i] = "url"  # identifiers are read by rules from the whole string; keep them out of fields
        elif label in ("author", "editor") and mark & _BARE_YEAR_TOKEN:
            fixed[i] = "date"
        elif label in ("pages", "volume", "issue", "container") and mark & _PAREN_YEAR_TOKEN:
            fixed[i] = "date"  # "1264 (1967)": a year in parentheses is the date, not a page
        elif label == "pages" and mark & _BARE_YEAR_TOKEN and i and fixed[i - 1] == "pages" and tokens[i - 1].text.endswith(","):
            fixed[i] = "date"  # "76:893, 1994.": a year after the page, not the end of a range
        elif label != "author" and i and fixed[i - 1] == "author" and mark & _INITIALS:
            fixed[i] = "author"  # "Kuhn, T.S. (1962)": initials continue the name they follow
    # The rules below that look for a kind of token do nothing without one: skipped when no token is one.
    _names_before_date(tokens, fixed, marks)
    _vancouver_name_end(tokens, fixed)
    if present & _ET_WORD:
        _et_al_ends_names(tokens, fixed)
    _title_runs_to_period(tokens, fixed)
    if present & _GLUED_PAGES_TOKEN:
        _glued_page_marker(tokens, fixed)
    _last_author_before_colon(tokens, fixed)
    if present & _OPENS_QUOTE:
        _dutch_article_in_name(tokens, fixed)
        _close_quoted_title(tokens, fixed)
    if present & _EDITOR_MARK:  # an editor role word is also an editor marker
        _editors_before_marker(tokens, fixed)
        _editor_run_ends_at_role_word(tokens, fixed)
    elif fixed[0] == "editor":  # "R Core Team (2023).": no editors without a word saying so
        end = _run_end(fixed, 0)
        fixed[:end] = ["author"] * end
    _book_title_after_editors(fixed)
    _untitled_book_with_editor(fixed)
    if present & _IN_WORD:
        _container_inside_title(tokens, fixed)
    if present & _JOURNAL_ABBREVIATION:
        _abbreviated_journal_after_unpunctuated_title(tokens, fixed)
    _title_container_boundary_at_case_change(tokens, fixed)
    if present & _PROCEEDINGS_TOKEN:
        _proceedings_sentence_in_title(tokens, fixed)
    if present & _ACCESS_MARK:
        _access_dates(tokens, fixed)
    if present & _ABBREVIATED_TOKEN:
        _journal_after_names(tokens, fixed)
    if present & _NUMBER_MARK:
        _numbers_after_markers(tokens, fixed, marks)
    if present & _PAREN_NUMBER_TOKEN:
        _issue_after_volume(tokens, fixed)
    if present & _MONTH:
        _day_month_year(tokens, fixed)
    _place_run_end(fixed)
    _place_and_publisher_after_title(tokens, fixed)
    if present & _INITIALS_THEN_COMMA:
        _title_inside_names(tokens, fixed)
    _journal_after_closed_name_list(tokens, fixed)
    if present & _NAME_INITIALS:
        _title_after_name_list(tokens, fixed, marks)
    if present & _YEAR_THEN_COLON:
        _acronym_venue_before_year(tokens, fixed)
    if present & _ACRONYM_TOKEN:
        _venue_continues_after_container(tokens, fixed)
    if present & _IDENTIFIER:
        _locator_words_before_identifier(tokens, fixed, marks)
    _words_labelled_url(tokens, fixed)
    if present & _PAREN_YEAR_TOKEN:
        _corporate_author_before_year(tokens, fixed, marks)
    if present & _UNPUNCTUATED_YEAR:  # "2015"
        _names_then_bare_year(tokens, fixed)
    if present & _OPENS_DATE_TOKEN:  # "(2020,"
        _parenthesised_date_run(tokens, fixed)
    if present & _UNPUNCTUATED_YEAR:
        _bare_year_opening_title(tokens, fixed)
    if present & _IN_COLON and ("location" in fixed or "publisher" in fixed):
        _container_after_in_colon(tokens, fixed)
    if present & _MONTH:
        _vancouver_event_place(tokens, fixed)
    if present & _OPENS_QUOTE and present & _CLOSES_DOUBLE_QUOTE:
        _container_after_quoted_title(tokens, fixed)
        _year_after_quoted_container(tokens, fixed)
    return fixed


_BARE_YEAR_WORD = re.compile(r"^(?:1[5-9]|20)\d\d[a-z]?$")
_IOP_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Þ][\w'’-]*|[A-Z](?:-[A-Z])?|[A-Z]{2,3}),?$")
_IOP_INITIALS = re.compile(r"^[A-Z]{1,3},?$|^[A-Z]-[A-Z],?$")


def _names_then_bare_year(tokens: list[Token], labels: list[str]) -> None:
    """IOP's ``Sutskever I and de Vries J 2015 Mixed precision training`` read as one title: names with
    unpunctuated initials up to a bare year are the authors, the year the date."""
    if labels[0] != "title" or "author" in labels:
        return
    for i in range(min(len(tokens) - 1, 16)):
        text = tokens[i].text
        if _BARE_YEAR_WORD.match(text):
            if labels[i] == "title" and any(_IOP_INITIALS.match(t.text) for t in tokens[:i]):
                for k in range(i):
                    labels[k] = "author"
                labels[i] = "date"
            return
        if not (_IOP_NAME_WORD.match(text) or text in _NAME_JOINERS):
            return


def _bare_year_opening_title(tokens: list[Token], labels: list[str]) -> None:
    """IOP's ``Sutskever I and de Vries J 2015 Mixed precision training``: an unpunctuated year between the
    names and the title, when no date came before, is the date, not the title's first word."""
    for i in range(1, len(tokens) - 1):
        if labels[i] == "date":
            return
        if labels[i] == "title":
            if labels[i - 1] in ("author", "editor") and labels[i + 1] == "title" and _BARE_YEAR_WORD.match(tokens[i].text):
                labels[i] = "date"
            return


_DAYS_THEN_SEMICOLON = re.compile(r"^\d{1,2}(?:[-–]\d{1,2})?;$")


def _vancouver_event_place(tokens: list[Token], labels: list[str]) -> None:
    """Vancouver's ``Proceedings of …; 2015 Jul 7-9; Lille, France. PMLR; 2015.``: the days after the month
    end the event's date, and the sentence after them, before the publisher, is its place."""
    n = len(tokens)
    for i in range(1, n - 2):
        if labels[i - 1] == "date" and _MONTH_WORD.match(tokens[i - 1].text) and _DAYS_THEN_SEMICOLON.match(tokens[i].text):
            labels[i] = "date"
            j = i + 1
            while j < n and j - i <= 4 and labels[j] in ("collection", "container", "volume") and not tokens[j].text.endswith("."):
                j += 1
            if j + 1 < n and j - i <= 4 and tokens[j].text.endswith(".") and labels[j + 1] == "publisher":
                for k in range(i + 1, j + 1):
                    labels[k] = "location"
            return


_OPENS_DATE = re.compile(r"^\((?:1[5-9]|20)\d\d[a-z]?,$")


def _parenthesised_date_run(tokens: list[Token], labels: list[str]) -> None:
    """APA's ``(2020, March 5).``: everything from the parenthesis with the year to the one closing it is the date."""
    for i in range(len(tokens) - 1):
        if labels[i] == "date" and tokens[i].text[0] == "(" and _OPENS_DATE.match(tokens[i].text):
            for j in range(i + 1, min(i + 4, len(tokens))):
                if ")" in tokens[j].text:
                    for k in range(i + 1, j + 1):
                        labels[k] = "date"
                    break
            return


def _container_after_in_colon(tokens: list[Token], labels: list[str]) -> None:
    """``In: Storia d'Italia, Torino: Einaudi``: what follows ``In:`` up to its comma is the book, never a place."""
    for i in range(1, len(tokens) - 1):
        if tokens[i].text in ("In:", "in:") and labels[i] in ("location", "publisher"):
            j, guessed = i, labels[i]
            while j < len(tokens) and labels[j] == guessed:
                labels[j] = "container"
                if j > i and tokens[j].text.endswith((",", ".")):
                    break
                j += 1
            return


_QUOTED_TITLE_END = (".\"", ",\"", "?\"", "!\"", ".”", ",”", "?”", "!”")
_DOUBLE_QUOTE_END = ("\"", "”")


def _container_after_quoted_title(tokens: list[Token], labels: list[str]) -> None:
    """MLA's ``"Fences: A Brexit Diary." The New York Review of Books, 18 Aug. 2016``: after a quoted title,
    a run the labeller called publisher or place, closed by a comma and followed by a date or a volume, is
    the periodical (a book's publisher follows an unquoted title; a place is followed by its publisher)."""
    n = len(tokens)
    for i in range(n - 2):
        if labels[i] == "title" and tokens[i].text.endswith(_QUOTED_TITLE_END):
            j = i + 1
            while j < n and labels[j] in ("publisher", "location") and not tokens[j].text.endswith((",", ":", ".")):
                j += 1
            if (
                j + 1 < n
                and j > i
                and labels[j] in ("publisher", "location")
                and tokens[j].text.endswith(",")
                and labels[j + 1] in ("date", "volume")
            ):
                for k in range(i + 1, j + 1):
                    labels[k] = "container"
            return


_YEAR_AFTER_QUOTE = re.compile(r"^(?:1[5-9]|20)\d\d[,.;]?$")


def _year_after_quoted_container(tokens: list[Token], labels: list[str]) -> None:
    """PN-ISO 690's ``„Przegląd Socjologiczny" 2015, t. 64``: a year after a closing quote is the date."""
    for i in range(1, len(tokens)):
        if (
            labels[i] == "container"
            and tokens[i - 1].text.endswith(_DOUBLE_QUOTE_END)
            and _YEAR_AFTER_QUOTE.match(tokens[i].text)
            and (i + 1 == len(tokens) or labels[i + 1] != "container")
        ):
            labels[i] = "date"


# What a token can be, by its text alone (bits of ``_marks_of_tokens``): for the rules above, a token that
# opens a quote, an editor, access or number marker, a month, initials with a comma, "In", the first word of
# an abbreviated journal, a word naming proceedings, a number in parentheses, a year and a colon, a page
# marker glued to its number, "In:", a year without punctuation, a year opening a parenthesis, "et", a
# closing double quote, an abbreviated word, an acronym (maybe in parentheses); for ``_parse``, a token
# that may hold a role formula (a formula never spans two tokens); for the first corrections of
# ``_certain_labels``, an identifier, a bare year, a year in parentheses, initials.
_OPENS_QUOTE, _EDITOR_MARK, _ACCESS_MARK, _NUMBER_MARK, _MONTH, _INITIALS_THEN_COMMA = 1, 2, 4, 8, 16, 32
_ROLE_FORMULA = 128
_IDENTIFIER, _BARE_YEAR_TOKEN, _PAREN_YEAR_TOKEN, _INITIALS = 256, 512, 1024, 2048
_IN_WORD, _JOURNAL_ABBREVIATION, _PROCEEDINGS_TOKEN, _PAREN_NUMBER_TOKEN, _YEAR_THEN_COLON = 4096, 8192, 16384, 32768, 65536
_GLUED_PAGES_TOKEN, _IN_COLON, _UNPUNCTUATED_YEAR, _OPENS_DATE_TOKEN = 1 << 17, 1 << 18, 1 << 19, 1 << 20
_ET_WORD, _CLOSES_DOUBLE_QUOTE, _ABBREVIATED_TOKEN, _ACRONYM_TOKEN = 1 << 21, 1 << 22, 1 << 23, 1 << 24
_NAME_INITIALS = 1 << 25  # initials of any script's capitals, as _title_after_name_list reads them
_YEARS = _BARE_YEAR_TOKEN | _PAREN_YEAR_TOKEN
_UNSEEN = 64  # a text not marked yet; never the marks of a text
_TOKEN_MARKS: dict[str, int] = {}  # by token text: texts recur from citation to citation (bounded)


def _marks_of_tokens(tokens: list[Token]) -> list[int]:
    """The bits above of each token's text, computed once per text."""
    marks = [_TOKEN_MARKS.get(token.text, _UNSEEN) for token in tokens]
    if _UNSEEN in marks:
        if len(_TOKEN_MARKS) >= 100_000:
            _TOKEN_MARKS.clear()
        for i, mark in enumerate(marks):
            if mark == _UNSEEN:
                text = tokens[i].text
                marks[i] = _TOKEN_MARKS[text] = _marks_of(text)
    return marks


def _marks_of(text: str) -> int:
    # Most tests first check the one character their pattern can start with: most tokens fail there.
    first = text[0]
    return (
        (_OPENS_QUOTE if first in _OPEN_QUOTE_START else 0)
        | (_EDITOR_MARK if first in _EDITOR_START and _EDITOR_MARKER.match(text) else 0)
        | (_ACCESS_MARK if first in _ACCESS_START and _ACCESS_MARKER.match(text) else 0)
        | (_NUMBER_MARK if first in _MARKER_START and text.rstrip(".,:").lower() in _MARKER_LABEL else 0)
        | (_MONTH if first in _MONTH_START and _MONTH_WORD.match(text) else 0)
        | (_INITIALS_THEN_COMMA if text[-1] == "," and _INITIAL_THEN_COMMA.match(text) else 0)
        | (_ROLE_FORMULA if may_hold_role_formula(text) else 0)
        | (_IDENTIFIER if first in _IDENTIFIER_START and _IDENTIFIER_TOKEN.match(text) else 0)
        | (_BARE_YEAR_TOKEN if first in "([12" and _BARE_YEAR.match(text) else 0)
        | (_PAREN_YEAR_TOKEN if first == "(" and _PAREN_YEAR.match(text) else 0)
        | (_INITIALS if first in _INITIALS_START and _INITIALS_TOKEN.match(text) else 0)
        | (_IN_WORD if text in ("In", "In:") else 0)
        | (_JOURNAL_ABBREVIATION if text in _JOURNAL_ABBREVIATION_START else 0)
        | (_PROCEEDINGS_TOKEN if first in _PROCEEDINGS_START and _PROCEEDINGS_WORD.match(text) else 0)
        | (_PAREN_NUMBER_TOKEN if first == "(" and _PAREN_NUMBER.match(text) else 0)
        | (_YEAR_THEN_COLON if first in "12" and _YEAR_BEFORE_PAGES.match(text) else 0)
        | (_GLUED_PAGES_TOKEN if first == "p" and _GLUED_PAGES.match(text) else 0)
        | (_IN_COLON if text in ("In:", "in:") else 0)
        | (_UNPUNCTUATED_YEAR if first in "12" and _BARE_YEAR_WORD.match(text) else 0)
        | (_OPENS_DATE_TOKEN if first == "(" and _OPENS_DATE.match(text) else 0)
        | (_ET_WORD if text.lower() == "et" else 0)
        | (_CLOSES_DOUBLE_QUOTE if text.endswith(_DOUBLE_QUOTE_END) else 0)
        # A token holds no white space: an abbreviation ends with its period (no newline follows it), an
        # acronym has a second capital ("Learning" has none after its first letter).
        | (_ABBREVIATED_TOKEN if text[-1] == "." and "A" <= first <= "Z" and _ABBREVIATED_WORD.match(text) else 0)
        | (_ACRONYM_TOKEN if "A" <= first <= "Z" and not text[1:].islower() and _ACRONYM.match(text) else 0)
        | (_ACRONYM_TOKEN if first == "(" and _PAREN_ACRONYM.match(text) else 0)
        | (_NAME_INITIALS if first.isupper() and len(text) <= 10 and _is_initials(text) else 0)
    )


_LOCATOR_WORD = re.compile(
    r"^(?:[<\[(]|available|from|at|retrieved|url|online|doi|accessed|en|in|disponível|em|verfügbar|unter|"
    r"disponible|sur|consulté|abgerufen|https?:|www\.|\S*\.(?:com|org|net|edu|gov|io)\b)",
    re.IGNORECASE,
)


_HAS_DIGIT = re.compile(r"\d")


def _words_labelled_url(tokens: list[Token], labels: list[str]) -> None:
    """APA's ``Why transformers work. Medium. https://…`` / ``Python. https://www.python.org``: words the
    labeller put with the URL (which is read from the whole string) would be lost; a site name after the
    title is the container, a word before any title is the title."""
    if "url" not in labels:
        return
    n = len(labels)
    i = labels.index("url")
    while i < n:
        if labels[i] != "url" or tokens[i].text[0] in _IDENTIFIER_START and _IDENTIFIER_TOKEN.match(tokens[i].text):
            i += 1
            continue
        j = i
        while j < n and labels[j] == "url" and not _LOCATOR_WORD.match(tokens[j].text):
            j += 1
        if j > i and j < n and labels[j] == "url" and not any(_HAS_DIGIT.search(t.text) for t in tokens[i:j]):
            label = "container" if "title" in labels[:i] else "title"
            for k in range(i, j):
                labels[k] = label
        i = max(j, i + 1)



def _locator_words_before_identifier(tokens: list[Token], labels: list[str], marks: list[int]) -> None:
    """``… Vienna, Austria. URL https://www.R-project.org/.``, ``Available at: https://…``: the words that
    introduce an identifier go with it (it is read from the whole string), not into the place or title."""
    for i in range(1, len(tokens)):
        if marks[i] & _IDENTIFIER:
            j = i
            while j > max(i - 2, 0) and _is_locator_word(tokens[j - 1].text) and labels[j - 1] != "title":
                j -= 1
                labels[j] = "url"


def _is_locator_word(text: str) -> bool:
    """A word such as "URL", "Available", "at:", "Retrieved", "from" (not a bracket: "(Routledge) https://…"
    is Cell's publisher before the DOI)."""
    return text[0].isalpha() and _LOCATOR_WORD.match(text) is not None


def _corporate_author_before_year(tokens: list[Token], labels: list[str], marks: list[int]) -> None:
    """Harvard's ``World Health Organization (2020) Coronavirus disease … Available at: …``: a body's name
    before the year in parentheses, which the labeller took for a publisher, is the author."""
    if "author" in labels or labels[0] != "publisher":
        return
    end = _run_end(labels, 0)
    if end <= 8 and end < len(labels) and labels[end] == "date" and marks[end] & _PAREN_YEAR_TOKEN:
        labels[:end] = ["author"] * end

_ACRONYM = re.compile(r"^[A-Z][A-Za-z&-]*[A-Z][A-Za-z&-]*$")
_VOLUME_IN_PARENS = re.compile(r"^\(\d{1,2}\)$")
_YEAR_BEFORE_PAGES = re.compile(r"^(?:19|20)\d\d:$")


def _acronym_venue_before_year(tokens: list[Token], labels: list[str]) -> None:
    """DBLP's ``… Title. NIPS 2017: 5998-6008`` / ``NAACL-HLT (1) 2019: 4171-4186``: an acronym before the
    year and its colon is the venue, whatever the labeller made of it."""
    if "title" not in labels or "container" in labels and "date" in labels:
        return
    for i in range(labels.index("title") + 1, len(tokens) - 1):
        if labels[i] == "title" or not _ACRONYM.match(tokens[i].text):
            continue
        j = i + 1
        if _VOLUME_IN_PARENS.match(tokens[j].text) and j + 1 < len(tokens):
            j += 1
        if _YEAR_BEFORE_PAGES.match(tokens[j].text) and ("container" not in labels or labels[i] == "container"):
            for k in range(i, j):
                labels[k] = "container"
            labels[j] = "date"
        return


_PAREN_ACRONYM = re.compile(r"^\([A-Z][A-Za-z&+-]{1,14}(?:[ '’]?\d{2,4})?\)[,.:;]?$")


def _venue_continues_after_container(tokens: list[Token], labels: list[str]) -> None:
    """``in Proc. … Neural Inf. Process. Syst. (NIPS), Long Beach`` and APA's ``In Proceedings of NAACL-HLT
    2019 (pp. 4171–4186)``: the venue's acronym in brackets, and an acronym with its year after an unfinished
    container (a date came already), belong to the venue, not to the place or the date."""
    if "container" not in labels:
        return
    for i in range(labels.index("container") + 1, len(tokens)):
        if labels[i - 1] != "container" or labels[i] == "container":
            continue
        previous = tokens[i - 1].text
        if _PAREN_ACRONYM.match(tokens[i].text) and labels[i] in ("location", "publisher", "note"):
            labels[i] = "container"
        elif (
            labels[i] == "date"
            and not previous.endswith((".", ",", ";", ":", ")"))
            and _ACRONYM.match(tokens[i].text)
            and i + 1 < len(tokens)
            and labels[i + 1] == "date"
            and _BARE_YEAR_WORD.match(tokens[i + 1].text.rstrip(".,;:"))
            and "date" in labels[: i - 1]
        ):
            labels[i] = labels[i + 1] = "container"


#: Spelled out or in parentheses: APSA's bare "eds." comes before the names, not after them.
_EDITOR_ROLE_WORD = re.compile(r"^(?:editors?[.:]|\((?:eds?|hrsg|hg|dir|coords?|orgs?)\.?\)[.:]?)$", re.IGNORECASE)


def _editor_run_ends_at_role_word(tokens: list[Token], labels: list[str]) -> None:
    """Vancouver's ``In: Jones A, Brown B, editors. Book title. 2nd ed.``: the sentence after the role word
    is the book, not more editors."""
    if "editor" not in labels:
        return
    for i in range(len(tokens) - 1):
        if labels[i] == "editor" and labels[i + 1] == "editor" and _EDITOR_ROLE_WORD.match(tokens[i].text):
            j, book = i + 1, "title" if "container" in labels else "container"
            while j < len(tokens) and labels[j] == "editor":
                labels[j] = book
                j += 1
            # The book's title runs to its sentence end, whatever the labeller called its last words.
            while book == "container" and j < len(tokens) and labels[j] == "title" and not tokens[j - 1].text.endswith("."):
                labels[j] = book
                j += 1
            return


_FAMILY_THEN_COMMA = re.compile(r"^[A-ZÀ-Þ][\w'’-]+,$")


def _journal_after_closed_name_list(tokens: list[Token], labels: list[str]) -> None:
    """RSC's ``J. Smith and A. Jones, J. Am. Chem. Soc., 2010, 132, 1234``: with no title, the name after
    ``and`` closes the list at its comma; what the labeller added to the authors after it is the journal."""
    if "title" in labels:
        return
    n = len(labels)
    for i in range(n - 1):
        if labels[i] != "author":
            return
        if tokens[i].text not in ("and", "&"):
            continue
        j = i + 1
        while j < n and labels[j] == "author" and _INITIALS_TOKEN.match(tokens[j].text):
            j += 1
        if j + 1 < n and labels[j] == "author" and _FAMILY_THEN_COMMA.match(tokens[j].text):
            k = j + 1
            while k < n and labels[k] in ("author", "container"):
                labels[k] = "container"
                k += 1
        return


def _capitalised(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit()


def _place_and_publisher_after_title(tokens: list[Token], labels: list[str]) -> None:
    """APA's ``Nihon no keizai seichō. Tōkyō: Iwanami Shoten.`` where the labeller, on words it has not
    seen, ran the title on to the end: a closing ``Place: Publisher.`` after a sentence end is split off."""
    n = len(labels)
    end = n
    while end > 0 and labels[end - 1] in ("url", "other"):
        end -= 1
    start = end
    while start > 0 and labels[start - 1] == "title":
        start -= 1
    if end - start < 4:
        return
    for colon in range(start + 1, min(end - 1, start + 40)):
        if not tokens[colon].text.endswith(":"):
            continue
        place = colon
        while place > start and colon - place < 3 and not tokens[place - 1].text.endswith("."):
            place -= 1
        if place == start or not tokens[place - 1].text.endswith(".") or end - colon - 1 > 6:
            return
        if all(_capitalised(tokens[k].text) for k in range(place, colon + 2)):
            for k in range(place, colon + 1):
                labels[k] = "location"
            for k in range(colon + 1, end):
                labels[k] = "publisher"
        return


_TITLE_WORD = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ]{2,}$")
_LOWER_WORD = re.compile(r"^[a-zà-ÿ]+,?$")
_INITIAL_THEN_COMMA = re.compile(r"^(?:[A-ZÀ-Þ]\.)+-?(?:[A-ZÀ-Þ]\.)*,$")


def _title_inside_names(tokens: list[Token], labels: list[str]) -> None:
    """PN-ISO 690's ``Kowalski J., Nowak A., Analiza danych w naukach społecznych, „Przegląd …" 2015``:
    after a name closed by its initials, a capitalised word followed by lower-case words starts the title;
    a quoted run the labeller called the title is then the journal."""
    n = len(labels)
    for i in range(1, n - 2):
        if labels[i] != "author":
            return
        if not (
            _INITIAL_THEN_COMMA.match(tokens[i - 1].text)
            and _TITLE_WORD.match(tokens[i].text)
            and all(_LOWER_WORD.match(t.text) and t.text not in _NAME_JOINERS for t in tokens[i + 1 : i + 3])
        ):
            continue
        j = i
        while j < n and labels[j] == "author":
            labels[j] = "title"
            j += 1
        if j < n and labels[j] == "title" and tokens[j].text.startswith(_OPEN_QUOTE):
            while j < n and labels[j] == "title":
                labels[j] = "container"
                j += 1
        return


_MONTH_WORD = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?$|^(?:janv|févr|mars|avr|mai|juin|"
    r"juil|août|sept|oct|nov|déc|jän|märz|okt|dez|ene|abr|ago|dic|set|out)[a-zé]*\.?,?$",
    re.IGNORECASE,
)
#: What ``_MONTH_WORD`` can start with, in either case ("ſ" is an "s" to a case-insensitive pattern).
_MONTH_START = frozenset("jfmasondeJFMASONDEſ")
_DAY = re.compile(r"^[0-3]?\d\.?$")
_YEAR_TOKEN = re.compile(r"^(?:1[5-9]|20)\d\d[a-z]?[.,;:)]?$")


def _day_month_year(tokens: list[Token], labels: list[str]) -> None:
    """MLA's ``18 Aug. 2016``: a day before a month and a year is part of the date, not a volume."""
    for i in range(len(tokens) - 2):
        if (
            labels[i] in ("volume", "issue", "pages")
            and _DAY.match(tokens[i].text)
            and _MONTH_WORD.match(tokens[i + 1].text)
            and _YEAR_TOKEN.match(tokens[i + 2].text)
        ):
            labels[i] = labels[i + 1] = labels[i + 2] = "date"


def _place_run_end(labels: list[str]) -> None:
    """``Prentice Hall, Upper Saddle River``: the place's last word labelled publisher (one token after a
    place that itself follows the publisher) ends the place."""
    if "location" not in labels or "publisher" not in labels:
        return
    n = len(labels)
    # The place must follow a publisher: the search starts two tokens after the first.
    for i in range(labels.index("publisher") + 2, n):
        if labels[i] == "publisher" and labels[i - 1] == "location" and (i + 1 == n or labels[i + 1] != "publisher"):
            j = i - 1
            while j > 0 and labels[j - 1] == "location":
                j -= 1
            if j > 0 and labels[j - 1] == "publisher":
                labels[i] = "location"


_PAREN_NUMBER = re.compile(r"^\(\d{1,5}(?:[-–/]\d{1,5})?\)[.,:;]?$")


def _issue_after_volume(tokens: list[Token], labels: list[str]) -> None:
    """``Nature, 521(7553), 436–444`` / ``521 (7553): 436–44``: a number in parentheses right after the volume
    is the issue, whatever the labeller guessed (a year there, ``47 (1935) 777``, is left to the date)."""
    if "volume" not in labels:
        return
    for i in range(1, len(tokens)):
        if (
            labels[i - 1] == "volume"
            and labels[i] in ("pages", "volume", "date", "other")
            and _PAREN_NUMBER.match(tokens[i].text)
            and not _PAREN_YEAR.match(tokens[i].text)
        ):
            labels[i] = "issue"


#: A word that announces the number after it, in the languages of common styles (``v. 12, n. 3, p. 45-67``,
#: ``Bd. 18, Nr. 2, S. 12–45``, ``t. 2``, ``n° 4``, ``núm. 3``, ``vol. 7, no. 1, pp. 1–9``).
_NUMBER_MARKERS = {
    "volume": ("v", "vol", "vols", "volume", "bd", "band", "jg", "jahrg", "t", "tome", "tomo", "vyp"),
    "issue": ("n", "no", "nr", "n°", "nº", "núm", "num", "número", "heft", "fasc", "iss", "issue", "h"),
    "pages": ("p", "pp", "pag", "pág", "págs", "s", "ss", "str", "pages"),
}
_MARKER_LABEL = {word: label for label, words in _NUMBER_MARKERS.items() for word in words}
#: The first letters of the marker words, in either case: most tokens fail this test and skip the rest.
_MARKER_START = frozenset("".join(word[0] + word[0].upper() for word in _MARKER_LABEL))
#: Labels a marker rule leaves alone: names and titles, and the numbers of series and reports.
_NOT_MARKED_NUMBER = frozenset({"author", "editor", "title", "collection", "number", "genre"})
_MARKED_NUMBER = re.compile(r"^[A-Za-z]{0,2}\d+(?:[-–—][A-Za-z]{0,2}\d+)?[.,;:]?$")


def _numbers_after_markers(tokens: list[Token], labels: list[str], marks: list[int]) -> None:
    """A marker word followed by a number settles the field of both, whatever the labeller guessed; names and
    titles are left alone (``S.`` and ``H.`` are also initials). ``marks``: their ``_marks_of_tokens``."""
    for i in compress(range(len(tokens) - 1), map(and_, marks, repeat(_NUMBER_MARK))):  # the marker words
        if labels[i] in _NOT_MARKED_NUMBER or labels[i + 1] in _NOT_MARKED_NUMBER:
            if not (labels[i] == "collection" and _markers_only_after_container(tokens, labels, marks, i)):
                continue  # the cheap test first: most marker words are initials of names
        word = tokens[i].text.rstrip(".,:").lower()
        label = _MARKER_LABEL[word]
        if (
            not _MARKED_NUMBER.match(tokens[i + 1].text)
            or (i and _REPORT_GENRE.search(tokens[i - 1].text))  # "Report No.: 3705" is the report's number
            or (label == "issue" and word == "h" and tokens[i].text[0] == "H" and labels[i + 1] != "issue")
        ):
            continue
        if word in ("s", "t", "h") and not tokens[i].text.endswith((".", ".,")):
            continue
        labels[i] = labels[i + 1] = label


def _markers_only_after_container(tokens: list[Token], labels: list[str], marks: list[int], i: int) -> bool:
    """Is the series run around marker ``i`` only markers and numbers, right after a container? ABNT's
    ``TUGboat, v. 4, n. 1, p. 26`` (the journal's volume and issue), not ``(Bollingen series; vol. 7)``."""
    start, end = _run_start(labels, i), _run_end(labels, i)
    return (
        start > 0
        and labels[start - 1] in ("container", "volume", "issue")  # the markers before may be settled
        and all(marks[k] & _NUMBER_MARK or _MARKED_NUMBER.match(tokens[k].text) for k in range(start, end))
    )


_ABBREVIATED_WORD = re.compile(r"^[A-Z][a-z]{2,}\.$")


def _journal_after_names(tokens: list[Token], labels: list[str]) -> None:
    """``A. Einstein, Ann. Phys. 17, 891 (1905)``: an abbreviated word after the last name, followed by the
    rest of the journal, starts the journal (names hold initials, never a three-letter word with a period)."""
    # The first token after the first one that is an author and is not followed by another author.
    n = len(tokens)
    if "author" not in labels[1:]:
        return
    i = labels.index("author", 1)
    while i < n - 1 and labels[i + 1] == "author":
        i += 1
    if (
        i < n - 1
        and _ABBREVIATED_WORD.match(tokens[i].text)
        and tokens[i - 1].text.endswith(",")
        and labels[i + 1] == "container"
    ):
        labels[i] = "container"


_ACCESS_MARKER = re.compile(
    r"^[(\[]?(?:accessed|retrieved|viewed|visited|consulted|cited|consulté|cité|consultado|citado|acesso|"
    r"zugegriffen|abgerufen|zitiert|"
    r"zugriff|accesso|dostęp)[:,]?$",
    re.IGNORECASE,
)
_ACCESS_START = frozenset("([aArRvVcCzZdD")  # what _ACCESS_MARKER can start with: most tokens fail there
_DATE_PART = re.compile(
    r"^[(\[]?(?:\d{1,4}|[^\W\d_]{3,10}\.?|on|le|am|em|de|el|the)[.,:;)\]]*$", re.IGNORECASE
)


def _access_dates(tokens: list[Token], labels: list[str]) -> None:
    """``Accessed 3 May 2021`` / ``[Consulté le 3 janvier 2014]``: the day the URL was read, not the date of
    the work; kept out of the date (``other``) so that its month and year do not replace the real ones."""
    for i, tok in enumerate(tokens):
        if tok.text[0] not in _ACCESS_START or not _ACCESS_MARKER.match(tok.text):
            continue
        end = i + 1
        while end < len(tokens) and end - i <= 5 and _DATE_PART.match(tokens[end].text):
            end += 1
        for j in range(i, end):
            if labels[j] not in ("title", "author", "editor"):
                labels[j] = "other"


_EDITION_WORD = re.compile(
    r"^(?:\d+(?:st|nd|rd|th|e|er|re)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|revised|"
    r"rev|expanded|enlarged|updated|illustrated)\.?,?$",
    re.IGNORECASE,
)
_EDITOR_MARKER = re.compile(r"^\(?(?:eds?|editors?|hrsg|hg|dir|coords?|orgs?)\.?\)?[.,:;]?$", re.IGNORECASE)
_EDITOR_START = frozenset("(eEhHdDcCoO")  # what _EDITOR_MARKER can start with: most tokens fail there


def _et_al_ends_names(tokens: list[Token], labels: list[str]) -> None:
    """``K. He et al., Nature 521, 436 (2015)``: a short run the labeller called the title that ends with
    ``et al.`` right after the authors is the end of the name list ("He" is also an English word)."""
    if "title" not in labels:
        return
    start = labels.index("title")
    if not start or labels[start - 1] != "author":
        return
    for i in range(start, min(start + 4, len(tokens) - 1)):
        if labels[i] != "title" or labels[i + 1] != "title":
            return
        if tokens[i].text.lower() == "et" and tokens[i + 1].text.lower().startswith("al."):
            for k in range(start, i + 2):
                labels[k] = "author"
            return


_VANCOUVER_NAME_END = re.compile(
    r"^(?:[A-ZÀ-Þ]{1,3}(?:-[A-ZÀ-Þ]{1,3})?|van|von|der|den|de|da|du|dos|la|le|ter|ten|Jr)\.?$"
)


def _vancouver_name_end(tokens: list[Token], labels: list[str]) -> None:
    """Vancouver's ``Lau S-HP. Welfare-maximizing …``, ``Laan CG van der. Typesetting …``: initials or
    particles between the last family name and the first period end that name, not begin the title."""
    if "title" not in labels:
        return
    start = labels.index("title")
    if not start or labels[start - 1] != "author" or tokens[start - 1].text.endswith((",", ";", ":")):
        return
    for i in range(start, min(start + 3, len(tokens) - 1)):
        if labels[i] != "title" or not _VANCOUVER_NAME_END.match(tokens[i].text):
            return
        if tokens[i].text.endswith("."):
            for k in range(start, i + 1):
                labels[k] = "author"
            return


#: Harvard's ``6(3), p.195.`` / ``pp.565–566.``: a page marker written without its space.
_GLUED_PAGES = re.compile(r"^pp?\.\d+(?:[-–]\d+)?[.,;]?$")


def _glued_page_marker(tokens: list[Token], labels: list[str]) -> None:
    for i, token in enumerate(tokens):
        if token.text[:2] in ("p.", "pp") and _GLUED_PAGES.match(token.text):
            labels[i] = "pages"


def _run_start(labels: list[str], end: int) -> int:
    """The index where the run of ``labels[end]``'s label that ends at ``end`` begins."""
    label, start = labels[end], end
    while start > 0 and labels[start - 1] == label:
        start -= 1
    return start


def _run_end(labels: list[str], start: int) -> int:
    """The index just after the run of ``labels[start]``'s label that begins at ``start``."""
    label, end = labels[start], start + 1
    while end < len(labels) and labels[end] == label:
        end += 1
    return end


def _title_runs_to_period(tokens: list[Token], labels: list[str]) -> None:
    """APA's ``(2005). The effect of life expectancy on fertility, saving, schooling and economic growth:
    Theory and evidence. Scandinavian Journal of Economics, 107`` where the labeller ended the title at a
    comma (or at a quoted word, ``Two-Photon "Ghost" Interference``): in a style whose fields end with
    periods (the title follows a period or the year in brackets), such a title runs on to the first word
    that ends a sentence within what was read as the journal."""
    if "title" not in labels or "container" not in labels:
        return
    start = labels.index("title")
    if not start or not tokens[start - 1].text.endswith((".", ")")) or tokens[start].text.startswith(_OPEN_QUOTE):
        return  # '"Title," in Proc. …': a quoted title ends at its quote
    end = _run_end(labels, start)
    if not (end < len(labels) and labels[end] == "container"):
        return
    last = tokens[end - 1].text
    if not (last.endswith(",") or _INNER_QUOTED_WORD.match(last)):
        return
    for i in range(end, _run_end(labels, end) - 1):
        if _SENTENCE_END_WORD.match(tokens[i].text):
            for k in range(end, i + 1):
                labels[k] = "title"
            return


#: ``Two-Photon "Ghost" Interference``: a word quoted inside an unquoted title, where the labeller may end it.
_INNER_QUOTED_WORD = re.compile(r"^[\"“‘'][^\W\d_][\w-]*[\"”’']$")
#: A word that ends a sentence: four or more letters, then a period (not an abbreviation like "Chem.").
_SENTENCE_END_WORD = re.compile(r"^[^\W\d_]*[a-z][^\W\d_]{3,}[?!.]$")


def _editors_before_marker(tokens: list[Token], labels: list[str]) -> None:
    """``In: Navab, N., Frangi, A.F. (eds.) MICCAI 2015``: the names before an editor marker are editors."""
    for e, tok in enumerate(tokens):
        if e == 0 or tok.text[0] not in _EDITOR_START or not _EDITOR_MARKER.match(tok.text):
            continue
        if _EDITION_WORD.match(tokens[e - 1].text):
            continue  # "Second ed.", "2nd ed.": an edition, not an editor marker
        if labels[e] == labels[e - 1] == "container" and tok.text[0] != "(":
            continue  # "Angew. Chem. Int. Ed. 45": the labeller read the journal's name through it
        if labels[e - 1] == "container" and tokens[e - 1].text.endswith(","):
            _editors_after_marker(tokens, labels, e)
            return
        start = e
        # When the labeller already put names before the marker, its boundary stands ("in Low-Power
        # Computer Vision, L. Madrigal, Ed.": the book title is not a name); otherwise walk back over names.
        labelled = labels[e - 1] == "editor"
        while (
            start > 0
            and labels[start - 1] != "title"
            and _is_name_token(tokens[start - 1].text)
            and (not labelled or labels[start - 1] == "editor")
        ):
            start -= 1
        if start == 0 and not _EDITED_VOLUME_MARKER.match(tok.text):
            return  # "Chi, Ed, and …": a given name, not "(Ed.)" / "eds."
        if start < e:
            if start and tokens[start - 1].text.lower() in ("in", "in:"):
                start -= 1
            for i in range(start, e + 1):
                labels[i] = "editor"
        return


def _editors_after_marker(tokens: list[Token], labels: list[str], marker: int) -> None:
    """Chicago's ``In Encyclopedia of Machine Learning, eds. Roy Porter and Nitin Indurkhya. New York: …``:
    after the book's title and a comma, the marker opens the list of editors, which ends with the sentence."""
    j = marker + 1
    while j < len(tokens) and j - marker <= 15 and (tokens[j].text in _NAME_JOINERS or _is_name_token(tokens[j].text)):
        j += 1
        if tokens[j - 1].text.endswith(".") and not _INITIALS_RUN.match(tokens[j - 1].text):
            break  # the sentence ends after the last family name; "R." is an initial
    if j > marker + 1 and tokens[j - 1].text.endswith("."):
        for k in range(marker, j):
            labels[k] = "editor"


def _untitled_book_with_editor(labels: list[str]) -> None:
    """Chicago's ``Nietzsche, Friedrich. The Gay Science. Edited by Bernard Williams. Cambridge: …`` read
    with no title: the "journal" right after the authors, followed by the editors of the work rather than by
    a volume or pages, is the book's title."""
    if "editor" not in labels or "title" in labels or "author" not in labels or "container" not in labels:
        return
    start = labels.index("container")
    if not start or labels[start - 1] not in ("author", "date"):
        return
    end = _run_end(labels, start)
    if end < len(labels) and labels[end] == "editor":
        for i in range(start, end):
            labels[i] = "title"


def _book_title_after_editors(labels: list[str]) -> None:
    """``"Title", in G. Montavon (eds.) Perspectives on Neural Computation. Oxford`` / ACM's ``Title. Book
    Title. C. Sammut et al., eds.``: a second title next to the editors of a chapter is the book it is in."""
    if "title" not in labels or "container" in labels:
        return
    end = _run_end(labels, labels.index("title"))
    if "title" not in labels[end:]:
        return
    start = labels.index("title", end)
    stop = _run_end(labels, start)
    if labels[start - 1] == "editor" or (stop < len(labels) and labels[stop] == "editor"):
        for i in range(start, stop):
            labels[i] = "container"


def _container_inside_title(tokens: list[Token], labels: list[str]) -> None:
    """``A model of leptons. In Actes du XXe Congrès …, pages 35–44``: the labeller ran the title on into a
    venue it did not know; a sentence-initial ``In`` (``In:``) followed by a capital starts the container."""
    if "container" in labels or "title" not in labels:
        return
    i = labels.index("title") + 1
    while i < len(tokens) - 1 and labels[i] == "title":
        if (
            tokens[i].text in ("In", "In:")
            and tokens[i - 1].text.endswith((".", ",", "”", '"'))
            and tokens[i + 1].text[:1].isupper()
        ):
            while i < len(tokens) and labels[i] == "title":
                labels[i] = "container"
                i += 1
            return
        i += 1


_PROCEEDINGS_WORD = re.compile(
    r"^(?:proceedings|proc\.|conference|conférence|conferencia|conferência|konferenz|congress|congrès|congreso|"
    r"symposium|symposion|workshop|actes|tagungsband|anais|atti|actas)\b",
    re.IGNORECASE,
)
#: The capitals ``_PROCEEDINGS_WORD`` can start with ("K", the Kelvin sign, is a "k" to a case-insensitive
#: pattern): the test of a token's mark is a capital, then the pattern.
_PROCEEDINGS_START = frozenset("ACKPSTW\u212a")


def _proceedings_sentence_in_title(tokens: list[Token], labels: list[str]) -> None:
    """``Initial sequencing … genome. Actes de la 28e Conférence sur le Traitement …. Lille, France: ATALA``:
    with no container found, a sentence of the title that names proceedings is the container."""
    if "container" in labels or "title" not in labels:
        return
    start = labels.index("title")
    end = _run_end(labels, start)
    for i in range(start + 2, end):
        previous = tokens[i - 1].text
        if not previous.endswith(".") or _INITIALS_TOKEN.match(previous) or not tokens[i].text[:1].isupper():
            continue
        if any(
            tokens[k].text[:1].isupper() and _PROCEEDINGS_WORD.match(tokens[k].text) for k in range(i, min(end, i + 4))
        ):
            for k in range(i, end):
                labels[k] = "container"
            return


#: First words of ISO 4 journal abbreviations ("Int. J. Theor. Phys.", "Proc. R. Soc.", "Ann. Phys.").
_JOURNAL_ABBREVIATION_START = frozenset(
    "Int. J. Proc. Ann. Phys. Nucl. Rev. Eur. Am. Br. Can. Chem. Math. Nat. Commun. Astrophys. Mon. Class. "
    "Biol. Med. Sci. Appl. Adv. Opt. Mol. Soc. Acad. Natl. Stat. Theor. Comput. Mater. Geophys. Trans. "
    "Jpn. Chin. Ind. Indian Aust. Mech. Found. Bull. Z. Acta Sov. Bell".split()
)


def _abbreviated_journal_after_unpunctuated_title(tokens: list[Token], labels: list[str]) -> None:
    """IOP's ``Maldacena J 1999 The large-N limit … supergravity Int. J. Theor. Phys. 38 1113``: the title
    has no closing punctuation, so the labeller ran it on into the journal's first abbreviated word."""
    if "container" not in labels or "title" not in labels:
        return
    for i in range(1, len(tokens) - 1):
        if (
            labels[i] == "title"
            and labels[i + 1] == "container"
            and labels[i - 1] == "title"
            and tokens[i].text in _JOURNAL_ABBREVIATION_START
            and tokens[i - 1].text[-1:].isalnum()
        ):
            labels[i] = "container"
            return


#: Words a journal's name holds in lower case ("Journal of Political Economy", "Computers & Operations
#: Research"); a sentence-case title ending in one ("… of the Higgs Boson") keeps the capitalised words after it.
_NAME_FUNCTION_WORDS = frozenset(
    "of and the in on for & at to a an with from by de des du la le et für und der die das di e y".split()
)
_ENGLISH_SMALL_WORDS = frozenset("of the and for with in on a an to by from".split())
#: Journals whose names start in lower case, where a lower-case container start is no title continued.
_LOWER_CASE_VENUE_START = frozenset({"in", "arxiv", "preprint", "npj", "e-print", "e-prints"})


def _is_name_cased(text: str) -> bool:
    """A word of a journal's name in title case: capitalised, a function word, or a dash between words."""
    core = text.strip(_WORD_EDGE_PUNCTUATION)
    return not core or core[0].isupper() or core in _NAME_FUNCTION_WORDS


_WORD_EDGE_PUNCTUATION = ".,;:!?()[]\"“”‘’'–—-"


def _title_container_boundary_at_case_change(tokens: list[Token], labels: list[str]) -> None:
    """Where a sentence-case title meets a title-case journal, the case change is the boundary. APS's
    ``…, longevity, and economic growth, Journal of Political Economy 99`` and AMS's ``…: Survey, concepts,
    and issues. ACM Computing Surveys`` had the title cut at a comma inside it (the container then starts
    in lower case); IOP's unpunctuated ``… with compact operators Functional Anal. Appl. 7`` had the
    journal's first words in the title. The journal is the run of title-case words that ends the container;
    a run after a function word (``… of the Higgs Boson Phys. Rev. D``) stays in the title."""
    if "container" not in labels:
        return
    start = labels.index("container")
    if not start or labels[start - 1] != "title":
        return
    end = _run_end(labels, start)
    journal = end
    while journal > 0 and labels[journal - 1] in ("title", "container") and _is_name_cased(tokens[journal - 1].text):
        journal -= 1
    while journal < end and tokens[journal].text.strip(_WORD_EDGE_PUNCTUATION) in _NAME_FUNCTION_WORDS:
        journal += 1
    if journal >= end or journal == start or not tokens[journal].text[:1].isupper():
        return
    before = tokens[journal - 1].text
    if journal > start:  # the container starts in lower case: the title's words, cut at a comma
        first = tokens[start].text
        if first[:1].islower() and first.strip(_WORD_EDGE_PUNCTUATION).lower() not in _LOWER_CASE_VENUE_START:
            labels[start:journal] = ["title"] * (journal - start)
    elif (
        labels[journal - 1] == "title"
        and before[:1].islower()
        and before[-1:].isalnum()  # no punctuation: IOP's unpunctuated boundary
        and before not in _NAME_FUNCTION_WORDS
        and (tokens[start - 1].text[-1:].isalnum() or tokens[start - 1].text == "&")  # unpunctuated there too
        # "… early modern Europe Phys. Rev. B": an abbreviated journal's name rarely starts with a full word
        and not tokens[start].text.endswith(".")
        # English, where only names are capitalised inside a sentence-case title (German capitalises nouns)
        and any(tokens[k].text in _ENGLISH_SMALL_WORDS for k in range(_run_start(labels, journal - 1), journal))
    ):
        labels[journal:start] = ["container"] * (start - journal)


#: After the leading names, only an unambiguous marker makes them editors: ``(Ed.)``, ``(Hrsg.)``, ``eds.``.
_EDITED_VOLUME_MARKER = re.compile(r"^(?:\(.*\)|[a-z].*|.*s\.?)[.,:;]?$|^.*\.[.,:;]?$")


def _is_name_token(text: str) -> bool:
    return bool(_NAME_WORD.match(text) or _INITIALS_RUN.match(text))


_INITIALS_RUN = re.compile(r"^(?:[A-Z]\.-?){1,4}[,;]?$")


_PAREN_YEAR = re.compile(r"^\((1[5-9]\d\d|20\d\d)[a-z]?\)[.,:;]?$")
_IDENTIFIER_TOKEN = re.compile(r"^(?:https?://|www\.|doi:|10\.\d{4,9}/)", re.IGNORECASE)
_IDENTIFIER_START = frozenset("hHwWdD1")
#: Initials in Latin (with accents) and Cyrillic capitals: GOST's "Иванов И. И." as IEEE's "Weinberg S.".
_INITIAL_CAPITALS = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_INITIALS_TOKEN = re.compile(
    rf"^(?:[{_INITIAL_CAPITALS}]\.-?){{1,3}}[,;:]?$|^(?:et|al\.?[,;:]?)$"
    rf"|^[{_INITIAL_CAPITALS}](?:-[{_INITIAL_CAPITALS}]){{1,2}}\.?[,;:]?$"
)
#: What _INITIALS_TOKEN can start with.
_INITIALS_START = frozenset(
    "ea" + "".join(chr(c) for c in range(ord("A"), ord("Z") + 1))
    + "".join(chr(c) for c in range(ord("À"), ord("Þ") + 1) if chr(c) != "×")
    + "".join(chr(c) for c in range(ord("А"), ord("Я") + 1)) + "Ё"
)
_OPEN_QUOTE = tuple("\"“‘«„'")
_OPEN_QUOTE_START = frozenset(_OPEN_QUOTE)


#: A given name's initials, as IEEE, APS and APA print them: "J.", "J.T.", "A.-L.", "C" (a comma, semicolon or
#: colon may follow); any script's capitals ("Ł.").
_INITIALS_WORD = re.compile(r"^(?:(?:[^\W\d_]\.-?){1,3}|[^\W\d_])[,;:]?$")
#: What ends one name of a list and leaves room for the next (ACS separates names with semicolons).
_NAME_CLOSERS = (",", ";")
_NAME_SUFFIX_WORD = re.compile(r"^(?:Jr|Sr|II|III|IV)\.?[,;]?$")


def _is_initials(text: str) -> bool:
    """A token of ``_INITIALS_WORD`` in capitals (the ``_NAME_INITIALS`` mark of its text)."""
    return text[0].isupper() and _INITIALS_WORD.match(text) is not None


def _is_capitalised(text: str) -> bool:
    return text[0].isupper() and text[1:2].isalpha()


_FAMILY_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "dos", "du", "le", "la", "del"})


def _title_after_name_list(tokens: list[Token], labels: list[str], marks: list[int]) -> None:
    """Where a list of names with initials ends, the title starts. IEEE's ``J. Tschichold, Typographische
    Mitteilungen, …`` and APS's ``M. Barr and C. F. Wells, Toposes, Triples, and Theories (…)``: after a
    comma, a capitalised word that starts no name. APA's and MLA's ``Barabási, A.-L. Linked: The New …``:
    initials without a comma (nor "and" after them) close the list. A family name the labeller left out
    (``H. I. Glück, Formatierung …``, ``and P. H. Souto Ribeiro, Spatial …``) is put back with its initials."""
    n = len(labels)
    family_first = not marks[0] & _NAME_INITIALS
    i = closed = 0
    while i < n and labels[i] == "author":
        name = _name_with_initials(tokens, labels, marks, i, family_first)
        if name is None:
            if not closed or family_first and tokens[i].text.endswith(_NAME_CLOSERS):
                return  # not certainly the end: "Park, J.-w., …" is a name with a given name it cannot read
            break
        i, closed = name
        if i < n and _NAME_SUFFIX_WORD.match(tokens[i].text):
            i += 1
            closed = tokens[i - 1].text.endswith(_NAME_CLOSERS)
        if i < n and tokens[i].text in ("and", "&"):
            i += 1
            closed = 0
        elif not closed:
            if i < n and _given_names_follow(tokens, marks, i):
                return
            break  # "Barabási, A.-L. Linked": a name without a comma (nor "and" after it) ends the list
    word = tokens[i].text if 0 < i < n else ""
    if word and labels[i] == "author" and _is_capitalised(word) and not _EDITOR_MARKER.match(word):
        end = _run_end(labels, i)
        labels[i:end] = ["title"] * (end - i)


def _given_names_follow(tokens: list[Token], marks: list[int], i: int) -> bool:
    """Do given names, not a title, follow the initials before ``i`` (``Newton, H. Joseph.``, ``Grimson,
    W. Eric L.``, ``Van Horn, G. Armour,``)? A word ending like a name, or initials close after it."""
    return tokens[i].text.endswith((".", ",", ";")) or any(mark & _NAME_INITIALS for mark in marks[i + 1 : i + 3])


def _name_with_initials(
    tokens: list[Token], labels: list[str], marks: list[int], i: int, family_first: bool
) -> tuple[int, bool] | None:
    """(end, closed by a comma) of the name at ``i``: initials and a family name of at most three words ending
    with a comma or before "and" (``J. T. Schwartz,``), or, in a family-first list, the family name and a
    comma, then initials (``Barabási, A.-L.``); None if no such name starts there."""
    n = len(labels)
    j = i
    while j < n and labels[j] == "author" and marks[j] & _NAME_INITIALS:
        j += 1
    if j > i:
        if tokens[j - 1].text.endswith(_NAME_CLOSERS):
            return None  # "Smith, J., …": initials close a name, they do not open one
        for end in range(j + 1, min(j + 3, n) + 1):
            text = tokens[end - 1].text
            if not (_is_capitalised(text) or text in _FAMILY_PARTICLES):
                return None
            if text.endswith("."):
                return end, False  # MLA's "and J. T. Schwartz. Linear Operators": the name ends at its period
            if text.endswith(_NAME_CLOSERS) or end < n and tokens[end].text in ("and", "&"):
                for k in range(j, end):
                    labels[k] = "author"  # the family name after author initials is the author's
                return end, text.endswith(_NAME_CLOSERS)
        return None
    if not family_first:
        return None
    for comma in range(i, min(i + 3, n)):
        text = tokens[comma].text
        if labels[comma] != "author" or not (_is_capitalised(text) or text in _FAMILY_PARTICLES):
            return None
        if text.endswith(_NAME_CLOSERS):
            break
    else:
        return None
    j = comma + 1
    while j < n and labels[j] == "author" and marks[j] & _NAME_INITIALS:
        j += 1
        if tokens[j - 1].text.endswith(_NAME_CLOSERS):
            break  # "Herrmann, W. A., K. Öfele": the comma closes the name
    if j == comma + 1:
        return None
    return j, tokens[j - 1].text.endswith(_NAME_CLOSERS)


_CLOSE_QUOTE = re.compile(r"[\"”’»'][.,;:]?$")
#: The quote that closes a title opened by each quote mark. Pairing them keeps an apostrophe
#: (``Polysaccharides' Impact``) or an inner quote of another kind from ending the title.
_QUOTE_CLOSERS = {"“": ("”",), '"': ('"',), "«": ("»",), "„": ("“", "”"), "‘": ("’", "'"), "'": ("'", "’")}
_DOUBLE_CLOSERS = tuple(_QUOTE_CLOSERS[opener] for opener in "“\"«„")  # where apostrophes cannot interfere
_ANY_CLOSER = tuple("\"”’»'")


def _close_quoted_title(tokens: list[Token], labels: list[str]) -> None:
    """A title that opens with a quote ends where the quote closes (``"Deep learning," in Proc. …``)."""
    if "title" not in labels:
        return
    start = labels.index("title")
    if not tokens[start].text.startswith(_OPEN_QUOTE):
        # 'Chang, Ming-Wei, et al. "EIE: …"': name words the labeller put before the quoted title
        quoted = next(
            (
                i
                for i in range(start, len(tokens))
                if labels[i] == "title" and tokens[i].text.startswith(_OPEN_QUOTE)
            ),
            None,
        )
        if (
            quoted is None
            or (start and labels[start - 1] != "author")
            or any(labels[i] != "title" for i in range(start, quoted))
        ):
            return
        for i in range(start, quoted):
            labels[i] = "author"
        start = quoted
    closers = _QUOTE_CLOSERS.get(tokens[start].text[0], _ANY_CLOSER)
    end = next(
        (
            i
            for i in range(start, len(tokens))
            if tokens[i].text.rstrip(".,;:").endswith(closers) and (i > start or len(tokens[i].text) > 2)
        ),
        None,
    )
    if end is None:
        return
    if closers in _DOUBLE_CLOSERS:
        # “Observation of Two-Photon "Ghost" Interference”: the labeller may end the title at an inner quote
        # of another kind; a double-quoted title runs to its own closing quote.
        for i in range(start, end + 1):
            labels[i] = "title"
    after = end + 1
    while after < len(tokens) and labels[after] == "title":
        after += 1
    if after == end + 1:
        return
    follow = labels[after] if after < len(tokens) else "container"
    replacement = (
        "container" if follow in ("date", "pages", "volume", "publisher", "location", "title") else follow
    )
    for i in range(end + 1, after):
        labels[i] = replacement


_NAME_WORD = re.compile(
    r"^(?:[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*[.,;]?|and|&|van|von|der|de|da|di|dos|du|le|la|et|al\.?[,;]?)$"
)


def _title_after_authors(labels: list[str]) -> int:
    """The index of the title when the labels open with authors followed by the title, else 0 (the counts
    of the built-in list methods instead of a step per author token)."""
    if "title" not in labels or labels[0] != "author":
        return 0
    start = labels.index("title")
    return start if labels[:start].count("author") == start else 0


def _names_before_date(tokens: list[Token], labels: list[str], marks: list[int]) -> None:
    """``Shiller RJ (1985) Highly accurate …`` / ``Silva A P and van der Maaten L 2022 On the …``: name-like
    words the labeller put in the title, between the authors and a bare year, belong to the authors.
    ``marks``: the tokens' ``_marks_of_tokens``."""
    n = len(labels)
    i = _title_after_authors(labels)
    if not i:
        return
    j = i
    while j < n and j - i <= 10 and labels[j] in ("title", "date") and not marks[j] & _BARE_YEAR_TOKEN:
        word = tokens[j].text
        if labels[j] == "date" or word[:1].islower() and word not in _NAME_JOINERS or not _NAME_WORD.match(word):
            return  # a word in lower case (the cheap test first) or not a name word: the title has begun
        j += 1
    if j >= n or j == i or not marks[j] & _BARE_YEAR_TOKEN or j + 1 >= n or labels[j + 1] != "title":
        return
    for t in range(i, j):
        labels[t] = "author"
    labels[j] = "date"


_CAPITALISED_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*$")


def _last_author_before_colon(tokens: list[Token], labels: list[str]) -> None:
    """DBLP's ``Kaiming He, Xiangyu Zhang, Jian Sun: Deep Residual Learning …``: the names end at the colon,
    so the two to four capitalised words before it, after a name that ends with a comma, are the last name."""
    n = len(labels)
    i = _title_after_authors(labels)
    if not i or not tokens[i - 1].text.endswith(",") or _INITIALS_TOKEN.match(tokens[i - 1].text):
        return  # "Jones, A., Deep Learning: A Survey" ends its names with initials
    for end in range(i, min(i + 12, n)):
        word = tokens[end].text
        if word.endswith(".") and len(word) > 3:
            return  # a sentence ended: IEEE's "W. Rudin, Functional Analysis. New York: McGraw-Hill"
        if end > i and word.endswith(":") and _CAPITALISED_NAME_WORD.match(word.rstrip(":")):
            for k in range(i, end + 1):
                labels[k] = "author"
            return
        if not _CAPITALISED_NAME_WORD.match(word.rstrip(",")):
            return  # the names of the list ("Shaoqing Ren, Jian Sun:") are capitalised words and commas



def _dutch_article_in_name(tokens: list[Token], labels: list[str]) -> None:
    """Physics's ``G. 't Hooft, Nucl. Phys. B 79, 276 (1974)``: the article ``'t`` after a name's initials is
    part of the name (a particle, like "van"), not a quote opening the title; so is the word after it.
    (A typographic ``’t`` opens no quote: the labeller reads it as a word.)"""
    for i in range(1, len(tokens) - 1):
        if tokens[i].text == "'t" and labels[i - 1] == "author":
            labels[i] = labels[i + 1] = "author"

_NAME_JOINERS = frozenset(
    {"and", "&", "van", "von", "der", "de", "da", "di", "dos", "du", "le", "la", "et", "al.", "al.,"}
)


# --- segments ----------------------------------------------------------------------------------------


def _segments(text: str, tokens: list[Token], labels: list[str]) -> dict[str, list[str]]:
    """Contiguous runs of one label, as the original text they cover (spacing kept), per label."""
    segments: dict[str, list[str]] = {}
    start = 0
    for i in range(1, len(tokens) + 1):
        if i == len(tokens) or labels[i] != labels[start]:
            segments.setdefault(labels[start], []).append(text[tokens[start].start : tokens[i - 1].end])
            start = i
    return segments


_PAGES_MARKER = re.compile(r"^(?:pp?|pages?|pag|pág|s|ss|str)\.?\s*\d", re.IGNORECASE)
_PAGE_RANGE_TEXT = re.compile(r"\d\s*[-–—]+\s*[A-Za-z]{0,2}\d")


def _best_pages(values: Sequence[str]) -> str:
    """Of several runs the labeller called pages, one with a marker (``p. 448-56``), else a range, else the
    first: ``NIPS'14`` or a conference's ``Jul 7-9`` also come out as pages."""
    if len(values) < 2:
        return values[0] if values else ""
    for test in (_PAGES_MARKER.match, _PAGE_RANGE_TEXT.search):
        chosen = next((v for v in values if test(v.strip())), None)
        if chosen is not None:
            return chosen
    return values[0]


def _first(segments: dict[str, list[str]], label: str) -> str:
    values = segments.get(label)
    return values[0] if values else ""


def _all(segments: dict[str, list[str]], label: str) -> str:
    return " ".join(segments.get(label, ()))


# --- building the record ----------------------------------------------------------------------------


def _build(text: str, segments: dict[str, list[str]], source: Source) -> tuple[Record, list[str]]:
    problems: list[str] = []
    doi = fields.find_doi(text)
    lowered = text.lower()  # once, for the tests before both searches
    arxiv = fields.find_arxiv(text, doi, lowered)
    url = fields.find_url(text, lowered)
    title_text, container_text = _first(segments, "title"), _first(segments, "container")
    title, edition_in_title = fields.split_edition(fields.clean_title(title_text))
    title, medium = fields.split_medium(title)
    if len(segments.get("title", ())) > 1:
        problems.append("title split in several parts; kept the first")
    authors = fields.split_names(_first(segments, "author"))
    editors = fields.split_names(_first(segments, "editor"))
    if not (authors or editors):
        authors, title = _corporate_author_in_title(title)
    container = fields.clean_container(container_text)
    volume, issue = fields.parse_volume_issue(_all(segments, "volume"), _all(segments, "issue"))
    pages = fields.parse_pages(
        _best_pages(segments.get("pages", ())) or fields.pages_before_container(container_text)
    )
    issued = fields.parse_date(_first(segments, "date")) or _year_fallback(segments)
    publisher, place = fields.split_place_publisher(
        _first(segments, "publisher"), _first(segments, "location")
    )
    genre = fields.clean_text(_first(segments, "genre"))
    if not genre and "," in publisher:
        school, _comma, last = publisher.rpartition(",")
        if len(last.split()) <= 3 and fields.thesis_kind(last):  # "… Institute of Technology, Diplomarbeit."
            publisher, genre = school.strip(), last.strip(" .")
    number = fields.clean_text(_first(segments, "number"))
    number = _NUMBER_WORD.sub("", number) if number else ""
    edition = fields.parse_edition(_first(segments, "edition")) if "edition" in segments else edition_in_title
    collection = fields.clean_text(_first(segments, "collection"))
    title, container, genre, number, publisher, place = fields.report_fields(
        title, container, genre, number, publisher, place
    )
    container, container_edition = fields.split_edition(container)  # "… Neural Computation. 3rd ed."
    edition = edition or container_edition
    if not edition and publisher[:1].isupper():
        edition, publisher = fields.edition_before_publisher(publisher)  # IEEE's "…, First. Perseus Books"
    if publisher and not container and not place and (journal := _lookup_venue(publisher)) is not None:
        if journal.kind == "journal":  # "… A title. IEEE Access.": a journal the labeller took for a publisher
            container, publisher = publisher, ""
    if not (publisher or volume or issue or pages) and (
        _is_institution(container)
        or (not editors and fields.is_publisher_name(container) and _lookup_venue(container) is None)
    ):
        container, publisher = "", container  # "… 1992. Title. Universidad Complutense de Madrid."
    if editors or publisher:
        title, container = fields.title_of_edited_volume(title, container, bool(issue or pages))
    abbreviation = _VENUE_ABBREVIATION.match(publisher)
    if container and abbreviation:  # "Conference … (ICLR), 2025": the venue's abbreviation, not a publisher
        container = f"{container} {abbreviation.group(0).strip(' .,')}"
        publisher = fields.clean_text(publisher[abbreviation.end() :])
    # The pattern ends with ")" (a container holds no line break for "$" to match before): searched for,
    # over every position, only in a container that ends with one.
    paren_publisher = _PAREN_PUBLISHER.search(container) if not publisher and container.endswith(")") else None
    if paren_publisher:
        container, publisher = container[: paren_publisher.start()].rstrip(" ,."), paren_publisher.group(1)
    if container and _ARXIV_CONTAINER.match(container):
        container = ""
    extra: dict[str, str] = {}
    if "other" in segments and (accessed := fields.parse_date(" ".join(segments["other"]))):
        extra["urldate"] = accessed  # "(Accessed: 12 March 2021)": see _access_dates
    if arxiv and (arxiv_class := _ARXIV_CLASS.match(publisher)):
        extra["primaryclass"], publisher = arxiv_class.group(1), ""  # "arXiv:1301.3781 [cs.CL]"
    elif arxiv and (arxiv_class := _ARXIV_CLASS_AFTER_ID.search(text)):
        extra["primaryclass"] = arxiv_class.group(1)
    if container and not (volume or issue or pages or publisher) and _PREPRINT_SERVER.match(container):
        container, publisher = "", container  # Vancouver's "[Preprint]. medRxiv. 2020": the server
    if publisher.lower() in ("arxiv", "arxiv preprint") or publisher.lower().startswith("preprint"):
        publisher = ""
    if not collection and len(segments.get("container", ())) > 1:
        part = segments["container"][1].strip(" ,.")
        collection = part if _ACL_VOLUME_PART.match(part) else ""  # "…, Volume 1 (Long and Short Papers)"
    if container and _SENTENCE_NOT_VENUE.match(container) and not (volume or issue or pages or publisher):
        title, container = f"{title}. {container}", ""  # "Why conferences matter. A study of proceedings."
    container, volume = _volume_after_venue(container, volume)
    container, collection, volume = _split_series(container, collection, volume)
    if collection and not container and pages and not (publisher or editors):
        container, collection = collection, ""  # "“Title”. Lecture Notes in Computer Science 1375: 157–166."
    if not (publisher or volume or issue or pages) and (place_publisher := fields.place_and_publisher(container)):
        container, (publisher, place) = "", place_publisher  # "Il nome della rosa. Milano: Bompiani, 1980."
    if volume and not issue and _PART_BEFORE.search(container):  # Scholar's "…, Part XII 16": no volume
        container, volume = f"{container} {volume}", ""
    venue = _lookup_venue(container) if container else None
    container_title = _venue_name(container, venue)
    # The entry type is decided on a plain view of the fields found, so that the Record (36 frozen slots,
    # costly to fill) is built once, from that view's dictionary.
    found = SimpleNamespace(
        title=title,
        author=authors,
        editor=editors,
        issued=issued,
        container_title=container_title,
        collection_title=collection,
        volume=volume,
        issue=issue,
        page=pages,
        number=number,
        edition=edition,
        publisher=publisher,
        publisher_place=place,
        genre=genre,
        doi=doi if not (arxiv and doi.lower().startswith("10.48550/")) else "",
        arxiv=arxiv,
        url=url,
        source=source,
        extra=extra,
    )
    if venue is not None and venue.abbreviation and container_title == venue.canonical:
        found.container_title_short = venue.abbreviation
    if venue is not None and venue.year and not issued:
        found.issued, found.inferred = str(venue.year), frozenset({"issued"})
    if (url or doi) and not (container_title or publisher or volume or pages) and (site := _SITE_AFTER_TITLE.match(title)):
        found.title, found.container_title = site.group("title"), site.group("site")
    quoted = title_text.startswith(_OPEN_QUOTE)
    entry_type = _entry_type(found, venue, quoted)
    if medium == "preprint" or _PREPRINT_SERVER.match(publisher):
        entry_type = "misc" if entry_type in ("book", "techreport") else entry_type
    found.entry_type = entry_type
    record = Record.from_filled(vars(found))  # empty values are the defaults: no need to set them by name
    if not (authors or editors) and "author" not in segments:
        problems.append("no authors found")
    return record, problems


_NUMBER_WORD = re.compile(r"^(?:(?:technical\s+|research\s+)?report\s+)?(?:no\.?|nr\.?|number)\s*:?\s*", re.IGNORECASE)
_VENUE_ABBREVIATION = re.compile(r"^\([^()]{2,20}\)[.,]?\s*")


_FIRST_SENTENCE = re.compile(r"^(?P<body>[^.]{4,100}?)\.\s+(?P<rest>[A-Z0-9].{3,})$")


@_value_cache
def _corporate_author_in_title(title: str) -> tuple[tuple, str]:
    """Vancouver's ``World Health Organization. Global tuberculosis report 2020 [Internet]. Geneva: …``:
    with no names found, a first sentence naming a body is the author. Returns (authors, title)."""
    match = _FIRST_SENTENCE.match(title)
    if match is None:
        return (), title
    names = fields.split_names(match.group("body"))
    if len(names) == 1 and names[0].literal:
        return names, match.group("rest")
    return (), title


#: APA's web documents: ``Title. Site Name. https://…`` where the labeller kept the site in the title.
_SITE_AFTER_TITLE = re.compile(
    r"^(?P<title>.{8,}?(?:[^\W\d_]{2}|\d{2})[?!]?)\.\s+(?P<site>(?!An?\s)(?:The\s+)?[A-Z][\w'’&-]*"
    r"(?:\s+[A-Z][\w'’&.-]*){0,3})$"
)


def _year_fallback(segments: dict[str, list[str]]) -> str:
    """A year the labeller put elsewhere (``Proceedings … 2019.`` ends with it): last year in the other segments."""
    for label in ("container", "publisher", "volume", "other"):
        for value in segments.get(label, ()):
            years = _YEAR_IN.findall(value)
            if years and value.strip(" .,()").endswith(years[-1]):
                return years[-1]
    return ""


_TRAILING_VOLUME = re.compile(r"^(?P<venue>.*\D)\s+(?P<volume>\d{1,4})$")


#: "… Proceedings, Part XII 16": Scholar's Springer volume titles end with a part and a number that is no volume.
_PART_BEFORE = re.compile(r"\b(?:part|vol|volume)\.?(?:\s+[IVXLC\d]+)?$", re.IGNORECASE)


#: Book series proceedings are printed in after their own title: "Proceedings of … ICML. Proceedings of
#: Machine Learning Research, vol. 139" / "… (ECCV 2020). Lecture Notes in Computer Science, vol 12346".
_SERIES_IN_CONTAINER = re.compile(
    r"^(?P<container>.{8,}?)[.,]\s+(?P<series>(?:Proceedings of Machine Learning Research|PMLR|"
    r"Lecture Notes in (?:Computer Science|Artificial Intelligence|Bioinformatics|Mathematics|Physics|"
    r"Networks and Systems|Electrical Engineering|Business Information Processing)|LNCS|LNAI|"
    r"Communications in Computer and Information Science|CCIS|CEUR Workshop Proceedings|"
    r"Advances in Intelligent Systems and Computing|ACM International Conference Proceeding Series|"
    r"Studies in Computational Intelligence|Smart Innovation, Systems and Technologies|"
    r"IFIP Advances in Information and Communication Technology|Leibniz International Proceedings in "
    r"Informatics(?: \(LIPIcs\))?|LIPIcs|Springer Proceedings in \w+(?: \w+)?))"
    r"(?:[,.]?\s*(?:vol(?:ume)?\.?|no\.?)?\s*(?P<number>\d+))?[.,]?$",
    re.IGNORECASE,
)
#: ACL's "…: Human Language Technologies, Volume 1 (Long and Short Papers)": part of the proceedings' title.
_ACL_VOLUME_PART = re.compile(r"^\((?:long|short|long and short|student research|demo|system demonstrations|"
                              r"tutorial|industry)[\w\s]*papers?\)$|^\((?:volume \d+: )?[\w\s]+ papers\)$",
                              re.IGNORECASE)


@_value_cache
def _split_series(container: str, collection: str, volume: str) -> tuple[str, str, str]:
    """Returns (container, series, volume) with a series the labeller left in the container split off,
    and an ACL volume part the labeller took for a series put back into the proceedings' title."""
    if collection and _ACL_VOLUME_PART.match(collection) and volume and container:
        return f"{container}, Volume {volume} {collection}", "", ""
    if collection or not container:
        return container, collection, volume
    match = _SERIES_IN_CONTAINER.match(container)
    if match is None:
        return container, collection, volume
    return match.group("container").strip(), match.group("series"), volume or match.group("number") or ""


_ARXIV_CLASS = re.compile(r"^\[?([a-z-]+(?:\.[A-Za-z-]{2,})?)\]?$")
_ARXIV_CLASS_AFTER_ID = re.compile(r"arXiv:\s*\S+\s+\[([a-z-]+(?:\.[A-Za-z-]{2,})?)\]")
#: A second sentence in sentence case that opens with an indefinite article is a subtitle, not a venue.
_SENTENCE_NOT_VENUE = re.compile(r"^An?\s+[a-z][a-z-]+(?:\s+[a-z][a-z-]*)*[.?]?$")
_PREPRINT_SERVER = re.compile(
    r"^(?:bio|med|chem|psy|soc|earth|eng|tech|edu|agri|arch|ecoevo|osf|sport|law|meta|africa)rxiv\b|^ssrn\b|"
    r"^research square\b|^preprints(?:\.org)?\b|^osf preprints\b|^hal\b|^zenodo\b|^authorea\b",
    re.IGNORECASE,
)


@_value_cache
def _volume_after_venue(container: str, volume: str) -> tuple[str, str]:
    """Google Scholar's ``Advances in neural information processing systems 28`` when the labeller kept 28 in the venue."""
    if volume or not container:
        return container, volume
    match = _TRAILING_VOLUME.match(container)
    if (
        match
        and not _YEAR_IN.fullmatch(match.group("volume"))
        and not _PART_BEFORE.search(match.group("venue"))
    ):
        return match.group("venue").rstrip(" ,"), match.group("volume")
    return container, volume


def _lookup_venue(text: str):
    """The venue table (``bibconv.data.venues.lookup``); None when the venue is unknown."""
    try:
        return lookup_venue(text)
    except Exception:  # the table is a helper: a bug there must not make parsing fail
        return None


def _by_national_standard(text: str, source: Source) -> Record | None:
    """A GB/T 7714, GOST or Japanese corner-bracket reference read by its own grammar (None for anything
    else): type codes, area separators and brackets make the structure certain where the labeller has seen
    few examples (or, in unspaced Japanese, cannot see the parts)."""
    if "[" in text and looks_like_gbt7714(text):
        return parse_gbt7714(text, source)
    if ("—" in text or "–" in text) and looks_like_gost(text):
        return parse_gost(text, source)
    if ("「" in text or "『" in text) and looks_like_japanese(text):
        return parse_japanese(text, source)
    return None


def _known_venue(record: Record) -> Record:
    """A record read by a standard's grammar, with its venue's case and abbreviation from the venue table."""
    venue = _lookup_venue(record.container_title) if record.container_title else None
    if venue is None:
        return record
    name = _venue_name(record.container_title, venue)
    short = venue.abbreviation if name == venue.canonical else ""
    return record.with_changes(container_title=name, container_title_short=short)


def _venue_name(container: str, venue) -> str:
    """Restore the case of a known venue that Google Scholar lowercased; otherwise keep it as written."""
    if venue is None or not container:
        return container
    if container.lower() == venue.canonical.lower():
        return venue.canonical
    if container == container.lower() or _mostly_lower(container):
        try:
            from ..data.venues import restore_case

            return restore_case(container)
        except Exception:
            return container
    return container


def _mostly_lower(text: str) -> bool:
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and sum(w[0].islower() for w in words) * 2 > len(words)


_JOURNAL_WORDS = re.compile(
    r"\b(?:journal|review|revue|revista|zeitschrift|transactions|letters|annals|annales|bulletin|proceedings|"
    r"magazine|quarterly|acta|archiv|studies)\b",
    re.IGNORECASE,
)


@_value_cache
def _is_institution(name: str) -> bool:
    """A university or research institution (not its press, not one of its journals)."""
    return bool(
        name
        and (_UNIVERSITY.search(name) or _INSTITUTION.search(name))
        and not _BOOK_PUBLISHER.search(name)
        and not _JOURNAL_WORDS.search(name)
        and not _CONFERENCE_WORDS.search(name)
    )


def _entry_type(record: Record | SimpleNamespace, venue, quoted_title: bool = False) -> str:
    kind = fields.thesis_kind(record.genre) if record.genre else None
    if kind and not record.container_title:
        return kind
    if record.container_title:
        if venue is not None and venue.kind in ("conference", "workshop"):
            return "inproceedings"
        if venue is not None and venue.kind == "journal":
            return "article"
        conference, bookish = _container_words(record.container_title)
        if conference and not (record.volume and _ONLY_PROC.match(record.container_title)):
            return "inproceedings"  # "Proc. Indian Acad. Sci. 12": a journal's volume after a bare "Proc."
        if record.editor or bookish:
            return "incollection"
        if record.publisher and not record.volume and not record.issue:
            return "incollection"
        return "article"
    if record.arxiv:
        return "misc"
    if record.genre and _REPORT_GENRE.search(record.genre) or (record.number and record.publisher):
        return "techreport"
    if record.publisher and quoted_title:
        return "techreport"  # styles quote the titles of parts, reports and theses (whose genre they print)
    if not record.publisher:
        return "misc"
    university, institution = _publisher_words(record.publisher)
    if university and len(record.author) == 1 and not record.author[0].others:
        return "phdthesis"  # a thesis whose style printed no genre ("… 1992. Title. Universidad de Madrid.")
    if institution and not record.edition:
        return "techreport"  # a body with no report number nor genre; but reports have no second edition
    return "book"


# The entry type's tests of a container's or a publisher's words, cached per name: the names recur from
# citation to citation, and each pattern is searched for at every position of the name.


@_value_cache
def _container_words(container: str) -> tuple[bool, bool]:
    """(names a conference: "Proceedings of …", "ESOP 2021"; names a book of parts: "Handbook of …")."""
    conference = bool(_CONFERENCE_WORDS.search(container) or _ACRONYM_YEAR.search(container))
    return conference, bool(_BOOKISH_CONTAINER.search(container))


@_value_cache
def _publisher_words(publisher: str) -> tuple[bool, bool]:
    """(a university, not its press nor one of its departments ("Department of Computer Science, Ohio State
    University"); an institution, not a press)."""
    press = bool(_BOOK_PUBLISHER.search(publisher))
    university = bool(_UNIVERSITY.search(publisher)) and not press and not _DEPARTMENT.search(publisher)
    return university, bool(_INSTITUTION.search(publisher)) and not press
