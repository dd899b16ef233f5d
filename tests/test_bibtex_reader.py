"""The BibTeX reader: the sample's hard cases, value evaluation, dates, names and robustness."""

from __future__ import annotations

import pytest
from conftest import DATA
from hypothesis import given, settings
from hypothesis import strategies as st

from bibconv.errors import BibconvError
from bibconv.latex import latex_to_unicode
from bibconv.model import OTHERS, Name, Source
from bibconv.readers.bibtex import _names, _plain_name, read
from bibconv.transforms.names import parse_bibtex_name, parse_bibtex_names

SAMPLE = DATA / "bibtex" / "sample.bib"


@pytest.fixture(scope="module")
def sample():
    records, report = read(SAMPLE.read_text(encoding="utf-8"), file="sample.bib")
    return {(r.key, r.source.line): r for r in records}, records, report


def _by_key(records, key):
    return next(r for r in records if r.key == key)


def test_sample_reads_every_entry_in_order_with_positions(sample) -> None:
    _, records, _ = sample
    assert [(r.key, r.source.line) for r in records] == [
        ("frantar2022gptq", 10), ("Dettmers2022LLMint8", 17), ("muller1999accents", 31),
        ("vonneumann1944", 43), ("vanderwaals2001", 54), ("openai2023gpt4", 64), ("strings2023", 74),
        ("after2024", 93), ("frantar2022gptq", 101), ("biblatex2021", 107), ("knuth1963", 121),
        ("quotes2020", 130),
    ]  # fmt: skip
    assert all(r.source == Source("sample.bib", r.source.line, "bibtex") for r in records)


def test_sample_reports_what_it_could_not_use(sample) -> None:
    _, _, report = sample
    assert [(u.source.line, u.text.splitlines()[0]) for u in report.unread] == [
        (88, "@inproceedings{broken2024,")
    ]
    messages = [str(w) for w in report.warnings]
    assert messages[0] == "sample.bib:2: @preamble ignored (its LaTeX definitions are not carried over)"
    assert messages[1].startswith("sample.bib:88: unreadable BibTeX block skipped: ")
    assert messages[2] == "sample.bib:93: undefined @string macro 'undefinedmacro' kept as text"
    assert messages[3] == "sample.bib:101: duplicate key 'frantar2022gptq': entry kept as a separate record"
    assert len(messages) == 4


def test_accents_in_every_spelling(sample) -> None:
    _, records, _ = sample
    record = _by_key(records, "muller1999accents")
    assert [n.family for n in record.author] == [
        "Müller", "González", "Škoda", "Cañete", "François", "Łukasiewicz", "Schönberg", "Nyård", "Straße",
    ]  # fmt: skip
    assert [n.given for n in record.author][:5] == ["Jörg", "José", "Jiří", "Iván", "Loïc"]
    assert record.title == "Über die Güte von Schätzern – eine Studie"
    assert record.container_title == "Zeitschrift für angewandte Mathematik & Physik"
    assert record.issued == "1999-03"
    assert (record.volume, record.issue, record.page) == ("12", "3", "1–30")
    assert record.language == "german"


def test_von_jr_corporate_and_others(sample) -> None:
    _, records, _ = sample
    collection = _by_key(records, "vanderwaals2001")
    assert collection.author == (
        Name(family="Waals", given="Johannes Diderik", particle="van der"),
        Name(family="King", given="Martin Luther", suffix="Jr."),
        Name(family="Vallée Poussin", given="Charles Jean", particle="de la"),
    )
    assert collection.editor == (Name(family="Fontaine", given="Jean", particle="de la"), OTHERS)
    assert _by_key(records, "vonneumann1944").author[0] == Name(
        family="Neumann", given="John", particle="von"
    )
    report = _by_key(records, "openai2023gpt4")
    assert report.author == (
        Name(literal="OpenAI"), Name(literal="Barack Obama"), Name(literal="National Aeronautics and Space Administration"),
    )  # fmt: skip


def test_types_titles_and_keys(sample) -> None:
    _, records, _ = sample
    gptq = records[0]
    assert gptq.entry_type == "article"
    assert gptq.title == "GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers"
    assert records[1].key == "Dettmers2022LLMint8"  # case kept
    assert records[1].entry_type == "inproceedings"
    assert records[1].title == "LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale"


