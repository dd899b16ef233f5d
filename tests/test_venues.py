"""The venue table: recognition of the many ways citations name a venue, years implied by the name,
no false matches, and Google Scholar's lowercased venue names restored."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bibconv.data.venues import Venue, lookup, restore_case, venue_entries


@pytest.mark.parametrize(
    ("text", "abbreviation", "year"),
    [
        ("Advances in neural information processing systems", "NeurIPS", None),
        ("NIPS", "NeurIPS", None),
        ("Proc. of NeurIPS", "NeurIPS", None),
        ("Thirty-seventh Conference on Neural Information Processing Systems", "NeurIPS", 2023),
        ("NeurIPS 2024", "NeurIPS", 2024),
        ("Forty-first International Conference on Machine Learning", "ICML", 2024),
        ("ICML'23", "ICML", 2023),
        ("International conference on machine learning", "ICML", None),
        ("In: Proc. Int. Conf. Mach. Learn.", "ICML", None),
        ("The Thirteenth International Conference on Learning Representations (ICLR)", "ICLR", 2025),
        ("2023 IEEE/CVF International Conference on Computer Vision (ICCV)", "ICCV", 2023),
        ("Proceedings of the IEEE/CVF international conference on computer vision", "ICCV", None),
        ("Proceedings of the IEEE/CVF conference on computer vision and pattern recognition", "CVPR", None),
        (
            "IEEE Conference on Computer Vision and Pattern Recognition, CVPR 2020, Seattle, WA, USA, June 13-19, 2020",
            "CVPR",
            2020,
        ),
        (
            "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops",
            "CVPRW",
            None,
        ),
        (
            "Computer Vision–ECCV 2020: 16th European Conference, Glasgow, UK, August 23–28, 2020, Proceedings, Part XII 16",
            "ECCV",
            2020,
        ),
        (
            "Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)",
            "ACL",
            2023,
        ),
        ("Findings of the Association for Computational Linguistics: EMNLP 2023", "Findings of EMNLP", 2023),
        (
            "Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational "
            "Linguistics: Human Language Technologies, Volume 1 (Long and Short Papers)",
            "NAACL",
            2019,
        ),
        ("Proceedings of the AAAI conference on artificial intelligence", "AAAI", None),
        ("AAAI-24", "AAAI", 2024),
        ("ACM SIGARCH Computer Architecture News", "SIGARCH Comput. Archit. News", None),
        ("IEEE Signal Processing Magazine", "IEEE Signal Process. Mag.", None),
        ("Proceedings of the IEEE", "Proc. IEEE", None),
        ("Journal of Machine Learning Research", "JMLR", None),
        ("J. Mach. Learn. Res.", "JMLR", None),
        ("IEEE Trans. Pattern Anal. Mach. Intell.", "TPAMI", None),
        ("Transactions of the Association for Computational Linguistics", "TACL", None),
        ("Proceedings of the 29th ACM Symposium on Operating Systems Principles", "SOSP", None),
        ("17th USENIX Symposium on Operating Systems Design and Implementation (OSDI 23)", "OSDI", 2023),
        ("Proceedings of the 50th Annual International Symposium on Computer Architecture", "ISCA", 2023),
        ("IEEE Micro", "IEEE Micro", None),
        ("MICRO", "MICRO", None),
        ("Physical review letters", "Phys. Rev. Lett.", None),
        ("Nature", "Nature", None),
    ],
)
def test_lookup_recognises_venue_forms(text: str, abbreviation: str, year: int | None) -> None:
    venue = lookup(text)
    assert venue is not None, text
    assert (venue.abbreviation, venue.year) == (abbreviation, year)


def test_lookup_returns_canonical_name_and_kind() -> None:
    assert lookup("Advances in neural information processing systems") == Venue(
        "Advances in Neural Information Processing Systems", "NeurIPS", "conference", None, ""
    )
    assert lookup("International conference on machine learning").publisher == "PMLR"
    assert lookup("Journal of Machine Learning Research").kind == "journal"
    assert lookup("CVPR Workshops").kind == "workshop"


@pytest.mark.parametrize(
    "text",
    [
        "Low-Power Computer Vision",
        "Neural Networks: Tricks of the Trade",  # a book, not the journal Neural Networks
        "Journal of Neural Engineering",
        "Nature Reviews Drug Discovery",
        "International Journal of Machine Learning and Cybernetics",
        "IEEE",
        "Proceedings",
        "arXiv preprint arXiv:2102.05426",
        "Advances in Neural Information Processing",
        "",
        "   ",
    ],
)
def test_lookup_does_not_guess(text: str) -> None:
    venue = lookup(text)
    # "Advances in Neural Information Processing" is a listed truncation; everything else must miss.
    assert venue is None or venue.abbreviation == "NeurIPS" and "Advances" in text


def test_table_is_large_and_well_formed() -> None:
    entries = venue_entries()
    assert len(entries) >= 200
    assert sum(len(e.aliases) for e in entries) >= 400
    assert {e.kind for e in entries} == {"conference", "journal", "workshop"}
    for needed in (
        "NeurIPS",
        "CVPR",
        "ICML",
        "ICLR",
        "ACL",
        "EMNLP",
        "NAACL",
        "COLING",
        "AAAI",
        "IJCAI",
        "KDD",
        "WWW",
        "SIGIR",
        "OSDI",
        "SOSP",
        "MLSys",
        "ISCA",
        "MICRO",
        "HPCA",
        "ASPLOS",
        "DAC",
        "PVLDB",
        "SIGMOD",
        "ICCV",
        "ECCV",
        "WACV",
        "BMVC",
        "TPAMI",
        "JMLR",
        "TMLR",
        "TACL",
    ):
        assert any(e.abbreviation == needed for e in entries), needed


def test_every_name_of_the_table_finds_its_own_venue() -> None:
    for entry in venue_entries():
        for name in (entry.canonical, *entry.aliases):
            venue = lookup(name)
            assert venue is not None and venue.canonical == entry.canonical, (name, venue)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Proceedings of the IEEE/CVF international conference on computer vision",
            "Proceedings of the IEEE/CVF International Conference on Computer Vision",
        ),
        (
            "Advances in neural information processing systems",
            "Advances in Neural Information Processing Systems",
        ),
        (
            "Proceedings of the AAAI conference on artificial intelligence",
            "Proceedings of the AAAI Conference on Artificial Intelligence",
        ),
        ("Journal of the american chemical society", "Journal of the American Chemical Society"),
        (
            "Proceedings of the 2023 acm sigsac conference on computer and communications security",
            "Proceedings of the 2023 ACM SIGSAC Conference on Computer and Communications Security",
        ),
        ("Low-power computer vision", "Low-Power Computer Vision"),
        ("Journal of Machine Learning Research", "Journal of Machine Learning Research"),
        (
            "Computer vision–ECCV 2020: 16th european conference",
            "Computer Vision–ECCV 2020: 16th European Conference",
        ),
        ("", ""),
    ],
)
def test_restore_case(text: str, expected: str) -> None:
    assert restore_case(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_lookup_and_restore_case_never_raise(text: str) -> None:
    venue = lookup(text)
    assert venue is None or isinstance(venue, Venue)
    assert isinstance(restore_case(text), str)


def test_lookup_is_fast_without_the_cache() -> None:
    texts = [f"Proceedings of the {n}th International Conference on Something {n}" for n in range(2000)]
    lookup.cache_clear()
    start = time.perf_counter()
    for text in texts:
        lookup(text)
    assert (
        len(texts) / (time.perf_counter() - start) > 2000
    )  # the parser needs >5,000 citations/s; lookups are cached


@pytest.mark.parametrize(
    ("text", "abbreviation"),
    [
        (
            "International Conference on Learning Representation (ICLR)",
            "ICLR",
        ),  # a typo in the name, the abbreviation agrees
        (
            "ES-FoMo Workshop on Efficient Systems for Foundation Models (ICML)",
            None,
        ),  # a workshop held at ICML
        ("Some Unknown Venue (ICML)", None),
        (
            "Sensors, Actuators and Microsystems, 2021",
            None,
        ),  # a comma prefix needs the abbreviation as evidence
        ("Nature: Physical Science", None),  # a colon prefix needs a year as evidence
    ],
)
def test_fallbacks_need_evidence(text: str, abbreviation: str | None) -> None:
    venue = lookup(text)
    assert (venue.abbreviation if venue else None) == abbreviation


@pytest.mark.parametrize(
    ("text", "abbreviation", "year"),
    [
        ("Advances in Neural Information Processing Systems 30 (NIPS 2017)", "NeurIPS", 2017),
        ("Advances in Neural Information Processing Systems 30", "NeurIPS", None),
        ("Proceedings of the 37th International Conference on Machine Learning (ICML'20)", "ICML", 2020),
        ("ES-FoMo Workshop (ICML 2024)", None, None),
    ],
)
def test_volume_numbers_and_abbreviations_in_parentheses(
    text: str, abbreviation: str | None, year: int | None
) -> None:
    venue = lookup(text)
    assert ((venue.abbreviation, venue.year) if venue else (None, None)) == (abbreviation, year)


REAL_VENUES_NOT_IN_THE_TABLE = """Journal of the American Chemical Society|Physical Review B|Astrophysical Journal|
Monthly Notices of the Royal Astronomical Society|The Lancet|New England Journal of Medicine|Applied Physics Letters|
Annals of Mathematics|American Economic Review|Econometrica|Journal of Personality and Social Psychology|Cognition|
Language|Linguistic Inquiry|Speculum|The American Historical Review|Past & Present|PMLA|Critical Inquiry|
Journal of Machine Learning|IEEE Transactions on Power Systems|ACM Transactions on Mathematical Software|
Neural Processing Letters|Science China Information Sciences|Workshop on Efficient Deep Learning|
Machine Learning with Applications|Zeitschrift für Physik|Revue française de sociologie|Computer|Systems|
International Conference|Conference on Computer Vision|Signal Processing|Information Processing Systems|
Neural Information Processing Systems Workshop on Machine Learning for Health|Image Processing"""


@pytest.mark.parametrize("text", [t.strip() for t in REAL_VENUES_NOT_IN_THE_TABLE.split("|")])
def test_no_false_positive_on_other_real_venues(text: str) -> None:
    assert lookup(text) is None
