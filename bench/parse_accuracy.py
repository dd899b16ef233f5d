"""Field accuracy of the citation parser: render records through CSL styles, parse back, compare.

    python bench/parse_accuracy.py            # test part: held-out records x held-out styles (+ GS form)
    python bench/parse_accuracy.py --all      # also the training styles (on held-out records)
    python bench/parse_accuracy.py --batch 1  # only the first batch of records (the figures before batch 2)
    python bench/parse_accuracy.py --real     # real records of held-out .bib files (train/real_records.json)

Records come from ``train/records.json``; every fifth record (``is_test_record``) and the styles in
``TEST_STYLES`` were never used for training (the rules of ``parser.py`` were written while looking at the
TEST_STYLES errors); ``FRESH_STYLES`` were never used for training nor inspected. The records come in two
batches (``scripts/generate_training_records.py``): the first (``r0``–``r899``) mostly computer science and
medicine, the second (``r900``–) physics references, humanities, works in other languages, edited volumes,
theses and reports of many kinds; ``--batch`` scores one of them. For each style: per-field precision / recall /
F1, where a field counts as true positive when the parsed value equals the expected one after light
normalisation (case, punctuation, spacing, dashes), false positive when a wrong or unexpected value was
produced and false negative when an expected value is missing or wrong.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import citation_corpus as corpus  # noqa: E402

from bibconv.citations import parse_citation  # noqa: E402

FIELDS = (
    "author",
    "title",
    "container",
    "volume",
    "issue",
    "pages",
    "year",
    "publisher",
    "doi",
    "arxiv",
    "type",
)
_TYPE = {
    "article-journal": "article", "paper-conference": "inproceedings", "chapter": "incollection", "book": "book",
    "thesis": "thesis", "report": "techreport", "article": "misc",
}  # fmt: skip


def _norm(value: str) -> str:
    value = unicodedata.normalize("NFKD", value)
    value = "".join(ch for ch in value if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^\w]+", " ", value).split())


def _pages(value: str) -> str:
    parts = re.split(r"\s*[-–]+\s*", value.strip())
    return "–".join(parts)


#: bench field -> label of the rendered tokens showing that the style printed it.
_PRINTED_AS = {"author": "author", "title": "title", "container": "container", "volume": "volume", "issue": "issue",
               "pages": "pages", "year": "date", "publisher": "publisher", "doi": "doi", "arxiv": "arxiv"}  # fmt: skip


def _family(person: dict) -> str:
    return _norm(" ".join(p for p in (person.get("non-dropping-particle", ""), person["family"]) if p))


def expected(record: dict, printed: set[str], text: str) -> dict[str, str]:
    """The values a perfect parser recovers: those of the record that the style printed."""
    arxiv = re.search(r"\d{4}\.\d{4,5}", record.get("number", "")) if record["type"] == "article" else None
    exp = {
        "author": " ; ".join(_family(p) for p in record.get("author", [])),
        "title": _norm(record["title"]),
        "container": _norm(record.get("container-title", "")) if record["type"] != "article" else "",
        "volume": record.get("volume", ""),
        "issue": record.get("issue", ""),
        "pages": _pages(record.get("page", "")),
        "year": str(record["issued"]["date-parts"][0][0]),
        "publisher": _norm(record.get("publisher", "")) if record["type"] != "article" else "",
        "doi": record.get("DOI", "").lower() if record["type"] != "article" else "",
        "arxiv": arxiv.group(0) if arxiv else "",
        "type": _TYPE[record["type"]],
    }
    for field, label in _PRINTED_AS.items():
        if field in ("doi", "arxiv"):  # identifiers count wherever they appear (an arXiv DOI, a URL)
            if exp[field] and exp[field].lower() not in text.lower():
                exp[field] = ""
        elif label not in printed:
            exp[field] = ""
    return exp


def predicted(text: str) -> dict[str, str]:
    record = parse_citation(text).record
    names = [n for n in record.author if not n.others]
    entry_type = record.entry_type
    if entry_type in ("phdthesis", "mastersthesis"):
        entry_type = "thesis"
    return {
        "author": " ; ".join(
            _norm(" ".join(p for p in (n.particle, n.family) if p) or n.literal) for n in names
        ),
        "title": _norm(record.title),
        "container": _norm(record.container_title),
        "volume": record.volume,
        "issue": record.issue,
        "pages": record.page,
        "year": record.year,
        "publisher": _norm(record.publisher),
        "doi": record.doi.lower(),
        "arxiv": record.arxiv,
        "type": entry_type,
    }


def _author_compare(exp: str, got: str) -> bool:
    """Styles truncate author lists ("et al."): the names printed must all be right, in order."""
    exp_names, got_names = exp.split(" ; "), got.split(" ; ")
    return (
        bool(got)
        and got_names == exp_names[: len(got_names)]
        and (len(got_names) == len(exp_names) or len(got_names) >= 1)
    )


def score(pairs: list[tuple[dict, dict]]) -> dict[str, tuple[float, float, float]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    for exp, got in pairs:
        for field in FIELDS:
            e, g = exp[field], got[field]
            c = counts[field]
            if field == "author" and e and g:
                same = _author_compare(e, g)
            else:
                same = e == g
            if e and g and same:
                c[0] += 1
            else:
                if g:
                    c[1] += 1
                if e:
                    c[2] += 1
    result = {}
    for field in FIELDS:
        tp, fp, fn = counts[field]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        result[field] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    total_tp = sum(c[0] for c in counts.values())
    total_fp = sum(c[1] for c in counts.values())
    total_fn = sum(c[2] for c in counts.values())
    p = total_tp / (total_tp + total_fp) if total_tp + total_fp else 1.0
    r = total_tp / (total_tp + total_fn) if total_tp + total_fn else 1.0
    result["ALL"] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return result


def run(styles: tuple[str, ...], records: list[dict], verbose: int) -> list[tuple[dict, dict]]:
    everything: list[tuple[dict, dict]] = []
    for style in styles:
        pairs = []
        for record, text, printed in corpus.labelled_printed(records, style):
            exp, got = expected(record, printed, text), predicted(text)
            pairs.append((exp, got))
            wrong = [
                f
                for f in FIELDS
                if exp[f] != got[f] and not (f == "author" and exp[f] and _author_compare(exp[f], got[f]))
            ]
            if verbose and wrong:
                bad = {f: (exp[f], got[f]) for f in wrong}
                if verbose > 1:
                    print(f"  [{style}] {text}\n      {bad}")
        everything.extend(pairs)
        res = score(pairs)
        line = "  ".join(f"{f}={res[f][2]:.3f}" for f in FIELDS)
        print(f"{style:45s} n={len(pairs):4d} F1={res['ALL'][2]:.3f}  {line}")
    return everything


#: Records ``r0`` … ``r899`` are the first batch of ``scripts/generate_training_records.py``, the rest the second.
FIRST_BATCH_SIZE = 900


def _in_batch(record: dict, batch: int | None) -> bool:
    if batch is None:
        return True
    first = int(record["id"].lstrip("r")) < FIRST_BATCH_SIZE
    return first if batch == 1 else not first


def real_records() -> None:
    """The held-out files of the real records through every style: the held-out styles, as above, and the
    training styles too (the records, from bibliographies never seen in training, are what is new)."""
    records = json.loads((ROOT / "train" / "real_records.json").read_text(encoding="utf-8"))
    test_records = [r for r in records if corpus.is_test_file(r["source"])]
    files = len({r["source"] for r in test_records})
    print(f"== REAL: {len(test_records)} records of {files} held-out .bib files, Google Scholar MLA form")
    run(("google-scholar-mla",), test_records, 0)
    for name, styles in (
        ("held-out styles", corpus.TEST_STYLES + corpus.FRESH_STYLES),
        ("training styles", tuple(s for s in corpus.TRAIN_STYLES if s != "google-scholar-mla")),
    ):
        print(f"== REAL: {name}")
        res = score(run(styles, test_records, 0))
        print(f"overall (real records, {name}):", "  ".join(f"{f}={f1:.3f}" for f, (_p, _r, f1) in res.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--all", action="store_true", help="also report the training styles (held-out records)"
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="-vv prints every wrong citation")
    parser.add_argument(
        "--batch", type=int, choices=(1, 2), help="only the records of one batch of train/records.json"
    )
    parser.add_argument(
        "--real", action="store_true",
        help="real records (train/real_records.json) of the held-out source files, in every style",
    )
    args = parser.parse_args()
    if args.real:
        real_records()
        return
    records = json.loads((ROOT / "train" / "records.json").read_text(encoding="utf-8"))
    test_records = [r for r in records if corpus.is_test_record(r) and _in_batch(r, args.batch)]
    print(f"== Google Scholar MLA form, {len(test_records)} held-out records")
    run(("google-scholar-mla",), test_records, args.verbose)
    print(f"== TEST: {len(corpus.TEST_STYLES)} held-out styles x {len(test_records)} held-out records")
    pairs = run(corpus.TEST_STYLES, test_records, args.verbose)
    res = score(pairs)
    print(
        "overall (test part):",
        "  ".join(f"{f}: P={p:.3f} R={r:.3f} F1={f1:.3f}" for f, (p, r, f1) in res.items()),
    )
    print(f"== FRESH: {len(corpus.FRESH_STYLES)} held-out styles never inspected citation by citation")
    pairs = run(corpus.FRESH_STYLES, test_records, 0)
    res = score(pairs)
    print("overall (fresh part):", "  ".join(f"{f}: F1={f1:.3f}" for f, (p, r, f1) in res.items()))
    if args.all:
        print("== training styles (held-out records)")
        pairs = run(
            tuple(s for s in corpus.TRAIN_STYLES if s != "google-scholar-mla"), test_records, args.verbose
        )
        res = score(pairs)
        print("overall (training styles):", f"F1={res['ALL'][2]:.3f}")


if __name__ == "__main__":
    main()
