"""The ``bibconv`` command line: a click group over the library; the only place that prints or exits."""

from __future__ import annotations

import click

from .. import __version__
from .common import Settings

EPILOG = """\b
Examples:
  bibconv build                              # rebuild bib/ from bibconv.yaml
  bibconv parse "Hubara, Itay, et al. \\"Quantized neural networks\\" JMLR 18.187 (2018): 1-30."
  bibconv convert refs.txt -o refs.bib       # citation strings to BibTeX
  bibconv dedupe mine.bib -o clean.bib --report merged.json
  bibconv convert refs.bib --to text --style apa
"""


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="bibconv")
@click.option("-q", "--quiet", is_flag=True, help="Print no warnings, only errors.")
@click.option("-v", "--verbose", count=True, help="Print every warning and a summary (-vv: tracebacks of internal errors).")
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: int) -> None:
    """Convert, parse, merge and deduplicate bibliographies: BibTeX, CSL-JSON/YAML, citation strings,
    awesome-list markdown, and CSL-formatted text."""
    ctx.obj = Settings(-1 if quiet else verbose)


def _register() -> None:
    from .build import build
    from .convert import convert
    from .dedupe import dedupe
    from .parse import parse
    from .styles import styles

    for command in (convert, parse, dedupe, styles, build):
        main.add_command(command)


_register()
