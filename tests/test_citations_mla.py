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
