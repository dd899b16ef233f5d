"""The awesome-list markdown reader: the bundled lists (golden), small lists in other layouts, field helpers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bibconv.errors import BibconvError
from bibconv.model import Record
from bibconv.readers.markdown import read
from bibconv.readers.md_fields import (
    classify_url,
    clean_title,
    parse_authors,
    parse_badge,
    parse_venue,
    year_from_arxiv,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "markdown"


def _bundled(name: str) -> Path:
    for folder in (ROOT / "bib" / "sources", ROOT / "bib"):
        if (folder / name).exists():
            return folder / name
    pytest.skip(f"bundled list {name} not found")


def _read(path: Path, **options) -> tuple[list[Record], object]:
    return read(path.read_text(encoding="utf-8"), file=path.name, **options)


def _by_title(records: list[Record], start: str) -> Record:
    matches = [r for r in records if r.title.startswith(start)]
    assert len(matches) == 1, f"{start!r}: {len(matches)} records"
    return matches[0]


def _names(record: Record) -> list[tuple[str, str, str]]:
    return [(n.given, n.particle, n.family) if not n.others else ("", "", "et al.") for n in record.author]


def record_json(record: Record) -> dict:
    """The fields a reader sets, in a stable order, empty ones left out (the golden file format)."""
    data = {"line": record.source.line, "entry_type": record.entry_type, "title": record.title}
    data["author"] = [
        n.display() if n.others else "|".join((n.given, n.particle, n.family)) for n in record.author
    ]
    for name in ("issued", "container_title", "container_title_short", "event_title", "genre", "note", "arxiv",
                 "doi", "url", "code_url"):  # fmt: skip
        data[name] = getattr(record, name)
    data["keywords"] = list(record.keywords)
    data["groups"] = list(record.groups)
    data["extra"] = dict(sorted(record.extra.items()))
    data["inferred"] = sorted(record.inferred)
    return {k: v for k, v in data.items() if v not in ("", [], {})}


# --- the bundled Awesome-Efficient-LLM list ---------------------------------------------------------

SECTION_COUNTS = {
    "Knowledge Distillation": 24,
    "Network Pruning": 17,
    "Quantization": 31,
    "Inference Acceleration": 22,
    "Text Compression": 5,
    "Low-Rank Decomposition": 4,
    "Hardware": 8,
    "Survey": 1,
    "Others": 3,
}


@pytest.fixture(scope="module")
def efficient_llm():
    return _read(_bundled("awesome-efficient-llm.md"))


def test_efficient_llm_golden(efficient_llm, golden):
    records, _ = efficient_llm
    text = json.dumps([record_json(r) for r in records], ensure_ascii=False, indent=1) + "\n"
    golden("markdown/awesome-efficient-llm.json", text)


def test_efficient_llm_counts_per_section(efficient_llm):
    records, report = efficient_llm
    counts: dict[str, int] = {}
    for record in records:
        counts[record.groups[0]] = counts.get(record.groups[0], 0) + 1
    assert counts == SECTION_COUNTS
    assert not report.unread and not report.warnings


def test_efficient_llm_every_row_and_bullet_is_a_record(efficient_llm):
    """Independently of the reader: every table body row and every bullet after "Updates" is one record."""
    records, report = efficient_llm
    lines = _bundled("awesome-efficient-llm.md").read_text(encoding="utf-8").splitlines()
    expected = [
        i
        for i, line in enumerate(lines, 1)
        if (line.startswith("|") and not re.match(r"^\|\s*(Title|:?-)", line))
        or (line.startswith("* ") and i > 20)
    ]
    assert [r.source.line for r in records] == expected
    # the table of contents and the three "Updates" bullets are reported as skipped, with positions
    assert [(s.source.line, s.reason) for s in report.skipped] == [
        (4, "table of contents"),
        (17, "not a paper: section 'Updates'"),
        (18, "not a paper: section 'Updates'"),
        (19, "not a paper: section 'Updates'"),
    ]
    for record in records:  # each record points at the line holding its title
        assert record.title[:20] in lines[record.source.line - 1]


def test_efficient_llm_badge_table_row(efficient_llm):
    records, _ = efficient_llm
    gptq = _by_title(records, "GPTQ:")
    assert gptq.title == "GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers"
    assert _names(gptq)[0] == ("Elias", "", "Frantar")
    assert len(gptq.author) == 4
    assert (gptq.entry_type, gptq.issued, gptq.container_title_short) == ("inproceedings", "2022", "ICLR")
    assert gptq.container_title == "International Conference on Learning Representations"
    assert (gptq.arxiv, gptq.code_url, gptq.url) == ("2210.17323", "https://github.com/IST-DASLab/gptq", "")
    assert gptq.groups == ("Quantization",) and not gptq.inferred


def test_efficient_llm_venue_badges(efficient_llm):
    records, _ = efficient_llm
    scott = _by_title(records, "SCOTT:")
    assert (scott.container_title_short, scott.issued, scott.note) == ("ACL", "2023", "Outstanding paper")
    watermark = _by_title(records, "Watermarking LLMs")
    assert (
        watermark.container_title == "Findings of the Association for Computational Linguistics: EMNLP 2023"
    )
    assert watermark.entry_type == "inproceedings"
    gpt_zip = _by_title(records, "GPT-Zip")
    assert gpt_zip.container_title == "ES FOMO Workshop at ICML 2023"
    assert gpt_zip.event_title == "International Conference on Machine Learning"
    assert (gpt_zip.issued, gpt_zip.entry_type) == ("2023", "inproceedings")
    assert gpt_zip.url == "https://openreview.net/forum?id=hO0c2tG2xL" and not gpt_zip.arxiv
    assert gpt_zip.extra["openreview"] == "hO0c2tG2xL"
    vllm = _by_title(records, "Efficient Memory Management")
    assert (vllm.container_title_short, vllm.issued) == ("SOSP", "2023")
    flash_llm = _by_title(records, "Flash-LLM")
    assert flash_llm.issued == "2024" and "VLDB" in flash_llm.container_title
    dejavu = _by_title(records, "Deja Vu")
    assert (dejavu.note, dejavu.container_title_short) == ("Oral", "ICML")
    assert _by_title(records, "SparseGPT").keywords == ("Unstructured",)
    assert _by_title(records, "LLM-Pruner").keywords == ("Structural",)
    assert _by_title(records, "Compressing LLMs: The Truth").keywords == ("Benchmark",)


def test_efficient_llm_years_never_invented(efficient_llm):
    records, _ = efficient_llm
    qllm = _by_title(records, "QLLM:")
    assert (qllm.issued, qllm.inferred, qllm.entry_type) == ("2023", frozenset({"issued"}), "misc")
    for record in records:
        if not record.container_title:
            assert record.inferred == frozenset({"issued"}) and record.arxiv, record.title
        assert record.issued, record.title  # every entry of this list has a badge or an arXiv id


def test_efficient_llm_authors(efficient_llm):
    records, _ = efficient_llm
    assert ("Christopher", "", "De Sa") in _names(_by_title(records, "ModuLoRA"))
    assert ("Benjamin", "", "Van Durme") in _names(_by_title(records, "Nugget 2D"))
    assert ("Ronan", "", "Le Bras") in _names(_by_title(records, "I2D2"))
    assert _names(_by_title(records, "Outlier Suppression+"))[0] == ("Xiuying", "", "Wei")  # "Wei , Yunchen"
    assert _names(_by_title(records, "Can Language Models Teach?"))[-1] == ("Mohit", "", "Bansal")  # ", and"
    assert len(_by_title(records, "RPTQ").author) == 10  # "A and B and C"
    assert _names(_by_title(records, "EntropyRank")) == [
        ("Alexander", "", "Tsvetkov"),
        ("Alon", "", "Kipnis"),
    ]
    assert _names(_by_title(records, "Large Language Model Distillation Doesn't"))[-1] == (
        "Iz",
        "",
        "Beltagy",
    )


def test_efficient_llm_links(efficient_llm):
    records, _ = efficient_llm
    assert _by_title(records, "Outlier Suppression+").arxiv == "2304.09145"  # v1 dropped
    assert _by_title(records, "SqueezeLLM").arxiv == "2306.07629"  # pdf link
    lamini = _by_title(records, "LaMini-LM")  # title links to GitHub, paper in the links column
    assert (lamini.arxiv, lamini.code_url) == ("2304.14402", "https://github.com/mbzuai-nlp/LaMini-LM")
    assert _by_title(records, "I2D2").extra == {"project": "https://i2d2.allen.ai/"}
    assert (
        _by_title(records, "Knowledge Distillation of Large").code_url == "https://github.com/microsoft/LMOps"
    )
    assert _by_title(records, "LLMZip").extra == {"unofficial_code": "https://github.com/erika-n/GPTzip"}
    flash = _by_title(
        records, "FlashAttention:"
    )  # a bullet: badges, link title, authors, [[Paper]][[Github]]
    assert (flash.container_title_short, flash.issued, flash.arxiv) == ("NeurIPS", "2022", "2205.14135")
    assert _names(flash)[-1] == ("Christopher", "", "Ré") and len(flash.author) == 5
    assert flash.code_url == "https://github.com/Dao-AILab/flash-attention" and flash.groups == ("Hardware",)


# --- the bundled quantization list: bullets that are citations ------------------------------------


def test_quantization_list_reads_through_the_citation_parser():
    records, report = _read(_bundled("quantization-papers.md"))
    assert len(records) == 62 and not report.unread
    groups: dict[str, int] = {}
    for record in records:
        groups[record.groups[0]] = groups.get(record.groups[0], 0) + 1
    assert groups == {
        "Model Compression": 9,
        "Quantization": 11,
        "Zero-Shot Quantization": 4,
        "Zero-Shot Quantization / Data Generation": 10,
        "Zero-Shot Quantization / Model Training": 6,
        "LLM Quantization": 12,
        "Generative Model Quantization / Stable Diffusion": 5,
        "Generative Model Quantization / DiT": 5,
    }
    obd = records[0]
    assert (obd.title, obd.issued, obd.source.line, obd.source.format) == (
        "Optimal brain damage",
        "1989",
        4,
        "markdown",
    )
    # the same paper under two sections stays two records, each with its own position and group
    genq = [r for r in records if r.title.startswith("GenQ")]
    assert [(r.source.line, r.groups) for r in genq] == [
        (45, ("Zero-Shot Quantization / Data Generation",)),
        (52, ("Zero-Shot Quantization / Model Training",)),
    ]


# --- small lists in other layouts -----------------------------------------------------------------


def test_awesome_llm_layout_column_table_and_numbered_bullets():
    records, report = _read(DATA / "awesome-llm-style.md")
    assert [r.title for r in records][:2] == [
        "Attention Is All You Need",
        "Improving Language Understanding by Generative Pre-Training",
    ]
    attention = records[0]
    assert (attention.container_title_short, attention.issued, attention.arxiv) == (
        "NeurIPS",
        "2017",
        "1706.03762",
    )
    assert attention.keywords == ("Transformers",) and attention.groups == ("Milestone Papers",)
    bert = _by_title(records, "BERT:")
    assert bert.extra["acl_anthology"] == "N19-1423" and bert.url == "https://aclanthology.org/N19-1423.pdf"
    gpt1 = _by_title(records, "Improving Language Understanding")
    assert (gpt1.entry_type, gpt1.issued, gpt1.container_title) == ("misc", "2018", "")
    scaling = _by_title(records, "Scaling Laws")  # bold title, "(arXiv 2020)"
    assert (scaling.entry_type, scaling.issued, scaling.arxiv, scaling.inferred) == (
        "misc",
        "2020",
        "2001.08361",
        frozenset(),
    )
    chinchilla = _by_title(records, "Training Compute-Optimal")  # bold, authors, et al., venue
    assert chinchilla.author[-1].others and _names(chinchilla)[0] == ("Jordan", "", "Hoffmann")
    assert (chinchilla.container_title_short, chinchilla.issued) == ("NeurIPS", "2022")
    assert chinchilla.url.startswith("https://proceedings.neurips.cc/")
    dpo = _by_title(records, "Direct Preference Optimization")  # fire marks, star count, "Outstanding"
    assert dpo.title == "Direct Preference Optimization: Your Language Model is Secretly a Reward Model"
    assert (dpo.note, dpo.issued, len(dpo.author)) == ("Outstanding paper", "2023", 3)
    assert dpo.code_url == "https://github.com/eric-mitchell/direct-preference-optimization"
    emergent = _by_title(records, "Emergent Abilities")  # title in quotes, journal → article
    assert (emergent.entry_type, emergent.container_title_short, len(emergent.author)) == (
        "article",
        "TMLR",
        3,
    )
    # leaderboards and the tool table are not papers: skipped, each with its line
    skipped = {s.source.line: s.reason for s in report.skipped}
    assert skipped[32].startswith("not a paper (online)") and skipped[39].startswith("not a paper (software)")
    assert len(records) == 10 and not report.unread


def test_keep_non_papers_types_them():
    records, report = _read(DATA / "awesome-llm-style.md", keep_non_papers=True)
    extra = {r.title: r for r in records if r.entry_type in ("software", "online")}
    assert (
        extra["vLLM"].entry_type == "software" and extra["vLLM"].url == "https://github.com/vllm-project/vllm"
    )
    assert extra["Chatbot Arena Leaderboard"].entry_type == "online"
    assert extra["Chatbot Arena Leaderboard"].url == "https://lmarena.ai/"
    assert len(records) == 14


def test_venue_prefixed_bullets():
    records, report = _read(DATA / "venue-prefix.md")
    titles = {r.title: r for r in records}
    gptq = titles["GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers"]
    assert (gptq.container_title_short, gptq.issued, gptq.arxiv, gptq.code_url) == (
        "ICLR", "2023", "2210.17323", "https://github.com/IST-DASLab/gptq")  # fmt: skip
    qlora = titles["QLoRA: Efficient Finetuning of Quantized LLMs"]  # - [[NeurIPS](url)] Title
    assert (qlora.container_title_short, qlora.issued) == ("NeurIPS", "2023")
    assert qlora.url.startswith("https://proceedings.neurips.cc/")
    assert (
        titles[
            "SmoothQuant: Accurate and Efficient Post-Training Quantization for Large Language Models"
        ].issued
        == "2023"
    )
    awq = _by_title(records, "AWQ:")
    assert [n.family for n in awq.author] == ["Lin", "Tang", "Tang"] and awq.container_title_short == "MLSys"
    qllm = _by_title(records, "QLLM:")  # [[arXiv](…)] prefix: a preprint, year from the heading above
    assert (qllm.entry_type, qllm.issued, qllm.arxiv, qllm.inferred) == (
        "misc",
        "2023",
        "2310.08041",
        frozenset(),
    )
    int8 = _by_title(records, "LLM.int8()")  # <ins>**NeurIPS**</ins>: venue; year from "### 2022"
    assert (int8.title, int8.container_title_short, int8.issued) == (
        "LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale", "NeurIPS", "2022")  # fmt: skip
    zeroquant = _by_title(records, "ZeroQuant:")  # plain title. Authors. <sup>NeurIPS 2022</sup>
    assert [n.family for n in zeroquant.author] == ["Yao", "Aminabadi", "Zhang"]
    assert zeroquant.container_title_short == "NeurIPS"
    wrapped = _by_title(records, "Understanding and Overcoming")  # one entry over three lines
    assert (wrapped.container_title_short, wrapped.issued, len(wrapped.author)) == ("EMNLP", "2021", 3)
    assert wrapped.extra["acl_anthology"] == "2021.emnlp-main.627"
    assert (wrapped.doi, wrapped.inferred) == ("10.18653/v1/2021.emnlp-main.627", frozenset({"doi"}))
    # the bullet with links and no title is reported, with its line
    assert [(u.source.line, u.reason) for u in report.unread] == [(20, "no paper title found")]
    assert any(str(w).startswith("venue-prefix.md:20:") for w in report.warnings)


def test_bold_italic_parenthesised_and_heading_layouts():
    records, _ = _read(DATA / "venue-prefix.md")
    moe = _by_title(records, "Outrageously Large")  # **Title**. *Authors*. Venue Year. [[pdf](…)]
    assert [n.family for n in moe.author] == ["Shazeer", "Mirhoseini", "Maziarz"]
    assert (moe.container_title_short, moe.issued, moe.groups) == ("ICLR", "2017", ("More layouts",))
    expert_choice = _by_title(records, "Mixture-of-Experts with Expert Choice")  # **[NeurIPS 2022]** Title.
    assert (expert_choice.container_title_short, expert_choice.issued) == ("NeurIPS", "2022")
    switch = _by_title(records, "Switch Transformers")  # [Title](url) (JMLR 2022)
    assert (switch.entry_type, switch.container_title_short, switch.issued) == ("article", "JMLR", "2022")
    gshard = _by_title(records, "GShard")  # - Author et al., Venue Year.
    assert gshard.author[-1].others and gshard.container_title_short == "ICLR"
    deepseek = _by_title(records, "DeepSeekMoE")  # arXiv badge: id from the badge link, year from the id
    assert (deepseek.arxiv, deepseek.issued, deepseek.inferred) == (
        "2401.06066",
        "2024",
        frozenset({"issued"}),
    )
    heading = _by_title(records, "Efficient Large Scale Language Modeling")  # a heading that is a paper
    assert (heading.source.line, heading.arxiv) == (30, "2112.10684")


def test_numbered_html_styled_and_parenthesised_entries():
    records, report = _read(DATA / "mixed-bullets.md")
    reformer = _by_title(records, "Reformer")  # [Title](openreview), Authors, *Venue* (Year)
    assert (reformer.container_title_short, reformer.issued, reformer.extra) == (
        "ICLR",
        "2020",
        {"openreview": "rkgNKkHtvB"},
    )
    assert [n.family for n in reformer.author] == ["Kitaev", "Kaiser", "Levskaya"]
    longformer = _by_title(records, "Longformer")  # <b>Title</b> <br> Authors <br> <a href>arXiv</a>
    assert (longformer.arxiv, len(longformer.author), longformer.issued) == ("2004.05150", 3, "2020")
    linformer = _by_title(records, "Linformer")  # Title (Author et al., Year) [paper](…)
    assert linformer.title == "Linformer: Self-Attention with Linear Complexity"
    assert (linformer.author[0].family, linformer.author[-1].others, linformer.issued) == (
        "Wang",
        True,
        "2020",
    )
    performer = _by_title(records, "Rethinking Attention")  # *Title*, Authors et al. Venue Year Oral.
    assert (performer.note, performer.code_url) == (
        "Oral",
        "https://github.com/google-research/google-research",
    )
    bigbird = _by_title(records, "Big Bird")  # Title. Venue Year. [[paper]] ![](type badge)
    assert (bigbird.title, bigbird.container_title_short, bigbird.keywords) == (
        "Big Bird: Transformers for Longer Sequences", "NeurIPS", ("Sparse",))  # fmt: skip
    survey = _by_title(records, "Efficient Transformers")  # Paper | Authors | Conference | Year columns
    assert (survey.entry_type, survey.doi, survey.issued, len(survey.author)) == (
        "article",
        "10.1145/3530811",
        "2022",
        4,
    )
    lra = _by_title(records, "Long Range Arena")  # unlinked title in a column table
    assert (lra.container_title_short, lra.issued, lra.author[-1].others) == ("ICLR", "2021", True)
    assert len(records) == 8 and not report.unread


def test_date_title_paper_code_table_with_nicknames_and_affiliations():
    records, report = _read(DATA / "llm-inference-style.md")
    flash = _by_title(records, "FlashAttention-2")  # 🔥[**FlashAttention-2**] Title(@Stanford University etc)
    assert flash.title == "FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning"
    assert flash.extra == {"shorttitle": "FlashAttention-2", "affiliation": "Stanford University"}
    assert (flash.arxiv, flash.issued, flash.inferred) == (
        "2307.08691",
        "2023",
        frozenset(),
    )  # from "2023.06"
    assert flash.code_url == "https://github.com/Dao-AILab/flash-attention"  # [[flash-attention]](…) in Code
    sora = _by_title(records, "Open-Sora:")
    assert (sora.entry_type, sora.code_url, sora.author) == (
        "misc",
        "https://github.com/hpcaitech/Open-Sora",
        (),
    )
    assert [r.source.line for r in records] == [8, 9, 10, 11] and not report.unread
    assert records[0].groups == ("Trending LLM/VLM Topics",)


def test_html_table_rows():
    records, report = _read(DATA / "html-table.md")
    tome, avit, dynamic = records
    assert (tome.title, tome.container_title_short, tome.issued, tome.arxiv) == (
        "Token Merging: Your ViT But Faster", "ICLR", "2023", "2210.09461")  # fmt: skip
    assert tome.code_url == "https://github.com/facebookresearch/ToMe" and len(tome.author) == 6
    assert (avit.container_title_short, avit.issued, avit.note) == ("CVPR", "2022", "Oral")
    assert avit.url.startswith("https://openaccess.thecvf.com/")
    assert dynamic.title.startswith("DynamicViT") and dynamic.code_url.endswith("/raoyongming/DynamicViT")
    assert [r.source.line for r in records] == [12, 18, 24]
    assert [(u.source.line, u.text) for u in report.unread] == [(30, "TBD")]


def test_html_table_broken_by_blank_lines_is_read_whole():
    records, report = _read(DATA / "html-table-blank-lines.md")
    assert [(r.source.line, r.title.split(":")[0], r.container_title_short, r.issued) for r in records] == [
        (12, "Make-A-Video", "ICLR", "2023"),
        (18, "Video Diffusion Models", "NeurIPS", "2022"),
        (27, "Prompt-to-Prompt Image Editing with Cross Attention Control", "ICLR", "2023"),
    ]
    assert records[1].extra == {"project": "https://video-diffusion.github.io/"}
    assert records[2].groups == ("Image Editing",) and not report.unread


def test_paragraph_entries_and_bibtex_blocks():
    records, report = _read(DATA / "diffusion-details.md")
    ddpm, ldm, score, beat = records
    assert (ddpm.title, ddpm.container_title_short, ddpm.issued, ddpm.arxiv) == (
        "Denoising Diffusion Probabilistic Models", "NeurIPS", "2020", "2006.11239")  # fmt: skip
    assert [n.family for n in ddpm.author] == ["Ho", "Jain", "Abbeel"]
    assert (
        ldm.container_title_short == "CVPR" and ldm.code_url == "https://github.com/CompVis/latent-diffusion"
    )
    # BibTeX in a fence inside <details>, and in <pre>: read by the BibTeX reader, lines in the .md file
    assert (score.title, score.source.line, score.groups) == (
        "Score-Based Generative Modeling through Stochastic Differential Equations", 28, ("Image Generation",))  # fmt: skip
    assert (beat.title, beat.source.line, beat.entry_type) == (
        "Diffusion Models Beat GANs on Image Synthesis",
        39,
        "article",
    )
    reasons = {s.source.line: s.reason for s in report.skipped}
    assert reasons[51] == "BibTeX in section 'Citation'"  # the list's own citation is not a paper
    assert reasons[9].startswith("not a paper (online)")  # a blog post under Resources
    assert not report.unread


def test_sections_sub_groups_and_remarks():
    records, report = _read(DATA / "sections-and-tools.md")
    groups = [(r.title.split(":")[0], r.groups) for r in records]
    assert groups == [
        ("A Survey on Efficient Inference for Large Language Models", ("Surveys",)),
        ("KIVI", ("Methods / Quantization",)),
        ("Gear", ("Methods / Quantization",)),
        ("H2O", ("Methods / Eviction",)),
        ("KV cache eviction — a benchmark", ("Methods / Eviction",)),
    ]
    kivi = _by_title(records, "KIVI")
    assert kivi.code_url == "https://github.com/jy-yuan/KIVI"  # from the nested "- [code](…)" bullet
    assert (kivi.container_title_short, kivi.issued) == ("ICML", "2024")
    gear = _by_title(records, "Gear")
    assert (gear.issued, gear.inferred) == ("2024", frozenset())
    h2o = _by_title(records, "H2O")
    assert (h2o.container_title_short, h2o.issued) == ("NeurIPS", "2023")
    asplos = _by_title(records, "KV cache eviction")
    assert asplos.doi == "10.1145/3620666.3651329" and asplos.container_title_short == "ASPLOS"
    survey = records[0]
    assert survey.author[-1].others and survey.entry_type == "misc" and survey.issued == "2024"
    assert [(u.source.line, u.text) for u in report.unread] == [
        (19, "Some paper we still have to find the link for")
    ]
    skipped = [(s.source.line, s.reason.split(":")[0]) for s in report.skipped]
    assert skipped == [
        (4, "not a paper"),
        (5, "not a paper"),
        (26, "not a paper (software)"),
        (27, "not a paper (software)"),
        (31, "not a paper (online)"),
        (35, "not a paper"),
    ]


# --- field helpers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "short", "year", "kind", "note", "workshop", "findings"),
    [
        ("ICML'23", "ICML", "2023", "conference", "", "", False),
        ("ACL'23 Outstanding", "ACL", "2023", "conference", "Outstanding paper", "", False),
        ("EMNLP'23 Findings", "Findings of EMNLP", "2023", "conference", "", "", True),
        ("ICML'23 ES FOMO", "ICML", "2023", "workshop", "", "ES FOMO", False),
        ("SOSP 2023", "SOSP", "2023", "conference", "", "", False),
        ("NeurIPS 2023 Spotlight", "NeurIPS", "2023", "conference", "Spotlight", "", False),
        ("arXiv 2023", "arXiv", "2023", "preprint", "", "", False),
    ],
)
def test_parse_venue(text, short, year, kind, note, workshop, findings):
    venue = parse_venue(text)
    assert (venue.short, venue.year, venue.kind, venue.note, venue.workshop, venue.findings) == (
        short, year, kind, note, workshop, findings)  # fmt: skip


def test_parse_venue_rejects_model_names():
    assert parse_venue("ResNet50", strict=True) is None
    assert parse_venue("GPT 35", strict=True) is None
    assert parse_venue("vLLM", require_year=False) is None
    assert parse_venue("NeurIPS", require_year=False).year == ""


def test_parse_badge():
    assert parse_badge("https://img.shields.io/github/stars/IST-DASLab/gptq.svg?style=social&label=Star").repo == (
        "https://github.com/IST-DASLab/gptq")  # fmt: skip
    badge = parse_badge("https://img.shields.io/badge/Conference-ACL'23%20Outstanding-blue")
    assert (badge.label, badge.message) == ("Conference", "ACL'23 Outstanding")
    assert parse_badge("https://img.shields.io/badge/Unstructured-C2A4A6").message == "Unstructured"
    assert parse_badge("https://img.shields.io/badge/Multi--Modal-blue").message == "Multi-Modal"


@pytest.mark.parametrize(
    ("url", "kind", "value"),
    [
        ("https://arxiv.org/abs/2210.17323", "arxiv", "2210.17323"),
        ("https://arxiv.org/pdf/2306.07629.pdf", "arxiv", "2306.07629"),
        ("https://arxiv.org/abs/2304.09145v1", "arxiv", "2304.09145"),
        ("http://arxiv.org/html/2402.02750v2", "arxiv", "2402.02750"),
        ("https://arxiv.org/abs/hep-th/9901001", "arxiv", "hep-th/9901001"),
        ("https://doi.org/10.1145/3600006.3613165", "doi", "10.1145/3600006.3613165"),
        ("https://dl.acm.org/doi/abs/10.1145/3600006.3613165", "doi", "10.1145/3600006.3613165"),
        ("https://openreview.net/forum?id=hO0c2tG2xL", "paper", "https://openreview.net/forum?id=hO0c2tG2xL"),
        (
            "https://proceedings.mlr.press/v202/xiao23c.html",
            "paper",
            "https://proceedings.mlr.press/v202/xiao23c.html",
        ),
        (
            "https://github.com/microsoft/LMOps/tree/main/minillm",
            "code",
            "https://github.com/microsoft/LMOps",
        ),
        ("https://i2d2.allen.ai/", "project", "https://i2d2.allen.ai/"),
    ],
)
def test_classify_url(url, kind, value):
    info = classify_url(url)
    assert (info.kind, info.value) == (kind, value)


def test_parse_authors():
    names = parse_authors("Swarnadeep Saha, Peter Hase, and Mohit Bansal")
    assert [n.family for n in names] == ["Saha", "Hase", "Bansal"]
    names = parse_authors("Jordan Hoffmann, Sebastian Borgeaud et al.")
    assert names[-1].others and len(names) == 3
    assert parse_authors("a high-throughput and memory-efficient inference engine") is None
    assert parse_authors("NeurIPS 2023") is None


def test_titles_and_years():
    assert clean_title('🔥🔥 "GPTQ: Accurate Quantization" ⭐ 1.2k') == "GPTQ: Accurate Quantization"
    assert clean_title(":fire: Title of a Paper (★ 123)") == "Title of a Paper"
    assert clean_title("Distilling Step-by-Step!") == "Distilling Step-by-Step!"
    assert (year_from_arxiv("2310.08041"), year_from_arxiv("hep-th/9901001"), year_from_arxiv("x")) == (
        "2023",
        "1999",
        "",
    )


# --- robustness -------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab |-*#[]()<>!`'\"\n:/.0123456789@{}=")), max_size=300))
def test_junk_never_raises_anything_but_bibconv_error(text):
    try:
        records, report = read(text, file="junk.md")
    except BibconvError:
        return
    assert all(r.title for r in records)
    assert all(u.source.line >= 1 for u in report.unread)


_FRAGMENTS = [
    "# H\n", "## Tools\n", "- ", "* ", "1. ", "| a | b |\n", "|---|---|\n", "<table>", "<tr>", "<td>", "</td>",
    "</tr>", "</table>", "<br>", "<a href='https://arxiv.org/abs/2301.00001'>", "</a>", "[T](https://x.y)",
    "[[Paper]](https://arxiv.org/abs/2301.00001)", "![b](https://img.shields.io/badge/Conference-ICML'23-blue)",
    "**Bold Title**", "\"Quoted Title\"", "Ann Lee, Bob Chen", " NeurIPS 2023", "```bibtex\n@article{x,\n",
    "title={T}}\n```\n", "<details><pre>@misc{y, title={U}}</pre></details>", "\n", "\n\n", "    ", "(2020)",
]  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("".join))
def test_list_shaped_junk_is_read_or_reported(text):
    records, report = read(text, file="junk.md")
    lines = text.count("\n") + 1
    for (
        record
    ) in records:  # BibTeX blocks keep their entries as the BibTeX reader gives them (a key at least)
        assert (record.title or record.key) and 1 <= record.source.line <= lines
    for unit in report.unread + report.skipped:
        assert 1 <= unit.source.line <= lines


def test_empty_and_prose_only():
    assert read("", file="e.md")[0] == []
    records, report = read("# Title\n\nJust some prose about the list.\n", file="p.md")
    assert records == [] and not report.unread


def test_angle_bracketed_author_is_kept_not_swallowed_as_a_tag():
    text = (
        "## Papers\n"
        "- [Some Paper on Things](https://arxiv.org/abs/2301.00001). Alice Smith, The <Team>, Bob Jones.\n"
        "- [Other Paper on Things](https://arxiv.org/abs/2301.00002) <br> Alice Smith, The <Team, Bob Jones\n\n"
        "| Title | Venue |\n|---|---|\n"
        "|[A Paper on Things](https://arxiv.org/abs/2301.00003) <br> Alice Smith, The <Team>, Bob Jones | ICML 2023|\n\n"
        '<table><tr><td><a href="https://arxiv.org/abs/2301.00004">A Paper</a><br>Alice Smith, The <Team>, '
        "Bob Jones</td></tr></table>\n"
    )
    records, report = read(text, file="team.md")
    assert len(records) == 4
    for record in records:
        assert [n.family for n in record.author] == ["Smith", "Team", "Jones"], record
    assert not report.unread and not report.warnings


def test_unreadable_names_after_an_author_list_are_reported():
    text = "## Papers\n- [Some Paper on Things](https://arxiv.org/abs/2301.00001). Alice Smith, 3D-Vision Lab, Bob Jones.\n"
    records, report = read(text, file="lab.md")
    assert [n.family for n in records[0].author] == ["Smith"]
    assert [(w.source.line, "3D-Vision Lab" in w.message) for w in report.warnings] == [(2, True)]


def test_bold_title_is_not_mined_for_a_venue():
    text = (
        "## Papers\n"
        "- **Tcad Design of Transistors**, Alice Smith, Bob Jones, 2021.\n"
        "- **Nature Inspired Learning**, Alice Smith, Bob Jones, 2021.\n"
        "- **[ICLR'23]** Some Title Here [[paper]](https://arxiv.org/abs/2301.00001)\n"
        "- **TCAD 2022** A Real Journal Paper [[paper]](https://doi.org/10.1109/TCAD.2022.1)\n"
    )
    records, _ = read(text, file="bold.md")
    tcad, nature, iclr, journal = records
    assert (tcad.title, tcad.container_title, tcad.entry_type, tcad.issued) == (
        "Tcad Design of Transistors",
        "",
        "misc",
        "2021",
    )
    assert [n.family for n in tcad.author] == ["Smith", "Jones"]
    assert (nature.title, nature.container_title) == ("Nature Inspired Learning", "")
    assert (iclr.title, iclr.container_title_short, iclr.issued) == ("Some Title Here", "ICLR", "2023")
    assert (journal.title, journal.container_title_short, journal.entry_type) == (
        "A Real Journal Paper",
        "TCAD",
        "article",
    )


def _data(name: str) -> tuple[list[Record], object]:
    path = Path(__file__).parent / "data" / "markdown" / name
    return read(path.read_text(encoding="utf-8"), file=str(path))


def _families(record: Record) -> list[str]:
    return [n.family if not n.others else "OTHERS" for n in record.author]


def test_dash_separated_authors_and_parenthesised_arxiv_tails():
    records, report = _data("dash-authors-and-arxiv-tail.md")
    assert not report.warnings and not report.unread and len(report.skipped) == 2  # the contents bullets
    got = [(r.source.line, r.container_title_short, r.issued, r.entry_type, r.arxiv) for r in records]
    assert got == [
        (11, "NeurIPS", "2022", "inproceedings", "2201.11903"),
        (12, "ICLR", "2023", "inproceedings", ""),
        (13, "", "2023", "misc", "2305.10601"),
        (14, "", "2022", "misc", "2205.11916"),
        (15, "ICLR", "2023", "inproceedings", "2205.10625"),
        (19, "NeurIPS", "2023", "inproceedings", "2302.04761"),
        (20, "ICLR", "2023", "inproceedings", "2210.03629"),
    ]
    assert _families(records[2]) == ["Yao", "Yu", "Zhao", "OTHERS"]
    assert records[3].title == "Large Language Models are Zero-Shot Reasoners"
    assert records[3].code_url == "https://github.com/kojima-takeshi188/zero_shot_cot"
    assert records[6].note == "Oral" and len(records[5].author) == 8
    assert {r.groups for r in records} == {("Chain of Thought",), ("Tool Use",)}


def test_papers_with_code_table_and_bold_venue_prefix_with_italic_authors():
    records, report = _data("pwc-table-and-bold-venue.md")
    assert not report.warnings and not report.unread
    assert [r.title for r in records] == [
        "EfficientViT: Memory Efficient Vision Transformer with Cascaded Group Attention",
        "Token Merging: Your ViT But Faster",
        "MobileViT: Light-weight, General-purpose, and Mobile-friendly Vision Transformer",
        "Structural Pruning via Latency-Saliency Knapsack",
        "Structural Alignment for Network Pruning through Partial Regularization",
        "Pruning Vision Transformers by Attention Entropy",
    ]
    assert [(r.container_title_short, r.issued) for r in records] == [
        ("CVPR", "2023"), ("ICLR", "2023"), ("ICLR", "2022"), ("NeurIPS", "2022"), ("ICCV", "2023"), ("", "2023")
    ]  # fmt: skip
    assert records[0].code_url == "https://github.com/microsoft/Cream" and records[0].url.startswith(
        "https://openaccess.thecvf.com/"
    )
    assert records[2].arxiv == "2110.02178" and not records[2].code_url
    assert _families(records[3]) == ["Shen", "Yin", "Molchanov", "Mao", "Liu", "Alvarez"]
    assert _families(records[5]) == ["Costa", "De Vries"]
    assert records[5].entry_type == "misc"


def test_year_headings_with_nested_topic_bullets():
    records, report = _data("year-headings-nested.md")
    assert not report.warnings and not report.unread
    got = [(r.source.line, r.groups, r.issued, r.container_title_short) for r in records]
    assert got == [
        (6, ("Graph Neural Networks",), "2023", ""),
        (7, ("Graph Neural Networks",), "2023", "ICML"),
        (9, ("Benchmarks",), "2023", ""),
        (14, ("Graph Neural Networks",), "2022", "NeurIPS"),
    ]
    assert _families(records[1])[-1] == "Sinop"  # the trailing "ICML." is the venue, not an author
    assert records[2].extra["openreview"] == "tJbbQfw-5wv"


# --- layouts of other popular lists (written from their READMEs, not copied from this repository) --------


def _summary(records: list[Record]) -> list[tuple]:
    return [(r.source.line, r.entry_type, r.issued, r.container_title_short, r.arxiv) for r in records]


def test_survey_list_numbered_quoted_bold_titles_with_nicknames():
    """LLMSurvey: ``1. <u>GLM</u>: **"Title"**. *Authors et al.* Venue Year. [[Paper](…)]``."""
    records, report = _data("survey-numbered-quoted.md")
    assert not report.warnings and not report.unread and len(report.skipped) == 2  # the contents bullets
    assert _summary(records) == [
        (15, "article", "2019", "JMLR", "1910.10683"),
        (16, "misc", "2022", "", "2204.06745"),
        (17, "misc", "2022", "", "2205.01068"),
        (18, "inproceedings", "2023", "ICLR", ""),
        (24, "inproceedings", "2017", "NeurIPS", ""),
        (25, "article", "2022", "JMLR", ""),
        (26, "misc", "2021", "", "2104.09864"),
        (27, "inproceedings", "2022", "ICML", ""),
    ]
    # the title is the quoted bold span, never taken for an author; the nickname is the short title
    assert records[2].title == "OPT: Open Pre-trained Transformer Language Models"
    assert _families(records[2]) == ["Zhang", "OTHERS"]
    assert [r.extra.get("shorttitle") for r in records[:4]] == ["T5", "GPT-NeoX-20B", "OPT", "GLM"]
    assert records[3].extra["openreview"] == "-Aw0rrrPUF" and records[3].code_url.endswith("THUDM/GLM-130B")
    assert _families(records[5]) == ["Fedus", "Zoph", "Shazeer"]
    assert records[0].groups == ("Resources of LLMs / Publicly Available Models",)


def test_classic_lists_bold_title_year_initials_and_scroll_bullets():
    """awesome-deep-learning-papers (``**Title** (2015), G. Hinton et al. [[pdf]]``) under ``## Contents``
    with ``###`` sections, and papers-we-love ``:scroll:`` bullets."""
    records, report = _data("classic-initials.md")
    assert not report.warnings and not report.unread and len(report.skipped) == 2
    assert [(r.source.line, r.issued, r.arxiv) for r in records[:6]] == [
        (13, "2015", "1503.02531"), (14, "2015", "1412.1897"), (15, "2014", ""),
        (18, "2015", "1502.03167"), (19, "2014", ""), (20, "2014", "1412.6980"),
    ]  # fmt: skip
    assert records[0].title == "Distilling the knowledge in a neural network"
    assert _names(records[0]) == [("G.", "", "Hinton"), ("", "", "et al.")]
    assert _families(records[3]) == ["Loffe", "Szegedy"]
    assert records[4].url.startswith("http://jmlr.org/") and "issued" not in records[4].inferred
    assert records[0].groups == ("Understanding / Generalization / Transfer",)
    assert [r.title for r in records[6:]] == [
        "Dynamo: Amazon's Highly Available Key-value Store",
        "Time, Clocks, and the Ordering of Events in a Distributed System",
        "In Search of an Understandable Consensus Algorithm",
    ]
    assert records[6].url.endswith("amazon-dynamo-sosp2007.pdf") and not records[6].issued  # never invented
    assert (records[8].container_title_short, records[8].issued) == ("USENIX ATC", "2014")
    assert _families(records[8]) == ["Ongaro", "Ousterhout"]


