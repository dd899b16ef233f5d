"""National citation standards read by their own grammar: China's GB/T 7714 and Russia's GOST."""

from __future__ import annotations

import pytest

from bibconv.citations import parse_citation
from bibconv.citations.gbt7714 import looks_like_gbt7714
from bibconv.citations.gost import looks_like_gost
from bibconv.citations.japanese import looks_like_japanese


def people(names) -> list[str]:
    return [n.literal or (f"{n.family}, {n.given}" if n.given else n.family) if not n.others else "OTHERS" for n in names]


def test_gbt7714_chinese_journal_article():
    r = parse_citation("[1] 王晓明, 李华. 深度学习在图像识别中的应用[J]. 计算机学报, 2019, 42(3): 456-470.").record
    assert people(r.author) == ["王晓明", "李华"]
    assert (r.entry_type, r.title, r.container_title) == ("article", "深度学习在图像识别中的应用", "计算机学报")
    assert (r.volume, r.issue, r.page, r.issued) == ("42", "3", "456–470", "2019")


def test_gbt7714_conference_paper_with_latin_names():
    r = parse_citation(
        "[2] HE K, ZHANG X, REN S, et al. Deep residual learning for image recognition[C]//Proceedings of the "
        "IEEE Conference on Computer Vision and Pattern Recognition. Las Vegas: IEEE, 2016: 770-778."
    ).record
    assert people(r.author) == ["He, K.", "Zhang, X.", "Ren, S.", "OTHERS"]
    assert r.entry_type == "inproceedings" and r.title == "Deep residual learning for image recognition"
    assert r.container_title == "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition"
    assert (r.publisher, r.publisher_place, r.issued, r.page) == ("IEEE", "Las Vegas", "2016", "770–778")


@pytest.mark.parametrize(
    ("text", "kind", "author", "publisher", "place"),
    [
        ("[3] 周志华. 机器学习[M]. 北京: 清华大学出版社, 2016.", "book", ["周志华"], "清华大学出版社", "北京"),
        ("[8] 张三. 基于深度学习的目标检测研究[D]. 北京: 清华大学, 2020.", "phdthesis", ["张三"], "清华大学", "北京"),
        (
            "[4] GOODFELLOW I, BENGIO Y, COURVILLE A. Deep learning[M]. Cambridge: MIT Press, 2016.",
            "book",
            ["Goodfellow, I.", "Bengio, Y.", "Courville, A."],
            "MIT Press",
            "Cambridge",
        ),
    ],
)
def test_gbt7714_books_and_theses(text, kind, author, publisher, place):
    r = parse_citation(text).record
    assert (r.entry_type, people(r.author), r.publisher, r.publisher_place) == (kind, author, publisher, place)


def test_gbt7714_online_resource_edited_book_and_body_as_editor():
    online = parse_citation(
        "[10] OpenAI. GPT-4 technical report[EB/OL]. (2023-03-15)[2024-05-01]. https://arxiv.org/abs/2303.08774."
    ).record
    assert (people(online.author), online.title, online.arxiv, online.issued) == (
        ["OpenAI"],
        "GPT-4 technical report",
        "2303.08774",
        "2023",
    )
    edited = parse_citation("[12] SMITH J, JONES A, eds. Handbook of X[M]. 2nd ed. New York: Springer, 2010.").record
    assert (people(edited.editor), edited.author, edited.edition) == (["Smith, J.", "Jones, A."], (), "2")
    body = parse_citation(
        "[11] 李明, 王刚. 神经网络压缩方法综述[C]//中国人工智能学会. 第十届全国人工智能会议论文集. 北京: 科学出版社, 2019: 12-18."
    ).record
    assert (people(body.editor), body.container_title, body.page) == (
        ["中国人工智能学会"],
        "第十届全国人工智能会议论文集",
        "12–18",
    )


def test_gost_book_and_article():
    book = parse_citation("Иванов И. И. Теория вероятностей. — 2-е изд. — М.: Наука, 2005. — 320 с.").record
    assert (book.entry_type, people(book.author), book.title) == ("book", ["Иванов, И. И."], "Теория вероятностей")
    assert (book.publisher, book.publisher_place, book.issued, book.edition) == ("Наука", "М.", "2005", "2")
    assert book.extra["pagetotal"] == "320"
    article = parse_citation(
        "Петров П. П., Сидоров С. С. Методы оптимизации // Вестник МГУ. Сер. 15. — 2010. — № 3. — С. 25–34."
    ).record
    assert (article.entry_type, article.container_title, article.collection_title) == (
        "article",
        "Вестник МГУ",
        "Сер. 15",
    )
    assert (article.issue, article.page, article.issued) == ("3", "25–34", "2010")


