"""The ``bibconv`` command line: a click group over the library; the only place that prints or exits."""

from __future__ import annotations

import os
import sys

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


def run() -> None:
    """The console script: run the command, then leave without tearing the interpreter down.

    Everything the command writes is written and closed when it returns. What is left is freeing what it
    built, which the operating system reclaims anyway: after a 100,000-entry dedupe the interpreter's
    shutdown would walk what is still alive with a full garbage collection (0.8 s CPU, measured in-process)
    and free millions of objects one by one. Tests call ``main`` and keep the normal exit.
    """
    try:
        main(prog_name="bibconv")
    except SystemExit as done:
        code = done.code
    else:  # pragma: no cover - click's standalone mode always exits
        code = 0
    if isinstance(code, str):  # sys.exit("message"): printed and exit status 1, as Python does
        click.echo(code, err=True)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            pass  # "bibconv … | head": the reader left; nothing more to say to it
        except OSError as error:
            os.write(2, f"error: cannot write output: {error}\n".encode())
            code = code or 1
    os._exit(code or 0)
