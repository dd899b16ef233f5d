"""Benchmark: read and write a 100,000-entry .bib, against bibtexparser v2's own parse + write.

    python bench/bibtex_roundtrip.py [--entries 100000] [--dir /tmp/bibconv-bench] [--file some.bib]

Generates a deterministic, varied, real-looking .bib (types, accents in several LaTeX spellings, braces,
month macros and ``#`` concatenation, @string venues, DOIs, arXiv eprints, long author lists), or takes
``--file`` (e.g. ``bench/out/dedupe_100000.bib`` from ``bench/dedupe_bench.py``), then runs each
measurement in its own subprocess and reports wall time, CPU time (user + system of the child: the
figure to compare on a shared machine) and peak memory (ru_maxrss):

  (a) bibtexparser: ``parse_string`` (default stack) + ``write_string``
  (b) bibconv library: ``readers.bibtex.read`` + ``writers.bibtex.write``
  (c) the CLI: ``bibconv convert big.bib -o out.bib --no-dedupe`` (when the CLI is installed)
  (d) reading alone: bibtexparser's bare ``parse_string`` against ``readers.bibtex.read`` (issue 5)

Targets (issue 2): (c) within 1.5x of (a); peak memory under 1 GiB. Issue 5 wants the reader well under
the bare parse (about 0.6x), so that read + dedupe + write fits in 1.5x of it.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

GIVEN = ["Elias", "Saleh", "Torsten", "Dan", "Tim", "Mike", "Younes", "Luke", "Jörg", "José", "Jiří", "Iván",
         "Loïc", "Øyvind", "Wei", "Xiaoming", "Yuhang", "Ji", "Song", "Amir", "Noam", "Ashish", "Łukasz",
         "Niki", "Jakob", "Llion", "Aidan", "Illia", "Geoffrey", "Yann", "Yoshua", "Christopher", "Percy",
         "Fei-Fei", "Kaiming", "Ross", "Ilya", "Oriol", "Quoc", "Jeff", "Sanjeev", "Tri", "Beidi", "Zhuohan"]  # fmt: skip
FAMILY = ["Frantar", "Ashkboos", "Hoefler", "Alistarh", "Dettmers", "Lewis", "Belkada", "Zettlemoyer",
          "M{\\\"u}ller", "Gonz\\'{a}lez", "Ji\\v{r}\\'{\\i}k", "Ca\\~{n}ete", "Fran\\c{c}ois", "{\\L}ukasiewicz",
          "Nyg{\\aa}rd", "Stra{\\ss}e", "Li", "Wang", "Zhang", "Chen", "Liu", "Han", "Mao", "Dally", "Shazeer",
          "Vaswani", "Parmar", "Uszkoreit", "Jones", "Gomez", "Kaiser", "Polosukhin", "Hinton", "LeCun",
          "Bengio", "Manning", "Liang", "He", "Girshick", "Sutskever", "Vinyals", "Le", "Dean", "Arora", "Dao"]  # fmt: skip
PARTICLES = ["van der", "de", "von", "de la"]
WORDS = ["quantization", "sparse", "attention", "efficient", "inference", "large", "language", "models",
         "pruning", "distillation", "low-rank", "adaptation", "memory", "throughput", "scaling", "laws",
         "transformers", "mixture", "experts", "retrieval", "alignment", "kernels", "hardware", "training",
         "post-training", "accurate", "fast", "robust", "learning", "representations", "graph", "networks"]  # fmt: skip
ACRONYMS = ["{GPTQ}", "{LLM}s", "{BERT}", "{LLaMA}", "{SqueezeLLM}", "{AWQ}", "{GPT-4}", "{FlashAttention}",
            "{LoRA}", "{QLoRA}", "{MoE}", "{SmoothQuant}", "$\\alpha$-entmax", "{$O(n \\log n)$}"]  # fmt: skip
STRINGS = {"icml": "International Conference on Machine Learning",
           "neurips": "Advances in Neural Information Processing Systems",
           "acl": "Proceedings of the Annual Meeting of the Association for Computational Linguistics",
           "jmlr": "Journal of Machine Learning Research", "tpami": "IEEE Transactions on Pattern Analysis and "
           "Machine Intelligence"}  # fmt: skip
JOURNALS = ["Nature", "Science", "Zeitschrift f{\\\"u}r Physik", "Transactions on Machine Learning Research",
            "Communications of the {ACM}", "Neural Computation"]  # fmt: skip
PUBLISHERS = ["Springer", "{MIT} Press", "Curran Associates, Inc.", "{PMLR}", "{ACM}", "{IEEE}"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _person(rng: random.Random) -> str:
    roll = rng.random()
    family = rng.choice(FAMILY)
    given = rng.choice(GIVEN)
    if roll < 0.05:
        return f"{rng.choice(PARTICLES)} {family}, {given}"
    if roll < 0.5:
        return f"{family}, {given}"
    if roll < 0.6:
        return f"{family}, {given[0]}."
    return f"{given} {family}"


def _title(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 12))]
    if rng.random() < 0.6:
        words.insert(rng.randrange(len(words)), rng.choice(ACRONYMS))
    title = " ".join(words)
    title = title[0].upper() + title[1:]
    if rng.random() < 0.3:
        title = f"{rng.choice(ACRONYMS)}: {title}"
    if rng.random() < 0.2:  # Title Case, leaving braced and math words alone
        title = " ".join(w[0].upper() + w[1:] if w[0].isalpha() else w for w in title.split())
    return title


def _entry(rng: random.Random, index: int) -> str:
    kind = rng.choices(["article", "inproceedings", "misc", "book", "techreport", "phdthesis"], [35, 40, 15, 4, 3, 3])[0]
    people = [_person(rng) for _ in range(rng.choice([1, 2, 3, 4, 5, 6, 8, 12, 20]))]
    if rng.random() < 0.03:
        people.append("others")
    year = rng.randint(1990, 2025)
    stem = "".join(ch for ch in rng.choice(FAMILY) if ch.isascii() and ch.isalpha()).lower()
    key = f"{stem[:8]}{year}{rng.choice(WORDS)[:6]}{index}"
    quote = rng.random() < 0.2
    fields = [("title", _title(rng)), ("author", " and ".join(people))]
    if kind == "article":
        fields.append(("journal", rng.choice(JOURNALS)))
        fields += [("volume", str(rng.randint(1, 60))), ("number", str(rng.randint(1, 12)))]
    elif kind == "inproceedings":
        fields.append(("booktitle", None))
    elif kind == "misc" and rng.random() < 0.5:
        fields.append(("journal", f"arXiv preprint arXiv:{year % 100:02d}{rng.randint(1, 12):02d}.{rng.randint(1, 29999):05d}"))
    elif kind in ("book", "techreport"):
        fields.append(("publisher" if kind == "book" else "institution", rng.choice(PUBLISHERS)))
        fields.append(("address", "Cambridge, MA"))
    else:
        fields.append(("school", "Universit{\\'e} de Montr{\\'e}al"))
    first = rng.randint(1, 2000)
    fields.append(("pages", f"{first}{rng.choice(['--', '-'])}{first + rng.randint(1, 30)}"))
    fields.append(("year", str(year)))
    if rng.random() < 0.5:
        fields.append(("month", None))
    if rng.random() < 0.6:
        fields.append(("doi", f"10.{rng.randint(1000, 9999)}/{rng.choice(WORDS)}.{year}.{index}"))
    if rng.random() < 0.3:
        fields.append(("eprint", f"{year % 100:02d}{rng.randint(1, 12):02d}.{rng.randint(1, 29999):05d}"))
        fields.append(("archiveprefix", "arXiv"))
    if rng.random() < 0.3:
        fields.append(("url", f"https://example.org/papers/{index}_{rng.choice(WORDS)}.pdf"))
    if rng.random() < 0.1:
        fields.append(("abstract", " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120)))))
    lines = []
    for name, value in fields:
        if name == "booktitle":
            macro = rng.choice(list(STRINGS))
            lines.append(f"  booktitle = {macro} # \" {year}\"" if rng.random() < 0.5 else f"  booktitle = {macro}")
        elif name == "month":
            lines.append(f"  month = {rng.choice(MONTHS)}")
        elif name in ("year", "volume", "number") and rng.random() < 0.5:
            lines.append(f"  {name} = {value}")
        elif quote and "\"" not in value:
            lines.append(f"  {name} = \"{value}\"")
        else:
            lines.append(f"  {name} = {{{value}}}")
    return f"@{kind}{{{key},\n" + ",\n".join(lines) + "\n}\n"


def generate(path: Path, entries: int, seed: int = 20240601) -> None:
    rng = random.Random(seed)
    parts = ["% generated by bench/bibtex_roundtrip.py\n"]
    parts += [f"@string{{{name} = \"{value}\"}}\n" for name, value in STRINGS.items()]
    parts += [_entry(rng, i) for i in range(entries)]
    path.write_text("\n".join(parts), encoding="utf-8")


# --- measurements, each in a fresh interpreter --------------------------------------------------------

_BIBTEXPARSER = """
import bibtexparser, sys
text = open(sys.argv[1], encoding="utf-8").read()
library = bibtexparser.parse_string(text)
out = bibtexparser.write_string(library)
open(sys.argv[2], "w", encoding="utf-8").write(out)
"""
_BIBCONV = """
import sys
from bibconv.readers.bibtex import read
from bibconv.writers.bibtex import write
text = open(sys.argv[1], encoding="utf-8").read()
records, report = read(text, file=sys.argv[1])
open(sys.argv[2], "w", encoding="utf-8").write(write(records))
"""
_BARE_PARSE = """
import bibtexparser, sys
bibtexparser.parse_string(open(sys.argv[1], encoding="utf-8").read())
"""
_READ = """
import sys
from bibconv.readers.bibtex import read
read(open(sys.argv[1], encoding="utf-8").read(), file=sys.argv[1])
"""
_MEASURE = """
import resource, subprocess, sys, time, json
start = time.perf_counter()
done = subprocess.run(sys.argv[1:])
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
peak = usage.ru_maxrss * 1024
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"seconds": elapsed, "cpu": cpu, "peak_bytes": peak, "rc": done.returncode}))
"""


def measure(command: list[str]) -> dict[str, float]:
    """Wall time and peak RSS of ``command`` run in its own process."""
    out = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--dir", default=None, help="work directory (default: a temporary one, removed after)")
    parser.add_argument("--file", default=None, help="measure this .bib instead of a generated one")
    args = parser.parse_args()
    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="bibconv-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.file:
        big = Path(args.file)
        print(f"{big}: {big.stat().st_size / 1e6:.1f} MB")
    else:
        big = work / "big.bib"
        generate(big, args.entries)
        print(f"{big}: {args.entries} entries, {big.stat().st_size / 1e6:.1f} MB")
    runs = {
        "bibtexparser parse_string + write_string": [sys.executable, "-c", _BIBTEXPARSER, str(big), str(work / "bp.bib")],
        "bibconv read + write (library)": [sys.executable, "-c", _BIBCONV, str(big), str(work / "lib.bib")],
    }
    cli = shutil.which("bibconv")
    if cli:
        runs["bibconv convert big.bib -o out.bib --no-dedupe"] = [cli, "convert", str(big), "-o", str(work / "out.bib"), "--no-dedupe"]
    runs["bibtexparser parse_string (bare parse)"] = [sys.executable, "-c", _BARE_PARSE, str(big)]
    runs["bibconv readers.bibtex.read"] = [sys.executable, "-c", _READ, str(big)]
    results = {name: measure(command) for name, command in runs.items()}
    bases = {"bibtexparser parse_string + write_string": results["bibtexparser parse_string + write_string"]}
    for name, result in results.items():
        if name == "bibtexparser parse_string (bare parse)":
            bases = {name: result}  # the reading rows below compare with the bare parse
        base = next(iter(bases.values()))
        status = "" if result["rc"] == 0 else f"  (exit code {result['rc']})"
        print(f"{name:50s} wall {result['seconds']:7.2f} s {result['seconds'] / base['seconds']:5.2f}x  "
              f"CPU {result['cpu']:7.2f} s {result['cpu'] / base['cpu']:5.2f}x  "
              f"peak {result['peak_bytes'] / 2**20:7.0f} MiB{status}")
    if not args.dir:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
