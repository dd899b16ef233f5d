"""Time CSL-JSON and CSL-YAML writing and reading of many varied records (run by hand).

    python bench/csljson.py [N]          # default 100000 records; YAML on a tenth of them

Prints wall and CPU seconds per step and the peak resident memory of the process.
"""

from __future__ import annotations

import random
import resource
import sys
import time

from bibconv.data.csl import BIBTEX_TO_CSL_TYPE
from bibconv.model import OTHERS, Name, Record
from bibconv.readers import csljson as json_reader
from bibconv.readers import cslyaml as yaml_reader
from bibconv.writers import csljson as json_writer
from bibconv.writers import cslyaml as yaml_writer

FAMILIES = ["Frantar", "Maaten", "Müller", "Zhang", "Dettmers", "Hinton", "LeCun", "Sa", "Nguyen", "O'Neil"]
GIVEN = ["Elias", "Laurens", "Jörg", "Wei", "Tim", "Geoffrey", "Yann", "Christopher", "Anh", "Cathy"]
WORDS = "quantization of large language models with GPTQ LLMs sparse attention for efficient inference on GPUs".split()
VENUES = [
    "NeurIPS",
    "International Conference on Machine Learning",
    "Journal of Machine Learning Research",
    "",
]


def make_record(rng: random.Random, i: int) -> Record:
    authors = tuple(
        Name(family=rng.choice(FAMILIES), given=rng.choice(GIVEN), particle=rng.choice(["", "", "van der"]))
        for _ in range(rng.randint(1, 6))
    )
    if rng.random() < 0.1:
        authors = (*authors, OTHERS)
    year = rng.randint(1990, 2024)
    first = rng.randint(1, 900)
    return Record(
        entry_type=rng.choice(sorted(BIBTEX_TO_CSL_TYPE)),
        key=f"key{i}",
        title=" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))).capitalize(),
        author=authors,
        issued=rng.choice([f"{year}", f"{year}-{rng.randint(1, 12):02d}"]),
        container_title=rng.choice(VENUES),
        volume=str(rng.randint(1, 40)),
        page=f"{first}–{first + rng.randint(1, 30)}",
        doi=f"10.{rng.randint(1000, 9999)}/x{i}" if rng.random() < 0.5 else "",
        arxiv=f"{rng.randint(15, 24)}{rng.randint(1, 12):02d}.{rng.randint(0, 99999):05d}"
        if rng.random() < 0.4
        else "",
        keywords=tuple(rng.sample(WORDS, 2)),
        extra={"eprintclass": "cs.LG"} if rng.random() < 0.2 else {},
    )


def timed(label: str, function, *args):
    """Wall and CPU time of one step (CPU time is the fairer figure on a shared machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    print(f"{label:<28} {time.perf_counter() - wall:7.2f} s wall {time.process_time() - cpu:7.2f} s cpu")
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = random.Random(1)
    records = [make_record(rng, i) for i in range(count)]
    text = timed(f"write csl-json ({count})", json_writer.write, records)
    back, _ = timed(f"read csl-json ({count})", json_reader.read, text)
    assert len(back) == count
    few = records[: max(1, count // 10)]
    text = timed(f"write csl-yaml ({len(few)})", yaml_writer.write, few)
    back, _ = timed(f"read csl-yaml ({len(few)})", yaml_reader.read, text)
    assert len(back) == len(few)
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
