"""Token features for the citation sequence labeller (anystyle/GROBID-like: word, shape, punctuation,
numbers, position, and whether the token sits inside quotes or parentheses).

Kept cheap — plain string operations and a handful of precompiled regexes — because the parser must
label thousands of citations per second.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from .tokens import Token

__all__ = ["Featurizer", "token_features", "sequence_features"]

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
    """The word's letters and digits as X/x/d, runs collapsed, at most 8 characters."""
    return _collapsed_runs(word.translate(_SHAPE_MAP))


# Cached: the many distinct words share few mapped forms (every capitalised five-letter word with a comma
# is "Xxxxx,"), so the loop below runs for a new form only.
@lru_cache(maxsize=1 << 14)
def _collapsed_runs(mapped: str) -> str:
    """``mapped`` with each run of one character collapsed to it, at most 8 characters."""
    out = last = mapped[:1]
    for ch in mapped:
        if ch != last:
            out += ch
            if len(out) == 8:
                break
            last = ch
    return out


def token_features(text: str) -> list[str]:
    """Features of one token on its own (neighbour features are added by ``sequence_features``)."""
    core = text.strip(_PUNCT)
    lower = core.lower()
    has_digit = any(map(str.isdigit, text))
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


class Featurizer:
    """Features for every token of a citation, with context (neighbours, quotes, parentheses, position).

    Everything a token contributes depends on its text only (its own features, the features it gives its
    neighbours, its quote and bracket marks), so it is computed once per distinct token text and cached;
    a citation then costs one concatenation of cached tuples per token. ``encode`` turns the feature
    strings into what the consumer wants: the plain strings for training, or for tagging only the
    features the model knows, as UTF-8 bytes (python-crfsuite skips its own encoding for bytes, and the
    model ignores unknown features, so dropping them changes no label). It must encode each feature on
    its own (``encode(a + b) == encode(a) + encode(b)``): the features a token gives its neighbours are
    encoded per word and per shape, which many token texts share ("Smith,", "Smith.", "(Smith").
    """

    #: Bounded so that a long run over millions of distinct tokens does not grow without limit
    #: (an entry is about 0.7 kB; common words come back within a few citations after a reset).
    CACHE_LIMIT = 100_000

    def __init__(self, encode: Callable[[list[str]], tuple] = tuple) -> None:
        self._encode = encode
        self._cache: dict[str, tuple] = {}
        #: The position feature of a token in each tenth of its citation.
        self.positions = [encode([name]) for name in _POS]
        #: The features of a token in a quote, ending a quote, in brackets.
        self.quote_and_bracket = (encode(["inq"]), encode(["qend"]), encode(["inp"]))
        #: The parts of the missing neighbours before the first token and after the last.
        self.separators = ((), encode(["BOS"]), (), (), (), None), ((), (), (), encode(["EOS"]), (), None)
        self._by_length: dict[int, list[tuple]] = {}
        self._as_neighbour_cache: dict[str, tuple] = {}
        # The -1 final punctuation of the next token: the mark, or "_" for any other character.
        self._after_punct = {mark: encode(["-1p=" + mark]) for mark in _PUNCT}
        self._after_other = encode(["-1p=_"])

    def _parts(self, text: str) -> tuple:
        parts = self._cache.get(text)
        if parts is None:
            if len(self._cache) >= self.CACHE_LIMIT:
                self._cache.clear()
                self._as_neighbour_cache.clear()
            parts = self._cache[text] = self.token_parts(text)
        return parts

    def token_parts(self, text: str) -> tuple:
        """What ``text`` contributes to its own features and to its neighbours' (see ``OWN`` below)."""
        own = token_features(text)
        shape, word = own[0], own[1]
        word_before, word_two_before, word_after, word_two_after = self._as_neighbour(word)
        shape_before, _, shape_after, _ = self._as_neighbour(shape)
        return (
            self._encode(own),
            word_before + shape_before + self._after_punct.get(text[-1], self._after_other),
            word_two_before,
            word_after + shape_after,
            word_two_after,
            _marks(text),
        )

    def _as_neighbour(self, feature: str) -> tuple:
        """The word or shape feature as the features -1, -2, +1 and +2 of the tokens around it, encoded."""
        encoded = self._as_neighbour_cache.get(feature)
        if encoded is None:
            encode = self._encode
            encoded = self._as_neighbour_cache[feature] = (
                encode(["-1" + feature]),
                encode(["-2" + feature]),
                encode(["+1" + feature]),
                encode(["+2" + feature]),
            )
        return encoded

    def _positions(self, n: int) -> list[tuple]:
        """The position feature of each of ``n`` tokens (one list per citation length, kept)."""
        positions = self._by_length.get(n)
        if positions is None:
            positions = self._by_length[n] = [self.positions[10 * i // n] for i in range(n)]
        return positions

    def __call__(self, tokens: list[Token]) -> list[list]:
        cache = self._cache
        parts = [cache.get(t[0]) or self._parts(t[0]) for t in tokens]
        n = len(parts)
        if not n:
            return []
        # Quote and bracket marks follow a token's own features; most citations have none.
        owns = self._marked_owns(parts) if any(map(_MARKS_OF, parts)) else map(_OWN_OF, parts)
        # Each token's neighbours, shifted into place: -1 (BOS first), -2, +1 (EOS last), +2.
        previous = (self.separators[0], *parts[:-1])
        second_previous = (NO_PARTS, NO_PARTS, *parts[:-2])[:n]
        following = (*parts[1:], self.separators[1])
        second_following = (*parts[2:], NO_PARTS, NO_PARTS)[:n]
        # Feature order within a token is fixed (the model's scores are sums in this order).
        return [
            [*own, *pos, *prev[AS_PREVIOUS], *prev2[AS_SECOND_PREVIOUS], *nxt[AS_NEXT], *nxt2[AS_SECOND_NEXT]]
            for own, pos, prev, prev2, nxt, nxt2 in zip(
                owns, self._positions(n), previous, second_previous, following, second_following, strict=True
            )
        ]

    def _marked_owns(self, parts: list[tuple]) -> list[tuple]:
        """Each token's own features followed by its quote and bracket marks (inq, qend, inp)."""
        inq, qend, inp = self.quote_and_bracket
        return [
            part[OWN] + (inq if in_quote else ()) + (qend if ends_quote else ()) + (inp if in_brackets else ())
            for part, (in_quote, ends_quote, in_brackets) in zip(
                parts, quote_and_bracket_marks(map(_MARKS_OF, parts)), strict=True
            )
        ]


def quote_and_bracket_marks(marks: Iterable[_Marks | None]) -> Iterator[tuple[bool, bool, bool]]:
    """For each token, from the marks of its text (``_marks``): is it in a quote, does it end one, is it
    in brackets — as the quotes and brackets opened and closed by the tokens before it and by itself say."""
    in_quote = False
    paren = 0
    for mark in marks:
        if mark is None:  # most tokens: only in the quote or brackets the tokens before opened
            yield in_quote, False, paren > 0
            continue
        opens_quote, closes_quote, long, paren_delta = mark
        opens_quote = opens_quote and not in_quote
        quoted = in_quote or opens_quote
        ends_quote = False
        if quoted:
            if opens_quote:
                in_quote = True
            if closes_quote and (long or not opens_quote):
                in_quote = False
                ends_quote = True
        yield quoted, ends_quote, paren > 0
        if paren_delta:
            paren = max(paren + paren_delta, 0)


# What one token text contributes to its own features and to its neighbours', as a plain tuple indexed by
# these names (indexing a tuple subclass such as a named tuple costs several times more in the loop above).
OWN = 0
AS_PREVIOUS = 1  # -1 word, -1 shape, -1 final punctuation
AS_SECOND_PREVIOUS = 2  # -2 word
AS_NEXT = 3  # +1 word, +1 shape
AS_SECOND_NEXT = 4  # +2 word
MARKS = 5  # _Marks, or None (most tokens): the token cannot start, end or sit in a quote or brackets

_OWN_OF, _MARKS_OF = itemgetter(OWN), itemgetter(MARKS)
#: The parts of no token (the -2 neighbour of a citation's first two tokens, the +2 of its last two).
NO_PARTS = ((), (), (), (), (), None)


class _Marks(NamedTuple):
    """How a token may start or end a quote, and the brackets it opens or closes."""

    opens_quote: bool
    closes_quote: bool
    long: bool  # more than one character: a lone quote mark cannot open and close at once
    paren_delta: int  # brackets opened minus closed


def _marks(text: str) -> _Marks | None:
    if _QUOTES_AND_BRACKETS.isdisjoint(text):
        return None  # most tokens: one scan of the text instead of the six tests below
    opens_quote = text[0] in _OPEN_QUOTES
    closes_quote = text.rstrip(".,;:)").endswith(_CLOSE_TUPLE)
    paren_delta = text.count("(") + text.count("[") - text.count(")") - text.count("]")
    if opens_quote or closes_quote or paren_delta != 0:
        return _Marks(opens_quote, closes_quote, len(text) > 1, paren_delta)
    return None


_CLOSE_TUPLE = tuple(_CLOSE_QUOTES)
_QUOTES_AND_BRACKETS = frozenset(_OPEN_QUOTES + _CLOSE_QUOTES + "()[]")  # a token without any has no marks
_POS = [f"pos={i}" for i in range(10)]

#: The plain strings, as training uses them.
sequence_features = Featurizer()
