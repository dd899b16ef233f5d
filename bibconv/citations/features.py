"""Token features for the citation sequence labeller (anystyle/GROBID-like: word, shape, punctuation,
numbers, position, and whether the token sits inside quotes or parentheses).

Kept cheap — plain string operations and a handful of precompiled regexes — because the parser must
label thousands of citations per second.
"""

from __future__ import annotations

import re

from .tokens import Token

__all__ = ["token_features", "sequence_features"]

_OPEN_QUOTES = "\"“‘«„'"
_CLOSE_QUOTES = "\"”’»'"
_PUNCT = ".,;:!?()[]\"“”‘’«»'-–—/"
_YEAR = re.compile(r"^\D{0,2}(1[5-9]\d\d|20\d\d)[a-z]?\W{0,3}$")
_PAGE_RANGE = re.compile(r"^\D{0,2}[A-Za-z]?\d+\s*[-–—]+\s*[A-Za-z]?\d+\W{0,2}$")
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.-?){1,3}[,;:]?$|^[A-Z]{1,3}[,;]?$")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th|e|er|re)\b", re.IGNORECASE)
_SHAPE_MAP = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)
_MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
    "september october november december".split()
)


def _shape(word: str) -> str:
    mapped = word.translate(_SHAPE_MAP)
    out = []
    for ch in mapped:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out[:8])


#: Features of a token depend on its text only: memoised, since most tokens of a citation are common words.
#: Bounded so that a long run over millions of distinct tokens does not grow without limit.
_CACHE: dict[str, tuple[str, ...]] = {}
_CACHE_LIMIT = 200_000


def _cached_features(text: str) -> tuple[str, ...]:
    feats = _CACHE.get(text)
    if feats is None:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        feats = _CACHE[text] = tuple(token_features(text))
    return feats


def token_features(text: str) -> list[str]:
    """Features of one token on its own (neighbour features are added by ``sequence_features``)."""
    core = text.strip(_PUNCT)
    lower = core.lower()
    has_digit = any(ch.isdigit() for ch in text)
    feats = ["s=" + _shape(text)]
    if has_digit:
        feats.append("w=" + _shape(core))
    else:
        feats.append("w=" + lower)
        if len(lower) > 3:
            feats.append("suf=" + lower[-3:])
    if text[0] in _PUNCT:
        feats.append("p0=" + text[0])
    if text[-1] in _PUNCT:
        feats.append("p1=" + text[-1])
        if len(text) > 1 and text[-2] in _PUNCT:
            feats.append("p2=" + text[-2:])
    if core[:1].isupper():
        feats.append("cap")
        if core.isupper() and len(core) > 1:
            feats.append("caps")
    elif core[:1].islower():
        feats.append("low")
    if has_digit:
        if _YEAR.match(text):
            feats.append("year")
        elif _PAGE_RANGE.match(text):
            feats.append("range")
        elif _ORDINAL.match(core):
            feats.append("ordinal")
        elif core.isdigit():
            feats.append("num" + str(min(len(core), 5)))
    elif _INITIALS.match(text):
        feats.append("initial")
    if lower in _MONTHS:
        feats.append("month")
    if "://" in text or lower.startswith("www."):
        feats.append("url")
    elif lower.startswith("10.") or lower.startswith("doi"):
        feats.append("doi")
    if "arxiv" in lower:
        feats.append("arxiv")
    return feats


def sequence_features(tokens: list[Token]) -> list[list[str]]:
    """Features for every token of a citation, with context (neighbours, quotes, parentheses, position)."""
    texts = [t.text for t in tokens]
    base = [_cached_features(t) for t in texts]
    words = [b[1] for b in base]
    shapes = [b[0] for b in base]
    n = len(tokens)
    result: list[list[str]] = []
    in_quote = False
    paren = 0
    for i, text in enumerate(texts):
        feats = list(base[i])
        first = text[0]
        opens_quote = first in _OPEN_QUOTES and not in_quote
        if in_quote or opens_quote:
            feats.append("inq")
            if opens_quote:
                in_quote = True
            if (len(text) > 1 or not opens_quote) and text.rstrip(".,;:)").endswith(_CLOSE_TUPLE):
                in_quote = False
                feats.append("qend")
        if paren > 0:
            feats.append("inp")
        if "(" in text or ")" in text or "[" in text or "]" in text:
            paren = max(paren + text.count("(") + text.count("[") - text.count(")") - text.count("]"), 0)
        feats.append(_POS[10 * i // n])
        if i == 0:
            feats.append("BOS")
        else:
            prev_last = texts[i - 1][-1]
            feats.append("-1" + words[i - 1])
            feats.append("-1" + shapes[i - 1])
            feats.append("-1p=" + (prev_last if prev_last in _PUNCT else "_"))
            if i > 1:
                feats.append("-2" + words[i - 2])
        if i == n - 1:
            feats.append("EOS")
        else:
            feats.append("+1" + words[i + 1])
            feats.append("+1" + shapes[i + 1])
            if i + 2 < n:
                feats.append("+2" + words[i + 2])
        result.append(feats)
    return result


_CLOSE_TUPLE = tuple(_CLOSE_QUOTES)
_POS = [f"pos={i}" for i in range(10)]
