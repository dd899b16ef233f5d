"""``--style bibtex-plain`` (alpha, unsrt, unsrtalpha): classic BibTeX look through pybtex's own formatters.

A documented exception to "only the names normalizer imports pybtex": pybtex's formatting styles are the
faithful Python port of the ``.bst`` files, so records are turned into pybtex entries and formatted there.
An entry that lacks a field its BibTeX type requires is formatted as ``@misc`` rather than failing.
"""

from __future__ import annotations

from collections.abc import Sequence

from pybtex.backends.html import Backend as HtmlBackend
from pybtex.backends.markdown import Backend as MarkdownBackend
from pybtex.backends.plaintext import Backend as TextBackend
from pybtex.database import BibliographyData, Entry, Person
from pybtex.richtext import Text
from pybtex.style.formatting.alpha import Style as AlphaStyle
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.formatting.unsrtalpha import Style as UnsrtAlphaStyle

from ..errors import BibconvError
from ..model import Name, Record

_STYLES = {"plain": PlainStyle, "alpha": AlphaStyle, "unsrt": UnsrtStyle, "unsrtalpha": UnsrtAlphaStyle}
_BACKENDS = {"plain": TextBackend, "html": HtmlBackend, "markdown": MarkdownBackend}

#: Where the record's container goes, by BibTeX entry type.
_CONTAINER_FIELD = {
    "article": "journal",
    "inproceedings": "booktitle",
    "incollection": "booktitle",
    "conference": "booktitle",
    "inbook": "booktitle",
}
#: Where the record's publisher goes, by BibTeX entry type.
_PUBLISHER_FIELD = {"phdthesis": "school", "mastersthesis": "school", "techreport": "institution"}
_KNOWN_TYPES = {
    "article",
    "book",
    "booklet",
    "inbook",
    "incollection",
    "inproceedings",
    "manual",
    "mastersthesis",
    "misc",
    "phdthesis",
    "proceedings",
    "techreport",
    "unpublished",
}


def _person(name: Name) -> Person:
    if name.literal:
        return Person(last="{" + name.literal + "}")
    return Person(first=name.given, prelast=name.particle, last=name.family, lineage=name.suffix)


def _fields(record: Record, entry_type: str) -> dict[str, str]:
    fields = {
        "title": record.title,
        "year": record.year or record.issued,
        "volume": record.volume,
        "number": record.issue or record.number,
        "pages": record.page.replace("–", "--"),
        "publisher": record.publisher,
        "address": record.publisher_place,
        "edition": record.edition,
        "series": record.collection_title,
        "doi": record.doi,
        "url": record.url,
        "note": record.note,
        "eprint": record.arxiv,
    }
    if record.month:
        fields["month"] = str(record.month)
    if record.container_title:
        fields[_CONTAINER_FIELD.get(entry_type, "howpublished")] = record.container_title
    if record.publisher and entry_type in _PUBLISHER_FIELD:
        fields[_PUBLISHER_FIELD[entry_type]] = record.publisher
    if not fields["title"]:
        fields["title"] = "[Untitled]"  # the documented fallback: BibTeX styles require a title
    return {k: v for k, v in fields.items() if v}


def to_entry(record: Record) -> Entry:
    entry_type = record.entry_type if record.entry_type in _KNOWN_TYPES else "misc"
    persons = {}
    if record.author:
        persons["author"] = [_person(n) for n in record.author if not n.others]
    if record.editor:
        persons["editor"] = [_person(n) for n in record.editor if not n.others]
    return Entry(
        entry_type, fields=_fields(record, entry_type), persons={k: v for k, v in persons.items() if v}
    )


def render(records: Sequence[Record], style: str, markup: str = "plain") -> list[str]:
    """The bibliography entries, formatted by pybtex style ``style`` (``plain``, ``alpha``, …)."""
    if markup not in _BACKENDS:
        raise BibconvError(f"unknown text format {markup!r} (known: {', '.join(_BACKENDS)})")
    formatter = _STYLES[style]()
    backend = _BACKENDS[markup]()
    data = BibliographyData()
    for index, record in enumerate(records):
        data.add_entry(f"{record.key or 'item'}-{index}", to_entry(record))
    lines = []
    for entry in formatter.sort(data.entries.values()):
        lines.append(_format_entry(formatter, entry, backend, markup))
    labels = list(formatter.format_labels(formatter.sort(data.entries.values())))
    return [f"[{label}] {line}" for label, line in zip(labels, lines, strict=False)]


def _format_entry(formatter, entry: Entry, backend, markup: str) -> str:
    try:
        text = formatter.format_entry("", entry).text
    except Exception:  # noqa: BLE001 - a required field is missing: format it as @misc
        fallback = Entry("misc", fields=dict(entry.fields), persons=entry.persons)
        try:
            text = formatter.format_entry("", fallback).text
        except Exception:  # noqa: BLE001
            text = Text(entry.fields.get("title", ""))
    return " ".join(text.render(backend).split())
