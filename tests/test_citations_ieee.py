"""IEEE reference strings (numbered, initials first, quoted titles)."""

from __future__ import annotations

import pytest

from bibconv.citations import parse_citation
from bibconv.model import OTHERS


def test_journal_article_with_month_and_doi():
    r = parse_citation(
        '[1] Y. LeCun, Y. Bengio, and G. Hinton, "Deep learning," Nature, vol. 521, no. 7553, pp. 436–444, May 2015, '
        "doi: 10.1038/nature14539."
    ).record
    assert [(n.family, n.given) for n in r.author] == [("LeCun", "Y."), ("Bengio", "Y."), ("Hinton", "G.")]
    assert (r.title, r.container_title, r.volume, r.issue, r.page) == (
        "Deep learning",
        "Nature",
        "521",
        "7553",
        "436–444",
    )
    assert (r.issued, r.doi) == ("2015-05", "10.1038/nature14539")


def test_conference_with_et_al():
    r = parse_citation(
        '[3] A. Vaswani et al., "Attention is all you need," in Advances in Neural Information Processing Systems, vol. 30, 2017.'
    ).record
    assert r.author == (r.author[0], OTHERS) and r.author[0].family == "Vaswani"
    assert (r.entry_type, r.title, r.container_title, r.volume, r.issued) == (
        "inproceedings", "Attention is all you need", "Advances in Neural Information Processing Systems", "30", "2017",
    )  # fmt: skip


def test_quoted_title_ends_at_closing_quote():
    r = parse_citation(
        '[2] K. He, X. Zhang, S. Ren, and J. Sun, "Deep residual learning for image recognition," in Proc. IEEE Conf. '
        "Comput. Vis. Pattern Recognit. (CVPR), Las Vegas, NV, USA, 2016, pp. 770–778."
    ).record
    assert r.title == "Deep residual learning for image recognition"
    assert (r.page, r.issued) == ("770–778", "2016")
    assert r.container_title.startswith("Proc")


def test_book_title_after_the_only_author_is_not_a_name():
    # The DBLP rule (names end at a colon) must stop at a sentence end: "New York:" is the place.
    r = parse_citation("W. Rudin, Functional Analysis. New York: McGraw-Hill, 1973.").record
    assert [n.family for n in r.author] == ["Rudin"]
    assert (r.entry_type, r.title, r.publisher, r.publisher_place) == (
        "book", "Functional Analysis", "McGraw-Hill", "New York",
    )  # fmt: skip


def test_generation_numeral_after_the_family_name_is_a_suffix():
    r = parse_citation(
        "A. J. Arduengo III, H. V. R. Dias, R. L. Harlow, and M. Kline, “Electronic stabilization of nucleophilic "
        "carbenes”, J. Am. Chem. Soc., vol. 114, no. 14, pp. 5530–5534, 1992."
    ).record
    assert (r.author[0].given, r.author[0].family, r.author[0].suffix) == ("A. J.", "Arduengo", "III")
    assert [n.family for n in r.author[1:]] == ["Dias", "Harlow", "Kline"]


def test_venue_acronym_in_brackets_stays_with_the_venue():
    record = parse_citation(
        'A. Vaswani et al., "Attention is all you need," in Proc. 31st Int. Conf. Neural Inf. Process. Syst. '
        "(NIPS), Long Beach, CA, USA, 2017, pp. 6000–6010."
    ).record
    assert record.container_title.endswith("(NIPS)")
    assert record.publisher_place == "Long Beach, CA, USA"


@pytest.mark.parametrize(
    ("citation", "families", "title"),
    [
        (
            "J. Tschichold, Typographische Mitteilungen, Sonderheft Elementare Typographie. Mainz, Germany: "
            "Universitätsdruckerei und Verlag Hermann Schmidt, 1986.",
            ["Tschichold"],
            "Typographische Mitteilungen, Sonderheft Elementare Typographie",
        ),
        (
            "W. Burger and M. J. Burge, Digitale Bildverarbeitung: Eine algorithmische Einführung mit Java, 3rd ed. "
            "Heidelberg: Springer, 2015.",
            ["Burger", "Burge"],
            "Digitale Bildverarbeitung: Eine algorithmische Einführung mit Java",
        ),
        (  # APS: the book's facts in parentheses
            "M. Barr and C. F. Wells, Toposes, Triples, and Theories (Springer-Verlag, Berlin, 1985).",
            ["Barr", "Wells"],
            "Toposes, Triples, and Theories",
        ),
    ],
)
def test_capitalised_words_after_a_given_first_name_list_are_the_title(citation, families, title):
    r = parse_citation(citation).record
    assert [n.family for n in r.author] == families
    assert (r.entry_type, r.title) == ("book", title)


def test_suffix_and_particle_do_not_end_a_given_first_name():
    weir = parse_citation(
        "T. E. Weir, Jr., “Book review: First European Conference on Hypertext”, Electronic Publishing, vol. 5, "
        "no. 1, pp. 47–48, 1992."
    ).record
    assert [(n.given, n.family, n.suffix) for n in weir.author] == [("T. E.", "Weir", "Jr")]
    branges = parse_citation("L. de Branges, “The Stone-Weierstrass Theorem”, Proc. Amer. Math. Soc., vol. 10, 1959.")
    assert [(n.particle, n.family) for n in branges.record.author] == [("de", "Branges")]


@pytest.mark.parametrize(
    ("citation", "names", "title"),
    [
        (  # APS: the labeller left the family name with the title
            "H. I. Glück, Formatierung leicht gemacht, Formatierungsjournal 11, 23 (2009).",
            [("H. I.", "Glück")],
            "Formatierung leicht gemacht",
        ),
        (
            "S. P. Walborn, C. H. Monken, S. Pádua, and P. H. Souto Ribeiro, Spatial correlations in parametric "
            "down-conversion, Physics Reports 495, 87 (2010).",
            [("S. P.", "Walborn"), ("C. H.", "Monken"), ("S.", "Pádua"), ("P. H. Souto", "Ribeiro")],
            "Spatial correlations in parametric down-conversion",
        ),
    ],
)
def test_family_name_after_author_initials_is_the_authors(citation, names, title):
    r = parse_citation(citation).record
    assert [(n.given, n.family) for n in r.author] == names
    assert r.title == title


def test_project_contributors_are_one_corporate_author():
    r = parse_citation(
        '[2] PyTorch Contributors, "PyTorch documentation," 2024. [Online]. Available: '
        "https://pytorch.org/docs/stable/index.html (accessed Jan. 5, 2024)."
    ).record
    assert [n.literal for n in r.author] == ["PyTorch Contributors"]
    assert (r.title, r.issued, r.url) == ("PyTorch documentation", "2024", "https://pytorch.org/docs/stable/index.html")
