"""Edited volumes, theses, reports, editions, physics references and access dates, in several styles and
languages: the record kinds whose structure the rules around the labeller settle."""

from __future__ import annotations

import pytest

from bibconv.citations import fields, parse_citation


def families(names) -> list[str]:
    return [n.family if not n.others else "OTHERS" for n in names]


@pytest.mark.parametrize(
    ("text", "editors", "title"),
    [
        (
            "Dryzek, J. S., Honig, B., & Phillips, A. (Eds.). (2006). The Oxford handbook of political theory. "
            "Oxford: Oxford University Press.",
            ["Dryzek", "Honig", "Phillips"],
            "The Oxford handbook of political theory",
        ),
        (
            "Hexter, Ralph, and David Townsend, eds. The Oxford Handbook of Medieval Latin Literature. "
            "Oxford: Oxford University Press, 2012.",
            ["Hexter", "Townsend"],
            "The Oxford Handbook of Medieval Latin Literature",
        ),
        (
            "Müller, K. (Hrsg.): Handbuch der Geschichte der Philosophie. Bd. 2. Berlin: De Gruyter 1999.",
            ["Müller"],
            "Handbuch der Geschichte der Philosophie",
        ),
    ],
)
def test_edited_volume_names_are_editors(text, editors, title):
    r = parse_citation(text).record
    assert r.author == () and families(r.editor) == editors
    assert (r.entry_type, r.title) == ("book", title)


def test_given_name_ed_is_not_an_editor_marker():
    r = parse_citation("Chi, Ed, and Smith, John. 2011. Social Q&A at scale. Boston: Beacon Press.").record
    assert r.editor == () and families(r.author)[0] == "Chi"


def test_chapter_editor_after_in():
    r = parse_citation(
        "Lee, T.: Deep nets for vision. In: Ikeuchi, K. (ed.) Computer Vision: A Reference Guide, pp. 1–20. "
        "Springer, Berlin (2014)"
    ).record
    assert families(r.author) == ["Lee"] and families(r.editor) == ["Ikeuchi"]
    assert (r.entry_type, r.container_title, r.page) == (
        "incollection",
        "Computer Vision: A Reference Guide",
        "1–20",
    )


@pytest.mark.parametrize(
    ("text", "kind", "genre", "publisher"),
    [
        (
            "Doe, J. (2010). Learning to rank for retrieval [Doctoral dissertation, Stanford University].",
            "phdthesis",
            "Doctoral dissertation",
            "Stanford University",
        ),
        (
            "García, M. (2015). Redes neuronales para el lenguaje [Tesis doctoral]. Universidad de Buenos Aires.",
            "phdthesis",
            "Tesis doctoral",
            "Universidad de Buenos Aires",
        ),
        (
            'J. Doe, "Learning to rank," PhD thesis, MIT, Cambridge, MA, 2010.',
            "phdthesis",
            "PhD thesis",
            "MIT",
        ),
    ],
)
def test_theses(text, kind, genre, publisher):
    r = parse_citation(text).record
    assert (r.entry_type, r.genre, r.publisher, r.author[0].family) == (
        kind,
        genre,
        publisher,
        "Doe" if "Doe" in text else "García",
    )
    assert "[" not in r.title


def test_report_number_in_venue_position():
    r = parse_citation('L. Lamport, "Paxos made simple," Tech. Rep. TR-123, Microsoft Research, 2001.').record
    assert (r.entry_type, r.title, r.number, r.publisher, r.container_title) == (
        "techreport",
        "Paxos made simple",
        "TR-123",
        "Microsoft Research",
        "",
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Learning to rank [Doctoral dissertation, Stanford University]",
            ("Learning to rank", "Doctoral dissertation", "", "Stanford University"),
        ),
        (
            "The PageRank citation ranking (Tech. Rep. No. 1999-66)",
            ("The PageRank citation ranking", "Tech. Rep", "1999-66", ""),
        ),
        ("A study (NBER Working Paper No. w24567)", ("A study", "NBER Working Paper", "w24567", "")),
        ("Deep nets (CVPR)", ("Deep nets (CVPR)", "", "", "")),
        ("Some title [in German]", ("Some title [in German]", "", "", "")),
    ],
)
def test_split_title_genre(title, expected):
    assert fields.split_title_genre(title) == expected


