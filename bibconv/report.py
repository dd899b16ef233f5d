"""What a run noticed, as data: warnings, units that could not be read, merge groups, skipped items.

Library code never prints; readers and transforms return a ``Report`` beside their records and the CLI
decides what to show. Reports from several steps are combined with ``Report.extend``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import Source

#: The position of a warning that belongs to no particular place.
NOWHERE = Source()


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A positioned warning: ``file:line: message``."""

    message: str
    source: Source = Source()

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if str(self.source) else self.message


@dataclass(frozen=True, slots=True)
class InputUnit:
    """An input unit (entry, line, row) with why it is reported and its position."""

    reason: str
    text: str
    source: Source = Source()

    def to_json(self) -> dict[str, Any]:
        return {"file": self.source.file, "line": self.source.line, "reason": self.reason, "text": self.text}


class Unread(InputUnit):
    """A unit that could not be turned into a proper record."""

    __slots__ = ()


class Skipped(InputUnit):
    """A unit deliberately not turned into a record (a tool, a blog post, a table of contents)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class MergeGroup:
    """Input entries merged into one record: the kept key, every member key, why, and what disagreed."""

    key: str
    members: tuple[str, ...]
    reasons: tuple[str, ...] = ()
    conflicts: dict[str, list[Any]] = field(default_factory=dict)
    sources: tuple[Source, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "members": list(self.members),
            "reasons": list(self.reasons),
            "conflicts": self.conflicts,
            "positions": [str(s) for s in self.sources],
        }


@dataclass(slots=True)
class Report:
    warnings: list[Diagnostic] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    groups: list[MergeGroup] = field(default_factory=list)
    renamed: dict[str, list[str]] = field(default_factory=dict)
    #: pairs of output records that may be one work but were not merged ({"keys", "reason", …})
    candidates: list[dict[str, Any]] = field(default_factory=list)

    def warn(self, message: str, source: Source = NOWHERE) -> None:
        self.warnings.append(Diagnostic(message, source))

    def extend(self, other: Report) -> Report:
        self.warnings.extend(other.warnings)
        self.unread.extend(other.unread)
        self.skipped.extend(other.skipped)
        self.groups.extend(other.groups)
        self.candidates.extend(other.candidates)
        for old, new in other.renamed.items():
            self.renamed.setdefault(old, []).extend(new)
        return self

    def to_json(self) -> dict[str, Any]:
        """The ``--report`` document. Keys are stable; lists keep input order."""
        return {
            "groups": [g.to_json() for g in self.groups],
            "unread": [u.to_json() for u in self.unread],
            "skipped": [s.to_json() for s in self.skipped],
            "renamed": self.renamed,
            "candidates": self.candidates,
            "warnings": [str(w) for w in self.warnings],
        }