def test_nerf_list_project_link_title_first_author_et_al_and_pipe_links():
    """awesome-NeRF: ``- [Title](project page), Mildenhall et al., ECCV 2020 | [github](…) | [bibtex](…)``."""
    records, report = _data("nerf-pipe-links.md")
    assert not report.warnings and not report.unread
    assert [s.source.line for s in report.skipped] == [6, 7, 8, 23]  # contents, and a talk
    assert _summary(records) == [
        (11, "misc", "2020", "", "2101.05204"),
        (15, "inproceedings", "2020", "ECCV", ""),
        (16, "inproceedings", "2021", "ICCV", ""),
        (17, "inproceedings", "2022", "CVPR", ""),
        (18, "inproceedings", "2022", "SIGGRAPH", ""),
        (19, "misc", "2020", "", "2011.13961"),
    ]
    nerf = records[1]
    assert _families(nerf) == ["Mildenhall", "OTHERS"] and not nerf.url  # a project page is not the paper
    assert nerf.extra["project"] == "http://www.matthewtancik.com/nerf"
    assert nerf.code_url == "https://github.com/bmild/nerf" and nerf.extra["bibtex"] == "./citations/nerf.txt"
    assert records[3].note == "Oral"
    assert _families(records[0]) == ["Dellaert", "Yen-Chen"]


