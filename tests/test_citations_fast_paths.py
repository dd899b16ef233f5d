"""The parser's cheap tests before its regular expressions skip only what the expressions would not
match: each fast path gives exactly what the plain expression gives, on citation-like text and on text
built from the very pieces the tests look for (cases, "ſ", "İ", final newlines)."""

from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from bibconv.citations import fields, notes, parser, roles
from bibconv.citations.tokens import tokenize
from bibconv.data import venues

# Pieces the fast paths look for, in several cases, and characters that case-insensitive patterns fold.
PIECES = [
    "ed.", "Eds.", "(eds.)", "Hrsg.", "(dir.)", "et al.", "and others", "u. a.", "...", "…", "Vol.", "vol", "pp",
    "PAGES", "no.", "2nd ed.", "(3rd edn.)", "4. Aufl.", "[Internet]", "[Preprint]", "(Tech. Rep. No. 66)",
    "[Doctoral dissertation, MIT]", "Trans.", "Translated by", "trad.", "a cura di", "sous la direction de",
    "arXiv:2102.05426", "ARXIV preprint", "CoRR abs/1512.03385", "doi:10.1000/x", "https://x.org/a",
    "WWW.x.org", "(NeurIPS 2024)", "(Accepted at ICLR 2025).", "(Chicago: UCP, 1962), 45.", "), 12–14 .",
    "Jr.", "ſ", "İ", "K", "\n", " ", ", ", "; ", ": ", "(", ")", "[", "]", "2020", "12", "Smith", "J.",
    "Proceedings", "Journal", "Science,", "In:", "Tr.", "(v2)", "Group", "Thesis", "Thèse", "Doktorarbeit",
]  # fmt: skip
pieced_text = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
any_text = st.one_of(pieced_text, st.text(max_size=40))


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_identifier_searches(text):
    doi = fields.find_doi(text)
    assert doi == (fields._trim_identifier(m.group(1)) if (m := fields._DOI.search(text)) else "")
    arxiv = fields._ARXIV.search(text)
    if arxiv:
        assert fields.find_arxiv(text) == arxiv.group(1)
    assert bool(fields.find_url(text)) <= bool(fields._URL.search(text))
    if fields._URL.search(text) is None:
        assert fields.find_url(text) == ""


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_end_anchored_patterns(text):
    match = fields._EDITION_SUFFIX.search(text)
    assert fields.split_edition.__wrapped__(text)[1] == ((match.group(1) or match.group(2)) if match else "")
    assert (fields.split_medium.__wrapped__(text)[1] != "") == bool(fields._MEDIUM.search(text))
    assert (fields.split_title_genre.__wrapped__(text) != (text, "", "", "")) <= bool(
        fields._BRACKETED_TAIL.search(text)
    )
    assert fields._without_volume_word(text) == fields._CONTAINER_VOLUME_WORD.sub("", text)
    assert parser._cut_pinpoint(text)[1] == "" or parser._PINPOINT.search(text)
    if parser._PINPOINT.search(text) is None:
        assert parser._cut_pinpoint(text) == (text, "")
    if notes._NOTE.search(text.rstrip()) is None:
        assert notes.split_acceptance_note(text) == (text, None)


def _plain_clean(text: str) -> str:
    text = " ".join(str(text).replace("\u00a0", " ").replace("\u200b", "").split())
    return parser._LEADING_NUMBER.sub("", text, count=1).strip()


NOTE_PIECES = [
    "(Oxford: Clarendon Press)", "(In: ", "Published in ", "presented at", "(oral)", "(Findings)", "ICML", "'21",
    "\u00a0", "\u200b", "\t", "  ", "1. ", "[3] ", "• ", "(", ")", ".",
]  # fmt: skip
note_text = st.lists(st.sampled_from(PIECES + NOTE_PIECES), max_size=10).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(any_text, note_text))
def test_fast_paths_before_the_labeller_are_the_plain_ones(text):
    assert parser._clean(text) == _plain_clean(text)
    if ")" in text:
        fast, plain = parser._PINPOINT.match(text, text.rfind(")") + 1), parser._PINPOINT.search(text)
        assert (fast and (fast.span(), fast.groups())) == (plain and (plain.span(), plain.groups()))
    start = max(text.rfind("("), text.rfind("["), 0)
    if notes._YEAR_OR_STATUS.search(text, start) is None:
        assert notes._note_from(text, start) is None


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_name_list_patterns(text):
    lowered = text.lower()
    if fields._EDITOR_WORDS.search(text):
        assert "ed" in lowered or "hr" in lowered or "hg" in lowered or "(d" in lowered or "(c" in lowered
    if fields._ETAL.search(text):
        assert "et" in lowered or "other" in lowered or "u." in lowered
    if text.endswith("."):
        assert bool(fields._FINAL_INITIAL.search(text, max(len(text) - 3, 0))) == bool(
            fields._FINAL_INITIAL.search(text)
        )


