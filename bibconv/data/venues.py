"""The venue table (``venues.yaml``): recognise a conference or journal however a citation names it.

``lookup("Proceedings of the IEEE/CVF conference on computer vision and pattern recognition")`` gives the
canonical name, abbreviation, kind and — when the text implies one — the year ("Forty-first International
Conference on Machine Learning" is ICML 2024). Matching is two dictionary probes per candidate string:
a *light* key (case, accents and punctuation folded) and a *heavy* key that also drops years, ordinals,
"Proceedings of the", publisher prefixes (IEEE, ACM, CVF, USENIX) and stop words. Heavy keys shared by two
venues are dropped, so an ambiguous string is a miss rather than a wrong match; callers keep the text as
written on a miss.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["Venue", "lookup", "restore_case", "venue_entries"]


@dataclass(frozen=True, slots=True)
class Venue:
    canonical: str
    abbreviation: str
    kind: str  # conference | journal | workshop
    year: int | None = None
    publisher: str = ""


@dataclass(frozen=True, slots=True)
class _Entry:
    canonical: str
    abbreviation: str
    kind: str
    ordinal_offset: int | None
    publisher: str
    aliases: tuple[str, ...]


# --- normalisation -------------------------------------------------------------------------------

_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}  # fmt: skip
_ORDINAL_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                 "eighty": 80, "ninety": 90}  # fmt: skip
_ORDINAL_TENTHS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                   "seventieth": 70, "eightieth": 80, "ninetieth": 90}  # fmt: skip

_WORD_ORDINAL = re.compile(
    r"\b(?:(?P<tens>" + "|".join(_ORDINAL_TENS) + r")[\s-]?)?(?P<unit>" + "|".join(_ORDINAL_UNITS) + r")\b"
    r"|\b(?P<tenth>" + "|".join(_ORDINAL_TENTHS) + r")\b"
)
_NUMERIC_ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b")
_YEAR = re.compile(r"(?<![\d.])(19[5-9]\d|20\d\d)(?![\d.])")
_SHORT_YEAR = re.compile(r"(?:\b([a-z][a-z&]*))?\s?['’‘](\d{2})\b|\b([a-z][a-z&]*[a-z])-?(\d{2})\b")
_VOLUME_NOTE = re.compile(
    r"\((?:[^()]*\b(?:volume|vol|papers|part)\b[^()]*)\)|,?\s*\b(?:volume|vol)\.?\s*\d+\b|,?\s*\bpart\s+[ivxl\d]+\b"
)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_DIGIT = re.compile(r"\d")
_SHORT_YEAR_TAIL = re.compile(r"\s*['’‘-]?\s*\d{2}\s*$")
_TRAILING_PAREN = re.compile(r"^(?P<head>.*?)\s*\((?P<inner>[^()]+)\)\s*\.?\s*$")

#: Abbreviated words expanded before matching ("Proc. Int. Conf." = "Proceedings International Conference").
_EXPANSIONS = {"proc": "proceedings", "conf": "conference", "int": "international", "intl": "international",
               "symp": "symposium", "ws": "workshop", "wkshp": "workshop", "workshops": "workshop"}  # fmt: skip
#: Words that never distinguish two venues in the table.
_HEAVY_DROP = frozenset("the of on in and for at a an proceedings annual ieee acm cvf usenix".split())
_SPECIAL_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                                  "đ": "d", "œ": "oe", "Œ": "OE", "–": "-", "—": "-", "®": ""})  # fmt: skip


def _fold(text: str) -> str:
    if text.isascii():  # most names: the special letters, NFKD and the combining marks leave ASCII as it is
        return text.lower().replace("&", " and ")
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("&", " and ")


def _light_key(text: str) -> str:
    return _NON_WORD.sub(" ", _fold(text)).strip()


def _ordinal_value(match: re.Match[str]) -> int:
    if match.group("tenth"):
        return _ORDINAL_TENTHS[match.group("tenth")]
    return _ORDINAL_TENS.get(match.group("tens") or "", 0) + _ORDINAL_UNITS[match.group("unit")]


def _heavy_key(folded: str, abbreviations: frozenset[str]) -> tuple[str, int | None, int | None]:
    """(key, explicit year, edition ordinal) of an already folded string."""
    # Years, short years and numeric ordinals hold digits, volume notes their words: most names have
    # neither, and skip these searches over every position.
    has_digit = _DIGIT.search(folded) is not None
    year: int | None = None
    match = _YEAR.search(folded) if has_digit else None
    if match:
        year = int(match.group(1))
    text = _YEAR.sub(" ", folded) if has_digit else folded

    def short_year(m: re.Match[str]) -> str:
        nonlocal year
        word, digits = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
        if m.group(4) and word not in abbreviations:
            return m.group(0)  # "gpt3"-like tokens are not years
        if year is None:
            year = 1900 + int(digits) if int(digits) >= 50 else 2000 + int(digits)
        return f" {word or ''} "

    if has_digit:
        text = _SHORT_YEAR.sub(short_year, text)
    if "vol" in text or "part" in text or "papers" in text:
        text = _VOLUME_NOTE.sub(" ", text)
    ordinal: int | None = None
    match = (_NUMERIC_ORDINAL.search(text) if has_digit else None) or _WORD_ORDINAL.search(text)
    if match:
        ordinal = int(match.group(1)) if match.re is _NUMERIC_ORDINAL else _ordinal_value(match)
        text = _NUMERIC_ORDINAL.sub(" ", text)
        text = _WORD_ORDINAL.sub(" ", text)
    # Bare numbers left now are volumes or editions ("Advances in … Systems 30"): not part of a name.
    words = (_EXPANSIONS.get(w, w) for w in _NON_WORD.sub(" ", text).split() if not w.isdigit())
    return " ".join(w for w in words if w not in _HEAVY_DROP), year, ordinal


# --- the table -----------------------------------------------------------------------------------


def _as_entry(raw: dict[str, Any]) -> _Entry:
    return _Entry(
        canonical=str(raw["name"]),
        abbreviation=str(raw.get("abbr") or ""),
        kind=str(raw.get("kind") or "conference"),
        ordinal_offset=raw.get("ordinal_offset"),
        publisher=str(raw.get("publisher") or ""),
        aliases=tuple(str(a) for a in raw.get("aliases") or ()),
    )


@lru_cache(maxsize=1)
def venue_entries() -> tuple[_Entry, ...]:
    """The table as loaded from ``venues.yaml`` (immutable, loaded once)."""
    text = resources.files("bibconv.data").joinpath("venues.yaml").read_text(encoding="utf-8")
    # libyaml's safe loader when PyYAML has it: 10x faster start-up, the same data
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return tuple(_as_entry(raw) for raw in yaml.load(text, Loader=loader)["venues"])  # noqa: S506


@dataclass(frozen=True, slots=True)
class _Index:
    light: dict[str, _Entry]
    heavy: dict[str, _Entry]
    abbreviations: frozenset[str]
    cased: dict[str, str]  # light key -> the table's spelling, for restore_case
    word_case: dict[str, str]  # lower-case word -> the table's spelling of acronyms and brand names


def _names_of(entry: _Entry) -> tuple[str, ...]:
    return (entry.canonical, entry.abbreviation, *entry.aliases)


@lru_cache(maxsize=1)
def _index() -> _Index:
    entries = venue_entries()
    abbreviations = frozenset(_light_key(e.abbreviation) for e in entries if e.abbreviation)
    light: dict[str, _Entry] = {}
    heavy: dict[str, _Entry] = {}
    ambiguous: set[str] = set()
    cased: dict[str, str] = {}
    word_case: dict[str, str] = {}
    for entry in entries:
        for name in _names_of(entry):
            if not name:
                continue
            key = _light_key(name)
            light.setdefault(key, entry)
            if name != entry.abbreviation:
                cased.setdefault(key, entry.canonical if name == entry.canonical else name)
            heavy_key = _heavy_key(_fold(name), abbreviations)[0]
            if heavy_key and heavy.get(heavy_key, entry) is not entry:
                ambiguous.add(heavy_key)
            heavy.setdefault(heavy_key, entry)
            for word in re.split(r"[\s/:,()–-]+", name):
                if word and not word.islower() and not word.istitle() and word.isalpha():
                    word_case.setdefault(word.lower(), word)
                elif word.isalpha() and word.isupper() and len(word) > 1:
                    word_case.setdefault(word.lower(), word)
    for key in ambiguous | {""}:
        heavy.pop(key, None)
    return _Index(light, heavy, abbreviations, cased, word_case)


# --- lookup --------------------------------------------------------------------------------------


def _probe(text: str, index: _Index) -> Venue | None:
    folded = _fold(text)
    entry = index.light.get(_NON_WORD.sub(" ", folded).strip())
    key, year, ordinal = _heavy_key(folded, index.abbreviations)
    if entry is None:
        entry = index.heavy.get(key)
    if entry is None:
        return None
    if year is None and ordinal is not None and entry.ordinal_offset is not None:
        year = ordinal + entry.ordinal_offset
    return Venue(entry.canonical, entry.abbreviation, entry.kind, year, entry.publisher)


_IN_PREFIX = re.compile(r"^\s*(?:in\s*:|in\s+)", re.IGNORECASE)
_SUB_EVENT = re.compile(
    r"\b(?:workshops?|findings|companion|tutorials?|demos?|demonstrations?|doctoral|student)\b", re.I
)


def _head_fits(head: str, entry: _Entry, index: _Index) -> bool:
    """Is "head (ABBR)" a variant of that venue's name, not a workshop or other event held at it?"""
    if _SUB_EVENT.search(head) and entry.kind != "workshop":
        return False
    words = set(_heavy_key(_fold(head), index.abbreviations)[0].split())
    known = {w for name in _names_of(entry) for w in _heavy_key(_fold(name), index.abbreviations)[0].split()}
    return len(words & known) * 3 >= len(words) * 2


