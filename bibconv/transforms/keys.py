"""Stable citation keys in Google Scholar's form: ``frantar2022gptq``.

The key is the first word of the first author's family name (particles included, as Scholar writes
``van2008visualizing`` and ``de2017…``), the year, and the first title word that is not a stop word
(``bibconv/data/key_stopwords.yaml``), all ASCII-folded, lowercased and stripped to letters and digits.
Without an author the title's first two meaningful words stand in (``llama2023open``); without a year the
year part is left out. Keys the user gave are kept; generated keys that collide with each other or with a
user key get ``a``, ``b``, … in input order, so the same input always gets the same keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from itertools import count, product
from string import ascii_lowercase

import yaml

from ..model import Name, Record

__all__ = ["make_key", "assign_keys", "ascii_word"]

_SPECIAL_LETTERS = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
    "þ": "th", "Þ": "th", "œ": "oe", "Œ": "oe", "ı": "i", "ð": "d",
})  # fmt: skip
_APOSTROPHES = re.compile(r"[’'‘`´]")
_WORD = re.compile(r"[a-z0-9]+")
_FALLBACK = "anon"


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    text = resources.files("bibconv.data").joinpath("key_stopwords.yaml").read_text(encoding="utf-8")
    return frozenset(yaml.safe_load(text)["stopwords"].split())


def _ascii_lower(text: str) -> str:
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def ascii_word(text: str) -> str:
    """Letters and digits of ``text``, ASCII-folded and lowercased (``Müller-Lüdenscheidt`` -> ``mullerludenscheidt``)."""
    return "".join(_WORD.findall(_ascii_lower(_APOSTROPHES.sub("", text))))


def _title_words(title: str) -> list[str]:
    """Words of a title as Scholar splits them: on anything not a letter or digit, apostrophes dropped."""
    return _WORD.findall(_ascii_lower(_APOSTROPHES.sub("", title)))


def _meaningful_words(title: str) -> list[str]:
    stop = _stopwords()
    return [w for w in _title_words(title) if w not in stop]


def _author_part(names: Sequence[Name]) -> str:
    for name in names:
        if name.others:
            continue
        full = name.literal or " ".join(p for p in (name.particle, name.family) if p) or name.given
        for word in full.split():
            folded = ascii_word(word)
            if folded:
                return folded
    return ""


def make_key(record: Record) -> str:
    """The Google Scholar-form key of a record (no collision suffix)."""
    author = _author_part(record.author) or _author_part(record.editor)
    words = _meaningful_words(record.title) or _title_words(record.title)
    year = record.year
    if not author:
        author, words = (words[0], words[1:]) if words else (_FALLBACK, [])
    return f"{author}{year}{words[0] if words else ''}"


def _suffixes() -> Iterable[str]:
    """a, b, …, z, aa, ab, … — as many as needed."""
    for length in count(1):
        for letters in product(ascii_lowercase, repeat=length):
            yield "".join(letters)


def assign_keys(records: Sequence[Record]) -> list[Record]:
    """Give every record without a key a generated one; user keys are kept and never collided with.

    The first record to generate a key gets it bare; later ones get ``a``, ``b``, … in input order.
    Comparison is case-insensitive, as BibTeX's is.
    """
    taken = {r.key.lower() for r in records if r.key}
    suffixes: dict[str, Iterator[str]] = {}  # per base key, where the search for a free suffix resumes
    result: list[Record] = []
    for record in records:
        if record.key:
            result.append(record)
            continue
        key = base = make_key(record)
        if key.lower() in taken:
            pending = suffixes.setdefault(base, _suffixes())
            key = next(base + s for s in pending if (base + s).lower() not in taken)
        taken.add(key.lower())
        result.append(record.with_changes(key=key))
    return result