NAME_LIST_PIECES = [
    "Smith", "J.", "J.Smith", "K.-W.Lee", "İ", "ſ", "&", "and", "AND", "und", "et", "Et", "y", "Y", "e", "E",
    " ", "  ", "\t", "\n", "\u00a0", "\x1c", ",", ", ", ";", ".", "(", ")", "Press)", "(IEEE)", "Ed.", "...",
]  # fmt: skip
name_list_text = st.one_of(st.lists(st.sampled_from(NAME_LIST_PIECES), max_size=14).map("".join), st.text(max_size=40))


@settings(max_examples=600, deadline=None)
@given(name_list_text)
def test_gates_of_name_list_and_container_patterns(text):
    plain_and = re.compile(r"(?=[\s,&aeuy])\s*(?:,\s*)?(?:\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s+", re.I)
    assert fields._AND.sub(", ", text) == plain_and.sub(", ", text)
    spaced = " ".join(text.split())  # split_names' and clean_text's white space: single spaces
    if fields._AND.search(spaced):
        assert fields._may_hold_conjunction(spaced)
    if fields._GLUED_INITIAL.search(text):
        assert fields._DOT_BEFORE_CAPITAL.search(text)
    container = fields.clean_text(text)
    if parser._PAREN_PUBLISHER.search(container):
        assert container.endswith(")")


IDENTIFIER_PIECES = [
    "arXiv:2102.05426", "ArXiV: 2102.05426v2", "aRxIv preprint math.AG/0101001", "arXiv.2106.09685", "CoRR abs/1512.03385",
    "cOrR abs/1512.03385", "https://x.org/a", "wWw.x.org", "WWW.x.org", "doi.org/10.1/x", "İ", "ſ", "K", "–", " ", ".",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(IDENTIFIER_PIECES), max_size=6).map("".join), st.text(max_size=30)))
def test_identifier_gates_are_the_plain_searches(text):
    arxiv = fields._ARXIV.search(text)
    assert fields.find_arxiv(text) == fields.find_arxiv(text, "", text.lower()) == (arxiv.group(1) if arxiv else "")
    urls = (fields._trim_identifier(m.group(0)) for m in fields._URL.finditer(text))
    plain_url = next((u for u in urls if not re.search(r"(?:doi\.org|dx\.doi\.org)/", u, re.I)), "")
    assert fields.find_url(text) == fields.find_url(text, text.lower()) == plain_url


def _plain_heavy_key(folded, abbreviations):
    """``venues._heavy_key`` with every search made (no digit or word gates)."""
    year = None
    match = venues._YEAR.search(folded)
    if match:
        year = int(match.group(1))
    text = venues._YEAR.sub(" ", folded)

    def short_year(m):
        nonlocal year
        word, digits = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
        if m.group(4) and word not in abbreviations:
            return m.group(0)
        if year is None:
            year = 1900 + int(digits) if int(digits) >= 50 else 2000 + int(digits)
        return f" {word or ''} "

    text = venues._VOLUME_NOTE.sub(" ", venues._SHORT_YEAR.sub(short_year, text))
    ordinal = None
    match = venues._NUMERIC_ORDINAL.search(text) or venues._WORD_ORDINAL.search(text)
    if match:
        ordinal = int(match.group(1)) if match.re is venues._NUMERIC_ORDINAL else venues._ordinal_value(match)
        text = venues._WORD_ORDINAL.sub(" ", venues._NUMERIC_ORDINAL.sub(" ", text))
    words = (venues._EXPANSIONS.get(w, w) for w in venues._NON_WORD.sub(" ", text).split() if not w.isdigit())
    return " ".join(w for w in words if w not in venues._HEAVY_DROP), year, ordinal


VENUE_PIECES = [
    "proc. ", "conference ", "(volume 1: long papers)", "vol. 3", "vol", "part ii", "papers", "twenty-first ",
    "3rd ", "2019 ", "'19", "cvpr2020", "gpt3", "nips", "٣", "²", "(", ")", ",", " ", "-", "'", "’",
]  # fmt: skip
venue_text = st.one_of(st.lists(st.sampled_from(VENUE_PIECES), max_size=10).map("".join), st.text(max_size=30))


