"""Awesome-list markdown → one record per paper (format ``markdown``).

The file is parsed with markdown-it-py (tables on, inline HTML kept); its block tokens are walked once.
Headings give each record its group (the section path); tables, bullet lists, paragraphs and raw HTML
blocks give the units (a row, an item), each read by ``md_entry`` from its inline pieces; BibTeX in code
fences or ``<details>``/``<pre>`` blocks goes to the BibTeX reader and citation-string bullets to the text
parser. Sections such as Updates, tables of contents or contributors produce no records; sections of
tools, blogs or leaderboards are skipped (or kept typed ``software``/``online`` with ``keep_non_papers``).
Every unit that yields no record is in the report with its line: skipped or unread.

The project page of a paper is kept in ``extra["project"]``; ``url`` is only ever a paper link. A
``<details>`` abstract under an entry becomes its ``abstract``, never part of its line; a ``### Title``
heading right over a paragraph of authors and paper links (and no title of its own) is that paper's title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from types import FunctionType, SimpleNamespace

from markdown_it import MarkdownIt, helpers
from markdown_it.common.utils import unescapeAll
from markdown_it.rules_block.table import escapedSplit
from markdown_it.rules_block.table import table as stock_table_rule

from ..errors import BibconvError
from ..gcpause import cyclic_gc_paused
from ..model import Record, Source
from ..report import Report, Skipped, Unread
from .md_entry import Hints, body_text, build_record, extract_entry, is_paper, looks_like_citation
from .md_fields import classify_url, clean_title, is_badge_src, is_resource_label, parse_badge
from .md_pieces import HtmlUnit, Piece, parse_html_units, pieces_from_html, pieces_from_inline, plain_text

__all__ = ["read"]

FORMAT = "markdown"

#: Headings (and "Label:" paragraphs) whose content is about the list itself, never papers.
_SKIP_SECTION = re.compile(
    r"(?:latest\s+|recent\s+)?(?:updates?|news|changelog|change log|what'?s new|(?:table of )?contents?|toc|"
    r"star[\s-]*history|stargazers?|stars?|contributors?|contributing|contributions?|how to contribute|"
    r"citations?|cite|citing|how to cite|bibtex|acknowledge?ments?|licen[cs]e|contact(?: us)?|about|"
    r"todo|to do|overview|join us|community|sponsors?)"
    r"(?:\s+(?:of\s+|to\s+|for\s+)?(?:this|our|the)?\s*(?:repo|repository|work|list|project|paper|survey|us))?",
    re.IGNORECASE,
)
#: Sections of things that are not papers: skipped unless ``keep_non_papers``; value = record type.
_NON_PAPER_SECTION = re.compile(
    r"\b(?P<software>tools?|toolkits?|toolboxes|frameworks?|librar(?:y|ies)|software|codebases?|projects?|"
    r"repositories|repos|engines?|platforms?|applications|apps|products|open[\s-]source)\b|"
    r"\b(?P<online>blogs?|blog posts?|articles?|tutorials?|courses?|lectures?|talks?|videos?|podcasts?|"
    r"leaderboards?|websites?|newsletters?|communities|related (?:awesome )?lists|awesome lists|"
    r"other (?:awesome )?lists|resources)\b",
    re.IGNORECASE,
)
_TOC_HEADING = re.compile(r"(?:table of )?contents?|toc", re.IGNORECASE)
_PAPER_SECTION = re.compile(r"\b(papers?|publications?|preprints?|articles? list|surveys?)\b", re.IGNORECASE)
_YEAR_HEADING = re.compile(r"^\s*(?:year\s+)?((?:19|20)\d{2})\s*$", re.IGNORECASE)
_GENERIC_HEADINGS = {"papers", "paper list", "paper", "list of papers", "the list", "contents", "main"}

#: Table header words → column role (first match wins, checked in order).
_COLUMN_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("title", re.compile(r"\btitle\b", re.I)),
    ("authors", re.compile(r"\bauthors?\b", re.I)),
    ("year", re.compile(r"\b(year|date|time|when|published on|release)\b", re.I)),
    ("venue", re.compile(r"\b(venue|conference|conf|journal|publish\w*|publication|accepted|where|pub|source|booktitle)\b", re.I)),
    ("code", re.compile(r"\b(code|github|repo\w*|implementation|official)\b", re.I)),
    ("keywords", re.compile(r"\b(type|tags?|category|categories|topics?|keywords?|task|method|field|area)\b", re.I)),
    ("ignore", re.compile(r"\b(intro\w*|image|figure|fig|overview|illustration|abstract|summary|description|"
                          r"tl;?dr|notes?|comments?|remarks?|highlights?|stars?|no\.?|idx|index|rank|"
                          r"contributions?|size|params?|parameters|license|#)\b|^#$|^no\.?$", re.I)),
    ("links", re.compile(r"\b(links?|urls?|resources?|pdf|arxiv|project|website|homepage|demo|materials?)\b", re.I)),
    ("title", re.compile(r"\b(papers?|name|models?|works?|articles?|publications?|methods?)\b", re.I)),
)  # fmt: skip
_NON_PAPER_TITLE_COLUMN = re.compile(r"\b(tools?|frameworks?|librar(?:y|ies)|projects?|repos?\w*|software|"
                                     r"platforms?|engines?|blogs?|tutorials?|courses?|leaderboards?)\b", re.I)  # fmt: skip


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    # Keep link targets as written: percent-encoding them is for HTML output and costs a third of the parse.
    parser.normalizeLink = lambda url: url.strip()  # type: ignore[method-assign]
    parser.normalizeLinkText = lambda text: text  # type: ignore[method-assign]
    # A paper list is mostly links: markdown-it scans labels and targets one character at a time. The
    # helpers below take the common plain case with one regex and hand anything else to markdown-it's own.
    fast = {"parseLinkLabel": _parse_link_label, "parseLinkDestination": _parse_link_destination}
    parser.helpers = SimpleNamespace(
        **{name: fast.get(name, getattr(helpers, name)) for name in helpers.__all__}
    )
    # Text runs stop only where an enabled inline rule can start (the default set also stops at ':', '-',
    # '=', ... for plugins and linkify, which are off here) and at ']' (the end of a link label).
    parser.inline.terminator_re = _INLINE_TERMINATORS
    table_rule = _table_rule_with_fast_split()
    if table_rule is not None:
        parser.block.ruler.at("table", table_rule, {"alt": ["paragraph", "reference"]})
    return parser


def _split_row(line: str) -> list[str]:
    """A table row split at its pipes. Without a backslash no pipe is escaped, so ``str.split`` gives what
    markdown-it's character loop gives; rows with one go to that loop."""
    return line.split("|") if "\\" not in line else escapedSplit(line)


