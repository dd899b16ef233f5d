"""The markdown (awesome-list) writer: layouts, sections, badges, escaping, golden outputs, round trip.

GitHub rendering is checked with markdown-it-py in CommonMark mode with tables (GitHub's GFM): every
record is one table row of two cells, and the visible text of titles and authors is exactly the record's.
The round trip through the markdown reader runs once that reader exists.
"""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from bibconv.errors import BibconvError
from bibconv.model import OTHERS, Name, Record
from bibconv.writers import markdown as md

GFM = MarkdownIt("commonmark").enable("table")


def _venue_table(text: str):
    """A stand-in venue table, so that these tests do not depend on the shared table's contents."""

    class Venue:
        abbreviation = {"International Conference on Machine Learning": "ICML"}.get(text, "")

    return Venue() if Venue.abbreviation else None


GPTQ = Record(
    entry_type="inproceedings",
    title="GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers",
    author=(
        Name("Frantar", "Elias"),
        Name("Ashkboos", "Saleh"),
        Name("Hoefler", "Torsten"),
        Name("Alistarh", "Dan"),
    ),
    issued="2023",
    container_title="International Conference on Learning Representations",
    container_title_short="ICLR",
    arxiv="2210.17323",
    code_url="https://github.com/IST-DASLab/gptq",
    groups=("Quantization",),
)
OBD = Record(
    entry_type="article",
    title="Optimal brain damage",
    author=(Name("LeCun", "Yann"), Name("Denker", "John"), Name("Solla", "Sara")),
    issued="1989",
    container_title="Advances in Neural Information Processing Systems",
    container_title_short="NeurIPS",
    volume="2",
    groups=("Model Compression",),
)
TRICKY = Record(
    title="A | B: [Sparse] *Attention* with snake_case <tags> & R&amp;D",
    author=(Name("Smith_Jones", "Ann"), Name(literal="The <Team>"), OTHERS),
    issued="2024",
    doi="10.1000/xyz(1)",
    url="https://example.org/paper page",
    code_url="https://gitlab.com/team/tool",
    groups=("Quantization / LLM",),
)


# ---------------------------------------------------------------------------------------------------- pieces


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain words", "plain words"),
        ("a | b", r"a \| b"),
        ("[x] *y* _z_", r"\[x\] \*y\* \_z\_"),
        ("<b>bold</b>", r"\<b\>bold\</b\>"),
        ("back\\slash `code`", r"back\\slash \`code\`"),
        ("R&D &amp; &#38;", r"R&D \&amp; \&#38;"),
        ("~1B params for $5", r"\~1B params for \$5"),
        ("two\n  lines", "two lines"),
    ],
)
def test_escape_text(text: str, escaped: str) -> None:
    assert md.escape_text(text) == escaped


def _visible_text(markdown: str) -> str:
    tokens = GFM.parseInline(markdown)[0].children
    return "".join(t.content for t in tokens if t.type in ("text", "code_inline"))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_escaped_text_renders_literally(text: str) -> None:
    assert _visible_text(md.escape_text(text)) == " ".join(text.split())


@pytest.mark.parametrize(
    ("record", "url"),
    [
        (Record(arxiv="2210.17323", doi="10.1/x", url="https://u"), "https://arxiv.org/abs/2210.17323"),
        (Record(doi="10.1/x", url="https://u"), "https://doi.org/10.1/x"),
        (Record(url="https://u"), "https://u"),
        (Record(), ""),
    ],
)
def test_paper_url_prefers_arxiv_then_doi_then_url(record: Record, url: str) -> None:
    assert md.paper_url(record) == url


@pytest.mark.parametrize(
    ("url", "repo"),
    [
        ("https://github.com/IST-DASLab/gptq", ("IST-DASLab", "gptq")),
        ("https://github.com/microsoft/LMOps/tree/main/minillm", ("microsoft", "LMOps")),
        ("http://www.github.com/a/b.git", ("a", "b")),
        ("https://github.com/flexflow/FlexFlow/tree/inference", ("flexflow", "FlexFlow")),
        ("https://gitlab.com/a/b", None),
        ("https://github.com/onlyowner", None),
    ],
)
def test_github_repo(url: str, repo: tuple[str, str] | None) -> None:
    assert md.github_repo(url) == repo


