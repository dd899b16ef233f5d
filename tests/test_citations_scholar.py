"""Google Scholar's "MLA" form — the form of the bundled quantization list (bib/sources/quantization-papers.md).

C2's golden file checks every field of all 62 bullets; here: every bullet parses, and the forms Scholar
uses (journal ``18.187``, proceedings, ``Vol. 37. No. 8.``, arXiv, book chapter, publisher with place,
acceptance notes) each come out right.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bibconv.citations import parse_citation
from bibconv.model import OTHERS

LIST = Path(__file__).resolve().parent.parent / "bib" / "sources" / "quantization-papers.md"


def families(record) -> list[str]:
    return [n.family if not n.others else "OTHERS" for n in record.author]


def test_every_bullet_of_the_bundled_list_parses_with_title_authors_year():
    bullets = [
        line[2:].strip() for line in LIST.read_text(encoding="utf-8").splitlines() if line.startswith("- ")
    ]
    assert len(bullets) == 62
    for bullet in bullets:
        parsed = parse_citation(bullet)
        assert parsed.ok, bullet
        record = parsed.record
        assert record.title and record.author and record.year, bullet
        assert record.title in bullet
        assert record.entry_type in ("article", "inproceedings", "incollection", "misc"), bullet


def test_journal_with_volume_dot_issue_and_pages():
    r = parse_citation(
        'Hubara, Itay, et al. "Quantized neural networks: Training neural networks with low precision weights and '
        'activations." Journal of Machine Learning Research 18.187 (2018): 1-30.'
    ).record
    assert r.entry_type == "article"
    assert r.author == (r.author[0], OTHERS) and (r.author[0].family, r.author[0].given) == ("Hubara", "Itay")
    assert (
        r.title
        == "Quantized neural networks: Training neural networks with low precision weights and activations"
    )
    assert (r.container_title, r.volume, r.issue, r.page, r.issued) == (
        "Journal of Machine Learning Research",
        "18",
        "187",
        "1–30",
        "2018",
    )


def test_lowercased_neurips_is_restored_with_volume():
    r = parse_citation(
        'LeCun, Yann, John Denker, and Sara Solla. "Optimal brain damage." Advances in neural information processing systems 2 (1989).'
    ).record
    assert r.entry_type == "inproceedings"
    assert families(r) == ["LeCun", "Denker", "Solla"]
    assert (r.container_title, r.volume, r.issued) == (
        "Advances in Neural Information Processing Systems",
        "2",
        "1989",
    )


def test_arxiv_preprint_is_misc_with_bare_id():
    r = parse_citation(
        'Li, Yuhang, et al. "Brecq: Pushing the limit of post-training quantization by block reconstruction." '
        "arXiv preprint arXiv:2102.05426 (2021)"
    ).record
    assert (r.entry_type, r.arxiv, r.issued, r.container_title, r.doi) == (
        "misc",
        "2102.05426",
        "2021",
        "",
        "",
    )
    assert families(r) == ["Li", "OTHERS"] and r.author[0].given == "Yuhang"


def test_aaai_volume_and_number():
    r = parse_citation(
        'Qian, Biao, et al. "Rethinking data-free quantization as a zero-sum game." Proceedings of the AAAI '
        "conference on artificial intelligence. Vol. 37. No. 8. 2023."
    ).record
    assert r.entry_type == "inproceedings"
    assert r.container_title == "Proceedings of the AAAI Conference on Artificial Intelligence"
    assert (r.volume, r.issue, r.issued) == ("37", "8", "2023")


def test_chapter_with_publisher_and_pages():
    r = parse_citation(
        'Gholami, Amir, et al. "A survey of quantization methods for efficient neural network inference." '
        "Low-Power Computer Vision. Chapman and Hall/CRC, 2022. 291-326."
    ).record
    assert r.entry_type == "incollection"
    assert (r.container_title, r.publisher, r.page, r.issued) == (
        "Low-Power Computer Vision",
        "Chapman and Hall/CRC",
        "291–326",
        "2022",
    )


def test_place_and_publisher():
    r = parse_citation(
        'Li, Yuhang, et al. "GenQ: Quantization in Low Data Regimes with Generative Synthetic Data." European '
        "Conference on Computer Vision. Cham: Springer Nature Switzerland, 2024."
    ).record
    assert (r.entry_type, r.publisher, r.publisher_place, r.issued) == (
        "inproceedings",
        "Springer Nature Switzerland",
        "Cham",
        "2024",
    )


def test_title_with_periods_is_kept_whole():
    r = parse_citation(
        'Dettmers, Tim, et al. "Gpt3. int8 (): 8-bit matrix multiplication for transformers at scale." Advances in '
        "Neural Information Processing Systems 35 (2022): 30318-30332."
    ).record
    assert r.title == "Gpt3. int8 (): 8-bit matrix multiplication for transformers at scale"
    assert (r.volume, r.page) == ("35", "30318–30332")


def test_multiword_given_name_of_first_author():
    r = parse_citation(
        'Heo, Jung Hwan, et al. "Rethinking channel dimensions to isolate outliers for low-bit weight quantization '
        'of large language models." arXiv preprint arXiv:2309.15531 (2023).'
    ).record
    assert (r.author[0].family, r.author[0].given) == ("Heo", "Jung Hwan")


@pytest.mark.parametrize(
    ("note", "container", "year"),
    [
        ("(NeurIPS 2024)", "Advances in Neural Information Processing Systems", "2024"),
        (
            "(WACV 2025 Accepted)",
            "Proceedings of the IEEE/CVF Winter Conference on Applications of Computer Vision",
            "2025",
        ),
        ("(ICLR 2025 Accepted)", "International Conference on Learning Representations", "2025"),
        (".(AAAI 2025)", "Proceedings of the AAAI Conference on Artificial Intelligence", "2025"),
    ],
)
def test_acceptance_note_upgrades_venue_and_keeps_arxiv(note, container, year):
    text = (
        'Sui, Yang, et al. "Bitsfusion: 1.99 bits weight quantization of diffusion model." arXiv preprint arXiv:2406.04333 (2024). '
        + note
    )
    r = parse_citation(text).record
    assert (r.entry_type, r.container_title, r.issued, r.arxiv) == (
        "inproceedings",
        container,
        year,
        "2406.04333",
    )
    assert r.title == "Bitsfusion: 1.99 bits weight quantization of diffusion model"


def test_scholar_volume_with_issue_range():
    record = parse_citation(
        'Ohl, Thorsten. "Drawing Feynman diagrams with LaTeX and METAFONT." Computer Physics Communications '
        "90.2–3 (1995): 340-354."
    ).record
    assert (record.volume, record.issue, record.page) == ("90", "2–3", "340–354")
