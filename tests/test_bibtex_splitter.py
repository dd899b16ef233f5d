"""The fast BibTeX splitter gives exactly the blocks of bibtexparser's own splitter."""

from __future__ import annotations

import logging

import bibtexparser
import pytest
from bibtexparser.model import ImplicitComment, ParsingFailedBlock, String
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bibconv.readers.bibtex_splitter import LazyEntry, split_blocks


def _describe(block) -> tuple:
    """Everything a reader can see of a block: type, lines, raw text, key, fields, error reason."""
    kind = next(c for c in type(block).__mro__ if c.__module__.startswith("bibtexparser"))
    parts: list = [kind.__name__, block.start_line, block.raw]
    for attribute in ("key", "entry_type", "value", "comment", "duplicate_keys"):
        if hasattr(block, attribute):
            parts.append((attribute, getattr(block, attribute)))
    if hasattr(block, "fields"):
        fields = [(f.key, f.value, f.start_line) for f in block.fields]
        # The reader uses a fast entry's tuples: they must say what its Field objects say.
        assert getattr(block, "field_tuples", None) in (None, fields)
        parts.append(fields)
    if isinstance(block, ParsingFailedBlock):
        error = block.error
        parts.append((type(error).__name__, getattr(error, "abort_reason", str(error))))
        inner = block.ignore_error_block
        if inner is not None and inner is not block:
            parts.append(_describe(inner))
    return tuple(parts)


def _reference(text: str) -> list[tuple]:
    logger = logging.getLogger("bibtexparser.splitter")
    logger.disabled = True
    try:
        return [_describe(b) for b in bibtexparser.parse_string(text, parse_stack=[]).blocks]
    finally:
        logger.disabled = False


def _fast(text: str) -> list[tuple]:
    logger = logging.getLogger("bibtexparser.splitter")
    logger.disabled = True
    try:
        return [_describe(b) for b in split_blocks(text)]
    finally:
        logger.disabled = False


# --- generated input: well-formed entries with every delimiter, plus the ways they go wrong ----------

_WORD = st.sampled_from(["a", "Title", "x y", "GPTQ", "2020", "é", "and", "a,b", "k=v", "LeQua @ {CLEF}"])
_ATOM = st.sampled_from(
    ["{", "}", '"', ",", "=", "#", "@", "@misc{", "(", ")", "\\", "\\{", "\\}", '\\"', "\\\\", "\n", "\r\n",
     " ", "\t", "\u00a0", "%", "{\"}", "\\\n"]
)  # fmt: skip


@st.composite
def _value(draw, depth: int = 0) -> str:
    kind = draw(st.sampled_from(["braced", "quoted", "number", "macro", "concat", "junk"]))
    if kind == "braced":
        inner = draw(
            st.lists(
                st.one_of(
                    _WORD,
                    _ATOM.filter(lambda a: a not in "{}\\")
                    if depth > 1
                    else st.one_of(_WORD, _value(depth + 1)),
                ),
                max_size=4,
            )
        )
        return "{" + " ".join(inner) + "}"
    if kind == "quoted":
        inner = draw(
            st.lists(st.one_of(_WORD, st.sampled_from(["{a}", '{"}', "{", "}", '\\"', ","])), max_size=3)
        )
        return '"' + " ".join(inner) + '"'
    if kind == "number":
        return str(draw(st.integers(0, 3000)))
    if kind == "macro":
        return draw(st.sampled_from(["jan", "icml", "Foo-2", "x@y"]))
    if kind == "concat":
        return f"{draw(_value(depth + 1))} # {draw(_value(depth + 1))}" if depth < 2 else "a # b"
    return "".join(draw(st.lists(st.one_of(_WORD, _ATOM), max_size=4)))


@st.composite
def _entry(draw) -> str:
    kind = draw(
        st.sampled_from(["article", "InProceedings", "misc", "string", "comment", "preamble", "", "x1"])
    )
    space = draw(st.sampled_from(["", " ", "\t", "  \t"]))
    opening, closing = draw(st.sampled_from([("{", "}"), ("{", "}"), ("{", "}"), ("(", ")")]))
    names = st.sampled_from(["title", "author", "Year", "journal", "title", "month", "x-y", "", " note "])
    if kind == "string":
        body = f"{draw(st.sampled_from(['icml', 'Jan', 'a b', '']))} = {draw(_value())}"
    elif kind in ("comment", "preamble"):
        body = draw(_value())
    else:
        key = draw(st.sampled_from(["key1", "frantar2022", "a:b/c", "", "k y", "k@x"]))
        fields = [f"{draw(names)}{draw(st.sampled_from(['', ' ', chr(10)]))}= {draw(_value())}"
                  for _ in range(draw(st.integers(0, 4)))]  # fmt: skip
        separator = draw(st.sampled_from([",\n  ", ", ", ",\n\n", "\n  "]))
        trailing = draw(st.sampled_from(["", ",", ",\n", "\n", " junk"]))
        body = separator.join([key, *fields]) + trailing if fields or draw(st.booleans()) else key
    indent = draw(st.sampled_from(["", "", "  ", "\t", "x ", "% "]))
    return f"{indent}@{kind}{space}{opening}{body}{draw(st.sampled_from([closing, closing, '', '}}', ')']))}"


_BETWEEN = st.sampled_from(["\n", "\n\n", "\n% a comment\n", " ", "\njunk text\n", "\n  title = {x},\n", "",
                            "\r\n", "\n@ not a block\n", "\nmail me@home{x}\n"])  # fmt: skip


