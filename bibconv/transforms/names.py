"""Splitting names into structured ``Name``s and writing them back as BibTeX.

BibTeX name lists follow BibTeX's own rules (first/von/last/jr, braces, ``and others``), for which we
reuse pybtex's ``Person`` rather than a parser of our own. Free-text names from citation strings and
paper lists ("Christopher De Sa", "Li, Yuhang", "J. Smith") are not BibTeX: capitalised particles there
belong to the family name, which BibTeX's rules would put in the given name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pybtex.database import Person

from ..model import OTHERS, Name

__all__ = [
    "parse_bibtex_names",
    "parse_bibtex_name",
    "format_bibtex_name",
    "format_bibtex_names",
    "parse_plain_name",
    "split_bibtex_name_list",
]

_OTHERS_WORDS = {"others", "et al.", "et al", "et. al.", "etal"}
#: BibTeX white space; a no-break space (``~``) is text and is kept.
_SPACE = " \t\r\n"


def _strip_braces(text: str) -> str:
    return text.replace("{", "").replace("}", "")


def split_bibtex_name_list(value: str) -> list[str]:
    """Split a BibTeX name field on ``and`` at brace depth 0 (``{Barnes and Noble}`` is one name)."""
    names: list[str] = []
    depth = 0
    start = 0
    i = 0
    n = len(value)
    lower = value.lower()
    while i < n:
        ch = value[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif depth == 0 and ch.isspace() and lower.startswith("and", i + 1):
            end = i + 4
            if end < n and value[end].isspace():
                names.append(value[start:i])
                start = end + 1
                i = end
        i += 1
    names.append(value[start:])
    return [" ".join(part.split()) for part in names if part.strip()]


def parse_bibtex_name(text: str, decode: Callable[[str], str] = _strip_braces) -> Name:
    """One BibTeX name to a ``Name``; a name wholly in braces is a literal (an organisation)."""
    stripped = text.strip()
    if stripped.lower() in _OTHERS_WORDS:
        return OTHERS
    if _is_fully_braced(stripped):
        return Name(literal=decode(stripped[1:-1]).strip(_SPACE))
    try:
        person = Person(stripped)
    except Exception:  # pybtex raises plain exceptions on odd input (too many commas): keep the text
        return Name(literal=decode(stripped))
    given = " ".join(person.first_names + person.middle_names)
    family = " ".join(person.last_names)
    if not family and given:  # "Plato": pybtex puts a lone word in last already; guard odd cases
        family, given = given, ""
    return Name(
        family=decode(family).strip(_SPACE),
        given=decode(given).strip(_SPACE),
        particle=decode(" ".join(person.prelast_names)).strip(_SPACE),
        suffix=decode(" ".join(person.lineage_names)).strip(_SPACE),
    )


def parse_bibtex_names(value: str, decode: Callable[[str], str] = _strip_braces) -> tuple[Name, ...]:
    names = [parse_bibtex_name(part, decode) for part in split_bibtex_name_list(value)]
    # "and others" is only meaningful last; keep a single marker there.
    people = [n for n in names if not n.others]
    if len(people) != len(names):
        people.append(OTHERS)
    return tuple(people)


def _is_fully_braced(text: str) -> bool:
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for i, ch in enumerate(text):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0 and i != len(text) - 1:
                return False
    return depth == 0


def _protect(part: str) -> str:
    """Brace a name part that BibTeX would otherwise split or misread (commas, ``and``, lowercase start)."""
    if not part:
        return part
    needs = "," in part or re.search(r"\band\b", part, re.IGNORECASE) is not None
    if not needs and part[0].islower() and part[0].isalpha():
        needs = True  # a lowercase family name ("dos Santos" kept whole) would become a von part
    return "{" + part + "}" if needs else part


def format_bibtex_name(name: Name) -> str:
    """``von Last, Jr, First`` — the unambiguous BibTeX form."""
    if name.others:
        return "others"
    if name.literal:
        return "{" + name.literal + "}"
    family = _protect(name.family)
    if name.particle:
        family = f"{name.particle} {family}" if family else name.particle
    if not name.given and not name.suffix:
        return family
    if name.suffix:
        return f"{family}, {_protect(name.suffix)}, {_protect(name.given)}"
    return f"{family}, {_protect(name.given)}"


def format_bibtex_names(names: tuple[Name, ...]) -> str:
    return " and ".join(format_bibtex_name(n) for n in names)


# --- free-text names -------------------------------------------------------------------------------

#: Particles that join the family name in free text ("Christopher De Sa", "Ronan Le Bras").
_PARTICLES = {
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
    "ter", "ten", "zu", "al", "el", "bin", "ibn", "st.", "mac", "af", "y", "'t", "’t",
}  # fmt: skip
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"}


#: Parsed free-text names by their text: the same people recur through a list, and a ``Name`` is immutable.
#: Bounded so that a long run over millions of distinct names does not grow without limit.
_PLAIN_NAMES: dict[str, Name] = {}
_PLAIN_NAMES_LIMIT = 100_000


def parse_plain_name(text: str) -> Name:
    """A name as people write it: ``Given Family``, ``Family, Given``, initials, particles, suffixes."""
    name = _PLAIN_NAMES.get(text)
    if name is None:
        if len(_PLAIN_NAMES) >= _PLAIN_NAMES_LIMIT:
            _PLAIN_NAMES.clear()
        name = _PLAIN_NAMES[text] = _parse_plain_name(text)
    return name


def _parse_plain_name(text: str) -> Name:
    cleaned = " ".join(text.replace("\u00a0", " ").split()).strip(" ,;")
    if not cleaned:
        return Name()
    if cleaned.lower().rstrip(".") in {"et al", "others", "et. al"}:
        return OTHERS
    parts = [p.strip() for p in cleaned.split(",") if p.strip()]
    suffix = ""
    if len(parts) >= 2 and parts[-1].lower() in _SUFFIXES:
        suffix = parts.pop()
    if len(parts) >= 2:  # inverted: "De Sa, Christopher" / "van der Maaten, L."
        family_part, given = parts[0], " ".join(parts[1:])
        particle, family = _split_particle(family_part.split())
        return Name(family=family, given=given, particle=particle, suffix=suffix)
    tokens = parts[0].split() if parts else []
    if tokens and tokens[-1].lower() in _SUFFIXES and len(tokens) > 2:
        suffix = tokens.pop()
    if len(tokens) == 1:
        return Name(family=tokens[0], suffix=suffix)
    # The family name starts at the first particle after the first given token, else it is the last token.
    start = len(tokens) - 1
    for i in range(1, len(tokens) - 1):
        if tokens[i].lower() in _PARTICLES:
            start = i
            break
    given = " ".join(tokens[:start])
    particle, family = _split_particle(tokens[start:])
    return Name(family=family, given=given, particle=particle, suffix=suffix)


def _split_particle(tokens: list[str]) -> tuple[str, str]:
    """Lowercase leading particles are the von part (``van der`` Maaten); capitalised ones stay in the family."""
    i = 0
    while i < len(tokens) - 1 and tokens[i].islower() and tokens[i] in _PARTICLES:
        i += 1
    return " ".join(tokens[:i]), " ".join(tokens[i:])
