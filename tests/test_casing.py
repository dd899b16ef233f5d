"""Title case -> sentence case as pandoc reads BibTeX, and the words braces protect."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bibconv.api import read_string
from bibconv.casing import case_protected_words, is_case_significant, looks_sentence_case, sentence_case
from bibconv.readers.bibtex import read as read_bibtex
from bibconv.writers import bibtex as bibtex_writer
from bibconv.writers.csljson import record_to_csl
from bibconv.writers.csljson import write as write_csljson

# Pairs checked against `pandoc x.bib -t csljson` (pandoc 2.17) on biblatex-examples.bib and Beebe's
# TeX bibliographies: (BibTeX title, the title pandoc gives CSL).
PANDOC_PAIRS = [
    ("Higher-Dimensional Algebra {V}: 2-Groups", "Higher-dimensional algebra V: 2-groups"),
    ("Argonauts of the {Western Pacific}", "Argonauts of the Western Pacific"),
    (
        "A Hybrid Hierarchical Model of a {Multiple Virtual Storage} ({MVS}) Operating System",
        "A hybrid hierarchical model of a Multiple Virtual Storage (MVS) operating system",
    ),
    (
        "Document formatting systems: survey, concepts, and issues",
        "Document formatting systems: Survey, concepts, and issues",
    ),
    (
        "The Limitations of Human Knowledge According to {Al-Farabi}, {ibn Bajja}, and {Maimonides}",
        "The limitations of human knowledge according to Al-Farabi, ibn Bajja, and Maimonides",
    ),
    ("Tame the {BeaST}: The {B} to {X} of {BibTeX}", "Tame the BeaST: The B to X of BibTeX"),
    ("Deep Learning on the Edge? Yes! Why not", "Deep learning on the edge? Yes! Why not"),
    (
        "Visualizing Data Using {t-SNE}: A {Bayesian} View on {M}arkov Chains",
        "Visualizing data using t-SNE: A Bayesian view on Markov chains",
    ),
    ("{\\TeX} and Typesetting", "TeX and typesetting"),
]


def _csl_title(bibtex_title: str, extra: str = "") -> str:
    records, _ = read_bibtex(f"@book{{k, title = {{{bibtex_title}}}, year = 2000{extra}}}")
    return record_to_csl(records[0])["title"]


def test_titles_become_sentence_case_as_pandoc_makes_them() -> None:
    for bibtex_title, expected in PANDOC_PAIRS:
        assert _strip_spans(_csl_title(bibtex_title)) == expected, bibtex_title


def _strip_spans(text: str) -> str:
    return text.replace('<span class="nocase">', "").replace("</span>", "")


def test_words_a_title_protects() -> None:
    assert case_protected_words("A {B}ayesian View of {Deep Learning} on {GPU}s") == (
        "Bayesian",
        "Deep",
        "Learning",
    )
    assert case_protected_words('\\emph{Foo} and {\\"O}sterreich') == ()  # macro argument, special character
    assert case_protected_words("{Unbalanced") == ()
    assert case_protected_words("No braces") == ()


def test_a_title_in_sentence_case_is_left_alone() -> None:
    # its capitalised words are proper nouns: pandoc would lower-case "Hessian", we keep it
    assert looks_sentence_case("On the Hessian of deep networks and their training")
    assert _csl_title("On the Hessian of deep networks and their training") == (
        "On the Hessian of deep networks and their training"
    )
    assert not looks_sentence_case("On the Hessian of Deep Networks")


def test_case_significant_words_are_never_changed() -> None:
    for word in ("GPTQ", "LLMs", "T5", "iPhone", "t-SNE", "$O(n)$", "SqueezeLLM-Based"):
        assert is_case_significant(word)
    assert sentence_case("GPTQ: Accurate Post-Training Quantization for LLMs") == (
        "GPTQ: Accurate post-training quantization for LLMs"
    )


def test_an_initial_does_not_end_a_sentence() -> None:
    # pandoc on Beebe's "(with a preface by Donald {E}. Knuth)"
    assert sentence_case("With a Preface by Donald E. Knuth", ("E",)) == "With a preface by donald E. knuth"


def test_a_sentence_starting_with_a_number_gets_no_capital() -> None:
    # pandoc on Google Scholar's "Computer Vision--ECCV 2020: 16th European Conference"
    assert sentence_case("Computer Vision 2020: 16th European Conference") == (
        "Computer vision 2020: 16th european conference"
    )
    assert sentence_case("Learning systems: 3d survey", lower=False) == "Learning systems: 3d survey"
    assert sentence_case("systems: (survey)", lower=False) == "Systems: (Survey)"


def test_only_english_titles_change_and_journals_keep_their_case() -> None:
    assert (
        _csl_title("Die Leiden Des Jungen Werthers", ", langid = {german}")
        == "Die Leiden Des Jungen Werthers"
    )
    assert _csl_title("An Introduction To Things", ", langid = {english}") == "An introduction to things"
    records, _ = read_bibtex(
        "@article{a, title = {Some Title Here}, journal = {Journal of Machine Learning Research}, year = 2008}\n"
        "@inproceedings{b, title = {Another Title}, booktitle = {Proceedings of the Big Conference}, year = 2020}"
    )
    article, paper = (record_to_csl(r) for r in records)
    assert article["container-title"] == "Journal of Machine Learning Research"
    assert paper["container-title"] == "Proceedings of the big conference"


def test_subtitles_are_joined_and_the_record_comes_back_from_csl_json() -> None:
    text = "@book{k, title = {The {Chicago} Manual of Style}, subtitle = {The Essential Guide}, year = 2010}"
    records, _ = read_bibtex(text)
    item = record_to_csl(records[0])
    assert item["title"] == "The Chicago manual of style: The essential guide"
    back, _ = read_string(write_csljson(records), "csl-json")
    assert back[0].title == records[0].title
    assert back[0].extra["subtitle"] == "The Essential Guide"
    assert back[0].case_protected == ("Chicago",)


def test_von_parts_are_dropping_particles_unless_useprefix() -> None:
    text = (
        "@article{a, author = {van der Maaten, Laurens and De Sa, Christopher}, title = {T}, year = 2008}\n"
        "@article{b, author = {van der Maaten, Laurens}, title = {T}, year = 2008, options = {useprefix=true}}"
    )
    records, _ = read_bibtex(text)
    first, second = (record_to_csl(r) for r in records)
    assert first["author"][0] == {"family": "Maaten", "given": "Laurens", "dropping-particle": "van der"}
    assert first["author"][1] == {"family": "De Sa", "given": "Christopher"}
    assert second["author"][0]["non-dropping-particle"] == "van der"
    # records from CSL-JSON keep the particle CSL-JSON gave them
    assert json.loads(write_csljson(read_string(write_csljson(records), "csl-json")[0]))[0]["author"][0] == {
        "family": "Maaten",
        "given": "Laurens",
        "non-dropping-particle": "van der",
    }


def test_protected_words_survive_a_bibtex_round_trip() -> None:
    records, _ = read_bibtex("@book{k, title = {A {B}ayesian View of {M}arkov Chains}, year = 2000}")
    written = bibtex_writer.write(records)
    assert "{Bayesian}" in written and "{Markov}" in written
    assert read_bibtex(written)[0][0].case_protected == ("Bayesian", "Markov")


_WORDS = st.text(alphabet="abcXYZéÉ-:.?! ", min_size=0, max_size=40)


@settings(max_examples=150, deadline=None)
@given(_WORDS)
def test_sentence_case_only_changes_case_and_is_idempotent(text: str) -> None:
    once = sentence_case(text)
    assert once.lower() == text.lower()
    assert sentence_case(once) == once


def test_quoted_titles_and_sentence_case_subtitles_keep_their_case() -> None:
    # biblatex-examples.bib: nussbaum (\mkbibquote{De Motu Animalium}) and malinowski (a sentence-case subtitle)
    assert _csl_title(r"Aristotle's \mkbibquote{De Motu Animalium}") == "Aristotle's “De Motu Animalium”"
    assert (
        _csl_title(
            "Argonauts of the {Western Pacific}",
            ", subtitle = {An account of trade in {Melanesian New Guinea}}",
        )
        == "Argonauts of the Western Pacific: An account of trade in Melanesian New Guinea"
    )
