"""The tokenizer's shortcuts (offsets added up on single-spaced text, each word's pieces remembered) give
exactly the tokens of the plain word-by-word tokenizer, on any spacing and on the pieces that split."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bibconv.citations import tokens
from bibconv.citations.tokens import Token, tokenize

WORDS = [
    "Doe,", "J.", "(2020).", "2020;44(3):243-54.", "12(3):45–67", "1(2)", "In:", ":12", "a:b", "x;e1234",
    "p.(3)", "v.[2]", "1(", "(", "[", ")", ";", ":", "doi:10.1000/x(1):2", "10.1000/abc(2):3", "arXiv:2102.05426;",
    "https://x.org/a(1):2", "www.x.org;1", "ftp://x(1)", "IEEE/CVF", "Иванов", "2020:", "e1234", "Vol.", "ſ",
]  # fmt: skip
SPACES = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2009"]
text = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SPACES)), max_size=10).map(
    lambda pairs: "".join(word + space for word, space in pairs)
)


def _plain_tokenize(text: str) -> list[Token]:
    """Word by word: each word found by searching, each splittable word split."""
    found: list[Token] = []
    end = 0
    for word in text.split():
        start = text.find(word, end)
        end = start + len(word)
        if tokens._SPLIT_CHARACTERS.isdisjoint(word) or tokens._IDENTIFIER.match(word) or "://" in word:
            found.append(Token(word, start, end))
            continue
        offset = start
        for piece in tokens._INNER_SPLIT.split(word):
            if piece:
                found.append(Token(piece, offset, offset + len(piece)))
                offset += len(piece)
    return found


@settings(max_examples=600, deadline=None)
@given(st.one_of(text, text.map(str.strip), text.map(lambda t: " ".join(t.split())), st.text(max_size=40)))
def test_tokens_are_those_of_the_plain_tokenizer(text):
    expected = _plain_tokenize(text)
    assert tokenize(text) == expected
    assert tokenize(text) == expected  # again, with every word's pieces remembered
    assert all(type(token) is Token for token in tokenize(text))


def test_remembered_pieces_are_bounded(monkeypatch):
    monkeypatch.setattr(tokens, "_WORD_PIECES_LIMIT", 3)
    tokens._WORD_PIECES.clear()
    assert tokenize("a b c d e 1(2):3") == _plain_tokenize("a b c d e 1(2):3")
    assert len(tokens._WORD_PIECES) <= 3
