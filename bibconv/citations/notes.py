"""Acceptance notes that paper lists append to a citation: ``… arXiv:2406.04333 (2024). (NeurIPS 2024)``.

``split_acceptance_note`` removes such a trailing note and says which venue and year it names, so that the
parser can upgrade an arXiv preprint to the published venue while keeping its arXiv id. A note must name a
venue (a table hit, or an acronym-like name next to a year or an "Accepted" word) and carry a year or a
status word; a citation's own ``(2018)`` or ``(Volume 1: Long Papers)`` is never taken for one.

``split_publication_status`` removes a status that names no venue: APA's ``Smith, J. (in press).``,
Chicago's ``…, forthcoming.``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data.venues import Venue, lookup

__all__ = ["AcceptanceNote", "split_acceptance_note", "split_publication_status"]


@dataclass(frozen=True, slots=True)
class AcceptanceNote:
    """A trailing note: ``name`` as written, ``venue`` when the table knows it, ``year``, ``status``."""

    name: str
    venue: Venue | None
    year: int | None
    status: str  # "accepted", "oral", "spotlight", "highlight", … or "" when the note names only venue+year
    text: str  # the note exactly as it appeared, brackets included


_STATUS = (
    r"accepted|accept|to\s+appear|oral|spotlight|highlight|poster|best\s+paper(?:\s+award)?|"
    r"outstanding\s+paper|findings|main(?:\s+conference)?|long(?:\s+paper)?|short(?:\s+paper)?|"
    r"workshop|camera[-\s]ready|in\s+press"
)
_PREFIX = r"(?:(?:accepted|to\s+appear|published|presented)\s+(?:to|at|in|by|as)?\s*|in\s*:\s*)"
_NOTE = re.compile(
    r"(?P<sep>\s*)"
    r"(?P<note>[(\[]\s*(?P<prefix>" + _PREFIX + r")?"
    r"(?P<name>[^()\[\]]*?)\s*"
    r"(?P<year>['’]?\d{2}(?:\d{2})?)?\s*"
    r"(?:[,:\-–]\s*)?(?P<status>(?:" + _STATUS + r")(?:\s+(?:" + _STATUS + r"))*)?\s*[.!]?\s*[)\]])"
    r"\s*[.;,]?\s*$",
    re.IGNORECASE,
)
#: What a note that says something holds: a year's digits, a status word or the prefix of one.
_YEAR_OR_STATUS = re.compile(r"\d|" + _STATUS + r"|published|presented|in\s*:", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:[-/ ][A-Z][A-Za-z]*)?$")
_FULL_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _year_of(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'’")
    if _FULL_YEAR.match(digits):
        return int(digits)
    if len(digits) == 2 and text[0] in "'’":
        return 2000 + int(digits) if int(digits) < 50 else 1900 + int(digits)
    return None


def _note_at_end(text: str) -> tuple[int, AcceptanceNote] | None:
    # A note holds no bracket before its closing one, so it can only open at the last opening bracket:
    # one anchored match there instead of a search that tries every position.
    start = max(text.rfind("("), text.rfind("["), 0)
    if not _YEAR_OR_STATUS.search(text, start):
        return None  # "(Oxford: Clarendon Press)": nothing a note is read for, and no costly match
    return _note_from(text, start)


def _note_from(text: str, start: int) -> tuple[int, AcceptanceNote] | None:
    match = _NOTE.match(text, start)
    if not match:
        return None
    name = match.group("name").strip(" ,;:-–")
    year = _year_of(match.group("year"))
    status = " ".join((match.group("status") or "").lower().split())
    if match.group("year") and year is None:
        return None  # "(Vol 12)"-like numbers are not years
    if match.group("prefix") and not status:
        status = "accepted"
    if not name or (year is None and not status):
        return None  # "(2018)", "(ICCV)": the citation's own year or the venue's own abbreviation
    venue = lookup(f"{name} {year}" if year else name)
    if venue is None and not _ACRONYM.match(name):
        return None  # "(Volume 1: Long Papers)", "(in Chinese)", "(Oral)": not a venue
    if venue is not None and year is None:
        year = venue.year
    note = AcceptanceNote(name=name, venue=venue, year=year, status=status, text=match.group("note"))
    return match.start(), note


def split_acceptance_note(text: str) -> tuple[str, AcceptanceNote | None]:
    """``(citation without the trailing acceptance note, the note)``; ``(text, None)`` when there is none."""
    if not isinstance(text, str) or "(" not in text and "[" not in text:
        return text, None
    stripped = text.rstrip()
    end = stripped[:-1].rstrip() if stripped.endswith((".", ";", ",")) else stripped
    if not end.endswith((")", "]")):
        return text, None  # a note closes its bracket at the end (before a final ".", ";" or ",")
    found = _note_at_end(stripped)
    if found is None:
        return text, None
    start, note = found
    rest = stripped[:start].rstrip()
    if note.venue is not None and _names_same_venue(rest, note):
        return text, None  # "… Information Processing Systems (NeurIPS 2024)": the venue's own abbreviation
    return rest, note


_PART_BREAK = re.compile(r"[.;,]\s+|\bIn:?\s+")


def _names_same_venue(rest: str, note: AcceptanceNote) -> bool:
    """Does the citation end with the full name of the venue the bracket abbreviates?"""
    part = _PART_BREAK.split(rest)[-1]
    venue = lookup(part.strip(" .,;"))
    return venue is not None and note.venue is not None and venue.canonical == note.venue.canonical


# --- publication status without a venue --------------------------------------------------------------

_PUBLICATION_STATUS = r"in\s+press|forthcoming|in\s+preparation|submitted|under\s+review|to\s+appear"
#: Where the year goes (APA): ``(in press)``, ``(2021, in press)``.
_STATUS_FOR_DATE = re.compile(
    r"\(\s*(?:(?P<year>(?:1[5-9]|20)\d\d[a-z]?)\s*,\s*)?(?P<status>" + _PUBLICATION_STATUS + r")\s*\)",
    re.IGNORECASE,
)
#: After the citation (Chicago, Vancouver): ``…, forthcoming.``, ``… 2024. In press.``
_STATUS_AT_END = re.compile(r"[,.;]\s*(?P<status>" + _PUBLICATION_STATUS + r")\s*\.?\s*$", re.IGNORECASE)
#: A piece of every status word, in the case it is written in: text without any holds no status.
_STATUS_PIECES = ("ress", "orthcoming", "reparation", "ubmitted", "eview", "ppear")


def split_publication_status(text: str) -> tuple[str, str]:
    """``(citation without its publication status, the status)``, the status in lower case (``in press``,
    ``forthcoming``, ``submitted`` …); ``(text, "")`` when there is none. A year beside the status stays."""
    if not any(piece in text for piece in _STATUS_PIECES):
        return text, ""  # most citations (a publisher's "Press" still gets the two searches)
    match = _STATUS_FOR_DATE.search(text)
    if match:
        before, after = text[: match.start()], text[match.end() :]
        if match.group("year"):
            cut = f"{before}({match.group('year')}){after}"
        else:
            cut = f"{before.rstrip()} {after.lstrip(' .')}"  # "Smith, J. (in press). Title." → "Smith, J. Title."
    else:
        match = _STATUS_AT_END.search(text)
        if match is None:
            return text, ""
        cut = text[: match.start()] + "."
    return " ".join(cut.split()), " ".join(match.group("status").lower().split())
