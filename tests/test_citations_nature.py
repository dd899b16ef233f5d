"""Nature: ``Family, I. & Family, I. Title. Journal volume, pages (year).``"""

from __future__ import annotations

from bibconv.citations import parse_citation
from bibconv.model import OTHERS


def test_article_with_ampersand():
    r = parse_citation("LeCun, Y., Bengio, Y. & Hinton, G. Deep learning. Nature 521, 436–444 (2015).").record
    assert [n.family for n in r.author] == ["LeCun", "Bengio", "Hinton"]
    assert (r.entry_type, r.title, r.container_title, r.volume, r.page, r.issued) == (
        "article",
        "Deep learning",
        "Nature",
        "521",
        "436–444",
        "2015",
    )


def test_et_al_without_comma():
    r = parse_citation(
        "Jumper, J. et al. Highly accurate protein structure prediction with AlphaFold. Nature 596, 583–589 (2021)."
    ).record
    assert r.author == (r.author[0], OTHERS) and (r.author[0].family, r.author[0].given) == ("Jumper", "J.")
    assert (r.title, r.volume, r.page, r.issued) == (
        "Highly accurate protein structure prediction with AlphaFold",
        "596",
        "583–589",
        "2021",
    )
