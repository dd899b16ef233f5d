"""The text reader: one record per non-empty line (numbering stripped, positions kept, nothing dropped),
and wrapped references sections copied from PDFs rebuilt into entries."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import DATA
from hypothesis import given, settings
from hypothesis import strategies as st

from bibconv.model import Source
from bibconv.readers.text import join_wrapped, read, split_entries, strip_marker

TEXT_DATA = DATA / "text"


def _load(name: str) -> str:
    return (TEXT_DATA / name).read_text(encoding="utf-8")


# --- line mode -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- Han, Song. Title. 2016.", "Han, Song. Title. 2016."),
        ("* Han, Song. Title. 2016.", "Han, Song. Title. 2016."),
        ("• Han, Song. Title. 2016.", "Han, Song. Title. 2016."),
        ("[12] S. Han, Title, 2016.", "S. Han, Title, 2016."),
        ("[3]S. Han, Title, 2016.", "S. Han, Title, 2016."),
        ("12. Han S. Title. 2016.", "Han S. Title. 2016."),
        ("(12) Han S. Title. 2016.", "Han S. Title. 2016."),
        ("7) Han S. Title. 2016.", "Han S. Title. 2016."),
        ("2016. A title that starts with its year.", "2016. A title that starts with its year."),
        ("Han, Song. -Title- 2016.", "Han, Song. -Title- 2016."),
    ],
)
def test_strip_marker(line: str, expected: str) -> None:
    assert strip_marker(line) == expected


def test_one_record_per_non_empty_line_in_order_with_positions() -> None:
    records, report = read(_load("numbering.txt"), file="numbering.txt")
    assert [r.source for r in records] == [
        Source("numbering.txt", n, "text") for n in (1, 2, 4, 5, 6, 7, 8, 9, 10)
    ]
    titles = [r.title for r in records]
    assert titles[0] == "Optimal brain damage"
    assert titles[2].startswith("GPTQ: Accurate post-training quantization")  # "[12] " stripped
    assert titles[4] == "Attention is all you need"  # "(14) " stripped
    assert titles[5].startswith("LLM.int8()")  # "15) " stripped
    assert records[-1].arxiv == "2406.04333" and records[-1].year == "2024"
    assert [u.source.line for u in report.unread] == [9]


def test_unparseable_line_is_kept_reported_and_positioned() -> None:
    records, report = read(
        'Han, Song. "EIE." ACM SIGARCH Computer Architecture News 44.3 (2016): 243-254.\n12345 -- 678\n',
        file="refs.txt",
    )
    assert len(records) == 2
    junk = records[1]
    assert (junk.entry_type, junk.note, junk.source) == (
        "misc",
        "12345 -- 678",
        Source("refs.txt", 2, "text"),
    )
    assert [(u.text, u.source.line) for u in report.unread] == [("12345 -- 678", 2)]
    assert any(w.source.line == 2 and "could not parse" in w.message for w in report.warnings)
    assert str(report.warnings[-1]).startswith("refs.txt:2: ")


def test_blank_and_whitespace_lines_yield_nothing_and_keep_numbering() -> None:
    records, report = read(
        '\ufeff\n   \nHinton, Geoffrey. "Distilling the Knowledge in a Neural Network." arXiv preprint arXiv:1503.02531 (2015).\n\n'
    )
    assert len(records) == 1 and records[0].source.line == 3 and records[0].arxiv == "1503.02531"
    assert not report.unread


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.characters(
                codec="utf-8", exclude_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
            ),
            max_size=60,
        ),
        max_size=6,
    )
)
def test_line_mode_never_drops_a_line(lines: list[str]) -> None:
    records, report = read("\n".join(lines), file="x.txt")
    expected = [n for n, line in enumerate(lines, start=1) if line.strip()]
    assert [r.source.line for r in records] == expected
    assert all(r.title or r.note for r in records)
    assert len(report.unread) == sum(not r.title for r in records)


# --- wrapped mode --------------------------------------------------------------------------------


def test_wrapped_numbered_ieee_with_page_furniture() -> None:
    entries = split_entries(_load("wrapped_ieee.txt"))
    assert [e.line for e in entries] == [2, 5, 11, 14, 16, 23]
    texts = [e.text for e in entries]
    assert texts[0].startswith("E. Frantar, S. Ashkboos") and "post-training quantization" in texts[0]
    assert "8-bit matrix multiplication for transformers" in texts[1]  # "multipli-\ncation" repaired
    assert texts[1].endswith("pp. 30318–30332.")  # page number and running header dropped
    assert "ICLR 2025" not in " ".join(texts)
    assert "zero-shot quantization" in texts[4]  # a real compound keeps its hyphen
    assert "doi: 10.1109/CVPR42600.2020.01318." in texts[4]  # a DOI broken at its slash is rejoined
    assert "M. van Baalen" in texts[5]



def test_wrapped_running_header_seen_once_is_dropped() -> None:
    # A references section over two pages: the next page's header appears once, between blank lines.
    text = (
        "[3] A. Vaswani et al., “Attention is all you need,” in Advances in Neural\n"
        "Information Processing Systems, vol. 30, 2017.\n"
        "\n"
        "12 IEEE TRANSACTIONS ON PATTERN ANALYSIS, VOL. 1, NO. 1, JANUARY 2020\n"
        "\n"
        "[4] D. P. Kingma and J. Ba, “Adam: A method for stochastic optimization,”\n"
        "arXiv preprint arXiv:1412.6980, 2014.\n"
    )
    texts = [e.text for e in split_entries(text)]
    assert len(texts) == 2
    assert texts[0].endswith("Information Processing Systems, vol. 30, 2017.")
    assert texts[1].endswith("arXiv:1412.6980, 2014.")


def test_wrapped_line_between_blank_lines_that_is_no_header_is_kept() -> None:
    text = "[1] J. Smith, “A title,” Journal of Things,\n\nvol. 12, pp. 1–10, 2020.\n"
    assert [e.text for e in split_entries(text)] == ["J. Smith, “A title,” Journal of Things, vol. 12, pp. 1–10, 2020."]

def test_wrapped_acl_author_year_without_numbers() -> None:
    entries = split_entries(_load("wrapped_acl.txt"))
    assert [e.line for e in entries] == [3, 7, 13, 17, 21]
    texts = [e.text for e in entries]
    assert "LLM.int8(): 8-bit matrix multiplication for transformers at scale." in texts[0]
    assert "compression and acceleration." in texts[2]
    assert "Alana Marzoev" in texts[3] and "High-accuracy low-precision" in texts[3]
    assert texts[4] == (
        "Laurens van der Maaten and Geoffrey Hinton. 2008. Visualizing data using t-SNE. "
        "Journal of Machine Learning Research, 9(86):2579–2605."
    )


def test_wrapped_apa_hanging_indent() -> None:
    entries = split_entries(_load("wrapped_apa.txt"))
    assert [e.line for e in entries] == [1, 4, 7]
    assert "Kalenichenko, D. (2018). Quantization and training" in entries[2].text
    assert "integer-arithmetic-only inference" in entries[2].text


def test_wrapped_apa_flat_keeps_publisher_lines_with_their_entry() -> None:
    entries = split_entries(_load("wrapped_apa_flat.txt"))
    assert [e.line for e in entries] == [1, 4, 6, 9]
    assert entries[0].text.startswith("Gholami, A.") and entries[0].text.endswith(
        "(pp. 291–326). Chapman and Hall/CRC."
    )
    assert "A survey of quantization methods" in entries[0].text
    assert entries[2].text.endswith("(pp. 1–17). Springer, Cham.")


def test_wrapped_read_gives_positioned_records() -> None:
    records, report = read(_load("wrapped_ieee.txt"), file="paper.txt", wrapped=True)
    assert [r.source.line for r in records] == [2, 5, 11, 14, 16, 23]
    assert all(r.source.file == "paper.txt" and r.source.format == "text" for r in records)
    assert records[3].arxiv == "1612.01543"
    assert not report.unread


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["A survey of quanti-", "zation methods"], "A survey of quantization methods"),
        (["accurate post-", "training quantization"], "accurate post-training quantization"),
        (["a zero-", "shot method"], "a zero-shot method"),
        (["in-", "formation theory"], "information theory"),
        (["self-super-", "vised learning"], "self-supervised learning"),
        (["under-", "standing int4"], "understanding int4"),
        (["image super-", "resolution"], "image super-resolution"),
        (["layer-", "wise"], "layer-wise"),
        (
            ["Synthesis-", "aware Fine-tuning; Image Synthesis"],
            "Synthesis-aware Fine-tuning; Image Synthesis",
        ),
        (["4-", "bit weights"], "4-bit weights"),
        (["Bayes-", "Optimal filters"], "Bayes-Optimal filters"),
        (["https://doi.org/10.1145/", "3292500.3330701"], "https://doi.org/10.1145/3292500.3330701"),
        (["pages 1–", "10"], "pages 1–10"),
        (["Li, Yuhang,", "", "   Gong, Ruihao"], "Li, Yuhang, Gong, Ruihao"),
    ],
)
def test_join_wrapped(lines: list[str], expected: str) -> None:
    assert join_wrapped(lines) == expected


def test_join_wrapped_prefers_the_spelling_used_elsewhere() -> None:
    assert join_wrapped(["data-", "free quantization"], Counter({"datafree": 2})) == "datafree quantization"
    assert join_wrapped(["multi-", "bit"], Counter({"multi-bit": 1})) == "multi-bit"


def test_wrapped_text_before_the_first_number_is_not_lost() -> None:
    entries = split_entries(
        "Some stray intro line 2020.\n[1] A. Author, “T,” 2020.\n[2] B. Author, “U,” 2021.\n"
    )
    assert [e.line for e in entries] == [1, 2, 3]


def test_wrapped_empty_input() -> None:
    assert split_entries("\n\n  \n") == []
    assert read("", wrapped=True)[0] == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_wrapped_mode_never_raises_and_keeps_every_word(text: str) -> None:
    entries = split_entries(text)
    assert all(e.text and e.line >= 1 for e in entries)


def _bundled_citations() -> list[str]:
    from conftest import BUNDLED

    lines = (BUNDLED / "quantization-papers.md").read_text(encoding="utf-8").splitlines()
    return [" ".join(line[2:].split()) for line in lines if line.startswith("- ")]


@pytest.mark.parametrize(("width", "numbered"), [(60, True), (90, True), (75, False)])
def test_wrapped_round_trip_of_the_bundled_list(width: int, numbered: bool) -> None:
    """Wrap all 62 citations like a PDF column (textwrap breaks after hyphens too), add page numbers and
    a running header every 30 lines: splitting gives every citation back exactly."""
    import textwrap

    citations = _bundled_citations()
    lines: list[str] = []
    for n, citation in enumerate(citations, start=1):
        lines.extend(textwrap.wrap(f"[{n}] {citation}" if numbered else citation, width))
        if len(lines) // 30 != (len(lines) - 1) // 30 or n % 20 == 0:
            lines.extend(["", str(n // 20 + 1), "Preprint. Under review."])
    entries = split_entries("\n".join(lines))
    assert [e.text for e in entries] == citations


def test_wrapped_mixed_styles_without_numbers() -> None:
    """Chicago, an organisation author, Vancouver, Nature, LNCS, APA corporate and Harvard entries in one list."""
    entries = split_entries(_load("wrapped_mixed.txt"))
    assert [e.line for e in entries] == [3, 6, 7, 9, 12, 14, 16, 18]
    texts = [e.text for e in entries]
    assert texts[0].endswith("In Advances in Neural Information Processing Systems 30, 1709–20.")
    assert texts[1] == "OpenAI. 2023. GPT-4 Technical Report. arXiv preprint arXiv:2303.08774."
    assert "integer-arithmetic-only inference" in texts[3]
    assert texts[5].endswith("situation report – 100. World Health Organization.")
    assert texts[7].endswith("International Conference on Learning Representations, 2017.")


def test_wrapped_bulleted_list() -> None:
    text = (
        '- Frantar, Elias, et al. "GPTQ: Accurate post-training quantization for generative pre-trained\n'
        'transformers." arXiv preprint arXiv:2210.17323 (2022).\n'
        '- Lin, Ji, et al. "AWQ: Activation-aware weight quantization for LLM compression and acceleration."\n'
        "Proceedings of Machine Learning and Systems 6 (2024): 87-100.\n"
    )
    entries = split_entries(text)
    assert [e.line for e in entries] == [1, 3]
    assert entries[0].text.startswith("Frantar, Elias") and entries[0].text.endswith("(2022).")


def test_wrapped_first_line_indent() -> None:
    text = (
        "    Han, S., Mao, H., & Dally, W. J. (2016). Deep compression: Compressing deep neural networks\n"
        "with pruning, trained quantization and Huffman coding. In ICLR.\n"
        "    Zhou, S., Wu, Y., Ni, Z., Zhou, X., Wen, H., & Zou, Y. (2016). DoReFa-Net: Training low\n"
        "bitwidth convolutional neural networks with low bitwidth gradients. arXiv:1606.06160.\n"
    )
    assert [e.line for e in split_entries(text)] == [1, 3]
