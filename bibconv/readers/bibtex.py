"""BibTeX / biblatex -> records.

The text is cut into bibtexparser v2's blocks (entries, ``@string``, ``@preamble``, comments, and the
blocks that could not be parsed, with their lines) by ``bibtex_splitter``, which reads well-formed
entries with a few regular expressions and leaves everything else to bibtexparser's splitter, with the
same result; no middleware runs: we evaluate values ourselves
(``@string`` macros, ``#`` concatenation, month macros), decode LaTeX to unicode and map fields onto the
record with the tables of ``bibconv.data.bibtex``.

Nothing is dropped silently: a block the splitter could not parse becomes ``report.unread`` plus a
positioned warning; an entry whose key repeats an earlier one is still read (and warned about); fields the
record has no slot for go to ``record.extra``. ``@comment`` and text between entries are comments and are
ignored; an ``@preamble`` is ignored with a warning, since its LaTeX definitions cannot be carried over.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache
from typing import Any

from bibtexparser.model import (
    Block,
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ImplicitComment,
    ParsingFailedBlock,
    Preamble,
    String,
)

from ..casing import case_protected_words, looks_sentence_case
from ..data import bibtex as tables
from ..errors import BibconvError
from ..gcpause import cyclic_gc_paused
from ..latex import decode_verbatim, latex_to_unicode
from ..model import OTHERS, Name, Record, Source
from ..report import Report, Unread
from ..transforms.names import parse_bibtex_name
from .bibtex_splitter import LazyEntry, split_blocks

__all__ = ["read"]

FORMAT = "bibtex"
_WHITESPACE = re.compile(r"[ \t\r\n]+")
_NUMBER = re.compile(r"\d+")
_IDENTIFIER = re.compile(r"[^\s\"#%'(),={}]+")
_MONTH_DAY = re.compile(r"^([A-Za-z]+)\.?(?:[\s\u00a0,]+(\d{1,2}))?$|^(\d{1,2})$")
_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_PAGE_RANGE = re.compile(r"(?<=[0-9A-Za-z])\s*(?:-+|–|—)\s*(?=[A-Za-z]{0,3}\d)")
_ARXIV_EPRINT = re.compile(rf"^(?:arxiv:)?({tables.ARXIV_ID})(?:v\d+)?$", re.IGNORECASE)
_SCHOLAR_ARXIV = re.compile(rf"^arXiv preprint arXiv:({tables.ARXIV_ID})(?:v\d+)?$")
_SCHOLAR_ARXIV_START = "arXiv preprint arXiv:"
_ARXIV_DOI_PREFIX = tables.ARXIV_DOI_PREFIX.lower()
_ARXIV_DOI_LENGTH = len(tables.ARXIV_DOI_PREFIX)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n[ \t\r\n]*")  # BibTeX white space only: a no-break space is text
_NAME_SYNTAX = re.compile(r"[{}\\~$-]")
_AND_KEEP = re.compile(r"(\s[Aa][Nn][Dd]\s)")
_AND = re.compile(r"\s[Aa][Nn][Dd]\s")  # _AND_KEEP without keeping: what _split_names does without braces
_YEAR_ONLY = re.compile(r"\d{4}")
_CASE_PROTECTED_FIELDS = frozenset(tables.CASE_PROTECTED_FIELDS)
_LIST_SPLIT = re.compile(r"[ \t\r\n]*[,;][ \t\r\n]*")  # BibTeX white space only: a no-break space is text


def read(text: str, *, file: str = "<string>", **_options: Any) -> tuple[list[Record], Report]:
    """Read BibTeX/biblatex text into records (one per entry, in input order) and a report."""
    report = Report()
    records: list[Record] = []
    strings: dict[str, str] = dict(tables.MONTH_MACRO_TEXT)
    with cyclic_gc_paused():
        for block in _split(text, file):
            source = Source(file, (block.start_line or 0) + 1, FORMAT)
            record = _read_block(block, strings, source, report)
            if record is not None:
                records.append(record)
    return records, report


@contextmanager
def _quiet_splitter() -> Iterator[None]:
    """bibtexparser logs parse errors itself; we report them as data, so silence its logger meanwhile."""
    logger = logging.getLogger("bibtexparser.splitter")
    previous = logger.disabled
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = previous


def _split(text: str, file: str) -> list[Block]:
    with _quiet_splitter():
        try:
            return split_blocks(text)
        except Exception as exc:  # the splitter raises on states it considers its own bugs
            raise BibconvError(f"cannot split the BibTeX input: {exc}", file) from None


def _read_block(block: Block, strings: dict[str, str], source: Source, report: Report) -> Record | None:
    if type(block) is LazyEntry:  # most blocks; isinstance on bibtexparser's ABCs costs a Python call each
        return _entry_to_record(block, strings, source, report)
    if isinstance(block, DuplicateBlockKeyBlock):
        duplicate = block.ignore_error_block
        if isinstance(duplicate, String):
            _define_string(duplicate, strings, source, report)
            return None
        report.warn(f"duplicate key {block.key!r}: entry kept as a separate record", source)
        return _entry_to_record(duplicate, strings, source, report)
    if isinstance(block, DuplicateFieldKeyBlock):
        return _entry_to_record(block.ignore_error_block, strings, source, report)
    if isinstance(block, ParsingFailedBlock):
        reason = _failure_reason(block)
        report.unread.append(Unread(reason, (block.raw or "").strip(), source))
        report.warn(f"unreadable BibTeX block skipped: {reason}", source)
        return None
    if isinstance(block, Entry):
        return _entry_to_record(block, strings, source, report)
    if isinstance(block, String):
        _define_string(block, strings, source, report)
    elif isinstance(block, Preamble):
        report.warn("@preamble ignored (its LaTeX definitions are not carried over)", source)
    elif isinstance(block, ImplicitComment) and _LOOKS_LIKE_FIELDS.search(block.comment or ""):
        # Text between entries is a comment to BibTeX, but fields there mean an entry was closed too early
        # (one brace too many): say so rather than lose them quietly.
        comment = block.comment or ""
        text = comment.strip()
        # point at the first field, not at the start of the comment block (often the file's header)
        first = _LOOKS_LIKE_FIELDS.search(comment)
        name_at = (
            first.start() + len(first.group(0)) - len(first.group(0).lstrip(" \t\r\n,}")) if first else 0
        )
        at = replace(source, line=source.line + comment.count("\n", 0, name_at)) if first else source
        report.unread.append(Unread("fields outside any entry (unbalanced braces?)", text, at))
        report.warn("fields outside any entry ignored; is a brace closed too early above?", at)
    return None


_LOOKS_LIKE_FIELDS = re.compile(r"^\s*[,}]?\s*[A-Za-z][\w-]*\s*=\s*[{\"\w]", re.MULTILINE)


def _failure_reason(block: ParsingFailedBlock) -> str:
    error = block.error
    reason = getattr(error, "abort_reason", None) or getattr(error, "message", None) or str(error)
    return " ".join(str(reason).split()) or type(error).__name__


def _define_string(block: String, strings: dict[str, str], source: Source, report: Report) -> None:
    """Macro names are case-insensitive in BibTeX; a redefinition applies from here on."""
    name = block.key.lower()
    if name in strings and name not in tables.MONTH_MACRO_TEXT:
        report.warn(f"@string {block.key!r} redefined; the new value is used from here on", source)
    strings[name] = _evaluate(block.value, strings, source, report)


# --- values ------------------------------------------------------------------------------------------


def _evaluate(raw: Any, strings: dict[str, str], source: Source, report: Report) -> str:
    """A raw field value (``{..}``, ``".."``, ``2020``, ``macro``, ``a # b``) -> its LaTeX text."""
    value = str(raw).strip()
    if "#" not in value:
        single = _single_part(value)
        if single is not None:
            return single
    return "".join(_part_value(part, strings, source, report) for part in _concatenation_parts(value))


def _single_part(value: str) -> str | None:
    """The fast path: one delimited value with nothing after it."""
    if value[:1] == "{" and value[-1:] == "}" or value[:1] == '"' and value[-1:] == '"' and len(value) > 1:
        return value[1:-1]
    if _NUMBER.fullmatch(value):
        return value
    return None


def _concatenation_parts(value: str) -> list[str]:
    """Split ``a # {b} # "c"`` on the ``#`` outside braces and quotes."""
    parts: list[str] = []
    depth = 0
    in_quotes = False
    start = 0
    for i, ch in enumerate(value):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0:
            in_quotes = not in_quotes
        elif ch == "#" and depth == 0 and not in_quotes:
            parts.append(value[start:i].strip())
            start = i + 1
    parts.append(value[start:].strip())
    return parts


def _part_value(part: str, strings: dict[str, str], source: Source, report: Report) -> str:
    single = _single_part(part)
    if single is not None:
        return single
    if _IDENTIFIER.fullmatch(part):
        try:
            return strings[part.lower()]
        except KeyError:
            report.warn(f"undefined @string macro {part!r} kept as text", source)
            return part
    report.warn(f"unexpected text in a field value kept as is: {part!r}", source)
    return part


def _collapse(value: str) -> str:
    """BibTeX treats any run of whitespace as one space."""
    if "\n" in value or "  " in value or "\t" in value or "\r" in value:
        value = _WHITESPACE.sub(" ", value)
    return value.strip(" \t\r\n")  # only what BibTeX calls white space; NBSP and friends are text


@lru_cache(maxsize=65536)
def _text(value: str) -> str:
    if not value:
        return ""
    if "\n" in value or "  " in value or "\t" in value or "\r" in value:  # _collapse, inlined: hot
        value = _WHITESPACE.sub(" ", value)
    return latex_to_unicode(value.strip(" \t\r\n"))


def _verbatim(value: str) -> str:
    return decode_verbatim(_collapse(value)) if value else ""


def _decode_field(name: str, value: str) -> str:
    if name in tables.VERBATIM_FIELDS or "url" in name:
        return _verbatim(value)
    if name == "abstract":  # keep the paragraph breaks of abstracts
        paragraphs = (_collapse(p) for p in _PARAGRAPH_BREAK.split(value))
        return latex_to_unicode("\n\n".join(p for p in paragraphs if p))
    return _text(value)


@lru_cache(maxsize=65536)
def _name(text: str) -> Name:
    return _plain_name(text) or parse_bibtex_name(text, latex_to_unicode)


def _plain_name(text: str) -> Name | None:
    """The common ``Family, Given`` / ``Given Family`` forms without braces, macros or von parts.

    pybtex's parser costs ~0.2 ms a name, too much for 100,000 entries; for these forms its result is
    known in advance (tests check the two agree), and every other name goes to pybtex.
    """
    if _NAME_SYNTAX.search(text) or text.lower() in ("others", "et al.", "et al"):
        return None
    family, comma, given = text.partition(",")
    words = family.split() if comma else text.split()
    if not words or "," in given or not all(word[0].isupper() for word in words):
        return None
    # Ligatures such as '' and -- are still LaTeX: decode the parts as the pybtex path does.
    if comma:
        return Name(family=latex_to_unicode(" ".join(words)), given=latex_to_unicode(" ".join(given.split())))
    return Name(family=latex_to_unicode(words[-1]), given=latex_to_unicode(" ".join(words[:-1])))


@lru_cache(maxsize=65536)
def _names(value: str) -> tuple[Name, ...]:
    pieces = _split_names(value) if "{" in value else _AND.split(value)
    if "\n" in value or "  " in value or "\t" in value or "\r" in value:
        parts = [_collapse(p) for p in pieces if p.strip(" \t\r\n")]
    else:  # collapsed already (the reader's values are): each part only needs its ends trimmed
        parts = [part for p in pieces if (part := p.strip(" \t\r\n"))]
    names = [_name(part) for part in parts]
    people = [n for n in names if not n.others]
    if len(people) != len(names):  # "and others" only means something last: one marker there
        people.append(OTHERS)
    return tuple(people)


def _places(value: str) -> str:
    """biblatex's ``location`` is a list: ``Durham and London`` is "Durham; London", as CSL (and pandoc)
    separate places; a braced ``{Trinidad and Tobago}`` or a serial comma (``A, B, and C``) is one place."""
    parts = [_text(part) for part in _split_names(value) if part.strip(" \t\r\n")]
    if len(parts) < 2 or any(p.endswith(",") or p == "others" for p in parts):
        return _text(value)
    return "; ".join(parts)


def _split_names(value: str) -> list[str]:
    """Split a name list on `` and `` outside braces (what ``split_bibtex_name_list`` does, faster)."""
    pieces = _AND_KEEP.split(value)
    if "{" not in value:
        return pieces[::2]
    parts: list[str] = []
    current = ""
    depth = 0
    for index, piece in enumerate(pieces):
        if index % 2 and depth == 0:  # a separator at brace depth 0
            parts.append(current)
            current = ""
            continue
        current += piece
        if index % 2 == 0 and ("{" in piece or "}" in piece):
            for ch in piece:
                if ch == "{":
                    depth += 1
                elif ch == "}":
                    depth = max(0, depth - 1)
    parts.append(current)
    return parts


# --- entries -----------------------------------------------------------------------------------------


def _entry_fields(entry: Entry, strings: dict[str, str], source: Source, report: Report) -> dict[str, str]:
    """Field name (lower case, biblatex aliases applied) -> evaluated LaTeX value, first one wins."""
    fields: dict[str, str] = {}
    aliases = tables.ALIASES
    pairs = getattr(entry, "field_pairs", None)  # the fast splitter's entries keep them as tuples
    if pairs is None:
        pairs = [(field.key, field.value) for field in entry.fields]
    for key, raw in pairs:
        written = key.lower()
        name = aliases.get(written, written)
        if raw[:1] == "{" and raw[-1:] == "}" and "#" not in raw:  # the common case, as _evaluate does it
            value = raw[1:-1]
        else:
            value = _evaluate(raw, strings, source, report)
        if name not in fields:
            fields[name] = value
        elif written != name and written not in fields:
            fields[written] = value  # journal and journaltitle both given: keep the alias as an extra field
        elif value.strip() != fields[name].strip():
            report.warn(
                f"field {written!r} given twice in {entry.key!r}; kept the first, ignored {value!r}", source
            )
    return fields


def _entry_to_record(entry: Entry, strings: dict[str, str], source: Source, report: Report) -> Record:
    entry_type = entry.entry_type.lower()
    fields = _entry_fields(entry, strings, source, report)
    values: dict[str, Any] = {"entry_type": entry_type, "key": entry.key, "source": source}
    values["case_protected"] = _case_protected(fields)

    name_fields = tables.NAME_FIELDS
    for field_name in fields.keys() & name_fields.keys():  # each goes to its own attribute: order is moot
        values[name_fields[field_name]] = _names(_collapse(fields.pop(field_name)))

    _take_container(entry_type, fields, values)
    _take_number(entry_type, fields, values)
    _take_publisher(entry_type, fields, values)
    values["issued"] = _take_issued(fields, source, report)

    if "address" in fields:
        values["publisher_place"] = _places(fields.pop("address"))
    simple_fields = tables.SIMPLE_FIELDS
    for field_name in [name for name in fields if name in simple_fields]:
        attribute = simple_fields[field_name]
        if attribute not in values:
            values[attribute] = _decode_field(field_name, fields.pop(field_name))

    if "page" in values:
        values["page"] = _PAGE_RANGE.sub("–", values["page"])
    if "doi" in values:
        doi = values["doi"]
        if not doi[:1].isdigit():  # "10.1/x" as DOIs mostly are: _DOI_PREFIX starts with a letter
            doi = _DOI_PREFIX.sub("", doi)
        values["doi"] = doi.strip()
    _take_arxiv(fields, values)
    for field_name in ("keywords", "groups", "ids"):
        if field_name in fields:
            values[field_name] = _split_list(field_name, fields.pop(field_name))

    values["extra"] = {name: _decode_field(name, value) for name, value in fields.items()}
    return Record.from_filled(values)


def _case_protected(fields: dict[str, str]) -> tuple[str, ...]:
    """The words braces protect in title-case title fields, which CSL's sentence case must keep.

    A title already in sentence case is never converted, so its braces need no record.
    """
    words: set[str] = set()
    for name in fields.keys() & _CASE_PROTECTED_FIELDS:  # the result is sorted: the order met does not matter
        value = fields[name]
        if "{" in value:
            protected = case_protected_words(value)
            if protected and not looks_sentence_case(_text(value)):
                words.update(protected)
    return tuple(sorted(words)) if words else ()


def _take_container(entry_type: str, fields: dict[str, str], values: dict[str, Any]) -> None:
    preferred = tables.CONTAINER_FIELD.get(entry_type, "journal")
    for name in (preferred, *tables.CONTAINER_FIELDS):
        if name in fields:
            values["container_title"] = _text(fields.pop(name))
            return


def _take_number(entry_type: str, fields: dict[str, str], values: dict[str, Any]) -> None:
    if "number" in fields:
        values[tables.NUMBER_ATTRIBUTE.get(entry_type, "number")] = _text(fields.pop("number"))


def _take_publisher(entry_type: str, fields: dict[str, str], values: dict[str, Any]) -> None:
    preferred = tables.PUBLISHER_FIELD.get(entry_type, "publisher")
    for name in (preferred, tables.PUBLISHER_SYNONYMS.get(preferred)):
        if name and name in fields:
            values["publisher"] = _text(fields.pop(name))
            return


def _take_issued(fields: dict[str, str], source: Source, report: Report) -> str:
    """``date`` (biblatex) or ``year`` + ``month`` (+ ``day``) -> ``YYYY[-MM[-DD]]`` or the literal text."""
    date = _text(fields.pop("date", ""))
    year = _text(fields.get("year", ""))
    if date:
        if year and not date.startswith(year):
            report.warn(
                f"date {date!r} and year {year!r} disagree; the date is used, the year kept as a field",
                source,
            )
            return date
        fields.pop("year", None)
        if _ISO_DATE.match(date):
            fields.pop("month", None)
            fields.pop("day", None)
        return date
    fields.pop("year", None)
    if not year:
        return ""
    if not _YEAR_ONLY.fullmatch(year) or "month" not in fields:
        return year
    parsed = _parse_month(_text(fields["month"]), _text(fields.get("day", "")))
    if parsed is None:
        report.warn(f"month {fields['month']!r} not understood; kept as a field", source)
        return year
    fields.pop("month")
    fields.pop("day", None)
    month, day = parsed
    return f"{year}-{month:02d}-{day:02d}" if day else f"{year}-{month:02d}"


def _parse_month(text: str, day_text: str) -> tuple[int, int] | None:
    match = _MONTH_DAY.match(text.strip())
    if not match:
        return None
    if match.group(3):
        month, day = int(match.group(3)), 0
    else:
        month, day = tables.MONTHS.get(match.group(1).lower(), 0), int(match.group(2) or 0)
    if day_text:
        if not day_text.isdigit() or day:
            return None
        day = int(day_text)
    if not 1 <= month <= 12 or not 0 <= day <= 31:
        return None
    return month, day


def _take_arxiv(fields: dict[str, str], values: dict[str, Any]) -> None:
    """``eprint`` with ``archiveprefix``/``eprinttype`` arXiv (or an arXiv-shaped id alone) -> ``arxiv``."""
    eprint = _verbatim(fields.get("eprint", ""))
    match = None
    if eprint and _text(fields.get("archiveprefix", "")).lower() in ("", "arxiv"):
        match = _ARXIV_EPRINT.match(eprint)
    if match:
        values["arxiv"] = match.group(1)
        fields.pop("eprint")
        fields.pop("archiveprefix", None)
    elif not eprint:
        container = values.get("container_title", "")
        scholar = container.startswith(_SCHOLAR_ARXIV_START) and _SCHOLAR_ARXIV.match(container)
        if scholar:
            values["arxiv"] = scholar.group(1)
    doi = values.get("doi", "")
    if not values.get("arxiv") and doi[:_ARXIV_DOI_LENGTH].lower() == _ARXIV_DOI_PREFIX:
        values["arxiv"] = doi[_ARXIV_DOI_LENGTH:]
    arxiv = values.get("arxiv")
    if arxiv and doi.lower() == (tables.ARXIV_DOI_PREFIX + arxiv).lower():
        del values["doi"]  # arXiv's own DOI is implied by the id


def _split_list(name: str, value: str) -> tuple[str, ...]:
    text = _verbatim(value) if name == "ids" else _text(value)
    if name == "groups":
        # Only BibTeX white space separates: a no-break space (``~``) is part of a group's name.
        return tuple(part.strip(" \t\r\n") for part in text.split(";") if part.strip(" \t\r\n"))
    return tuple(part for part in _LIST_SPLIT.split(text) if part)