def test_gost_responsibility_after_the_title_and_english_areas():
    r = parse_citation("Теория вероятностей / И. И. Иванов, П. П. Петров. — М.: Наука, 2005. — 320 с.").record
    assert [n.family for n in r.author] == ["Иванов", "Петров"] and r.title == "Теория вероятностей"
    en = parse_citation(
        "Smith J., Brown A. Deep learning methods // Journal of Computing. — 2018. — Vol. 12, No. 4. — P. 100–120."
    ).record
    assert (en.container_title, en.volume, en.issue, en.page) == ("Journal of Computing", "12", "4", "100–120")


@pytest.mark.parametrize(
    "text",
    [
        "Smith, J. (2010). Title — a study. Journal, 3(2), 1–5.",
        "He, K., et al. Deep residual learning [for image recognition]. CVPR 2016.",
        "Vaswani, Ashish, et al. \"Attention is all you need.\" Advances in neural information processing systems 30 (2017).",
    ],
)
def test_other_styles_are_not_taken_for_a_national_standard(text):
    assert not looks_like_gbt7714(text) and not looks_like_gost(text) and not looks_like_japanese(text)


def test_polish_pn_iso_690_title_after_names_and_quoted_journal():
    r = parse_citation(
        'Kowalski J., Nowak A., Analiza danych w naukach społecznych, „Przegląd Socjologiczny" 2015, t. 64, '
        "nr 2, s. 45–67."
    ).record
    assert [n.family for n in r.author] == ["Kowalski", "Nowak"]
    assert (r.title, r.container_title) == ("Analiza danych w naukach społecznych", "Przegląd Socjologiczny")
    assert (r.volume, r.issue, r.page, r.issued) == ("64", "2", "45–67", "2015")


@pytest.mark.parametrize(
    "text",
    [
        "Smith, J. (2010). Deep learning – 2nd edition. New York: Springer, 2010.",
        "Smith J. Modules over k[M]-algebras. J. Algebra 3 (2001) 1-5.",
    ],
)
def test_dashes_and_brackets_inside_titles_are_not_standards(text):
    assert not looks_like_gost(text) and not looks_like_gbt7714(text)


def test_cyrillic_initials_belong_to_the_name():
    record = parse_citation("Иванов И. И. Теория чисел. М.: Наука, 1985.").record
    assert [(n.family, n.given) for n in record.author] == [("Иванов", "И. И.")]
    assert record.title == "Теория чисел"
    assert (record.publisher, record.publisher_place, record.year) == ("Наука", "М", "1985")


@pytest.mark.parametrize(
    ("text", "authors", "volume", "issue", "year"),
    [
        ("山田太郎 (2020)「深層学習入門」『情報処理』61(3), 123-130.", ["山田太郎"], "61", "3", "2020"),
        (
            "山田太郎・鈴木一郎「深層学習入門」『情報処理』第61巻第3号, 2020年, pp.123-130.",
            ["山田太郎", "鈴木一郎"],
            "61",
            "3",
            "2020",
        ),
    ],
)
def test_japanese_article_title_in_corner_brackets_journal_in_double_ones(text, authors, volume, issue, year):
    r = parse_citation(text).record
    assert [n.literal for n in r.author] == authors
    assert (r.entry_type, r.title, r.container_title) == ("article", "深層学習入門", "情報処理")
    assert (r.volume, r.issue, r.page, r.issued, r.language) == (volume, issue, "123–130", year, "ja")
    assert not r.publisher


def test_japanese_book_and_chapter_in_an_edited_book():
    book = parse_citation("佐藤花子『日本語の文法』岩波書店, 2015.").record
    assert (book.entry_type, book.title, book.publisher, book.issued) == ("book", "日本語の文法", "岩波書店", "2015")
    chapter = parse_citation("田中次郎 (2018)「近代日本の思想」、佐藤花子編『日本思想史』東京大学出版会, 45-67頁.").record
    assert (chapter.entry_type, chapter.title, chapter.container_title) == ("incollection", "近代日本の思想", "日本思想史")
    assert [n.literal for n in chapter.editor] == ["佐藤花子"]
    assert (chapter.publisher, chapter.page, chapter.issued) == ("東京大学出版会", "45–67", "2018")


def test_abnt_volume_and_issue_after_a_one_word_journal():
    """ABNT (NBR 6023): ``TUGboat, v. 4, n. 1, p. 26`` — the markers settle volume and issue even where the
    labeller took them for a series; a series' own number stays with it."""
    r = parse_citation("TOBIN, G. K. M. Computer calligraphy. TUGboat, v. 4, n. 1, p. 26, 1983.").record
    assert (r.container_title, r.volume, r.issue, r.page, r.year) == ("TUGboat", "4", "1", "26", "1983")
