"""The speed work of the CSL text writer leaves the output unchanged.

Memoized citeproc-py lookups give what citeproc-py computes, the style lookup finds what the full
listing finds, a precomputed sort gives the same order, and rendering in worker processes gives the
same text, in the same order, as rendering in one process.
"""

from __future__ import annotations

import json

import pytest
from conftest import DATA

from bibconv.writers import csl_render, csl_sort
from bibconv.writers.csl_styles import _find_style, _style_files, resolve_style
from bibconv.writers.csltext import render_items

SAMPLE = json.loads((DATA / "csl" / "sample.json").read_text(encoding="utf-8"))
STYLES = ["apa", "ieee", "modern-language-association", "chicago-author-date"]


def _prepared(style: str) -> csl_render.PreparedStyle:
    return csl_render.prepare_style(resolve_style(style), "en-US")


@pytest.mark.parametrize("style", STYLES)
def test_calls_variable_memo_matches_citeproc(style):
    root = _prepared(style).style.root
    elements = [e for e in root.iter() if hasattr(type(e), "calls_variable")]
    assert len(elements) > 50
    for element in elements:
        assert element.calls_variable() == type(element).calls_variable.__wrapped__(element)


def test_macro_and_term_memos_match_citeproc():
    root = _prepared("apa").style.root
    element = root.bibliography.layout
    macros = [m.get("name") for m in root.iterfind("cs:macro", root.nsmap)]
    lookup = type(element).get_macro.__wrapped__
    for name in macros:
        assert element.get_macro(name) is lookup(element, name)
    term = type(element).get_term.__wrapped__
    for name, form in [("editor", "short"), ("and", None), ("et-al", None), ("no-such-term", None)]:
        assert element.get_term(name, form) is term(element, name, form)


@pytest.mark.parametrize("style", STYLES)
def test_precomputed_sort_spec_gives_the_same_order(style):
    root = _prepared(style).style.root
    spec = csl_sort.sort_spec(root)
    assert csl_sort.sort_order(root, SAMPLE, spec) == csl_sort.sort_order(root, SAMPLE)


def test_variant_styles_do_not_carry_a_sort():
    prepared = _prepared("apa")
    assert prepared.sort is not None and prepared.sort[0]
    assert prepared.with_et_al((3, 1)).sort is None


def test_find_style_agrees_with_the_full_listing():
    files = _style_files()
    names = sorted(files)[::97] + ["apa", "ieee", "scholar-mla", "nature", "elsevier-vancouver"]
    for name in names:
        assert _find_style(name) == files[name], name
    assert _find_style("no-such-style-at-all") is None


def test_parallel_jobs_needs_enough_entries_per_process():
    per_job = csl_render.MIN_ENTRIES_PER_JOB
    assert csl_render.parallel_jobs(10, 4) == 1
    assert csl_render.parallel_jobs(per_job * 2, 4) == 2
    assert csl_render.parallel_jobs(per_job * 10, 4) == 4
    assert csl_render.parallel_jobs(per_job * 10, 1) == 1
    assert csl_render.parallel_jobs(per_job * 1000, None) >= 1


@pytest.mark.parametrize("style", ["apa", "ieee", "modern-language-association"])
@pytest.mark.parametrize("markup", ["plain", "html"])
def test_worker_processes_render_the_same_text(monkeypatch, style, markup):
    # the sample has "and others" lists, year suffixes, disambiguated names and numbered labels
    serial = render_items(SAMPLE, style=style, format=markup, jobs=1)
    monkeypatch.setattr(csl_render, "MIN_ENTRIES_PER_JOB", 10)
    assert csl_render.parallel_jobs(len(SAMPLE), 3) == 3
    assert render_items(SAMPLE, style=style, format=markup, jobs=3) == serial


