"""Speed of the whole ``--to text`` path against pandoc's citeproc on the same records.

    python bench/render_speed.py [--n 10000] [--styles apa ieee] [--jobs 1 2] [--no-pandoc]

Records: tests/data/csl/sample.json read by our CSL-JSON reader and repeated with distinct ids and
titles up to ``--n``. Ours: ``writers.csltext.write`` (style parsed once, records converted once, in
process; start-up excluded), once per ``--jobs`` value (1 = one process; more = worker processes).
Pandoc: the same records written as CSL-JSON by our writer, rendered with ``pandoc --citeproc -t
plain`` (process start-up included, which is small next to the rendering).

The machine is shared, so the comparison is in CPU time (user + system, of this process and its
children: worker processes, pandoc); wall time is printed too. Prints seconds, entries per CPU-second,
peak memory and the ratio ours/pandoc per style and jobs value.
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


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its children waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def time_ours(records: list, style: str, jobs: int) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of our whole ``--to text`` path in process."""
    csltext.write(records[:5], style=style)  # the style is parsed once, as the CLI parses it once
    cpu, wall = cpu_seconds(), time.perf_counter()
    csltext.write(records, style=style, jobs=jobs)
    return cpu_seconds() - cpu, time.perf_counter() - wall


def time_pandoc(records: list, style: str) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, peak RSS in KiB) of pandoc rendering the same records."""
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
        cpu, wall = cpu_seconds(), time.perf_counter()
        subprocess.run(command, check=True)
        wall = time.perf_counter() - wall
        cpu = cpu_seconds() - cpu
        return cpu, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--styles", nargs="*", default=["apa", "ieee"])
    parser.add_argument("--jobs", nargs="*", type=int, default=[1, 2], help="1: one process")
    parser.add_argument("--no-pandoc", action="store_true", help="time ours only")
    args = parser.parse_args()
    print(f"# python bench/render_speed.py --n {args.n} --styles {' '.join(args.styles)}", flush=True)
    records = make_records(args.n)
    for style in args.styles:
        pandoc = None if args.no_pandoc else time_pandoc(records, style)
        if pandoc:
            cpu, wall, peak = pandoc
            print(
                json.dumps(
                    {
                        "style": style,
                        "tool": "pandoc",
                        "entries": args.n,
                        "cpu_s": round(cpu, 2),
                        "wall_s": round(wall, 2),
                        "per_cpu_s": round(args.n / cpu, 1),
                        "peak_mb": peak // 1024,
                    }
                ),
                flush=True,
            )
        for jobs in args.jobs:
            cpu, wall = time_ours(records, style, jobs)
            result = {
                "style": style,
                "tool": f"bibconv jobs={jobs}",
                "entries": args.n,
                "cpu_s": round(cpu, 2),
                "wall_s": round(wall, 2),
                "per_cpu_s": round(args.n / cpu, 1),
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            }
            if pandoc:
                result["cpu_ratio_to_pandoc"] = round(cpu / pandoc[0], 2)
                result["wall_ratio_to_pandoc"] = round(wall / pandoc[1], 2)
            print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
