"""Dedupe benchmark: bibconv vs bibtex-tidy vs bibtexparser's bare parse, on planted duplicates.

    python bench/dedupe_bench.py                       # 1k, 10k, 100k entries, every tool
    python bench/dedupe_bench.py --sizes 1000 10000    # smaller run
    python bench/dedupe_bench.py --tools bibconv       # one tool

Each size gets a deterministic ``.bib`` (seed 7) built from varied real-looking entries: unique works,
duplicates planted in every form the dedupe must catch (same DOI in a Scholar-style export, DBLP-style
export without DOI, arXiv preprint of a published paper with and without its eprint, LaTeX accents vs
unicode, case and punctuation, Scholar-mangled titles, typos, titles without their ``Name:`` prefix,
titles changed between preprint and publication linked by the arXiv id, ``{OpenAI}`` vs the author list,
``@online``/``@software`` with the same URL, exact repeats), and hard negatives it must keep apart
(sequels ``Foo 2``/``Foo 3``, ``Part I``/``Part II``, ``-V2``; recurring ``Editorial`` columns in different
issues; common titles by different first authors; conference and journal versions with different DOIs;
one key used by two different works). The ground truth is the work each entry (by its first line)
belongs to.

Every tool runs in its own subprocess; time is wall time, memory the child's peak RSS (``wait4``); the
bibconv and bibtexparser children end with ``os._exit`` after printing, as bibconv's console script does
(neither time includes the interpreter's teardown); the
notes give bibconv's read, dedupe and write steps in wall and CPU time (on a shared machine CPU time is
the figure to compare).
Pair precision/recall compare the pairs of entries put together with the planted pairs. bibtex-tidy
(``npm install -g bibtex-tidy``, 1.14) runs with ``--duplicates --merge=combine`` on stdin; to see what it merged, each
entry carries one field of its own (``bmk<line>``), which ``combine`` keeps on the surviving entry.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Generated files (git-ignored; the 100k-entry files are ~30 MB each).
OUT = HERE / "out"

# --- vocabulary -------------------------------------------------------------------------------------

ADJ = """efficient scalable robust sparse adaptive hierarchical differentiable federated contrastive
causal probabilistic bayesian neural quantized low-rank multimodal self-supervised unsupervised
semi-supervised generative discriminative lightweight distributed asynchronous interpretable stable
fast accurate private fair secure dynamic structured latent implicit explicit recurrent convolutional
graph-based attention-based energy-based kernel variational deterministic stochastic optimal universal
continual incremental compositional spectral geometric temporal spatial""".split()
NOUN = """transformers language models representations embeddings networks graphs kernels policies
agents retrieval quantization pruning distillation compression inference training optimization
attention memory reasoning planning segmentation detection tracking recognition translation
summarization generation alignment calibration uncertainty robustness generalization sampling
diffusion flows autoencoders priors features tokens experts adapters prompts gradients
estimators codes molecules proteins images videos speech point clouds trajectories dialogues""".split()
TASKS = [
    "question answering", "image classification", "machine translation", "object detection",
    "speech recognition", "drug discovery", "protein folding", "time series forecasting",
    "recommendation", "code generation", "text classification", "semantic parsing",
    "named entity recognition", "visual navigation", "robotic manipulation", "anomaly detection",
    "weather prediction", "medical imaging", "sentiment analysis", "information extraction",
    "graph classification", "link prediction", "few-shot learning", "reinforcement learning",
    "causal discovery", "audio synthesis", "program synthesis", "theorem proving",
]  # fmt: skip
SYL = "ze ro qu ant smo oth gp tq lo ra fla sh mi st ral gem ma qw en vi cu na ori on del ta hy per ne xus".split()
GIVEN = """Tim Mike Younes Luke Elias Saleh Dan Hugo Guillaume Ashish Noam Niki Jakob Llion Aidan Lukasz
Illia Yuhang Zhewei Xiaoxia Cheng Wei Jing Hao Yang Li Ming Chen Sofia Mateo Lucía Ana João Pedro Marie
Jean Pierre Søren Åsa Jürgen Zoë François Chloé Ingrid Olaf Hiroshi Yuki Kenji Aiko Priya Arjun Ravi
Anjali Fatima Omar Layla Tomasz Katarzyna Ivan Olga Dmitri Elena Kwame Amara Chidi Ngozi""".split()
FAMILY = """Dettmers Lewis Belkada Zettlemoyer Frantar Ashkboos Hoefler Alistarh Touvron Lavril Izacard
Vaswani Shazeer Parmar Uszkoreit Jones Gomez Kaiser Polosukhin Yao Wu Zhang Wang Li Liu Chen Yang Huang
Zhao Zhou Xu Sun Ma Hu Guo He Lin Luo Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker
García Martínez López González Rodríguez Pérez Sánchez Ramírez Torres Nguyen Tran Kim Park Lee Choi
Sato Suzuki Takahashi Tanaka Kowalski Nowak Ivanov Smirnov Kuznetsov Popov Okafor Mensah Dubois
Lefèvre Moreau Girard Øster Björk Núñez Gödel Erdős Brontë Johansson Andersson Nilsson Rossi Russo
Ferrari Esposito Bianchi Romano Colombo Costa Silva Santos Oliveira Souza Pereira Carvalho""".split()
PARTICLE_FAMILIES = [
    ("van der", "Maaten"),
    ("de", "Sa"),
    ("von", "Neumann"),
    ("Le", "Cun"),
    ("di", "Stefano"),
]
JOURNALS = [
    ("Journal of Machine Learning Research", "JMLR"),
    ("Transactions on Machine Learning Research", "TMLR"),
    ("IEEE Transactions on Pattern Analysis and Machine Intelligence", "IEEE TPAMI"),
    ("Nature Machine Intelligence", "Nat. Mach. Intell."),
    ("Computational Linguistics", "Comput. Linguist."),
    ("Artificial Intelligence", "Artif. Intell."),
    ("Neural Computation", "Neural Comput."),
    ("Bioinformatics", "Bioinformatics"),
    ("Physical Review Letters", "Phys. Rev. Lett."),
    ("Communications of the ACM", "Commun. ACM"),
]
CONFERENCES = [
    ("Advances in Neural Information Processing Systems", "Proc. of NeurIPS", "nips"),
    ("International Conference on Machine Learning", "Proc. of ICML", "icml"),
    ("International Conference on Learning Representations", "ICLR", "iclr"),
    (
        "Proceedings of the Annual Meeting of the Association for Computational Linguistics",
        "Proc. of ACL",
        "acl",
    ),
    ("Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition", "CVPR", "cvpr"),
    ("Proceedings of the Conference on Empirical Methods in Natural Language Processing", "EMNLP", "emnlp"),
    ("Proceedings of the AAAI Conference on Artificial Intelligence", "AAAI", "aaai"),
]
COLUMNS = ["Editorial", "Book Reviews", "Letter from the Editor", "In This Issue", "Erratum"]
ORGS = ["OpenAI", "Google DeepMind", "Anthropic", "Meta AI", "Mistral AI"]
LATEX = {"ü": '{\\"u}', "ö": '{\\"o}', "é": "{\\'e}", "á": "{\\'a}", "í": "{\\'i}", "ó": "{\\'o}", "ú": "{\\'u}",
         "è": "{\\`e}", "ç": "{\\c{c}}", "ø": "{\\o}", "Ø": "{\\O}", "å": "{\\aa}", "Å": "{\\AA}", "ñ": "{\\~n}",
         "ë": '{\\"e}', "ő": "{\\H{o}}", "ß": "{\\ss}", "Ö": '{\\"O}', "Ü": '{\\"U}'}  # fmt: skip


# --- entries ----------------------------------------------------------------------------------------


@dataclass
class Entry:
    """One generated .bib entry and the work it belongs to."""

    work: int
    entry_type: str
    key: str
    fields: dict[str, str] = field(default_factory=dict)
    authors: list[str] = field(default_factory=list)  # "Family, Given" or "{Org}"
    latex: bool = False  # write accents as LaTeX


@dataclass
class Work:
    id: int
    title: str
    head: str  # "Name" of "Name: rest", or ""
    authors: list[tuple[str, str]]  # (family, given)
    year: int
    kind: str  # journal / conference
    venue: tuple[str, ...]
    volume: str
    number: str
    pages: str
    doi: str
    arxiv: str


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.next_work = 0
        self.keys: set[str] = set()
        self.arxiv_seq = 0
        self.doi_seq = 0
        self.column_page = 0
        self.report_names: set[str] = set()

    # ids
    def new_arxiv(self, year: int) -> str:
        self.arxiv_seq += 1
        return f"{year % 100:02d}{self.rng.randint(1, 12):02d}.{self.arxiv_seq % 100000:05d}"

    def new_doi(self) -> str:
        self.doi_seq += 1
        prefix = self.rng.choice(["10.1109", "10.1145", "10.1007", "10.1016", "10.18653", "10.1038"])
        return f"{prefix}/bench.{self.doi_seq}"

    def key(self, base: str) -> str:
        key = base
        n = 1
        while key in self.keys:
            n += 1
            key = f"{base}{n}"
        self.keys.add(key)
        return key

    # content
    def model_name(self) -> str:
        rng = self.rng
        name = "".join(rng.choice(SYL) for _ in range(rng.randint(2, 3)))
        name = name[0].upper() + name[1:]
        if rng.random() < 0.3:
            name = name.upper()[: rng.randint(3, 5)]
        return name

    def phrase(self) -> str:
        rng = self.rng
        return f"{rng.choice(ADJ)} {rng.choice(NOUN)}"

    def title(self) -> tuple[str, str]:
        rng = self.rng
        p = self.phrase()
        pattern = rng.randrange(7)
        if pattern == 0:
            head = self.model_name()
            return head, f"{head}: {p.capitalize()} for {rng.choice(TASKS)}"
        if pattern == 1:
            head = self.model_name()
            return (
                head,
                f"{head}: {rng.choice(['Towards', 'Scaling', 'Rethinking', 'Learning'])} {p} with {self.phrase()}",
            )
        if pattern == 2:
            return (
                "",
                f"On the {rng.choice(['limits', 'role', 'stability', 'expressivity'])} of {p} in {rng.choice(TASKS)}",
            )
        if pattern == 3:
            return "", f"{p.capitalize()} via {self.phrase()} for {rng.choice(TASKS)}"
        if pattern == 4:
            return "", f"Learning {p} from {self.phrase()} and {self.phrase()}"
        if pattern == 5:
            return "", f"{p.capitalize()} and {self.phrase()} for {rng.choice(TASKS)} at scale"
        return "", f"A study of {p} with {self.phrase()} under {rng.choice(ADJ)} {rng.choice(NOUN)}"

    def person(self) -> tuple[str, str]:
        rng = self.rng
        if rng.random() < 0.04:
            particle, family = rng.choice(PARTICLE_FAMILIES)
            return f"{particle} {family}", rng.choice(GIVEN)
        return rng.choice(FAMILY), rng.choice(GIVEN)

    def work(self) -> Work:
        rng = self.rng
        head, title = self.title()
        year = rng.randint(1995, 2024)
        kind = rng.choice(["journal", "conference", "conference"])
        venue = rng.choice(JOURNALS) if kind == "journal" else rng.choice(CONFERENCES)
        first = rng.randint(1, 3000)
        self.next_work += 1
        return Work(
            id=self.next_work,
            title=title,
            head=head,
            authors=[self.person() for _ in range(rng.randint(1, 8))],
            year=year,
            kind=kind,
            venue=venue,
            volume=str(rng.randint(1, 60)),
            number=str(rng.randint(1, 12)),
            pages=f"{first}--{first + rng.randint(5, 30)}",
            doi=self.new_doi() if rng.random() < 0.7 else "",
            arxiv=self.new_arxiv(year) if year >= 2008 and rng.random() < 0.45 else "",
        )

    # renderings of a work
    def published(self, w: Work, *, doi: bool = True, eprint: bool = True, latex: bool = False) -> Entry:
        fam = _ascii(w.authors[0][0]).replace(" ", "").lower()
        first_word = next((x for x in _ascii(w.title).lower().split() if len(x) > 3), "paper")
        key = self.key(f"{fam}{w.year}{''.join(c for c in first_word if c.isalnum())}")
        f = {"title": w.title, "year": str(w.year), "pages": w.pages}
        if w.kind == "journal":
            etype = "article"
            f |= {"journal": w.venue[0], "volume": w.volume, "number": w.number}
        else:
            etype = "inproceedings"
            f["booktitle"] = w.venue[0]
        if doi and w.doi:
            f["doi"] = w.doi
        if eprint and w.arxiv:
            f |= {"eprint": w.arxiv, "archiveprefix": "arXiv"}
        return Entry(w.id, etype, key, f, [f"{fam_}, {giv}" for fam_, giv in w.authors], latex)

    def scholar(self, w: Work) -> Entry:
        """Google Scholar export: sentence case, 'and others', no DOI, abbreviated-ish venue."""
        e = self.published(w, doi=False, eprint=False)
        e.key = self.key(e.key + "s")
        e.fields["title"] = _sentence_case(w.title)
        if len(e.authors) > 3:
            e.authors = e.authors[:3] + ["others"]
        if w.kind == "conference":
            e.fields["booktitle"] = w.venue[1]
        return e

    def dblp(self, w: Work) -> Entry:
        e = self.published(w, doi=self.rng.random() < 0.5, eprint=False)
        short = (
            w.venue[2] if w.kind == "conference" else "journals/" + w.venue[1].split()[0].lower().strip(".")
        )
        e.key = self.key(f"DBLP:conf/{short}/{_ascii(w.authors[0][0]).replace(' ', '')}{w.year % 100:02d}")
        if w.kind == "conference":
            e.fields["booktitle"] = w.venue[1]
        return e

    def preprint(self, w: Work, *, title: str | None = None) -> Entry:
        rng = self.rng
        year = w.year - (1 if rng.random() < 0.4 else 0)
        arxiv = w.arxiv or self.new_arxiv(year)
        w.arxiv = arxiv
        fam = _ascii(w.authors[0][0]).replace(" ", "").lower()
        f = {"title": title or w.title, "year": str(year)}
        if rng.random() < 0.5:
            etype = "article"
            f["journal"] = f"arXiv preprint arXiv:{arxiv}"
        else:
            etype = "misc"
            f |= {"eprint": arxiv, "archiveprefix": "arXiv", "primaryclass": "cs.LG"}
        return Entry(w.id, etype, self.key(f"{fam}{year}arxiv"), f, [f"{a}, {g}" for a, g in w.authors])

    def mangled(self, w: Work) -> Entry:
        """Scholar mangling of the name before the colon (``LLM.int8()`` -> ``Gpt3. int8 ()``)."""
        e = self.scholar(w)
        title = e.fields["title"]
        if w.head:
            garbled = w.head.lower()
            garbled = garbled[:2] + ". " + garbled[2:] + " ()" if len(garbled) > 3 else garbled + "s"
            title = garbled + title[len(w.head) :]
        e.fields["title"] = title
        return e

    def variants(self, w: Work) -> list[Entry]:
        """The published entry plus 1–2 duplicates of varied kinds."""
        rng = self.rng
        kinds = ["scholar", "dblp", "preprint", "preprint_linked", "latex", "case", "mangled", "typo",
                 "prefix", "retitled", "repeat"]  # fmt: skip
        chosen = rng.sample(kinds, rng.choice([1, 1, 1, 2]))
        needs_eprint = "retitled" in chosen
        base = self.published(w, eprint=needs_eprint or rng.random() < 0.5)
        out = [base]
        for kind in chosen:
            if kind == "scholar":
                out.append(self.scholar(w))
            elif kind == "dblp":
                out.append(self.dblp(w))
            elif kind in ("preprint", "preprint_linked"):
                out.append(self.preprint(w))
                if kind == "preprint_linked" and w.arxiv:
                    base.fields |= {"eprint": w.arxiv, "archiveprefix": "arXiv"}
            elif kind == "latex":
                e = self.published(w, doi=rng.random() < 0.5, eprint=False, latex=True)
                out.append(e)
            elif kind == "case":
                e = self.published(w, doi=False, eprint=False)
                e.fields["title"] = _recase(rng, w.title)
                out.append(e)
            elif kind == "mangled":
                out.append(self.mangled(w))
            elif kind == "typo":
                e = self.published(w, doi=False, eprint=False)
                e.fields["title"] = _typo(rng, w.title)
                out.append(e)
            elif kind == "prefix":
                e = self.published(w, doi=False, eprint=False)
                if w.head:
                    e.fields["title"] = w.title[len(w.head) + 2 :]
                out.append(e)
            elif kind == "retitled":
                new_title = f"{self.phrase().capitalize()} for {rng.choice(TASKS)}"
                if not w.arxiv:
                    w.arxiv = self.new_arxiv(w.year)
                base.fields |= {"eprint": w.arxiv, "archiveprefix": "arXiv"}
                out.append(self.preprint(w, title=new_title))
            elif kind == "repeat":
                e = Entry(w.id, base.entry_type, base.key, dict(base.fields), list(base.authors))
                out.append(e)  # the same entry listed in two sections, same key
        return out

    # hard negatives: each returns entries of two or more different works
    def sequel(self) -> list[Entry]:
        rng = self.rng
        w = self.work()
        style = rng.randrange(3)
        name = w.head or self.model_name()
        rest = w.title.split(": ", 1)[-1]
        if style == 0:
            titles = [f"{name} {n}: {rest}" for n in (2, 3)]
        elif style == 1:
            titles = [f"{rest}, Part {p}" for p in ("I", "II")]
        else:
            titles = [f"{name}: {rest}", f"{name}-V2: {rest}"]
        out = []
        for i, title in enumerate(titles):
            v = Work(**{**w.__dict__, "id": self.next_work + 1, "title": title, "year": w.year + i,
                        "doi": self.new_doi() if rng.random() < 0.5 else "", "arxiv": "", "head": ""})  # fmt: skip
            self.next_work += 1
            out.append(self.published(v))
        return out

    def columns(self) -> list[Entry]:
        rng = self.rng
        journal = rng.choice(JOURNALS)
        title = rng.choice(COLUMNS)
        editor = self.person()
        year = rng.randint(2000, 2024)
        out = []
        for issue in range(1, rng.randint(3, 5)):
            self.next_work += 1
            self.column_page += 3  # distinct pages: two columns never share journal, issue and pages
            first = self.column_page
            f = {"title": title, "journal": journal[0], "year": str(year), "volume": str(year - 1990),
                 "number": str(issue), "pages": f"{first}--{first + 2}"}  # fmt: skip
            if rng.random() < 0.3:
                f["doi"] = self.new_doi()
            authors = [f"{editor[0]}, {editor[1]}"] if rng.random() < 0.7 else []
            out.append(
                Entry(self.next_work, "article", self.key(f"{title.split()[0].lower()}{year}"), f, authors)
            )
        return out

    def common_title(self) -> list[Entry]:
        rng = self.rng
        title = f"A survey on {rng.choice(TASKS)}"
        year = rng.randint(2015, 2024)
        out = []
        for _ in range(2):
            w = self.work()
            w.title, w.head, w.year, w.doi = title, "", year, ""
            out.append(self.published(w))
        if _family_key(out[0]) == _family_key(out[1]):
            out.pop()
        return out

    def extended_version(self) -> list[Entry]:
        """Conference paper and its journal extension: same title and authors, different DOIs."""
        w = self.work()
        w.kind, w.venue = "conference", self.rng.choice(CONFERENCES)
        w.doi, w.arxiv = self.new_doi(), ""
        first = self.published(w)
        self.next_work += 1
        j = Work(**{**w.__dict__, "id": self.next_work, "kind": "journal", "venue": self.rng.choice(JOURNALS),
                    "year": w.year + 1, "doi": self.new_doi()})  # fmt: skip
        return [first, self.published(j)]

    def shared_key(self) -> list[Entry]:
        a, b = self.published(self.work()), self.published(self.work())
        b.key = a.key
        return [a, b]

    def org_report(self) -> list[Entry]:
        rng = self.rng
        org = rng.choice(ORGS)
        w = self.work()
        name = self.model_name()
        while name.lower() in self.report_names:  # a report title names one model: never reused
            name = self.model_name() + self.model_name().lower()
        self.report_names.add(name.lower())
        w.title = f"{name} {rng.randint(2, 9)} Technical Report"
        w.kind, w.arxiv, w.doi = "conference", self.new_arxiv(w.year) if w.year >= 2008 else "", ""
        people = self.published(w, eprint=False)
        people.entry_type = "misc"
        people.fields = {"title": w.title, "year": str(w.year)}
        corp = Entry(w.id, "misc", self.key(org.split()[0].lower() + str(w.year)), {"title": w.title, "year": str(w.year)},
                     ["{" + org + "}"])  # fmt: skip
        if rng.random() < 0.5 and w.arxiv:
            people.fields |= {"eprint": w.arxiv, "archiveprefix": "arXiv"}
        return [corp, people]

    def web(self) -> list[Entry]:
        rng = self.rng
        self.next_work += 1
        name = self.model_name()
        url = f"https://github.com/{name.lower()}/{name.lower()}-{rng.randint(1, 999)}"
        etype = rng.choice(["online", "software"])
        f = {"title": f"{name}: {self.phrase()} toolkit", "url": url, "year": str(rng.randint(2015, 2024))}
        a = Entry(self.next_work, etype, self.key(name.lower()), dict(f), [f"{name}, Team"])
        b = Entry(self.next_work, etype, self.key(name.lower() + "web"), f | {"url": url.replace("https://", "http://www.") + "/"},
                  [f"{name}, Team"])  # fmt: skip
        # A different page of the same project: a different work.
        self.next_work += 1
        c = Entry(self.next_work, "online", self.key(name.lower() + "docs"), f | {"url": url + "/wiki/Documentation"},
                  [f"{name}, Team"])  # fmt: skip
        return [a, b, c] if rng.random() < 0.7 else [a, c]


def _ascii(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _family_key(entry: Entry) -> str:
    return _ascii(entry.authors[0].split(",")[0]).lower() if entry.authors else ""


def _sentence_case(title: str) -> str:
    words = title.split(" ")
    return " ".join([words[0]] + [w if any(c.isupper() for c in w[1:]) else w.lower() for w in words[1:]])


def _recase(rng: random.Random, title: str) -> str:
    choice = rng.randrange(3)
    if choice == 0:
        return title.upper()
    if choice == 1:
        return title.replace(": ", " -- ").replace(",", "")
    return " ".join(w.capitalize() if len(w) > 3 else w for w in title.split())


def _typo(rng: random.Random, title: str) -> str:
    chars = list(title)
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(len(chars) // 3, len(chars))  # typos past the start, where the name is
        if chars[i].isalpha():
            chars[i] = rng.choice("aeiourstln")
    return "".join(chars)


def build(n: int, seed: int = 7) -> list[Entry]:
    """About ``n`` entries, roughly 30% of them planted duplicates, 6% hard negatives."""
    gen = Generator(seed)
    rng = gen.rng
    entries: list[Entry] = []
    while len(entries) < n:
        roll = rng.random()
        if roll < 0.64:
            entries.append(gen.published(gen.work(), eprint=rng.random() < 0.3))
        elif roll < 0.90:
            entries.extend(gen.variants(gen.work()))
        elif roll < 0.92:
            entries.extend(gen.sequel())
        elif roll < 0.93:
            entries.extend(gen.columns())
        elif roll < 0.945:
            entries.extend(gen.common_title())
        elif roll < 0.96:
            entries.extend(gen.extended_version())
        elif roll < 0.965:
            entries.extend(gen.shared_key())
        elif roll < 0.98:
            entries.extend(gen.org_report())
        else:
            entries.extend(gen.web())
    entries = entries[:n]
    # Duplicates are scattered through the file, as in a real bibliography.
    rng.shuffle(entries)
    return entries


def render(entries: list[Entry], marker: bool) -> tuple[str, list[int]]:
    """The .bib text and each entry's first line; ``marker`` adds the ``bmk<i>`` field for bibtex-tidy."""
    lines: list[str] = []
    starts: list[int] = []
    for i, e in enumerate(entries):
        starts.append(len(lines) + 1)
        lines.append(f"@{e.entry_type}{{{e.key},")
        if e.authors:
            lines.append(f"  author = {{{_tex(' and '.join(e.authors), e.latex)}}},")
        for name, value in e.fields.items():
            lines.append(f"  {name} = {{{_tex(value, e.latex)}}},")
        if marker:
            lines.append(f"  bmk{i} = {{1}},")
        lines.append("}")
        lines.append("")
    return "\n".join(lines), starts