def _table_rule_with_fast_split():
    """markdown-it's own table rule, calling ``_split_row`` instead of its per-character ``escapedSplit``
    (a tenth of the parse of a table-heavy list). Only this parser's copy of the rule changes; None (the
    stock rule stays) if markdown-it's table rule is no longer built that way."""
    rule = stock_table_rule
    if "escapedSplit" not in rule.__code__.co_names:
        return None
    globals_ = {**rule.__globals__, "escapedSplit": _split_row}
    return FunctionType(rule.__code__, globals_, rule.__name__, rule.__defaults__, rule.__closure__)


#: Characters where an inline rule of the commonmark preset may start: newline, escape, backticks,
#: emphasis, link, image, autolink/html, entity; plus the ']' that ends a link label.
_INLINE_TERMINATORS = re.compile(r"[\n!&*<\[\\\]_`]")
_LABEL_STOP = re.compile(r"[\[\]`<\\]")
_PLAIN_DESTINATION = re.compile(r"[^\x00-\x20\x7f()\\]*")


def _parse_link_label(state, start: int, disableNested: bool = False) -> int:  # noqa: N803 (markdown-it's name)
    """End of the link label opened at ``start``. Up to its first ']' a plain label holds nothing that
    could start a nested token (no '[', code span, tag or escape), so that ']' ends it; any other label,
    or one at the nesting limit, goes to markdown-it's scan."""
    if state.level < state.md.options["maxNesting"]:
        stop = _LABEL_STOP.search(state.src, start + 1, state.posMax)
        if stop is not None and stop.group() == "]":
            return stop.start()
    return helpers.parseLinkLabel(state, start, disableNested)


@dataclass(slots=True)
class _Destination:
    ok: bool
    pos: int
    str: str


def _parse_link_destination(string: str, pos: int, maximum: int):
    """A link target without angle brackets, parentheses or escapes ends at a space, a control character,
    the closing ')' or the end; markdown-it's scan handles every other target."""
    if pos < maximum and string[pos] != "<":
        end = _PLAIN_DESTINATION.match(string, pos, maximum).end()
        if end > pos and (end == maximum or string[end] not in "(\\"):
            return _Destination(True, end, unescapeAll(string[pos:end]))
    return helpers.parseLinkDestination(string, pos, maximum)


# --- sections ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Heading:
    level: int
    title: str
    kind: str  # "skip" | "software" | "online" | "papers" | "" (unclassified)
    year: str = ""


def _heading_title(pieces: list[Piece]) -> str:
    text = clean_title(plain_text(pieces))
    text = re.sub(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)", "", text)  # "2.1 Quantization"
    text = re.sub(r"\s*\([^()]*\)\s*$", "", text)  # "Zero-Shot Quantization (Data-Free Quantization)"
    return text.strip(" :") or clean_title(plain_text(pieces))


