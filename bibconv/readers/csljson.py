"""CSL-JSON to records, with the position of every item.

``item_to_record`` is the one CSL item -> record conversion; the CSL-YAML reader reuses it. It accepts
what real files contain besides the schema: dates as strings, numbers, ``raw``/``literal`` forms,
legacy ``{"year": ...}`` dicts and seasons; names as plain strings; DOIs as URLs; ``page`` with any
dash; numbers where strings belong. What our writer put into ``custom`` restores the record exactly.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Generator, Iterator
from typing import Any

from ..data import csl
from ..errors import BibconvError
from ..model import OTHERS, Name, Record, Source
from ..report import Report, Unread
from ..transforms.names import format_bibtex_names, parse_plain_name, split_bibtex_name_list

__all__ = ["read", "item_to_record"]

FORMAT = "csl-json"

_DOI_PREFIX = re.compile(r"^\s*(?:(?:https?://)?(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_OTHERS_WORDS = {"others", "et al.", "et al", "et. al.", "etal", "…", "..."}
_RECORD_FIELDS = frozenset(Record.__dataclass_fields__) - {"key", "source"}
_TUPLE_FIELDS = frozenset({"keywords", "groups", "ids", "case_protected"})
#: A record with none of these describes no work (an item with only an id and a type).
_CONTENT_FIELDS = (*csl.RECORD_TO_CSL_TEXT, *csl.RECORD_TO_CSL_NAMES, "arxiv")
_IGNORED_KEYS = frozenset({"id", "type", "citation-key", "custom"})
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


# --- the document: items and their positions ----------------------------------------------------


def read(text: str, *, file: str = "<string>", **_: Any) -> tuple[list[Record], Report]:
    """Read a CSL-JSON array (also a single item, or ``{"items": [...]}``)."""
    report = Report()
    records: list[Record] = []
    for line, item, raw in _items_with_lines(text, file):
        record = item_to_record(item, Source(file, line, FORMAT), report, raw=raw)
        if record is not None:
            records.append(record)
    return records, report


def _items_with_lines(text: str, file: str) -> Iterator[tuple[int, Any, str]]:
    """``(line, item, source text)`` of every item, decoded one at a time (never the whole array at once)."""
    line, counted = 1, 0
    try:
        for start, end, item in _item_spans(text):
            line += text.count("\n", counted, start)
            counted = start
            raw = text[start:end]
            if _SURROGATE_ESCAPE.search(raw):  # "\ud800" alone: valid JSON, but no character; never writable
                item = _replace_surrogates(item)
            yield line, item, raw
    except json.JSONDecodeError as error:
        kind = "not CSL-JSON" if isinstance(error, _NotCsl) else "invalid JSON"
        raise BibconvError(f"{kind}: {error.msg} (column {error.colno})", file, error.lineno) from None
    except RecursionError:
        raise BibconvError("invalid JSON: nested too deeply", file) from None


class _NotCsl(json.JSONDecodeError):
    """Valid JSON of the wrong shape (a string, a number)."""


def _replace_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_replace_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_replace_surrogates(k): _replace_surrogates(v) for k, v in value.items()}
    return value


def _skip(text: str, pos: int) -> int:
    return _WHITESPACE.match(text, pos).end()


def _item_spans(text: str) -> Iterator[tuple[int, int, Any]]:
    """``(start, end, value)`` of every item, parsed with the C decoder one item at a time."""
    decoder = json.JSONDecoder()
    pos = _skip(text, 1 if text.startswith("\ufeff") else 0)
    if pos == len(text):
        return
    if text[pos] == "[":
        end = yield from _array_spans(decoder, text, pos)
    elif text[pos] == "{":
        value, end = decoder.raw_decode(text, pos)
        if isinstance(value, dict) and isinstance(value.get("items"), list) and "type" not in value:
            yield from _items_member_spans(decoder, text, pos)
        else:
            yield pos, end, value
    else:
        raise _NotCsl("expected a JSON array of CSL items", text, pos)
    end = _skip(text, end)
    if end != len(text):
        raise json.JSONDecodeError("extra data after the CSL items", text, end)


def _expect(text: str, pos: int, chars: str, what: str) -> str:
    if pos >= len(text) or text[pos] not in chars:
        raise json.JSONDecodeError(f"expecting {what}", text, pos)
    return text[pos]


def _array_spans(
    decoder: json.JSONDecoder, text: str, pos: int
) -> Generator[tuple[int, int, Any], None, int]:
    """Yield the array's elements; return the position after its ``]``."""
    pos = _skip(text, pos + 1)
    if text.startswith("]", pos):
        return pos + 1
    while True:
        value, end = decoder.raw_decode(text, pos)
        yield pos, end, value
        pos = _skip(text, end)
        if _expect(text, pos, ",]", "',' or ']'") == "]":
            return pos + 1
        pos = _skip(text, pos + 1)