@settings(max_examples=400, deadline=None)
@given(venue_text)
def test_venue_heavy_key_is_the_plain_one(text):
    abbreviations = frozenset({"cvpr", "nips"})
    folded = venues._fold(text)
    assert venues._heavy_key(folded, abbreviations) == _plain_heavy_key(folded, abbreviations)


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_role_formulas_are_found_word_by_word_and_token_by_token(text):
    hinted = roles._HINT.search(text) is not None
    assert hinted == any(roles._formula_bit(word) for word in text.split())
    assert hinted == any(roles.may_hold_role_formula(token.text) for token in tokenize(text))
    if roles._THESIS_WORDS.search(text):
        assert roles._bits(text.split(), {}, roles._kind_bits) & roles._THESIS_WORD
    if roles._SENTENCE_ROLE.search(text):
        assert roles._bits(text.split(), {}, roles._kind_bits) & roles._ROLE_SENTENCE_WORD
    if not hinted:
        assert roles.split_role_notes(text) == (text, roles.RoleNotes())


@settings(max_examples=400, deadline=None)
@given(st.one_of(any_text, st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join)))
def test_role_notes_without_the_first_test_are_the_same(text):
    assert roles.cut_role_notes(text) == roles.split_role_notes(text)
    assert roles._BRACKETED.search(text) or roles._PARENTHESISED.search(text) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join))
def test_token_marks_are_the_tests_they_stand_for(text):
    for token in tokenize(text):
        word, mark = token.text, parser._marks_of(token.text)
        assert bool(mark & parser._MONTH) == bool(parser._MONTH_WORD.match(word))
        assert bool(mark & parser._EDITOR_MARK) == bool(parser._EDITOR_MARKER.match(word))
        assert bool(mark & parser._ACCESS_MARK) == bool(parser._ACCESS_MARKER.match(word))
        assert bool(mark & parser._IDENTIFIER) == bool(parser._IDENTIFIER_TOKEN.match(word))
        assert bool(mark & parser._BARE_YEAR_TOKEN) == bool(parser._BARE_YEAR.match(word))
        assert bool(mark & parser._PAREN_YEAR_TOKEN) == bool(parser._PAREN_YEAR.match(word))


HINT_PIECES = [
    "Collaboration", "CONSORTIUM", "Original", "Dissertation", "direction", "editado", "Org.", "red.", "herausgegeben",
    "cura", "tese", "Tesis", "DOKTOR", "Doktorarbeit", "aus", "sous", "übers", "(V", "ſ", "İ", "ı", "K", "é", "ü",
    "x", " ",
]  # fmt: skip
hint_text = st.lists(st.sampled_from(PIECES + HINT_PIECES), max_size=8).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(any_text, hint_text, hint_text.map(str.upper), hint_text.map(str.title)))
def test_role_formula_hint_on_ascii_text_is_the_case_insensitive_pattern(text):
    assert roles.may_hold_role_formula(text) == (roles._HINT.search(text) is not None)


MARK_PIECES = [
    "In", "In:", "in:", "Int.", "J.", "Phys.", "Proceedings", "proceedings", "Proc.", "Conférence", "(12)", "(3-4).",
    "(2020)", "2019:", "1999:", "2020", "A.B.,", "Ä.,", "A-B.", "et", "al.,", "NIPS", "(1)", "Title", "word,",
    "p.12", "pp.565–566.", "2015a", "(2020,", "Et", "ET", "\"Title,\"", "“Deep", "learning.”", "word\"",
    "Ann.", "Phys.", "NAACL-HLT", "(NIPS),", "(ICML'22)", "editors.", "editor:", "(Hrsg.)", "v.", "S.", "Nr.",
    "pages", "Learning", "LaTeX", "Ḱx",
]  # fmt: skip
mark_text = st.lists(st.sampled_from(PIECES + MARK_PIECES), max_size=12).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(mark_text, any_text))
def test_token_marks_are_the_plain_tests(text):
    for token in tokenize(text):
        word, mark = token.text, parser._marks_of(token.text)
        assert bool(mark & parser._INITIALS) == bool(parser._INITIALS_TOKEN.match(word))
        assert bool(mark & parser._INITIALS_THEN_COMMA) == bool(parser._INITIAL_THEN_COMMA.match(word))
        assert bool(mark & parser._IN_WORD) == (word in ("In", "In:"))
        assert bool(mark & parser._JOURNAL_ABBREVIATION) == (word in parser._JOURNAL_ABBREVIATION_START)
        assert bool(mark & parser._PROCEEDINGS_TOKEN) == bool(
            word[:1].isupper() and parser._PROCEEDINGS_WORD.match(word)
        )
        assert bool(mark & parser._PAREN_NUMBER_TOKEN) == bool(parser._PAREN_NUMBER.match(word))
        assert bool(mark & parser._YEAR_THEN_COLON) == bool(parser._YEAR_BEFORE_PAGES.match(word))
        assert bool(mark & parser._NUMBER_MARK) == (word.rstrip(".,:").lower() in parser._MARKER_LABEL)
        assert bool(mark & parser._GLUED_PAGES_TOKEN) == bool(parser._GLUED_PAGES.match(word))
        assert bool(mark & parser._UNPUNCTUATED_YEAR) == bool(parser._BARE_YEAR_WORD.match(word))
        assert bool(mark & parser._OPENS_DATE_TOKEN) == bool(parser._OPENS_DATE.match(word))
        assert bool(mark & parser._ABBREVIATED_TOKEN) == bool(parser._ABBREVIATED_WORD.match(word))
        assert bool(mark & parser._ACRONYM_TOKEN) == bool(
            parser._ACRONYM.match(word) or parser._PAREN_ACRONYM.match(word)
        )


