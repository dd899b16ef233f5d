"""The 62 Google Scholar-form citations of the quantization list, checked field by field against the
hand-written golden file ``tests/golden/text/quantization.json`` (see its "decisions" for the conventions)."""

from __future__ import annotations

import json

import pytest
from conftest import BUNDLED, GOLDEN

from bibconv.data.venues import lookup
from bibconv.model import Name, Record
from bibconv.readers.text import read
from bibconv.transforms.keys import assign_keys, make_key

GOLDEN_FILE = GOLDEN / "text" / "quantization.json"
SOURCE = BUNDLED / "quantization-papers.md"
GOLDEN_DATA = json.loads(GOLDEN_FILE.read_text(encoding="utf-8"))
ENTRIES = GOLDEN_DATA["entries"]
TEXT_FIELDS = (
    "entry_type",
    "title",
    "container_title",
    "volume",
    "issue",
    "page",
    "publisher",
    "publisher_place",
    "arxiv",
)


def _bullets() -> dict[int, str]:
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    return {n: line[2:].strip() for n, line in enumerate(lines, start=1) if line.startswith("- ")}


def _author(name: Name) -> str:
    if name.others:
        return "others"
    family = " ".join(p for p in (name.particle, name.family) if p) or name.literal
    return f"{family}, {name.given}" if name.given else family


def _differences(record: Record, expected: dict) -> list[str]:
    actual = {field: getattr(record, field) for field in TEXT_FIELDS}
    actual["authors"] = [_author(n) for n in record.author]
    actual["year"] = record.year
    venue = lookup(record.container_title) if record.container_title else None
    actual["venue"] = venue.abbreviation if venue else None
    actual["key"] = make_key(record)
    return [
        f"{field}: expected {expected[field]!r}, got {value!r}"
        for field, value in actual.items()
        if value != expected[field]
    ]


@pytest.fixture(scope="module")
def parsed() -> dict[int, Record]:
    """All 62 citations read as one text file: one record per line, positions kept."""
    bullets = _bullets()
    numbers = sorted(bullets)
    records, _ = read("\n".join(bullets[n] for n in numbers), file="quantization.txt")
    assert len(records) == len(numbers)
    return dict(zip(numbers, records, strict=True))


def test_golden_covers_every_citation_of_the_list() -> None:
    bullets = _bullets()
    assert len(bullets) == 62
    assert {e["line"]: e["citation"] for e in ENTRIES} == bullets


@pytest.mark.parametrize("expected", ENTRIES, ids=[f"line{e['line']}" for e in ENTRIES])
def test_citation_fields(parsed: dict[int, Record], expected: dict) -> None:
    differences = _differences(parsed[expected["line"]], expected)
    assert not differences, f"line {expected['line']}: " + "; ".join(differences)


def test_duplicate_citations_get_suffixed_keys(parsed: dict[int, Record]) -> None:
    keyed = dict(zip(parsed, assign_keys(list(parsed.values())), strict=True))
    assert keyed[10].key == "hubara2018quantized" and keyed[22].key == "hubara2018quantizeda"
    assert len({r.key for r in keyed.values()}) == len(keyed)
