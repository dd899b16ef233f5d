"""LaTeX ↔ unicode for BibTeX field values.

``latex_to_unicode`` decodes what people write in .bib files (``{\\"o}``, ``\\'{e}``, ``\\ss``, ``\\&``,
``--``, ``~``, ``$\\alpha$``) into plain unicode; braces are dropped (case is kept as written). What it
cannot translate is kept verbatim rather than lost: an unknown macro with its brace arguments
(``\\noopsort{a}``) and math that is more than symbols (``$O(n^2)$``).

``unicode_to_latex`` is its exact inverse on normalised text: ``latex_to_unicode(unicode_to_latex(s)) == s``
for any string without runs of whitespace. It escapes what BibTeX/LaTeX would misread and, with
``ascii=True``, spells non-ASCII characters as LaTeX (pylatexenc's table for what our own does not cover).

Both are pure and cached: the same venue or name strings recur thousands of times in a large file, and
plain ASCII text without special characters takes a fast path.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "latex_to_unicode",
    "unicode_to_latex",
    "decode_verbatim",
    "needs_decoding",
    "split_top_level_words",
]

# --- tables ------------------------------------------------------------------------------------------

#: Accent macros -> combining character.
ACCENTS: dict[str, str] = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a", "d": "\u0323", "b": "\u0331", "t": "\u0361",
}  # fmt: skip
_ACCENT_BY_MARK = {mark: name for name, mark in ACCENTS.items() if name != "t"}

#: Macros without arguments that stand for a character (our own; pylatexenc's table fills the rest).
SYMBOLS: dict[str, str] = {
    "ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ",
    "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
    "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ", "ij": "ĳ", "IJ": "Ĳ",
    "textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…",
    "S": "§", "P": "¶", "copyright": "©", "textcopyright": "©", "pounds": "£", "textsterling": "£",
    "euro": "€", "texteuro": "€", "textregistered": "®", "texttrademark": "™", "textdegree": "°",
    "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^", "textbar": "|",
    "textless": "<", "textgreater": ">", "textbraceleft": "{", "textbraceright": "}",
    "textunderscore": "_", "textdollar": "$", "textquoteleft": "‘", "textquoteright": "’",
    "textquotedblleft": "“", "textquotedblright": "”", "guillemotleft": "«", "guillemotright": "»",
    "textquotesingle": "'", "textquotedbl": '"', "textperiodcentered": "·", "textbullet": "•",
    "LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2e", "slash": "/",
    # logos of TeX's family, as texnames.sty and Beebe's bibnames.sty (TeX Live's .bib files) define them
    "MF": "METAFONT", "METAFONT": "METAFONT", "MP": "MetaPost", "METAPOST": "MetaPost", "TUB": "TUGboat",
    "POSTSCRIPT": "PostScript", "PiCTeX": "PiCTeX", "AMSTeX": "AMS-TeX", "AmSTeX": "AMS-TeX",
    "SLiTeX": "SLiTeX", "XeTeX": "XeTeX", "XeLaTeX": "XeLaTeX", "LuaTeX": "LuaTeX", "LuaLaTeX": "LuaLaTeX",
    "pdfTeX": "pdfTeX", "pdfLaTeX": "pdfLaTeX", "ConTeXt": "ConTeXt", "eTeX": "e-TeX",
    # biblatex's \hyphen, and dashes that bibliographies define in their @preamble
    "hyphen": "-", "emdash": "—", "endash": "–",
}  # fmt: skip

#: Macros whose one argument is kept as text (formatting is dropped).
TEXT_COMMANDS = frozenset(
    "emph textit textbf textsc texttt textrm textsf textsl textup textmd textnormal mbox hbox text "
    "url nolinkurl textsuperscript textsubscript mkbibemph mkbibitalic mkbibbold mkbibacro "
    "mkbibsuperscript mkbibsubscript textln textlf".split()
)
#: Macros whose argument is a quotation (biblatex, csquotes): printed in double quotes.
QUOTE_COMMANDS = frozenset({"mkbibquote", "enquote", "textquote"})
#: Macros whose argument only steers sorting (the classic ``\noopsort{1985a}`` defined in ``@preamble``).
SORT_ONLY_COMMANDS = frozenset({"noopsort", "SortNoop", "sortnoop", "NOOP", "noop"})
#: Macros that produce nothing in text.
VOID_COMMANDS = frozenset(
    "em it bf sc tt rm sf sl up md relax protect noindent normalfont itshape bfseries scshape upshape "
    "mdseries rmfamily sffamily ttfamily null allowbreak".split()
)
#: Control symbols: ``\\&`` and friends.
CONTROL_SYMBOLS: dict[str, str] = {
    "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ", ",": " ",
    ";": " ", ":": " ", "!": "", "/": "", "-": "", "@": "", "\\": " ",
}  # fmt: skip

_MATH_OK = re.compile(r"[A-Za-z0-9 +\-=()\[\],./|<>:;!'*]*")
_SPECIAL = re.compile(r"[\\{}$~]|--|``|''")
_SPECIAL_BUT_BRACES = re.compile(r"[\\$~]|--|``|''")
_MACRO_NAME = re.compile(r"[A-Za-z]+")
_MATH_MACRO = re.compile(r"\\([A-Za-z]+) ?")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_VERBATIM_ESCAPE = re.compile(r"\\([_%&#~$])")
_SPACES = re.compile(r"[ \t\r\n]*")


@lru_cache(maxsize=1)
def _pylatexenc_symbols() -> dict[str, str]:
    """Argument-less symbol macros from pylatexenc's latex2text database (``\\alpha`` -> ``α``, ...)."""
    from pylatexenc.latex2text import get_default_latex_context_db

    table: dict[str, str] = {}
    for spec in get_default_latex_context_db().iter_macro_specs():
        repl = spec.simplify_repl
        if isinstance(repl, str) and "%" not in repl and spec.macroname.isalpha():
            table.setdefault(spec.macroname, repl)
    for name in TEXT_COMMANDS | VOID_COMMANDS | QUOTE_COMMANDS | SORT_ONLY_COMMANDS | set(ACCENTS):
        table.pop(name, None)
    table.update(SYMBOLS)
    return table