def _tex(value: str, latex: bool) -> str:
    if not latex:
        return value
    return "".join(LATEX.get(c, c) for c in value)


def truth_pairs(entries: list[Entry]) -> set[tuple[int, int]]:
    by_work: dict[int, list[int]] = {}
    for i, e in enumerate(entries):
        by_work.setdefault(e.work, []).append(i)
    return {pair for members in by_work.values() for pair in combinations(members, 2)}


def cluster_pairs(clusters: list[list[int]]) -> set[tuple[int, int]]:
    return {pair for members in clusters for pair in combinations(sorted(members), 2)}


# --- tool runs (each in a child process) -------------------------------------------------------------


def run_child(argv: list[str], stdin: Path | None = None) -> tuple[float, float, str]:
    """Run ``argv``; wall seconds, peak RSS in MiB of that child alone (``wait4``), stdout."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        source = open(stdin, encoding="utf-8") if stdin else subprocess.DEVNULL  # noqa: SIM115
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=source, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if stdin:
            source.close()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise RuntimeError(f"{argv[0]} failed: {err.read()[-2000:]}")
        return elapsed, usage.ru_maxrss / 1024, out.read()


def direct_records(entries: list[Entry]) -> list:
    """Records built straight from the generated entries (no reader): for timing dedupe alone."""
    from bibconv.model import Record, Source
    from bibconv.transforms.names import parse_bibtex_names

    records = []
    for line, e in enumerate(entries, 1):
        f = dict(e.fields)
        arxiv = f.pop("eprint", "") if f.get("archiveprefix") else ""
        f.pop("archiveprefix", None)
        records.append(Record(
            entry_type=e.entry_type, key=e.key, title=f.pop("title", ""),
            author=parse_bibtex_names(" and ".join(e.authors)), issued=f.pop("year", ""),
            container_title=f.pop("journal", "") or f.pop("booktitle", ""), volume=f.pop("volume", ""),
            issue=f.pop("number", ""), page=f.pop("pages", "").replace("--", "–"), doi=f.pop("doi", ""),
            arxiv=arxiv, url=f.pop("url", ""), extra=f, source=Source("bench.bib", line, "bibtex"),
        ))  # fmt: skip
    return records


def direct(n: int) -> None:
    """``--direct N``: dedupe alone on generated records, with precision and recall; prints misses."""
    import tracemalloc

    from bibconv.transforms.dedupe import dedupe

    entries = build(n)
    records = direct_records(entries)
    truth = truth_pairs(entries)
    t0, c0 = time.perf_counter(), time.process_time()
    _, report = dedupe(records)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    tracemalloc.start()
    dedupe(records[: min(n, 10000)])
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    pred = cluster_pairs([[s.line - 1 for s in g.sources] for g in report.groups])
    p, r = score(pred, truth)
    print(
        f"{n} entries: dedupe {elapsed:.2f} s wall, {cpu:.2f} s CPU (traced peak on the first 10k: {peak:.0f} MiB), precision {p:.4f}, recall {r:.4f}"
    )
    for i, j in sorted(pred - truth)[:15]:
        print("FALSE", records[i].key, "|", records[i].title, "||", records[j].key, "|", records[j].title)
    for i, j in sorted(truth - pred)[:15]:
        print("MISS ", records[i].key, "|", records[i].title, "||", records[j].key, "|", records[j].title)


def child_bibconv(path: str, starts_path: str) -> None:
    """Read, dedupe, write with bibconv; print timings and the clusters (as entry indices)."""
    from bibconv.readers.bibtex import read
    from bibconv.transforms.dedupe import dedupe
    from bibconv.writers.bibtex import write

    t0, c0 = time.perf_counter(), time.process_time()
    text = Path(path).read_text(encoding="utf-8")
    records, read_report = read(text, file=path)
    t1, c1 = time.perf_counter(), time.process_time()
    merged, report = dedupe(records)
    t2, c2 = time.perf_counter(), time.process_time()
    out = write(merged)
    t3, c3 = time.perf_counter(), time.process_time()
    Path(path + ".bibconv.out").write_text(out, encoding="utf-8")
    index = {line: i for i, line in enumerate(json.loads(Path(starts_path).read_text()))}
    clusters = [[index[s.line] for s in group.sources] for group in report.groups]
    print(json.dumps({"read": t1 - t0, "dedupe": t2 - t1, "write": t3 - t2, "clusters": clusters,
                      "cpu": {"read": c1 - c0, "dedupe": c2 - c1, "write": c3 - c2},
                      "records": len(records), "out": len(merged), "unread": len(read_report.unread)}))  # fmt: skip


def child_bibtexparser(path: str) -> None:
    import bibtexparser

    library = bibtexparser.parse_string(Path(path).read_text(encoding="utf-8"))
    print(json.dumps({"entries": len(library.entries)}))


def tidy_clusters(out_text: str) -> list[list[int]]:
    import re

    clusters = []
    for entry in re.split(r"\n(?=@)", out_text):
        markers = [int(m) for m in re.findall(r"\bbmk(\d+)\s*=", entry)]
        if len(markers) > 1:
            clusters.append(markers)
    return clusters


def score(pred: set[tuple[int, int]], truth: set[tuple[int, int]]) -> tuple[float, float]:
    hit = len(pred & truth)
    return (hit / len(pred) if pred else 1.0), (hit / len(truth) if truth else 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--tools", default="bibconv,bibtex-tidy,bibtexparser")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument(
        "--direct", type=int, metavar="N", help="dedupe alone on N generated records, no reader"
    )
    args = parser.parse_args()
    if args.direct:
        direct(args.direct)
        return
    if args.child:
        if args.child[0] == "bibconv":
            child_bibconv(args.child[1], args.child[2])
        else:
            child_bibtexparser(args.child[1])
        # Both children leave as bibconv's console script does (``bibconv.cli.run``): output flushed, then
        # os._exit, so that neither time includes freeing the interpreter's objects at shutdown.
        sys.stdout.flush()
        os._exit(0)
    OUT.mkdir(parents=True, exist_ok=True)
    tools = args.tools.split(",")
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}")
    print("| entries | true pairs | tool | time (s) | peak MiB | precision | recall | notes |")
    print("| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |")
    for n in args.sizes:
        entries = build(n)
        truth = truth_pairs(entries)
        plain, starts = render(entries, marker=False)
        marked, _ = render(entries, marker=True)
        bib = OUT / f"dedupe_{n}.bib"
        bib.write_text(plain, encoding="utf-8")
        (OUT / f"dedupe_{n}.starts.json").write_text(json.dumps(starts))
        prefix = f"| {n} | {len(truth)} |"
        if "bibtexparser" in tools:
            t, mem, _ = run_child([sys.executable, __file__, "--child", "bibtexparser", str(bib)])
            print(
                f"{prefix} bibtexparser v2 parse_string | {t:.2f} | {mem:.0f} | – | – | bare parse |",
                flush=True,
            )
        if "bibconv" in tools:
            t, mem, out = run_child(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    "bibconv",
                    str(bib),
                    str(OUT / f"dedupe_{n}.starts.json"),
                ]
            )
            result = json.loads(out)
            p, r = score(cluster_pairs(result["clusters"]), truth)
            cpu = result["cpu"]
            notes = (
                f"wall: read {result['read']:.2f} s, dedupe {result['dedupe']:.2f} s, write {result['write']:.2f} s; "
                f"CPU: read {cpu['read']:.2f} s, dedupe {cpu['dedupe']:.2f} s, write {cpu['write']:.2f} s; "
                f"{result['out']} out"
            )
            print(
                f"{prefix} bibconv read+dedupe+write | {t:.2f} | {mem:.0f} | {p:.4f} | {r:.4f} | {notes} |",
                flush=True,
            )
        if "bibtex-tidy" in tools and shutil.which("bibtex-tidy"):
            src = OUT / f"dedupe_{n}.marked.bib"
            src.write_text(marked, encoding="utf-8")
            # bibtex-tidy 1.14 writes nothing with a file argument and --no-modify: use stdin/stdout.
            argv = ["bibtex-tidy", "--duplicates", "--merge=combine", "--quiet"]
            t, mem, out = run_child(argv, stdin=src)
            p, r = score(cluster_pairs(tidy_clusters(out)), truth)
            print(
                f"{prefix} bibtex-tidy --duplicates --merge=combine | {t:.2f} | {mem:.0f} | {p:.4f} | {r:.4f} | |",
                flush=True,
            )


if __name__ == "__main__":
    main()
