"""The speed helpers give what the plain ways give: record copies and builds, the writer's cached word
traits and name memo, merged units' borrowed features, lazily counted field lines."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bibconv.casing import words_look_sentence_case
from bibconv.model import Name, Record, Source
from bibconv.readers import bibtex_splitter
from bibconv.readers.bibtex_splitter import LazyEntry, split_blocks
from bibconv.transforms.match import blocking_keys, features
from bibconv.writers import bibtex as bibtex_writer

RECORD = Record(
    entry_type="article",
    key="k",
    title="GPTQ: Accurate Post-Training Quantization",
    author=(Name(family="Frantar", given="Elias"),),
    issued="2023",
    extra={"note2": "x"},
    source=Source("a.bib", 3, "bibtex"),
)


def test_with_changes_is_dataclasses_replace() -> None:
    changes = {"key": "other", "ids": ("k",), "title": "", "extra": {}}
    assert RECORD.with_changes(**changes) == dataclasses.replace(RECORD, **changes)
    assert RECORD.with_changes() == RECORD
    with pytest.raises(TypeError):
        RECORD.with_changes(nonsense=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        RECORD.with_changes(key="x").key = "y"  # type: ignore[misc]


def test_from_filled_is_the_constructor_on_the_filled_values() -> None:
    values = {"entry_type": "book", "key": "b", "title": "", "doi": "10.1/x", "keywords": (), "extra": {}}
    expected = Record(**{k: v for k, v in values.items() if v})
    assert Record.from_filled(values) == expected
    assert Record.from_filled({}) == Record()
    first, second = Record.from_filled({}), Record.from_filled({})
    assert first.extra is not second.extra  # each record has its own dict, as with default_factory
    with pytest.raises(TypeError):
        Record.from_filled({"titel": "typo"})


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["GPTQ", "Markov", "chains", "A", "of", "the", "iPhone", "T5:", "Deep", "x.", ""]),
        max_size=8,
    )
)
def test_protect_title_cached_traits_agree_with_the_direct_rules(words: list[str]) -> None:
    title = " ".join(words)
    plain = title.split(" ")
    sentence_case = words_look_sentence_case(plain)
    expected = []
    at_start = True
    for text in plain:  # protect_title as it was before its word traits were cached
        word = text
        if word and bibtex_writer._needs_protection(text, at_start, sentence_case):
            word = bibtex_writer._brace(word)
        expected.append(word)
        if text:
            at_start = text.endswith(bibtex_writer._SENTENCE_END)
    assert bibtex_writer.protect_title.__wrapped__(title) == " ".join(expected)


def test_name_memo_gives_the_formatted_name_for_equal_and_distinct_objects() -> None:
    a, b = Name(family="De Sa", given=""), Name(family="De Sa", given="")
    assert bibtex_writer._name_text(a, False) == bibtex_writer._format_name(a, False) == "De Sa,"
    assert bibtex_writer._name_text(b, False) == "De Sa,"
    assert bibtex_writer._name_text(Name(family="Müller", given="Jürgen"), True) == 'M{\\"u}ller, J{\\"u}rgen'


def test_features_borrowed_from_a_member_with_the_same_title() -> None:
    member = features(RECORD)
    merged = RECORD.with_changes(doi="10.1/x", key="m")
    borrowed, fresh = features(merged, member), features(merged)
    for name in ("title", "tokens", "head", "tail", "family", "doi", "arxiv", "web", "url"):
        assert getattr(borrowed, name) == getattr(fresh, name)
    assert blocking_keys(borrowed) == blocking_keys(fresh)
    other = features(RECORD.with_changes(title="Another title: here"), member)
    assert (other.title, other.head, other.tail) == ("another title here", "another title", "here")


def test_lazy_entry_counts_field_lines_when_asked() -> None:
    text = '@article{k,\n  title = {A\n  B},\n\n  year = 2020,\n  note = "x"}\n'
    (entry,) = [b for b in split_blocks(text) if isinstance(b, LazyEntry)]
    assert entry.field_pairs == [("title", "{A\n  B}"), ("year", "2020"), ("note", '"x"')]
    assert entry.field_tuples == [("title", "{A\n  B}", 1), ("year", "2020", 4), ("note", '"x"', 5)]
    assert [(f.key, f.value, f.start_line) for f in entry.fields] == entry.field_tuples


_TITLE_WORDS = ["GPTQ", "Markov", "chains", "A", "of", "the", "iPhone", "T5:", "Deep", "x.", "", "Learning",
                "networks", "{GPTQ}:", "M{\\\"u}ller", "$O(n)$", "Bayesian", "models", "Is", "All?"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TITLE_WORDS), max_size=10), st.sampled_from([(), ("Markov",), ("chains",)]))
def test_protect_title_one_sentence_shortcut_is_the_word_walk(
    words: list[str], protected: tuple[str, ...]
) -> None:
    title = " ".join(words)
    simple = bibtex_writer._LATEX_SYNTAX.search(title) is None
    split = title.split(" ") if simple else bibtex_writer.split_top_level_words(title)
    plain = split if simple else [bibtex_writer.latex_to_unicode(word) for word in split]
    traits = [bibtex_writer._word_traits(text) for text in plain]
    walked = bibtex_writer._protect_words(split, plain, traits, protected)
    assert bibtex_writer.protect_title.__wrapped__(title, protected) == walked


def test_names_text_is_the_joined_name_texts() -> None:
    shared = Name(family="Frantar", given="Elias")
    names = (shared, Name(family="De Sa"), Name(family="Müller", given="Jürgen"), shared, Name(others=True))
    for ascii in (False, True):
        expected = " and ".join(bibtex_writer._format_name(name, ascii) for name in names)
        assert bibtex_writer._names_text(names, ascii) == expected
        assert bibtex_writer._names_text(names, ascii) == expected  # from the memo this time


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["@a{", "@b (", " @c{", "\t@d{", "x@e{", "\n", "\r\n", "  ", "@", "{", "text"]))
)
def test_line_start_marks_are_the_multiline_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    expected = [match.start(1) for match in bibtex_splitter._LINE_START_MARK.finditer(text)]
    assert bibtex_splitter._line_start_marks(text) == expected


def test_built_records_are_frozen_records_with_the_same_slots() -> None:
    built = Record.from_filled({"title": "T", "key": "k"})
    copied = built.with_changes(title="U")
    for record in (built, copied):
        assert type(record) is Record
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.title = "x"  # type: ignore[misc]
    assert copied == Record(title="U", key="k")