def _section_kind(title: str) -> str:
    if _SKIP_SECTION.fullmatch(title):
        return "skip"
    if _PAPER_SECTION.search(title):
        return "papers"
    m = _NON_PAPER_SECTION.search(title)
    if m:
        return "software" if m.group("software") else "online"
    return ""


@dataclass(slots=True)
class _Sections:
    drop_h1: bool
    has_headings: bool = True
    stack: list[_Heading] = field(default_factory=list)

    def enter(self, level: int, title: str) -> None:
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        year = m.group(1) if (m := _YEAR_HEADING.match(title)) else ""
        kind = "" if year else _section_kind(title)
        self.stack.append(_Heading(level, title, kind, year))

    def group(self, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
        path = [
            h.title
            for h in self.stack
            if not h.year and not (h.level == 1 and self.drop_h1) and h.title.lower() not in _GENERIC_HEADINGS
        ]
        path.extend(extra)
        return (" / ".join(path),) if path else ()

    def kind(self) -> str:
        for depth, heading in enumerate(reversed(self.stack)):
            if heading.level == 1 and self.drop_h1:
                break
            if depth and _TOC_HEADING.fullmatch(heading.title):
                continue  # "## Contents" over "### Understanding": the sub-sections are the list itself
            if heading.kind:
                return heading.kind
        return "papers"

    def year(self) -> str:
        return next((h.year for h in reversed(self.stack) if h.year), "")

    def name(self) -> str:
        return self.stack[-1].title if self.stack else ""


# --- the walk ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _State:
    file: str
    keep_non_papers: bool
    sections: _Sections
    records: list[Record] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    pending_kind: str = ""  # set by a "Updates:" paragraph for the list that follows
    pending_name: str = ""
    lines: list[str] = field(default_factory=list)  # the source, for HTML blocks broken by blank lines
    entry_block_end: int = -1  # end line of the paragraph that made the last record, for its <details>

    def section_name(self) -> str:
        return self.pending_name if self.pending_kind else self.sections.name()

    def source(self, line: int) -> Source:
        return Source(self.file, line, FORMAT)


def read(
    text: str, *, file: str = "<string>", keep_non_papers: bool = False, **_: object
) -> tuple[list[Record], Report]:
    """Read an awesome list: one record per paper row, bullet or BibTeX entry, and a report of the rest."""
    with cyclic_gc_paused():  # ~20 acyclic tokens and pieces per entry (see bibconv.gcpause)
        return _read(text, file, keep_non_papers)


def _read(text: str, file: str, keep_non_papers: bool) -> tuple[list[Record], Report]:
    try:
        tokens = _parser().parse(text)
    except Exception as exc:  # markdown-it accepts any text; guard against its internal errors all the same
        raise BibconvError(f"cannot parse markdown: {exc}", file) from exc
    h1_count = sum(1 for t in tokens if t.type == "heading_open" and t.tag == "h1")
    has_headings = any(t.type == "heading_open" for t in tokens)
    state = _State(file, keep_non_papers, _Sections(drop_h1=h1_count == 1, has_headings=has_headings))
    state.lines = text.splitlines()
    _walk(tokens, 0, len(tokens), state)
    return state.records, state.report


def _walk(tokens: list, start: int, stop: int, state: _State) -> None:
    i = start
    while i < stop:
        token = tokens[i]
        kind = token.type
        if kind == "heading_open":
            pieces = pieces_from_inline(tokens[i + 1].children or [])
            level = int(token.tag[1])
            if level >= 3 and _has_paper_evidence(pieces) and len(plain_text(pieces).split()) >= 3:
                # "### [Paper title](arxiv)": one paper, with the authors/venue paragraph under it if any
                details = _untitled_paragraph(tokens, i + 3)
                if details is not None:
                    pieces = [*pieces, Piece("br"), *details]
                    i += 3
                _read_unit(pieces, Hints(), _line(token), state)
            else:
                state.sections.enter(level, _heading_title(pieces))
            state.pending_kind = ""
            i += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            end = _closing(tokens, i)
            _read_list(tokens, i, end, state, ())
            state.pending_kind = ""
            i = end + 1
            continue
        if kind == "table_open":
            end = _closing(tokens, i)
            _read_table(tokens, i, end, state)
            state.pending_kind = ""
            i = end + 1
            continue
        if kind == "paragraph_open":
            before = len(state.records)
            titled = _heading_over_entry(tokens, i, state)
            if titled is not None:  # the heading was the paper's title, not a section
                state.sections.stack.pop()
                _read_unit(titled[0], Hints(), titled[1], state)
            else:
                _read_paragraph(tokens[i + 1], state)
            state.entry_block_end = token.map[1] if len(state.records) > before else -1
            i += 3
            continue
        if kind == "html_block":
            html, last_line = _whole_html_block(token, state.lines)
            abstract = _details_abstract(html) if "<details" in html.lower() else ""
            if abstract and 0 <= token.map[0] - state.entry_block_end <= 1:  # right below an entry
                state.records[-1] = state.records[-1].with_changes(abstract=abstract)
            _read_html_block(html, token.map[0] + 1, state)
            # skip the tokens markdown-it made of the rest of the element (after a blank line inside it)
            while i + 1 < stop and (tokens[i + 1].map is None or tokens[i + 1].map[0] <= last_line):
                i += 1
        elif kind in ("fence", "code_block"):
            _read_code(token, state)
        i += 1


def _closing(tokens: list, start: int) -> int:
    """Index of the token closing ``tokens[start]`` (same nesting level)."""
    close = tokens[start].type.replace("_open", "_close")
    level = tokens[start].level
    for j in range(start + 1, len(tokens)):
        if tokens[j].type == close and tokens[j].level == level:
            return j
    return len(tokens) - 1


def _line(token) -> int:
    return token.map[0] + 1 if token.map else 0


# --- paragraphs -------------------------------------------------------------------------------------


def _read_paragraph(inline, state: _State) -> None:
    pieces = pieces_from_inline(inline.children or [])
    text = plain_text(pieces)
    label = text.strip().strip("*_ ").rstrip(":").strip()
    if text.rstrip().endswith(":") and len(label.split()) <= 4:
        kind = _section_kind(label)
        state.pending_kind = kind if kind in ("skip", "software", "online") else ""
        state.pending_name = label
        return
    state.pending_kind = ""
    if not state.sections.stack and state.sections.has_headings:
        return  # the preamble: badges, a description of the list, a link to the authors' survey
    # A paragraph holds papers when it has paper links; entries start at a title line.
    base = _line(inline)
    kind = state.sections.kind()
    for offset, entry_pieces, titled in _paragraph_entries(pieces):
        lines = sum(p.kind == "br" for p in entry_pieces) + 1
        short = len(plain_text(entry_pieces).split()) <= 40  # longer is prose that happens to cite a paper
        if (_has_paper_evidence(entry_pieces) and (titled or short)) or (
            titled and (lines >= 2 or kind != "papers")
        ):
            _read_unit(entry_pieces, Hints(), base + offset, state)


def _heading_over_entry(tokens: list, i: int, state: _State) -> tuple[list[Piece], int] | None:
    """``### Title`` right over a paragraph of authors, venue and paper links that has no title of its
    own: the heading is that paper's title. Returns the entry's pieces and line."""
    if i < 3 or tokens[i - 1].type != "heading_close" or tokens[i - 1].tag in ("h1", "h2"):
        return None
    top = state.sections.stack[-1] if state.sections.stack else None
    if top is None or top.level != int(tokens[i - 1].tag[1]) or top.kind == "skip" or top.year:
        return None  # ("tools" or "blogs" in a heading may be words of a title: those kinds may go on)
    heading = pieces_from_inline(tokens[i - 2].children or [])
    if _has_paper_evidence(heading) or len(plain_text(heading).split()) < 3:
        return None  # ("### [Title](arxiv)" was read as a paper itself, not entered as a section)
    body = _untitled_paragraph(tokens, i)
    if body is None or not _has_paper_evidence(body):
        return None
    title = [
        Piece(p.kind, p.text, p.href, "strong" if p.kind == "text" else p.style, p.images) for p in heading
    ]
    return [*title, Piece("br"), *body], _line(tokens[i - 3])


def _untitled_paragraph(tokens: list, i: int) -> list[Piece] | None:
    """The pieces of the paragraph at ``tokens[i]`` when it is one short entry with no title of its own
    (an authors, venue and links line under a title heading); else None."""
    if i + 1 >= len(tokens) or tokens[i].type != "paragraph_open":
        return None
    body = pieces_from_inline(tokens[i + 1].children or [])
    entries = _paragraph_entries(body)
    if len(entries) != 1 or entries[0][2] or len(plain_text(body).split()) > 60:
        return None
    return body


def _paragraph_entries(pieces: list[Piece]) -> list[tuple[int, list[Piece], bool]]:
    """Lines of a paragraph grouped into entries: a line with a title link or bold text starts one."""
    lines: list[tuple[int, list[Piece]]] = [(0, [])]
    newlines = 0
    for piece in pieces:
        if piece.kind == "br":
            newlines += piece.text == "\n"  # an HTML <br> is a line of the entry, not of the file
            lines.append((newlines, []))
        else:
            lines[-1][1].append(piece)
    entries: list[tuple[int, list[Piece], bool]] = []
    for offset, line in lines:
        starts = any(
            p.kind == "link" and p.text.strip() and not is_resource_label(p.text) for p in line
        ) or any(p.kind == "text" and p.style == "strong" for p in line)
        if starts or not entries:
            entries.append((offset, list(line), starts))
        else:
            entries[-1][1].extend([Piece("br"), *line])
    return entries


_EVIDENCE_BADGE_LABELS = frozenset({"conference", "publish", "venue", "journal", "arxiv"})


def _has_paper_evidence(pieces: list[Piece]) -> bool:
    """A link to a paper (arXiv, DOI, a proceedings site) or a venue/arXiv badge."""
    for piece in pieces:
        if piece.kind == "link" and classify_url(piece.href).kind in ("arxiv", "doi", "paper"):
            return True
        sources = [src for src, _ in piece.images] if piece.kind == "link" else []
        if piece.kind == "image":
            sources.append(piece.href)
        for src in sources:
            badge = parse_badge(src) if is_badge_src(src) else None
            if badge is not None and badge.label.lower() in _EVIDENCE_BADGE_LABELS:
                return True
    return False


# --- lists ------------------------------------------------------------------------------------------


def _read_list(tokens: list, start: int, end: int, state: _State, subgroup: tuple[str, ...]) -> None:
    items = _list_items(tokens, start, end)
    kind = state.pending_kind or state.sections.kind()
    if kind != "skip" and _is_table_of_contents(tokens, items):
        state.report.skipped.append(
            Skipped(
                "table of contents", _item_text(tokens, items[0]), state.source(_line(tokens[items[0][0]]))
            )
        )
        return
    for item_start, item_end in items:
        pieces, nested, fences, details = _item_parts(tokens, item_start, item_end)
        line = _line(tokens[item_start])
        own_label = _label_of(pieces) if nested else ""
        for fence in fences:
            _read_code(tokens[fence], state)
        hints = Hints()
        for block in details:
            if _BIBTEX_START.search(block):
                _read_bibtex(re.sub(r"<[^>]+>", "", block), line, state)
            hints.abstract = hints.abstract or _details_abstract(block)
        if nested and own_label:  # "- **Quantization**" with papers below it: a sub-group
            for n_start, n_end in nested:
                _read_list(tokens, n_start, n_end, state, (*subgroup, own_label))
            continue
        separate = []
        for n_start, n_end in nested:  # resource-only sub-bullets belong to their paper
            for sub_start, sub_end in _list_items(tokens, n_start, n_end):
                sub_pieces, sub_nested, _, _ = _item_parts(tokens, sub_start, sub_end)
                if not sub_nested and _is_attachment(sub_pieces):
                    pieces = [*pieces, Piece("br"), *sub_pieces]
                else:
                    separate.append((n_start, n_end))
                    break
        if pieces:
            _read_unit(pieces, hints, line, state, subgroup, kind)
        for n_start, n_end in dict.fromkeys(separate):
            _read_list(tokens, n_start, n_end, state, subgroup)


def _list_items(tokens: list, start: int, end: int) -> list[tuple[int, int]]:
    level = tokens[start].level + 1
    items = []
    i = start + 1
    while i < end:
        if tokens[i].type == "list_item_open" and tokens[i].level == level:
            close = _closing(tokens, i)
            items.append((i, close))
            i = close
        i += 1
    return items


def _item_parts(
    tokens: list, start: int, end: int
) -> tuple[list[Piece], list[tuple[int, int]], list[int], list[str]]:
    """An item's own pieces (its paragraphs), its nested lists, its code fences and the text of its
    ``<details>`` blocks (an abstract, a BibTeX entry: never part of the entry line)."""
    pieces: list[Piece] = []
    nested: list[tuple[int, int]] = []
    fences: list[int] = []
    details: list[str] = []
    open_details = 0  # a <details> element broken by blank lines spans several tokens
    i = start + 1
    while i < end:
        token = tokens[i]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            close = _closing(tokens, i)
            nested.append((i, close))
            i = close + 1
            continue
        if token.type == "html_block" and (open_details or "<details" in token.content.lower()):
            lowered = token.content.lower()
            if not open_details:
                details.append("")
            details[-1] += token.content + "\n"
            open_details = max(0, open_details + lowered.count("<details") - lowered.count("</details>"))
        elif token.type == "inline" and open_details:
            details[-1] += token.content + "\n"
        elif token.type == "inline":
            if pieces:
                pieces.append(Piece("br"))
            pieces.extend(pieces_from_inline(token.children or []))
        elif token.type in ("fence", "code_block"):
            fences.append(i)
        elif token.type == "html_block":
            pieces.extend(pieces_from_html(token.content))
        i += 1
    return pieces, nested, fences, details


_DETAILS_SUMMARY = re.compile(r"(?is)<summary[^>]*>(.*?)</summary>")
_ABSTRACT_SUMMARY = re.compile(r"(?i)\b(abstract|tl;?\s*dr|summary|overview|introduction)\b|摘要")


def _details_abstract(html: str) -> str:
    """The text of ``<details><summary>Abstract</summary>…</details>`` (also TL;DR); empty for other
    details blocks (BibTeX, code, more links)."""
    m = _DETAILS_SUMMARY.search(html)
    if not m or not _ABSTRACT_SUMMARY.search(m.group(1)):
        return ""
    return plain_text(pieces_from_html(html[m.end() :]))


def _label_of(pieces: list[Piece]) -> str:
    """A short caption without paper links ("**Quantization**", "Pruning:") is a sub-group, not a paper."""
    if _has_paper_evidence(pieces) or any(p.kind == "link" and not p.href.startswith("#") for p in pieces):
        return ""
    text = plain_text(pieces).strip().rstrip(":").strip()
    return clean_title(text) if 0 < len(text.split()) <= 8 else ""


def _is_attachment(pieces: list[Piece]) -> bool:
    """A sub-bullet holding only resource links or a short note ("code: [link](…)", "TL;DR: …")."""
    links = [p for p in pieces if p.kind == "link"]
    if any(p.text.strip() and not is_resource_label(p.text) for p in links):
        return False
    text = plain_text([p for p in pieces if p.kind != "link"])
    return (
        bool(links)
        or len(text.split()) <= 3
        or bool(re.match(r"(?i)^\s*(tl;?dr|note|code|paper|abstract|summary)\b", text))
    )


def _is_table_of_contents(tokens: list, items: list[tuple[int, int]]) -> bool:
    anchors = total = 0
    for start, end in items:
        links = [
            t
            for t in tokens[start:end]
            if t.type == "inline"
            for t in (t.children or [])
            if t.type == "link_open"
        ]
        if links:
            total += 1
            anchors += all(str(t.attrs.get("href", "")).startswith("#") for t in links)
    return total > 0 and anchors * 2 > len(items)


def _item_text(tokens: list, item: tuple[int, int]) -> str:
    return " ".join(t.content for t in tokens[item[0] : item[1]] if t.type == "inline")[:200]


# --- tables -----------------------------------------------------------------------------------------


def _read_table(tokens: list, start: int, end: int, state: _State) -> None:
    header: list[list[Piece]] = []
    rows: list[tuple[int, list[list[Piece]]]] = []
    current: list[list[Piece]] | None = None
    row_line = 0
    in_head = False
    for token in tokens[start:end]:
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            current, row_line = [], _line(token)
        elif token.type == "inline" and current is not None:
            current.append(pieces_from_inline(token.children or []))
        elif token.type == "tr_close" and current is not None:
            if in_head:
                header = current
            else:
                rows.append((row_line, current))
            current = None
    _read_rows([plain_text(c) for c in header], rows, state)


def _column_roles(header: list[str]) -> list[str]:
    roles = []
    for text in header:
        role = next((name for name, pattern in _COLUMN_ROLES if pattern.search(text)), "other")
        roles.append(role)
    explicit = [
        i for i, text in enumerate(header) if roles[i] == "title" and re.search(r"(?i)\btitle\b", text)
    ]
    if explicit:  # "| Title | Paper | Code |": beside a Title column, "Paper" holds the paper's link
        roles = [
            "links" if role == "title" and i not in explicit[:1] else role for i, role in enumerate(roles)
        ]
    if "title" not in roles:  # no title column: the first column that is neither a date nor a venue
        for i, role in enumerate(roles):
            if role in ("other", "links", "code"):
                roles[i] = "title"
                break
    return roles


def _read_rows(header: list[str], rows: list[tuple[int, list[list[Piece]]]], state: _State) -> None:
    roles = _column_roles(header) if header else ["title"] + ["other"] * 20
    title_header = next((h for h, r in zip(header, roles, strict=False) if r == "title"), "")
    kind = state.pending_kind or state.sections.kind()
    if (
        kind == "papers"
        and "authors" not in roles
        and "venue" not in roles
        and (
            _NON_PAPER_TITLE_COLUMN.search(title_header)
            or any(re.search(r"(?i)\bstars?\b", h) for h in header)
        )
    ):
        kind = "software"  # a table of tools: name, stars, description
    for line, cells in rows:
        if not any(plain_text(c) or any(p.kind == "link" for p in c) for c in cells):
            continue
        pieces, hints = _row_entry(cells, roles, state)
        _read_unit(pieces, hints, line, state, (), kind)


def _row_entry(cells: list[list[Piece]], roles: list[str], state: _State) -> tuple[list[Piece], Hints]:
    title: list[Piece] = []
    links: list[Piece] = []
    hints = Hints()
    for i, cell in enumerate(cells):
        role = roles[i] if i < len(roles) else "other"
        text = plain_text(cell)
        if role == "title":
            title.extend([Piece("br"), *cell] if title else cell)
        elif role == "authors":
            hints.authors = text
        elif role == "venue":
            hints.venue = hints.venue or body_text(cell)
            links.extend(_as_resources(cell, "paper"))
        elif role == "year":
            hints.year = text
        elif role == "keywords":
            hints.keywords = tuple(k.strip() for k in re.split(r"[,;/]", text) if k.strip())
        elif role in ("links", "code", "other"):
            links.extend(_as_resources(cell, "code" if role == "code" else "link"))
    return (title + [Piece("br")] + links if links else title), hints


def _as_resources(cell: list[Piece], label: str) -> list[Piece]:
    """Links of a code/links column are resources whatever their text ("[[vllm]](…)" is the code)."""
    out = []
    for piece in cell:
        if piece.kind == "link" and not piece.images and not is_resource_label(piece.text):
            out.append(Piece("link", label, piece.href))
        elif piece.kind in ("link", "image"):
            out.append(piece)
    return out


# --- raw HTML and code ------------------------------------------------------------------------------


_HTML_CONTAINERS = ("table", "pre", "ul", "ol", "details")


def _whole_html_block(token, lines: list[str]) -> tuple[str, int]:
    """An HTML block up to the end of the element it opens. markdown-it ends a block at a blank line, so a
    ``<table>`` with blank lines between rows arrives in pieces (some as code blocks when indented).
    Returns the HTML and the 0-based index of its last line."""
    html, last = token.content, token.map[1] - 1
    lowered = html.lower()
    for tag in _HTML_CONTAINERS:
        if lowered.count(f"<{tag}") > lowered.count(f"</{tag}>"):
            closing = f"</{tag}>"
            for j in range(token.map[1], len(lines)):
                if closing in lines[j].lower():
                    return "\n".join(lines[token.map[0] : j + 1]), j
            return "\n".join(lines[token.map[0] :]), len(lines) - 1
    return html, last


def _read_html_block(html: str, line: int, state: _State) -> None:
    lowered = html.lower()
    if "<table" not in lowered and "<li" not in lowered and "<pre" not in lowered and "@" not in html:
        return
    units, pre_texts = parse_html_units(html)
    for pre_line, text in pre_texts:
        if _BIBTEX_START.search(text):
            _read_bibtex(text, line + pre_line - 1, state)
    if not pre_texts and "<details" in lowered and _BIBTEX_START.search(html):
        _read_bibtex(re.sub(r"<[^>]+>", "", html), line, state)
    rows = [u for u in units if u.kind == "row"]
    if rows:
        header: list[str] = []
        if rows[0].header or _looks_like_header(rows[0]):
            header = [plain_text(c) for c in rows.pop(0).cells]
        _read_rows(header, [(line + u.line - 1, u.cells) for u in rows], state)
    for unit in units:
        if unit.kind == "item":
            _read_unit(unit.cells[0], Hints(), line + unit.line - 1, state)


def _looks_like_header(row: HtmlUnit) -> bool:
    return all(
        not any(p.kind in ("link", "image") for p in c) and len(plain_text(c).split()) <= 4 for c in row.cells
    )


_BIBTEX_START = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)