def test_dated_table_with_venue_column_icon_links_and_details_abstracts():
    """``| Date | Title | Venue | Paper | Code |`` with ``2023-05``, ``NeurIPS'23``, ``[📄 Paper]``, star
    shields, OpenReview and ACL Anthology links; then bold-title paragraphs with ``<details>`` abstracts."""
    records, report = _data("dated-table-abstracts.md")
    assert _summary(records) == [
        (7, "inproceedings", "2023", "NeurIPS", "2305.14314"),
        (8, "inproceedings", "2024", "ICML", "2306.07629"),
        (9, "inproceedings", "2024", "ICLR", ""),
        (10, "inproceedings", "2023", "EMNLP", ""),
        (15, "inproceedings", "2024", "CVPR", "2312.00858"),
        (20, "inproceedings", "2023", "CVPRW", "2303.17604"),
    ]
    assert [r.title for r in records[:2]] == [
        "QLoRA: Efficient Finetuning of Quantized LLMs",
        "SqueezeLLM: Dense-and-Sparse Quantization",
    ]  # the "[📄 Paper]" link is the paper, not the title
    assert records[0].code_url == "https://github.com/artidoro/qlora"
    assert records[1].code_url == "https://github.com/SqueezeAILab/SqueezeLLM"
    assert records[2].extra["openreview"] == "NG7sS51zVF"
    assert records[3].doi == "10.18653/v1/2023.emnlp-main.391" and "doi" in records[3].inferred
    # a row with a date and a title but nothing else is not taken for a paper: reported with its line
    assert [(u.source.line, u.text) for u in report.unread] == [(11, "Not Ready Yet")]
    assert [w.source.line for w in report.warnings] == [11]
    # the abstract in <details> belongs to the entry above it and is never its title
    assert records[4].title == "DeepCache: Accelerating Diffusion Models for Free"
    assert records[4].abstract.startswith("Diffusion models have recently gained unprecedented attention")
    assert records[5].abstract.startswith("The landscape of image generation")
    assert records[5].container_title.endswith("Pattern Recognition Workshops")
    assert all(not r.abstract for r in records[:4])


