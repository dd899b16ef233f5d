"""Decoding inputs and writing outputs atomically."""

from __future__ import annotations

import codecs

import pytest

from bibconv import fileio
from bibconv.errors import BibconvError


def test_utf8_with_bom_and_crlf_is_normalised():
    assert fileio.decode(codecs.BOM_UTF8 + b"a\r\nb\rc", "x") == "a\nb\nc"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom_are_read(encoding):
    assert fileio.decode("Gödel".encode(encoding), "x") == "Gödel"


def test_latin1_without_encoding_names_file_and_line():
    with pytest.raises(BibconvError) as err:
        fileio.decode("ok\nG\u00f6del\n".encode("latin-1"), "refs.bib")
    assert str(err.value).startswith("refs.bib:2: not valid utf-8")
    assert "--encoding" in str(err.value)


def test_explicit_encoding_is_used():
    assert fileio.decode("Gödel".encode("latin-1"), "x", "latin-1") == "Gödel"


def test_unknown_encoding_is_an_error():
    with pytest.raises(BibconvError, match="unknown encoding"):
        fileio.decode(b"x", "x", "no-such-codec")


def test_binary_data_is_refused_with_line():
    with pytest.raises(BibconvError, match=r"^x:2: binary data"):
        fileio.decode(b"text\n\x00\x01\x02", "x")


def test_missing_file(tmp_path):
    with pytest.raises(BibconvError, match="no such file"):
        fileio.read_bytes(str(tmp_path / "nope.bib"))


def test_directory_is_not_a_file(tmp_path):
    with pytest.raises(BibconvError, match="directory"):
        fileio.read_bytes(str(tmp_path))


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path):
    target = tmp_path / "out.bib"
    fileio.write_text(str(target), "one\n")
    fileio.write_text(str(target), "two\n")
    assert target.read_text() == "two\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bib"]


def test_write_refuses_to_overwrite_an_input(tmp_path):
    source = tmp_path / "refs.bib"
    source.write_text("keep me")
    with pytest.raises(BibconvError, match="overwrite an input"):
        fileio.write_text(str(source), "new", [str(source)])
    assert source.read_text() == "keep me"


def test_write_into_missing_directory_fails_cleanly(tmp_path):
    with pytest.raises(BibconvError, match="directory does not exist"):
        fileio.write_text(str(tmp_path / "no" / "out.bib"), "x")
