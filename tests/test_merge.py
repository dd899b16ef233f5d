"""The merge policy: published over preprint, authoritative and complete values win, disagreements kept."""

from __future__ import annotations

import pytest

from bibconv.model import OTHERS, Name, Record, Source
from bibconv.transforms.merge import merge_records

FRANTAR = (Name(family="Frantar", given="Elias"), Name(family="Ashkboos", given="Saleh"),
           Name(family="Hoefler", given="Torsten"), Name(family="Alistarh", given="Dan"))  # fmt: skip
TITLE = "GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers"


def preprint(**changes) -> Record:
    base = Record(entry_type="article", key="frantar2022gptq", title=TITLE, author=FRANTAR, issued="2022",
                  container_title="arXiv preprint arXiv:2210.17323", arxiv="2210.17323",
                  url="https://arxiv.org/abs/2210.17323", keywords=("quantization",),
                  groups=("Quantization",), source=Source("scholar.bib", 3, "bibtex"))  # fmt: skip
    return base.with_changes(**changes)


def published(**changes) -> Record:
    base = Record(entry_type="inproceedings", key="DBLP:conf/iclr/FrantarAHA23", title=TITLE, author=FRANTAR,
                  issued="2023", container_title="The Eleventh International Conference on Learning Representations",
                  container_title_short="ICLR", page="1–16", url="https://openreview.net/forum?id=tcbBPnfwxS",
                  keywords=("llm",), groups=("Compression / Post-training",),
                  source=Source("dblp.bib", 10, "bibtex"))  # fmt: skip
    return base.with_changes(**changes)


def test_published_version_wins_type_venue_year_pages_and_keeps_the_arxiv_id():
    merged, conflicts = merge_records([preprint(), published()])
    assert merged.entry_type == "inproceedings"
    assert merged.container_title == "The Eleventh International Conference on Learning Representations"
    assert merged.issued == "2023"
    assert merged.page == "1–16"
    assert merged.arxiv == "2210.17323"
    assert merged.key == "DBLP:conf/iclr/FrantarAHA23"
    assert conflicts["issued"] == ["2023", "2022"]
    assert conflicts["container_title"][0].startswith("The Eleventh")
    assert "arXiv preprint arXiv:2210.17323" in conflicts["container_title"]
    assert conflicts["entry_type"] == ["inproceedings", "article"]


def test_order_of_members_does_not_change_the_result():
    assert merge_records([preprint(), published()]) == merge_records([published(), preprint()])


def test_lists_are_united_and_groups_kept():
    merged, _ = merge_records([preprint(), published()])
    assert set(merged.keywords) == {"quantization", "llm"}
    assert set(merged.groups) == {"Quantization", "Compression / Post-training"}


def test_preprint_venue_fields_never_leak_into_the_published_record():
    scholar = preprint(extra={"journal": "arXiv preprint arXiv:2210.17323", "note": "under review"})
    merged, conflicts = merge_records([scholar, published(container_title="")])
    assert merged.container_title == ""  # the published member has none; the arXiv one is not a venue
    assert "journal" not in merged.extra
    assert merged.extra["note"] == "under review"
    assert conflicts["container_title"] == ["", "arXiv preprint arXiv:2210.17323"]
    assert conflicts["extra.journal"] == ["", "arXiv preprint arXiv:2210.17323"]


def test_full_author_list_wins_over_et_al():
    short = published(author=(FRANTAR[0], OTHERS), doi="10.1000/x", source=Source("a.bib", 1, "bibtex"))
    full = published(key="other", source=Source("list.md", 4, "markdown"))
    merged, conflicts = merge_records([short, full])
    assert merged.author == FRANTAR
    assert merged.doi == "10.1000/x"
    assert conflicts["author"][0].startswith("Elias Frantar; Saleh Ashkboos")


def test_bib_and_doi_sources_win_over_list_badges():
    badge = published(title="GPTQ: accurate post-training quantization", key="", container_title_short="ICLR'23",
                      source=Source("README.md", 12, "markdown"))  # fmt: skip
    bib = published(container_title_short="ICLR", doi="10.1000/gptq", source=Source("refs.bib", 1, "bibtex"))
    merged, conflicts = merge_records([badge, bib])
    assert merged.container_title_short == "ICLR"
    assert merged.source.file == "refs.bib"
    assert conflicts["container_title_short"] == ["ICLR", "ICLR'23"]


def test_explicit_year_wins_over_year_inferred_from_arxiv_id():
    inferred = preprint(issued="2022", inferred=frozenset({"issued"}), source=Source("list.md", 3, "bibtex"))
    explicit = preprint(
        issued="2023", key="b", container_title="arXiv preprint", source=Source("z.bib", 9, "bibtex")
    )
    merged, conflicts = merge_records([inferred, explicit])
    assert merged.issued == "2023"
    assert "issued" not in merged.inferred
    assert conflicts["issued"] == ["2023", "2022"]


def test_google_scholar_mangled_title_loses_to_the_original():
    scholar = published(title="Gpt3. int8 (): 8-bit matrix multiplication for transformers at scale", page="30318–30332",
                        volume="35", source=Source("scholar.bib", 1, "bibtex"))  # fmt: skip
    dblp = published(title="LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale", key="dblp",
                     source=Source("dblp.bib", 1, "bibtex"))  # fmt: skip
    merged, conflicts = merge_records([scholar, dblp])
    assert merged.title == "LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale"
    assert merged.volume == "35"
    assert len(conflicts["title"]) == 2


def test_published_title_wins_when_the_title_changed_after_the_preprint():
    old = preprint(title="Compressing transformers with second-order pruning")
    merged, conflicts = merge_records([old, published()])
    assert merged.title == TITLE
    assert conflicts["title"] == [TITLE, "Compressing transformers with second-order pruning"]


def test_extra_fields_are_united_and_disagreements_reported():
    a = published(extra={"note": "Oral", "code": "github.com/IST-DASLab/gptq"})
    b = preprint(extra={"note": "Spotlight", "timestamp": "2023-01-01"})
    merged, conflicts = merge_records([a, b])
    assert merged.extra == {"note": "Oral", "code": "github.com/IST-DASLab/gptq", "timestamp": "2023-01-01"}
    assert conflicts["extra.note"] == ["Oral", "Spotlight"]


def test_pages_differing_only_in_dash_style_are_no_conflict():
    merged, conflicts = merge_records([published(page="1-16"), published(page="1–16", key="x")])
    assert "page" not in conflicts


def test_identical_members_give_no_conflicts():
    merged, conflicts = merge_records([published(), published()])
    assert conflicts == {}
    assert merged == published()


def test_merge_needs_members():
    with pytest.raises(ValueError):
        merge_records([])