def _symbol(name: str) -> str | None:
    return SYMBOLS.get(name) if name in SYMBOLS else _pylatexenc_symbols().get(name)


def is_known_macro(name: str) -> bool:
    """True when the decoder translates ``\\name`` (so a literal ``\\name`` in text must be escaped)."""
    return (
        name in ACCENTS
        or name in TEXT_COMMANDS
        or name in VOID_COMMANDS
        or name in QUOTE_COMMANDS
        or name in SORT_ONLY_COMMANDS
        or name == "ensuremath"
        or _symbol(name) is not None
    )


# --- decoding ----------------------------------------------------------------------------------------


def needs_decoding(text: str) -> bool:
    """False for text that decodes to itself (the common case: plain ASCII words)."""
    return _SPECIAL.search(text) is not None


def latex_to_unicode(text: str) -> str:
    """Decode a BibTeX field value (LaTeX) into unicode text; braces dropped, case kept."""
    if _SPECIAL.search(text) is None:  # needs_decoding(text), inlined: most values are plain words
        return text
    if _SPECIAL_BUT_BRACES.search(text) is None:  # braces only (``{GPTQ}: ...``): they just go
        return text.replace("{", "").replace("}", "")
    return _decode_cached(text)


@lru_cache(maxsize=65536)
def _decode_cached(text: str) -> str:
    return _Decoder(text).run()