def test_details_abstract_inside_a_list_item_stays_out_of_the_entry():
    text = (
        "## Video\n\n"
        "- [AnimateDiff: Animate Your Personalized Text-to-Image Diffusion Models](https://arxiv.org/abs/2307.04725),"
        " Yuwei Guo, Ceyuan Yang, ICLR 2024\n"
        "  <details><summary>Abstract</summary>With the advance of text-to-image models, many users can now"
        " create images.</details>\n"
        "- [Align your Latents](https://arxiv.org/abs/2304.08818), Andreas Blattmann, Robin Rombach, CVPR 2023\n"
        "  <details>\n  <summary>TL;DR</summary>\n\n  Video LDM: latent diffusion for video.\n  </details>\n"
    )
    records, report = read(text, file="video.md")
    assert not report.warnings and not report.unread
    assert [(r.container_title_short, r.issued) for r in records] == [("ICLR", "2024"), ("CVPR", "2023")]
    assert records[0].abstract.startswith("With the advance") and _families(records[0]) == ["Guo", "Yang"]
    assert records[1].abstract == "Video LDM: latent diffusion for video."


def test_citation_lines_italic_venue_comma_year_and_quoted_titles():
    """``- Title. *ICLR*, 2017. [[pdf]]``, ``1. Authors. "Title." Venue (Year).`` and ``**[ICLR 2015]** Title``."""
    records, report = _data("citation-lines.md")
    assert not report.warnings and not report.unread
    assert [(r.source.line, r.issued, r.container_title_short or r.container_title) for r in records] == [
        (5, "2015", "NeurIPS"), (6, "2017", "ICLR"), (7, "2019", "ICLR"),
        (11, "2016", "NeurIPS"), (12, "2018", "CVPR"), (13, "2019", "ICCV"),
        (17, "2015", "ICLR"), (18, "2020", "NeurIPS"),
    ]  # fmt: skip
    assert [r.title for r in records[:3]] == [
        "Learning both Weights and Connections for Efficient Neural Networks",
        "Pruning Filters for Efficient ConvNets",
        "The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks",
    ]
    assert not records[2].author  # "Trainable Neural Networks" is the end of the title, not a person
    assert not records[0].inferred  # the year is the one written, not the arXiv id's
    assert records[3].title == "Binarized Neural Networks" and len(records[3].author) == 5
    assert _names(records[5])[1] == ("Mart", "van", "Baalen")
    assert records[7].code_url == "https://github.com/microsoft/unilm"


