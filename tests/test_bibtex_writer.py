"""The BibTeX writer: layout, case protection, escapes, arXiv styles, ASCII output and golden files."""

from __future__ import annotations

import pytest
from conftest import DATA

from bibconv.model import OTHERS, Name, Record
from bibconv.readers.bibtex import read
from bibconv.writers.bibtex import protect_title, write

GPTQ = Record(
    entry_type="article",
    key="frantar2022gptq",
    title="GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers",
    author=(Name(family="Frantar", given="Elias"), Name(family="Ashkboos", given="Saleh"), OTHERS),
    issued="2022-10",
    arxiv="2210.17323",
)


def test_layout_is_fixed_and_deterministic() -> None:
    record = Record(
        entry_type="inproceedings",
        key="Smith2020",
        title="A study",
        author=(Name(family="Smith", given="Jane"),),
        container_title="Proc. of Things",
        page="1–10",
        issued="2020",
        publisher="ACM",
        doi="10.1/x_y",
        extra={"zeta": "last", "alpha": "first"},
    )
    expected = (
        "@inproceedings{Smith2020,\n"
        "  title = {A study},\n"
        "  author = {Smith, Jane},\n"
        "  booktitle = {Proc. of Things},\n"
        "  pages = {1--10},\n"
        "  publisher = {ACM},\n"
        "  year = {2020},\n"
        "  doi = {10.1/x_y},\n"
        "  alpha = {first},\n"
        "  zeta = {last},\n"
        "}\n"
    )
    assert write([record]) == expected
    assert write([record, record]) == expected + "\n" + expected
    assert write([]) == ""


@pytest.mark.parametrize(
    ("title", "protected"),
    [
        ("GPTQ: Accurate Post-Training Quantization", "{GPTQ}: Accurate Post-Training Quantization"),
        ("Scaling LLMs with BERT and LLaMA", "Scaling {LLMs} with {BERT} and {LLaMA}"),
        ("SqueezeLLM: dense-and-sparse quantization", "{SqueezeLLM}: dense-and-sparse quantization"),
        ("Training T5 on GPT-4 outputs", "Training {T5} on {GPT-4} outputs"),
        ("iPhone apps and mRNA", "{iPhone} apps and {mRNA}"),
        # sentence case: capitalised words after the first are proper nouns
        ("Learning with Gaussian processes in Europe", "Learning with {Gaussian} processes in {Europe}"),
        ("Bayesian methods: A practical guide", "Bayesian methods: A practical guide"),
        ("Non-Gaussian noise is common", "{Non-Gaussian} noise is common"),
        # title case: only acronyms and inner capitals
        ("Attention Is All You Need", "Attention Is All You Need"),
        ("Deep Residual Learning for Image Recognition", "Deep Residual Learning for Image Recognition"),
        ("The Ümlaut Problem of BÄR", "The Ümlaut Problem of {BÄR}"),
        ("A", "A"),
    ],
)
def test_title_protection(title: str, protected: str) -> None:
    assert protect_title(title) == protected


def test_protection_keeps_math_and_encoded_words_whole() -> None:
    assert protect_title('Learning $O(n)$ kernels for M{\\"u}ller nets') == (
        'Learning {$O(n)$} kernels for {M{\\"u}ller} nets'
    )


def test_special_characters_are_escaped_outside_urls() -> None:
    record = Record(
        key="k",
        title="R&D at 50% of #1 snake_case",
        url="https://x.org/a_b%20c#frag",
        code_url="https://github.com/a/b_c",
        doi="10.1000/a_b",
        note="~ and {braces}",
    )
    text = write([record])
    assert "  title = {{R\\&D} at 50\\% of \\#1 snake\\_case},\n" in text
    assert "  url = {https://x.org/a_b%20c#frag},\n" in text
    assert "  code = {https://github.com/a/b_c},\n" in text
    assert "  doi = {10.1000/a_b},\n" in text
    assert "  note = {{\\textasciitilde} and {\\textbraceleft}braces{\\textbraceright}},\n" in text
    assert read(text)[0][0].with_changes(source=record.source) == record


