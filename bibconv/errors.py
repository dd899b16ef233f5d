"""The one exception type the library raises; the CLI turns it into a single ``file:line: message`` line."""

from __future__ import annotations


class BibconvError(Exception):
    """An error in user input or usage, with the position it refers to.

    ``exit_code`` is what the CLI exits with: 2 for unusable input or usage (the default), 1 for a run
    that completed but failed a check the user asked for (``--strict``).
    """

    exit_code = 2

    def __init__(self, message: str, file: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def __str__(self) -> str:
        if self.file and self.line:
            return f"{self.file}:{self.line}: {self.message}"
        if self.file:
            return f"{self.file}: {self.message}"
        return self.message


class CheckFailed(BibconvError):
    """The run finished but a check the user asked for failed (e.g. ``--strict`` with unparsed input)."""

    exit_code = 1