# --- the tuned markdown-it parser gives the tokens of the stock one ---------------------------------------

_TRICKY_MARKDOWN = r"""
- [a [nested] label](http://x.org/a(b)c) [`code]`](u) [x\]y](<a b>) ![i](s "t") [e](u 'ti') [&amp;](a&amp;b)
- [lbl](url\)x) [ok](url\_x) <http://auto.link> <b>[x</b>](y) [unterminated](abc [](empty) [x]( spaced )
- text: with - many = colons ~~strike~~ __em__ *em* **b** \* &copy; [ref] [ref][] ![img][ref]
- [Title](https://a.org/x?q=1&b=2#frag) [[Paper]](https://arxiv.org/abs/2210.17323)[[Code]](https://github.com/a/b)

[ref]: http://ref.org "Title"

| a | [b](c) \| d | `x|y` |
|---|---|---|
| [x](y(z)) | ![i](j) | a \\| b |
| <br> [**t**](u) | c | |
"""


def test_tuned_parser_gives_the_stock_parser_tokens():
    from markdown_it import MarkdownIt

    from bibconv.readers.markdown import _parser

    stock = MarkdownIt("commonmark", {"html": True}).enable("table")
    stock.normalizeLink = lambda url: url.strip()
    stock.normalizeLinkText = lambda text: text

    def dump(tokens) -> list:
        return [
            (
                t.type,
                t.tag,
                t.content,
                sorted(t.attrs.items()),
                t.map,
                t.level,
                t.markup,
                dump(t.children or []),
            )
            for t in tokens
        ]

    texts = [_TRICKY_MARKDOWN, *(path.read_text(encoding="utf-8") for path in sorted(DATA.glob("*.md")))]
    bundled = ROOT / "bib" / "sources" / "awesome-efficient-llm.md"
    if bundled.exists():
        texts.append(bundled.read_text(encoding="utf-8"))
    for text in texts:
        assert dump(_parser().parse(text)) == dump(stock.parse(text))


