"""The bundled bibliography: `bibconv build` reproduces the committed bib/ byte for byte."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import ROOT

from bibconv import api, config
from bibconv.cli import main


def _build():
    loaded = config.load(str(ROOT / "bibconv.yaml"))
    outputs, report = api.build(loaded)
    outputs[loaded.report] = json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"
    return outputs


def test_committed_bib_is_what_the_code_builds():
    outputs = _build()
    stale = [path for path, text in outputs.items() if (ROOT / path).read_text(encoding="utf-8") != text]
    assert not stale, f"bib/ is out of date, run 'bibconv build' and commit: {stale}"


def test_build_is_deterministic():
    assert _build() == _build()


def test_build_check_command(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["build", "--check"])
    assert result.exit_code == 0, result.stderr


def test_bundled_bibliography_keeps_every_input_unit():
    """Nothing lost: every record read from the lists is an output entry or a member of a merge group."""
    loaded = config.load(str(ROOT / "bibconv.yaml"))
    records_in = sum(len(api.read_file(str(ROOT / s.path), s.format)[0]) for s in loaded.sources)
    report = json.loads((ROOT / "bib" / "report.json").read_text(encoding="utf-8"))
    merged_away = sum(len(g["members"]) - 1 for g in report["groups"])
    entries = json.loads((ROOT / "bib" / "papers.json").read_text(encoding="utf-8"))
    assert len(entries) + merged_away == records_in
