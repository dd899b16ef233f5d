"""Golden bibliographies: the bundled paper lists, read by the markdown reader, rendered in CSL styles.

One file per list and style under ``tests/golden/render/``; ``pytest --update-golden`` rewrites them and
the diff is reviewed (an intended change in a reader, the mapping or the renderer shows up here).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BUNDLED

STYLES = ("apa", "ieee", "scholar-mla")


def _bundled_lists() -> list[Path]:
    return sorted(p for p in BUNDLED.glob("*.md") if p.name != "README.md")


@pytest.fixture(scope="module")
def bundled_records() -> dict[str, list]:
    reader = pytest.importorskip("bibconv.readers.markdown", reason="needs the markdown reader")
    lists = _bundled_lists()
    if not lists:
        pytest.skip(f"no bundled lists in {BUNDLED}")
    records = {}
    for path in lists:
        read, _report = reader.read(path.read_text(encoding="utf-8"), file=f"bib/sources/{path.name}")
        records[path.stem] = read
    return records


@pytest.mark.parametrize("style", STYLES)
def test_bundled_lists_render_as_before(bundled_records: dict[str, list], style: str, golden) -> None:
    csltext = pytest.importorskip("bibconv.writers.csltext", reason="needs the csltext writer")
    for name, records in bundled_records.items():
        text = csltext.write(records, style=style, format="plain")
        assert len(text.splitlines()) == len(records), "one line per record"
        golden(f"render/{name}.{style}.txt", text)