def test_year_first_venue_prefixes_numbered_tables_and_headings_that_are_titles():
    """``- [2015 NIPS] [Title](…)`` (awesome-model-compression), ``- 🔥 **[ICLR 2024]** Title`` with a star
    shield, a ``| No. | Title | Venue | Year | Link |`` table, and ``### Title`` over its authors line."""
    records, report = _data("year-first-and-heading-titles.md")
    assert not report.warnings and not report.unread
    assert [(s.source.line, s.reason) for s in report.skipped] == [
        (23, "not a paper (online): section 'Resources'"),
        (24, "not a paper (online): section 'Resources'"),
    ]
    assert _summary(records) == [
        (5, "inproceedings", "2015", "NeurIPS", "1506.02626"),
        (6, "inproceedings", "2016", "ICLR", "1510.00149"),
        (7, "inproceedings", "2024", "ICLR", "2309.17453"),
        (8, "misc", "2023", "", "2303.06865"),
        (12, "inproceedings", "2023", "ICML", "2211.17192"),
        (13, "misc", "2023", "", "2302.01318"),
        (15, "inproceedings", "2024", "ICML", "2401.10774"),
        (18, "inproceedings", "2023", "ICLR", "2210.17323"),
    ]
    assert not records[0].inferred and "issued" in records[3].inferred  # written year vs arXiv id's year
    assert records[2].title == "Efficient Streaming Language Models with Attention Sinks"
    assert records[2].code_url == "https://github.com/mit-han-lab/streaming-llm"
    assert records[4].title == "Fast Inference from Transformers via Speculative Decoding"
    medusa = records[6]
    assert medusa.title == "Medusa: Simple LLM Inference Acceleration Framework with Multiple Decoding Heads"
    assert _families(medusa) == ["Cai", "Li", "Geng"] and medusa.code_url.endswith("FasterDecoding/Medusa")
    gptq = records[7]  # "### [Title](arxiv)" with its authors line below
    assert _families(gptq) == ["Frantar", "Ashkboos", "Hoefler", "Alistarh"] and gptq.code_url.endswith(
        "/gptq"
    )
    assert {r.groups for r in records} == {("Compression",)}  # the title headings are not sections


