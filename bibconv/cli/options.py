"""Options shared by several commands, declared once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from .. import formats

FORMAT_NAMES = list(formats.FORMATS)


def _compose(*decorators: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def apply(function: Any) -> Any:
        for decorator in reversed(decorators):
            function = decorator(function)
        return function

    return apply


input_options = _compose(
    click.option("--from", "from_", type=click.Choice(FORMAT_NAMES), help="Input format (default: from the file suffix, then the content)."),
    click.option("--encoding", metavar="NAME", help="Input encoding when not UTF-8 (e.g. latin-1, utf-16)."),
    click.option("--wrapped", is_flag=True, help="text input: a references section copied from a PDF (entries wrapped over lines)."),
    click.option("--keep-non-papers", is_flag=True, help="markdown input: keep tools, blogs and leaderboards as software/webpage records."),
)

output_options = _compose(
    click.option("-o", "--output", default="-", metavar="FILE", help="Output file (default: stdout). Written atomically; never an input file."),
    click.option("--ascii", "ascii_", is_flag=True, help="bibtex output: escape non-ASCII characters as LaTeX."),
    click.option("--arxiv-style", type=click.Choice(["eprint", "scholar"]), default="eprint", show_default=True,
                 help="bibtex output: arXiv preprints as eprint fields, or Google Scholar's journal = {arXiv preprint arXiv:...}."),
    click.option("--style", default="apa", show_default=True, metavar="NAME|FILE.csl",
                 help="text and markdown-references output: CSL style name or file (see 'bibconv styles'); bibtex-plain/alpha/unsrt use pybtex."),
    click.option("--format", "markup", type=click.Choice(["plain", "html", "markdown"]), default="plain", show_default=True,
                 help="text output: markup of the rendered entries."),
    click.option("--md-layout", type=click.Choice(["table", "bullets", "references"]), default="table", show_default=True,
                 help="markdown output: layout of the paper list."),
)

report_options = _compose(
    click.option("--report", "report_path", metavar="FILE", help="Write a JSON report: merged groups, unread input, skipped items, warnings."),
    click.option("--strict", is_flag=True, help="Exit with code 1 when any input unit could not be parsed."),
)


def read_options(wrapped: bool, keep_non_papers: bool) -> dict[str, Any]:
    return {"wrapped": wrapped, "keep_non_papers": keep_non_papers}


def write_options(ascii_: bool, arxiv_style: str, style: str, markup: str, md_layout: str) -> dict[str, Any]:
    return {"ascii": ascii_, "arxiv_style": arxiv_style, "style": style, "format": markup, "md_layout": md_layout}


def output_format(to: str | None, output: str) -> str:
    """``--to``, else the output file's suffix, else BibTeX."""
    if to:
        return to
    detected = formats.detect_output(output)
    return detected.name if detected else "bibtex"
