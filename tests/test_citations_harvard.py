"""Harvard (Cite Them Right and similar)."""

from __future__ import annotations

import pytest

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


def test_corporate_author_before_the_year_and_locator_words_before_the_url():
    r = parse_citation(
        "World Health Organization (2020) Coronavirus disease (COVID-19) pandemic. Available at: "
        "https://www.who.int/emergencies/diseases/novel-coronavirus-2019 (Accessed: 12 March 2021)."
    ).record
    assert [n.literal for n in r.author] == ["World Health Organization"]
    assert (r.title, r.issued, r.publisher) == ("Coronavirus disease (COVID-19) pandemic", "2020", "")
    assert r.url == "https://www.who.int/emergencies/diseases/novel-coronavirus-2019"
    assert r.extra["urldate"] == "2021-03"  # the access date is kept (biblatex urldate, CSL accessed)


def test_team_without_editor_word_is_the_author_and_url_word_is_no_place():
    r = parse_citation(
        "R Core Team (2023). R: A language and environment for statistical computing. R Foundation for "
        "Statistical Computing, Vienna, Austria. URL https://www.R-project.org/."
    ).record
    assert [n.literal for n in r.author] == ["R Core Team"] and not r.editor
    assert (r.publisher, r.publisher_place) == ("R Foundation for Statistical Computing", "Vienna, Austria")
    assert r.url == "https://www.R-project.org/"


@pytest.mark.parametrize(
    ("citation", "field", "number"),
    [
        (
            "Knuth, D. E. (1997). The Art of Computer Programming (3rd ed.). Addison-Wesley. ISBN 978-0-201-89683-1.",
            "isbn",
            "978-0-201-89683-1",
        ),
        ("Smith J. Deep learning. London: Routledge; 2019. ISBN: 0-415-12345-X.", "isbn", "0-415-12345-X"),
        ("Doe, J. (2020). A title. Nature, 12(3), 4-5. ISSN 0028-0836.", "issn", "0028-0836"),
    ],
)
def test_isbn_and_issn_are_fields_not_publisher_text(citation, field, number):
    r = parse_citation(citation).record
    assert getattr(r, field) == number
    assert "ISBN" not in r.publisher and "ISSN" not in r.container_title
