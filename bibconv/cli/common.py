"""What every command shares: one-line errors, exit codes, warnings on stderr, report files.

Exit codes: 0 success; 1 the run finished but a check the user asked for failed (``--strict``);
2 unusable input or usage (click's own usage errors are 2 as well); 3 an internal error (a bug).
"""

from __future__ import annotations

import functools
import json
import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import click

from .. import fileio
from ..errors import BibconvError, CheckFailed
from ..report import Report

F = TypeVar("F", bound=Callable[..., Any])

#: How many warnings are shown before the rest are summarised (all of them with -v).
WARNING_LIMIT = 20
INTERNAL_ERROR = 3


class Settings:
    """Verbosity chosen on the command group, shared by the subcommands through click's context."""

    def __init__(self, verbosity: int = 0) -> None:
        self.verbosity = verbosity

    @property
    def quiet(self) -> bool:
        return self.verbosity < 0


def _set_quiet(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(Settings).verbosity = -1


def _set_verbose(ctx: click.Context, _param: click.Parameter, value: int) -> None:
    if value:
        ctx.ensure_object(Settings).verbosity = value


def verbosity_options(command: F) -> F:
    """-q/-v accepted after the subcommand too (``bibconv convert x.bib -q``), as users type them."""
    command = click.option("-v", "--verbose", count=True, expose_value=False, callback=_set_verbose,
                           help="Print every warning and a summary (-vv: tracebacks of internal errors).")(command)
    return click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_set_quiet,
                        help="Print no warnings, only errors.")(command)


def settings() -> Settings:
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_object(Settings) if ctx else None
    return obj or Settings()


def fail(message: str, code: int = 2) -> None:
    click.echo(f"bibconv: {message}", err=True)
    sys.exit(code)


def handle_errors(command: F) -> F:
    """Turn ``BibconvError`` into one line on stderr and its exit code; never show a traceback (unless -vv)."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BibconvError as exc:
            fail(f"error: {exc}", exc.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except BrokenPipeError:
            sys.stderr.close()  # the reader of our stdout went away (| head): not an error
            sys.exit(0)
        except MemoryError:
            fail("error: out of memory", 2)
        except Exception as exc:  # a bug: say so in one line; the traceback only on request
            if settings().verbosity >= 2:
                traceback.print_exc()
            fail(f"internal error: {type(exc).__name__}: {exc} (please report it; -vv shows the traceback)", INTERNAL_ERROR)

    return wrapper  # type: ignore[return-value]


def show_report(report: Report) -> None:
    """Warnings on stderr: all of them with -v, the first few by default, none with -q."""
    level = settings().verbosity
    if level < 0:
        return
    warnings = report.warnings
    limit = len(warnings) if level > 0 else WARNING_LIMIT
    for warning in warnings[:limit]:
        click.echo(f"warning: {warning}", err=True)
    if len(warnings) > limit:
        click.echo(f"warning: ... and {len(warnings) - limit} more warnings (-v shows all, --report FILE keeps them)", err=True)
    if level > 0:
        summary = f"{len(report.unread)} unread, {len(report.skipped)} skipped, {len(report.groups)} merged groups"
        if report.candidates:
            summary += f", {len(report.candidates)} possible duplicates left unmerged (see --report or --dry-run)"
        click.echo(f"info: {summary}", err=True)


def write_report(path: str | None, report: Report, inputs: list[str]) -> None:
    if path:
        text = json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"
        fileio.write_text(path, text, inputs)


def check_strict(strict: bool, report: Report) -> None:
    if strict and report.unread:
        first = report.unread[0]
        raise CheckFailed(f"{len(report.unread)} input unit(s) could not be parsed (--strict); first: {first.reason}", first.source.file, first.source.line)


def echo(message: str) -> None:
    if not settings().quiet:
        click.echo(message, err=True)


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


#: Inputs at least this large (bytes, all inputs together) get a progress bar when stderr is a terminal.
PROGRESS_MIN_BYTES = 512 * 1024


def progress(items: list[str], label: str):
    """A progress bar over input files on stderr, shown only for long work on a terminal and never with -q."""
    import contextlib
    import os

    def size(path: str) -> int:
        try:
            return os.path.getsize(path)
        except OSError:
            return 0

    big = sum(size(p) for p in items if p != "-") >= PROGRESS_MIN_BYTES
    if settings().quiet or not big or not stderr_is_terminal():
        return contextlib.nullcontext(items)
    return click.progressbar(items, label=label, file=sys.stderr, item_show_func=lambda p: p or "")
