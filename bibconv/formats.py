"""The registry of formats and format detection.

One literal table maps a format name to its reader and writer modules, file suffixes and a cheap
content sniff. Adding a format is one module under ``readers/`` or ``writers/`` and one line here.
Reader modules expose ``read(text, *, file, **options) -> (records, Report)``; writer modules expose
``write(records, **options) -> str``. Modules are imported on first use so that start-up stays fast.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from types import ModuleType

from .errors import BibconvError


@dataclass(frozen=True)
class Format:
    name: str
    reader: str | None  # module under bibconv.readers
    writer: str | None  # module under bibconv.writers
    suffixes: tuple[str, ...]
    sniff: Callable[[str], bool]
    description: str


_BIBTEX_ENTRY = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)
_YAML_START = re.compile(r"^(?:---\s*\n)?(?:references:\s*\n)?\s*-\s+(?:id|type|title|author):", re.MULTILINE)
_MD_MARKERS = re.compile(r"^(?:#{1,6}\s|\|.*\|\s*$|\s*[-*+]\s+.*\]\(|<table)", re.MULTILINE)
_YEAR = re.compile(r"\b(1[5-9]|20)\d\d\b")


def _sniff_csl_json(head: str) -> bool:
    stripped = head.lstrip()
    return stripped.startswith("[") or stripped.startswith("{")


def _sniff_bibtex(head: str) -> bool:
    return bool(_BIBTEX_ENTRY.search(head))


def _sniff_csl_yaml(head: str) -> bool:
    return bool(_YAML_START.match(head.lstrip("\ufeff")))


def _sniff_markdown(head: str) -> bool:
    return len(_MD_MARKERS.findall(head)) >= 2


def _sniff_text(head: str) -> bool:
    lines = [line for line in head.splitlines() if line.strip()]
    return bool(lines) and sum(bool(_YEAR.search(line)) for line in lines) >= max(1, len(lines) // 2)


#: Detection order: most specific test first.
FORMATS: dict[str, Format] = {
    "csl-json": Format("csl-json", "csljson", "csljson", (".json",), _sniff_csl_json, "CSL-JSON (pandoc, Zotero)"),
    "bibtex": Format("bibtex", "bibtex", "bibtex", (".bib", ".bibtex", ".biblatex"), _sniff_bibtex, "BibTeX / biblatex"),
    "csl-yaml": Format("csl-yaml", "cslyaml", "cslyaml", (".yaml", ".yml"), _sniff_csl_yaml, "CSL-YAML (pandoc)"),
    "markdown": Format("markdown", "markdown", "markdown", (".md", ".markdown"), _sniff_markdown, "awesome-list markdown"),
    "text": Format("text", "text", "csltext", (".txt",), _sniff_text, "citation strings in; CSL-formatted text out"),
}

SNIFF_BYTES = 64 * 1024


def get(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise BibconvError(f"unknown format {name!r} (known: {', '.join(FORMATS)})") from None


def detect(path: str | None, text: str) -> Format:
    """Pick the format of an input: by file suffix first, then by content; fail with a hint if neither."""
    if path and path != "-":
        suffix = PurePath(path).suffix.lower()
        for fmt in FORMATS.values():
            if suffix in fmt.suffixes and fmt.reader:
                return fmt
    head = text[:SNIFF_BYTES]
    for fmt in FORMATS.values():
        if fmt.reader and fmt.sniff(head):
            return fmt
    raise BibconvError("cannot tell the input format; name it with --from", path if path else "<stdin>")


def detect_output(path: str | None) -> Format | None:
    if not path or path == "-":
        return None
    suffix = PurePath(path).suffix.lower()
    return next((f for f in FORMATS.values() if suffix in f.suffixes and f.writer), None)


def reader_module(fmt: Format) -> ModuleType:
    if not fmt.reader:
        raise BibconvError(f"format {fmt.name!r} cannot be read")
    return importlib.import_module(f"bibconv.readers.{fmt.reader}")


def writer_module(fmt: Format) -> ModuleType:
    if not fmt.writer:
        raise BibconvError(f"format {fmt.name!r} cannot be written")
    return importlib.import_module(f"bibconv.writers.{fmt.writer}")