@pytest.mark.parametrize(
    ("container", "expected"),
    [
        ("Technical Report MSR-TR-2020-5", ("Technical Report", "MSR-TR-2020-5")),
        ("Rapport de recherche RR-1234", ("Rapport de recherche", "RR-1234")),
        ("Working Paper 24567", ("Working Paper", "24567")),
        ("Journal of Reports", ("", "")),
    ],
)
def test_split_report_container(container, expected):
    assert fields.split_report_container(container) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Deep learning (2nd ed.)", ("Deep learning", "2")),
        ("The art of computer programming (3rd ed., Vol. 1)", ("The art of computer programming", "3")),
        (
            "Pattern Recognition and Machine Learning, 2nd ed",
            ("Pattern Recognition and Machine Learning", "2"),
        ),
        ("Computer Networks, 4th edn.", ("Computer Networks", "4")),
        ("Einführung in die Soziologie. 2. Aufl.", ("Einführung in die Soziologie", "2")),
        ("Results of the 2nd edition", ("Results of the 2nd edition", "")),
    ],
)
def test_split_edition(title, expected):
    assert fields.split_edition(title) == expected


def test_book_with_edition_after_title():
    r = parse_citation(
        "Bishop, C. M. Pattern Recognition and Machine Learning, 2nd ed. New York: Springer, 2006."
    ).record
    assert (r.entry_type, r.title, r.edition, r.publisher, r.publisher_place) == (
        "book",
        "Pattern Recognition and Machine Learning",
        "2",
        "Springer",
        "New York",
    )


@pytest.mark.parametrize(
    ("text", "author", "journal", "volume", "page", "year"),
    [
        ("A. Einstein, Ann. Phys. 17, 891 (1905).", ["Einstein"], "Ann. Phys", "17", "891", "1905"),
        (
            "S. Weinberg, Phys. Rev. Lett. 19, 1264 (1967).",
            ["Weinberg"],
            "Phys. Rev. Lett",
            "19",
            "1264",
            "1967",
        ),
        (
            "K. G. Wilson and J. Kogut, Phys. Rep. 12, 75 (1974).",
            ["Wilson", "Kogut"],
            "Phys. Rep",
            "12",
            "75",
            "1974",
        ),
    ],
)
def test_titleless_physics_references(text, author, journal, volume, page, year):
    parsed = parse_citation(text)
    r = parsed.record
    assert parsed.ok and r.title == ""
    assert (families(r.author), r.container_title.rstrip("."), r.volume, r.page, r.issued) == (
        author,
        journal,
        volume,
        page,
        year,
    )
    assert r.entry_type == "article"


def test_access_date_is_not_the_date_of_the_work():
    r = parse_citation(
        "Nakamoto, S. Bitcoin: A peer-to-peer electronic cash system. https://bitcoin.org/bitcoin.pdf (2008). "
        "Accessed 12 Jan 2021."
    ).record
    assert (r.issued, r.url) == ("2008", "https://bitcoin.org/bitcoin.pdf")


def test_mla_with_database_and_access_date():
    r = parse_citation(
        'Smith, John. "The Rise of Print." Journal of Modern History, vol. 3, no. 2, 2019, pp. 1-10. JSTOR, '
        "www.jstor.org/stable/123456. Accessed 3 May 2021."
    ).record
    assert (r.title, r.container_title, r.volume, r.issue, r.page, r.issued) == (
        "The Rise of Print",
        "Journal of Modern History",
        "3",
        "2",
        "1–10",
        "2019",
    )


@pytest.mark.parametrize(
    ("genre", "kind"),
    [
        ("Dissertação (Mestrado em Computação)", "mastersthesis"),
        ("Tese de doutorado", "phdthesis"),
        ("Tesi di dottorato", "phdthesis"),
        ("Proefschrift", "phdthesis"),
        ("Bachelor's thesis", "mastersthesis"),
        ("Technical Report", None),
    ],
)
def test_thesis_kind_in_several_languages(genre, kind):
    assert fields.thesis_kind(genre) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Thorne, K. S., and J. Lin. 1995. Bilingualism and cognitive control. In Atti del Convegno "
            "Nazionale di Informatica, 15–41. Roma.",
            "inproceedings",
        ),
        ("Myrdal, G. 1992. Memory, war and trauma. Universidad Complutense de Madrid.", "phdthesis"),
        ('Page, Lawrence, et al. "The PageRank citation ranking." Stanford InfoLab (1999).', "techreport"),
    ],
)
def test_entry_type_from_venue_and_publisher(text, kind):
    assert parse_citation(text).record.entry_type == kind


