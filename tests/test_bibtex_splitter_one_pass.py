"""The fast entry path reads an entry's fields in the same scan that checks it is well formed: entries
with gaps, text after them and odd ends must still give bibtexparser's blocks."""

from __future__ import annotations

import pytest
from test_bibtex_splitter import _fast, _reference

from bibconv.readers import bibtex_splitter
from bibconv.readers.bibtex_splitter import LazyEntry, split_blocks

_CASES = [
    "@article{k,}\n",
    "@article{k,\n}\n",
    "@article{k, title = {A}, }\n",
    "@article{k, title = {A}}\ntrailing } text = {x}, y}\n",
    "@article{k, title = {A},\n  junk here\n}\n",
    "@article{k, title = {A} junk, year = 2020}\n",
    "@article{k, title = {A}, year = 2020\n",
    "@article{k, title = {A}, year = 2020,\n",
    "@article{k, title = {A}, = {B}}\n",
    "@article{k, title = \"a {\"} b\", year = {2}}\n% comment, a = {b}}\n",
    "@article{k, title = {A}, year = 2020}} extra }\n",
    "@article{k, title = {A}\n\n" + "word " * 2000 + "\n",
    "@article{k, title = {A}, author = {B}, title = {C}}\n",
]


@pytest.mark.parametrize("text", _CASES)
def test_same_blocks_as_bibtexparser(text: str) -> None:
    assert _fast(text) == _reference(text)


def test_entry_without_fields_and_trailing_braces_take_the_fast_path(monkeypatch) -> None:
    def fail(*_args):
        raise AssertionError("slow path used")

    monkeypatch.setattr(bibtex_splitter, "_slow_region", fail)
    text = "@article{a,}\n@misc{b, title = {T},\n}\nnote } with = {braces}\n"
    blocks = split_blocks(text)
    assert [type(b) for b in blocks[:2]] == [LazyEntry, LazyEntry]
    assert blocks[1].field_pairs == [("title", "{T}")]
    assert _fast(text) == _reference(text)