class _Decoder:
    """A small recursive-descent reader of the LaTeX found in field values."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def run(self) -> str:
        return self.sequence(until_brace=False)

    def sequence(self, until_brace: bool) -> str:
        out: list[str] = []
        text, n = self.text, len(self.text)
        while self.pos < n:
            match = _SPECIAL.search(text, self.pos)
            if match is None:
                out.append(text[self.pos :])
                self.pos = n
                break
            out.append(text[self.pos : match.start()])
            self.pos = match.start()
            ch = text[self.pos]
            if ch == "}":
                self.pos += 1
                if until_brace:
                    return "".join(out)
                continue  # a stray closing brace carries no text
            out.append(self.special(ch))
        return "".join(out)

    def special(self, ch: str) -> str:
        text = self.text
        if ch == "\\":
            return self.macro()
        if ch == "{":
            self.pos += 1
            return self.sequence(until_brace=True)
        if ch == "$":
            return self.math()
        if ch == "~":
            self.pos += 1
            return "\u00a0"
        if ch == "-":
            if text.startswith("---", self.pos):
                self.pos += 3
                return "—"
            if text.startswith("--", self.pos):
                self.pos += 2
                return "–"
        elif ch == "`" and text.startswith("``", self.pos):
            self.pos += 2
            return "“"
        elif ch == "'" and text.startswith("''", self.pos):
            self.pos += 2
            return "”"
        self.pos += 1
        return ch

    def macro(self) -> str:
        text, start = self.text, self.pos
        match = _MACRO_NAME.match(text, start + 1)
        if match is None:  # control symbol: \& \' \{ ...
            if start + 1 >= len(text):
                self.pos = len(text)
                return "\\"
            name = text[start + 1]
            if not name.isascii():  # not a control symbol: a backslash, then text
                self.pos = start + 1
                return "\\"
            self.pos = start + 2
            if name in ACCENTS:
                return self.accent(name)
            if name in CONTROL_SYMBOLS:
                return CONTROL_SYMBOLS[name]
            return text[start : self.pos]  # unknown control symbol: keep it
        name = match.group(0)
        self.pos = match.end()
        if name in ACCENTS:
            self.skip_spaces()
            return self.accent(name)
        if name in TEXT_COMMANDS:
            self.skip_spaces()
            return self.argument()
        if name in QUOTE_COMMANDS:
            self.skip_spaces()
            return f"“{self.argument()}”"
        if name in SORT_ONLY_COMMANDS:
            self.skip_spaces()
            self.argument()
            return ""
        if name == "ensuremath":
            self.skip_spaces()
            raw = self.raw_group()
            return (
                _decode_math(raw)
                if raw is not None and _decode_math(raw) is not None
                else text[start : self.pos]
            )
        if name in VOID_COMMANDS:
            self.skip_spaces()
            return ""
        symbol = _symbol(name)
        if symbol is not None:
            self.skip_spaces()
            return symbol
        # Unknown macro: keep it, with the brace groups that follow it, exactly as written.
        while self.raw_group() is not None:
            pass
        return text[start : self.pos]

    def skip_spaces(self) -> None:
        self.pos = _SPACES.match(self.text, self.pos).end()

    def raw_group(self) -> str | None:
        """The content of a balanced ``{...}`` at the cursor (cursor moves past it), else None."""
        end = _group_end(self.text, self.pos)
        if end < 0:
            return None
        content = self.text[self.pos + 1 : end - 1]
        self.pos = end
        return content

    def argument(self) -> str:
        """A macro argument: a brace group (decoded) or a single character / macro."""
        text = self.text
        if self.pos >= len(text):
            return ""
        if text[self.pos] == "{":
            self.pos += 1
            return self.sequence(until_brace=True)
        if text[self.pos] == "\\":
            return self.macro()
        self.pos += 1
        return text[self.pos - 1]

    def accent(self, name: str) -> str:
        arg = self.argument()
        if not arg:
            return unicodedata.normalize("NFC", " " + ACCENTS[name]) if name != "t" else ""
        base = {"ı": "i", "ȷ": "j"}.get(arg[0], arg[0])
        return unicodedata.normalize("NFC", base + ACCENTS[name]) + arg[1:]

    def math(self) -> str:
        text, start = self.text, self.pos
        end = _math_end(text, start)
        if end < 0:
            self.pos = start + 1
            return "$"
        self.pos = end
        delim = 2 if text.startswith("$$", start) else 1
        decoded = _decode_math(text[start + delim : end - delim])
        return decoded if decoded is not None else text[start:end]


def _group_end(text: str, pos: int) -> int:
    """Index just past the balanced brace group starting at ``pos``, or -1."""
    if pos >= len(text) or text[pos] != "{":
        return -1
    depth = 0
    i = pos
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _math_end(text: str, start: int) -> int:
    """Index just past the ``$...$`` (or ``$$...$$``) starting at ``start``, or -1 if it is not closed."""
    delim = "$$" if text.startswith("$$", start) else "$"
    i = start + len(delim)
    while True:
        j = text.find(delim, i)
        if j < 0:
            return -1
        if text[j - 1] != "\\":
            return j + len(delim) if j > start + len(delim) else -1
        i = j + 1


@lru_cache(maxsize=4096)
def _decode_math(content: str) -> str | None:
    """Math made only of symbols and plain characters (``\\alpha``, ``k``, ``\\ell_1``-free) -> unicode."""
    if not content.strip():
        return None

    def symbol(match: re.Match[str]) -> str:
        value = _symbol(match.group(1))
        return value if value is not None and len(value) == 1 else "\x00"

    replaced = _MATH_MACRO.sub(symbol, content)
    rest = _NON_ASCII.sub("", replaced)
    if "\x00" in replaced or not _MATH_OK.fullmatch(rest):
        return None
    return replaced


def decode_verbatim(text: str) -> str:
    """URL and DOI fields: only undo escapes people add for LaTeX (``\\_``, ``\\%``, ``\\&``, ``\\#``, ``\\~``)."""
    if "\\" not in text:
        return text
    return _VERBATIM_ESCAPE.sub(r"\1", text)


# --- encoding ----------------------------------------------------------------------------------------

_ESCAPES: dict[str, str] = {
    "&": "\\&", "%": "\\%", "#": "\\#", "_": "\\_", "$": "\\$", "{": "{\\textbraceleft}",
    "}": "{\\textbraceright}", "~": "{\\textasciitilde}", "^": "{\\textasciicircum}", "\u00a0": "~",
}  # fmt: skip
_ASCII_SPELLINGS: dict[str, str] = {
    "–": "--",
    "—": "---",
    "“": "``",
    "”": "''",
    "ı": "{\\i}",
    "ȷ": "{\\j}",
}
_NEEDS_ESCAPE = re.compile(r"[&%#_${}~^\\\u00a0]|--|``|''")
_NEEDS_ESCAPE_ASCII = re.compile(r"[&%#_${}~^\\\u00a0]|--|``|''|[^\x00-\x7f]")
_SYMBOL_BY_CHAR: dict[str, str] = {}


def unicode_to_latex(text: str, *, ascii: bool = False) -> str:
    """Encode unicode text as a BibTeX field value; ``latex_to_unicode`` gives back ``text`` exactly."""
    if (_NEEDS_ESCAPE_ASCII if ascii else _NEEDS_ESCAPE).search(text) is None:
        return text
    return _encode_cached(text, ascii)


@lru_cache(maxsize=65536)
def _encode_cached(text: str, ascii: bool) -> str:
    special = _NEEDS_ESCAPE_ASCII if ascii else _NEEDS_ESCAPE
    pieces: list[str] = []
    i, n = 0, len(text)
    while i < n:
        match = special.search(text, i)
        start = match.start() if match else n
        if start > i:
            _append(pieces, text[i:start])
        if match is None:
            break
        piece, i = _encode_at(text, start, ascii)
        _append(pieces, piece)
    return "".join(pieces)


def _append(pieces: list[str], piece: str) -> None:
    if pieces and piece and pieces[-1][-1] == piece[0] and piece[0] in "-`'":
        pieces.append("{}")  # keep "--", "``" and "''" from turning into ligatures
    pieces.append(piece)


def _encode_at(text: str, i: int, ascii: bool) -> tuple[str, int]:
    """The LaTeX for the unit of ``text`` starting at ``i`` and the index after it."""
    ch = text[i]
    if ch == "$":
        end = _math_end(text, i)
        if end > 0:
            delim = 2 if text.startswith("$$", i) else 1
            if _decode_math(text[i + delim : end - delim]) is None and _bibtex_balanced(text[i:end]):
                return text[i:end], end  # math the decoder keeps verbatim: write it back verbatim
        return "\\$", i + 1
    if ch == "\\":
        match = _MACRO_NAME.match(text, i + 1)
        if match and not is_known_macro(match.group(0)):
            end = match.end()
            while (group_end := _group_end(text, end)) > 0:
                end = group_end
            following = _encode_at(text, end, ascii)[0] if end < len(text) else ""
            if _bibtex_balanced(text[i:end]) and not following.startswith("{"):
                return text[
                    i:end
                ], end  # an unknown macro kept from the input (a brace after it would be its argument)
        if match is None and i + 1 < len(text) and _is_unknown_control_symbol(text[i + 1]):
            return text[i : i + 2], i + 2
        return "{\\textbackslash}", i + 1
    if ch in _ESCAPES:
        return _ESCAPES[ch], i + 1
    if ch in "-`'":
        return ch, i + 1
    if ascii and not ch.isascii():
        return _encode_char(ch), i + 1
    return ch, i + 1


def _bibtex_balanced(text: str) -> bool:
    """BibTeX counts every brace, escaped or not: raw LaTeX we write back must balance that way."""
    depth = 0
    for ch in text:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _is_unknown_control_symbol(ch: str) -> bool:
    return ch.isascii() and not ch.isalpha() and ch not in ACCENTS and ch not in CONTROL_SYMBOLS


@lru_cache(maxsize=4096)
def _encode_char(ch: str) -> str:
    """One non-ASCII character in ASCII LaTeX; the character itself when no spelling decodes back to it."""
    if ch in _ASCII_SPELLINGS:
        return _ASCII_SPELLINGS[ch]
    own = next((name for name, value in SYMBOLS.items() if value == ch), None)
    if own:  # {\aa} rather than {\r{a}}
        return "{\\" + own + "}"
    decomposed = unicodedata.normalize("NFD", ch)
    if len(decomposed) > 1 and decomposed[0].isascii() and all(m in _ACCENT_BY_MARK for m in decomposed[1:]):
        inner = decomposed[0]
        for mark in decomposed[1:]:
            name = _ACCENT_BY_MARK[mark]
            inner = f"\\{name}{{{inner}}}" if name.isalpha() else f"\\{name}{inner}"
            inner = "{" + inner + "}"
        if latex_to_unicode(inner) == ch:
            return inner
    for candidate in _symbol_spellings(ch):
        if latex_to_unicode(candidate) == ch:
            return candidate
    return ch


def _symbol_spellings(ch: str) -> list[str]:
    """Candidate spellings, best first: pylatexenc's encoder (it knows math from text), then its symbol table."""
    if not _SYMBOL_BY_CHAR:
        for name, value in reversed(list(_pylatexenc_symbols().items())):
            if len(value) == 1:
                _SYMBOL_BY_CHAR[value] = name
    candidates = [_pylatexenc_encode(ch)]
    if ch in _SYMBOL_BY_CHAR:
        candidates.append("{\\" + _SYMBOL_BY_CHAR[ch] + "}")
    return [c for c in candidates if c.isascii()]


def _pylatexenc_encode(ch: str) -> str:
    from pylatexenc.latexencode import unicode_to_latex as encode

    return encode(ch, unknown_char_policy="keep", unknown_char_warning=False)


# --- words -------------------------------------------------------------------------------------------


def split_top_level_words(latex: str) -> list[str]:
    """Split encoded LaTeX on spaces outside braces and math, keeping each word intact."""
    words: list[str] = []
    depth = 0
    in_math = False
    start = 0
    i, n = 0, len(latex)
    while i < n:
        ch = latex[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "$":
            in_math = not in_math
        elif ch == " " and depth == 0 and not in_math:
            words.append(latex[start:i])
            start = i + 1
        i += 1
    words.append(latex[start:])
    return words