def test_star_badge_links_the_repository() -> None:
    assert md.star_badge("https://github.com/microsoft/LMOps/tree/main/minillm") == (
        "[![Star](https://img.shields.io/github/stars/microsoft/LMOps.svg?style=social&label=Star)]"
        "(https://github.com/microsoft/LMOps)"
    )
    assert md.star_badge("https://gitlab.com/a/b") == ""


@pytest.mark.parametrize(
    ("record", "badge"),
    [
        (GPTQ, "[![Publish](https://img.shields.io/badge/Conference-ICLR'23-blue)]()"),
        (OBD, "[![Publish](https://img.shields.io/badge/Journal-NeurIPS%201989-blue)]()"),
        (
            Record(container_title="International Conference on Machine Learning", issued="2016"),
            "[![Publish](https://img.shields.io/badge/Conference-ICML'16-blue)]()",
        ),
        (
            Record(container_title="Low-Power Computer_Vision", issued="2022"),
            "[![Publish](https://img.shields.io/badge/Conference-Low--Power%20Computer__Vision'22-blue)]()",
        ),
        (
            Record(container_title_short="SOSP"),
            "[![Publish](https://img.shields.io/badge/Conference-SOSP-blue)]()",
        ),
        (Record(issued="2023", arxiv="2301.00001"), ""),
    ],
)
def test_venue_badge(record: Record, badge: str) -> None:
    assert md.venue_badge(record, _venue_table) == badge


# ---------------------------------------------------------------------------------------------------- sections


def test_sections_nest_groups_in_first_seen_order() -> None:
    records = [
        Record(title="a", groups=("Quantization / LLM",)),
        Record(title="b", groups=("Pruning",)),
        Record(title="c", groups=("Quantization",)),
        Record(title="d", groups=("Quantization / Diffusion / DiT",)),
    ]
    text = md.write(records, md_layout="bullets")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == ["## Quantization", "### LLM", "### Diffusion", "#### DiT", "## Pruning"]
    # a section's own papers come before its subsections
    assert text.index("* **c**.") < text.index("### LLM") < text.index("* **a**.")


def test_records_without_groups() -> None:
    alone = md.write([Record(title="x"), Record(title="y")], md_layout="bullets")
    assert not any(line.startswith("#") for line in alone.splitlines())
    assert alone == "* **x**.\n* **y**.\n"
    mixed = md.write([Record(title="x"), Record(title="y", groups=("G",))], md_layout="bullets")
    assert mixed == f"## G\n\n* **y**.\n\n## {md.FALLBACK_SECTION}\n\n* **x**.\n"


def test_a_paper_in_two_groups_is_listed_in_both() -> None:
    text = md.write([Record(title="x", groups=("A", "B", "A"))], md_layout="bullets")
    assert text == "## A\n\n* **x**.\n\n## B\n\n* **x**.\n"


# ---------------------------------------------------------------------------------------------------- layouts


def _table_rows(text: str) -> list[list[str]]:
    """The body rows of every table, each as its cells' inline markdown."""
    rows: list[list[str]] = []
    tokens = GFM.parse(text)
    in_body, row = False, None
    for token in tokens:
        if token.type == "tbody_open":
            in_body = True
        elif token.type == "tbody_close":
            in_body = False
        elif in_body and token.type == "tr_open":
            row = []
        elif in_body and token.type == "inline" and row is not None:
            row.append(token.content)
        elif in_body and token.type == "tr_close":
            rows.append(row)
            row = None
    return rows


def test_table_row_has_the_bundled_lists_shape() -> None:
    row = md.table_row(GPTQ, _venue_table)
    assert row == (
        "|[![Star](https://img.shields.io/github/stars/IST-DASLab/gptq.svg?style=social&label=Star)](https://github.com/IST-DASLab/gptq)"
        "[![Publish](https://img.shields.io/badge/Conference-ICLR'23-blue)]()<br>"
        "[GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers](https://arxiv.org/abs/2210.17323)"
        " <br> Elias Frantar, Saleh Ashkboos, Torsten Hoefler, Dan Alistarh "
        "|[Github](https://github.com/IST-DASLab/gptq) <br> [Paper](https://arxiv.org/abs/2210.17323)|"
    )