def _items_member_spans(decoder: json.JSONDecoder, text: str, pos: int) -> Iterator[tuple[int, int, Any]]:
    """The elements of the ``items`` array inside a ``{"items": [...]}`` wrapper (already known valid)."""
    pos = _skip(text, pos + 1)
    while text[pos] != "}":
        key, pos = decoder.raw_decode(text, pos)
        pos = _skip(text, _skip(text, pos) + 1)  # past ':'
        if key == "items":
            pos = yield from _array_spans(decoder, text, pos)
        else:
            _, pos = decoder.raw_decode(text, pos)
        pos = _skip(text, pos)
        if text[pos] == ",":
            pos = _skip(text, pos + 1)


# --- one item -----------------------------------------------------------------------------------


def item_to_record(item: Any, source: Source, report: Report, *, raw: str | None = None) -> Record | None:
    """One CSL item to a record, or ``None`` (and a ``report.unread`` entry) when it holds no work."""
    if not isinstance(item, dict):
        _unread(report, "not a CSL item (expected an object)", raw or _dump(item), source)
        return None
    item = {str(k): v for k, v in item.items()}
    custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
    derived = set(_strings(custom.get("derived")))
    fields: dict[str, Any] = {}
    extra: dict[str, str] = {}
    for key, value in item.items():
        variable = csl.CSL_ALIASES.get(key, key)
        if variable != key and variable in item:
            variable = key  # both spellings present: the old one is kept as an extra field
        if key in _IGNORED_KEYS or variable in derived or value is None or value == "":
            continue
        _read_variable(variable, value, fields, extra, report, source)
    if "custom" in item and not isinstance(item["custom"], dict):
        extra["custom"] = _dump(item["custom"])
    _normalise(fields)
    fields["entry_type"] = _entry_type(item.get("type"), _text(item.get("genre", "")), report, source)
    fields["key"] = _key(item, derived)
    if (
        fields["key"] != _text(item.get("id", ""))
        and "id" not in derived
        and item.get("id") not in (None, "")
    ):
        extra["csl-id"] = _text(item["id"])  # Zotero's item URI beside its citation-key: kept, not dropped
    fields["extra"] = extra
    if custom:
        _apply_custom(fields, custom)
    if not _has_content(fields):
        _unread(report, "CSL item with no bibliographic content", raw or _dump(item), source)
        return None
    return Record(source=source, **fields)


def _unread(report: Report, reason: str, text: str, source: Source) -> None:
    report.unread.append(Unread(reason, text, source))
    report.warn(f"CSL item skipped: {reason}", source)


def _read_variable(
    variable: str, value: Any, fields: dict[str, Any], extra: dict[str, str], report: Report, source: Source
) -> None:
    if variable in csl.CSL_TO_RECORD_TEXT:
        if not isinstance(value, str | int | float):
            report.warn(f"{variable}: expected text, got {_dump(value)}", source)
        fields[csl.CSL_TO_RECORD_TEXT[variable]] = _text(value)
    elif variable in csl.CSL_TO_RECORD_NAMES:
        fields[csl.CSL_TO_RECORD_NAMES[variable]] = _names(value, variable, report, source)
    elif variable == "issued":
        fields["issued"], season = _date(value)
        if season:
            extra["season"] = season
    elif variable == "keyword":
        words = csl.keywords_from_csl(value) if isinstance(value, str) else tuple(_strings(value))
        fields["keywords"] = (*words, *fields.get("keywords", ()))
    elif variable == "categories":  # CSL's list form; words already in ``keyword`` are not repeated
        known = set(fields.get("keywords", ()))
        fields["keywords"] = (*fields.get("keywords", ()), *(w for w in _strings(value) if w not in known))
    elif variable in csl.CSL_TO_EXTRA_FIELD:
        field, kind = csl.CSL_TO_EXTRA_FIELD[variable]
        extra[field] = _date(value)[0] if kind == "date" else _text(value)
    elif variable in csl.CSL_NAME_VARIABLES:
        extra[variable] = format_bibtex_names(_names(value, variable, report, source))
    elif variable in csl.CSL_DATE_VARIABLES:
        extra[variable] = _date(value)[0]
    else:
        extra[variable] = _text(value)


