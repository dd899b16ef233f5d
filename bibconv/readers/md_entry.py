"""One paper-list entry (a bullet, a table row, an HTML row) from its pieces to a ``Record``.

The pieces are first sorted into badges, resource links ("[Paper]", "[Github]") and a body — the visible
text with the spans of its remaining links and styles. The title is the earliest of the first body link,
the first bold span and a leading quotation; the author line follows it; the venue comes from a badge, a
column, a bracketed or styled span, or the tail of the author line. Years are read, never invented: the
venue's, the year column's, a year heading's, else the arXiv id's (marked inferred).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Name, Record, Source
from .md_fields import (
    VenueInfo,
    classify_url,
    clean_title,
    is_badge_src,
    is_resource_label,
    parse_authors,
    parse_badge,
    parse_venue,
    strip_decorations,
    venue_from_url,
    year_from_arxiv,
)
from .md_pieces import Piece

__all__ = ["Hints", "Entry", "extract_entry", "build_record", "looks_like_citation", "body_text", "is_paper"]

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_GENERIC_BADGES = {"paper", "code", "star", "stars", "license", "arxiv", "github", "project", "pdf", "demo",
                   "website", "huggingface", "hugging face", "model", "models", "blog", "page", "project page",
                   "colab", "open in colab", "dataset", "video", "slides", "poster", "python", "pytorch"}  # fmt: skip
_VENUE_BADGE_LABELS = {"conference", "publish", "published", "venue", "journal", "accepted", "pub", "conf",
                       "publication", "workshop", "accept"}  # fmt: skip
_KEYWORD_BADGE_LABELS = {"type", "tag", "topic", "category", "keyword", "task", "method"}
_BRACKETED = re.compile(r"[\[【(]([^\[\]【】()]{2,60})[\]】)]")
_LEAD_SEPARATORS = re.compile(r"^[\s.,:;|\-–—\"”’']+|^\s*by\s+", re.IGNORECASE)
_ARXIV_BADGE = re.compile(r"^\d{4}\.\d{4,5}(v\d+)?$")
_LEADING_QUOTE = re.compile(r"\s*[\"“«]([^\"”»]{4,})[\"”»]")
_BRACKET_PREFIX = re.compile(r"^(?:\d{1,4}[.)]\s+)?[\[【(]([^\[\]【】()]{1,60})[\]】)]\s*[:\-–]?\s*")
_COLON_PREFIX = re.compile(r"^([^:\n]{2,40}):\s+")
_NUMBERING = re.compile(r"^\d{1,4}[.)]\s+")
_AUTHOR_TAIL_SPLIT = re.compile(r"(?<=[^\W\d_]{2})\.\s+|,\s*|\s+[-–—|·•]\s+|\s+(?=\()")
_CLAUSE_SPLIT = re.compile(r"(?<=[^\W\d_]{2})\.\s+|,\s+|\s+[-–—|·•]\s+")
_YEAR_ONLY = re.compile(r"\s*\(?((?:19|20)\d{2})\)?[.\s]*")
_BRACKETED_YEAR = re.compile(r"[\[(【]\s*((?:19|20)\d{2})\s*[\])】]")


@dataclass(slots=True)
class Hints:
    """What the context says about an entry: table columns, a year heading."""

    authors: str = ""
    venue: str = ""
    year: str = ""
    year_heading: str = ""
    keywords: tuple[str, ...] = ()
    abstract: str = ""  # from a <details> block of the entry


@dataclass(slots=True)
class Entry:
    """The fields found so far in one entry; ``build_record`` turns them into a ``Record``."""

    title: str = ""
    authors: tuple[Name, ...] = ()
    venue: VenueInfo | None = None
    venue_literal: str = ""
    container_literal: str = ""
    year: str = ""
    year_inferred: bool = False
    doi_inferred: bool = False
    arxiv: str = ""
    doi: str = ""
    url: str = ""
    code_url: str = ""
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # reported as warnings by the caller
    keywords: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)
    abstract: str = ""


@dataclass(slots=True)
class _Body:
    """Visible text of an entry, with the spans of its links and styled runs."""

    text: str = ""
    links: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, href
    styles: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, style

    def add(self, value: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += value
        return start, len(self.text)


# --- reading the pieces -----------------------------------------------------------------------------


def _apply_link(entry: Entry, href: str, label: str = "") -> None:
    """A link that is not the title: record what it points to (label words disambiguate unknown hosts)."""
    info = classify_url(href)
    low = label.lower()
    if info.kind == "arxiv":
        entry.arxiv = entry.arxiv or info.value
    elif info.kind == "doi":
        entry.doi = entry.doi or info.value
    elif info.kind == "code":
        if "unofficial" in low or "reproduc" in low or "third" in low:
            entry.extra.setdefault("unofficial_code", info.value)
        else:
            entry.code_url = entry.code_url or info.value
    elif info.kind == "paper":
        entry.url = entry.url or info.value
    elif info.kind == "project":
        if any(w in low for w in ("paper", "pdf", "proceeding", "publication")):
            entry.url = entry.url or info.value
        elif any(w in low for w in ("code", "github", "repo", "implementation")):
            entry.code_url = entry.code_url or info.value
        elif any(w in low for w in ("project", "homepage", "website", "page", "site", "demo")) or not low:
            entry.extra.setdefault("project", info.value)
        else:
            entry.extra.setdefault(_extra_name(low), info.value)
    for name, value in info.extra:
        if name == "doi":  # derived from an ACL Anthology id, not read
            if not entry.doi:
                entry.doi, entry.doi_inferred = value, True
        elif name != "url":
            entry.extra.setdefault(name, value)


def _extra_name(label: str) -> str:
    words = re.findall(r"[a-z]+", label)
    return "_".join(words[:2]) or "link"


def _apply_badge(entry: Entry, src: str, alt: str) -> None:
    badge = parse_badge(src)
    if badge is None:
        return
    if badge.repo:
        entry.code_url = entry.code_url or badge.repo
        return
    label, message = badge.label.lower(), badge.message
    if not message:
        return
    if label == "arxiv" and _ARXIV_BADGE.match(message):
        entry.arxiv = entry.arxiv or message.split("v")[0]
        return
    if label in _VENUE_BADGE_LABELS or alt.lower() in _VENUE_BADGE_LABELS:
        venue = parse_venue(message, require_year=False)
        if venue is not None and entry.venue is None:
            entry.venue = venue
        elif venue is None:
            entry.venue_literal = entry.venue_literal or message
        return
    if label in _KEYWORD_BADGE_LABELS or alt.lower() in _KEYWORD_BADGE_LABELS:
        _add_keyword(entry, message)
        return
    venue = parse_venue(message, strict=True)
    if venue is not None:
        entry.venue = entry.venue or venue
    elif not label and message.lower() not in _GENERIC_BADGES and not re.search(r"\d", message):
        _add_keyword(entry, message)


def _add_keyword(entry: Entry, word: str) -> None:
    if word and word not in entry.keywords:
        entry.keywords.append(word)


def _read_pieces(pieces: list[Piece], entry: Entry) -> tuple[_Body, list[str]]:
    """Badges and resource links go into ``entry``; the rest becomes the body. Returns venue-link labels."""
    body = _Body()
    venue_labels: list[str] = []
    for piece in _unbracketed(pieces):
        if piece.kind == "br":
            body.add("\n")
        elif piece.kind == "text":
            start, end = body.add(piece.text)
            if piece.style and piece.text.strip():
                body.styles.append((start, end, piece.style))
        elif piece.kind == "image":
            if is_badge_src(piece.href):
                _apply_badge(entry, piece.href, piece.text)
        elif piece.kind == "link":
            _read_link(piece, entry, body, venue_labels)
    return body, venue_labels


_OPENERS = {"[": "]", "(": ")", "【": "】"}


def _unbracketed(pieces: list[Piece]) -> list[Piece]:
    """``[[Paper](url)]`` → the link alone: brackets around a link are markup, not text."""
    out = pieces
    for i in range(1, len(pieces) - 1):
        before, link, after = out[i - 1], out[i], out[i + 1]
        if link.kind != "link" or before.kind != "text" or after.kind != "text":
            continue
        opener = before.text.rstrip()[-1:]
        if opener in _OPENERS and after.text.lstrip().startswith(_OPENERS[opener]):
            if out is pieces:
                out = list(pieces)  # the caller's pieces stay as they were
            out[i - 1] = Piece("text", before.text.rstrip()[:-1] + " ", style=before.style)
            out[i + 1] = Piece("text", " " + after.text.lstrip()[1:], style=after.style)
    return out


def _read_link(piece: Piece, entry: Entry, body: _Body, venue_labels: list[str]) -> None:
    if piece.images:
        for src, alt in piece.images:
            if is_badge_src(src):
                _apply_badge(entry, src, alt)
        if piece.href:
            _apply_link(entry, piece.href, piece.text or " ".join(alt for _, alt in piece.images))
        if piece.text.strip() and not is_resource_label(piece.text):
            body.links.append((*body.add(piece.text), ""))
        else:
            body.add("\n")
        return
    label = piece.text.strip()
    if not label:
        if piece.href:
            _apply_link(entry, piece.href)
        return
    if is_resource_label(label):
        _apply_link(entry, piece.href, label)
        body.add("\n")
        return
    if parse_venue(label, strict=True, require_year=False) is not None and len(label.split()) <= 4:
        # "[[NeurIPS](url)] Title": the venue is the link text, the link goes to the paper.
        venue_labels.append(label)
        body.add(f"[{label}] ")
        _apply_link(entry, piece.href, "paper")
        return
    body.links.append((*body.add(label), piece.href))


# --- title, authors, venue --------------------------------------------------------------------------


def _title_span(body: _Body) -> tuple[int, int, str] | None:
    """The earliest of: first link, first bold/underlined span, a leading quotation."""
    candidates: list[tuple[int, int, str]] = []
    for start, end, href in body.links:
        if len(clean_title(body.text[start:end])) >= 2:
            candidates.append((start, end, href))
            break
    for start, end, style in body.styles:
        value = body.text[start:end]
        if style in ("strong", "em") and len(value.split()) >= 2 and parse_venue(value, strict=True) is None:
            if start and body.text[:start].strip() and parse_authors(value) is not None:
                continue  # "**[ICCV 2023]** Title. *Authors*": the italic span after the title is the authors
            candidates.append((start, end, ""))
            break
    if '"' in body.text or "“" in body.text or "«" in body.text:  # most entries have no quotation
        lead = len(body.text) - len(_strip_prefix(body.text))
        m = _LEADING_QUOTE.match(body.text[lead:])
        if m:
            candidates.append((lead + m.start(1), lead + m.end(1), ""))
    return min(candidates, key=lambda c: c[0]) if candidates else None


_LEADING_DECORATION = re.compile(
    "^(?:\\s|:[a-z0-9_+\\-]+:|[\u2190-\u21ff\u2300-\u23ff\u2460-\u24ff\u25a0-\u27bf\u2900-\u297f"
    "\u2b00-\u2bff\U0001f000-\U0001faff\u200d\ufe0e\ufe0f\u20e3])+"
)


def _strip_prefix(text: str, entry: Entry | None = None) -> str:
    """Drop a leading ``[Venue Year]`` / ``(Year)`` / ``Venue Year:`` and list numbering from a body; a
    leading ``[Nickname]`` before a longer title is the short title (kept in ``entry`` when given)."""
    stripped = _LEADING_DECORATION.sub("", text)  # only a prefix goes: callers compute offsets from lengths
    for _ in range(3):
        m = _BRACKET_PREFIX.match(stripped)
        if not m:
            break
        inner = m.group(1).strip()
        if not (parse_venue(inner, require_year=False) or _YEAR.fullmatch(inner)):
            if len(inner.split()) > 3 or len(stripped[m.end() :].split()) < 3:
                break
            if entry is not None:
                entry.extra.setdefault("shorttitle", inner.strip("*_ "))
        stripped = stripped[m.end() :]
    m = _COLON_PREFIX.match(stripped)
    if m and parse_venue(m.group(1), strict=True):
        stripped = stripped[m.end() :]
    return _NUMBERING.sub("", stripped)


_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2}[.?!])\s+")
_DASH_SEPARATOR = re.compile(r"\s+[-–—|]\s+")
_COMMA_SEPARATOR = re.compile(r",\s+")
_TRAILING_GROUP = re.compile(r"\s*[(\[]([^()\[\]]{2,80})[)\]][\s.,]*$")


_AFFILIATION = re.compile(r"\s*\(@\s*([^()]+)\)\s*$")


def _split_affiliation(title: str) -> tuple[str, str]:
    """``Title(@Stanford University etc)`` → the title and the affiliation (Awesome-LLM-Inference style)."""
    m = _AFFILIATION.search(title)
    if not m:
        return title, ""
    return title[: m.start()], re.sub(r"\s+etc\.?$", "", m.group(1).strip())


def _plain_title(text: str) -> tuple[str, str]:
    """An unlinked, unstyled title: the first line, cut where an author list or a venue starts, or before a
    trailing "(Venue Year)" / "(Author et al., Year)". Returns title, rest."""
    line, _, after = text.strip().partition("\n")
    for separator in (_SENTENCE_END, _DASH_SEPARATOR, _COMMA_SEPARATOR):
        for m in separator.finditer(line):
            head, tail = line[: m.start()], line[m.end() :]
            if len(head.split()) < 2:
                continue
            first_clause = _CLAUSE_SPLIT.split(tail, maxsplit=1)[0]
            if (
                _authors_in(tail) is not None
                or parse_venue(first_clause, strict=True) is not None
                or (separator is _SENTENCE_END and _lone_year(tail))  # "Title. *ICLR*, 2017." (venue taken)
            ):
                return head, tail + "\n" + after
    m = _TRAILING_GROUP.search(line)
    if m and len(line[: m.start()].split()) >= 2 and _YEAR.search(m.group(1)):
        return line[: m.start()], m.group(1) + "\n" + after
    return line, after


_NICKNAME = re.compile(r"^\s*(?:\d{1,4}[.)]\s+)?(\w[^:\n\[\]()]{0,30}?)\s*:\s*$")


def _nickname(before: str) -> str:
    """``<u>GLM</u>: **"GLM-130B: …"**``: a short name and a colon before the title is its short title."""
    m = _NICKNAME.match(before)
    if not m or len(m.group(1).split()) > 3 or is_resource_label(m.group(1)):  # "Paper: [Title](…)"
        return ""
    if parse_venue(m.group(1), strict=True, require_year=False):
        return ""
    return m.group(1)


def _lone_year(text: str) -> str:
    """The year of a first line that is nothing but a year and punctuation (", 2015.")."""
    line = text.lstrip(" \n.,;:|-–—").partition("\n")[0]
    m = _YEAR_ONLY.fullmatch(line.rstrip(" ,;:")) if len(line) < 16 else None
    return m.group(1) if m else ""


def _authors_in(text: str) -> tuple[tuple[Name, ...], str] | None:
    """Authors at the start of ``text`` (a venue or year may follow them). Returns names and the tail."""
    line = _first_line(text)
    if not line:
        return None
    names = parse_authors(line)
    if names is not None:
        return names, ""
    for m in reversed(list(_AUTHOR_TAIL_SPLIT.finditer(line))):
        head, tail = line[: m.start()], line[m.end() :]
        names = parse_authors(head)
        if names is not None and len(head) > 3:
            return names, tail
    return None


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip(" .,;:|-–—"):
            return _LEAD_SEPARATORS.sub("", line).strip()
    return ""


def _find_venue(texts: list[str], entry: Entry) -> None:
    """The first bracketed or free-standing venue in the given texts (styled spans, prefixes, tails); a
    venue with a year first, else a bracketed venue marker without one ("[ECCV] Title" under a year
    heading)."""
    if entry.venue is not None:
        return
    for text in texts:
        pieces = [p for line in text.split("\n") for p in _CLAUSE_SPLIT.split(line)]
        candidates = [m.group(1) for m in _BRACKETED.finditer(text)] + [text, *text.split("\n"), *pieces]
        for candidate in candidates:
            candidate = candidate.strip()
            if not candidate or len(candidate.split()) > 12:
                continue
            venue = parse_venue(candidate, strict=True)
            if venue is not None:
                entry.venue = venue
                return
    for text in texts:
        for m in _BRACKETED.finditer(text):
            if _is_venue_marker(m.group(1)):
                venue = parse_venue(m.group(1).strip(), strict=True, require_year=False)
                if venue is not None:
                    entry.venue = venue
                    return


def body_text(pieces: list[Piece]) -> str:
    """The visible text of an entry without its badges and resource links (what a citation parser reads)."""
    entry = Entry()
    body, _ = _read_pieces(pieces, entry)
    return " ".join(body.text.split())


_CITATION_SHAPE = re.compile(
    r"^\s*(?:[^\W\d_][\w'\-]+,\s+[^\W\d_]|[^\W\d_][\w'\-]+\s+(?:[A-Z]\.\s*)+[,(])|[^\s\"“]\s*[\"“][^\"”]{8,}[\"”]",
)


def looks_like_citation(text: str) -> bool:
    """A plain reference string ("Han, Song, et al. "EIE: …" ISCA 2016.") — to be read by the text parser."""
    return bool(_YEAR.search(text)) and bool(_CITATION_SHAPE.search(text))


def extract_entry(pieces: list[Piece], hints: Hints) -> Entry | None:
    """The fields of one entry, or None when no title can be found (the caller reports it)."""
    entry = Entry(abstract=hints.abstract)
    body, venue_labels = _read_pieces(pieces, entry)
    _take_styled_venues(body, entry)
    span = _title_span(body)
    if span is not None:
        start, end, href = span
        title, before, rest = body.text[start:end], body.text[:start], body.text[end:]
        if href:
            _apply_title_link(entry, href)
        if nickname := _nickname(before):
            entry.extra.setdefault("shorttitle", nickname)
    else:
        text = body.text
        if looks_like_citation(" ".join(text.split())):
            return None
        stripped = _strip_prefix(text, entry)
        before = text[: max(0, len(text) - len(stripped))]
        title, rest = _plain_title(stripped)
        title, affiliation = _split_affiliation(title)
        if affiliation:
            entry.extra.setdefault("affiliation", affiliation)
    entry.title = clean_title(" ".join(title.split()))
    if len(entry.title) < 2:
        return None
    rest = strip_decorations(rest)
    entry.year = _lone_year(rest)
    _read_venue(entry, hints, body, before, rest, venue_labels, span[:2] if span else None)
    if hints.authors:
        entry.authors = parse_authors(hints.authors) or ()
        if not entry.authors:
            entry.extra.setdefault("author_text", " ".join(hints.authors.split()))
    else:
        found = _authors_in(_without_venue(rest))
        if found is not None:
            entry.authors, tail = found
            _find_venue([tail], entry)
            if entry.venue is None:  # "…, Ali Kemal Sinop. ICML." under a year heading
                entry.venue = _bare_venue(tail)
            _read_year(entry, tail)
            if _not_understood(tail):
                entry.problems.append(f"text after the authors not read: {' '.join(tail.split())[:80]}")
    for keyword in hints.keywords:
        _add_keyword(entry, keyword)
    context = before + " " + rest
    # A bare line of text ("TBD", a remark) is not a recognisable paper, even in a row with a date or
    # under a year heading: only what the entry itself says counts.
    evidence = span is not None or _has_evidence(entry) or bool(_bracketed_year(context))
    _settle_year(entry, hints, context)
    return entry if evidence else None


def _bare_venue(tail: str) -> VenueInfo | None:
    """A venue without a year written as a marker ("ICML", "NeurIPS Oral") in the clauses after authors."""
    for clause in _CLAUSE_SPLIT.split(tail):
        clause = clause.strip(" .,;:()[]")
        if clause and _is_venue_marker(clause):
            venue = parse_venue(clause, strict=True, require_year=False)
            if venue is not None:
                return venue
    return None


def _not_understood(tail: str) -> bool:
    """A tail after an author list that holds words (not just a year or punctuation): a name the author
    parser refused, for instance, which must not vanish without a word."""
    for clause in _CLAUSE_SPLIT.split(tail):
        clause = clause.strip(" .,;:()[]")
        if not re.search(r"[^\W\d_]{2}", _YEAR.sub(" ", clause)):
            continue
        if parse_venue(clause, strict=True, require_year=False) is None and not _YEAR_ONLY.fullmatch(clause):
            return True
    return False


def is_paper(entry: Entry) -> bool:
    """Evidence that an entry of a tools/blogs section is a paper after all."""
    return bool(entry.arxiv or entry.doi or entry.url or (entry.venue and entry.venue.kind != "preprint"))


def _has_evidence(entry: Entry) -> bool:
    return bool(
        entry.authors or entry.venue or entry.year or entry.arxiv or entry.doi or entry.url or entry.code_url
    )


def _take_styled_venues(body: _Body, entry: Entry) -> None:
    """``<ins>NeurIPS 2022</ins>``, ``<sup>ICML'23</sup>``, ``**[ICLR]**``: a styled venue is not title text."""
    for start, end, style in body.styles:
        if style == "strong" and not _is_venue_marker(body.text[start:end]):
            continue  # bold text is usually the title: only a real badge ("**[ICLR'23]**") is a venue
        venue = parse_venue(body.text[start:end], strict=True, require_year=False)
        if venue is None:
            continue
        if entry.venue is None:
            entry.venue = venue
        body.text = body.text[:start] + " " * (end - start) + body.text[end:]


