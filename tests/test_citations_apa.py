"""APA (6th/7th edition) reference strings."""

from __future__ import annotations

import pytest

from bibconv.citations import parse_citation


def families(record) -> list[str]:
    return [n.family if not n.others else "OTHERS" for n in record.author]


def test_journal_article_with_doi():
    r = parse_citation(
        "LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature, 521(7553), 436–444. https://doi.org/10.1038/nature14539"
    ).record
    assert r.entry_type == "article"
    assert families(r) == ["LeCun", "Bengio", "Hinton"] and r.author[0].given == "Y."
    assert (r.title, r.container_title, r.volume, r.issue, r.page, r.issued) == (
        "Deep learning",
        "Nature",
        "521",
        "7553",
        "436–444",
        "2015",
    )
    assert r.doi == "10.1038/nature14539" and r.url == ""


def test_proceedings_paper_with_volume_pages_publisher():
    r = parse_citation(
        "Vaswani, A., Shazeer, N., Parmar, N., Uszkoreit, J., Jones, L., Gomez, A. N., Kaiser, Ł., & Polosukhin, I. (2017). "
        "Attention is all you need. In Advances in Neural Information Processing Systems (Vol. 30, pp. 5998–6008). Curran Associates, Inc."
    ).record
    assert r.entry_type == "inproceedings"
    assert len(r.author) == 8 and r.author[6].family == "Kaiser" and r.author[6].given == "Ł."
    assert (r.title, r.container_title, r.volume, r.page, r.issued) == (
        "Attention is all you need", "Advances in Neural Information Processing Systems", "30", "5998–6008", "2017",
    )  # fmt: skip


def test_arxiv_preprint():
    r = parse_citation(
        "Frantar, E., Ashkboos, S., Hoefler, T., & Alistarh, D. (2022). GPTQ: Accurate post-training quantization for "
        "generative pre-trained transformers. arXiv preprint arXiv:2210.17323."
    ).record
    assert (r.entry_type, r.arxiv, r.issued) == ("misc", "2210.17323", "2022")
    assert r.title == "GPTQ: Accurate post-training quantization for generative pre-trained transformers"


def test_dissertation_and_report():
    thesis = parse_citation(
        "Smith, J. (2019). Learning to compress neural networks [Doctoral dissertation, Stanford University]."
    ).record
    assert (thesis.entry_type, thesis.title, thesis.issued) == (
        "phdthesis",
        "Learning to compress neural networks",
        "2019",
    )
    report = parse_citation(
        "Krizhevsky, A. (2009). Learning multiple layers of features from tiny images (Technical Report). University of Toronto."
    ).record
    assert (report.entry_type, report.publisher, report.issued) == (
        "techreport",
        "University of Toronto",
        "2009",
    )


@pytest.mark.parametrize(
    ("text", "title", "publisher", "place"),
    [
        ("Tanaka, H. (2018). Nihon no keizai seichō. Tōkyō: Iwanami Shoten.", "Nihon no keizai seichō",
         "Iwanami Shoten", "Tōkyō"),
        ("Nguyễn, V. A. (2020). Kinh tế học vĩ mô. Hà Nội: NXB Giáo dục.", "Kinh tế học vĩ mô", "NXB Giáo dục",
         "Hà Nội"),
    ],
)  # fmt: skip
def test_book_in_an_unfamiliar_language_still_ends_with_place_and_publisher(text, title, publisher, place):
    r = parse_citation(text).record
    assert (r.entry_type, r.title, r.publisher, r.publisher_place) == ("book", title, publisher, place)


@pytest.mark.parametrize(
    ("text", "kind", "title", "container", "publisher"),
    [
        ("Python Software Foundation. (2023). Python (Version 3.11) [Computer software]. https://www.python.org",
         "software", "Python", "", ""),
        ("Smith, J. (2019). Global temperature records 1850-2018 [Data set]. Zenodo. "
         "https://doi.org/10.5281/zenodo.123", "dataset", "Global temperature records 1850-2018", "", "Zenodo"),
        ("Lee, K. (2021, May 3). Why transformers work [Blog post]. Medium. https://medium.com/x", "article",
         "Why transformers work", "Medium", ""),
        ("Smith, J. (2020, March 5). How to train your transformer. The Gradient. https://thegradient.pub/train",
         "article", "How to train your transformer", "The Gradient", ""),
    ],
)  # fmt: skip
def test_apa_software_data_and_web_documents(text, kind, title, container, publisher):
    r = parse_citation(text).record
    assert (r.entry_type, r.title, r.container_title, r.publisher) == (kind, title, container, publisher)
    assert r.url or r.doi