def _normalise(fields: dict[str, Any]) -> None:
    """Titles without case markup, en-dash page ranges, bare DOIs, the arXiv id out of ``number``."""
    if "title" in fields:
        fields["title"] = csl.strip_case_protection(fields["title"])
    if "page" in fields:
        fields["page"] = csl.page_from_csl(fields["page"])
    if "doi" in fields:
        fields["doi"] = _DOI_PREFIX.sub("", fields["doi"])
    arxiv = csl.arxiv_from_number(fields.get("number", ""))
    if arxiv:
        fields["arxiv"] = arxiv
        del fields["number"]
    for name, value in list(fields.items()):
        if value in ("", ()):
            del fields[name]


def _entry_type(value: Any, genre: str, report: Report, source: Source) -> str:
    """The BibTeX type; the genre (even one we derived) tells a master's thesis from a PhD thesis."""
    type_ = value.strip() if isinstance(value, str) else ""
    entry_type = csl.bibtex_type(type_, genre)
    if entry_type is None:
        if type_:
            report.warn(f"unknown CSL type {type_!r}; read as misc", source)
        return "misc"
    return entry_type


def _key(item: dict[str, Any], derived: set[str]) -> str:
    citation_key = item.get("citation-key")
    if isinstance(citation_key, str) and citation_key.strip():
        return citation_key.strip()
    if "id" in derived or item.get("id") is None:
        return ""
    return _text(item["id"])


def _apply_custom(fields: dict[str, Any], custom: dict[str, Any]) -> None:
    """Restore what our writer kept in ``custom``; keys another tool put there become extra fields."""
    extra = fields["extra"]
    for key, value in custom.items():
        name_field = key.removesuffix("_others")
        if key == "derived":
            continue
        if key == "extra" and isinstance(value, dict):
            extra.update({str(k): _text(v) for k, v in value.items()})
        elif key == "inferred":
            fields["inferred"] = frozenset(_strings(value))
        elif key in _TUPLE_FIELDS:
            fields[key] = tuple(_strings(value))
        elif name_field != key and name_field in csl.RECORD_TO_CSL_NAMES:
            fields[name_field] = (*fields.get(name_field, ()), OTHERS)
        elif key in _RECORD_FIELDS and key != "extra":
            fields[key] = _text(value)
        else:
            extra[key] = _text(value)


def _has_content(fields: dict[str, Any]) -> bool:
    return any(fields.get(f) for f in _CONTENT_FIELDS)


# --- values -------------------------------------------------------------------------------------


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _text(value: Any) -> str:
    """Any scalar as text; a list of scalars joined; anything else as its JSON text (never lost)."""
    if type(value) is str:  # the common case first: this runs for every value read
        return value.strip()
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float | datetime.date):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return ", ".join(_text(v) for v in value)
    return _dump(value)


def _strings(value: Any) -> list[str]:
    if isinstance(value, list):
        return [_text(v) for v in value if _text(v)]
    return [_text(value)] if value not in (None, "") else []


def _names(value: Any, variable: str, report: Report, source: Source) -> tuple[Name, ...]:
    """A CSL name list; plain strings are split like free text (``Li, Yuhang``, ``Christopher De Sa``)."""
    if isinstance(value, str):
        value = split_bibtex_name_list(value.replace(";", " and "))
    elif isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        report.warn(f"{variable}: expected a list of names, kept as text", source)
        return (Name(literal=_text(value)),)
    names: list[Name] = []
    for entry in value:
        name = _name(entry)
        if name is None:
            report.warn(f"{variable}: a name without family, given or literal part: {_dump(entry)}", source)
        else:
            names.append(name)
    people = [n for n in names if not n.others]
    return (*people, OTHERS) if len(people) != len(names) else tuple(people)


