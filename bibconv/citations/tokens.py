"""Split a citation string into tokens with their character offsets.

Tokens are whitespace-separated words, with two refinements that matter for citations: identifiers
(URLs, DOIs, arXiv ids) stay whole, and the compact numeric runs of Vancouver/NLM style
(``2020;44(3):243-54``) are split where one field ends and the next begins. Punctuation stays attached,
as in anystyle: it is the strongest evidence of a field boundary.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Token", "tokenize"]


class Token(NamedTuple):
    """A token and its character span in the citation (a tuple: thousands are made per second)."""

    text: str
    start: int
    end: int


_IDENTIFIER = re.compile(r"(?:https?://|www\.|doi:\s*|10\.\d{4,9}/|arXiv:)\S+", re.IGNORECASE)
# Inside a word, a field boundary follows ";" or ":" before a number (or an article number such as e1234),
# or precedes "(" after a digit.
_INNER_SPLIT = re.compile(r"(?<=[;:])(?=[\d(]|[A-Za-z]\d)|(?<=\d)(?=\()|(?<=[.,])(?=[(\[])")


#: Characters without which a word has no field boundary inside (the only place a word is split).
_SPLIT_CHARACTERS = frozenset(";:([")


#: ``Token(text, start, end)`` without the Python-level ``__new__`` of a named tuple (the hot path).
_new_token = tuple.__new__

#: The pieces of each word seen so far, or () for a word that is one token (most words). Words recur
#: from citation to citation, and a look-up costs far less than testing the word's characters again.
_WORD_PIECES: dict[str, tuple[str, ...]] = {}
_WORD_PIECES_LIMIT = 100_000  # bounded, as the feature cache is, for long runs over many distinct words


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    words = text.split()
    # Cleaned citations hold one space between words: each word then starts where the last one ended,
    # plus one, with no search.
    single_spaced = text == " ".join(words)
    start = 0
    for word in words:
        if not single_spaced:
            start = text.find(word, start)  # the first match from here: only white space lies in between
        end = start + len(word)
        pieces = _WORD_PIECES.get(word)
        if pieces is None:
            pieces = _remember_pieces(word)
        if not pieces:
            append(_new_token(Token, (word, start, end)))
        else:
            for piece in pieces:
                piece_end = start + len(piece)
                append(_new_token(Token, (piece, start, piece_end)))
                start = piece_end
        start = end + 1
    return tokens


def _remember_pieces(word: str) -> tuple[str, ...]:
    pieces = _word_pieces(word)
    if len(_WORD_PIECES) >= _WORD_PIECES_LIMIT:
        _WORD_PIECES.clear()
    _WORD_PIECES[word] = pieces
    return pieces


def _word_pieces(word: str) -> tuple[str, ...]:
    """The tokens ``word`` splits into at field boundaries, or () if it is one token (identifiers are)."""
    if _SPLIT_CHARACTERS.isdisjoint(word) or _IDENTIFIER.match(word) or "://" in word:
        return ()
    pieces = tuple(filter(None, _INNER_SPLIT.split(word)))
    return pieces if len(pieces) > 1 else ()
