"""The public Python API; the CLI is a thin layer over these functions.

    >>> import bibconv
    >>> records, report = bibconv.read_file("refs.bib")
    >>> print(bibconv.write(records, "csl-json"))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from . import fileio, formats
from .config import Config
from .errors import BibconvError
from .model import Record, Source
from .report import Report

__all__ = ["read_string", "read_file", "read_files", "write", "convert", "parse_citation", "dedupe", "finish", "build"]


def read_string(text: str, fmt: str | None = None, *, file: str = "<string>", **options: Any) -> tuple[list[Record], Report]:
    """Read records from text in format ``fmt`` (detected from ``file`` and the content when None)."""
    if not text.strip():
        return _nothing_found(file)
    format_ = formats.get(fmt) if fmt else formats.detect(file, text)
    return _checked(formats.reader_module(format_).read(text, file=file, **options), file)


def read_file(path: str, fmt: str | None = None, *, encoding: str | None = None, **options: Any) -> tuple[list[Record], Report]:
    """Read one file (``-`` is stdin)."""
    text = fileio.read_text(path, encoding)
    name = fileio.display_name(path)
    if not text.strip():
        return _nothing_found(name)
    format_ = formats.get(fmt) if fmt else formats.detect(name if path != "-" else None, text)
    return _checked(formats.reader_module(format_).read(text, file=name, **options), name)


def _nothing_found(file: str) -> tuple[list[Record], Report]:
    report = Report()
    report.warn("no records found", Source(file, 1))
    return [], report


def _checked(result: tuple[list[Record], Report], file: str) -> tuple[list[Record], Report]:
    """An input that yields nothing at all is worth a warning: usually the wrong format."""
    records, report = result
    if not records and not report.unread and not report.skipped:
        report.warn("no records found", Source(file, 1))
    return records, report


def read_files(paths: Iterable[str], fmt: str | None = None, *, encoding: str | None = None, **options: Any) -> tuple[list[Record], Report]:
    """Read several inputs into one record list, in input order, with one combined report.

    ``paths`` may be any iterable (the CLI passes a progress bar over the file names).
    """
    records: list[Record] = []
    report = Report()
    for path in paths:
        file_records, file_report = read_file(path, fmt, encoding=encoding, **options)
        records.extend(file_records)
        report.extend(file_report)
    return records, report


def dedupe(records: Sequence[Record], *, rekey: bool = False) -> tuple[list[Record], Report]:
    """Merge records of the same work into one (see ``bibconv.transforms.dedupe``)."""
    from .transforms.dedupe import dedupe as _dedupe

    return _dedupe(records, rekey=rekey)


def finish(records: Sequence[Record]) -> list[Record]:
    """Give every record a citation key (records read from text and markdown have none)."""
    from .transforms.keys import assign_keys

    return assign_keys(list(records))


def write(records: Sequence[Record], fmt: str, **options: Any) -> str:
    """Write records in format ``fmt`` and return the text."""
    return formats.writer_module(formats.get(fmt)).write(records, **options)


def convert(
    inputs: Iterable[str],
    to: str,
    *,
    fmt: str | None = None,
    merge: bool = True,
    encoding: str | None = None,
    read_options: dict[str, Any] | None = None,
    write_options: dict[str, Any] | None = None,
) -> tuple[str, Report]:
    """Read ``inputs``, merge duplicates unless ``merge=False``, give keys, write as ``to``."""
    records, report = read_files(inputs, fmt, encoding=encoding, **(read_options or {}))
    if merge:
        records, merge_report = dedupe(records)
        report.extend(merge_report)
    text = write(finish(records), to, **(write_options or {}))
    return text, report


def parse_citation(text: str) -> Record:
    """Parse one citation string into a record (raw text kept in ``note`` when it cannot be parsed)."""
    from .citations import parse_citation as _parse

    if not isinstance(text, str):
        raise BibconvError("a citation must be a string")
    return _parse(text, Source("<string>", 1, "text")).record


def build(config: Config) -> tuple[dict[str, str], Report]:
    """Run a build file: read every source, merge, give keys, render every output (nothing written here).

    Source positions in records and the report use the paths as written in the build file, so the
    outputs do not depend on where the project is checked out.
    """
    records: list[Record] = []
    report = Report()
    for spec in config.sources:
        options = dict(spec.options)
        text = fileio.decode(fileio.read_bytes(str(config.root / spec.path)), spec.path, options.pop("encoding", None))
        source_records, source_report = read_string(text, spec.format, file=spec.path, **options)
        if spec.group:
            source_records = [_add_group(r, spec.group) for r in source_records]
        records.extend(source_records)
        report.extend(source_report)
    if config.dedupe:
        records, merge_report = dedupe(records, rekey=config.rekey)
        report.extend(merge_report)
    records = finish(records)
    outputs: dict[str, str] = {}
    for output in config.outputs:
        try:
            outputs[output.path] = write(records, output.format, **output.options)
        except BibconvError as exc:
            raise BibconvError(f"output {output.path}: {exc.message}", config.file, output.line) from None
    return outputs, report


def _add_group(record: Record, group: str) -> Record:
    groups = tuple(f"{group} / {g}" for g in record.groups) or (group,)
    return record.with_changes(groups=groups)