#: Rules that ``_certain_labels`` runs only when some token has the mark: without one they change nothing.
GUARDED_RULES = [
    (parser._IN_WORD, parser._container_inside_title),
    (parser._JOURNAL_ABBREVIATION, parser._abbreviated_journal_after_unpunctuated_title),
    (parser._PROCEEDINGS_TOKEN, parser._proceedings_sentence_in_title),
    (parser._PAREN_NUMBER_TOKEN, parser._issue_after_volume),
    (parser._YEAR_THEN_COLON, parser._acronym_venue_before_year),
    (parser._GLUED_PAGES_TOKEN, parser._glued_page_marker),
    (parser._ET_WORD, parser._et_al_ends_names),
    (parser._EDITOR_MARK, parser._editor_run_ends_at_role_word),
    (parser._ABBREVIATED_TOKEN, parser._journal_after_names),
    (parser._UNPUNCTUATED_YEAR, parser._names_then_bare_year),
    (parser._OPENS_DATE_TOKEN, parser._parenthesised_date_run),
    (parser._UNPUNCTUATED_YEAR, parser._bare_year_opening_title),
    (parser._IN_COLON, parser._container_after_in_colon),
    (parser._CLOSES_DOUBLE_QUOTE, parser._container_after_quoted_title),
    (parser._CLOSES_DOUBLE_QUOTE, parser._year_after_quoted_container),
    (parser._ACRONYM_TOKEN, parser._venue_continues_after_container),
]
LABELS = [
    "author", "editor", "title", "container", "volume", "issue", "pages", "date", "publisher", "location", "url",
    "other",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(mark_text, st.data())
def test_guarded_rules_change_nothing_without_their_mark(text, data):
    tokens = tokenize(text)
    if not tokens:
        return  # never labelled: a citation holds a letter
    labels = data.draw(st.lists(st.sampled_from(LABELS), min_size=len(tokens), max_size=len(tokens)))
    marks = parser._marks_of_tokens(tokens)
    for bit, rule in GUARDED_RULES:
        if not any(mark & bit for mark in marks):
            changed = list(labels)
            rule(tokens, changed)
            assert changed == labels, rule.__name__


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["author", "title", "date", "container"]), max_size=12))
def test_title_after_authors_is_the_end_of_the_leading_authors(labels):
    i = 0
    while i < len(labels) and labels[i] == "author":
        i += 1
    plain = i if 0 < i < len(labels) and labels[i] == "title" else 0
    assert parser._title_after_authors(labels) == plain


def test_prefilters_of_token_marks_miss_no_match():
    pieces = roles._HINT_IN_LOWER_ASCII.pattern.replace("\\", "").split("|")
    assert all(not roles._ASCII_HINT_CHARACTERS.isdisjoint(piece) for piece in pieces)
    words = parser._PROCEEDINGS_WORD.pattern.removeprefix("^(?:").split(")")[0].split("|")
    first_letter = re.compile("[" + "".join({word[0] for word in words}) + "]", re.IGNORECASE)
    capitals = {c for c in map(chr, range(sys.maxunicode + 1)) if c.isupper() and first_letter.match(c)}
    assert capitals == parser._PROCEEDINGS_START


def _plain_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(venues._SPECIAL_LETTERS))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("&", " and ")


@settings(max_examples=400, deadline=None)
@given(st.one_of(any_text, st.text(alphabet=st.characters(max_codepoint=127), max_size=40)))
def test_venue_folding_of_ascii_text_is_the_plain_folding(text):
    assert venues._fold(text) == _plain_fold(text)


@settings(max_examples=600, deadline=None)
@given(st.one_of(any_text, hint_text, hint_text.map(str.upper), hint_text.map(str.title)))
def test_kinds_of_role_words_on_ascii_text_are_the_case_insensitive_patterns(text):
    plain = (roles._THESIS_WORD if roles._THESIS_WORDS.search(text) else 0) | (
        roles._ROLE_SENTENCE_WORD if roles._ROLE_SENTENCE_WORDS.search(text) else 0
    )
    assert roles._kind_bits(text) == plain