def test_field_helpers_for_other_layouts():
    from bibconv.readers.md_fields import is_resource_label

    assert (parse_venue("2015 NIPS", strict=True).short, parse_venue("2015 NIPS", strict=True).year) == (
        "NeurIPS",
        "2015",
    )
    assert parse_venue("2023 Survey of Things", strict=True) is None
    assert is_resource_label("📄 Paper") and is_resource_label("💻 Code") and is_resource_label("🌐")
    assert not is_resource_label("🔥 FlashAttention: Fast and Memory-Efficient Exact Attention")
    assert parse_authors('"OPT: Open Pre-trained Transformer Language Models"') is None  # a quoted title
    assert parse_authors("Time: Clocks") is None


def test_bold_linked_title_cells_and_labelled_fields():
    """Awesome-MLLM (``![Star](…) <br> [**Title**](pdf) <br>`` cells, ``Date`` 2023-04-17) and
    ``- Paper: [Title](…), Venue: ICLR 2024, Code: [link](…)`` bullets."""
    text = (
        "## Multimodal Instruction Tuning\n"
        "|  Title  |   Venue  |   Date   |   Code   |   Demo   |\n|:--|:--:|:--:|:--:|:--:|\n"
        "| ![Star](https://img.shields.io/github/stars/haotian-liu/LLaVA.svg?style=social&label=Star) <br>"
        " [**Visual Instruction Tuning**](https://arxiv.org/pdf/2304.08485.pdf) <br> | NeurIPS | 2023-04-17 |"
        " [Github](https://github.com/haotian-liu/LLaVA) | [Demo](https://llava.hliu.cc/) |\n\n"
        "## Quantization\n\n"
        "- Paper: [SpQR: A Sparse-Quantized Representation for Near-Lossless LLM Weight Compression]"
        "(https://arxiv.org/abs/2306.03078), Venue: ICLR 2024, Code: [link](https://github.com/Vahe1994/SpQR)\n"
    )
    records, report = read(text, file="mllm.md")
    assert not report.warnings and not report.unread
    assert _summary(records) == [
        (4, "inproceedings", "2023", "NeurIPS", "2304.08485"),
        (8, "inproceedings", "2024", "ICLR", "2306.03078"),
    ]
    assert (
        records[0].title == "Visual Instruction Tuning"
        and records[0].extra["project"] == "https://llava.hliu.cc/"
    )
    assert records[1].code_url == "https://github.com/Vahe1994/SpQR" and "shorttitle" not in records[1].extra


