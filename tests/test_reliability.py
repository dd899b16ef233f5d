"""One test per row of docs/reliability.md: bad input never gives a traceback, never a partial output,
never touches the input, and every readable record is still delivered."""

from __future__ import annotations

import json
import random
import re

import pytest
from click.testing import CliRunner

from bibconv.cli import main

GOOD_ENTRY = "@article{good2020,\n  title = {A Good Entry},\n  author = {Doe, Jane},\n  year = {2020}\n}\n"


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        result = runner.invoke(main, list(args), input=input)
        assert "Traceback" not in (result.stdout + result.stderr)
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
        return result

    return invoke


def _snapshot(path):
    return path.read_bytes()


def _no_temp_files(directory):
    return not [p for p in directory.iterdir() if p.name.endswith(".tmp")]


def test_empty_file(run, tmp_path):
    path = tmp_path / "empty.bib"
    path.write_text("")
    result = run("convert", str(path), "--to", "csl-json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    assert f"{path}:1: no records found" in result.stderr


def test_empty_stdin(run):
    result = run("convert", "-", "--to", "csl-json", input="")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_binary_file(run, tmp_path):
    path = tmp_path / "image.bib"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run("convert", str(path), "-o", str(tmp_path / "out.bib"))
    assert result.exit_code == 2
    assert "binary data" in result.stderr and f"{path}:" in result.stderr
    assert not (tmp_path / "out.bib").exists()


@pytest.mark.parametrize("fmt", ["bibtex", "text", "markdown"])
def test_ten_megabyte_single_line(run, tmp_path, fmt):
    path = tmp_path / "big.txt"
    path.write_text("word (2020) " * 900_000)
    result = run("convert", str(path), "--from", fmt, "--to", "csl-json", "--no-dedupe", "-q")
    assert result.exit_code == 0, result.stderr
    json.loads(result.stdout)


def test_non_utf8_file(run, tmp_path):
    path = tmp_path / "latin1.bib"
    path.write_bytes(GOOD_ENTRY.replace("Doe", "D\u00f6e").encode("latin-1"))
    result = run("convert", str(path))
    assert result.exit_code == 2 and f"{path}:3:" in result.stderr
    assert run("convert", str(path), "--encoding", "latin-1").exit_code == 0


def test_utf16_file(run, tmp_path):
    path = tmp_path / "utf16.bib"
    path.write_bytes(GOOD_ENTRY.replace("Doe", "D\u00f6e").encode("utf-16"))
    result = run("convert", str(path))
    assert result.exit_code == 0 and "Döe" in result.stdout


@pytest.mark.parametrize(
    "broken",
    [
        "@article{unbalanced,\n  title = {Missing close brace,\n  year = 2020\n\n",
        '@article{quotes,\n  title = "Unclosed quote,\n  year = 2020\n}\n',
        "@article{extra,\n  title = {Too many}}},\n  year = 2020\n}\n",
    ],
)
def test_unbalanced_braces_and_quotes(run, tmp_path, broken):
    path = tmp_path / "broken.bib"
    path.write_text(broken + "\n" + GOOD_ENTRY)
    report = tmp_path / "report.json"
    result = run("convert", str(path), "--no-dedupe", "--report", str(report))
    assert result.exit_code == 0
    assert "good2020" in result.stdout
    assert f"{path}:" in result.stderr
    assert json.loads(report.read_text())["unread"] or json.loads(report.read_text())["warnings"]


def test_entry_with_no_key(run, tmp_path):
    path = tmp_path / "nokey.bib"
    path.write_text("@article{\n  title = {No Key Here},\n  year = {2021}\n}\n\n" + GOOD_ENTRY)
    result = run("convert", str(path), "--no-dedupe", "--to", "csl-json")
    assert result.exit_code == 0
    ids = [item["id"] for item in json.loads(result.stdout)]
    assert "good2020" in ids
    assert f"{path}:1:" in result.stderr


def test_duplicate_keys(run, tmp_path):
    path = tmp_path / "dups.bib"
    other = GOOD_ENTRY.replace("A Good Entry", "A Different Work")
    path.write_text(GOOD_ENTRY + "\n" + other)
    result = run("convert", str(path), "--to", "csl-json")
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    assert len(items) == 2
    assert len({item["id"] for item in items}) == 2
    assert "duplicate" in result.stderr.lower()


def test_string_macro_loop(run, tmp_path):
    path = tmp_path / "loop.bib"
    path.write_text('@string{a = b}\n@string{b = a}\n@article{x,\n  title = {T},\n  journal = a,\n  year = 2020\n}\n' + GOOD_ENTRY)
    result = run("convert", str(path), "--no-dedupe", "--to", "csl-json")
    assert result.exit_code == 0
    assert "good2020" in result.stdout


def test_markdown_table_with_ragged_rows(run, tmp_path):
    path = tmp_path / "ragged.md"
    path.write_text(
        "# Papers\n\n| Title | Venue | Year | Code |\n|---|---|---|---|\n"
        "| [GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers](https://arxiv.org/abs/2210.17323) | ICLR | 2023 |\n"
        "| [AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration](https://arxiv.org/abs/2306.00978) | MLSys | 2024 | [code](https://github.com/mit-han-lab/llm-awq) | extra |\n"
    )
    result = run("convert", str(path), "--no-dedupe", "--to", "csl-json")
    assert result.exit_code == 0, result.stderr
    titles = [re.sub(r"<[^>]+>", "", item["title"]) for item in json.loads(result.stdout)]  # nocase spans
    assert len(titles) == 2 and titles[0].startswith("GPTQ")


def test_html_only_list(run, tmp_path):
    path = tmp_path / "html.md"
    path.write_text(
        "<h2>Quantization</h2>\n<table>\n<tr><th>Title</th><th>Venue</th></tr>\n"
        '<tr><td><a href="https://arxiv.org/abs/2210.17323">GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers</a></td><td>ICLR 2023</td></tr>\n'
        "</table>\n"
    )
    result = run("convert", str(path), "--from", "markdown", "--no-dedupe", "--to", "csl-json")
    assert result.exit_code == 0, result.stderr
    assert "GPTQ" in result.stdout


def test_citation_of_one_word(run, tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Hello\n")
    report = tmp_path / "report.json"
    result = run("convert", str(path), "--from", "text", "--to", "csl-json", "--report", str(report))
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 1  # kept as a raw record
    assert json.loads(report.read_text())["unread"][0]["line"] == 1
    assert f"{path}:1:" in result.stderr


@pytest.mark.parametrize("fmt", ["bibtex", "text", "markdown", "csl-yaml"])
def test_hundred_thousand_lines_of_junk(run, tmp_path, fmt):
    rng = random.Random(7)
    alphabet = "abcdefghij KLMNOP {}[]()@#%|*-_.,;:\"'\\$&0123456789"
    lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(100_000)]
    path = tmp_path / "junk.txt"
    path.write_text("\n".join(lines))
    out = tmp_path / "out.json"
    result = run("convert", str(path), "--from", fmt, "--no-dedupe", "-q", "-o", str(out))
    assert result.exit_code in (0, 2), result.stderr
    if result.exit_code == 0:
        json.loads(out.read_text())
    else:
        assert len(result.stderr.strip().splitlines()) == 1 and not out.exists()
    assert _no_temp_files(tmp_path)


def test_missing_input(run, tmp_path):
    result = run("convert", str(tmp_path / "missing.bib"))
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_unwritable_output(run, tmp_path):
    path = tmp_path / "in.bib"
    path.write_text(GOOD_ENTRY)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run("convert", str(path), "-o", str(locked / "out.bib"))
        import os

        if os.geteuid() == 0:  # root may write anywhere: test a path under a file instead
            result = run("convert", str(path), "-o", str(path / "out.bib"))
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1
    finally:
        locked.chmod(0o700)


def test_output_equal_to_input(run, tmp_path):
    path = tmp_path / "in.bib"
    path.write_text(GOOD_ENTRY)
    before = _snapshot(path)
    result = run("convert", str(path), "-o", str(path))
    assert result.exit_code == 2 and "overwrite an input" in result.stderr
    assert _snapshot(path) == before


def test_yaml_with_python_tag_is_refused(run, tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text("---\nreferences:\n- !!python/object/apply:os.system ['echo pwned']\n")
    result = run("convert", str(path), "--to", "bibtex")
    assert result.exit_code == 2
    assert f"{path}:3" in result.stderr


def test_build_config_with_python_tag_is_refused(run, tmp_path):
    config = tmp_path / "bibconv.yaml"
    config.write_text("sources: !!python/object/apply:os.system ['echo pwned']\noutputs: []\n")
    result = run("build", str(config))
    assert result.exit_code == 2 and f"{config}:1" in result.stderr


def test_build_config_path_leaving_the_project(run, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "secret.bib").write_text(GOOD_ENTRY)
    config = project / "bibconv.yaml"
    config.write_text("sources:\n  - ../secret.bib\noutputs:\n  - {path: out.bib}\n")
    result = run("build", str(config))
    assert result.exit_code == 2 and f"{config}:2" in result.stderr and "leaves the project" in result.stderr
    assert not (project / "out.bib").exists()


def test_build_with_bad_style_writes_nothing(run, tmp_path):
    (tmp_path / "refs.bib").write_text(GOOD_ENTRY)
    config = tmp_path / "bibconv.yaml"
    config.write_text("sources:\n  - refs.bib\noutputs:\n  - {path: out.bib}\n  - {path: out.txt, format: text, style: no-such-style-xyz}\n")
    result = run("build", str(config))
    assert result.exit_code == 2 and f"{config}:5" in result.stderr
    assert not (tmp_path / "out.bib").exists() and not (tmp_path / "out.txt").exists()
