"""One record per work: candidate blocking, pairwise decisions, clustering, merging, keys, report.

Candidates never come from all pairs. Records meet when they share a blocking key: DOI, arXiv id, URL
of a web page, normalised title, either side of a title's colon, or the first author with a third of a
long title's words (a typo or Google Scholar's mangling of the name leaves one of them intact). A large
title block is split exactly along what a title match requires (compatible first authors; for a
recurring "Editorial", the same placement); other oversized blocks are searched by neighbourhood.
``match.same_work`` decides each candidate pair; accepted pairs are unioned strongest first
(identifiers before titles), and a union is refused when it would put two different DOIs, two arXiv
ids or two incompatible first authors into one work, so clusters stay consistent even though the
decision is pairwise. Merged records are matched again until nothing changes, which makes ``dedupe``
idempotent.

Keys stay the user's: a merged record keeps the key of its most authoritative member and lists the
other members' keys in ``ids``; a key used by two different works is kept by the first and suffixed
(``a``, ``b``) on the others, and reported in ``report.renamed``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..gcpause import cyclic_gc_paused
from ..model import Record
from ..report import MergeGroup, Report
from .candidates import likely_same_work
from .match import (
    FUZZY_KEY_MARKS,
    LAST_WORDS_MARK,
    Features,
    blocking_keys,
    families_agree,
    features,
    first_person_is_org,
    is_generic,
    normalize_title,
    same_work,
)
from .merge import authority, merge_ranked

__all__ = ["dedupe", "candidate_pairs"]

#: How many neighbours each record is compared with inside an oversized block.
WINDOW = 4
#: Id and URL blocks larger than this are searched by neighbourhood in placement order instead.
BLOCK_LIMIT = 40
#: Fuzzy blocks (first author + some title words) are searched whole up to this size: they grow with a
#: prolific author's common phrasing, and all pairs would make the time quadratic in it.
FUZZY_BLOCK_LIMIT = 8
#: Title blocks larger than this are split by first author (and columns by placement) before pairing.
TITLE_BLOCK_LIMIT = 8
TITLE_KEY = "t:"
#: Safety bound on match-merge rounds; one or two suffice in practice.
MAX_ROUNDS = 10
#: Union order: identifiers first, then exact titles, then looser title evidence.
_STRENGTH = {"same DOI": 0, "same arXiv id": 1, "same URL": 2, "same title": 3, "same title and issue": 3}


@dataclass(slots=True)
class _Unit:
    """A work being built: the input positions it merges, its record and match features."""

    members: list[int]
    record: Record
    features: Features
    keys: list[str]  # blocking keys of the features
    people: list[Features]  # features of the input records with a first author: what a union must respect
    reasons: list[str] = field(default_factory=list)
    conflicts: dict[str, list[Any]] = field(default_factory=dict)
    primary: int = -1  # input position of the most authoritative member, once known
    ranked: list[int] = field(default_factory=list)  # members' input positions by authority, once merged
    serial: int = -1  # the unit's number in ``_Blocks``


def dedupe(records: Sequence[Record], *, rekey: bool = False) -> tuple[list[Record], Report]:
    """Merge records of the same work; return the records (first-appearance order) and the report.

    Every input record is either an output record or a member of a ``report.groups`` entry. With
    ``rekey`` every output record gets a fresh Google Scholar-form key (old keys stay in ``ids``).
    """
    with cyclic_gc_paused():
        return _dedupe(list(records), rekey)


def _dedupe(records: list[Record], rekey: bool) -> tuple[list[Record], Report]:
    report = Report()
    names = _identities(records)
    units = [_new_unit([i], r) for i, r in enumerate(records)]
    inputs = [unit.features for unit in units]
    # Rounds after a merge match only the merged records against the rest, until nothing changes; as
    # candidate pairs come from shared keys, running dedupe on its own output then changes nothing.
    fresh: set[int] | None = None
    blocks = _Blocks(units)
    for _ in range(MAX_ROUNDS):
        accepted = _accepted_pairs(
            units, blocks.of_units() if fresh is None else blocks.touching(units, fresh), fresh
        )
        clusters = _cluster(units, accepted)
        if not clusters:
            break
        units, fresh = _merge_units(units, clusters, inputs, names)
    outputs = _rename_duplicate_keys(_finish_units(units, records, rekey), report)
    if any(not r.key for r in outputs):
        # Records read from text and markdown have no key yet: give them theirs now, so that the report
        # names each merged group by the key it has in the output.
        from .keys import assign_keys

        outputs = list(assign_keys(outputs))
    for unit, output in zip(units, outputs, strict=True):
        if len(unit.members) > 1:
            report.groups.append(_group(unit, output.key, records, names))
    candidates = likely_same_work(outputs, [unit.features for unit in units])
    report.candidates = [c.to_json(outputs) for c in candidates]
    return outputs, report


# --- candidates and decisions ------------------------------------------------------------------------


def _new_unit(
    members: list[int],
    record: Record,
    reasons: list[str] | None = None,
    conflicts: dict | None = None,
    people: list[Features] | None = None,
    like: _Unit | None = None,
) -> _Unit:
    """A unit for ``record``; ``like``, a unit whose record has the same title (a merged record's member),
    lends its normalised title and, when everything they depend on agrees, its blocking keys."""
    found = features(record, like.features if like is not None else None)
    if people is None:
        people = [found] if found.family else []
    if like is not None and _same_keys(found, like.features):
        keys = like.keys  # never changed once made: sharing the list is safe
    else:
        keys = blocking_keys(found)
    return _Unit(members, record, found, keys, people, reasons or [], conflicts or {})


def _same_keys(a: Features, b: Features) -> bool:
    """``blocking_keys`` would give ``a`` and ``b`` the same keys: it reads only these features."""
    return (
        a.title == b.title
        and a.head == b.head
        and a.tail == b.tail
        and a.family == b.family
        and a.doi == b.doi
        and a.arxiv == b.arxiv
        and a.web == b.web
        and a.url == b.url
    )


def candidate_pairs(
    feats: Sequence[Features], keys: Sequence[list[str]], fresh: set[int] | None = None
) -> dict[tuple[int, int], None]:
    """Index pairs ``(i, j)``, ``i < j``, worth deciding: each once, in the order first met (an ordered
    set, as a dict); with ``fresh``, only pairs touching it.

    Pairs come only from shared blocking keys, never from positions in a sorted list, so the pairs
    between records that stay unchanged do not depend on which other records were merged away.
    """
    buckets: dict[str, list[int]] = defaultdict(list)
    wanted = None if fresh is None else {key for i in fresh for key in keys[i]}
    for i, unit_keys in enumerate(keys):
        for key in unit_keys:
            if wanted is None or key in wanted:
                buckets[key].append(i)
    return _block_pairs(buckets, feats, fresh)


class _Blocks:
    """Each blocking key's units, kept across rounds: a later round reads the blocks of the merged units'
    keys here instead of scanning every unit's keys again. Units are known by serial number (the input
    position for the first round's); units merged away are skipped on reading."""

    def __init__(self, units: Sequence[_Unit]) -> None:
        self.serials: dict[str, list[int]] = defaultdict(list)
        serials = self.serials
        for serial, unit in enumerate(units):
            unit.serial = serial
            for key in unit.keys:
                serials[key].append(serial)
        self.count = len(units)

    def of_units(self) -> dict[str, list[int]]:
        """Every block, before any merge (serial numbers are then unit indices)."""
        return self.serials

    def touching(self, units: Sequence[_Unit], fresh: set[int]) -> dict[str, list[int]]:
        """The blocks of the fresh units' keys as unit indices, in the order a scan of every unit's keys
        meets them (the order the pairs are decided in); the fresh units are registered first."""
        for i in sorted(fresh):
            unit = units[i]
            unit.serial = self.count
            self.count += 1
            for key in unit.keys:
                self.serials[key].append(unit.serial)
        where = [-1] * self.count  # serial -> unit index; -1 for units merged away
        for i, unit in enumerate(units):
            where[unit.serial] = i
        blocks: dict[str, list[int]] = {}
        seen: set[str] = set()
        for i in fresh:
            for key in units[i].keys:
                if key not in seen:
                    seen.add(key)
                    members = [w for s in self.serials[key] if (w := where[s]) >= 0]
                    if len(members) > 1:  # most keys of a merged unit are its own now: no pair to make
                        members.sort()
                        blocks[key] = members
        return dict(
            sorted(blocks.items(), key=lambda item: (item[1][0], units[item[1][0]].keys.index(item[0])))
        )


def _block_pairs(
    buckets: dict[str, list[int]], feats: Sequence[Features], fresh: set[int] | None
) -> dict[tuple[int, int], None]:
    """``candidate_pairs`` from the blocks (unit indices ascending, in the order met)."""
    pairs: dict[tuple[int, int], None] = {}
    for key, members in buckets.items():
        size = len(members)
        if size < 2:
            continue
        if size == 2:  # most blocks: one pair, ascending as the buckets fill in index order
            if fresh is None or members[0] in fresh or members[1] in fresh:
                pairs[members[0], members[1]] = None
            continue
        fuzzy = key[0] in FUZZY_KEY_MARKS
        if not fuzzy and key.startswith(TITLE_KEY) and size > TITLE_BLOCK_LIMIT:
            found: Iterable[tuple[int, int]] = _title_block_pairs(members, feats)
        elif size <= (FUZZY_BLOCK_LIMIT if fuzzy else BLOCK_LIMIT):
            found = _all_pairs(members)
        elif fuzzy:  # a prolific author's common phrase ("Wang | question answering"): neighbours by title
            # Titles sharing their last words are ordered from the end, so that a typo near the start
            # does not move a title away from its twin.
            order = _title_from_end if key[0] == LAST_WORDS_MARK else _title
            found = _neighbours(sorted(members, key=lambda i: order(feats[i])))
        else:  # a recurring column ("Editorial"): neighbours in placement order
            found = _neighbours(sorted(members, key=lambda i: _placement_order(feats[i])))
        if fresh is None:
            pairs.update(dict.fromkeys(found))  # a pair met before keeps its place
        else:
            pairs.update((pair, None) for pair in found if pair[0] in fresh or pair[1] in fresh)
    return pairs


def _title_block_pairs(members: list[int], feats: Sequence[Features]) -> list[tuple[int, int]]:
    """The pairs of a large title block that ``same_work`` could accept, and only those.

    A title pair needs compatible first authors, and a recurring column ("Editorial") the same placement
    too, so the block is split exactly along those conditions: columns meet only columns placed alike
    (container, year, volume, issue, first page); other records meet those whose first author they may
    share (``families_agree``: same family, last word or spelling without spaces, or given and family
    swapped), and a record without a personal first author (none, or an organisation) meets everyone.
    Pairs decided by a DOI, an arXiv id or a URL come from those blocks, not from here.
    """
    placed: dict[tuple[str, int, str, str, str], list[int]] = defaultdict(list)
    by_family: dict[str, list[int]] = defaultdict(list)
    anyone: list[int] = []
    persons: list[int] = []
    for i in members:
        f = feats[i]
        if is_generic(f):
            d = f.detail
            if d.volume or d.issue or d.first_page:
                placed[(d.container, d.year, d.volume, d.issue, d.first_page)].append(i)
        elif not f.family or first_person_is_org(f):
            anyone.append(i)
        else:
            persons.append(i)
            for name in _family_forms(f.family):
                by_family[name].append(i)
    pairs: set[tuple[int, int]] = set()
    for group in placed.values():
        pairs.update(_all_pairs(group))
    pairs.update(_all_pairs(anyone))
    pairs.update((i, j) if i < j else (j, i) for i in anyone for j in persons)
    for i in persons:
        f = feats[i]
        for name in (*_family_forms(f.family), f.given):
            for j in by_family.get(name, ()):
                if i < j:
                    pairs.add((i, j))
                elif j < i:
                    pairs.add((j, i))
    return sorted(pairs)


def _family_forms(family: str) -> tuple[str, str, str]:
    """The forms under which ``families_agree`` may match a family: whole, last word, without spaces."""
    return family, family.rsplit(" ", 1)[-1], family.replace(" ", "")


def _all_pairs(members: list[int]) -> Iterator[tuple[int, int]]:
    for x, i in enumerate(members):
        for j in members[x + 1 :]:
            yield (i, j) if i < j else (j, i)


def _title(f: Features) -> str:
    return f.title


def _title_from_end(f: Features) -> str:
    return f.title[::-1]


def _placement_order(f: Features) -> tuple[str, int, str, str, str, str, str]:
    d = f.detail
    container = normalize_title(f.record.container_title) if f.record.container_title else ""
    return container, d.year, d.volume, d.issue, d.first_page, f.family, f.title


def _neighbours(order: list[int]) -> Iterator[tuple[int, int]]:
    for pos, i in enumerate(order):
        for j in order[pos + 1 : pos + WINDOW]:
            yield (i, j) if i < j else (j, i)


def _accepted_pairs(
    units: Sequence[_Unit], blocks: dict[str, list[int]], fresh: set[int] | None
) -> dict[tuple[int, int], str]:
    feats = [u.features for u in units]
    accepted: dict[tuple[int, int], str] = {}
    for pair in _block_pairs(blocks, feats, fresh):
        reason = same_work(feats[pair[0]], feats[pair[1]])
        if reason:
            accepted[pair] = reason
    return accepted


# --- clustering --------------------------------------------------------------------------------------


def _cluster(
    units: Sequence[_Unit], accepted: dict[tuple[int, int], str]
) -> list[tuple[list[int], list[tuple[int, int, str]]]]:
    """Union-find over accepted pairs, strongest first, refusing unions that would mix two works.

    Returns the clusters of two or more units (indices ascending) with the pairs that joined them.
    The pair order depends on content, not positions, so the result does not depend on input order.
    """
    parent = list(range(len(units)))
    ids: dict[int, tuple[set[str], set[str], list[Features]]] = {}
    for pair in accepted:
        for i in pair:
            if i not in ids:
                f = units[i].features
                ids[i] = ({f.doi} if f.doi else set(), {f.arxiv} if f.arxiv else set(), list(units[i].people))
    joined: dict[int, list[tuple[int, int, str]]] = defaultdict(list)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    contents = {i: _content(units[i]) for i in ids}

    def rank(item: tuple[tuple[int, int], str]) -> tuple[Any, ...]:
        a, b = contents[item[0][0]], contents[item[0][1]]
        return (_strength(item[1]), a, b) if a <= b else (_strength(item[1]), b, a)

    order = sorted(accepted.items(), key=rank)
    for (i, j), reason in order:
        root_i, root_j = find(i), find(j)
        if root_i == root_j:
            joined[root_i].append((i, j, reason))
            continue
        if not _compatible(ids[root_i], ids[root_j]):
            continue
        small, large = (root_j, root_i) if len(ids[root_j][2]) < len(ids[root_i][2]) else (root_i, root_j)
        parent[small] = large
        dois, arxivs, people = ids[large]
        dois |= ids[small][0]
        arxivs |= ids[small][1]
        people.extend(ids[small][2])
        joined[large].extend(joined.pop(small, []))
        joined[large].append((i, j, reason))
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in sorted(ids):
        clusters[find(i)].append(i)
    return [(members, joined.get(root, [])) for root, members in clusters.items() if len(members) > 1]


def _content(unit: _Unit) -> tuple[str, ...]:
    f = unit.features
    return (f.title, f.doi, f.arxiv, f.family, str(f.year), unit.record.key)


def _strength(reason: str) -> int:
    return _STRENGTH.get(reason, 4 if reason.startswith("title without") else 5)


def _compatible(
    a: tuple[set[str], set[str], list[Features]], b: tuple[set[str], set[str], list[Features]]
) -> bool:
    """Two clusters may join: at most one DOI and one arXiv id between them, first authors compatible."""
    # A cluster never holds two DOIs (or arXiv ids), so the union has two exactly when both differ.
    if a[0] and b[0] and a[0] != b[0] or a[1] and b[1] and a[1] != b[1]:
        return False
    return all(families_agree(x, y) for x in a[2] for y in b[2])


def _merge_units(
    units: list[_Unit],
    clusters: list[tuple[list[int], list[tuple[int, int, str]]]],
    inputs: list[Features],
    names: list[str],
) -> tuple[list[_Unit], set[int]]:
    """The next round's units (in first-member order) and the indices of those that changed.

    ``inputs`` are the features of the input records, by input position."""
    merged: list[tuple[_Unit, bool]] = []
    absorbed: set[int] = set()
    for members, pairs in clusters:
        absorbed.update(members)
        positions = sorted(p for m in members for p in units[m].members)
        preprints = [inputs[p].preprint for p in positions]
        record, conflicts, by_authority = merge_ranked([inputs[p].record for p in positions], preprints)
        reasons = [r for m in members for r in units[m].reasons]
        reasons += [
            f"{reason}: {names[units[i].members[0]]} ~ {names[units[j].members[0]]}" for i, j, reason in pairs
        ]
        people = [f for m in members for f in units[m].people]
        like = next((units[m] for m in members if units[m].record.title == record.title), None)
        unit = _new_unit(positions, record, reasons, conflicts, people, like)
        unit.ranked = [positions[i] for i in by_authority]
        merged.append((unit, True))
    merged.extend((unit, False) for i, unit in enumerate(units) if i not in absorbed)
    merged.sort(key=lambda item: item[0].members[0])
    return [unit for unit, _ in merged], {i for i, (_, new) in enumerate(merged) if new}


# --- keys and report ---------------------------------------------------------------------------------


def _identities(records: Sequence[Record]) -> list[str]:
    """How the report names each input: its key, or ``file:line`` for records without one (text, markdown);
    a key used twice is followed by its position."""
    counts = Counter(r.key for r in records)
    names = []
    for i, r in enumerate(records):
        if r.key and counts[r.key] == 1:
            names.append(r.key)  # the common case: no position needed, so none is rendered
            continue
        where = str(r.source) if (r.source.file or r.source.line) else f"#{i + 1}"
        names.append(f"{r.key} ({where})" if r.key else where)
    return names


def _finish_units(units: Sequence[_Unit], records: Sequence[Record], rekey: bool) -> list[Record]:
    """Output records with their keys and ``ids``: a merged record keeps its most authoritative key."""
    outputs: list[Record] = []
    for unit in units:
        if len(unit.members) == 1:
            outputs.append(unit.record)
            continue
        unit.primary = unit.ranked[0]
        keys = [records[p].key for p in unit.ranked if records[p].key]
        kept = keys[0] if keys else ""
        aliases = tuple(dict.fromkeys(k for k in (*keys, *unit.record.ids) if k != kept))
        outputs.append(unit.record.with_changes(key=kept, ids=aliases))
    return _rekey(outputs) if rekey else outputs


def _rekey(records: list[Record]) -> list[Record]:
    """Fresh Google Scholar-form keys; each old key stays resolvable through ``ids``."""
    from .keys import assign_keys  # engineer C2's module; imported late so dedupe works without it

    cleared = [
        r.with_changes(key="", ids=tuple(dict.fromkeys(k for k in (r.key, *r.ids) if k))) for r in records
    ]
    return list(assign_keys(cleared))


def _group(unit: _Unit, key: str, records: Sequence[Record], names: Sequence[str]) -> MergeGroup:
    primary = unit.primary if unit.primary >= 0 else min(unit.members, key=lambda p: authority(records[p], p))
    return MergeGroup(
        key=key or names[primary],
        members=tuple(names[p] for p in unit.members),
        reasons=tuple(unit.reasons),
        conflicts=unit.conflicts,
        sources=tuple(records[p].source for p in unit.members),
    )


def _rename_duplicate_keys(records: list[Record], report: Report) -> list[Record]:
    """A key used by two different works: the first keeps it, the others get ``a``, ``b``, … suffixes.

    Keys compare without case, as in BibTeX.
    """
    taken = {r.key.lower() for r in records if r.key}
    seen: set[str] = set()
    renamed: list[Record] = []
    for record in records:
        key = record.key
        if not key or key.lower() not in seen:
            seen.add(key.lower())
            renamed.append(record)
            continue
        new = next(key + suffix for suffix in _suffixes() if (key + suffix).lower() not in taken)
        taken.add(new.lower())
        report.renamed.setdefault(key, []).append(new)
        report.warn(
            f"citation key {key!r} is used by different works; renamed this one to {new!r}", record.source
        )
        renamed.append(record.with_changes(key=new))
    return renamed


def _suffixes() -> Iterator[str]:
    """a, b, …, z, aa, ab, …"""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for first in letters:
        yield first
    for first in letters:
        for second in letters:
            yield first + second