def _names_abbreviation(text: str, venue: Venue) -> bool:
    """Does the text also name the venue's abbreviation ("…, CVPR 2020, Seattle")? Evidence that a prefix is the venue."""
    return bool(venue.abbreviation) and re.search(rf"\b{re.escape(venue.abbreviation)}\b", text) is not None


@lru_cache(maxsize=8192)
def lookup(text: str) -> Venue | None:
    """The venue a string names, or None. Never guesses: a miss means "keep the text as written"."""
    if not isinstance(text, str) or not text.strip() or len(text) > 400:
        return None
    index = _index()
    text = _IN_PREFIX.sub("", text.strip()).strip(" .,;")
    venue = _probe(text, index)
    if venue:
        return venue
    paren = _TRAILING_PAREN.match(text)
    if paren:
        venue = _probe(paren.group("head"), index)
        if venue:
            return venue
        inner_text = _YEAR.sub(" ", _fold(paren.group("inner")))
        inner = index.light.get(_NON_WORD.sub(" ", _SHORT_YEAR_TAIL.sub("", inner_text)).strip())
        if (
            inner is not None
            and inner.abbreviation
            and _light_key(inner.abbreviation)
            == _NON_WORD.sub(" ", _SHORT_YEAR_TAIL.sub("", inner_text)).strip()
            and _head_fits(paren.group("head"), inner, index)
        ):
            year = _YEAR.search(text)
            return Venue(
                inner.canonical,
                inner.abbreviation,
                inner.kind,
                int(year.group(1)) if year else None,
                inner.publisher,
            )
    # "Computer Vision–ECCV 2020: 16th European Conference, ...", "CVPR 2020, Seattle, WA, USA".
    head, colon, _ = text.partition(":")
    if colon and _YEAR.search(head):
        venue = _probe(head, index)
        if venue:
            return venue
    head, comma, _ = text.partition(",")
    if comma:
        venue = _probe(head, index)
        if venue and _names_abbreviation(text[len(head) :], venue):
            year = _YEAR.search(text)
            return Venue(
                venue.canonical,
                venue.abbreviation,
                venue.kind,
                int(year.group(1)) if year else venue.year,
                venue.publisher,
            )
    return None