def test_tricky_record_stays_one_row_of_two_cells_and_reads_literally() -> None:
    text = md.write([TRICKY, GPTQ, OBD])
    rows = _table_rows(text)
    assert [len(r) for r in rows] == [2, 2, 2]
    title_cell, links_cell = next(r for r in rows if "gitlab" in r[1])
    visible = _visible_text(title_cell)
    assert TRICKY.title in visible
    assert visible.endswith("Ann Smith_Jones, The <Team>, et al.")
    assert "(https://doi.org/10.1000/xyz(1))" in title_cell
    assert md.table_row(Record(title="t", url="https://x.org/a)b"), _venue_table).startswith(
        "|[t](https://x.org/a%29b)"
    )
    assert "[Publication](https://example.org/paper%20page)" in links_cell
    assert "[Code](https://gitlab.com/team/tool)" in links_cell and "Star" not in title_cell


def test_no_raw_html_but_br() -> None:
    text = md.write([TRICKY, GPTQ, OBD]) + md.write([TRICKY, GPTQ, OBD], md_layout="bullets")
    html_tokens = [t for t in GFM.parse(text) for t in (t.children or []) if t.type == "html_inline"]
    assert {t.content for t in html_tokens} <= {"<br>"}
    assert not any(t.type == "html_block" for t in GFM.parse(text))


def test_bullet_item() -> None:
    assert md.bullet_item(GPTQ, _venue_table) == (
        "* [![Star](https://img.shields.io/github/stars/IST-DASLab/gptq.svg?style=social&label=Star)](https://github.com/IST-DASLab/gptq)"
        "[![Publish](https://img.shields.io/badge/Conference-ICLR'23-blue)]() "
        "[GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers](https://arxiv.org/abs/2210.17323). "
        "Elias Frantar, Saleh Ashkboos, Torsten Hoefler, Dan Alistarh. "
        "[[Github]](https://github.com/IST-DASLab/gptq)[[Paper]](https://arxiv.org/abs/2210.17323)"
    )
    assert (
        md.bullet_item(Record(author=(Name("Dao", "Tri"), OTHERS)), _venue_table)
        == "* **(untitled)**. Tri Dao, et al."
    )


def test_doi_kept_beside_arxiv() -> None:
    row = md.table_row(GPTQ.with_changes(doi="10.48550/arXiv.2210.17323", code_url=""), _venue_table)
    assert row.endswith(
        "|[Paper](https://arxiv.org/abs/2210.17323) <br> [DOI](https://doi.org/10.48550/arXiv.2210.17323)|"
    )


def test_unknown_layout_is_a_clear_error() -> None:
    with pytest.raises(BibconvError, match="unknown markdown layout 'grid'"):
        md.write([GPTQ], md_layout="grid")


def test_empty_input_writes_nothing() -> None:
    assert md.write([]) == ""


def test_output_is_deterministic() -> None:
    records = [TRICKY, GPTQ, OBD]
    assert md.write(records) == md.write(list(records))


def test_golden_table_and_bullets(golden) -> None:
    records = [GPTQ, OBD, TRICKY, Record(title="Ungrouped paper", url="https://example.org", issued="2020")]
    golden("markdown-writer/table.md", md.write(records, md_layout="table"))
    golden("markdown-writer/bullets.md", md.write(records, md_layout="bullets"))


def test_references_layout_numbers_the_styled_entries() -> None:
    pytest.importorskip("bibconv.writers.csltext", reason="the csltext writer is another engineer's module")
    text = md.write([GPTQ, OBD], md_layout="references", style="apa")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert [line[:3] for line in lines] == ["1. ", "1. "]  # one paper per section
    assert "Frantar" in text and "LeCun" in text
    ieee = md.write(
        [GPTQ.with_changes(groups=()), OBD.with_changes(groups=())], md_layout="references", style="ieee"
    )
    assert [line[:3] for line in ieee.splitlines()] == ["1. ", "2. "]
    assert "[1]" not in ieee


# ---------------------------------------------------------------------------------------------------- round trip


def _read_back(text: str) -> list[Record]:
    reader = pytest.importorskip(
        "bibconv.readers.markdown", reason="the markdown reader is another engineer's module"
    )
    records, report = reader.read(text, file="written.md")
    assert not report.unread, [str(u.reason) for u in report.unread]
    return records