def test_workers_that_cannot_start_fall_back_to_one_process(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise OSError("no processes here")

    serial = render_items(SAMPLE[:40], style="ieee", jobs=1)
    monkeypatch.setattr(csl_render, "MIN_ENTRIES_PER_JOB", 10)
    monkeypatch.setattr(csl_render, "ProcessPoolExecutor", refuse)
    assert render_items(SAMPLE[:40], style="ieee", jobs=2) == serial


def test_formatter_is_read_fresh_from_its_owner():
    from citeproc import formatter

    root = _prepared("apa").style.root
    elements = [root.bibliography.layout, *root.locales[0].iter()][:200]
    for markup in (formatter.plain, formatter.html):
        root.formatter = markup
        for element in elements:
            if hasattr(element, "get_formatter"):
                assert element.get_formatter() is markup
                method = type(element).get_formatter  # a locale root has its own, not memoized
                assert getattr(method, "__wrapped__", method)(element) is markup


def _outcome(method, *args):
    try:
        return str(method(*args))
    except Exception as exc:  # noqa: BLE001 - the same failure on both sides counts as the same
        return type(exc)


@pytest.mark.parametrize("style", STYLES)
def test_text_transformations_are_skipped_only_where_citeproc_leaves_the_text(style):
    from citeproc.string import MixedString, String

    root = _prepared(style).style.root
    root.formatter = csl_render.FORMATTERS["html"]
    texts = [String("a. b"), MixedString([String("x"), String(" y.")]), "plain", None, 7]
    checked = 0
    for element in root.iter():
        for cls, name in csl_render._TRANSFORM_ATTRIBUTES:
            if isinstance(element, cls):
                method = getattr(type(element), name)
                for text in texts:
                    assert _outcome(method, element, text) == _outcome(method.__wrapped__, element, text)
                    checked += 1
    assert checked > 500


def test_date_parts_whose_attributes_change_are_never_skipped():
    from citeproc.model import Date_Part
    from citeproc.string import String

    root = _prepared("ieee").style.root
    part = next(e for e in root.locales[0].iter() if isinstance(e, Date_Part) and not e.get("suffix"))
    assert str(part.wrap(String("2020"))) == "2020"
    part.set("suffix", "!")  # as citeproc-py copies a style's date-part attributes in
    try:
        assert str(part.wrap(String("2020"))) == "2020!"
    finally:
        del part.attrib["suffix"]


def test_term_texts_are_memoized_per_formatter():
    from citeproc import formatter
    from citeproc.model import Term

    root = _prepared("apa").style.root
    terms = [e for locale in root.locales for e in locale.iter() if isinstance(e, Term)]
    assert len(terms) > 50
    for markup in (formatter.plain, formatter.html):
        root.formatter = markup
        for term in terms:
            for form in ("single", "multiple"):
                assert getattr(term, form) == getattr(Term, form).fget.__wrapped__(term)
    root.formatter = formatter.plain
    ampersand = next(t for t in terms if "&" in (t.text or ""))
    assert ampersand.single == "&"
    root.formatter = formatter.html
    assert ampersand.single == "&amp;"


@pytest.mark.parametrize("style", STYLES)
def test_type_test_memo_matches_citeproc(style):
    from types import SimpleNamespace

    from citeproc.model import If

    branches = [e for e in _prepared(style).style.root.iter() if isinstance(e, If) and e.get("type")]
    assert branches
    for item_type in ("article-journal", "book", "chapter", "webpage", "thesis", "Book"):
        item = SimpleNamespace(reference=SimpleNamespace(type=item_type))
        for branch in branches:
            assert branch._type(item) == If._type.__wrapped__(branch, item)


@pytest.mark.parametrize("style", [*STYLES, "harvard-cite-them-right", "elsevier-harvard"])
def test_sort_without_repeated_candidates_gives_the_same_order(style):
    root = _prepared(style).style.root
    keys = root.findall("cs:bibliography/cs:sort/cs:key", csl_sort._NS)
    spec, demote = csl_sort.sort_spec(root)
    with_repeats = [
        (csl_sort._candidates_of_key(root, key), descending)
        for key, (_, descending) in zip(keys, spec, strict=True)
    ]
    assert sum(map(len, (c for c, _ in with_repeats))) >= sum(map(len, (c for c, _ in spec)))
    items = SAMPLE + [{**item, "id": f"{item['id']}-again"} for item in SAMPLE[::3]]  # ties on every key
    assert csl_sort.sort_order(root, items, (spec, demote)) == csl_sort.sort_order(
        root, items, (with_repeats, demote)
    )


@pytest.mark.parametrize("markup", ["plain", "html", "markdown"])
def test_values_without_nocase_spans_parse_as_citeproc_parses_them(markup):
    from citeproc.source.json import CiteProcJSON
    from citeproc.string import String

    escape = csl_render.FORMATTERS[markup].preformat
    source = csl_render._Source([], escape)
    values = [item.get(key) for item in SAMPLE for key in ("title", "container-title", "publisher", "volume")]
    values += [
        "",
        12,
        "A <b>&</b> B",
        'A <SPAN CLASS="nocase">GPU</SPAN> b',
        'x <span class="nocase">y</span>',
    ]
    for value in [v for v in values if v is not None]:
        ours = source.parse_string(value)
        pieces = CiteProcJSON.parse_string(source, value)
        assert [type(p).__name__ for p in ours] == [
            "_TitleString" if type(p) is String else type(p).__name__ for p in pieces
        ]
        assert [str(p) for p in ours] == [escape(p) for p in pieces]
