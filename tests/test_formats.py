"""The format registry and detection."""

from __future__ import annotations

import pytest

from bibconv import formats
from bibconv.errors import BibconvError


@pytest.mark.parametrize(
    ("path", "name"),
    [("a.bib", "bibtex"), ("a.BIB", "bibtex"), ("a.json", "csl-json"), ("a.yaml", "csl-yaml"), ("a.md", "markdown"), ("a.txt", "text")],
)
def test_detect_by_suffix(path, name):
    assert formats.detect(path, "").name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('[{"id": "a", "type": "book"}]', "csl-json"),
        ("% comment\n@article{a,\n title={T}}\n", "bibtex"),
        ("---\nreferences:\n- id: a\n  type: book\n", "csl-yaml"),
        ("# List\n\n| Title | Venue |\n|---|---|\n| [A](http://x) | ICML |\n", "markdown"),
        ('Hubara, Itay, et al. "Quantized neural networks." JMLR 18.187 (2018): 1-30.\n', "text"),
    ],
)
def test_detect_by_content(text, name):
    assert formats.detect("-", text).name == name


def test_undecidable_content_asks_for_from():
    with pytest.raises(BibconvError, match="--from"):
        formats.detect(None, "just some words\nand more words\n")


def test_unknown_format_name():
    with pytest.raises(BibconvError, match="unknown format"):
        formats.get("docx")


def test_every_registered_module_has_its_function():
    for fmt in formats.FORMATS.values():
        if fmt.reader:
            assert callable(formats.reader_module(fmt).read)
        if fmt.writer:
            assert callable(formats.writer_module(fmt).write)
