"""Inline content of a paper-list unit (a cell, a bullet, an HTML row) as a flat list of pieces.

markdown-it inline tokens and raw HTML both become the same small vocabulary — text (with the style it
sits in), links (label, target and the images inside them), standalone images and line breaks — so that
one entry extractor reads every layout. HTML is read with the stdlib ``html.parser``, one tag at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

__all__ = [
    "Piece",
    "PieceBuilder",
    "pieces_from_inline",
    "pieces_from_html",
    "HtmlUnit",
    "parse_html_units",
    "plain_text",
]

#: Inline HTML / markdown styles worth remembering: titles are often bold, venues often in <ins>/<sup>.
_STYLE_TAGS = {"strong": "strong", "b": "strong", "em": "em", "i": "em", "ins": "ins", "u": "ins",
               "sup": "sup", "sub": "sup", "code": "code", "mark": "ins", "kbd": "code"}  # fmt: skip
_BREAK_TAGS = {"br", "p", "div", "hr", "li", "tr"}
_BR_TAG = re.compile(r"^</?br\s*/?>$", re.IGNORECASE)
#: Real HTML elements. Anything else in angle brackets ("The <Team>", "<Anonymous>") is text of the list and
#: is kept verbatim, never swallowed as an unknown tag.
HTML_TAGS = frozenset(
    """a abbr address article aside b bdi bdo big blockquote body br caption center cite code col colgroup dd
    del details dfn div dl dt em figcaption figure font footer h1 h2 h3 h4 h5 h6 head header hr html i img
    ins kbd li main mark nav ol p picture pre q s samp section small source span strike strong sub summary
    sup table tbody td tfoot th thead tr tt u ul var video audio iframe svg path g wbr""".split()
)


@dataclass(slots=True)
class Piece:
    """``text`` (with ``style``), ``link`` (``text`` = label, ``href``, ``images``), ``image`` or ``br``."""

    kind: str
    text: str = ""
    href: str = ""
    style: str = ""
    images: list[tuple[str, str]] = field(default_factory=list)  # (src, alt) of images inside a link


class PieceBuilder:
    """Collects pieces from a stream of open/close/text events (markdown tokens or HTML tags)."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self._styles: list[str] = []
        self._link: Piece | None = None
        self._link_depth = 0

    def text(self, value: str) -> None:
        if not value:
            return
        if self._link is not None:
            self._link.text += value
            return
        style = self._styles[-1] if self._styles else ""
        last = self.pieces[-1] if self.pieces else None
        if last is not None and last.kind == "text" and last.style == style:
            last.text += value
        else:
            self.pieces.append(Piece("text", value, style=style))

    def open_style(self, tag: str) -> None:
        self._styles.append(_STYLE_TAGS.get(tag, tag))

    def close_style(self, tag: str) -> None:
        wanted = _STYLE_TAGS.get(tag, tag)
        for i in range(len(self._styles) - 1, -1, -1):
            if self._styles[i] == wanted:
                del self._styles[i]
                return

    def open_link(self, href: str) -> None:
        if self._link is not None:  # nested <a>: keep the outer one
            self._link_depth += 1
            return
        self._link = Piece("link", href=href.strip())
        self._link_depth = 1

    def close_link(self) -> None:
        if self._link is None:
            return
        self._link_depth -= 1
        if self._link_depth <= 0:
            self._link.text = " ".join(self._link.text.split())
            self.pieces.append(self._link)
            self._link = None

    def image(self, src: str, alt: str) -> None:
        if self._link is not None:
            self._link.images.append((src.strip(), alt))
        else:
            self.pieces.append(Piece("image", alt, href=src.strip()))

    def br(self, source_newline: bool = False) -> None:
        """A line break; ``source_newline`` marks a break of the source line (its ``text`` is "\\n"), which
        keeps line numbers right inside a paragraph."""
        mark = "\n" if source_newline else ""
        if self._link is not None:
            self._link.text += " "
        elif self.pieces and self.pieces[-1].kind == "br":
            self.pieces[-1].text = self.pieces[-1].text or mark
        else:
            self.pieces.append(Piece("br", mark))

    def finish(self) -> list[Piece]:
        if self._link is not None:  # unclosed <a>: keep what it held
            self._link_depth = 0
            self.close_link()
        while self.pieces and self.pieces[-1].kind == "br":
            self.pieces.pop()
        return self.pieces


