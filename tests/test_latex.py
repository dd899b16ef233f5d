"""LaTeX <-> unicode: decoding what .bib files contain, and encoding back exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bibconv.latex import decode_verbatim, latex_to_unicode, split_top_level_words, unicode_to_latex


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        # one accent in every spelling people use
        ('M{\\"u}ller', "Müller"),
        ('M\\"{u}ller', "Müller"),
        ('M\\"uller', "Müller"),
        ("M{\\\"{u}}ller", "Müller"),
        ("\\'{e}t\\'e", "été"),
        ("{\\'E}cole", "École"),
        ("\\`a la", "à la"),
        ("\\^{o}", "ô"),
        ("\\~{n} \\~n", "ñ ñ"),
        ("\\={a}", "ā"),
        ("\\.{z}", "ż"),
        ("\\c{c} \\c c", "ç ç"),
        ("\\v{s}\\v{S}", "šŠ"),
        ("{\\v{S}}koda", "Škoda"),
        ("\\u{g}", "ğ"),
        ("\\H{o}", "ő"),
        ("\\k{a}", "ą"),
        ("\\r{a} \\aa{} {\\AA}", "å å Å"),
        ("Ji\\v{r}\\'{\\i}", "Jiří"),
        ('Lo\\"{\\i}c', "Loïc"),
        # letters and symbols that are macros
        ("Stra{\\ss}e \\ss", "Straße ß"),
        ("{\\o} {\\O}yvind", "ø Øyvind"),
        ("{\\L}{\\'o}d\\'{z}", "Łódź"),
        ("\\ae\\ \\AE{} \\oe", "æ Æ œ"),
        ("\\textendash\\ \\textemdash{}", "– —"),
        # escapes, ligatures, spacing
        ("A \\& B", "A & B"),
        ("50\\% \\$5 \\#1 a\\_b \\{x\\}", "50% $5 #1 a_b {x}"),
        ("1--30", "1–30"),
        ("yes---no", "yes—no"),
        ("``quoted''", "“quoted”"),
        ("don't", "don't"),
        ("Section~3", "Section\u00a03"),
        ("a\\,b", "a b"),
        ("hy\\-phen", "hyphen"),
        # braces carry no text; case is kept
        ("{GPTQ}: {LLM}s", "GPTQ: LLMs"),
        ("{{Nested {braces}}}", "Nested braces"),
        ("stray } brace", "stray  brace"),
        # formatting commands keep their argument
        ("\\emph{Deep} \\textbf{nets} \\textit{are} \\textsc{fun}", "Deep nets are fun"),
        ("see \\url{https://x.org/a_b}", "see https://x.org/a_b"),
        ("{\\em emphasis}", "emphasis"),
        # math: symbols become unicode, anything more stays verbatim
        ("$\\alpha$-divergence", "α-divergence"),
        ("$\\ell$ and $\\infty$", "ℓ and ∞"),
        ("$k$-means", "k-means"),
        ("\\ensuremath{\\beta}", "β"),
        ("$O(n^2)$ memory", "$O(n^2)$ memory"),
        ("$\\frac{1}{2}$", "$\\frac{1}{2}$"),
        ("costs \\$5", "costs $5"),
        ("a lone $ sign", "a lone $ sign"),
        # unknown macros are kept with their arguments rather than lost
        ("\\mymacro{a}{Zed}", "\\mymacro{a}{Zed}"),
        ("\\LaTeX{} and \\TeX", "LaTeX and TeX"),
        ("ends with \\", "ends with \\"),
    ],
)
def test_decodes_latex(latex: str, text: str) -> None:
    assert latex_to_unicode(latex) == text


def test_plain_text_takes_the_fast_path() -> None:
    text = "Accurate post-training quantization for generative pre-trained transformers"
    assert latex_to_unicode(text) is text
    assert unicode_to_latex(text) is text


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("A & B: 50% of #1 a_b", "A \\& B: 50\\% of \\#1 a\\_b"),
        ("{x} ~ ^", "{\\textbraceleft}x{\\textbraceright} {\\textasciitilde} {\\textasciicircum}"),
        ("a\\b", "a{\\textbackslash}b"),
        ("Section\u00a03", "Section~3"),
        ("x--y", "x-{}-y"),
        ("costs $5 and $6", "costs \\$5 and \\$6"),
        ("$O(n^2)$ kept", "$O(n^2)$ kept"),
        ("\\mymacro{a}kept", "\\mymacro{a}kept"),
        ("\\alpha typed as text", "{\\textbackslash}alpha typed as text"),
        ("Müller – x", "Müller – x"),
    ],
)
def test_encodes_unicode(text: str, latex: str) -> None:
    assert unicode_to_latex(text) == latex


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("Müller", 'M{\\"u}ller'),
        ("Škoda Jiří", "{\\v{S}}koda Ji{\\v{r}}{\\'i}"),
        ("Straße Øyvind Nyård Łódź", "Stra{\\ss}e {\\O}yvind Ny{\\aa}rd {\\L}{\\'o}d{\\'z}"),
        ("a – b — “c”", "a -- b --- ``c''"),
        ("α-divergence", "\\ensuremath{\\alpha}-divergence"),
        ("ǘ", "{\\'{\\\"u}}"),
        ("–-", "--{}-"),
    ],
)
def test_encodes_ascii(text: str, latex: str) -> None:
    encoded = unicode_to_latex(text, ascii=True)
    assert encoded == latex
    assert latex_to_unicode(encoded) == text


def test_ascii_keeps_characters_without_a_latex_spelling() -> None:
    assert unicode_to_latex("日本語", ascii=True) == "日本語"


def test_written_latex_is_brace_balanced_for_bibtex() -> None:
    for text in ["$a}$", "\\foo{", "}{", "\\x{a\\}}"]:
        encoded = unicode_to_latex(text)
        depth = 0
        for ch in encoded:
            depth += {"{": 1, "}": -1}.get(ch, 0)
            assert depth >= 0
        assert depth == 0
        assert latex_to_unicode(encoded) == text


def test_verbatim_fields_only_lose_latex_escapes() -> None:
    assert decode_verbatim("https://x.org/a\\_b\\%20c--d~e") == "https://x.org/a_b%20c--d~e"


def test_split_top_level_words_respects_braces_and_math() -> None:
    assert split_top_level_words("{a b} $x y$ c\\ d") == ["{a b}", "$x y$", "c\\ d"]


#: Fragments that exercise every escape, ligature and macro rule, glued together at random.
_FRAGMENTS = list("aZ09 -'`$\\{}~^&%#_.:é–—“”αß\u00a0日ǘ") + ["\\alpha", "\\foo{x}", "--", "$x^2$", "\\'"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=25).map("".join))
def test_encoding_then_decoding_is_the_identity(text: str) -> None:
    assert latex_to_unicode(unicode_to_latex(text)) == text
    assert latex_to_unicode(unicode_to_latex(text, ascii=True)) == text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_decoder_accepts_any_text(text: str) -> None:
    assert isinstance(latex_to_unicode(text), str)
    assert latex_to_unicode(unicode_to_latex(text, ascii=True)) == text


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab A-'`{}, é")), max_size=30))
def test_the_braces_only_shortcut_decodes_as_the_full_decoder(text: str) -> None:
    from bibconv.latex import _decode_cached

    assert latex_to_unicode(text) == _decode_cached(text)


def test_biblatex_quotes_formatting_and_sort_only_macros() -> None:
    # biblatex-examples.bib and Beebe's bibliographies: what pandoc prints for them
    assert latex_to_unicode(r"Aristotle's \mkbibquote{De Motu Animalium}") == "Aristotle's “De Motu Animalium”"
    assert latex_to_unicode(r"\mkbibemph{De Anima} and \mkbibbold{x}") == "De Anima and x"
    assert latex_to_unicode(r"methodology\hyphen independent") == "methodology-independent"
    assert latex_to_unicode(r"Publishing\emdash{}Origination") == "Publishing—Origination"
    assert latex_to_unicode(r"\noopsort{1985a}1985") == "1985"


def test_tex_logos_of_tex_live_bibliographies() -> None:
    # Beebe's .bib files in TeX Live use bibnames.sty logos (pandoc drops them: "Drawing Feynman diagrams with LaTeX and.")
    assert latex_to_unicode("\\TUB{}") == "TUGboat"
    assert latex_to_unicode("Drawing with {\\MP} and \\MF") == "Drawing with MetaPost and METAFONT"
    assert latex_to_unicode("The \\PiCTeX\\ manual") == "The PiCTeX manual"