def test_report_genre_and_number_before_the_institution():
    r = parse_citation(
        "Chudnovsky, M., and S. O'Connor. 1999. Apprentissage automatique. Rapport de recherche RR-11244. "
        "Institut National de Recherche en Informatique et en Automatique."
    ).record
    assert (r.entry_type, r.genre, r.number) == ("techreport", "Rapport de recherche", "RR-11244")
    assert r.publisher == "Institut National de Recherche en Informatique et en Automatique"


def test_thesis_genre_after_the_institution():
    r = parse_citation(
        "Schmidhuber, J. Q-Diffusion: Quantizing Diffusion Models. 2017, https://doi.org/10.9156/j.647828. "
        "Massachusetts Institute of Technology, Diplomarbeit."
    ).record
    assert (r.entry_type, r.genre, r.publisher, r.doi) == (
        "mastersthesis",
        "Diplomarbeit",
        "Massachusetts Institute of Technology",
        "10.9156/j.647828",
    )


@pytest.mark.parametrize(
    ("text", "volume", "issue", "pages"),
    [
        (
            "SILVA, J. A. Aprendizado de máquina na agricultura. Revista Brasileira de Computação, v. 12, "
            "n. 3, p. 45-67, 2019.",
            "12",
            "3",
            "45–67",
        ),
        (
            "Koselleck, R. (1967). Historia magistra vitae. Historische Zeitschrift, Bd. 18, Nr. 2, S. 12–45.",
            "18",
            "2",
            "12–45",
        ),
    ],
)
def test_numbers_announced_by_marker_words(text, volume, issue, pages):
    r = parse_citation(text).record
    assert (r.volume, r.issue, r.page) == (volume, issue, pages)


def test_chapter_book_title_after_editors():
    r = parse_citation(
        "Wajda, A. et al. (1982) “Optimal brain damage”, in G. Montavon and P. Bailis (eds.) Perspectives on "
        "Neural Computation. 3rd ed. Oxford: Oxford University Press, pp. 75–86."
    ).record
    assert (r.entry_type, r.title, r.container_title) == (
        "incollection",
        "Optimal brain damage",
        "Perspectives on Neural Computation",
    )
    assert families(r.editor) == ["Montavon", "Bailis"] and r.page == "75–86"


def test_editor_names_after_the_book_title():
    r = parse_citation(
        "M. Bloch and G. Hinton, “Discipline and punish”, in Low-Power Computer Vision, L. Í. Madrigal, Ed., "
        "San Francisco: Morgan Kaufmann, 2011, pp. 17–40."
    ).record
    assert (r.container_title, families(r.editor)) == ("Low-Power Computer Vision", ["Madrigal"])


def test_unknown_venue_after_in_is_the_container():
    r = parse_citation(
        "Desmond Tutu and Gérard Berry. 1987. A model of leptons. In Actes du XXe Congrès international des "
        "linguistes, pages 35–44, Cape Town."
    ).record
    assert (r.entry_type, r.title, r.container_title, r.page) == (
        "inproceedings",
        "A model of leptons",
        "Actes du XXe Congrès international des linguistes",
        "35–44",
    )


def test_gost_double_slash_before_the_container():
    r = parse_citation(
        "Lévi-Strauss C., Shiller R. J. Broken symmetries and the masses of gauge bosons // arXiv. 2008."
    ).record
    assert (r.entry_type, r.container_title, r.title) == (
        "misc",
        "",
        "Broken symmetries and the masses of gauge bosons",
    )


def test_german_edited_chapter():
    r = parse_citation(
        "Schmidt, A.: Die Zukunft der Erinnerung. In: Müller, K. (Hrsg.) Handbuch der Geschichte, S. 12–45. "
        "Berlin: De Gruyter (1999)"
    ).record
    assert families(r.author) == ["Schmidt"] and families(r.editor)[0] == "Müller"
    assert (r.title, r.page, r.publisher, r.publisher_place, r.issued) == (
        "Die Zukunft der Erinnerung",
        "12–45",
        "De Gruyter",
        "Berlin",
        "1999",
    )


