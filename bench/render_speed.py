"""Speed of the whole ``--to text`` path against pandoc's citeproc on the same records.

    python bench/render_speed.py [--n 10000] [--styles apa ieee]

Records: tests/data/csl/sample.json read by our CSL-JSON reader and repeated with distinct ids and
titles up to ``--n``. Ours: ``writers.csltext.write`` (style parsed once, records converted once, in
process; start-up excluded). Pandoc: the same records written as CSL-JSON by our writer, rendered with
``pandoc --citeproc -t plain`` (process start-up included, which is small next to the rendering).
Prints seconds, entries/s, peak memory and the ratio ours/pandoc per style.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bibconv.readers import csljson as csljson_reader
from bibconv.writers import csljson as csljson_writer
from bibconv.writers import csltext
from bibconv.writers.csl_styles import resolve_style

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "csl" / "sample.json"


def make_records(n: int) -> list:
    records, _ = csljson_reader.read(SAMPLE.read_text(encoding="utf-8"), file=str(SAMPLE))
    out = []
    for i in range(n):
        base = records[i % len(records)]
        copy = i // len(records)
        title = f"{base.title} (part {copy})" if copy and base.title else base.title
        out.append(dataclasses.replace(base, key=f"{base.key or 'item'}-{i}", title=title))
    return out


def time_ours(records: list, style: str) -> float:
    start = time.perf_counter()
    csltext.write(records, style=style)
    return time.perf_counter() - start


def time_pandoc(records: list, style: str) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        bib = Path(tmp, "refs.json")
        bib.write_text(csljson_writer.write(records), encoding="utf-8")
        doc = Path(tmp, "doc.md")
        doc.write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
        command = [
            "pandoc",
            str(doc),
            "--citeproc",
            "--csl",
            str(resolve_style(style)),
            "--bibliography",
            str(bib),
            "-t",
            "plain",
            "-o",
            str(Path(tmp, "out.txt")),
        ]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True)
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        del before
        return elapsed, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--styles", nargs="*", default=["apa", "ieee"])
    args = parser.parse_args()
    records = make_records(args.n)
    results = {}
    for style in args.styles:
        ours = time_ours(records, style)
        ours_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        theirs, theirs_peak = time_pandoc(records, style)
        results[style] = {
            "entries": args.n,
            "ours_s": round(ours, 2),
            "ours_per_s": round(args.n / ours, 1),
            "ours_peak_mb": ours_peak // 1024,
            "pandoc_s": round(theirs, 2),
            "pandoc_per_s": round(args.n / theirs, 1),
            "pandoc_peak_mb": theirs_peak // 1024,
            "ratio_ours_to_pandoc": round(ours / theirs, 2),
        }
        print(json.dumps({style: results[style]}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
