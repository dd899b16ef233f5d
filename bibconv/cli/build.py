"""``bibconv build``: the main job — a bibliography built from the sources a YAML build file names."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .. import api, fileio
from .. import config as config_module
from ..errors import CheckFailed
from . import common


@click.command(epilog="""\b
Examples:
  bibconv build                     # reads ./bibconv.yaml
  bibconv build survey.yaml --check # fail if the outputs on disk are not what the sources give

\b
A build file:
  sources:
    - path: lists/*.md             # files or globs, relative to the build file
      group: Efficient LLM         # optional: a section prefix for these records
    - {path: refs.txt, format: text}
  merge: {dedupe: true, rekey: false}
  outputs:
    - {path: out/papers.bib}
    - {path: out/papers.json, format: csl-json}
    - {path: out/references.txt, format: text, style: apa}
  report: out/report.json
""")
@click.argument("config_file", default=config_module.DEFAULT_CONFIG, metavar="[CONFIG]")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any output on disk differs from what the build produces.")
@click.option("--strict", is_flag=True, help="Exit with code 1 when any input unit could not be parsed.")
@common.verbosity_options
@common.handle_errors
def build(config_file: str, check: bool, strict: bool) -> None:
    """Build the outputs named in CONFIG (default: bibconv.yaml): read every source, merge duplicates,
    write every output and the report. The build is deterministic: the same sources give byte-identical
    outputs."""
    config = config_module.load(config_file)
    outputs, report = api.build(config)
    if config.report:
        outputs[config.report] = json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"
    if check:
        stale = [path for path, text in outputs.items() if _read_or_none(config.root / path) != text]
        if stale:
            raise CheckFailed(f"out of date: {', '.join(stale)} (run 'bibconv build')", config_file)
        common.echo(f"{len(outputs)} outputs up to date")
        return
    inputs = [str(config.root / s.path) for s in config.sources]
    for path, text in outputs.items():
        fileio.write_text(str(config.root / path), text, inputs)
    common.show_report(report)
    common.echo(f"built {len(outputs)} outputs from {len(config.sources)} sources")
    common.check_strict(strict, report)


def _read_or_none(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None