@pytest.mark.parametrize(
    "text",
    [
        "LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature, 521(7553), 436–444.",
        "LeCun Y, Bengio Y, Hinton G. Deep learning. Nature. 2015 May;521(7553):436-444. doi:10.1038/nature14539",
    ],
)
def test_issue_in_parentheses_after_the_volume(text):
    r = parse_citation(text).record
    assert (r.container_title, r.volume, r.issue, r.page) == ("Nature", "521", "7553", "436–444")


def test_report_number_is_not_an_issue():
    r = parse_citation(
        "Nagel M, O'Connor S. The large N limit of superconformal field theories and supergravity. Geneva: World "
        "Health Organization; 2017. Report No.: 3705. doi:10.1185/nature457176"
    ).record
    assert (r.entry_type, r.number, r.issue, r.publisher) == (
        "techreport",
        "3705",
        "",
        "World Health Organization",
    )


def _people(names) -> list[str]:
    return [n.literal or n.family for n in names]


def test_apa_ellipsis_leaves_the_omitted_authors_out_of_the_names():
    r = parse_citation(
        "Silver, D., Huang, A., Maddison, C. J., Guez, A., Sifre, L., van den Driessche, G., ... Hassabis, D. "
        "(2016). Mastering the game of Go with deep neural networks and tree search. Nature, 529(7587), "
        "484–489. https://doi.org/10.1038/nature16961"
    ).record
    assert _people(r.author) == ["Silver", "Huang", "Maddison", "Guez", "Sifre", "Driessche", "Hassabis"]
    assert r.author[5].particle == "van den"


@pytest.mark.parametrize(
    ("text", "author", "title"),
    [
        (
            "World Health Organization. Global tuberculosis report 2020 [Internet]. Geneva: WHO; 2020 "
            "[cited 2021 Jan 5]. Available from: https://www.who.int/tb",
            "World Health Organization",
            "Global tuberculosis report 2020",
        ),
        (
            "National Research Council. (2011). Guide for the care and use of laboratory animals (8th ed.). "
            "National Academies Press.",
            "National Research Council",
            "Guide for the care and use of laboratory animals",
        ),
    ],
)
def test_corporate_authors_are_one_literal_name(text, author, title):
    r = parse_citation(text).record
    assert len(r.author) == 1 and r.author[0].literal == author
    assert r.title == title and r.issued.startswith(("2020", "2011"))


def test_vancouver_medium_and_cited_date_stay_out_of_title_and_date():
    r = parse_citation(
        "Smith J, Jones A. Deep learning for radiology [Preprint]. medRxiv. 2020 [cited 2021 Mar 3]. "
        "Available from: https://doi.org/10.1101/2020.01.01.20016733"
    ).record
    assert (r.title, r.issued, r.entry_type) == ("Deep learning for radiology", "2020", "misc")
    assert r.doi == "10.1101/2020.01.01.20016733"


def test_book_series_after_the_proceedings_title_is_the_series():
    r = parse_citation(
        "Zhang, H., Li, Y.: Robust training under label noise. In: Proceedings of the 38th International "
        "Conference on Machine Learning. Proceedings of Machine Learning Research, vol. 139, "
        "pp. 12345–12355. PMLR (2021)"
    ).record
    assert r.entry_type == "inproceedings"
    assert r.container_title == "Proceedings of the 38th International Conference on Machine Learning"
    assert (r.collection_title, r.volume, r.page, r.publisher) == (
        "Proceedings of Machine Learning Research",
        "139",
        "12345–12355",
        "PMLR",
    )


def test_acl_volume_part_stays_in_the_proceedings_title():
    r = parse_citation(
        "Jacob Devlin, Ming-Wei Chang, Kenton Lee, and Kristina Toutanova. 2019. BERT: Pre-training of Deep "
        "Bidirectional Transformers for Language Understanding. In Proceedings of the 2019 Conference of the "
        "North American Chapter of the Association for Computational Linguistics: Human Language "
        "Technologies, Volume 1 (Long and Short Papers), pages 4171–4186, Minneapolis, Minnesota. "
        "Association for Computational Linguistics."
    ).record
    assert r.container_title.endswith("Human Language Technologies, Volume 1 (Long and Short Papers)")
    assert (r.collection_title, r.volume, r.page) == ("", "", "4171–4186")