@st.composite
def _bibtex(draw) -> str:
    parts = [draw(st.sampled_from(["", "% header\n", "\n\n", "text "]))]
    for _ in range(draw(st.integers(0, 5))):
        parts.append(draw(_entry()))
        parts.append(draw(_BETWEEN))
    return "".join(parts)


_CLEAN_ATOM = st.sampled_from(
    ["a", ",", "=", "#", '"', "\\{", "\\}", '\\"', "\\\\", "\\'e", "@", "x@y{z}", "\n", " "]
)


@st.composite
def _clean_value(draw, depth: int = 0) -> str:
    """A value bibtexparser reads without error: balanced braces, closed quotes."""
    kind = draw(st.sampled_from(["braced", "braced", "quoted", "number", "macro", "concat"]))
    if kind == "braced":
        parts = st.one_of(_WORD, _CLEAN_ATOM, _clean_value(depth + 1)) if depth < 3 else _WORD
        return "{" + "".join(draw(st.lists(parts, max_size=5))) + "}"
    if kind == "quoted":
        parts = st.one_of(_WORD, st.sampled_from(["{a}", '{"}', "{", "}", '\\"', ",", "=", "{,}", "\n"]))
        return '"' + "".join(draw(st.lists(parts, max_size=4))) + '"'
    if kind == "number":
        return str(draw(st.integers(0, 3000)))
    if kind == "macro":
        return draw(st.sampled_from(["jan", "icml", "Foo-2", "x@y"]))
    return f"{draw(_clean_value(depth + 1))} # {draw(_clean_value(depth + 1))}" if depth < 2 else "a # b"


@st.composite
def _clean_entry(draw) -> str:
    kind = draw(st.sampled_from(["article", "InProceedings", "misc", "string", "x1"]))
    space = draw(st.sampled_from(["", " ", "\t"]))
    if kind == "string":
        return f"@{kind}{space}{{{draw(st.sampled_from(['icml', 'Jan', 'a b']))} = {draw(_clean_value())}}}"
    key = draw(st.sampled_from(["key1", "frantar2022", "a:b/c", "", "k y", " k\n"]))
    names = st.sampled_from(["title", "author", "Year", "journal", "title", "x-y", "", " note ", "\n  url"])
    fields = [f"{draw(names)} = {draw(_clean_value())}" for _ in range(draw(st.integers(0, 5)))]
    separator = draw(st.sampled_from([",\n  ", ", ", ",\n\n", ",\r\n  "]))
    trailing = draw(st.sampled_from(["", ",", ",\n", "\n", ", \n  "]))
    return f"@{kind}{space}{{{separator.join([key, *fields])}{trailing}}}"


@st.composite
def _clean_bibtex(draw) -> str:
    parts = [draw(st.sampled_from(["", "% header\n", "\n\n"]))]
    for _ in range(draw(st.integers(1, 5))):
        parts.append(draw(st.one_of(_clean_entry(), _clean_entry(), _clean_entry(), _entry())))
        parts.append(draw(_BETWEEN))
    return "".join(parts)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_clean_bibtex())
def test_same_blocks_as_bibtexparser_on_generated_entries(text: str) -> None:
    assert _fast(text) == _reference(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_bibtex())
def test_same_blocks_as_bibtexparser_on_generated_broken_input(text: str) -> None:
    assert _fast(text) == _reference(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.sampled_from(list('@{}()",=#\\\n a1%\u00a0')), max_size=80))
def test_same_blocks_as_bibtexparser_on_mark_soup(text: str) -> None:
    assert _fast(text) == _reference(text)


_BIB_FILES = sorted(p for p in ROOT.rglob("*.bib") if ".git" not in p.parts and "out" not in p.parts)


@pytest.mark.parametrize("path", _BIB_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_blocks_as_bibtexparser_on_fixture_files(path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    assert _fast(text) == _reference(text)


def test_well_formed_entries_take_the_fast_path(monkeypatch) -> None:
    """The splitter's own Python loop must not run for ordinary entries and @string definitions."""
    from bibconv.readers import bibtex_splitter

    def fail(*_args):
        raise AssertionError("slow path used")

    monkeypatch.setattr(bibtex_splitter, "_slow_region", fail)
    text = (
        '@string{icml = "International Conference on Machine Learning"}\n'
        '@article{frantar2022gptq,\n  title = {{GPTQ}: Accurate \\{post\\} "training"},\n'
        '  author = "Frantar, Elias and {\\"O}zt{\\"u}rk, A.",\n  booktitle = icml # " 2023",\n'
        "  year = 2022,\n}\n\n% a comment between entries\n"
        "@InProceedings {b,  title={a {b {c}} d}, note = {x, y = z @ w}}\n"
    )
    blocks = split_blocks(text)
    assert [type(b) for b in blocks] == [String, LazyEntry, ImplicitComment, LazyEntry]
    assert blocks[1].fields_dict["booktitle"].value == 'icml # " 2023"'
    assert [b.start_line for b in blocks] == [0, 1, 8, 9]
    assert _fast(text) == _reference(text)


def test_broken_regions_keep_bibtexparsers_diagnostics() -> None:
    text = (
        "@article{ok1, title = {A}}\n"
        "@article{broken, title = {unbalanced\n"
        "@article{ok2, title = {B}}\n"
        "@misc{noclose, title = {C},\n"
        "  @notablock{x}\n"
    )
    blocks = split_blocks(text)
    kinds = [_describe(b)[:2] for b in blocks]
    assert kinds == [
        ("Entry", 0),
        ("ParsingFailedBlock", 1),
        ("Entry", 2),
        ("ParsingFailedBlock", 3),
        ("Entry", 4),
    ]
    assert _fast(text) == _reference(text)
    assert "Unexpected block start" in blocks[1].error.abort_reason  # aborted where the next entry starts
