"""Build ``train/real_records.json``: real bibliographic records, for training and testing the citation parser.

    python scripts/extract_real_records.py DIR...      # every .bib file under the directories

The synthetic records of ``train/records.json`` come from hand-written pools of names, titles and venues;
a labeller trained on them alone learns those pools' vocabulary. These records are real: entries of the
``.bib`` files that TeX Live ships (Debian packages ``texlive-bibtex-extra``, ``texlive-lang-german``,
``texlive-publishers``, ``texlive-publishers-doc``, ``texlive-science-doc``, ``texlive-humanities-doc``,
``texlive-latex-extra-doc``: Beebe's typesetting and printing-history bibliographies, TUGboat, Die TeXnische
Komödie, archaeology, physics, medicine, economics, theses in several languages), read with bibconv's own
BibTeX reader and kept as CSL-JSON. To get the files::

    apt-get download texlive-bibtex-extra ... && dpkg -x <package>.deb tex/

Each record keeps the file it came from (``source``): ``bench/parse_accuracy.py --real`` tests on whole
files never used in training (``is_test_file``), so its figure measures other people's bibliographies, not
other entries of the same ones. Deterministic: same files, same records.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from citation_corpus import is_test_file  # noqa: E402

from bibconv import api  # noqa: E402
from bibconv.errors import BibconvError  # noqa: E402
from bibconv.writers.csljson import record_to_csl  # noqa: E402

OUT = ROOT / "train" / "real_records.json"
#: At most this many records per held-out file, so that one big file does not make the test one journal's.
PER_TEST_FILE = 150
#: At most this many per training file (TUGboat alone has 4,800 entries).
PER_TRAINING_FILE = 400
KEPT_VARIABLES = (
    "type", "title", "author", "editor", "issued", "container-title", "collection-title", "volume", "issue",
    "page", "publisher", "publisher-place", "DOI", "edition", "genre", "number",
)  # fmt: skip
#: CSL variables each type needs so that every style prints a complete reference.
REQUIRED = {
    "article-journal": ("container-title",), "paper-conference": ("container-title",), "book": ("publisher",),
    "chapter": ("container-title", "publisher"), "thesis": ("publisher",), "report": ("publisher",),
}  # fmt: skip
_MARKUP = re.compile(r"<[^>]+>")
_TEX_LEFT = re.compile(r"[\\{}$^_]")


def csl_item(record) -> dict | None:
    """The record as a CSL-JSON item the corpus renderers can print, or None when it is unusable:
    no year, no names, TeX left undecoded, or a field its type needs missing."""
    try:
        item = record_to_csl(record, item_id="x", keep_others=False)
    except Exception:  # a record the CSL writer cannot map is of no use here
        return None
    if item.get("type") not in REQUIRED or "date-parts" not in item.get("issued", {}):
        return None
    people = item.get("author", []) + item.get("editor", [])
    if not people or not all(person.get("family") for person in people):
        return None
    item = {key: item[key] for key in KEPT_VARIABLES if key in item}
    for key, value in item.items():
        if isinstance(value, str):
            value = item[key] = " ".join(_MARKUP.sub("", value).split())
            if _TEX_LEFT.search(value):
                return None
    item["issued"] = {"date-parts": [item["issued"]["date-parts"][0][:1]]}
    for key in [key for key, value in item.items() if isinstance(value, str) and "?" in value and key != "title"]:
        del item[key]  # Beebe's "??--??": pages (or a volume) not known yet
    if item["type"] in ("book", "thesis", "report"):
        item.pop("page", None)  # a book's "pages" is its page count ("x + 103"), which styles print apart
    if not item.get("title") or not all(item.get(key) for key in REQUIRED[item["type"]]):
        return None
    return item


def records_of(path: Path, name: str) -> list[dict]:
    try:
        records, _report = api.read_file(str(path))
    except BibconvError:
        try:
            records, _report = api.read_file(str(path), encoding="latin-1")
        except BibconvError:
            return []
    items, seen = [], set()
    for record in records:
        item = csl_item(record)
        if item is not None and item["title"].lower() not in seen:
            seen.add(item["title"].lower())
            item["source"] = name
            items.append(item)
    random.Random(name).shuffle(items)
    return items[: PER_TEST_FILE if is_test_file(name) else PER_TRAINING_FILE]


def main() -> None:
    roots = [Path(arg) for arg in sys.argv[1:]]
    if not roots:
        sys.exit(__doc__)
    files: dict[str, Path] = {}
    contents: set[bytes] = set()
    for root in roots:
        for path in sorted(root.rglob("*.bib")):
            digest = hashlib.sha1(path.read_bytes()).digest()
            if digest not in contents:  # one copy of the files several packages ship
                contents.add(digest)
                files.setdefault("/".join(path.parts[-2:]), path)
    out: list[dict] = []
    titles: set[str] = set()
    for name, path in sorted(files.items()):
        for item in records_of(path, name):
            if item["title"].lower() not in titles:
                titles.add(item["title"].lower())
                out.append(item)
    for number, item in enumerate(out):
        item["id"] = f"q{number}"
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    test = sum(is_test_file(item["source"]) for item in out)
    print(f"wrote {OUT}: {len(out)} records from {len({i['source'] for i in out})} files ({test} held out)")


if __name__ == "__main__":
    main()