def _name(entry: Any) -> Name | None:
    if isinstance(entry, str):
        text = entry.strip()
        return OTHERS if text.lower() in _OTHERS_WORDS else (parse_plain_name(text) if text else None)
    if not isinstance(entry, dict):
        return None
    family, given, literal = _part(entry, "family"), _part(entry, "given"), _part(entry, "literal")
    if literal.lower() in _OTHERS_WORDS or (family.lower() == "others" and not given):
        return OTHERS
    particle = " ".join(
        p for p in (_part(entry, "dropping-particle"), _part(entry, "non-dropping-particle")) if p
    )
    if not (family or given or literal):
        return None
    return Name(family=family, given=given, particle=particle, suffix=_part(entry, "suffix"), literal=literal)


def _part(name: dict[str, Any], part: str) -> str:
    value = name.get(part)
    return "" if value is None else _text(value)


_RAW_ISO = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:T.*)?$")
_RAW_MONTH_YEAR = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]+)\.?\s*(?:(\d{1,2}),?\s+)?(\d{4})$")


def _date(value: Any) -> tuple[str, str]:
    """A CSL date in any form found in the wild -> (model date text, season)."""
    if isinstance(value, datetime.date):
        return value.isoformat()[:10], ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value), ""
    if isinstance(value, str):
        return _raw_date(value), ""
    if isinstance(value, list) and value and isinstance(value[0], dict):  # legacy [{"year": ...}, ...]
        value = {"date-parts": [[d.get("year"), d.get("month"), d.get("day")] for d in value[:2]]}
    if not isinstance(value, dict):
        return _text(value), ""
    if {"year", "month", "day"} & value.keys() and "date-parts" not in value:
        value = {**value, "date-parts": [[value.get("year"), value.get("month"), value.get("day")]]}
    season = _text(value["season"]) if value.get("season") not in (None, "") else ""
    ranges = value.get("date-parts")
    if isinstance(ranges, list) and ranges and all(isinstance(r, list) for r in ranges):
        texts = []
        for parts in ranges[:2]:
            text, part_season = _date_parts(parts)
            season = season or part_season
            texts.append(text)
        if all(texts):
            return "/".join(dict.fromkeys(texts)), season
    if value.get("literal"):
        return _text(value["literal"]), season
    if value.get("raw"):
        return _raw_date(_text(value["raw"])), season
    return "", season


def _date_parts(parts: list[Any]) -> tuple[str, str]:
    """``[2020, "3", 5]`` -> ``2020-03-05``; a month 21–24 is a season. ``""`` when not a date."""
    numbers: list[int] = []
    for part in parts[:3]:
        if part in (None, ""):
            break
        try:
            numbers.append(int(str(part).strip()))
        except ValueError:
            return "", ""
    season = ""
    if len(numbers) >= 2 and numbers[1] in csl.SEASONS:
        season, numbers = csl.SEASONS[numbers[1]], numbers[:1]
    if (
        not numbers
        or not (len(numbers) < 2 or 1 <= numbers[1] <= 12)
        or not (len(numbers) < 3 or 1 <= numbers[2] <= 31)
    ):
        return "", ""
    return csl.date_parts_to_text(numbers), season


def _raw_date(text: str) -> str:
    """``2020-3-5``, ``2020/03``, ``March 2020``, ``5 March 2020``, ``Mar 5, 2020``; else the text itself."""
    text = text.strip()
    match = _RAW_ISO.match(text)
    if match:
        parts = [int(p) for p in match.groups() if p]
        return _date_parts(parts)[0] or text
    match = _RAW_MONTH_YEAR.match(text)
    if match and match.group(2).lower() in csl.MONTHS and not (match.group(1) and match.group(3)):
        day = match.group(1) or match.group(3)
        parts = [int(match.group(4)), csl.MONTHS[match.group(2).lower()], *([int(day)] if day else [])]
        return _date_parts(parts)[0] or text
    return text
