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


def test_page_marker_without_space():
    record = parse_citation(
        "Itoh, K. and Ohno, Y., 1993. A curve fitting algorithm for character fonts. Electronic Publishing, 6(3), p.195."
    ).record
    assert (record.volume, record.issue, record.page) == ("6", "3", "195")
    record = parse_citation(
        "Li, P., Shrivastava, A. and König, A.C., 2012. GPU-based minwise hashing. In: Proceedings of the 21st "
        "world wide web conference (WWW 2012). pp.565–566."
    ).record
    assert record.page == "565–566"
    assert "pp" not in record.container_title