def _read_code(token, state: _State) -> None:
    info = (token.info or "").strip().lower()
    if info in ("bibtex", "bib", "biblatex") or _BIBTEX_START.search(token.content):
        _read_bibtex(token.content, _line(token) + (1 if token.type == "fence" else 0), state)


def _read_bibtex(text: str, line: int, state: _State) -> None:
    """BibTeX inside the list, read by the BibTeX reader; positions moved to the markdown file."""
    source = state.source(line)
    kind = state.pending_kind or state.sections.kind()
    if kind == "skip":  # "cite this repository"
        state.report.skipped.append(
            Skipped(f"BibTeX in section {state.sections.name()!r}", text.strip()[:200], source)
        )
        return
    try:
        from . import bibtex
    except ImportError:
        state.report.unread.append(
            Unread("BibTeX block (no BibTeX reader available)", text.strip()[:200], source)
        )
        state.report.warn("BibTeX block not read: the BibTeX reader is not available", source)
        return
    try:
        records, report = bibtex.read(text, file=state.file)
    except BibconvError as exc:
        state.report.unread.append(Unread(f"unreadable BibTeX: {exc.message}", text.strip()[:200], source))
        state.report.warn(f"unreadable BibTeX block: {exc.message}", source)
        return
    shift = line - 1
    groups = state.sections.group()
    for record in records:
        moved = Source(state.file, record.source.line + shift if record.source.line else line, FORMAT)
        state.records.append(
            record.with_changes(source=moved, groups=tuple(dict.fromkeys(record.groups + groups)))
        )
    for warning in report.warnings:
        state.report.warn(
            warning.message,
            Source(state.file, warning.source.line + shift if warning.source.line else line, FORMAT),
        )
    for unread in report.unread:
        state.report.unread.append(
            Unread(
                unread.reason,
                unread.text,
                Source(state.file, unread.source.line + shift if unread.source.line else line, FORMAT),
            )
        )


