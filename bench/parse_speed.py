"""Citations parsed per second on one core.

    python bench/parse_speed.py [--repeat 3]

The input is every held-out record of ``train/records.json`` rendered through the test styles and the Google
Scholar form (a few thousand varied citations), rendered once before timing; the timing covers
``parse_citation`` only (one process, one thread: one core) and is CPU time (``time.process_time``), so a
loaded shared machine distorts it less. The best of ``--repeat`` runs is reported, and the first run on its
own: the parser caches what it computes per distinct token and name, so later runs find them cached.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import citation_corpus as corpus  # noqa: E402

from bibconv.citations import parse_citation  # noqa: E402


def citations() -> list[str]:
    records = json.loads((ROOT / "train" / "records.json").read_text(encoding="utf-8"))
    held_out = [r for r in records if corpus.is_test_record(r)]
    texts: list[str] = []
    for style in ("google-scholar-mla", *corpus.TEST_STYLES):
        texts.extend(text for _record, text, _printed in corpus.labelled_printed(held_out, style))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = citations()
    parse_citation(texts[0])  # load the model and the venue table outside the timing
    times = []
    for _ in range(args.repeat):
        started = time.process_time()
        for text in texts:
            parse_citation(text)
        times.append(time.process_time() - started)
    best = min(times)
    print(
        f"{len(texts)} citations in {best:.2f} CPU-s: {len(texts) / best:,.0f} citations per CPU-second (one core, best of {args.repeat})"
    )
    # The parser caches per distinct token and name text; the first run starts with those caches empty.
    print(
        f"first run (caches cold): {times[0]:.2f} CPU-s, {len(texts) / times[0]:,.0f} citations per CPU-second"
    )


if __name__ == "__main__":
    main()