def test_apa_version_and_descriptor_are_kept():
    r = parse_citation(
        "Python Software Foundation. (2023). Python (Version 3.11) [Computer software]. https://www.python.org"
    ).record
    assert r.extra["version"] == "3.11" and r.author[0].literal == "Python Software Foundation"
    blog = parse_citation("Lee, K. (2021, May 3). Why transformers work [Blog post]. Medium. https://medium.com/x")
    assert blog.record.genre == "Blog post"


def test_title_with_commas_runs_to_its_period():
    record = parse_citation(
        "Zhang, J., & Zhang, J. (2005). The effect of life expectancy on fertility, saving, schooling and "
        "economic growth: Theory and evidence. Scandinavian Journal of Economics, 107, 45–66."
    ).record
    assert record.title == (
        "The effect of life expectancy on fertility, saving, schooling and economic growth: Theory and evidence"
    )
    assert record.container_title == "Scandinavian Journal of Economics"


def test_word_quoted_inside_an_unquoted_title():
    record = parse_citation(
        "Strekalov D, Sergienko A and Klyshko D (1995) Observation of Two-Photon \"Ghost\" Interference and "
        "Diffraction. Physical review letters 74(18): 3600–3603."
    ).record
    assert record.title == 'Observation of Two-Photon "Ghost" Interference and Diffraction'
    assert record.container_title == "Physical Review Letters"


def test_acronym_and_year_inside_the_proceedings_title():
    record = parse_citation(
        "Devlin, J., Chang, M.-W., Lee, K., & Toutanova, K. (2019). BERT: Pre-training of deep bidirectional "
        "transformers for language understanding. In Proceedings of NAACL-HLT 2019 (pp. 4171–4186). "
        "Association for Computational Linguistics."
    ).record
    assert record.container_title == "Proceedings of NAACL-HLT 2019"
    assert (record.page, record.year) == ("4171–4186", "2019")


def test_initials_without_a_comma_end_a_family_first_name_list():
    r = parse_citation("Barabási, A.-L. Linked: The New Science of Networks. First, Perseus Books Group, 2002.").record
    assert [(n.given, n.family) for n in r.author] == [("A.-L.", "Barabási")]
    assert r.title == "Linked: The New Science of Networks"


@pytest.mark.parametrize(
    ("citation", "names", "title"),
    [
        (
            "Newton, H. Joseph. Timeslab: A time series analysis laboratory. Pacific Grove, CA, USA: Wadsworth and "
            "Brooks/Cole Publishing Company, 1988.",
            [("H. Joseph", "Newton")],
            "Timeslab: A time series analysis laboratory",
        ),
        (
            "Dunford, N., and J. T. Schwartz. Linear Operators, Part I: General Theory. Interscience, 1957.",
            [("N.", "Dunford"), ("J. T.", "Schwartz")],
            "Linear Operators, Part I: General Theory",
        ),
    ],
)
def test_given_names_after_initials_and_a_name_ending_at_its_period_stay_names(citation, names, title):
    r = parse_citation(citation).record
    assert [(n.given, n.family) for n in r.author] == names
    assert r.title == title


@pytest.mark.parametrize(
    ("citation", "status", "year"),
    [
        ("Smith, J. (in press). Learning to rank. Journal of Machine Learning Research.", "in press", ""),
        ("Lee, K., & Park, S. (2021, in press). Sparse models. Neural Computation.", "in press", "2021"),
        ("Lee, K., & Park, S. (2021). Sparse models. Neural Computation, in press.", "in press", "2021"),
        (  # Chicago
            'Bauer, M., and J. Chytilova. 2010. "The Impact of Education on Subjective Discount Rate in Ugandan '
            'Villages." Economic Development and Cultural Change, forthcoming.',
            "forthcoming",
            "2010",
        ),
        ("Doe J, Roe R. Graph kernels. Bioinformatics. 2024. In press.", "in press", "2024"),  # Vancouver
    ],
)
def test_publication_status_is_pubstate_not_title_or_venue(citation, status, year):
    r = parse_citation(citation).record
    assert r.extra.get("pubstate") == status
    assert r.issued == year
    assert r.entry_type == "article"
    assert "press" not in r.title.lower() and "forthcoming" not in r.container_title.lower()
    assert not r.publisher


def test_publisher_named_press_is_no_status():
    r = parse_citation("Kuhn, T. S. (1962). The structure of scientific revolutions. University of Chicago Press.")
    assert "pubstate" not in r.record.extra
    assert r.record.publisher == "University of Chicago Press"
