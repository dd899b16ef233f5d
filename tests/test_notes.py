"""Acceptance notes after a citation: split off, venue and year recognised, never confused with the
citation's own parenthesised year or volume note."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bibconv.citations.notes import AcceptanceNote, split_acceptance_note

ARXIV = 'Sui, Yang, et al. "Bitsfusion: 1.99 bits weight quantization of diffusion model." arXiv preprint arXiv:2406.04333 (2024).'


@pytest.mark.parametrize(
    ("note", "abbreviation", "year", "status"),
    [
        (" (NeurIPS 2024)", "NeurIPS", 2024, ""),
        (" (WACV 2025 Accepted)", "WACV", 2025, "accepted"),
        (" (ICLR 2025 Accepted)", "ICLR", 2025, "accepted"),
        ("(AAAI 2025) ", "AAAI", 2025, ""),
        (" (CVPR 2023 Highlight)", "CVPR", 2023, "highlight"),
        (" [ICML 2024]", "ICML", 2024, ""),
        (" (Accepted to NeurIPS 2024)", "NeurIPS", 2024, "accepted"),
        (" (ICML'24 Oral)", "ICML", 2024, "oral"),
        (" (NeurIPS 2024 Spotlight).", "NeurIPS", 2024, "spotlight"),
        (" (Findings of EMNLP 2023)", "Findings of EMNLP", 2023, ""),
    ],
)
def test_trailing_note_is_split_off(note: str, abbreviation: str, year: int, status: str) -> None:
    rest, found = split_acceptance_note(ARXIV + note)
    assert rest == ARXIV
    assert isinstance(found, AcceptanceNote)
    assert found.venue is not None and found.venue.abbreviation == abbreviation
    assert (found.year, found.status) == (year, status)
    assert found.text in note


def test_glued_note_keeps_the_citation_period() -> None:
    text = 'Zhao, Weibo, et al. "ASER." arXiv preprint arXiv:2411.07762 (2024).(AAAI 2025) '
    rest, note = split_acceptance_note(text)
    assert rest == 'Zhao, Weibo, et al. "ASER." arXiv preprint arXiv:2411.07762 (2024).'
    assert note is not None and note.name == "AAAI" and note.year == 2025


def test_unknown_acronym_with_year_is_still_a_note() -> None:
    rest, note = split_acceptance_note(
        "Smith, J. Fast chips. arXiv:2401.00001 (2024). (ICCADX 2024 Accepted)"
    )
    assert rest.endswith("(2024).")
    assert note is not None and note.venue is None and note.name == "ICCADX" and note.year == 2024


@pytest.mark.parametrize(
    "text",
    [
        'Liu, Zhuang, et al. "Rethinking the value of network pruning." arXiv preprint arXiv:1810.05270 (2018). ',
        "Touvron, H. LLaMA. Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)",
        "He, K. Deep residual learning. 2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR).",
        "Wang, L. A study (in Chinese)",
        "Smith, J. A title. Journal of Things 12 (2019).",
        "Lee, K. Some paper. arXiv:2401.00001 (2024). (Oral)",
        "Lee, K. Some paper. Nature 521 (2015): 436-444.",
        "no brackets at all",
        "",
    ],
)
def test_no_note_is_invented(text: str) -> None:
    assert split_acceptance_note(text) == (text, None)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_never_raises_and_rest_is_a_prefix(text: str) -> None:
    rest, note = split_acceptance_note(text)
    assert text.startswith(rest)
    assert note is None or note.text in text


@pytest.mark.parametrize(
    "text",
    [
        "Smith, J. Title. In Advances in Neural Information Processing Systems (NeurIPS 2024).",
        "Smith, J. Title. 2023. Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR 2023)",
    ],
)
def test_the_venues_own_abbreviation_is_not_a_note(text: str) -> None:
    assert split_acceptance_note(text) == (text, None)
