"""BibTeX ``crossref`` and biblatex ``xdata``: a child entry inherits what it leaves out from its parent.

A paper in a proceedings volume is often written ``@inproceedings{p, title=..., pages=..., crossref={vol}}``
with the booktitle, editors, publisher and year on ``@proceedings{vol, ...}``. BibTeX and biblatex copy
the parent's fields into the child when they format it; a CSL processor has no such notion, so the CSL
writers resolve it first, as pandoc does. Inheritance follows biblatex's defaults: every field the child
lacks is taken from the parent under the same name, except the parent's titles, which become the child's
container (``title`` of a book or proceedings -> the booktitle of a chapter or paper; of a periodical ->
the journal) or its ``maintitle`` (from a multi-volume work), and except the fields that identify an entry
(key, ids, options, labels, sort keys). ``xdata`` entries give every field as is.

The records themselves keep their ``crossref`` field: this runs only on the way into CSL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields as dataclass_fields
from typing import Any

from ..model import Record

__all__ = ["resolve_crossrefs"]

#: Record attributes never inherited: identity, provenance and the titles (mapped separately).
_OWN_ATTRIBUTES = frozenset(
    {"entry_type", "key", "title", "ids", "groups", "source", "extra", "inferred", "case_protected"}
)
_INHERITED_ATTRIBUTES = tuple(f.name for f in dataclass_fields(Record) if f.name not in _OWN_ATTRIBUTES)
#: biblatex's fields that are never inherited (identity, options, sorting) and title fields.
_OWN_EXTRA = frozenset(
    {
        "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label", "options", "presort",
        "related", "relatedoptions", "relatedstring", "relatedtype", "shorthand", "shorthandintro",
        "sortinit", "sortkey", "subtitle", "titleaddon", "shorttitle", "sorttitle", "indextitle",
        "indexsorttitle",
    }
)  # fmt: skip
_MULTIVOLUME = frozenset({"mvbook", "mvcollection", "mvproceedings", "mvreference"})
_BOOK_LIKE = frozenset({"book", "collection", "proceedings", "reference", "periodical", *_MULTIVOLUME})
_PARTS = frozenset(
    {"inbook", "bookinbook", "suppbook", "incollection", "suppcollection", "inproceedings", "conference",
     "inreference", "article", "suppperiodical"}
)  # fmt: skip


def resolve_crossrefs(records: Sequence[Record]) -> list[Record]:
    """``records`` with every ``crossref``/``xdata`` child completed from its parents (same order)."""
    by_key = {r.key.lower(): r for r in records if r.key}
    if not any(_parent_keys(r) for r in records):
        return list(records)
    resolved: dict[int, Record] = {}
    return [_resolve(r, by_key, resolved, ()) for r in records]


def _parent_keys(record: Record) -> list[str]:
    keys = [k.strip() for k in record.extra.get("xdata", "").split(",") if k.strip()]
    if record.extra.get("crossref", "").strip():
        keys.append(record.extra["crossref"].strip())
    return keys


def _resolve(
    record: Record, by_key: dict[str, Record], done: dict[int, Record], chain: tuple[str, ...]
) -> Record:
    # resolved once per record object: two records may share a key, and each keeps its own fields
    if id(record) in done:
        return done[id(record)]
    key = record.key.lower()
    result = record
    for parent_key in _parent_keys(record):
        parent = by_key.get(parent_key.lower())
        if parent is None or parent_key.lower() in chain or parent is record:
            continue  # a missing parent or a cycle: nothing to inherit
        parent = _resolve(parent, by_key, done, (*chain, key))
        xdata = parent_key.lower() != record.extra.get("crossref", "").strip().lower()
        result = _inherit(result, parent, xdata=xdata)
    done[id(record)] = result
    return result


def _inherit(child: Record, parent: Record, *, xdata: bool) -> Record:
    changes: dict[str, Any] = {
        name: getattr(parent, name)
        for name in _INHERITED_ATTRIBUTES
        if not getattr(child, name) and getattr(parent, name)
    }
    extra = dict(child.extra)
    for name, value in parent.extra.items():
        if name not in extra and (xdata or name not in _OWN_EXTRA):
            extra[name] = value
    if xdata and not child.title and parent.title:
        changes["title"] = parent.title
    elif not xdata:
        _inherit_titles(child, parent, changes, extra)
    if extra != child.extra:
        changes["extra"] = extra
    if parent.case_protected:
        changes["case_protected"] = tuple(sorted({*child.case_protected, *parent.case_protected}))
    return child.with_changes(**changes) if changes else child


def _inherit_titles(child: Record, parent: Record, changes: dict[str, Any], extra: dict[str, str]) -> None:
    """A book's or a periodical's title names the child's container; a multi-volume work's, its main title."""
    if not parent.title:
        return
    if parent.entry_type in _MULTIVOLUME and child.entry_type not in _PARTS:
        extra.setdefault("maintitle", parent.title)
        for own, main in (("subtitle", "mainsubtitle"), ("titleaddon", "maintitleaddon")):
            if parent.extra.get(own):
                extra.setdefault(main, parent.extra[own])
    elif parent.entry_type in _BOOK_LIKE and child.entry_type in _PARTS:
        changes["container_title"] = child.container_title or parent.title
        for own, book in (("subtitle", "booksubtitle"), ("titleaddon", "booktitleaddon")):
            if parent.extra.get(own) and not child.container_title:
                extra.setdefault(book, parent.extra[own])