# --- one unit ---------------------------------------------------------------------------------------


def _read_unit(
    pieces: list[Piece],
    hints: Hints,
    line: int,
    state: _State,
    subgroup: tuple[str, ...] = (),
    kind: str = "",
) -> None:
    """One row or bullet → a record, or a skipped/unread entry in the report."""
    kind = kind or state.pending_kind or state.sections.kind()
    source = state.source(line)
    text = plain_text(pieces) or " ".join(p.href for p in pieces if p.href)
    if not text:
        return
    if kind == "skip":
        state.report.skipped.append(
            Skipped(f"not a paper: section {state.section_name()!r}", text[:200], source)
        )
        return
    hints.year_heading = state.sections.year()
    groups = state.sections.group(subgroup)
    entry = extract_entry(pieces, hints)
    if entry is None and kind in ("software", "online"):
        state.report.skipped.append(
            Skipped(f"not a paper ({kind}): section {state.section_name()!r}", text[:200], source)
        )
        return
    if entry is None:
        record = _citation_record(body_text(pieces), text, pieces, source, state, groups)
        if record is not None:
            state.records.append(record)
        return
    _report_problems(entry, source, state)
    if kind in ("software", "online") and not is_paper(entry):
        if not state.keep_non_papers:
            state.report.skipped.append(
                Skipped(f"not a paper ({kind}): section {state.section_name()!r}", text[:200], source)
            )
            return
        record = build_record(entry, source, groups, entry_type=kind)
        if not record.url:
            record = record.with_changes(url=record.code_url or record.extra.get("project", ""))
        state.records.append(record)
        return
    state.records.append(build_record(entry, source, groups))