def _essentials(record: Record) -> tuple:
    """What a paper list carries: the fields the reader must give back unchanged."""
    return (
        record.title,
        tuple(name.display() for name in record.author),
        record.arxiv,
        record.doi,
        unquote(record.url),  # a space in a URL is written (and read back) percent-encoded
        record.code_url,
        md.short_venue(record),
        record.year,
        ()
        if record.groups == (md.FALLBACK_SECTION,)
        else record.groups,  # the writer's section for "no group"
    )


# (an organisation written "The <Team>" is left out: the markdown reader drops a name with angle brackets)
HAND_CASES = [
    GPTQ,
    OBD,
    TRICKY.with_changes(author=(Name("Smith_Jones", "Ann"), Name(literal="The Team"), OTHERS)),
]


@pytest.fixture(scope="module")
def bundled_records() -> dict[str, list[Record]]:
    """The bundled paper lists as the markdown reader reads them."""
    from tests.conftest import BUNDLED

    reader = pytest.importorskip(
        "bibconv.readers.markdown", reason="the markdown reader is another engineer's module"
    )
    paths = sorted(p for p in BUNDLED.glob("*.md") if p.name != "README.md")
    if not paths:
        pytest.skip(f"no bundled lists in {BUNDLED}")
    return {
        p.stem: reader.read(p.read_text(encoding="utf-8"), file=f"bib/sources/{p.name}")[0] for p in paths
    }


@pytest.mark.parametrize("layout", ["table", "bullets"])
def test_bundled_lists_survive_a_round_trip(bundled_records: dict[str, list[Record]], layout: str) -> None:
    for records in bundled_records.values():
        back = _read_back(md.write(records, md_layout=layout))
        written_order = [r for section in _sections_in_order(records) for r in section]
        assert [_essentials(r) for r in back] == [_essentials(r) for r in written_order]


def test_bundled_lists_golden(bundled_records: dict[str, list[Record]], golden) -> None:
    for name, records in bundled_records.items():
        golden(f"markdown-writer/{name}.table.md", md.write(records, md_layout="table"))


@pytest.mark.parametrize("layout", ["table", "bullets"])
def test_reader_gives_back_the_hand_cases(layout: str) -> None:
    back = _read_back(md.write(HAND_CASES, md_layout=layout))
    written_order = [r for section in _sections_in_order(HAND_CASES) for r in section]
    assert [_essentials(r) for r in back] == [_essentials(r) for r in written_order]


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)
# Connectives, name particles ("and", "van") and venue words ("Journal") are not realistic names on their own.
_NOT_NAMES = set(
    "and et al van von der den del della dos das ter ten bin ibn the with authors author journal conference "
    "proceedings workshop transactions letters review magazine symposium forum congress findings annual meeting".split()
)
_NAME = _WORD.filter(lambda w: w not in _NOT_NAMES).map(str.capitalize)
# Title words: plain words and the markup-prone pieces real titles contain (escaping must carry them through).
# Title words come from a vocabulary: random strings would now and then spell a venue ("tcad", "kdd"),
# which a paper-list reader rightly takes for one.
_TITLE_WORDS = st.sampled_from(
    "efficient sparse quantized training language models large scaling towards learning attention "
    "inference low-rank adaptation pruning distillation data-free zero-shot via with for of and the "
    "4-bit GPTQ LLaMA2 über naïve 2023 v2".split()
)
_TITLE_TOKENS = st.one_of(
    _TITLE_WORDS,
    st.sampled_from(
        ["|", "a|b", "[x]", "*Bold*", "snake_case", "__init__", "<tag>", "R&D", "Q&amp;A", "4-bit", "LLMs:"]
        + ["(Dynamic)", "C++", "`code`", "50%", "#1", "–", "\\", "e.g.,", "Why?", "~1B", "$k$-means"]
    ),
)


@st.composite
def titles(draw: st.DrawFn) -> str:
    middle = draw(st.lists(_TITLE_TOKENS, max_size=8))
    first = draw(st.sampled_from(["Efficient", "Towards", "Learning", "Scaling", "Rethinking", "Sparse"]))
    return " ".join([first, draw(_TITLE_WORDS), *middle, draw(_TITLE_WORDS)])