def test_arxiv_eprint_style() -> None:
    text = write([GPTQ])
    assert (
        "  doi = {10.48550/arXiv.2210.17323},\n  eprint = {2210.17323},\n  archiveprefix = {arXiv},\n" in text
    )
    assert "  author = {Frantar, Elias and Ashkboos, Saleh and others},\n" in text
    assert "  year = {2022},\n  month = oct,\n" in text


def test_arxiv_keeps_another_doi() -> None:
    text = write([GPTQ.with_changes(doi="10.1/published")])
    assert "doi = {10.1/published}" in text and "10.48550" not in text


def test_arxiv_scholar_style_for_unpublished_preprints() -> None:
    text = write([GPTQ], arxiv_style="scholar")
    assert "  journal = {arXiv preprint arXiv:2210.17323},\n" in text
    assert "eprint =" not in text and "doi =" not in text
    assert read(text)[0][0].arxiv == "2210.17323"
    published = write([GPTQ.with_changes(container_title="ICLR")], arxiv_style="scholar")
    assert "journal = {ICLR}" in published and "eprint = {2210.17323}" in published


def test_ascii_output() -> None:
    record = Record(
        key="k",
        title="Über Schätzer – α-divergences",
        author=(
            Name(family="Müller", given="Jörg"),
            Name(family="Škoda", given="Jiří"),
            Name(literal="Ærø Ltd"),
        ),
    )
    text = write([record], ascii=True)
    assert text.isascii()
    assert '  title = {{\\"U}ber Sch{\\"a}tzer -- \\ensuremath{\\alpha}-divergences},\n' in text
    assert (
        '  author = {M{\\"u}ller, J{\\"o}rg and {\\v{S}}koda, Ji{\\v{r}}{\\\'i} and {{\\AE}r{\\o} Ltd}},\n'
        in text
    )
    assert read(text)[0][0].with_changes(source=record.source) == record


def test_dates_months_and_days() -> None:
    assert "  year = {2020},\n  month = jan,\n  date = {2020-01-05},\n" in write(
        [Record(key="k", issued="2020-01-05")]
    )
    assert "  date = {in press},\n" in write([Record(key="k", issued="in press")])
    assert "  year = {2019/2020},\n" in write([Record(key="k", issued="2019/2020")])


def test_lists_and_record_specific_fields() -> None:
    record = Record(
        key="k",
        entry_type="phdthesis",
        publisher="MIT",
        groups=("Methods / Quantization", "Surveys"),
        ids=("a", "b"),
        keywords=("x", "y z"),
        code_url="https://github.com/o/r",
    )
    text = write([record])
    assert "  school = {MIT},\n" in text
    assert "  groups = {Methods / Quantization; Surveys},\n  ids = {a, b},\n" in text
    assert "  keywords = {x, y z},\n" in text
    assert "  code = {https://github.com/o/r},\n" in text


def test_number_like_fields_by_type() -> None:
    article = write([Record(key="a", entry_type="article", issue="3", number="TR-1")])
    assert "  number = {3},\n" in article and "  reportnumber = {TR-1},\n" in article
    book = write([Record(key="b", entry_type="book", collection_number="12", issue="4")])
    assert "  number = {12},\n" in book and "  issue = {4},\n" in book


def test_records_without_key_or_type_get_a_placeholder() -> None:
    assert write([Record(title="x")]).startswith("@misc{ref1,\n")


def test_sample_golden(golden) -> None:
    records, _ = read((DATA / "bibtex" / "sample.bib").read_text(encoding="utf-8"), file="sample.bib")
    golden("bibtex/sample.bib", write(records))
    golden("bibtex/sample-ascii.bib", write(records, ascii=True))


def test_an_abstract_line_that_looks_like_an_entry_start_is_guarded() -> None:
    abstract = "First paragraph.\n\n@article{x, is not an entry}\n\n@ home, and $a@b$ in math"
    text = write([Record(entry_type="article", key="a", title="T", abstract=abstract)])
    assert "\n{}@article" in text and "\n@ home" in text  # only "@type{" needs the guard
    back, report = read(text)
    assert not report.unread and back[0].abstract == abstract