def _report_problems(entry, source: Source, state: _State) -> None:
    for problem in entry.problems:
        state.report.warn(problem, source)


def _citation_record(
    text: str, shown: str, pieces: list[Piece], source: Source, state: _State, groups: tuple[str, ...]
) -> Record | None:
    """A bullet that is a plain reference string, read by the citation parser (engineer C1's module)."""
    if not looks_like_citation(text):
        _unread(state, "no paper title found", shown, source)
        return None
    try:
        from ..citations import parse_citation
    except ImportError:
        parse_citation = None
    record: Record | None = None
    problems: list[str] = []
    if parse_citation is not None:
        parsed = parse_citation(text, source)
        record = parsed.record
        problems = list(getattr(parsed, "problems", []) or [])
        if not getattr(parsed, "ok", True) and (record is None or not record.title):
            record = None
    else:
        record = _fallback_citation(text, source)
        problems = [] if record else ["citation parser not available"]
    if record is None or not record.title:
        _unread(state, "; ".join(problems) or "citation not understood", text, source)
        return None
    for problem in problems:
        state.report.warn(problem, source)
    return record.with_changes(source=source, groups=groups, **_link_fields(record, pieces))


def _link_fields(record: Record, pieces: list[Piece]) -> dict[str, str]:
    """Links next to a citation string (arXiv, code) fill what the string did not say."""
    changes: dict[str, str] = {}
    for piece in pieces:
        if piece.kind != "link":
            continue
        info = classify_url(piece.href)
        if info.kind == "arxiv" and not record.arxiv:
            changes.setdefault("arxiv", info.value)
        elif info.kind == "code" and not record.code_url:
            changes.setdefault("code_url", info.value)
        elif info.kind == "doi" and not record.doi:
            changes.setdefault("doi", info.value)
        elif info.kind == "paper" and not record.url:
            changes.setdefault("url", info.value)
    return changes


_QUOTED = re.compile(r"[\"“](?P<title>[^\"”]{4,}?)[,.]?[\"”]")


def _fallback_citation(text: str, source: Source) -> Record | None:
    """``Authors. "Title." Venue (Year).`` — used only while the shared citation parser is missing."""
    from .md_fields import parse_authors

    m = _QUOTED.search(text)
    if not m:
        return None
    authors = (
        parse_authors(re.sub(r",\s*([A-Z][\w.\- ]*?)(?=,|$)", r" \1", text[: m.start()]).strip(" .")) or ()
    )
    tail = text[m.end() :]
    years = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", tail)
    arxiv = re.search(r"arXiv:(\d{4}\.\d{4,5})", tail)
    return Record(
        entry_type="misc",
        title=m.group("title").strip(),
        author=authors,
        issued=years[0] if years else "",
        container_title="" if arxiv else tail.split("(")[0].strip(" .,"),
        arxiv=arxiv.group(1) if arxiv else "",
        source=source,
    )


def _unread(state: _State, reason: str, text: str, source: Source) -> None:
    state.report.unread.append(Unread(reason, text[:200], source))
    state.report.warn(f"{reason}: {text[:80]}", source)