@pytest.mark.parametrize(
    ("text", "editor", "container", "publisher", "place"),
    [
        (
            "Schmidt, Hans: Die Reform der Verwaltung. In: Handbuch der Verwaltungswissenschaft, hrsg. von "
            "Peter Müller, Berlin 2005, S. 45–67.",
            "Müller",
            "Handbuch der Verwaltungswissenschaft",
            "",
            "Berlin",
        ),
        (
            "Rossi, Mario. La città. In: Storia d'Italia, a cura di Paolo Bianchi, Torino: Einaudi, 1990, "
            "pp. 12-40.",
            "Bianchi",
            "Storia d'Italia",
            "Einaudi",
            "Torino",
        ),
    ],
)
def test_editors_named_in_other_languages_make_a_chapter(text, editor, container, publisher, place):
    r = parse_citation(text).record
    assert r.entry_type == "incollection" and _people(r.editor) == [editor]
    assert (r.container_title, r.publisher, r.publisher_place) == (container, publisher, place)


def test_place_colon_publisher_is_not_a_journal():
    r = parse_citation("Eco, Umberto. Il nome della rosa. Milano: Bompiani, 1980.").record
    assert (r.entry_type, r.container_title, r.publisher, r.publisher_place) == ("book", "", "Bompiani", "Milano")


def test_abbreviated_journal_keeps_its_last_period():
    r = parse_citation(
        "Maldacena, J. M. The large N limit of superconformal field theories and supergravity. "
        "Adv. Theor. Math. Phys. 2, 231–252 (1998)."
    ).record
    assert (r.container_title, r.volume, r.page) == ("Adv. Theor. Math. Phys.", "2", "231–252")
    assert parse_citation("Smith J. A paper. Nature. 2015;521:1-10.").record.container_title == "Nature"


def test_collaboration_after_et_al_is_kept_as_a_note():
    r = parse_citation(
        "Abbott, B. P. et al. (LIGO Scientific Collaboration and Virgo Collaboration). Observation of "
        "gravitational waves from a binary black hole merger. Phys. Rev. Lett. 116, 061102 (2016)."
    ).record
    assert families(r.author) == ["Abbott", "OTHERS"]
    assert r.title == "Observation of gravitational waves from a binary black hole merger"
    assert (r.container_title, r.volume, r.page, r.issued) == ("Phys. Rev. Lett.", "116", "061102", "2016")
    assert r.note == "LIGO Scientific Collaboration and Virgo Collaboration"


def test_iop_title_without_closing_punctuation_ends_before_the_abbreviated_journal():
    r = parse_citation(
        "Maldacena J 1999 The large-N limit of superconformal field theories and supergravity "
        "Int. J. Theor. Phys. 38 1113"
    ).record
    assert r.title == "The large-N limit of superconformal field theories and supergravity"
    assert (r.container_title, r.volume, r.page, r.issued) == ("Int. J. Theor. Phys.", "38", "1113", "1999")


def test_semicolon_separated_names_keep_the_period_of_their_initials():
    r = parse_citation("Silva, A. P.; Costa, R. Metodologia da pesquisa científica. 2. ed. São Paulo: Atlas, 2010.")
    assert [(n.family, n.given) for n in r.record.author] == [("Silva", "A. P."), ("Costa", "R.")]


def test_vancouver_chapter_book_title_after_the_editor_role_word():
    r = parse_citation(
        "Smith J. 2010. Title of the chapter. In: Jones A, Brown B, editors. Book title. 2nd ed. "
        "New York: Springer. p 123–145."
    ).record
    assert (r.entry_type, r.title, r.container_title) == ("incollection", "Title of the chapter", "Book title")
    assert (families(r.editor), r.edition, r.page, r.publisher) == (["Jones", "Brown"], "2", "123–145", "Springer")


