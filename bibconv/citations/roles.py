"""Statements of responsibility and thesis notes written around a title, read before the labeller.

Styles print translators, editors of an authored work, the original publication year and the thesis
kind as short formulas with a fixed shape — APA's ``Title (R. Nice, Trans.)``, ``(J. Strachey, Ed. &
Trans.)``, ``(Original work published 1923)`` and ``Title [Doctoral dissertation, University of X]``;
MLA's and Chicago's ``Trans. Louise Maude.`` and ``Translated by Alan Sheridan.``, and the same in German,
French, Spanish and Italian. The labeller has no label for a translator and would read these as title,
editor or publisher text, so they are cut out here, where their structure is certain, and put back as
fields after it has labelled the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from itertools import repeat
from operator import or_

from bibconv.citations.fields import clean_text


@dataclass(frozen=True)
class RoleNotes:
    """What was cut out of a citation: name lists as written, a year, thesis genre and school."""

    translators: str = ""
    editors: str = ""
    original_year: str = ""
    thesis_genre: str = ""
    thesis_school: str = ""
    archive: str = ""  # "ProQuest Dissertations and Theses Global" after an APA thesis note
    collaboration: str = ""  # "Abbott, B. P. et al. (LIGO Scientific Collaboration). Title …"
    descriptor: str = ""  # APA's "[Computer software]", "[Data set]", "[Blog post]" after a title
    version: str = ""  # APA's "(Version 3.11)"

    def __bool__(self) -> bool:
        return any(
            (self.translators, self.editors, self.original_year, self.thesis_genre, self.collaboration,
             self.descriptor, self.version)
        )  # fmt: skip


_NO_ROLES = RoleNotes()  # what most citations give: one shared immutable value

# "(R. Nice, Trans.)", "(J. Strachey, Ed. & Trans.)", "(P. Guyer & A. W. Wood, Trans.; 2nd ed.)"
_PARENTHESISED = re.compile(r"\s*[(\[]([^()\[\]]{3,300})[)\]]")
#: ``_PARENTHESISED`` without its leading white space: text without a match of this has none of that.
_BRACKETED = re.compile(r"[(\[][^()\[\]]{3,300}[)\]]")
_ROLE_AFTER_NAMES = re.compile(
    r"^(?P<names>.+?),\s*(?P<role>(?:Eds?|Trans|Tr|Hrsg|Übers|Trad|Comp)\.?"
    r"(?:\s*(?:&|and|y|et|und)\s*(?:Eds?|Trans|Tr|Übers|Trad)\.?)?)\s*$"
)
_ORIGINAL_YEAR = re.compile(
    r"^(?:Original work published|Originally published|Original publication|Trabajo original publicado en|"
    r"Originalarbeit veröffentlicht|Œuvre originale publiée en)\s+(?:in\s+)?(?P<year>\d{4}(?:[,–-]\s*\d{4})?)$",
    re.IGNORECASE,
)
# "[Doctoral dissertation, University of X]", "(Unpublished master's thesis, X)"
_THESIS = re.compile(
    r"^(?P<genre>(?:unpublished\s+)?(?:doctoral dissertation|doctoral thesis|master[’']?s thesis|"
    r"ph\.?\s?d\.?\s+(?:thesis|dissertation)|m\.?\s?sc?\.?\s+thesis|bachelor[’']?s thesis|"
    r"dissertation|thèse de doctorat|tesis doctoral|tese de doutorado|doktorarbeit))"
    r",\s*(?P<school>[^,;]{3,}(?:,\s*[^,;]{2,})?)$",
    re.IGNORECASE,
)
# "Translated by Alan Sheridan.", "Trans. Louise and Aylmer Maude.", "Edited and translated by …",
# "übers. von …", "trad. par …", "traducción de …", "traduzione di …"
_SENTENCE_ROLE = re.compile(
    r"(?:(?<=[.,;:?!”\"])|^)\s+(?P<role>"
    r"(?:edited,?\s+)?(?:and\s+)?translated(?:\s+and\s+(?:edited|introduced|annotated))?"
    r"(?:\s+from\s+the\s+[A-Z]\w+)?(?:\s+(?:and\s+)?(?:with|by)\s+an?\s+[\w ]{3,40}?)?\s+by"
    r"|edited\s+and\s+translated\s+by|trans\.|tr\.|übers\.\s*(?:v\.|von)|übersetzt\s+von"
    r"|aus\s+dem\s+\w+\s+(?:übersetzt\s+)?von|trad\.\s*(?:par|de|di|it\.\s+di)|traduit(?:\s+de\s+l[’']\w+)?\s+par"
    r"|traducción\s+de|traduzione\s+di|tradução\s+de"
    r"|hrsg\.\s*(?:v\.|von)|herausgegeben\s+von|a\s+cura\s+di|éd\.\s+par|sous\s+la\s+direction\s+de"
    r"|editado\s+por|org\.\s+por|red\.\s+(?:av|von))\s+(?P<names>(?:[A-Z]\.-?\s*)*[^.;,]+?(?:\b[A-Z]\.\s*[^.;,]*?)*)"
    # A comma after the names goes with them: "Peace. Translated by X, Vintage" leaves "Peace. Vintage".
    r"(?:(?=[.;]\s)|,(?=\s+(?!and\b|&|[A-Z]\.))|(?=[.;]?$))",
    re.IGNORECASE,
)
# After an abbreviated role, a name list has a whole word inside it ("Alan Sheridan"); journal
# abbreviations that begin with "Trans." are all cut short ("Assoc. Comput.", "R. Soc.").
_FULL_NAME_WORD = re.compile(r"\b[A-ZÀ-Þ]\w+\s")
# The non-English "edited by" formulas (English ones are the labeller's: it was trained on them).
_EDITOR_ROLE = re.compile(r"hrsg|herausgegeben|a\s+cura|éd\.|sous\s+la|editado|org\.|red\.", re.IGNORECASE)
_EDITED_TOO = re.compile(r"\bedited\b", re.IGNORECASE)


def may_hold_role_formula(text: str) -> bool:
    """False when ``split_role_notes`` would find nothing in any text that has ``text`` as a word or a token:
    every formula holds a ``_HINT`` piece, and no piece spans white space or a place where ``tokenize``
    splits a word."""
    if text.isascii():  # most tokens: a case-sensitive search of the lower-cased text is several times faster
        return not _ASCII_HINT_CHARACTERS.isdisjoint(text) and _HINT_IN_LOWER_ASCII.search(text.lower()) is not None
    return _HINT.search(text) is not None


def split_role_notes(text: str) -> tuple[str, RoleNotes]:
    """``text`` without the formulas above, and what they said. Text without any comes back unchanged."""
    words = text.split()
    if not _bits(words, _FORMULA_BITS, _formula_bit):
        return text, _NO_ROLES  # most citations: no word holds a piece of a formula
    return cut_role_notes(text, words)


def cut_role_notes(text: str, words: list[str] | None = None) -> tuple[str, RoleNotes]:
    """``split_role_notes`` without its first test, for a caller that knows that a word of ``text`` may hold
    a formula (``may_hold_role_formula``): on other text it finds nothing either, only more slowly.
    ``words`` are ``text.split()`` when the caller has them."""
    original = text
    found: dict[str, str] = {}
    kinds = _bits(text.split() if words is None else words, _KIND_BITS, _kind_bits)
    if kinds & _THESIS_WORD:
        text = _cut_thesis_note(text, found)
    if _BRACKETED.search(text):  # a search from the bracket, much faster than one from any white space
        text = _PARENTHESISED.sub(lambda m: _read_parenthesised(m, found), text)
    if text != original:
        kinds = _bits(text.split(), _KIND_BITS, _kind_bits)  # as cut so far: cuts join words
    if kinds & _ROLE_SENTENCE_WORD:
        text = _SENTENCE_ROLE.sub(lambda m: _read_sentence_role(m, found), text)
    if not found:
        return original, _NO_ROLES
    return _DOUBLED_STOP.sub(".", " ".join(text.split())), RoleNotes(**found)


# What is left where a role sentence or note was cut: "Peace. Translated by X." → "Peace.."
_DOUBLED_STOP = re.compile(r"(?<!\.)\.\s*\.(?!\.)")


_VERSION = re.compile(r"^(?:Version|Vers\.|Ver\.|v\.?)\s*(\d[\w.\-]*)$", re.IGNORECASE)
# APA 7's descriptions of the form of a work, in square brackets after its title.
_DESCRIPTOR = re.compile(
    r"^(?:computer\s+software|software|computer\s+program|mobile\s+app|data\s*set|dataset|database|"
    r"blog\s+post|video|video\s+file|audio\s+podcast|podcast(?:\s+episode)?|tweet|lecture\s+notes|"
    r"conference\s+(?:presentation|session|paper)|paper\s+presentation|poster\s+presentation|"
    r"unpublished\s+manuscript|manuscript\s+submitted\s+for\s+publication|white\s+paper|fact\s+sheet|"
    r"policy\s+brief|press\s+release|editorial|letter\s+to\s+the\s+editor|abstract|map|photograph|"
    r"infographic|slides|powerpoint\s+slides|interview|film|motion\s+picture|tv\s+series)$",
    re.IGNORECASE,
)
_COLLABORATION = re.compile(r"\b(?:collaborations?|consortium|study group|working group)\b", re.IGNORECASE)
_HINT = re.compile(  # the lookahead on the first characters rejects most positions at once
    r"(?=[\[(cgtdeoühré])(?:\[|\(v|collaborat|consortium|group|trans|tr\.|übers|trad|Ed\.|Eds\.|original|"
    r"dissertation|thesis|thèse|tesis|tese|doktor|hrsg|herausg|cura|éd\.|direction|editado|org\.|red\.)",
    re.IGNORECASE,
)
#: ``_HINT`` for ASCII text, searched in the text lower-cased: its ASCII pieces (its others cannot match ASCII).
_HINT_IN_LOWER_ASCII = re.compile(
    r"\[|\(v|collaborat|consortium|group|trans|tr\.|trad|ed\.|eds\.|original|dissertation|thesis|tesis|tese|"
    r"doktor|hrsg|herausg|cura|direction|editado|org\.|red\."
)
#: Every piece of ``_HINT_IN_LOWER_ASCII`` holds one of these (in either case): "of", "Smith," or "12" holds none.
_ASCII_HINT_CHARACTERS = frozenset("[(rReE")
_LOCATOR = re.compile(r"https?://|\bdoi\b|\b10\.\d{4,}/", re.IGNORECASE)


#: What a word can be part of, by bit: any formula (``_HINT``), a thesis note (``_THESIS`` holds one of these
#: words), a role sentence (each formula of ``_SENTENCE_ROLE`` holds one of these).
_ANY_FORMULA, _THESIS_WORD, _ROLE_SENTENCE_WORD = 1, 2, 4
_THESIS_WORDS = re.compile(r"dissertation|thesis|thèse|tesis|tese|doktorarbeit", re.IGNORECASE)
_ROLE_SENTENCE_WORDS = re.compile(
    r"translated|trans\.|tr\.|übers|aus|trad|hrsg|herausgegeben|cura|éd\.|sous|editado|org\.|red\.",
    re.IGNORECASE,
)
_THESIS_IN_LOWER_ASCII = re.compile(r"dissertation|thesis|tesis|tese|doktorarbeit")
_ROLE_SENTENCE_IN_LOWER_ASCII = re.compile(
    r"translated|trans\.|tr\.|aus|trad|hrsg|herausgegeben|cura|sous|editado|org\.|red\."
)


def _formula_bit(word: str) -> int:
    return _ANY_FORMULA if may_hold_role_formula(word) else 0


def _kind_bits(word: str) -> int:
    if word.isascii():  # as in may_hold_role_formula: the patterns' ASCII pieces, in the word lower-cased
        lowered = word.lower()
        thesis, role_sentence = _THESIS_IN_LOWER_ASCII.search(lowered), _ROLE_SENTENCE_IN_LOWER_ASCII.search(lowered)
    else:
        thesis, role_sentence = _THESIS_WORDS.search(word), _ROLE_SENTENCE_WORDS.search(word)
    return (_THESIS_WORD if thesis else 0) | (_ROLE_SENTENCE_WORD if role_sentence else 0)


# Bits by word, computed once per word (bounded, as the other per-text caches of the parser): the formula
# bit for every word, the kinds only for the words of texts that hold a formula.
_WORD_LIMIT = 100_000
_FORMULA_BITS: dict[str, int] = {}
_KIND_BITS: dict[str, int] = {}
_UNSEEN = 8


def _bits(words: list[str], cache: dict[str, int], compute: Callable[[str], int]) -> int:
    """The bits of all ``words``. None of the patterns matches white space, so a text holds a match exactly
    when one of its words does; words recur from citation to citation, while a case-insensitive search
    over the whole text tries every position of every citation."""
    bits = reduce(or_, map(cache.get, words, repeat(_UNSEEN)), 0)
    if bits & _UNSEEN:
        if len(cache) >= _WORD_LIMIT:
            cache.clear()
        for word in words:
            if word not in cache:
                cache[word] = compute(word)
        bits = reduce(or_, map(cache.__getitem__, words), 0)
    return bits


def _cut_thesis_note(text: str, found: dict[str, str]) -> str:
    """``Title [Doctoral dissertation, School]. Archive.``: genre and school from the note; the text after
    it is the archive the thesis was found in (kept when it holds a DOI or URL, which are read later)."""
    for match in _PARENTHESISED.finditer(text):
        thesis = _THESIS.match(match.group(1).strip())
        if thesis is None:
            continue
        found["thesis_genre"] = clean_text(thesis.group("genre"))
        found["thesis_school"] = clean_text(thesis.group("school"))
        head, tail = text[: match.start()].rstrip(" ."), text[match.end() :]
        if _LOCATOR.search(tail):
            return f"{head}.{tail}"
        found["archive"] = clean_text(tail.strip(" ."))
        return f"{head}."
    return text


def _read_parenthesised(match: re.Match, found: dict[str, str]) -> str:
    """One parenthesised group: its role and original-year parts are taken, any other part is kept."""
    parts = [part.strip() for part in match.group(1).split(";")]
    kept = [part for part in parts if not _take_part(part, found)]
    if len(kept) == len(parts):
        return match.group(0)  # nothing of ours: leave it exactly as written
    whole = match.group(0).strip()
    return f" {whole[0]}{'; '.join(kept)}{whole[-1]}" if kept else ""


def _take_part(part: str, found: dict[str, str]) -> bool:
    if (role := _ROLE_AFTER_NAMES.match(part)) and _names_like(role.group("names")):
        words = role.group("role").lower().replace("trad", "")
        if "tr" in words or "übers" in words:
            found.setdefault("translators", role.group("names"))
        if "ed" in words or "hrsg" in words or "comp" in words:
            found.setdefault("editors", role.group("names"))
        return True
    if version := _VERSION.match(part):
        found.setdefault("version", version.group(1))
        return True
    if _DESCRIPTOR.match(part):
        found.setdefault("descriptor", part)
        return True
    if _COLLABORATION.search(part) and len(part.split()) <= 12:
        found.setdefault("collaboration", part)
        return True
    if year := _ORIGINAL_YEAR.match(part):
        found.setdefault("original_year", year.group("year")[:4])
        return True
    return False


def _read_sentence_role(match: re.Match, found: dict[str, str]) -> str:
    names = match.group("names").strip(" ,")
    if not _names_like(names) or len(names.split()) > 12:
        return match.group(0)
    role = match.group("role")
    if role.endswith(".") and not _FULL_NAME_WORD.search(names):
        return match.group(0)  # "Trans. Assoc. Comput. Linguist.", "Phil. Trans. R. Soc.": a journal
    if _EDITOR_ROLE.match(role):
        found.setdefault("editors", names)
        return ""
    found.setdefault("translators", names)
    if _EDITED_TOO.search(role):
        found.setdefault("editors", names)
    return ""


_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?|[A-Z]\.(?:-?[A-Z]\.)*|and|&|y|et|und|e|de|van|von|der|den|du|la|le|da|di|,)$")


def _names_like(text: str) -> bool:
    """Words a list of personal names is made of: capitalised words, initials and joining words."""
    words = text.replace(",", " , ").split()
    return 0 < len(words) <= 16 and all(_NAME_WORD.match(w) for w in words) and any(
        w[:1].isupper() for w in words
    )

