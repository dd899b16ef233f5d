"""Labelling many citations together (``batch.BatchTagger``) gives python-crfsuite's labels exactly, and
``parse_citations`` gives what ``parse_citation`` gives on each."""

from __future__ import annotations

from importlib import resources

import pytest
from conftest import BUNDLED, DATA, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from bibconv.citations import crf, parser
from bibconv.citations.batch import BatchTagger, read_model
from bibconv.citations.crf import _tagger, tag_many, tag_tokens
from bibconv.citations.parser import parse_citation, parse_citations
from bibconv.citations.tokens import tokenize
from bibconv.errors import BibconvError
from bibconv.model import Source

MODEL = read_model((resources.files("bibconv.data") / "citation.crfsuite").read_bytes())


def _citations() -> list[str]:
    """Real citations in many styles: the quantization list, the bundled APA references, the wrapped
    references sections of the text tests (one physical line each: wrapped pieces are fine to label)."""
    lines = [line[2:] for line in (BUNDLED / "quantization-papers.md").read_text().splitlines() if line[:2] == "- "]
    lines += (ROOT / "bib" / "references-apa.txt").read_text().splitlines()
    for path in sorted((DATA / "text").glob("*.txt")):
        lines += path.read_text().splitlines()
    return [line for line in lines if line.strip()]


CITATIONS = _citations()


def test_the_weights_are_those_crfsuite_reports():
    info = _tagger().info()  # python-crfsuite's own reading of the model, weights printed to 6 decimals
    assert MODEL.labels == tuple(_tagger().labels())
    assert len(MODEL.attributes) == len(info.attributes) and MODEL.attributes.keys() == info.attributes.keys()
    label = {name: i for i, name in enumerate(MODEL.labels)}
    for (attribute, name), weight in info.state_features.items():
        assert MODEL.state[MODEL.attributes[attribute], label[name]] == pytest.approx(weight, abs=6e-7)
    for (source, destination), weight in info.transitions.items():
        assert MODEL.transition[label[source], label[destination]] == pytest.approx(weight, abs=6e-7)
    assert not MODEL.state[0].any()  # the row of an unknown feature adds nothing
    with pytest.raises(ValueError):
        read_model(b"not a model" * 10)


def test_labels_together_are_crfsuite_labels_one_by_one():
    tokens = [tokenize(text) for text in CITATIONS]
    assert len(tokens) > 150
    assert tag_many(tokens, together=True) == [tag_tokens(t) for t in tokens]
    assert tag_many([], together=True) == []
    assert tag_many([[], tokenize("x")], together=True) == [[], tag_tokens(tokenize("x"))]


WORDS = ["Smith", "J.", "Nature", "2020", "12", "pp.", "In:", "ed.", "Proc.", "https://x.org/a", "arXiv:2102.05426"]
MARKS = ["", ".", ",", ":", ";", "(", ")", "[", "]", '"', "“", "”", "'", "–", "?"]
token_texts = st.builds("".join, st.lists(st.sampled_from(WORDS + MARKS), min_size=1, max_size=3))


class _SmallBatchTagger(BatchTagger):
    BATCH, CACHE_LIMIT, INITIAL_ROWS = 3, 20, 4


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(token_texts, max_size=25), max_size=9))
def test_small_batches_and_a_full_cache_change_no_label(citations):
    """Batches of three citations and a table of at most twenty texts, emptied between batches and grown
    from four rows: every boundary the bulk path has, on quotes and brackets opened and closed anywhere."""
    tagger = _SmallBatchTagger(MODEL)
    tokens = [tokenize(" ".join(texts)) for texts in citations]
    assert tagger.tag(tokens) == [tag_tokens(t) for t in tokens]


ODD = [
    "",
    "   ",
    "x",
    "12345 67",
    "a" * 2100,
    "张三, 李四. 深度学习研究[J]. 计算机学报, 2020, 43(5): 1-10.",  # GB/T 7714: its own grammar
    "Kuhn, Thomas. The Structure of Scientific Revolutions (Chicago: University of Chicago Press, 1962), 45.",
    "Wittgenstein, L. Philosophical Investigations. Translated by G. E. M. Anscombe. Oxford: Blackwell, 1953.",
    'Frantar, Elias, et al. "GPTQ." arXiv preprint arXiv:2210.17323 (2022). (ICLR 2023)',
]


def test_parse_citations_is_parse_citation_on_each(monkeypatch):
    monkeypatch.setattr(parser, "_CHUNK", 50)  # several chunks
    texts = CITATIONS + ODD
    sources = [Source("refs.txt", n, "text") for n in range(1, len(texts) + 1)]
    one_by_one = [parse_citation(text, source) for text, source in zip(texts, sources, strict=True)]
    assert parse_citations(texts, sources) == one_by_one  # crfsuite: fewer than TOGETHER_FROM
    monkeypatch.setattr(parser, "TOGETHER_FROM", 1)
    assert parse_citations(texts, sources) == one_by_one
    assert parse_citations([]) == []


def test_a_bug_on_one_citation_costs_that_citation_only(monkeypatch):
    build = parser._build

    def failing(text, segments, source):
        if "Hubara" in text:
            raise IndexError("a bug")
        return build(text, segments, source)

    monkeypatch.setattr(parser, "_build", failing)
    monkeypatch.setattr(parser, "TOGETHER_FROM", 1)
    bug = 'Hubara, Itay, et al. "Quantized neural networks." JMLR 18.187 (2018): 1-30.'
    texts = [text for text in CITATIONS[:20] if "Hubara" not in text] + [bug]
    parsed = parse_citations(texts)
    assert all(p.ok for p in parsed[:-1])
    assert not parsed[-1].ok and parsed[-1].problems == ("internal parser error (IndexError)",)
    assert parsed[-1].record.note == texts[-1]


def test_a_missing_model_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(crf, "_MODEL", tmp_path / "missing.crfsuite")
    crf._batch_tagger.cache_clear()
    try:
        with pytest.raises(BibconvError, match="citation model missing or unreadable"):
            tag_many([tokenize("Doe, J. A title.")], together=True)
    finally:
        crf._batch_tagger.cache_clear()


def test_a_bug_in_labelling_together_costs_nothing_but_time(monkeypatch):
    def failing(citations, together=None):
        raise IndexError("a bug")

    monkeypatch.setattr(parser, "tag_many", failing)
    texts = CITATIONS[:5]
    assert parse_citations(texts) == [parse_citation(text) for text in texts]  # each labelled on its own
