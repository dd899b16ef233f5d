"""BibTeX-rendered strings of ACL (acl_natbib: year after the authors) and NeurIPS (plainnat: year last) papers."""

from __future__ import annotations

from bibconv.citations import parse_citation


def test_acl_natbib_proceedings():
    r = parse_citation(
        "Jacob Devlin, Ming-Wei Chang, Kenton Lee, and Kristina Toutanova. 2019. BERT: Pre-training of Deep "
        "Bidirectional Transformers for Language Understanding. In Proceedings of the 2019 Conference of the North "
        "American Chapter of the Association for Computational Linguistics: Human Language Technologies, Volume 1 "
        "(Long and Short Papers), pages 4171–4186, Minneapolis, Minnesota. Association for Computational Linguistics."
    ).record
    assert [n.family for n in r.author] == ["Devlin", "Chang", "Lee", "Toutanova"] and r.author[
        1
    ].given == "Ming-Wei"
    assert r.title == "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
    assert r.entry_type == "inproceedings"
    assert r.container_title.startswith("Proceedings of the 2019 Conference of the North American Chapter")
    assert (r.page, r.issued, r.publisher) == (
        "4171–4186",
        "2019",
        "Association for Computational Linguistics",
    )


def test_plainnat_title_with_parentheses_and_periods():
    r = parse_citation(
        "Tim Dettmers, Mike Lewis, Younes Belkada, and Luke Zettlemoyer. LLM.int8(): 8-bit matrix multiplication for "
        "transformers at scale. In Advances in Neural Information Processing Systems, volume 35, pages 30318–30332, 2022."
    ).record
    assert r.title == "LLM.int8(): 8-bit matrix multiplication for transformers at scale"
    assert (r.container_title, r.volume, r.page, r.issued) == (
        "Advances in Neural Information Processing Systems",
        "35",
        "30318–30332",
        "2022",
    )


def test_plainnat_arxiv():
    r = parse_citation(
        "Diederik P. Kingma and Jimmy Ba. Adam: A method for stochastic optimization. arXiv preprint arXiv:1412.6980, 2014."
    ).record
    assert [(n.family, n.given) for n in r.author] == [("Kingma", "Diederik P."), ("Ba", "Jimmy")]
    assert (r.entry_type, r.title, r.arxiv, r.issued) == (
        "misc",
        "Adam: A method for stochastic optimization",
        "1412.6980",
        "2014",
    )
