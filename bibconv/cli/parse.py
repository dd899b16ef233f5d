"""``bibconv parse``: citation strings (arguments or stdin) to BibTeX or CSL."""

from __future__ import annotations

import sys

import click

from .. import api, fileio
from . import common
from .options import FORMAT_NAMES, output_format, output_options, report_options, write_options


@click.command(epilog="""\b
Examples:
  bibconv parse 'Frantar, Elias, et al. "GPTQ: Accurate post-training quantization for generative pre-trained transformers." arXiv preprint arXiv:2210.17323 (2022).'
  bibconv parse --to csl-json < citations.txt
  pdftotext paper.pdf - | sed -n '/^References/,$p' | bibconv parse --wrapped
""")
@click.argument("citations", nargs=-1, metavar="[CITATION]...")
@click.option("--wrapped", is_flag=True, help="stdin is a references section copied from a PDF (entries wrapped over lines).")
@click.option("--to", type=click.Choice(FORMAT_NAMES), help="Output format (default: from the -o suffix, else bibtex).")
@output_options
@report_options
@common.verbosity_options
@common.handle_errors
def parse(citations: tuple[str, ...], wrapped: bool, to: str | None, output: str, ascii_: bool, arxiv_style: str,
          style: str, markup: str, md_layout: str, report_path: str | None, strict: bool) -> None:
    """Parse citation strings into records: each CITATION argument is one citation; with none, stdin
    is read, one citation per line (or a wrapped references section with --wrapped)."""
    if citations:
        text = "\n".join(" ".join(c.split()) for c in citations)
        source = "<argument>"
    else:
        if sys.stdin.isatty():
            common.echo("reading citations from stdin, one per line (Ctrl-D to end)")
        text = fileio.read_text(fileio.STDIN)
        source = "<stdin>"
    records, report = api.read_string(text, "text", file=source, wrapped=wrapped)
    out = api.write(api.finish(records), output_format(to, output), **write_options(ascii_, arxiv_style, style, markup, md_layout))
    fileio.write_text(output, out)
    common.write_report(report_path, report, [])
    common.show_report(report)
    common.check_strict(strict, report)
