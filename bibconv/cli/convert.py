"""``bibconv convert``: any supported input to any supported output."""

from __future__ import annotations

import click

from .. import api, fileio
from . import common
from .options import (
    FORMAT_NAMES,
    input_options,
    output_format,
    output_options,
    read_options,
    report_options,
    write_options,
)


@click.command(epilog="""\b
Examples:
  bibconv convert refs.bib --to csl-json -o refs.json
  bibconv convert README.md quantization.txt -o papers.bib     # merge two lists into one .bib
  bibconv convert refs.bib --to text --style ieee
  cat refs.json | bibconv convert - --from csl-json --to bibtex
""")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@input_options
@click.option("--to", type=click.Choice(FORMAT_NAMES), help="Output format (default: from the -o suffix, else bibtex).")
@output_options
@click.option("--no-dedupe", is_flag=True, help="Keep one record per input unit, in input order (no merging of duplicates).")
@report_options
@common.verbosity_options
@common.handle_errors
def convert(inputs: tuple[str, ...], from_: str | None, encoding: str | None, wrapped: bool, keep_non_papers: bool,
            to: str | None, output: str, ascii_: bool, arxiv_style: str, style: str, markup: str, md_layout: str,
            no_dedupe: bool, report_path: str | None, strict: bool) -> None:
    """Read INPUT files (- is stdin) into one record list and write it in another format.

    Formats: bibtex, csl-json, csl-yaml, text (citation strings in, CSL-formatted text out) and markdown
    (awesome-list paper lists). Duplicates are merged unless --no-dedupe."""
    with common.progress(list(inputs), "reading") as paths:
        text, report = api.convert(
            paths,
            output_format(to, output),
            fmt=from_,
            merge=not no_dedupe,
            encoding=encoding,
            read_options=read_options(wrapped, keep_non_papers),
            write_options=write_options(ascii_, arxiv_style, style, markup, md_layout),
        )
    fileio.write_text(output, text, inputs)
    common.write_report(report_path, report, list(inputs))
    common.show_report(report)
    common.check_strict(strict, report)
