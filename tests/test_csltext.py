"""The CSL text writer: style lookup and errors, markup, pybtex styles, sorting, year suffixes, workarounds."""

from __future__ import annotations

import pytest

from bibconv.errors import BibconvError
from bibconv.model import OTHERS, Name, Record
from bibconv.writers import csl_fixes, csltext
from bibconv.writers.csl_styles import list_styles, project_styles_dir, resolve_style

HE_A = Record(entry_type="article", key="he2016a", title="Deep residual learning for image recognition",
              author=(Name("He", "Kaiming"), Name("Zhang", "Xiangyu")), issued="2016",
              container_title="Nature", volume="5", page="101–115")
HE_B = HE_A.with_changes(key="he2016b", title="Identity mappings in deep residual networks", page="1–30")
ADAMS = Record(entry_type="book", key="adams1990", title="Zebra crossings", author=(Name("Adams", "Ann"),),
               issued="1990", publisher="MIT Press")


def test_unknown_style_suggests_close_names():
    with pytest.raises(BibconvError) as info:
        csltext.write([ADAMS], style="apaa")
    assert "unknown style 'apaa'" in str(info.value)
    assert "apa" in str(info.value).split("did you mean", 1)[1]


def test_broken_csl_file_is_a_clear_error(tmp_path):
    broken = tmp_path / "broken.csl"
    broken.write_text("<style xmlns='http://purl.org/net/xbiblio/csl'><info>", encoding="utf-8")
    with pytest.raises(BibconvError) as info:
        csltext.write([ADAMS], style=str(broken))
    assert "not a valid CSL style" in str(info.value) and str(broken) in str(info.value)


def test_style_without_bibliography_is_a_clear_error(tmp_path):
    style = tmp_path / "nobib.csl"
    style.write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text"><info><title>x</title>'
        '<id>x</id><updated>2020-01-01T00:00:00+00:00</updated></info>'
        '<citation><layout><text variable="title"/></layout></citation></style>', encoding="utf-8")
    with pytest.raises(BibconvError, match="no <bibliography>"):
        csltext.write([ADAMS], style=str(style))


def test_missing_style_path():
    with pytest.raises(BibconvError, match="no such CSL style file"):
        csltext.write([ADAMS], style="nowhere/x.csl")


def test_record_without_title_renders_without_traceback():
    untitled = Record(entry_type="article", key="doe2024", author=(Name("Doe", "Jane"),), issued="2024",
                      container_title="Journal of Missing Data", volume="1")
    for style in ("apa", "ieee", "modern-language-association", "bibtex-plain"):
        out = csltext.write([untitled], style=style)
        assert "Doe" in out and "2024" in out and out.count("\n") == 1


def test_apa_sorts_by_author_and_adds_year_suffixes():
    lines = csltext.write([HE_B, ADAMS, HE_A], style="apa").splitlines()
    assert lines[0].startswith("Adams, A. (1990). Zebra crossings.")
    assert lines[1].startswith("He, K., & Zhang, X. (2016a). Deep residual learning")
    assert lines[2].startswith("He, K., & Zhang, X. (2016b). Identity mappings")


def test_ieee_keeps_citation_order_and_separates_labels():
    lines = csltext.write([HE_B, ADAMS], style="ieee").splitlines()
    assert lines[0].startswith("[1] K. He and X. Zhang, “Identity mappings in deep residual networks,” ")
    assert lines[1].startswith("[2] A. Adams, ")


def test_mla_page_ranges_and_full_given_names():
    out = csltext.write([HE_B, HE_A], style="modern-language-association")
    assert "pp. 1–30." in out and "pp. 101–15." in out
    assert "He, Kaiming, and Xiangyu Zhang." in out


def test_html_and_markdown_markup():
    html = csltext.write([HE_A], style="apa", format="html")
    assert "<i>Nature</i>" in html and "&amp;" in html
    md = csltext.write([HE_A.with_changes(title="Stars *and* [brackets]")], style="apa", format="markdown")
    assert "*Nature*" in md and r"\*and\*" in md and r"\[brackets\]" in md


def test_unknown_markup():
    with pytest.raises(BibconvError, match="unknown text format"):
        csltext.write([ADAMS], style="apa", format="rtf")


def test_and_others_marker_is_not_printed_as_a_name():
    record = HE_A.with_changes(author=(Name("He", "Kaiming"), OTHERS))
    out = csltext.write([record], style="apa")
    assert "others" not in out and out.startswith("He, K. (2016).")


def test_bibtex_plain_through_pybtex():
    out = csltext.write([HE_A, ADAMS], style="bibtex-plain")
    assert out.splitlines() == [
        "[1] Ann Adams. Zebra crossings. MIT Press, 1990.",
        "[2] Kaiming He and Xiangyu Zhang. Deep residual learning for image recognition. Nature, 5:101–115, 2016.",
    ]
    assert csltext.write([HE_A], style="bibtex-alpha").startswith("[HZ16] ")


def test_project_styles_resolve_first():
    assert project_styles_dir().name == "styles"
    if (project_styles_dir() / "scholar-mla.csl").exists():
        assert resolve_style("scholar-mla") == project_styles_dir() / "scholar-mla.csl"


def test_list_styles_filters_and_marks():
    infos = list_styles("ieee")
    names = {i.name for i in infos}
    assert "ieee" in names and all("ieee" in i.name.lower() or "ieee" in i.title.lower() for i in infos)
    assert any(i.origin == "pybtex" for i in list_styles("bibtex"))


@pytest.mark.parametrize(
    ("page", "fmt", "expected"),
    [("1-30", "minimal-two", "1–30"), ("101-115", "minimal-two", "101–15"), ("101-108", "minimal", "101–8"),
     ("321-328", "chicago-16", "321–28"), ("1496-1504", "chicago-15", "1496–1504"), ("1496-1504", "chicago-16", "1496–504"), ("71-72", "chicago-16", "71–72"),
     ("1536-1538", "chicago-16", "1536–38"), ("e101-e115", "expanded", "e101–e115"), ("12", "minimal", "12"),
     ("1-3, 7-9", None, "1–3, 7–9")],
)
def test_page_ranges(page, fmt, expected):
    assert csl_fixes.format_page_range(page, fmt) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("“Title”, in X", "“Title,” in X"), ("“Title”. X", "“Title.” X"), ("“Why?”. X", "“Why?” X"),
     ("Master’s thesis, X", "Master’s thesis, X")],
)
def test_punctuation_inside_quotes(text, expected):
    assert csl_fixes.punctuation_inside_quotes(text) == expected


def test_year_suffixes_only_for_same_names_and_year():
    a = {"author": [{"family": "He", "given": "K"}], "issued": {"date-parts": [[2016]]}}
    b = {"author": [{"family": "He", "given": "K"}], "issued": {"date-parts": [[2017]]}}
    assert csl_fixes.year_suffixes([a, b, a]) == {0: "a", 2: "b"}


def test_repeated_substituted_title_is_dropped():
    item = {"title": "Anonymous reviews"}
    assert csl_fixes.drop_repeated_title("Anonymous reviews. (2021). Anonymous reviews. J, 12.", item) == \
        "Anonymous reviews. (2021). J, 12."
