"""Vancouver / NLM (medicine): ``Family AB`` names, ``2020;383(27):2603-15``."""

from __future__ import annotations

from bibconv.citations import parse_citation
from bibconv.model import OTHERS


def test_nlm_article_with_compact_numbers():
    r = parse_citation(
        "1. Polack FP, Thomas SJ, Kitchin N, Absalon J, Gurtman A, Lockhart S, et al. Safety and efficacy of the "
        "BNT162b2 mRNA Covid-19 vaccine. N Engl J Med. 2020;383(27):2603-15."
    ).record
    assert [(n.family, n.given) for n in r.author[:2]] == [("Polack", "F. P."), ("Thomas", "S. J.")]
    assert r.author[-1] == OTHERS and len(r.author) == 7
    assert r.title == "Safety and efficacy of the BNT162b2 mRNA Covid-19 vaccine"
    assert (r.entry_type, r.container_title, r.volume, r.issue, r.page, r.issued) == (
        "article", "N Engl J Med", "383", "27", "2603–2615", "2020",
    )  # fmt: skip


def test_doi_with_parentheses_is_kept_whole():
    r = parse_citation(
        "Huang C, Wang Y, Li X, et al. Clinical features of patients infected with 2019 novel coronavirus. "
        "Lancet. 2020;395(10223):497-506. doi: 10.1016/S0140-6736(20)30183-5."
    ).record
    assert r.doi == "10.1016/S0140-6736(20)30183-5"
    assert (r.volume, r.issue, r.page, r.issued) == ("395", "10223", "497–506", "2020")


def test_conference_paper_pages_place_and_publisher():
    r = parse_citation(
        "Ioffe S, Szegedy C. Batch normalization: accelerating deep network training by reducing internal "
        "covariate shift. In: Bach F, Blei D, editors. Proceedings of the 32nd International Conference on "
        "Machine Learning; 2015 Jul 7-9; Lille, France. PMLR; 2015. p. 448-56."
    ).record
    assert r.entry_type == "inproceedings"
    assert [n.family for n in r.editor] == ["Bach", "Blei"]
    assert (r.page, r.publisher, r.publisher_place) == ("448–456", "PMLR", "Lille, France")


def test_hyphenated_initials_stay_with_their_name():
    r = parse_citation("Chang M-W. Initial sequencing and analysis of the human genome. 1985.").record
    assert ([(n.family, n.given) for n in r.author], r.title) == (
        [("Chang", "M.-W.")],
        "Initial sequencing and analysis of the human genome",
    )


def test_event_days_end_the_date_and_the_place_follows():
    r = parse_citation(
        "Smith J, Lee K. A study of things. In: Proceedings of the 5th Workshop on Things; 2019 Sep 3-5; "
        "Porto, Portugal. ACL; 2019. p. 1-9."
    ).record
    assert (r.entry_type, r.publisher, r.publisher_place, r.page) == ("inproceedings", "ACL", "Porto, Portugal", "1–9")
    assert r.volume == ""


def test_initials_and_trailing_particles_end_the_name():
    record = parse_citation("Laan CG van der. Typesetting bridge via LaTeX. TUGboat 1989; 10: 113–116.").record
    assert record.title == "Typesetting bridge via LaTeX"
    assert [(n.particle, n.family, n.given) for n in record.author] == [("van der", "Laan", "C. G.")]
    record = parse_citation(
        "Lau S-HP. Welfare-maximizing vs. Growth-maximizing shares of government investment and consumption. "
        "Economics Letters. 1995;47:351–359."
    ).record
    assert record.title.startswith("Welfare-maximizing")
    assert [n.family for n in record.author] == ["Lau"]


def test_pubmed_identifiers_are_kept_apart():
    record = parse_citation(
        "LeCun Y, Bengio Y, Hinton G. Deep learning. Nature. 2015 May 28;521(7553):436-44. "
        "doi: 10.1038/nature14539. PMID: 26017442; PMCID: PMC4321."
    ).record
    assert record.extra["pmid"] == "26017442" and record.extra["pmcid"] == "PMC4321"
    assert record.doi == "10.1038/nature14539"
    assert (record.container_title, record.volume, record.issue, record.page) == ("Nature", "521", "7553", "436–444")
    assert not record.publisher_place
