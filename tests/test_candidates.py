"""Possible duplicates left unmerged: a preprint renamed for its published version, with no shared id."""

from __future__ import annotations

import json

from click.testing import CliRunner

from bibconv.cli import main
from bibconv.model import Name, Record, Source
from bibconv.transforms.candidates import likely_same_work
from bibconv.transforms.dedupe import dedupe

ZAFRIR = (Name(family="Zafrir", given="Ofir"), Name(family="Boudoukh", given="Guy"))


def rec(key: str, title: str, *, preprint: bool, year: str = "2019", author=ZAFRIR, **fields) -> Record:
    if preprint:
        fields.setdefault("arxiv", "1910.06188")
        fields.setdefault("entry_type", "misc")
    else:
        fields.setdefault("entry_type", "inproceedings")
        fields.setdefault("container_title", "Workshop on Energy Efficient Machine Learning")
    return Record(key=key, title=title, author=author, issued=year, source=Source("refs.bib", 1, "bibtex"), **fields)


PREPRINT = rec("zafrir2019q8bert", "Q8BERT: Quantized 8Bit BERT", preprint=True)
PUBLISHED = rec("zafrir2019emc2", "Q8BERT: Efficient 8-Bit Inference for Transformer Models", preprint=False)


def test_renamed_preprint_is_reported_not_merged():
    out, report = dedupe([PREPRINT, PUBLISHED])
    assert [r.key for r in out] == ["zafrir2019q8bert", "zafrir2019emc2"] and not report.groups
    assert [c["keys"] for c in report.candidates] == [["zafrir2019q8bert", "zafrir2019emc2"]]
    assert "q8bert" in report.candidates[0]["reason"]
    assert json.loads(json.dumps(report.to_json()))["candidates"] == report.candidates


def test_most_title_words_shared_is_a_candidate():
    pre = rec("a", "Deep compression of large sparse language models for edge devices", preprint=True, year="2020")
    pub = rec("b", "Compressing large sparse language models for deployment on edge devices", preprint=False,
              year="2021")  # fmt: skip
    assert [(c.first, c.second) for c in likely_same_work([pre, pub])] == [(0, 1)]


def test_no_candidate_without_the_same_people_or_with_impossible_years():
    other_people = (Name(family="Zafrir", given="Ofir"), Name(family="Levy", given="Omer"))
    assert likely_same_work([PREPRINT, rec("c", PUBLISHED.title, preprint=False, author=other_people)]) == []
    older = rec("d", PUBLISHED.title, preprint=False, year="2015")
    assert likely_same_work([PREPRINT, older]) == []
    stranger = rec("e", PUBLISHED.title, preprint=False, author=(Name(family="Smith", given="J."),))
    assert likely_same_work([PREPRINT, stranger]) == []
    unrelated = rec("f", "A study of river sediment transport in alpine catchments", preprint=False)
    assert likely_same_work([PREPRINT, unrelated]) == []


def test_two_preprints_or_two_published_records_are_never_candidates():
    assert likely_same_work([PREPRINT, rec("g", PUBLISHED.title, preprint=True, arxiv="2001.00001")]) == []
    published_twin = rec("h", "Q8BERT: Quantized 8Bit BERT for transformers", preprint=False)
    assert likely_same_work([PUBLISHED, published_twin]) == []


def test_dry_run_lists_candidates(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(
        "@misc{pre, title={Q8BERT: Quantized 8Bit BERT}, author={Zafrir, Ofir and Boudoukh, Guy}, year={2019},"
        " eprint={1910.06188}, archiveprefix={arXiv}}\n"
        "@inproceedings{pub, title={Q8BERT: Efficient 8-Bit Inference for Transformer Models},"
        " author={Zafrir, Ofir and Boudoukh, Guy}, booktitle={EMC2 Workshop}, year={2019}}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["dedupe", str(path), "--dry-run"])
    assert result.exit_code == 0
    assert "?? pre ~ pub  (not merged: same first author and title name 'q8bert'" in result.output
