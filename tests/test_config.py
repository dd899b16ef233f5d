"""The build file: validated once, every problem one line with the config file and line."""

from __future__ import annotations

import pytest

from bibconv import config
from bibconv.errors import BibconvError


def _write(tmp_path, text: str):
    (tmp_path / "refs.bib").write_text("@misc{a, title={A}}\n")
    path = tmp_path / "bibconv.yaml"
    path.write_text(text)
    return str(path)


def test_a_valid_config(tmp_path):
    path = _write(tmp_path, "sources:\n  - refs.bib\n  - {path: '*.bib', group: G}\noutputs:\n  - {path: out.json}\n  - {path: out.txt, format: text, style: ieee}\nreport: report.json\n")
    loaded = config.load(path)
    assert [s.path for s in loaded.sources] == ["refs.bib", "refs.bib"]
    assert loaded.sources[1].group == "G"
    assert [(o.path, o.format) for o in loaded.outputs] == [("out.json", "csl-json"), ("out.txt", "text")]
    assert loaded.outputs[1].options == {"style": "ieee"}
    assert loaded.report == "report.json"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("sources:\n  - refs.bib\noutputs:\n  - {path: o.bib}\ncolour: red\n", 5, "unknown key 'colour'"),
        ("sources:\n  - missing.bib\noutputs:\n  - {path: o.bib}\n", 2, "not found"),
        ("sources:\n  - ../outside.bib\noutputs:\n  - {path: o.bib}\n", 2, "leaves the project directory"),
        ("sources:\n  - /etc/passwd\noutputs:\n  - {path: o.bib}\n", 2, "relative"),
        ("sources:\n  - refs.bib\noutputs:\n  - {path: ../../o.bib}\n", 4, "leaves the project directory"),
        ("sources:\n  - refs.bib\noutputs:\n  - {path: o.bib, format: docx}\n", 4, "unknown output format"),
        ("sources:\n  - refs.bib\noutputs:\n  - {path: o.unknown}\n", 4, "cannot tell the format"),
        ("sources: !!python/object:os.system\n  - x\noutputs: []\n", 1, "invalid build file"),
        ("sources: [refs.bib\n", 2, "invalid build file"),
        ("outputs:\n  - {path: o.bib}\n", 1, "needs 'sources' and 'outputs'"),
    ],
)
def test_config_errors_name_file_and_line(tmp_path, text, line, message):
    path = _write(tmp_path, text)
    with pytest.raises(BibconvError) as err:
        config.load(path)
    assert str(err.value).startswith(f"{path}:{line}: "), str(err.value)
    assert message in str(err.value)


def test_missing_config_file(tmp_path):
    with pytest.raises(BibconvError, match="no such build file"):
        config.load(str(tmp_path / "bibconv.yaml"))
