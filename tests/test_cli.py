"""The command line: help on every command, one-line errors with positions, exit codes, safe writes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from bibconv.cli import main

SAMPLE_BIB = """@article{hubara2018quantized,
  title = {Quantized Neural Networks},
  author = {Hubara, Itay and Courbariaux, Matthieu and others},
  journal = {Journal of Machine Learning Research},
  volume = {18},
  number = {187},
  pages = {1--30},
  year = {2018}
}
"""


@pytest.fixture
def runner():
    return CliRunner()


def _one_error_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output + result.stderr
    return lines[0]


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert main.commands[command].help


def test_top_level_help_has_examples(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0 and "Examples" in result.output


def test_missing_input_is_one_line_exit_2(runner, tmp_path):
    result = runner.invoke(main, ["convert", str(tmp_path / "nope.bib")])
    assert result.exit_code == 2
    assert _one_error_line(result) == f"bibconv: error: {tmp_path / 'nope.bib'}: no such file"


def test_unknown_format_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["convert", "x.bib", "--to", "docx"])
    assert result.exit_code == 2


def test_non_utf8_input_names_file_and_line(runner, tmp_path):
    path = tmp_path / "latin.bib"
    path.write_bytes(SAMPLE_BIB.replace("Matthieu", "Matthi\u00e9u").encode("latin-1"))
    result = runner.invoke(main, ["convert", str(path)])
    assert result.exit_code == 2
    assert _one_error_line(result).startswith(f"bibconv: error: {path}:3: not valid utf-8")
    ok = runner.invoke(main, ["convert", str(path), "--encoding", "latin-1"])
    assert ok.exit_code == 0 and "Matthiéu" in ok.stdout


def test_bibtex_to_csl_json_and_back_through_stdin(runner, tmp_path):
    path = tmp_path / "x.bib"
    path.write_text(SAMPLE_BIB)
    as_json = runner.invoke(main, ["convert", str(path), "--to", "csl-json"])
    assert as_json.exit_code == 0, as_json.stderr
    item = json.loads(as_json.stdout)[0]
    assert item["title"] == "Quantized neural networks"  # CSL wants sentence case, as pandoc gives it
    back = runner.invoke(main, ["convert", "-", "--from", "csl-json", "--to", "bibtex"], input=as_json.stdout)
    assert back.exit_code == 0, back.stderr
    assert "hubara2018quantized" in back.stdout and "Hubara, Itay" in back.stdout
    assert "Quantized Neural Networks" in back.stdout  # the BibTeX title comes back as written


def test_output_equal_to_input_is_refused_and_input_untouched(runner, tmp_path):
    path = tmp_path / "x.bib"
    path.write_text(SAMPLE_BIB)
    result = runner.invoke(main, ["convert", str(path), "-o", str(path)])
    assert result.exit_code == 2
    assert "overwrite an input" in _one_error_line(result)
    assert path.read_text() == SAMPLE_BIB


def test_unwritable_output_path(runner, tmp_path):
    path = tmp_path / "x.bib"
    path.write_text(SAMPLE_BIB)
    result = runner.invoke(main, ["convert", str(path), "-o", str(tmp_path / "missing" / "out.bib")])
    assert result.exit_code == 2
    assert "directory does not exist" in _one_error_line(result)


def test_output_format_from_suffix(runner, tmp_path):
    path = tmp_path / "x.bib"
    path.write_text(SAMPLE_BIB)
    out = tmp_path / "x.yaml"
    result = runner.invoke(main, ["convert", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.read_text().startswith("---\nreferences:")


def test_several_inputs_are_one_record_list(runner, tmp_path):
    a, b = tmp_path / "a.bib", tmp_path / "b.bib"
    a.write_text(SAMPLE_BIB)
    b.write_text(SAMPLE_BIB.replace("hubara2018quantized", "other").replace("Quantized Neural Networks", "Another Paper"))
    result = runner.invoke(main, ["convert", str(a), str(b), "--no-dedupe", "--to", "csl-json"])
    assert result.exit_code == 0, result.stderr
    assert [item["id"] for item in json.loads(result.stdout)] == ["hubara2018quantized", "other"]


def test_malformed_entry_is_a_positioned_warning_and_the_rest_is_read(runner, tmp_path):
    path = tmp_path / "x.bib"
    path.write_text("@article{broken,\n  title = {Unclosed\n\n" + SAMPLE_BIB)
    report = tmp_path / "report.json"
    result = runner.invoke(main, ["convert", str(path), "--report", str(report)])
    assert result.exit_code == 0
    assert "hubara2018quantized" in result.stdout
    assert f"{path}:1" in result.stderr
    assert json.loads(report.read_text())["unread"]


def test_strict_exits_1_when_something_is_unread(runner, tmp_path):
    path = tmp_path / "x.bib"
    path.write_text("@article{broken,\n  title = {Unclosed\n\n" + SAMPLE_BIB)
    result = runner.invoke(main, ["convert", str(path), "--strict", "-q"])
    assert result.exit_code == 1


def test_parse_prints_bibtex_with_a_key(runner):
    citation = 'Hubara, Itay, et al. "Quantized neural networks: Training neural networks with low precision weights and activations." Journal of Machine Learning Research 18.187 (2018): 1-30.'
    result = runner.invoke(main, ["parse", citation])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("@article{hubara2018quantized,")
    assert "1--30" in result.stdout


def test_dedupe_in_place_keeps_a_backup(runner, tmp_path):
    path = tmp_path / "x.bib"
    path.write_text(SAMPLE_BIB + "\n" + SAMPLE_BIB.replace("hubara2018quantized", "dup"))
    result = runner.invoke(main, ["dedupe", str(path), "--in-place", "-q"])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "x.bib.bak").read_text().count("@article") == 2
    assert path.read_text().count("@article") == 1


def test_dedupe_never_touches_its_input_by_default(runner, tmp_path):
    path = tmp_path / "x.bib"
    original = SAMPLE_BIB + "\n" + SAMPLE_BIB.replace("hubara2018quantized", "dup")
    path.write_text(original)
    result = runner.invoke(main, ["dedupe", str(path), "--dry-run"])
    assert result.exit_code == 0
    assert "hubara2018quantized" in result.stdout and "dup" in result.stdout
    assert path.read_text() == original


def test_dedupe_in_place_refuses_a_file_with_an_unreadable_block(runner, tmp_path):
    """Rewriting would drop the block that could not be read: one positioned error, the file untouched."""
    path = tmp_path / "x.bib"
    original = SAMPLE_BIB + "\n@article{broken, title={Unclosed\n"
    path.write_text(original)
    result = runner.invoke(main, ["dedupe", str(path), "--in-place", "-q"])
    assert result.exit_code == 2
    assert "cannot rewrite in place" in result.stderr and f"{path}:" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text() == original and not (tmp_path / "x.bib.bak").exists()


def _console(*args: str, cwd) -> subprocess.CompletedProcess:
    """The console script's way out (``bibconv.cli.run``), in a process of its own: it ends with os._exit."""
    return subprocess.run(
        [sys.executable, "-m", "bibconv", *args], capture_output=True, text=True, timeout=120, cwd=cwd
    )


def test_console_script_writes_everything_before_its_fast_exit(tmp_path):
    bib = tmp_path / "in.bib"
    bib.write_text(
        "@article{a, title={Deep Learning}, author={LeCun, Yann}, year=2015, journal={Nature}}\n"
        "@article{b, title={Deep learning}, author={LeCun, Y.}, year=2015, journal={Nature}, doi={10.1038/nature14539}}\n",
        encoding="utf-8",
    )
    result = _console("dedupe", str(bib), "--report", "report.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("@article") == 1 and "10.1038/nature14539" in result.stdout
    assert json.loads((tmp_path / "report.json").read_text())["groups"][0]["members"] == ["a", "b"]


def test_console_script_exit_status_on_errors(tmp_path):
    result = _console("dedupe", "missing.bib", cwd=tmp_path)
    assert result.returncode != 0
    assert "missing.bib" in result.stderr and "Traceback" not in result.stderr
    assert _console("--version", cwd=tmp_path).returncode == 0
