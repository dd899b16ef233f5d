"""Citations parsed per second on one core.

    python bench/parse_speed.py [--repeat 3]

The input is every held-out record of ``train/records.json`` rendered through the test styles and the Google
Scholar form (a few thousand varied citations), rendered once before timing; the timing covers the parser
only (one process, one thread: one core) and is CPU time (``time.process_time``), so a loaded shared machine
distorts it less.

The headline figure is ``parse_citations``, what ``bibconv convert`` and ``bibconv parse`` run on a text
file: from 1,000 citations on it labels them together (``bibconv/citations/batch.py``). The figure of
``parse_citation`` called once per citation is shown too, and the one-off cost of loading what labelling
together needs (numpy and the model's weights), which the headline leaves out as it leaves out loading the
model.

The parser caches what it computes per distinct token text and name list, so a second pass over the same
citations finds everything cached and says little about a file parsed once. Each of the ``--repeat`` runs
therefore parses the citations once in a fresh interpreter (caches empty; the model is loaded before the
timing), and the best of them is the figure. A second pass in the same interpreter is shown for comparison.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))


def citations() -> list[str]:
    import citation_corpus as corpus

    records = json.loads((ROOT / "train" / "records.json").read_text(encoding="utf-8"))
    held_out = [r for r in records if corpus.is_test_record(r)]
    texts: list[str] = []
    for style in ("google-scholar-mla", *corpus.TEST_STYLES):
        texts.extend(text for _record, text, _printed in corpus.labelled_printed(held_out, style))
    return texts


def timed_passes(texts: list[str], one_by_one: bool) -> tuple[float, float, float]:
    """CPU seconds of loading, of a first pass over ``texts`` (caches empty) and of a second one (caches
    full), parsed together (``parse_citations``) or ``one_by_one`` (``parse_citation``)."""
    from bibconv.citations import parse_citation, parse_citations
    from bibconv.citations.crf import _batch_tagger

    parse_citation("Doe, J. (2020). A title. Journal, 1(2), 3-4.")  # loads the model and the venue table
    started = time.process_time()
    if not one_by_one:
        _batch_tagger()  # numpy and the model's weights for labelling together
    times = [time.process_time() - started]
    for _ in range(2):
        started = time.process_time()
        if one_by_one:
            for text in texts:
                parse_citation(text)
        else:
            parse_citations(texts)
        times.append(time.process_time() - started)
    return times[0], times[1], times[2]


def best_runs(texts: list[str], repeat: int, one_by_one: bool) -> tuple[float, float, float]:
    """The best load, first-pass and second-pass times of ``repeat`` fresh interpreters."""
    runs = []
    for _ in range(repeat):
        child = subprocess.run(
            [sys.executable, __file__, "--child", *(["--one-by-one"] if one_by_one else [])],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(tuple(float(seconds) for seconds in child.stdout.split()))
    load, first, second = (min(run[i] for run in runs) for i in range(3))
    return load, first, second


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)  # one run: texts on stdin
    parser.add_argument("--one-by-one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(*timed_passes(json.load(sys.stdin), args.one_by_one))
        return
    texts = citations()
    n = len(texts)
    load, best, warm = best_runs(texts, args.repeat, one_by_one=False)
    print(
        f"{n} citations in {best:.2f} CPU-s: {n / best:,.0f} citations per CPU-second "
        f"(parse_citations; one core, one pass per fresh process, best of {args.repeat})"
    )
    print(f"second pass (caches full): {warm:.2f} CPU-s, {n / warm:,.0f} citations per CPU-second")
    print(f"loading numpy and the weights for labelling together, once per process: {load:.2f} CPU-s")
    _load, best, warm = best_runs(texts, args.repeat, one_by_one=True)
    print(
        f"one at a time (parse_citation per citation): {best:.2f} CPU-s, {n / best:,.0f} citations per "
        f"CPU-second; second pass {n / warm:,.0f}"
    )


if __name__ == "__main__":
    main()