def test_arxiv_ids_dois_and_pages(sample) -> None:
    _, records, _ = sample
    gptq, dettmers = records[0], records[1]
    assert gptq.arxiv == "2210.17323"  # from Google Scholar's venue
    assert dettmers.arxiv == "2208.07339"  # eprint with version: version dropped
    assert dettmers.page == "30318–30332"
    assert dettmers.issued == "2022-12"
    assert dettmers.extra == {"primaryclass": "cs.LG"}
    assert dettmers.url.endswith("c3ba4962c05c49636d4c6206a97e9c8a-Paper-Conference.pdf")
    openai = _by_key(records, "openai2023gpt4")
    assert (openai.arxiv, openai.doi) == ("2303.08774", "")  # arXiv's DOI is implied by the id
    assert openai.issued == "2023-03-15"  # mar # "~15"
    assert (openai.publisher, openai.number) == ("OpenAI", "TR-2023-1")
    acl = _by_key(records, "strings2023")
    assert acl.doi == "10.18653/v1/2023.acl-long.7"
    assert acl.url == "https://aclanthology.org/2023.acl-long.7?query=a%20b&x=1_2"


def test_string_macros_and_concatenation(sample) -> None:
    _, records, _ = sample
    acl = _by_key(records, "strings2023")
    assert acl.container_title == (
        "Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)"
    )
    assert acl.title.startswith("Learning α-divergences with $O(n^2)$ memory: a study of BERT and LLaMA")
    assert acl.keywords == ("quantization", "large language models", "pruning")
    after = _by_key(records, "after2024")
    assert (
        after.container_title
        == "International Conference on Machine Learning, Proceedings of Machine Learning Research"
    )
    assert after.volume == "undefinedmacro"


def test_duplicate_key_is_a_second_record(sample) -> None:
    _, records, _ = sample
    duplicates = [r for r in records if r.key == "frantar2022gptq"]
    assert [r.title for r in duplicates] == [
        "GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers",
        "GPTQ: A duplicate key with a different title",
    ]


def test_biblatex_fields(sample) -> None:
    _, records, _ = sample
    record = _by_key(records, "biblatex2021")
    assert record.entry_type == "online"
    assert record.container_title == "Journal of Open Source Software"
    assert record.issued == "2021-04-07"
    assert record.publisher_place == "Berlin"
    assert record.arxiv == "2104.01234"
    assert record.groups == ("Methods / Quantization", "Surveys")
    assert record.ids == ("doe2021alias", "doe2021other")
    assert record.code_url == "https://github.com/example/repo_name"
    assert record.extra == {"urldate": "2021-05-01"}


def test_thesis_notes_and_extra_fields(sample) -> None:
    _, records, _ = sample
    thesis = _by_key(records, "knuth1963")
    assert thesis.publisher == "California Institute of Technology"
    assert thesis.genre == "PhD dissertation"
    assert thesis.note == "Ph.D.\u00a0thesis; see also https://example.org/knuth"
    misc = _by_key(records, "quotes2020")
    assert misc.title == "“Weapons” of Math Destruction — How Big Data Increases Inequality"
    assert misc.author == (Name(family="O'Neil", given="Cathy"),)
    assert misc.abstract == "A long abstract spanning lines."
    assert misc.extra == {
        "custom-field": "Kept as an extra field",
        "howpublished": "https://weaponsofmathdestructionbook.com/",
    }


@pytest.mark.parametrize(
    ("fields", "issued"),
    [
        ("year = 2020, month = jan", "2020-01"),
        ("year = 2020, month = {January}", "2020-01"),
        ("year = 2020, month = {Sept.}", "2020-09"),
        ("year = 2020, month = 11", "2020-11"),
        ('year = 2020, month = jan # "~15"', "2020-01-15"),
        ("year = 2020, month = {jun}, day = {3}", "2020-06-03"),
        ("date = {2020-02-29}", "2020-02-29"),
        ("date = {2020-02}, year = {2020}", "2020-02"),
        ("year = {in press}", "in press"),
        ("year = {2020a}", "2020a"),
        ("date = {2019/2020}", "2019/2020"),
    ],
)
def test_dates(fields: str, issued: str) -> None:
    records, report = read(f"@article{{k, {fields}}}")
    assert records[0].issued == issued
    assert not report.warnings


def test_unknown_month_is_kept_and_warned() -> None:
    records, report = read("@article{k, year = 2020, month = {Spring}}")
    assert records[0].issued == "2020"
    assert records[0].extra == {"month": "Spring"}
    assert "month" in str(report.warnings[0])


