"""CSL-YAML: pandoc's ``references:`` list in and out, sharing the CSL-JSON item conversion."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from strategies import records

from bibconv.errors import BibconvError
from bibconv.model import OTHERS, Name, Record, Source
from bibconv.readers.cslyaml import read
from bibconv.writers import csljson
from bibconv.writers.cslyaml import write

HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SAMPLE = [
    Record(
        entry_type="inproceedings",
        key="frantar2023gptq",
        title="GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers",
        author=(
            Name(family="Frantar", given="Elias"),
            Name(family="Maaten", given="Laurens", particle="van der"),
            OTHERS,
        ),
        issued="2023-05",
        container_title="International Conference on Learning Representations",
        page="1–16",
        arxiv="2210.17323",
        groups=("Quantization",),
    ),
    Record(
        entry_type="phdthesis",
        key="yes",
        title="Über Zahlen",
        publisher="ETH Zürich",
        issued="2001",
        volume="2020",
    ),
]


def plain(record: Record) -> Record:
    return record.with_changes(source=Source())


def test_written_yaml_is_pandoc_front_matter_with_the_json_items():
    text = write(SAMPLE)
    assert text.startswith("---\nreferences:\n- id: frantar2023gptq\n  type: paper-conference\n")
    assert text.endswith("\n...\n")
    assert "Über Zahlen" in text and "id: 'yes'" in text and "volume: '2020'" in text
    assert yaml.safe_load(text.removesuffix("...\n"))["references"] == json.loads(csljson.write(SAMPLE))


def test_golden_output(golden):
    golden("csljson/sample.yaml", write(SAMPLE))


def test_round_trip_of_sample_with_lines():
    back, report = read(write(SAMPLE), file="refs.yaml")
    assert [plain(r) for r in back] == SAMPLE
    assert [str(r.source) for r in back] == ["refs.yaml:3", "refs.yaml:28"]
    assert back[0].source.format == "csl-yaml" and not report.warnings


@HYPOTHESIS
@given(records())
def test_round_trip_is_identity(record):
    back, report = read(write([record]))
    assert [plain(r) for r in back] == [record]
    assert not report.unread and not report.warnings


def test_front_matter_followed_by_markdown():
    text = (
        "---\ntitle: Notes\nreferences:\n- id: a\n  type: article-journal\n  title: A\n"
        "  issued: 2020-03-05\n  author:\n  - family: Doe\n    given: Jane\n- 5\n---\n\n# Body\n\n---\nnot: yaml: [\n"
    )
    (record,), report = read(text, file="doc.md")
    assert (record.key, record.entry_type, record.issued, record.source.line) == (
        "a",
        "article",
        "2020-03-05",
        4,
    )
    assert record.author == (Name(family="Doe", given="Jane"),)
    assert [(u.source.line, u.text) for u in report.unread] == [(11, "5")]


def test_bare_list_and_single_item_and_old_pandoc_dates():
    bare = "- id: a\n  type: book\n  title: A\n  issued:\n  - year: 2019\n    month: 7\n- id: b\n  type: book\n  title: B\n  issued: 2021\n"
    records_, _ = read(bare)
    assert [(r.key, r.issued, r.source.line) for r in records_] == [("a", "2019-07", 1), ("b", "2021", 7)]
    (single,), _ = read("id: s\ntype: webpage\ntitle: S\nURL: https://x.org\n")
    assert (single.entry_type, single.url) == ("online", "https://x.org")


def test_empty_document_reads_nothing():
    assert read("")[0] == [] and read("---\n...\n")[0] == []


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("references:\n- !!python/object/apply:os.system ['echo hi']\n", 2, "refused YAML"),
        ("references:\n- id: a\n  title: [unclosed\n", 4, "invalid CSL-YAML"),
        ("title: no references here\nauthor: x\n", 1, "expected CSL-YAML"),
        ("references: 5\n", 1, "references: must be a list"),
        ("references:\n- &a {id: x, type: book}\n- *a\n", 3, "YAML aliases"),
        ("references:\n- " + "[" * 200 + "]" * 200 + "\n", 2, "YAML nested too deeply"),
        ("references:\n- id: a\n---\nreferences: []\n---\nx: 1\n", 3, "invalid CSL-YAML"),
    ],
)
def test_errors(text, line, message):
    with pytest.raises(BibconvError) as caught:
        read(text, file="bad.yaml")
    assert caught.value.file == "bad.yaml" and caught.value.line == line
    assert caught.value.message.startswith(message)


PANDOC = shutil.which("pandoc")


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
def test_pandoc_reads_our_csl_yaml(tmp_path):
    path = tmp_path / "refs.md"
    path.write_text(write(SAMPLE), encoding="utf-8")
    result = subprocess.run(
        [PANDOC, str(path), "-s", "-t", "csljson"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    items = {item["id"]: item for item in json.loads(result.stdout)}
    assert items["frantar2023gptq"]["title"] == SAMPLE[0].title
    assert items["frantar2023gptq"]["author"][-1] == {"literal": "others"}
    assert items["frantar2023gptq"]["issued"] == {"date-parts": [[2023, 5]]}
    assert items["yes"]["publisher"] == "ETH Zürich"
