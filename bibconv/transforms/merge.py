"""The merge policy: several records of one work become one record, and every disagreement is kept.

Members are ranked once (``authority``): the published version before the preprint, then the source
format (``.bib``/CSL over citation strings over list badges), a DOI, complete author lists, and the number
of filled fields; content breaks ties, so the result does not depend on input order. Each field is then
taken from the best-ranked member that has it, with four refinements: venue fields (type, container, volume, pages, …) come from published members
only when there is one, so an arXiv "journal" never leaks into a conference paper; the year prefers an
explicit value over one inferred from an arXiv id; authors prefer people over an organisation name and a
full list over one ending in "et al."; the title prefers the published version's, then the form most
members share, then the one that kept its capitals (Google Scholar's are mangled).
List fields (keywords, groups, ids, case-protected words) and ``extra`` are united. ``conflicts`` maps each field on which the
members disagree to its distinct values, the kept value first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any

from rapidfuzz import fuzz

from ..model import RECORD_TEXT_FIELDS, Name, Record
from .match import arxiv_id_of, is_preprint, normalize_family, normalize_title

__all__ = ["merge_records", "merge_ranked", "authority", "FORMAT_PRIORITY"]

#: Source formats by how much their fields can be trusted.
FORMAT_PRIORITY = {"bibtex": 3, "csl-json": 3, "csl-yaml": 3, "text": 2, "markdown": 1}

#: Where a work was published: taken from a published member when there is one.
VENUE_FIELDS = (
    "container_title", "container_title_short", "collection_title", "collection_number", "volume", "issue",
    "page", "number", "publisher", "publisher_place", "event_title", "edition", "genre", "issn", "isbn",
)  # fmt: skip
#: BibTeX fields in ``extra`` that describe the venue too (a preprint's must not mix into a paper).
VENUE_EXTRA = {"journal", "booktitle", "eprinttype", "archiveprefix", "primaryclass", "eventdate", "venue"}


_text_fields = attrgetter(*RECORD_TEXT_FIELDS)


def authority(record: Record, position: int, preprint: bool | None = None) -> tuple[Any, ...]:
    """Sort key, best first: published, trusted format, DOI, full author list, completeness, input order."""
    filled = sum(map(bool, _text_fields(record)))
    return (
        is_preprint(record) if preprint is None else preprint,
        -FORMAT_PRIORITY.get(record.source.format, 0),
        not record.doi or record.doi.lower().startswith("10.48550/"),
        _truncated(record.author),
        -filled,
        position,
    )


def merge_records(
    records: Sequence[Record], preprints: Sequence[bool] | None = None
) -> tuple[Record, dict[str, list[Any]]]:
    """One record for the work the members describe, and the fields they disagree on.

    The result keeps the best-ranked member's key and source; the caller sets ``ids``. ``preprints``
    (``is_preprint`` of each member) may be passed by a caller that knows them already.
    """
    record, conflicts, _ = merge_ranked(records, preprints)
    return record, conflicts


def merge_ranked(
    records: Sequence[Record], preprints: Sequence[bool] | None = None
) -> tuple[Record, dict[str, list[Any]], list[int]]:
    """``merge_records``, plus the members' indices best first by ``authority`` with input order
    breaking ties (the order dedupe picks the kept key in): the ranking computes it anyway."""
    if not records:
        raise ValueError("merge_records needs at least one record")
    if len(records) == 1:
        return records[0], {}, [0]
    if preprints is None:
        preprints = [is_preprint(r) for r in records]
    # Ties are broken by content, not position, so the merged values do not depend on input order.
    by_authority, order = _ranked_positions(records, preprints)
    ranked = [records[i] for i in order]
    published = [records[i] for i in order if not preprints[i]]
    venue_sources = published or ranked
    changes: dict[str, Any] = {"entry_type": venue_sources[0].entry_type}
    conflicts: dict[str, list[Any]] = {}
    inferred: set[str] = set()
    _note_conflict(conflicts, "entry_type", changes["entry_type"], [r.entry_type for r in ranked], str.lower)

    texts = [_text_fields(r) for r in ranked]
    any_inferred = any(r.inferred for r in ranked)
    members = len(ranked)
    # Fields not in ``changes`` keep the best-ranked member's value: the common cases, everyone has the
    # same value or nobody has one, need nothing more (with an inferred value, its origin is tracked).
    if not any_inferred and texts.count(texts[0]) == members:
        varied: list[tuple[str, tuple[str, ...]]] = []  # exact repeats: every column is the same
    else:
        varied = [
            (name, column)
            for name, column in zip(RECORD_TEXT_FIELDS, zip(*texts, strict=True), strict=True)
            if column.count(column[0]) != members or (any_inferred and column[0])
        ]
    for name, column in varied:
        present = set(column)
        present.discard("")
        if not present:
            continue  # nobody has it: the primary's empty value stays
        venue = name in VENUE_FIELDS and bool(published)
        if len(present) == 1 and not any_inferred and (not venue or any(getattr(r, name) for r in published)):
            changes[name] = next(iter(present))  # the common case: one value, nothing to choose
            continue
        candidates = venue_sources if venue else ranked
        if len(present) > 1:  # members disagree: the field's own preference first
            if name == "issued":
                candidates = sorted(
                    candidates, key=lambda r: "issued" in r.inferred
                )  # stable: explicit first
            elif name == "title":
                candidates = _rank_titles(candidates, {id(r) for r in published})
            elif name == "doi":
                candidates = sorted(candidates, key=lambda r: r.doi.lower().startswith("10.48550/"))
        chosen = next((r for r in candidates if getattr(r, name)), None)
        value = getattr(chosen, name) if chosen else ""
        changes[name] = value
        if chosen and name in chosen.inferred:
            inferred.add(name)
        _note_conflict(conflicts, name, value, column, _comparable(name))

    if not changes.get("arxiv", ranked[0].arxiv):
        changes["arxiv"] = next((a for a in (arxiv_id_of(r) for r in ranked) if a), "")

    for people in ("author", "editor", "translator"):
        lists = [getattr(r, people) for r in ranked]
        if all(names == lists[0] for names in lists):
            continue  # the best-ranked member's
        # People before organisations ({OpenAI} vs the report's authors: the names are more complete, and
        # a merged record must not become compatible with a person its members were not), full lists first.
        full_first = sorted(ranked, key=lambda r, p=people: _people_rank(getattr(r, p)))  # stable
        value = next((getattr(r, people) for r in full_first if getattr(r, people)), ())
        changes[people] = value
        _note_conflict(conflicts, people, value, lists, _people_key, render=_render_people)

    for name in ("keywords", "groups", "ids"):
        lists = [getattr(r, name) for r in ranked]
        if any(lists):  # none: the best-ranked member's empty one
            changes[name] = _union(lists)
    # the title may come from any member: keep every member's protected words (only words in it matter)
    if any(r.case_protected for r in ranked):
        changes["case_protected"] = tuple(sorted(set(_union(r.case_protected for r in ranked))))
    changes["extra"] = _merge_extra(ranked, [preprints[i] for i in order] if published else None, conflicts)
    changes["inferred"] = frozenset(inferred)
    return ranked[0].with_changes(**changes), conflicts, by_authority


def _ranked_positions(records: Sequence[Record], preprints: Sequence[bool]) -> tuple[list[int], list[int]]:
    """Positions best first by ``authority``, with ties in input order and with ties broken by content;
    the content is computed only for tied members (rendering every member's content is most of a merge's
    cost, and ties are rare)."""
    keys = [authority(r, 0, p) for r, p in zip(records, preprints, strict=True)]
    by_authority = sorted(range(len(records)), key=keys.__getitem__)
    order = by_authority.copy()
    start = 0
    while start < len(order):
        end = start + 1
        while end < len(order) and keys[order[end]] == keys[order[start]]:
            end += 1
        if end - start > 1:
            order[start:end] = _by_content([records[i] for i in order[start:end]], order[start:end])
        start = end
    return by_authority, order


def _by_content(tied: list[Record], positions: list[int]) -> list[int]:
    """``positions`` of the ``tied`` records sorted by their content: fields, key, source, type, authors.
    The authors are rendered only when the rest does not already tell the records apart (it almost
    always does: the sources differ)."""
    heads = [(*_text_fields(r), r.key, str(r.source), r.entry_type) for r in tied]
    if len(set(heads)) == len(heads):
        keys: list[tuple[Any, ...]] = heads
    else:
        keys = [(*head, _render_people(r.author)) for head, r in zip(heads, tied, strict=True)]
    return [positions[i] for i in sorted(range(len(tied)), key=keys.__getitem__)]


def _rank_titles(ranked: Sequence[Record], published_ids: set[int]) -> list[Record]:
    """Titles: the published version's, then the form most members share, then the one with its capitals.

    A preprint title counts as the published one when the two differ only by typos or mangling; Google
    Scholar lower-cases and mangles titles (``Gpt3. int8 ()``), and the form that other members agree on,
    or that still has its capitals (``LLM.int8()``), is the original.
    """
    norms = {id(r): normalize_title(r.title) for r in ranked}
    votes: dict[str, int] = {}
    for norm in norms.values():
        votes[norm] = votes.get(norm, 0) + 1
    published = {norms[id(r)] for r in ranked if id(r) in published_ids}

    def superseded(record: Record) -> bool:
        norm = norms[id(record)]
        return (
            id(record) not in published_ids
            and bool(published)
            and not any(fuzz.ratio(norm, title, score_cutoff=90) for title in published)
        )

    return sorted(ranked, key=lambda r: (superseded(r), -votes[norms[id(r)]], -_case_information(r.title)))


def _case_information(title: str) -> int:
    """Capitals a title keeps beyond sentence case; an all-caps title keeps none."""
    letters = list(filter(str.isalpha, title))
    upper = sum(map(str.isupper, letters))
    return 0 if letters and upper > 0.6 * len(letters) else upper


def _people_rank(people: tuple[Name, ...]) -> tuple[bool, bool]:
    return all(n.literal or n.others for n in people), _truncated(people)


def _truncated(people: tuple[Name, ...]) -> bool:
    return bool(people) and people[-1].others


def _union(lists: Any) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for values in lists:
        for value in values:
            seen.setdefault(value, None)
    return tuple(seen)


def _merge_extra(
    ranked: Sequence[Record], preprints: list[bool] | None, conflicts: dict[str, list[Any]]
) -> dict[str, str]:
    """Every other BibTeX field of every member; the best-ranked value wins, the others are reported.

    ``preprints`` (given when a published member exists) flags members whose venue fields are dropped.
    """
    merged: dict[str, str] = {}
    values: dict[str, list[str]] = {}
    for position, record in enumerate(ranked):
        for name, value in record.extra.items():
            if not (preprints and preprints[position] and name in VENUE_EXTRA):
                merged.setdefault(name, value)
            if value:
                values.setdefault(name, []).append(value)
    for name, seen in values.items():
        _note_conflict(conflicts, f"extra.{name}", merged.get(name, ""), seen, _collapse)
    return merged


def _note_conflict(
    conflicts: dict[str, list[Any]],
    name: str,
    kept: Any,
    values: Sequence[Any],
    key: Callable[[Any], Any],
    render: Callable[[Any], Any] = lambda v: v,
) -> None:
    """Record ``name`` when the members disagree: its distinct values, the kept one first.

    A value dropped in favour of nothing (a preprint's venue beside a published version without one)
    counts as a disagreement too.
    """
    for value in values:
        if value and value != kept:
            break
    else:
        if kept or not any(values):
            return  # the common case: everyone who has a value has the kept one
    distinct: dict[Any, Any] = {key(kept): render(kept)} if kept else {"": ""}
    for value in values:
        if value:
            distinct.setdefault(key(value), render(value))
    if len(distinct) > 1:  # with nothing kept, the first value is "" and the rest were dropped
        conflicts[name] = list(distinct.values())


def _collapse(value: str) -> str:
    return " ".join(value.split())


def _comparable(name: str) -> Callable[[str], str]:
    """How two values of a field are compared: pages by their digits, ids without case, text by spacing."""
    if name == "page":
        return lambda v: re.sub(r"\s*[-–—]+\s*", "-", v.strip())
    if name in ("doi", "arxiv", "url", "issn", "isbn"):
        return lambda v: v.strip().lower().rstrip("/")
    return _collapse


def _people_key(people: tuple[Name, ...]) -> tuple[str, ...]:
    return tuple(normalize_family(n) if not n.others else "…" for n in people)


def _render_people(people: tuple[Name, ...]) -> str:
    return "; ".join(n.display() for n in people)
