"""Pairs that may be one work but were not merged: listed in the report for the user to decide.

A preprint is often renamed for its published version ("Q8BERT: Quantized 8Bit BERT" becomes "Q8BERT:
Efficient Inference of …"), and a list may cite the preprint without the arXiv id the published entry
carries. With no shared DOI or arXiv id, a changed title cannot prove identity — merging on it would merge
different papers of the same group — so such pairs are reported as ``candidates`` instead of merged:
a preprint and a published record with the same first author (and second author, where both name one),
the published one no older than the preprint and at most three years younger, whose titles share the
name before the colon or most of the shorter title's content words.

Pairs come from an index of the preprints' title words by first author, skipping words so common under
one author that they carry no signal, so the time stays near-linear.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Record
from .match import Features, features, is_generic, normalize_family

__all__ = ["Candidate", "likely_same_work"]

#: A (first author, word) bucket larger than this says nothing about a pair: skipped.
BUCKET_LIMIT = 48
#: Share of the shorter title's content words the other title must contain.
WORD_SHARE = 0.6
#: Years the published version may come after its preprint.
MAX_DELAY = 3

_STOP = frozenset(
    "a an and are as at based be by can do does for from how in into is it its learning model models more "
    "network networks neural new of on or our over than that the their this to toward towards under using "
    "via what when where which while with without".split()
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two output records (by position) that may be one work, and why they were not merged."""

    first: int
    second: int
    reason: str
    share: float

    def to_json(self, records: Sequence[Record]) -> dict[str, object]:
        return {
            "keys": [records[self.first].key, records[self.second].key],
            "reason": self.reason,
            "title_overlap": round(self.share, 2),
        }


def likely_same_work(records: Sequence[Record], feats: Sequence[Features] | None = None) -> list[Candidate]:
    """Preprint/published pairs among ``records`` (already deduplicated) that look like one renamed work;
    ``feats`` are the records' match features when the caller has them."""
    if feats is None:
        feats = [features(r) for r in records]
    preprint = [f.preprint for f in feats]
    # Only a first author who has a preprint here can be in a pair: index nobody else.
    authors = {f.family for f, p in zip(feats, preprint, strict=True) if p and f.family}
    if not authors or all(preprint):
        return []
    # Index the preprints' title words by author; look each published record's words up in it.
    words: dict[int, frozenset[str]] = {}  # of the preprints
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if preprint[i] and f.family and not is_generic(f):
            words[i] = _content_words(f.title)
            for word in words[i]:
                index[(f.family, word)].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for i, f in enumerate(feats):
        if preprint[i] or f.family not in authors or is_generic(f):
            continue
        for word in set(f.title.split()):  # stop words are not in the index: no need to drop them here
            hits = index.get((f.family, word))
            if hits and len(hits) <= BUCKET_LIMIT:
                shared.update((pre, i) for pre in hits)
    found = []
    for (pre, pub), count in shared.items():
        candidate = _decide(feats[pre], feats[pub], words[pre], _content_words(feats[pub].title), count)
        if candidate is not None:
            found.append(Candidate(min(pre, pub), max(pre, pub), *candidate))
    return sorted(found, key=lambda c: (c.first, c.second))


def _decide(
    pre: Features, pub: Features, pre_words: frozenset[str], pub_words: frozenset[str], shared: int
) -> tuple[str, float] | None:
    """(reason, word share) when the preprint ``pre`` and the published ``pub`` may be one work."""
    if pre.title == pub.title or (pre.arxiv and pub.arxiv) or not _years_fit(pre.year, pub.year):
        return None  # equal titles were dedupe's to decide; two arXiv ids are two works
    if not _second_authors_agree(pre.record, pub.record):
        return None
    share = shared / max(1, min(len(pre_words), len(pub_words)))
    if pre.head and pre.head == pub.head and len(pre.head) >= 3 and not pre.head.isdigit():
        return f"same first author and title name '{pre.head}', preprint and published", share
    if share >= WORD_SHARE and shared >= 3:
        return "same first author, most title words shared, preprint and published", share
    return None


def _content_words(title: str) -> frozenset[str]:
    return frozenset(title.split()).difference(_STOP)


def _years_fit(early: int, late: int) -> bool:
    """Years as ``Features.year`` gives them (0 when unknown)."""
    return not early or not late or 0 <= late - early <= MAX_DELAY


def _second_authors_agree(a: Record, b: Record) -> bool:
    second_a, second_b = _second_person(a), _second_person(b)
    return not (second_a and second_b) or second_a == second_b


def _second_person(record: Record) -> str:
    people = [n for n in record.author if not n.others]
    return normalize_family(people[1]) if len(people) > 1 else ""