_MARKER_WORD = re.compile(r"[A-Z][A-Za-z]*[A-Z]|(?:19|20)\d{2}|'\d{2}")


def _is_venue_marker(text: str) -> bool:
    """A bold span that is a venue marker: short, and written as one (an acronym such as ICLR/NeurIPS or a
    year) — not a title such as "Tcad Design of Transistors" whose first word a venue table knows."""
    words = text.strip(" []【】()").split()
    return (
        0 < len(words) <= 4
        and bool(_MARKER_WORD.search(text))
        and not any(w[:1].islower() and len(w) > 3 for w in words)
    )


def _apply_title_link(entry: Entry, href: str) -> None:
    info = classify_url(href)
    if info.kind == "project":
        entry.extra.setdefault("project", info.value)
    else:
        _apply_link(entry, href, "paper")


def _without_venue(text: str) -> str:
    return _BRACKETED.sub(
        lambda m: (
            " " if parse_venue(m.group(1), strict=True) or _YEAR.fullmatch(m.group(1).strip()) else m.group(0)
        ),
        text,
    )


def _read_venue(
    entry: Entry,
    hints: Hints,
    body: _Body,
    before: str,
    rest: str,
    venue_labels: list[str],
    title_span: tuple[int, int] | None = None,
) -> None:
    """The venue from a column hint, styled spans other than the title, the text around the title."""
    if entry.venue is None and hints.venue.strip():
        entry.venue = parse_venue(hints.venue, require_year=False)
        if entry.venue is None:
            entry.container_literal = " ".join(hints.venue.split())
    styled = [
        body.text[s:e]
        for s, e, style in body.styles
        if style in ("ins", "sup", "code", "em", "strong")
        and not (title_span and s < title_span[1] and e > title_span[0])
    ]
    _find_venue(styled + [before] + venue_labels + [rest], entry)
    if entry.venue is None:
        for label in venue_labels:
            entry.venue = parse_venue(label, require_year=False)
            if entry.venue is not None:
                break


