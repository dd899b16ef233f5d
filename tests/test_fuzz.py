"""Every reader on random bytes and on mutated real inputs: only BibconvError may escape."""

from __future__ import annotations

import pytest
from conftest import BUNDLED, DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bibconv import formats
from bibconv.errors import BibconvError
from bibconv.fileio import decode

READERS = [name for name, fmt in formats.FORMATS.items() if fmt.reader]


def _seeds() -> list[str]:
    paths = [BUNDLED / "awesome-efficient-llm.md", BUNDLED / "quantization-papers.md"]
    paths += sorted((DATA / "bibtex").glob("*.bib"))[:2]
    texts = [p.read_text(encoding="utf-8") for p in paths if p.exists()]
    return [t[:6000] for t in texts]


SEEDS = _seeds()


def _read_or_error(fmt: str, text: str) -> None:
    reader = formats.reader_module(formats.get(fmt))
    try:
        records, report = reader.read(text, file="fuzz")
    except BibconvError:
        return
    assert isinstance(records, list)


@pytest.mark.parametrize("fmt", READERS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400))
def test_random_bytes(fmt, data):
    try:
        text = decode(data, "fuzz")
    except BibconvError:
        return
    _read_or_error(fmt, text)


@st.composite
def mutated(draw):
    text = draw(st.sampled_from(SEEDS))
    chars = list(text)
    for _ in range(draw(st.integers(1, 25))):
        position = draw(st.integers(0, max(0, len(chars) - 1)))
        action = draw(st.sampled_from(["delete", "insert", "swap"]))
        if action == "delete" and chars:
            del chars[position : position + draw(st.integers(1, 40))]
        elif action == "insert":
            chars.insert(position, draw(st.sampled_from(list("{}[]()|@\"'\\$%#*_<>\n`~&") + ["<br>", "](", "\n|---|\n", "@article{", " and "])))
        elif chars:
            other = draw(st.integers(0, len(chars) - 1))
            chars[position], chars[other] = chars[other], chars[position]
    return "".join(chars)


@pytest.mark.skipif(not SEEDS, reason="no seed inputs")
@pytest.mark.parametrize("fmt", READERS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated())
def test_mutated_real_inputs(fmt, text):
    _read_or_error(fmt, text)
