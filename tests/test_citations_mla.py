"""MLA 8th/9th edition (Google Scholar's variant is in test_citations_scholar.py)."""

from __future__ import annotations

from bibconv.citations import parse_citation
from bibconv.model import OTHERS


def test_article_with_vol_no_pp():
    r = parse_citation(
        'LeCun, Yann, et al. "Deep Learning." Nature, vol. 521, no. 7553, 2015, pp. 436–44.'
    ).record
    assert r.author[-1] == OTHERS and (r.author[0].family, r.author[0].given) == ("LeCun", "Yann")
    assert (r.entry_type, r.title, r.container_title, r.volume, r.issue, r.page, r.issued) == (
        "article", "Deep Learning", "Nature", "521", "7553", "436–444", "2015",
    )  # fmt: skip


def test_book():
    r = parse_citation("Said, Edward W. Orientalism. Pantheon Books, 1978.").record
    assert (r.entry_type, r.title, r.publisher, r.issued) == ("book", "Orientalism", "Pantheon Books", "1978")


def test_shortest_book_form_with_a_one_word_title():
    r = parse_citation("Morrison, Toni. Beloved. Vintage, 2004.").record
    assert (r.entry_type, r.title, r.publisher, r.issued) == ("book", "Beloved", "Vintage", "2004")
    assert [(n.family, n.given) for n in r.author] == [("Morrison", "Toni")]


def test_day_month_year_is_the_date_not_a_volume():
    r = parse_citation(
        'Smith, Zadie. "Fences: A Brexit Diary." The New York Review of Books, 18 Aug. 2016, '
        "www.nybooks.com/articles/2016/08/18/fences-brexit-diary/."
    ).record
    assert (r.container_title, r.volume, r.issued[:7]) == ("The New York Review of Books", "", "2016-08")