_LITERAL_JOURNAL = re.compile(r"(?i)\b(journal|transactions|letters|magazine|review)\b")
_LITERAL_PROCEEDINGS = re.compile(r"(?i)\b(conference|proceedings|symposium|workshop|meeting)\b")


def _literal_kind(container: str) -> str:
    if _LITERAL_JOURNAL.search(container):
        return "article"
    return "inproceedings" if _LITERAL_PROCEEDINGS.search(container) else "misc"


def _read_year(entry: Entry, text: str) -> None:
    if not entry.year and (m := _YEAR_ONLY.fullmatch(text)):
        entry.year = m.group(1)


def _settle_year(entry: Entry, hints: Hints, context: str) -> None:
    if entry.venue is not None and entry.venue.year:
        entry.year = entry.venue.year
    if entry.year:
        return
    for text in (hints.year, _bracketed_year(context), hints.year_heading):
        if m := _YEAR.search(text or ""):
            entry.year = m.group(1)
            return
    if entry.arxiv and (year := year_from_arxiv(entry.arxiv)):
        entry.year, entry.year_inferred = year, True


def _bracketed_year(text: str) -> str:
    m = _BRACKETED_YEAR.search(text)
    return m.group(1) if m else ""


# --- the record -------------------------------------------------------------------------------------


