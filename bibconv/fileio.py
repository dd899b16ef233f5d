"""Reading input files into text and writing output files atomically.

Inputs are decoded as UTF-8 (a BOM is allowed), UTF-16/32 when a BOM says so, or with the encoding the
user names; anything else is a one-line error naming the file and the line of the first bad byte.
Outputs go to a temporary file in the target directory and are renamed over the target, so a failed
run never leaves a half-written file, and an output path that is one of the inputs is refused.
"""

from __future__ import annotations

import codecs
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import BibconvError

STDIN = "-"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def display_name(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def read_bytes(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise BibconvError("no such file", path) from None
    except IsADirectoryError:
        raise BibconvError("is a directory, not a file", path) from None
    except PermissionError:
        raise BibconvError("permission denied", path) from None
    except OSError as exc:
        raise BibconvError(f"cannot read: {exc.strerror or exc}", path) from None


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Bytes to text: the named encoding, else a BOM's, else UTF-8; errors name the line."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise BibconvError(f"unknown encoding {encoding!r}") from None
        chosen = encoding
    else:
        chosen = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
        if chosen == "utf-8" and b"\x00" in data:
            line = data.count(b"\n", 0, data.index(b"\x00")) + 1
            raise BibconvError("binary data (NUL byte), not a text file (UTF-16 without BOM? use --encoding utf-16)", name, line)
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        hint = "" if encoding else "; name the encoding with --encoding (e.g. --encoding latin-1)"
        raise BibconvError(f"not valid {chosen} (byte 0x{data[exc.start]:02x}){hint}", name, line) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise BibconvError("binary data (NUL byte), not a text file", name, line)
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str, encoding: str | None = None) -> str:
    return decode(read_bytes(path), display_name(path), encoding)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def write_text(path: str, text: str, inputs: Iterable[str] = ()) -> None:
    """Write ``text`` to ``path`` atomically (``-`` is stdout); refuse to overwrite an input file."""
    if path == STDIN:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    for source in inputs:
        if source != STDIN and _same_file(source, path):
            raise BibconvError("output would overwrite an input file; choose another -o path", path)
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise BibconvError("output directory does not exist", path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise BibconvError(f"cannot write: {exc.strerror or exc}", path) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise BibconvError(f"cannot write: {exc.strerror or exc}", path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