# --- capitalisation ------------------------------------------------------------------------------

_SMALL_WORDS = frozenset(
    "a an the and but or nor for of on in at to by with from via as vs per into upon over und et de la le du des".split()
)


_HYPHENS = re.compile(r"([-–—])")


def _title_word(word: str, first: bool, word_case: dict[str, str]) -> str:
    parts = _HYPHENS.split(word)
    if len(parts) > 1 and parts[0]:
        # "low-power" -> "Low-Power", "vision–ECCV" -> "Vision–ECCV"; separators sit at the odd indexes
        return "".join(
            p if i % 2 else _title_word(p, first and i == 0, word_case) if p else p
            for i, p in enumerate(parts)
        )
    lower = word.lower()
    core = lower.strip("()[],.:;")
    if core in word_case and word == lower:
        return word.replace(core, word_case[core], 1)
    if word != lower or not word[:1].isalpha():
        return word  # already has capitals (acronyms, brands) or starts with a digit/punctuation
    if not first and core in _SMALL_WORDS:
        return word
    return word[:1].upper() + word[1:]


def restore_case(text: str) -> str:
    """Proper capitalisation of a venue name that Google Scholar lowercased.

    A name in the table gets the table's spelling; any other name is title-cased: small words stay lower
    (except first or after a colon), acronyms the table knows get their capitals, words that already
    carry capitals are kept.
    """
    if not text or not text.strip():
        return text
    index = _index()
    cased = index.cased.get(_light_key(text))
    if cased is not None and _fold(cased) == _fold(text):
        return cased
    words = text.split(" ")
    out = []
    first = True
    for word in words:
        out.append(_title_word(word, first, index.word_case) if word else word)
        if word:
            first = word.endswith((":", "–", "—")) or word in ("–", "—", "-")
    return " ".join(out)
