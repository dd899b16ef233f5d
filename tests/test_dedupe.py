"""dedupe: one record per work, nothing lost, keys kept, idempotent, independent of input order."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bibconv.model import OTHERS, Name, Record, Source
from bibconv.report import Report
from bibconv.transforms.dedupe import dedupe

YAO = (
    Name(family="Yao", given="Zhewei"),
    Name(family="Wu", given="Xiaoxia"),
    Name(family="Li", given="Cheng"),
)


def bib(key: str, title: str, line: int, **fields) -> Record:
    fields.setdefault("author", YAO)
    fields.setdefault("issued", "2023")
    return Record(key=key, title=title, source=Source("refs.bib", line, "bibtex"), **fields)


def keys(records: list[Record]) -> list[str]:
    return [r.key for r in records]


def test_preprint_and_neurips_version_become_one_record_keeping_keys_in_ids():
    arxiv = bib("yao2022zeroquant", "ZeroQuant: Efficient and affordable post-training quantization for large-scale transformers",
                1, entry_type="article", container_title="arXiv preprint arXiv:2206.01861", issued="2022")  # fmt: skip
    neurips = bib("NEURIPS2022_adf7fa39", "ZeroQuant: Efficient and Affordable Post-Training Quantization for Large-Scale Transformers",
                  10, entry_type="inproceedings", container_title="Advances in Neural Information Processing Systems",
                  volume="35", page="27168–27183", issued="2022")  # fmt: skip
    other = bib("frantar2023gptq", "GPTQ: Accurate post-training quantization for generative pre-trained transformers", 20,
                author=(Name(family="Frantar", given="Elias"),))  # fmt: skip
    out, report = dedupe([arxiv, other, neurips])
    assert keys(out) == ["NEURIPS2022_adf7fa39", "frantar2023gptq"]
    merged = out[0]
    assert merged.entry_type == "inproceedings" and merged.page == "27168–27183"
    assert merged.arxiv == "2206.01861"
    assert merged.ids == ("yao2022zeroquant",)
    [group] = report.groups
    assert group.key == "NEURIPS2022_adf7fa39"
    assert group.members == ("yao2022zeroquant", "NEURIPS2022_adf7fa39")
    assert (
        group.reasons == ("same arXiv id: yao2022zeroquant ~ NEURIPS2022_adf7fa39",)
        or "same title" in group.reasons[0]
    )
    assert "container_title" in group.conflicts
    assert [str(s) for s in group.sources] == ["refs.bib:1", "refs.bib:10"]


def test_scholar_and_dblp_exports_merge():
    scholar = bib("dettmers2022gpt3", "Gpt3. int8 (): 8-bit matrix multiplication for transformers at scale", 1,
                  author=(Name(family="Dettmers", given="Tim"), Name(family="Lewis", given="Mike"), OTHERS),
                  entry_type="article", container_title="Advances in Neural Information Processing Systems",
                  volume="35", page="30318–30332", issued="2022")  # fmt: skip
    dblp = bib("DBLP:conf/nips/DettmersLBZ22", "LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale", 9,
               author=(Name(family="Dettmers", given="Tim"), Name(family="Lewis", given="Mike"),
                       Name(family="Belkada", given="Younes"), Name(family="Zettlemoyer", given="Luke")),
               entry_type="inproceedings", container_title="NeurIPS", issued="2022")  # fmt: skip
    out, report = dedupe([scholar, dblp])
    assert len(out) == 1
    assert out[0].title.startswith("LLM.int8()")
    assert len(out[0].author) == 4
    assert report.groups[0].reasons[0].startswith("similar title")


def test_case_punctuation_and_accent_variants_and_venue_names_merge():
    a = bib("mueller2020", "Über-parameterised networks: a study", 1, author=(Name(family="Müller", given="Jürgen"),),
            container_title="Proc. of NeurIPS")  # fmt: skip
    b = bib("muller2020", "Uber-Parameterised Networks -- A Study", 2, author=(Name(family="Muller", given="J."),),
            container_title="Advances in Neural Information Processing Systems")  # fmt: skip
    out, report = dedupe([a, b])
    assert len(out) == 1
    assert sorted(report.groups[0].conflicts["container_title"]) == [
        "Advances in Neural Information Processing Systems",
        "Proc. of NeurIPS",
    ]


def test_hard_negatives_stay_apart():
    records = [
        bib("touvron2023llama2", "Llama 2: Open foundation and fine-tuned chat models", 1),
        bib("touvron2023llama3", "Llama 3: Open foundation and fine-tuned chat models", 2),
        bib("sutton1a", "Reinforcement learning for control, Part I", 3),
        bib("sutton1b", "Reinforcement learning for control, Part II", 4),
        bib("zq", "ZeroQuant: Exploring post-training quantization in LLMs", 5),
        bib("zq2", "ZeroQuant-V2: Exploring post-training quantization in LLMs", 6),
        bib("conf", "Streaming language models with attention sinks", 7, doi="10.1000/conf"),
        bib("journal", "Streaming language models with attention sinks", 8, doi="10.1000/journal"),
        bib("li", "A survey on federated learning", 9, author=(Name(family="Li", given="Tian"),)),
        bib("zhang", "A survey on federated learning", 10, author=(Name(family="Zhang", given="Chen"),)),
    ]
    out, report = dedupe(records)
    assert out == records
    assert report.groups == []


def test_recurring_columns_in_different_issues_do_not_merge_but_repeats_do():
    def editorial(key: str, issue: str, line: int) -> Record:
        return bib(key, "Editorial", line, entry_type="article", container_title="Computational Linguistics",
                   author=(Name(family="Dale", given="Robert"),), volume="46", issue=issue, page="1–2")  # fmt: skip

    records = [
        editorial("ed1", "1", 1),
        editorial("ed2", "2", 2),
        editorial("ed3", "3", 3),
        editorial("ed1again", "1", 4),
    ]
    out, report = dedupe(records)
    assert keys(out) == ["ed1", "ed2", "ed3"]
    assert report.groups[0].members == ("ed1", "ed1again")


def test_organisation_author_and_person_list_of_the_same_report_merge():
    org = bib(
        "openai2023gpt4", "GPT-4 Technical Report", 1, author=(Name(literal="OpenAI"),), entry_type="misc"
    )
    people = bib("achiam2023gpt", "GPT-4 technical report", 2, author=(Name(family="Achiam", given="Josh"), OTHERS),
                 entry_type="article", container_title="arXiv preprint arXiv:2303.08774")  # fmt: skip
    out, _ = dedupe([org, people])
    assert len(out) == 1
    assert out[0].arxiv == "2303.08774"


def test_title_changed_between_arxiv_and_published_linked_by_arxiv_id():
    preprint = bib(
        "p",
        "Compressing generative transformers with second-order pruning",
        1,
        arxiv="2210.17323",
        issued="2022",
    )
    paper = bib("q", "GPTQ: Accurate post-training quantization for generative pre-trained transformers", 2,
                entry_type="inproceedings", container_title="ICLR", extra={"eprint": "2210.17323"})  # fmt: skip
    out, report = dedupe([preprint, paper])
    assert len(out) == 1 and out[0].title.startswith("GPTQ")
    assert report.groups[0].reasons == ("same arXiv id: p ~ q",)


def test_online_and_software_entries_merge_by_url_only():
    a = bib("vllm", "vLLM", 1, entry_type="software", url="https://github.com/vllm-project/vllm", author=())
    b = bib("vllmweb", "vLLM: easy, fast and cheap LLM serving", 2, entry_type="online",
            url="http://www.github.com/vllm-project/vllm/", author=())  # fmt: skip
    docs = bib("vllmdocs", "vLLM", 3, entry_type="online", url="https://docs.vllm.ai", author=())
    out, report = dedupe([a, b, docs])
    assert keys(out) == ["vllm", "vllmdocs"]
    assert out[0].ids == ("vllmweb",)


def test_different_dois_are_never_merged_even_through_a_third_record():
    a = bib("a", "Attention sinks in streaming language models", 1, doi="10.1/a")
    b = bib("b", "Attention sinks in streaming language models", 2, doi="10.1/b")
    c = bib("c", "Attention sinks in streaming language models", 3)  # would link both by title
    out, report = dedupe([a, b, c])
    assert len(out) == 2
    assert sum(len(g.members) for g in report.groups) == 2


def test_duplicate_keys_of_different_works_are_renamed_and_reported():
    a = bib("smith2020", "Learning to rank with gradient boosting", 1, author=(Name(family="Smith"),))
    b = bib("smith2020", "Graph neural networks for molecules", 2, author=(Name(family="Smith"),))
    c = bib(
        "Smith2020", "Federated optimisation in heterogeneous networks", 3, author=(Name(family="Smith"),)
    )
    out, report = dedupe([a, b, c])
    assert keys(out) == ["smith2020", "smith2020a", "Smith2020b"]
    assert report.renamed == {"smith2020": ["smith2020a"], "Smith2020": ["Smith2020b"]}
    assert len(report.warnings) == 2 and "refs.bib:2" in str(report.warnings[0])


def test_same_key_same_work_merges_and_report_names_members_by_position():
    a = bib(
        "yao2023", "ZeroQuant-V2: Exploring post-training quantization in LLMs", 1, groups=("Quantization",)
    )
    b = bib("yao2023", "ZeroQuant-V2: Exploring post-training quantization in LLMs", 40, groups=("Survey",))
    out, report = dedupe([a, b])
    assert keys(out) == ["yao2023"] and out[0].ids == ()
    assert set(out[0].groups) == {"Quantization", "Survey"}
    assert report.groups[0].members == ("yao2023 (refs.bib:1)", "yao2023 (refs.bib:40)")


def test_records_without_keys_are_named_by_position_and_get_a_key():
    text = Record(title="Efficient memory management for large language model serving with PagedAttention",
                  author=(Name(family="Kwon", given="Woosuk"),), issued="2023", source=Source("list.md", 7, "markdown"))  # fmt: skip
    out, report = dedupe([text, text.with_changes(source=Source("list.md", 31, "markdown"))])
    assert len(out) == 1 and out[0].key == "kwon2023efficient"  # keys are given where there were none
    assert report.groups[0].key == "kwon2023efficient"  # the report names the group by its output key
    assert report.groups[0].members == ("list.md:7", "list.md:31")
    json.dumps(report.to_json())  # the --report document is serialisable


def test_rekey_generates_fresh_keys_and_keeps_old_ones_in_ids():
    pytest.importorskip("bibconv.transforms.keys")
    a = bib(
        "NEURIPS2022_adf7fa39",
        "ZeroQuant: Efficient and affordable post-training quantization",
        1,
        issued="2022",
    )
    b = bib("yao2022zq", "ZeroQuant: efficient and affordable post-training quantization", 2, issued="2022")
    out, report = dedupe([a, b], rekey=True)
    assert len(out) == 1
    assert out[0].key not in ("NEURIPS2022_adf7fa39", "yao2022zq") and out[0].key.startswith("yao2022")
    assert set(out[0].ids) == {"NEURIPS2022_adf7fa39", "yao2022zq"}
    assert report.groups[0].key == out[0].key


def test_empty_input():
    assert dedupe([]) == ([], Report())


# --- properties on random inputs ---------------------------------------------------------------------

_TITLES = [
    "Llama 2: Open foundation and fine-tuned chat models",
    "Llama 3: Open foundation and fine-tuned chat models",
    "LLM.int8(): 8-bit matrix multiplication for transformers at scale",
    "Gpt3. int8 (): 8-bit matrix multiplication for transformers at scale",
    "8-bit matrix multiplication for transformers at scale",
    "Editorial",
    "A survey on federated learning",
    "GPT-4 technical report",
    "",
]
_PEOPLE = [(), (Name(family="Dettmers", given="Tim"),), (Name(family="Touvron", given="Hugo"), OTHERS),
           (Name(literal="OpenAI"),), (Name(family="Li", given="Tian"), Name(family="Smith", given="J."))]  # fmt: skip


@st.composite
def bibliographies(draw: st.DrawFn) -> list[Record]:
    """Small bibliographies drawn from few titles, authors and ids, so that duplicates and traps abound."""
    size = draw(st.integers(0, 12))
    records = []
    for line in range(1, size + 1):
        records.append(Record(
            entry_type=draw(st.sampled_from(["article", "inproceedings", "misc", "online"])),
            key=draw(st.sampled_from(["", "a2022", "b2023", "A2022", "dettmers2022"])),
            title=draw(st.sampled_from(_TITLES)),
            author=draw(st.sampled_from(_PEOPLE)),
            issued=draw(st.sampled_from(["", "2021", "2022", "2023", "2019"])),
            container_title=draw(st.sampled_from(["", "NeurIPS", "arXiv preprint", "JMLR"])),
            volume=draw(st.sampled_from(["", "1", "2"])),
            page=draw(st.sampled_from(["", "1–10", "11–20"])),
            doi=draw(st.sampled_from(["", "", "10.1/a", "10.1/b", "10.48550/arXiv.2208.07339"])),
            arxiv=draw(st.sampled_from(["", "", "2208.07339", "2307.09288"])),
            url=draw(st.sampled_from(["", "https://example.org/a", "https://example.org/b"])),
            keywords=draw(st.sampled_from([(), ("llm",), ("quantization",)])),
            groups=draw(st.sampled_from([(), ("Survey",), ("Quantization / PTQ",)])),
            inferred=draw(st.sampled_from([frozenset(), frozenset({"issued"})])),
            source=Source(draw(st.sampled_from(["a.bib", "b.md"])), line,
                          draw(st.sampled_from(["bibtex", "markdown", "text"]))),
        ))  # fmt: skip
    return records


def _without_keys(records: list[Record]) -> list[str]:
    return sorted(repr(r.with_changes(key="", ids=())) for r in records)


PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(bibliographies())
def test_nothing_is_lost(records):
    out, report = dedupe(records)
    grouped = [m for g in report.groups for m in g.members]
    assert len(out) + len(grouped) - len(report.groups) == len(records)
    merged_positions = {s for g in report.groups for s in g.sources}
    out_positions = {r.source for r in out}
    for record in records:
        assert record.source in merged_positions or record.source in out_positions


@PROPERTY
@given(bibliographies())
def test_dedupe_is_idempotent(records):
    once, _ = dedupe(records)
    twice, report = dedupe(once)
    assert twice == once
    assert report.groups == [] and report.renamed == {}


@PROPERTY
@given(bibliographies(), st.randoms(use_true_random=False))
def test_independent_of_input_order_up_to_key_naming(records, random):
    shuffled = list(records)
    random.shuffle(shuffled)
    assert _without_keys(dedupe(records)[0]) == _without_keys(dedupe(shuffled)[0])


def test_report_key_follows_a_renamed_merged_record():
    other = bib("smith2020", "Learning to rank with gradient boosting", 1, author=(Name(family="Smith"),))
    first = bib("smith2020", "Graph neural networks for molecules", 2, author=(Name(family="Smith"),))
    again = bib("smith2020", "Graph Neural Networks for Molecules", 3, author=(Name(family="Smith"),))
    out, report = dedupe([other, first, again])
    assert keys(out) == ["smith2020", "smith2020a"]
    assert report.groups[0].key == "smith2020a"
    assert report.renamed == {"smith2020": ["smith2020a"]}


def test_a_large_title_block_still_finds_swapped_names_and_columns_placed_alike():
    # More records with one title than a block is paired whole: the block is split by first author
    # (and columns by placement), which must keep every pair the decision could accept.
    families = ["Kim", "Park", "Lee", "Choi", "Nguyen", "Tran", "Rossi", "Silva", "Costa", "Weber"]
    surveys = [
        bib(
            f"{f.lower()}2020survey",
            "A survey on program synthesis",
            i,
            author=(Name(family=f, given="Ana"),),
            issued="2020",
        )  # fmt: skip
        for i, f in enumerate(families, 1)
    ]
    li = bib("li2020survey", "A Survey on Program Synthesis", 20, author=(Name(family="Li", given="Yuhang"),))
    swapped = bib("yuhang2020survey", "A survey on program synthesis.", 21,
                  author=(Name(family="Yuhang", given="Li"),))  # fmt: skip
    columns = [
        bib(
            f"ed{i}",
            "Editorial",
            30 + i,
            entry_type="article",
            container_title="Computational Linguistics",
            author=(),
            volume="46",
            issue=str(i),
            page=f"{i}–{i + 1}",
        )  # fmt: skip
        for i in range(1, 11)
    ]
    repeat = columns[4].with_changes(key="ed5again", source=Source("refs.bib", 50, "bibtex"))
    out, report = dedupe([*surveys, li, swapped, *columns, repeat])
    assert len(out) == len(surveys) + 1 + len(columns)
    assert sorted(g.members for g in report.groups) == [
        ("ed5", "ed5again"),
        ("li2020survey", "yuhang2020survey"),
    ]


def test_same_title_with_different_isbns_is_two_publications():
    """A book's UK and US editions (Beebe's typeset.bib): same title and author, no ISBN in common."""
    cave = (Name(family="Cave", given="Roderick"),)
    uk = bib("Cave:1971:PPa", "The private press", 1, entry_type="book", author=cave, issued="1971",
             publisher="Faber and Faber", isbn="0-571-09443-0")  # fmt: skip
    us = bib("Cave:1971:PPb", "The private press", 20, entry_type="book", author=cave, issued="1971",
             publisher="Watson-Guptill Publications", isbn="0-8352-1695-0")  # fmt: skip
    same = bib("Cave:1971:PPc", "The Private Press", 40, entry_type="book", author=cave, issued="1971",
               isbn="978-0-571-09443-1")  # fmt: skip
    out, report = dedupe([uk, us, same])
    assert keys(out) == ["Cave:1971:PPa", "Cave:1971:PPb"]
    assert [sorted(g.members) for g in report.groups] == [["Cave:1971:PPa", "Cave:1971:PPc"]]
