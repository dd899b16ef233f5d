"""Throughput of the text reader and its helpers (venue lookup, acceptance notes, keys).

    python bench/text_reader_speed.py

Prints calls per second on one core. The venue lookup is timed without its cache (every string new),
which is the worst case for the parser; the reader is timed on the 62 bundled Google Scholar citations
repeated, in line mode (one citation per line, the parser included) and in wrapped mode (entry splitting
and line joining only).
"""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

from bibconv.citations.notes import split_acceptance_note
from bibconv.data.venues import lookup
from bibconv.readers.text import read, split_entries
from bibconv.transforms.keys import assign_keys

ROOT = Path(__file__).resolve().parent.parent
CITATIONS = [
    line[2:].strip()
    for line in (ROOT / "bib" / "sources" / "quantization-papers.md").read_text(encoding="utf-8").splitlines()
    if line.startswith("- ")
]


def wrapped_section(copies: int) -> str:
    """A numbered references section wrapped at 90 columns, a page number and running header every 45 lines."""
    lines: list[str] = []
    for n, citation in enumerate(CITATIONS * copies, start=1):
        lines.extend(textwrap.wrap(f"[{n}] {citation}", 90))
        if len(lines) % 45 < 3:
            lines.extend(["", str(len(lines) // 45 + 1), "Published as a conference paper at ICLR 2025"])
    return "\n".join(lines)


def rate(label: str, count: int, seconds: float, unit: str) -> None:
    print(f"{label:<44} {count / seconds:>12,.0f} {unit}/s")


def main() -> None:
    venues = [
        f"Proceedings of the {n % 50 + 1}th {name}"
        for n, name in enumerate(
            [
                "IEEE/CVF conference on computer vision and pattern recognition",
                "Annual Meeting of the ACL",
                "Journal of Something Unknown",
                "International conference on machine learning",
                "Nature Physics",
            ]
            * 4000
        )
    ]
    lookup.cache_clear()
    start = time.perf_counter()
    for text in venues:
        lookup(text + " x")  # new strings: no cache hits
    rate("venues.lookup (uncached)", len(venues), time.perf_counter() - start, "lookups")

    texts = CITATIONS * 100
    start = time.perf_counter()
    for text in texts:
        split_acceptance_note(text)
    rate("notes.split_acceptance_note", len(texts), time.perf_counter() - start, "citations")

    records, _ = read("\n".join(CITATIONS))
    many = records * 100
    start = time.perf_counter()
    assign_keys(many)
    rate("keys.assign_keys", len(many), time.perf_counter() - start, "records")

    big = "\n".join(CITATIONS * 50)
    start = time.perf_counter()
    records, _ = read(big)
    rate(
        "readers.text.read (line mode, parser incl.)", len(records), time.perf_counter() - start, "citations"
    )

    wrapped = wrapped_section(50)
    start = time.perf_counter()
    entries = split_entries(wrapped)
    rate("readers.text.split_entries (wrapped)", len(entries), time.perf_counter() - start, "entries")


if __name__ == "__main__":
    main()