def build_record(entry: Entry, source: Source, groups: tuple[str, ...], entry_type: str = "") -> Record:
    """Turn the fields of an entry into a ``Record`` (venue kinds decide the entry type)."""
    fields: dict[str, str] = {}
    if entry.venue is None and not (entry.container_literal or entry.venue_literal) and entry.url:
        entry.venue = venue_from_url(entry.url)  # "openaccess.thecvf.com/content/CVPR2022/…"
        if entry.venue is not None and entry.venue.year and (not entry.year or entry.year_inferred):
            entry.year, entry.year_inferred = entry.venue.year, False
    venue = entry.venue
    notes = list(entry.notes)
    kind = "misc"
    if venue is not None and venue.kind != "preprint":
        year = venue.year or entry.year
        kind = "article" if venue.kind == "journal" else "inproceedings"
        fields["container_title_short"] = venue.short
        if venue.findings:
            fields["container_title"] = f"{venue.canonical} {year}".strip()
        elif venue.kind == "workshop" and not venue.workshop and venue.canonical != venue.short:
            fields["container_title"] = venue.canonical  # a workshop venue of the table ("CVPR Workshop")
        elif venue.kind == "workshop":
            name = venue.workshop if venue.workshop != "Workshop" else ""
            where = f"{venue.short} {year}".strip()
            fields["container_title"] = f"{name} Workshop at {where}" if name else f"{where} Workshop"
            fields["event_title"] = venue.canonical
            if name:
                entry.extra.setdefault("workshop", name)
        else:
            fields["container_title"] = venue.canonical
        if venue.note:
            notes.append(venue.note)
    elif entry.container_literal:  # a venue column the venue table does not know: kept as written
        fields["container_title"] = entry.container_literal
        kind = _literal_kind(entry.container_literal)
    elif entry.venue_literal:  # a "Conference-Under Review" badge
        notes.append(entry.venue_literal)
    extra = dict(entry.extra)
    return Record(
        entry_type=entry_type or kind,
        title=entry.title,
        abstract=entry.abstract,
        author=entry.authors,
        issued=entry.year,
        doi=entry.doi,
        arxiv=entry.arxiv,
        url=entry.url,
        code_url=entry.code_url,
        note="; ".join(dict.fromkeys(n for n in notes if n)),
        keywords=tuple(entry.keywords),
        groups=groups,
        extra=extra,
        inferred=frozenset(
            name for name, flag in (("issued", entry.year_inferred), ("doi", entry.doi_inferred)) if flag
        ),
        source=source,
        **fields,
    )