class _TagReader(HTMLParser):
    """Feeds HTML tags into a ``PieceBuilder``; used for inline tags and whole cells alike."""

    def __init__(self, builder: PieceBuilder) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            self.builder.text(self.get_starttag_text() or "")
            return
        _start_tag(self.builder, tag, dict(attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            self.builder.text(self.get_starttag_text() or "")
            return
        _start_tag(self.builder, tag, dict(attrs))
        if tag in _STYLE_TAGS:
            self.builder.close_style(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in HTML_TAGS:
            self.builder.text(f"</{tag}>")
            return
        _end_tag(self.builder, tag)

    def handle_data(self, data: str) -> None:
        self.builder.text(data)


def _start_tag(builder: PieceBuilder, tag: str, attrs: dict[str, str | None]) -> None:
    if tag == "a":
        builder.open_link(attrs.get("href") or "")
    elif tag == "img":
        builder.image(attrs.get("src") or "", attrs.get("alt") or "")
    elif tag in _BREAK_TAGS:
        builder.br()
    elif tag in _STYLE_TAGS:
        builder.open_style(tag)


def _end_tag(builder: PieceBuilder, tag: str) -> None:
    if tag == "a":
        builder.close_link()
    elif tag in _STYLE_TAGS:
        builder.close_style(tag)
    elif tag in _BREAK_TAGS:  # </br> is written for <br> in many lists
        builder.br()


def _feed_html(builder: PieceBuilder, fragment: str) -> None:
    reader = _TagReader(builder)
    reader.feed(fragment)
    reader.close()
    leftover = reader.rawdata  # an unclosed "<Team, Bob Jones" that html.parser holds back
    if leftover:
        builder.text(leftover)


_ONE_TAG = re.compile(r"^<(/?)([A-Za-z][\w-]*)((?:\s+[^>]*?)?)\s*(/?)>$", re.DOTALL)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def _feed_tag(builder: PieceBuilder, tag: str) -> None:
    """One inline HTML tag (markdown-it gives them one per token): read directly; anything else (a
    comment, odd markup) goes through ``html.parser``."""
    if _BR_TAG.match(tag):
        builder.br()
        return
    m = _ONE_TAG.match(tag)
    if not m:
        _feed_html(builder, tag)
        return
    closing, name, attributes, self_closing = m.group(1), m.group(2).lower(), m.group(3), m.group(4)
    if name not in HTML_TAGS:  # "<Team>" in an author line is text
        builder.text(tag)
        return
    if closing:
        _end_tag(builder, name)
        return
    attrs = {
        a.group(1).lower(): unescape(a.group(2) or a.group(3) or a.group(4) or "")
        for a in _ATTRIBUTE.finditer(attributes)
    }
    _start_tag(builder, name, attrs)
    if self_closing and name in _STYLE_TAGS:
        builder.close_style(name)


def pieces_from_html(fragment: str) -> list[Piece]:
    """An HTML fragment (a <p>, a <div> inside a list item) → pieces."""
    builder = PieceBuilder()
    _feed_html(builder, fragment)
    return builder.finish()


def pieces_from_inline(children: list, soft_break_is_br: bool = True) -> list[Piece]:
    """markdown-it inline children → pieces. Inline HTML tags are read one by one."""
    builder = PieceBuilder()
    for token in children:
        kind = token.type
        if kind == "text":
            builder.text(token.content)
        elif kind == "code_inline":
            builder.open_style("code")
            builder.text(token.content)
            builder.close_style("code")
        elif kind in ("softbreak", "hardbreak"):
            if kind == "hardbreak" or soft_break_is_br:
                builder.br(source_newline=True)
            else:
                builder.text(" ")
        elif kind == "link_open":
            builder.open_link(str(token.attrs.get("href", "")))
        elif kind == "link_close":
            builder.close_link()
        elif kind == "image":
            builder.image(str(token.attrs.get("src", "")), token.content)
        elif kind in ("strong_open", "em_open", "s_open"):
            builder.open_style(token.tag)
        elif kind in ("strong_close", "em_close", "s_close"):
            builder.close_style(token.tag)
        elif kind == "html_inline":
            _feed_tag(builder, token.content)
    return builder.finish()


def plain_text(pieces: list[Piece], br: str = " ") -> str:
    """The visible text of pieces (link labels included, images dropped), whitespace collapsed."""
    parts = [br if p.kind == "br" else p.text for p in pieces if p.kind != "image"]
    text = "".join(parts)
    if br == " ":
        return " ".join(text.split())
    return "\n".join(" ".join(line.split()) for line in text.split(br))


# --- raw HTML blocks --------------------------------------------------------------------------------


@dataclass(slots=True)
class HtmlUnit:
    """A row of an HTML table (``cells``; ``header`` when made of <th>) or an <li> item (one cell)."""

    kind: str  # "row" | "item"
    line: int  # 1-based, relative to the block
    cells: list[list[Piece]] = field(default_factory=list)
    header: bool = False


class _BlockReader(HTMLParser):
    """Splits an HTML block into table rows and list items, each cell read into pieces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.units: list[HtmlUnit] = []
        self.pre_texts: list[tuple[int, str]] = []  # (line, text) of <pre>/<code> blocks (BibTeX)
        self._row: HtmlUnit | None = None
        self._cell: PieceBuilder | None = None
        self._cell_is_th = False
        self._item: tuple[HtmlUnit, PieceBuilder] | None = None
        self._pre: list[str] | None = None
        self._pre_line = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag not in HTML_TAGS:
            self.handle_data(self.get_starttag_text() or "")
        elif tag == "pre":
            self._pre, self._pre_line = [], line
        elif tag == "tr":
            self._close_row()
            self._row = HtmlUnit("row", line)
        elif tag in ("td", "th") and self._row is not None:
            self._close_cell()
            self._cell, self._cell_is_th = PieceBuilder(), tag == "th"
        elif tag == "li" and self._row is None:
            self._close_item()
            self._item = (HtmlUnit("item", line), PieceBuilder())
        elif (builder := self._builder()) is not None:
            _start_tag(builder, tag, dict(attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in HTML_TAGS:
            self.handle_data(f"</{tag}>")
        elif tag == "pre" and self._pre is not None:
            self.pre_texts.append((self._pre_line, "".join(self._pre)))
            self._pre = None
        elif tag in ("td", "th"):
            self._close_cell()
        elif tag == "tr":
            self._close_row()
        elif tag == "li":
            self._close_item()
        elif tag in ("ul", "ol", "table"):
            self._close_row()
            self._close_item()
        elif (builder := self._builder()) is not None:
            _end_tag(builder, tag)

    def handle_data(self, data: str) -> None:
        if self._pre is not None:
            self._pre.append(data)
            return
        builder = self._builder()
        if builder is not None:
            builder.text(data)

    def _builder(self) -> PieceBuilder | None:
        if self._cell is not None:
            return self._cell
        return self._item[1] if self._item is not None else None

    def _close_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.cells.append(self._cell.finish())
            self._row.header = self._row.header or self._cell_is_th
        self._cell = None

    def _close_row(self) -> None:
        self._close_cell()
        if self._row is not None and self._row.cells:
            self.units.append(self._row)
        self._row = None

    def _close_item(self) -> None:
        if self._item is not None:
            unit, builder = self._item
            pieces = builder.finish()
            if pieces:
                unit.cells.append(pieces)
                self.units.append(unit)
        self._item = None


def parse_html_units(html: str) -> tuple[list[HtmlUnit], list[tuple[int, str]]]:
    """Rows and list items of an HTML block, plus the text of its <pre> blocks (line numbers relative)."""
    reader = _BlockReader()
    reader.feed(html)
    reader.close()
    reader._close_row()
    reader._close_item()
    return reader.units, [(line, unescape(text)) for line, text in reader.pre_texts]