def test_duplicate_field_keeps_the_first_and_warns() -> None:
    records, report = read("@article{k,\n title = {One},\n title = {Two}\n}")
    assert records[0].title == "One"
    assert (
        str(report.warnings[0])
        == "<string>:1: field 'title' given twice in 'k'; kept the first, ignored 'Two'"
    )


def test_alias_and_original_both_given_keeps_both() -> None:
    records, _ = read("@article{k, journal = {J}, journaltitle = {JT}}")
    assert records[0].container_title == "J"
    assert records[0].extra == {"journaltitle": "JT"}


def test_string_redefinition_and_case_insensitive_macros() -> None:
    text = '@string{v = "One"}\n@STRING{V = "Two"}\n@misc{k, note = v # { and } # V}'
    records, report = read(text)
    assert records[0].note == "Two and Two"
    assert "redefined" in str(report.warnings[0])


def test_non_arxiv_eprint_stays_an_extra_field() -> None:
    records, _ = read("@article{k, eprint = {12345678}, eprinttype = {pubmed}}")
    assert records[0].arxiv == ""
    assert records[0].extra == {"eprint": "12345678", "archiveprefix": "pubmed"}


def test_old_style_arxiv_and_doi_url() -> None:
    records, _ = read(
        "@article{k, eprint = {hep-th/9901001v3}, archiveprefix = {arXiv}, doi = {https://doi.org/10.1/X}}"
    )
    assert (records[0].arxiv, records[0].doi) == ("hep-th/9901001", "10.1/X")


def test_empty_and_comment_only_inputs() -> None:
    records, report = read("")
    assert records == [] and not report.warnings
    records, report = read("% nothing here\n@comment{x}\n")
    assert records == [] and not report.warnings and not report.unread


def test_text_after_a_broken_entry_is_still_read() -> None:
    records, report = read("@article{a, title = {x}\n@article{b, title={B}}\n")
    assert [r.key for r in records] == ["b"]
    assert report.unread[0].source.line == 1


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(list('@{}()"#=, \n\\abc%') + ["@article{", "@string{", "title=", " and "]),
        max_size=40,
    ).map("".join)
)
def test_reader_never_raises_anything_but_bibconv_error(text: str) -> None:
    try:
        read(text)
    except BibconvError:
        pass


_WORD = st.text(alphabet=st.sampled_from(list("abcxyzABCXYZéÉøÜ.'")), min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=4), st.lists(_WORD, max_size=3), st.booleans())
def test_fast_name_path_agrees_with_pybtex(family: list[str], given_names: list[str], inverted: bool) -> None:
    text = f"{' '.join(family)}, {' '.join(given_names)}" if inverted else " ".join(given_names + family)
    fast = _plain_name(text)
    if fast is not None:
        assert fast == parse_bibtex_name(text, latex_to_unicode)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["A", "B c", "{X and Y}", "and", " and ", "{", "}", "d\\'e", "others", "\n"]),
        max_size=12,
    ).map("".join)
)
def test_name_list_splitting_agrees_with_the_shared_splitter(value: str) -> None:
    assert _names(value) == parse_bibtex_names(value, latex_to_unicode)


def test_fields_left_outside_an_entry_are_reported_at_their_own_line() -> None:
    # bibtopic's articles.bib: a header comment, then an entry whose "@type (" bibtexparser cannot read
    text = "% header\n% more header\n\nSome prose.\n\n@incollection\n(\n  key,\n  author = {A. Writer},\n  title = {T},\n)\n"
    records, report = read(text, file="x.bib")
    assert records == []
    assert [str(w.source) for w in report.warnings] == ["x.bib:9"]
    assert report.unread and report.unread[0].source.line == 9


def test_a_location_lists_places_as_csl_and_pandoc_separate_them() -> None:
    def place(location: str) -> str:
        records, _ = read(f"@book{{k, title = {{T}}, location = {{{location}}}}}")
        return records[0].publisher_place

    assert place('D{\\"u}sseldorf and Z{\\"u}rich') == "Düsseldorf; Zürich"
    assert place("M{\\\"u}nchen and Berlin and New York") == "München; Berlin; New York"
    assert place("{Trinidad and Tobago}") == "Trinidad and Tobago"  # braced: one place
    assert place("Holt, Rinehart, and Winston") == "Holt, Rinehart, and Winston"  # a serial comma: one name