@pytest.mark.parametrize(
    ("text", "authors", "journal", "volume", "page"),
    [
        ("J. Smith and A. Jones, J. Am. Chem. Soc., 2010, 132, 1234–1240.", ["Smith", "Jones"], "J. Am. Chem. Soc.",
         "132", "1234–1240"),
        ("K. S. Novoselov, A. K. Geim and S. V. Morozov, Science, 2004, 306, 666.", ["Novoselov", "Geim", "Morozov"],
         "Science", "306", "666"),
    ],
)  # fmt: skip
def test_rsc_titleless_reference_journal_after_the_last_name(text, authors, journal, volume, page):
    r = parse_citation(text).record
    assert (families(r.author), r.container_title, r.volume, r.page) == (authors, journal, volume, page)


def test_springer_publisher_then_place():
    r = parse_citation("Wittgenstein L (1953) Philosophische Untersuchungen. Blackwell, Oxford").record
    assert (r.entry_type, r.publisher, r.publisher_place) == ("book", "Blackwell", "Oxford")


@pytest.mark.parametrize(
    ("text", "kind", "container", "publisher"),
    [
        ("S. Russell and P. Norvig. Artificial Intelligence: A Modern Approach. Prentice Hall, 1995.", "book", "",
         "Prentice Hall"),
        ("Smith, J. (2010). A title. IEEE Access.", "article", "IEEE Access", ""),
        ("Smith, J. (2010). A title. ACM Computing Surveys.", "article", "ACM Computing Surveys", ""),
    ],
)  # fmt: skip
def test_publisher_or_journal_decided_by_the_name(text, kind, container, publisher):
    r = parse_citation(text).record
    assert (r.entry_type, r.container_title, r.publisher) == (kind, container, publisher)


def test_proceedings_sentence_the_labeller_ran_into_the_title():
    r = parse_citation(
        "McDonald M. Initial sequencing and analysis of the human genome. Actes de la 28e Conférence sur le "
        "Traitement Automatique des Langues Naturelles. Lille, France: ATALA; 2008. pp. 527–539."
    ).record
    assert (r.entry_type, r.title) == ("inproceedings", "Initial sequencing and analysis of the human genome")
    assert r.container_title.startswith("Actes de la 28e Conférence") and r.page == "527–539"
    plain = parse_citation("Smith J. Why conferences matter. A study of proceedings. 2010.").record
    assert plain.container_title == ""


def test_iop_unpunctuated_year_before_the_title_is_the_date():
    r = parse_citation("Sutskever I and de Vries J 2015 Mixed precision training (Santa Monica, CA: RAND Corporation)").record
    assert (r.issued, r.title) == ("2015", "Mixed precision training")
    assert families(r.author) == ["Sutskever", "Vries"] and r.author[1].particle == "de"


@pytest.mark.parametrize(
    ("text", "title", "journal"),
    [
        # The container started in lower case: the title had been cut at a comma inside it.
        ("J. Zhang and J. Zhang, The effect of life expectancy on fertility, saving, schooling and economic growth: "
         "Theory and evidence, Scandinavian Journal of Economics 107, 45 (2005).",
         "The effect of life expectancy on fertility, saving, schooling and economic growth: Theory and evidence",
         "Scandinavian Journal of Economics"),
        ("Furuta, R., J. Scofield, and A. Shaw, 1982: Document formatting systems: Survey, concepts, and issues. "
         "ACM Computing Surveys, 14, 417–472.",
         "Document formatting systems: Survey, concepts, and issues", "ACM Computing Surveys"),
        ("Ehrlich I and Lui F T 1991 Intergenerational trade, longevity, and economic growth Journal of Political "
         "Economy 99 1029–1060",
         "Intergenerational trade, longevity, and economic growth", "Journal of Political Economy"),
        # IOP, unpunctuated: the journal's first words had been left in the title.
        ("Burke L and Flanders S 1995 Using ontogenic classification networks in a smart structures application "
         "Computers & Operations Research 22 871–881",
         "Using ontogenic classification networks in a smart structures application",
         "Computers & Operations Research"),
        # Names that end a sentence-case title stay in it: after a function word, before an abbreviated
        # journal, or in German, which capitalises its nouns.
        ("Smith J 2001 Quantum chromodynamics of the Higgs Boson Phys. Rev. D 12 100–110",
         "Quantum chromodynamics of the Higgs Boson", "Phys. Rev. D"),
        ("Han S and Martínez J 1992 Sovereignty and the law of nations in early modern Europe Phys. Rev. B 136 "
         "327–334", "Sovereignty and the law of nations in early modern Europe", "Phys. Rev. B"),
        ("Einstein A 1905 Zur Elektrodynamik bewegter Körper Ann. Phys. 17 891–921",
         "Zur Elektrodynamik bewegter Körper", "Ann. Phys."),
    ],
)  # fmt: skip
def test_title_and_journal_meet_where_the_case_changes(text, title, journal):
    r = parse_citation(text).record
    assert (r.title, r.container_title) == (title, journal)