def test_bracketed_venue_without_year_takes_the_year_heading():
    """``- [ECCV] Title [[paper]](…)`` under ``### 2022``: brackets mark a venue even without its year."""
    text = (
        "## Detection\n\n### 2022\n"
        "- [ECCV] Exploring Plain Vision Transformer Backbones for Object Detection. "
        "[[paper](https://arxiv.org/abs/2203.16527)]\n"
        "- [Survey] A Survey of Object Detection [[paper](https://arxiv.org/abs/1905.05055)]\n"
    )
    records, report = read(text, file="list.md")
    assert not report.warnings and not report.unread
    assert _summary(records) == [(4, "inproceedings", "2022", "ECCV", "2203.16527"), (5, "misc", "2022", "", "1905.05055")]
    assert records[0].groups == ("Detection",)


def test_venue_and_year_separated_by_a_comma():
    """``- Title [[Paper](…)] - *ICML, 2017*`` under ``### 2023``: the venue's own year wins."""
    text = (
        "## Papers\n\n### 2023\n"
        "* Neural Message Passing for Quantum Chemistry [[Paper](https://arxiv.org/abs/1704.01212)] - *ICML, 2017*\n"
        "1. How Powerful are Graph Neural Networks? Keyulu Xu, Weihua Hu, Jure Leskovec, Stefanie Jegelka. "
        "ICLR, 2019. [[pdf]](https://arxiv.org/pdf/1810.00826.pdf)\n"
    )
    records, report = read(text, file="list.md")
    assert not report.unread
    assert [(r.container_title_short, r.issued) for r in records] == [("ICML", "2017"), ("ICLR", "2019")]


def test_proceedings_urls_give_venue_and_year():
    """A paper linked to its proceedings page with no badge: the venue and year the URL states."""
    text = (
        "## Papers\n"
        "- [How transferable are features](https://papers.nips.cc/paper/2014/hash/375c7-Abstract.html)\n"
        "- [Deep Residual Learning](https://openaccess.thecvf.com/content_cvpr_2016/html/He_Deep_CVPR_2016_paper.html)\n"
        "- [A Findings Paper](https://aclanthology.org/2023.findings-emnlp.12/)\n"
        "- [An Old Paper](https://papers.nips.cc/paper/5347-an-old-paper)\n"
    )
    records, _ = read(text, file="list.md")
    assert [(r.entry_type, r.container_title_short, r.issued) for r in records] == [
        ("inproceedings", "NeurIPS", "2014"),
        ("inproceedings", "CVPR", "2016"),
        ("inproceedings", "Findings of EMNLP", "2023"),
        ("misc", "", ""),
    ]
    assert records[2].container_title.startswith("Findings")
