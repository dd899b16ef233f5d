"""Springer LNCS: ``Family, I., Family, I.: Title. In: Editors (eds.) Book. LNCS, vol. n, pp. a–b. Springer, Cham (year).``"""

from __future__ import annotations

from bibconv.citations import parse_citation


def test_chapter_with_editors_volume_pages_publisher_place():
    r = parse_citation(
        "1. Ronneberger, O., Fischer, P., Brox, T.: U-Net: Convolutional networks for biomedical image segmentation. "
        "In: Navab, N., Hornegger, J., Wells, W.M., Frangi, A.F. (eds.) MICCAI 2015. LNCS, vol. 9351, pp. 234–241. "
        "Springer, Cham (2015). https://doi.org/10.1007/978-3-319-24574-4_28"
    ).record
    assert [n.family for n in r.author] == ["Ronneberger", "Fischer", "Brox"]
    assert [n.family for n in r.editor] == ["Navab", "Hornegger", "Wells", "Frangi"]
    assert r.title == "U-Net: Convolutional networks for biomedical image segmentation"
    assert (r.volume, r.page, r.publisher, r.publisher_place, r.issued) == (
        "9351",
        "234–241",
        "Springer",
        "Cham",
        "2015",
    )
    assert r.doi == "10.1007/978-3-319-24574-4_28"


def test_journal_article():
    r = parse_citation(
        "Lamport, L.: Time, clocks, and the ordering of events in a distributed system. Commun. ACM 21(7), 558–565 (1978)"
    ).record
    assert (r.author[0].family, r.author[0].given) == ("Lamport", "L.")
    assert r.title == "Time, clocks, and the ordering of events in a distributed system"
    assert (r.entry_type, r.container_title, r.volume, r.issue, r.page, r.issued) == (
        "article",
        "Commun. ACM",
        "21",
        "7",
        "558–565",
        "1978",
    )


def test_place_after_the_publisher_keeps_its_last_word():
    r = parse_citation(
        "Russell S, Norvig P (2010) Artificial intelligence: a modern approach, 3rd edn. Prentice Hall, "
        "Upper Saddle River"
    ).record
    assert (r.entry_type, r.edition, r.publisher, r.publisher_place) == (
        "book",
        "3",
        "Prentice Hall",
        "Upper Saddle River",
    )


def test_arxiv_id_alone_where_the_journal_goes():
    record = parse_citation(
        "Hu, E.J., et al.: LoRA: Low-rank adaptation of large language models. arXiv:2106.09685 [cs.CL] (2021)"
    ).record
    assert (record.entry_type, record.container_title, record.arxiv) == ("misc", "", "2106.09685")
    assert record.extra["primaryclass"] == "cs.CL"