_VENUES = [
    ("International Conference on Machine Learning", "ICML"),
    ("Advances in Neural Information Processing Systems", "NeurIPS"),
    ("Annual Meeting of the Association for Computational Linguistics", "ACL"),
    ("", ""),
]


@st.composite
def paper_records(draw: st.DrawFn) -> Record:
    title = draw(titles())
    authors = tuple(Name(draw(_NAME), draw(_NAME)) for _ in range(draw(st.integers(0, 5))))
    if authors and draw(st.booleans()):
        authors += (OTHERS,)
    venue, short = draw(st.sampled_from(_VENUES))
    year = str(draw(st.integers(2000, 2030)))
    arxiv = draw(st.one_of(st.just(""), st.from_regex(r"2[0-4](0[1-9]|1[0-2])\.[0-9]{5}", fullmatch=True)))
    doi = draw(
        st.one_of(
            st.just(""), st.from_regex(r"10\.[0-9]{4,5}/[a-z0-9]([a-z0-9.]{0,10}[a-z0-9])?", fullmatch=True)
        )
    )
    url = draw(st.one_of(st.just(""), st.from_regex(r"https://example\.org/[a-z0-9]{1,10}", fullmatch=True)))
    code = draw(st.one_of(st.just(""), st.builds(lambda o, r: f"https://github.com/{o}/{r}", _WORD, _WORD)))
    groups = draw(st.sampled_from([(), ("Quantization",), ("Quantization / LLM",), ("Pruning",)]))
    if not (arxiv or venue):  # without a venue badge the year comes from the arXiv id; give one or the other
        arxiv = f"{year[2:]}01.00001"
    if not venue and arxiv:
        year = "20" + arxiv[:2]
    return Record(
        entry_type="inproceedings" if venue else "misc",
        title=title,
        author=authors,
        issued=year,
        container_title=venue,
        container_title_short=short,
        arxiv=arxiv,
        doi=doi,
        url=url,
        code_url=code,
        groups=groups,
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paper_records(), min_size=1, max_size=6), st.sampled_from(["table", "bullets"]))
def test_reader_gives_back_what_the_writer_wrote(records: list[Record], layout: str) -> None:
    back = _read_back(md.write(records, md_layout=layout))
    written_order = [r for section in _sections_in_order(records) for r in section]
    assert [_essentials(r) for r in back] == [_essentials(r) for r in written_order]


def _sections_in_order(records: list[Record]) -> list[list[Record]]:
    """The records in the order the writer lists them (section by section, depth first)."""
    out: list[list[Record]] = []

    def visit(section: md.Section) -> None:
        out.append(section.records)
        for child in section.children.values():
            visit(child)

    visit(md.section_tree(records))
    return out


def test_only_a_numeric_styles_labels_give_way_to_the_list_numbers() -> None:
    assert md._without_citation_numbers(["[1] A.", "[2] B."]) == ["A.", "B."]
    assert md._without_citation_numbers(["1. A.", "2. B."]) == ["A.", "B."]
    # an author-date entry that happens to start with a number keeps it
    assert md._without_citation_numbers(["2020. Anonymous report."]) == ["2020. Anonymous report."]
    assert md._without_citation_numbers(["1. A.", "3. B."]) == ["1. A.", "3. B."]


def test_registered_as_the_markdown_writer_and_ignores_other_formats_options() -> None:
    import bibconv

    text = bibconv.write([GPTQ], "markdown", md_layout="bullets", style="apa", format="plain", ascii=True)
    assert text == md.write([GPTQ], md_layout="bullets")


def test_acceptance_note_stays_in_the_venue_badge_and_reads_back() -> None:
    from bibconv.readers.markdown import read

    record = Record(
        entry_type="inproceedings",
        title="SCOTT: Self-Consistent Chain-of-Thought Distillation",
        issued="2023",
        container_title="Annual Meeting of the Association for Computational Linguistics",
        container_title_short="ACL",
        note="Outstanding paper",
        arxiv="2305.01879",
    )
    assert "Conference-ACL'23%20Outstanding-blue" in md.venue_badge(record)
    back, _ = read(md.write([record]))
    assert (back[0].note, back[0].container_title_short, back[0].year) == ("Outstanding paper", "ACL", "2023")