def test_a_company_publishing_a_second_edition_publishes_a_book_not_a_report():
    r = parse_citation(
        "Anonymous, 1988. Composing documents with the generalized markup language. Second edn. "
        "San Jose, CA, USA: IBM Corporation."
    ).record
    assert (r.entry_type, r.edition, r.publisher) == ("book", "2", "IBM Corporation")
    report = parse_citation("Smith, J., 2019. Long-term forecasts of demand. Santa Monica, CA: RAND Corporation.")
    assert report.record.entry_type == "techreport"


@pytest.mark.parametrize(
    ("text", "kind", "edition", "number", "genre", "publisher"),
    [
        # IEEE prints a book's edition as a bare ordinal before the publisher.
        ("A.-L. Barabási, Linked: The new science of networks, Second. Perseus Books Group, 2002.",
         "book", "2", "", "", "Perseus Books Group"),
        # MLA prints a report's number before the institution, with no genre word.
        ("Hershey, A. V. Preparation of Reports with the FORTRAN Typographic System. TN-K/27-70, U. S. Naval "
         "Weapons Laboratory, 1970.", "techreport", "", "TN-K/27-70", "", "U. S. Naval Weapons Laboratory"),
        # SAGE Harvard prints the thesis kind as a sentence of its own before the school.
        ("Bacher F (2004) Interaktionsmöglichkeiten mit Bildschirmen. Bachelorarbeit. University of Applied "
         "Sciences Upper Austria, Hagenberg, Austria.",
         "mastersthesis", "", "", "Bachelorarbeit", "University of Applied Sciences Upper Austria"),
    ],
)  # fmt: skip
def test_edition_number_and_genre_before_the_publisher(text, kind, edition, number, genre, publisher):
    r = parse_citation(text).record
    assert (r.entry_type, r.edition, r.number, r.genre, r.publisher) == (kind, edition, number, genre, publisher)


def test_a_word_with_a_digit_before_the_publisher_is_no_report_number():
    values = ("A manual", "", "", "", "3M Company, St. Paul", "")
    assert fields.report_fields(*values) == values
    assert fields.report_fields("A manual", "", "", "", "3M, Nowhere Press", "")[3] == ""


def test_thesis_genre_at_the_end_of_the_school_is_the_genre():
    r = parse_citation(
        "Müller, K. Ein Titel der Arbeit. 2017. Technische Universität München, Diplomarbeit."
    ).record
    assert (r.entry_type, r.genre, r.publisher) == ("mastersthesis", "Diplomarbeit", "Technische Universität München")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "Proc.," ends in a period: the conference word must still be found before a comma.
        ("Garrett, D. L. (2003). Coupled analysis of floating production systems. Proc., Int. Symp. On Deep "
         "Mooring Systems, 152–167.", "inproceedings"),
        ('J. Smith, "Title," in Proc. IEEE Conf. Comput. Vis. Pattern Recognit., 2016, pp. 770–778.', "inproceedings"),
        # A bare "Proc." with a volume names a journal.
        ("Smith, J. (2010). A title. Proc. R. Soc. A, 466, 1–5.", "article"),
        ("Smith, J. (2010). A title. Proc. Steklov Inst. Math., 466, 1–5.", "article"),
    ],
)
def test_proc_abbreviation_names_a_conference_unless_a_journal_volume_follows(text, kind):
    assert parse_citation(text).record.entry_type == kind


