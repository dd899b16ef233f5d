"""ACM reference format: full names, year after authors, ``Commun. ACM 51, 1 (January 2008)``."""

from __future__ import annotations

import pytest

from bibconv.citations import parse_citation


def test_journal_article():
    r = parse_citation(
        "Jeffrey Dean and Sanjay Ghemawat. 2008. MapReduce: simplified data processing on large clusters. Commun. ACM "
        "51, 1 (January 2008), 107–113. https://doi.org/10.1145/1327452.1327492"
    ).record
    assert [(n.family, n.given) for n in r.author] == [("Dean", "Jeffrey"), ("Ghemawat", "Sanjay")]
    assert (r.title, r.container_title, r.volume, r.issue, r.page) == (
        "MapReduce: simplified data processing on large clusters", "Commun. ACM", "51", "1", "107–113",
    )  # fmt: skip
    assert (r.year, r.doi) == ("2008", "10.1145/1327452.1327492")


def test_proceedings_with_abbreviation_and_publisher():
    r = parse_citation(
        "Song Han, Xingyu Liu, Huizi Mao, Jing Pu, Ardavan Pedram, Mark A. Horowitz, and William J. Dally. 2016. EIE: "
        "Efficient Inference Engine on Compressed Deep Neural Network. In Proceedings of the 43rd International Symposium "
        "on Computer Architecture (ISCA '16). IEEE Press, 243–254. https://doi.org/10.1109/ISCA.2016.30"
    ).record
    assert r.entry_type == "inproceedings" and len(r.author) == 7 and r.author[5].given == "Mark A."
    assert r.container_title.startswith(
        "Proceedings of the 43rd International Symposium on Computer Architecture"
    )
    assert (r.publisher, r.page, r.issued) == ("IEEE Press", "243–254", "2016")


def test_volume_and_acronym_before_the_publisher_do_not_hide_the_pages():
    r = parse_citation(
        "Ian J. Goodfellow, Jean Pouget-Abadie, and Yoshua Bengio. 2014. Generative Adversarial Nets. In "
        "Proceedings of the 27th International Conference on Neural Information Processing Systems - Volume 2 "
        "(NIPS'14). MIT Press, Cambridge, MA, USA, 2672–2680."
    ).record
    assert (r.page, r.publisher, r.publisher_place) == ("2672–2680", "MIT Press", "Cambridge, MA, USA")


def test_arxiv_class_is_not_a_publisher():
    r = parse_citation(
        "Tomas Mikolov, Kai Chen, Greg Corrado, and Jeffrey Dean. 2013. Efficient Estimation of Word "
        "Representations in Vector Space. arXiv:1301.3781 [cs.CL]"
    ).record
    assert (r.arxiv, r.publisher, r.extra.get("primaryclass")) == ("1301.3781", "", "cs.CL")


@pytest.mark.parametrize(
    ("text", "authors", "title", "venue", "year", "pages"),
    [
        ("Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun: Deep Residual Learning for Image Recognition. "
         "CVPR 2016: 770-778", ["He", "Zhang", "Ren", "Sun"], "Deep Residual Learning for Image Recognition",
         "CVPR", "2016", "770–778"),
        ("Ashish Vaswani, Noam Shazeer, Niki Parmar: Attention is All you Need. NIPS 2017: 5998-6008",
         ["Vaswani", "Shazeer", "Parmar"], "Attention is All you Need", "NIPS", "2017", "5998–6008"),
    ],
)  # fmt: skip
def test_dblp_form_last_author_before_the_colon_and_acronym_venue(text, authors, title, venue, year, pages):
    r = parse_citation(text).record
    assert ([n.family for n in r.author], r.title) == (authors, title)
    assert (r.entry_type, r.container_title, r.issued, r.page) == ("inproceedings", venue, year, pages)


def test_dblp_corr_is_arxiv():
    r = parse_citation("Tom B. Brown et al.: Language Models are Few-Shot Learners. CoRR abs/2005.14165 (2020)").record
    assert (r.arxiv, r.container_title, r.issued) == ("2005.14165", "", "2020")
