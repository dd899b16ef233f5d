"""Harvard (Cite Them Right and similar)."""

from __future__ import annotations

from bibconv.citations import parse_citation


def test_article_with_single_quoted_title_and_doi():
    r = parse_citation(
        "LeCun, Y., Bengio, Y. and Hinton, G. (2015) 'Deep learning', Nature, 521(7553), pp. 436–444. doi:10.1038/nature14539."
    ).record
    assert [n.family for n in r.author] == ["LeCun", "Bengio", "Hinton"]
    assert (r.entry_type, r.title, r.container_title, r.volume, r.issue, r.page) == (
        "article",
        "Deep learning",
        "Nature",
        "521",
        "7553",
        "436–444",
    )
    assert (r.issued, r.doi) == ("2015", "10.1038/nature14539")


def test_book_with_unspaced_initials():
    r = parse_citation(
        "Kuhn, T.S. (1962) The structure of scientific revolutions. Chicago: University of Chicago Press."
    ).record
    assert (r.author[0].family, r.author[0].given) == ("Kuhn", "T.S.")
    assert (r.entry_type, r.title, r.publisher, r.publisher_place) == (
        "book", "The structure of scientific revolutions", "University of Chicago Press", "Chicago",
    )  # fmt: skip