def test_edition_word_before_ed_is_no_editor_marker():
    text = ("Lee M. 1979. Bookmaking: The Illustrated Guide to Design/production/editing. New York, NY, USA: "
            "R. R. Bowker Company. Second ed.")
    record = parse_citation(text).record
    assert record.publisher == "R. R. Bowker Company"
    assert record.entry_type == "book"
    assert not record.editor


def test_journal_named_studies_is_a_journal():
    record = parse_citation(
        "Atkinson A, Stern N. Pigou, taxation and public goods. Review of Economic Studies. 1974;41:119–128."
    ).record
    assert record.entry_type == "article"
    assert record.container_title == "Review of Economic Studies"


def test_double_quoted_title_runs_to_its_own_closing_quote():
    record = parse_citation(
        "Liu, C., and C. Hao. 2011. “Morinda Officinalis Polysaccharides' Impact on the Immunologic Balance of "
        "Obstructive Jaundice Rats’ Lymphocyte T”. Chinese Journal of Cellular and Molecular Immunology 27(6):678–679."
    ).record
    assert record.title.endswith("Rats’ Lymphocyte T")
    assert record.container_title == "Chinese Journal of Cellular and Molecular Immunology"
    record = parse_citation(
        'Strekalov, D., et al. “Observation of Two-Photon "Ghost" Interference and Diffraction”. '
        "Physical Review Letters, 74, no. 18, 1995, pp. 3600–3603."
    ).record
    assert record.title == 'Observation of Two-Photon "Ghost" Interference and Diffraction'
    assert record.container_title == "Physical Review Letters"


def test_department_publishes_a_report_not_a_thesis():
    record = parse_citation(
        "Renner JS (1987) TeXtyl: A line-drawing interface for TeX. Department of Computer Science, Ohio State University"
    ).record
    assert record.entry_type == "techreport"
    assert parse_citation("Smith, J. 2001. Deep things. Stanford University.").record.entry_type == "phdthesis"


def test_publisher_then_city():
    record = parse_citation("Aupetit, B. (1991) A Primer on Spectral Theory, Springer-Verlag, New York.").record
    assert (record.publisher, record.publisher_place) == ("Springer-Verlag", "New York")
    record = parse_citation("Smith, J. (1999) A book. John Wiley & Sons, Ltd.").record
    assert record.publisher == "John Wiley & Sons, Ltd"


def test_physics_reference_without_title():
    record = parse_citation(
        "M. Ahlskog, J. Paloheimo, H. Stubb, P. Dyreklev, M. Fahlman, O. Inganas, and M.R. Andersson. "
        "J Appl. Phys., 76:893, 1994."
    ).record
    assert (record.entry_type, record.container_title, record.volume, record.page, record.year) == (
        "article", "J Appl. Phys.", "76", "893", "1994"
    )
    record = parse_citation("K. He et al., Nature 521, 436 (2015).").record
    assert [n.family for n in record.author if not n.others] == ["He"] and record.author[-1].others
    assert (record.container_title, record.volume, record.page) == ("Nature", "521", "436")


def test_acs_publisher_before_place():
    record = parse_citation("Smith, J. Organic Synthesis Today; Wiley-VCH: Weinheim, 2010.").record
    assert (record.publisher, record.publisher_place) == ("Wiley-VCH", "Weinheim")
    record = parse_citation("Brown, T. Fast solvers; Technical Report TR-2020-01; MIT: Cambridge, MA, 2020.").record
    assert (record.entry_type, record.publisher, record.publisher_place) == ("techreport", "MIT", "Cambridge, MA")
    record = parse_citation("Said, Edward W. Orientalism. New York: Pantheon Books, 1978.").record
    assert (record.publisher, record.publisher_place) == ("Pantheon Books", "New York")


@pytest.mark.parametrize(
    "citation",
    [
        "G. 't Hooft, Nucl. Phys. B 79, 276 (1974).",
        "'t Hooft, G. (1974). Magnetic monopoles in unified gauge theories. Nuclear Physics B, 79(2), 276–284.",
    ],
)
def test_dutch_article_is_a_particle_not_a_quote(citation):
    r = parse_citation(citation).record
    assert [(n.given, n.particle, n.family) for n in r.author] == [("G.", "'t", "Hooft")]
    assert r.container_title in ("Nucl. Phys. B", "Nuclear Physics B")
    assert (r.volume, r.issued) == ("79", "1974")
