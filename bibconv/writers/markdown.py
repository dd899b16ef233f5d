"""Records to an awesome-list paper list in GitHub-flavoured markdown.

The conventions (table row, bullet, badges, escaping, sections) are documented in
``styles/awesome-list.md``; they follow the bundled Awesome-Efficient-LLM list so that the output reads
like the lists people publish and the markdown reader reads it back into the same records.

Layouts: ``table`` (one table per section), ``bullets`` (one bullet per paper), ``references`` (a numbered
reference list per section, each entry rendered in a CSL ``style`` by the csltext writer).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from ..errors import BibconvError
from ..model import Name, Record

__all__ = [
    "write",
    "LAYOUTS",
    "FALLBACK_SECTION",
    "escape_text",
    "paper_url",
    "venue_badge",
    "star_badge",
    "github_repo",
    "section_tree",
]

#: Heading of the section that holds records without any group, when other records have groups.
FALLBACK_SECTION = "Other Papers"
#: The title cell when a record has no title (it is still listed: nothing is dropped).
UNTITLED = "(untitled)"

TABLE_HEADER = "| Title & Authors | Links |\n|:--|:--|"
BADGE_COLOR = "blue"
_GITHUB_REPO = re.compile(
    r"^https?://(?:www\.)?github\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?(?:[/?#].*)?$"
)
# Characters GitHub would read as markup inside a title or an author list (``~`` strikes through, ``$``
# starts math); a backslash makes each literal.
_MARKUP_CHARS = re.compile(r"([\\`*_\[\]<>|~$])")
# An ``&`` that would start an HTML entity (``&amp;``, ``&#38;``) must be escaped too; a lone ``&`` need not.
_ENTITY_START = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_NUMERIC_LABEL = re.compile(r"^(?:\[\d+\]|\d+\.)\s+")


# ---------------------------------------------------------------------------------------------------- text


def escape_text(text: str) -> str:
    """Make ``text`` render literally on GitHub, in a table cell as well as in a list item."""
    collapsed = " ".join(text.split())
    escaped = _MARKUP_CHARS.sub(r"\\\1", collapsed)
    return _ENTITY_START.sub(r"\\&", escaped)


def _escape_url(url: str) -> str:
    """A URL as a link destination: spaces, pipes and unbalanced parentheses would end the link or cell.

    Balanced parentheses are valid in a CommonMark destination and stay, so a DOI like
    ``10.1002/(SICI)1097`` reads back unchanged.
    """
    safe = ":/?#@!$&'*+,;=%~-._" + ("()" if _balanced(url) else "")
    return quote(url.strip(), safe=safe)


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return False
    return depth == 0


def _link(text: str, url: str) -> str:
    return f"[{text}]({_escape_url(url)})"


def authors_text(names: Sequence[Name]) -> str:
    """``Given Family, Given Family, et al.`` as the bundled lists write author lines."""
    return ", ".join(name.display() for name in names if name.display())


# ---------------------------------------------------------------------------------------------------- links


def paper_url(record: Record) -> str:
    """The link of the title: the arXiv abstract page, else the DOI resolver, else the record's URL."""
    if record.arxiv:
        return f"https://arxiv.org/abs/{record.arxiv}"
    if record.doi:
        return f"https://doi.org/{record.doi}"
    return record.url


def _other_links(record: Record) -> list[tuple[str, str]]:
    """Links beyond the title's, so that arXiv id, DOI and URL all survive a round trip."""
    title_url = paper_url(record)
    links: list[tuple[str, str]] = []
    if record.code_url:
        links.append(("Github" if github_repo(record.code_url) else "Code", record.code_url))
    if title_url:
        links.append(("Paper", title_url))
    if record.doi and record.arxiv:
        links.append(("DOI", f"https://doi.org/{record.doi}"))
    if record.url and record.url != title_url:
        links.append(("Publication", record.url))
    return links


def github_repo(url: str) -> tuple[str, str] | None:
    """``(owner, repo)`` of a GitHub repository URL (any page inside the repository), else None."""
    match = _GITHUB_REPO.match(url.strip())
    return (match.group(1), match.group(2)) if match else None


# ---------------------------------------------------------------------------------------------------- badges


def _badge_part(text: str) -> str:
    """A shields.io static-badge path segment: ``-`` and ``_`` doubled, the rest percent-encoded."""
    return quote(text.replace("-", "--").replace("_", "__"), safe="'")


def short_venue(record: Record, lookup: Callable[[str], object | None] | None = None) -> str:
    """The venue as a badge shows it: the record's short title, else the venue table's, else the title."""
    if record.container_title_short:
        return record.container_title_short
    if not record.container_title:
        return ""
    venue = (lookup or _venue_lookup())(record.container_title)
    short = getattr(venue, "abbreviation", "") if venue is not None else ""
    return short or record.container_title


def badge_year(year: str) -> str:
    """``'23`` for 2023 as the awesome lists write it; other centuries in full so the year stays exact."""
    return f"'{year[2:]}" if year.startswith("20") and len(year) == 4 else f" {year}" if year else ""


#: Acceptance notes the lists put in the venue badge (``ACL'23 Outstanding``), by the record's note.
BADGE_QUALIFIERS = {
    "Outstanding paper": "Outstanding",
    "Best paper": "Best Paper",
    "Oral": "Oral",
    "Spotlight": "Spotlight",
    "Highlight": "Highlight",
}


def venue_badge(record: Record, lookup: Callable[[str], object | None] | None = None) -> str:
    """``[![Publish](https://img.shields.io/badge/Conference-ICML'23-blue)]()``, or "" without a venue."""
    venue = short_venue(record, lookup)
    if not venue:
        return ""
    qualifier = BADGE_QUALIFIERS.get(record.note, "")
    message = _badge_part(venue + badge_year(record.year) + (f" {qualifier}" if qualifier else ""))
    return f"[![Publish](https://img.shields.io/badge/{_badge_label(record)}-{message}-{BADGE_COLOR})]()"


def _badge_label(record: Record) -> str:
    return "Journal" if record.entry_type == "article" else "Conference"


def star_badge(code_url: str) -> str:
    """The GitHub star badge linked to the repository, or "" when the code is not on GitHub."""
    repo = github_repo(code_url)
    if repo is None:
        return ""
    owner, name = repo
    image = f"https://img.shields.io/github/stars/{owner}/{name}.svg?style=social&label=Star"
    return f"[![Star]({image})](https://github.com/{owner}/{name})"


def _venue_lookup() -> Callable[[str], object | None]:
    """The shared venue table; without it (not installed yet) venues keep their full names."""
    try:
        from ..data.venues import lookup
    except ImportError:
        return lambda _text: None
    return lookup


# ---------------------------------------------------------------------------------------------------- sections


@dataclass
class Section:
    """A node of the section tree: its own records, then its subsections, both in first-seen order."""

    name: str
    records: list[Record] = field(default_factory=list)
    children: dict[str, Section] = field(default_factory=dict)

    def child(self, name: str) -> Section:
        return self.children.setdefault(name, Section(name))


def _group_path(group: str) -> list[str]:
    return [part.strip() for part in group.split("/") if part.strip()]


def section_tree(records: Sequence[Record]) -> Section:
    """Sections from the records' groups (``A / B`` nests B under A); a record is listed in each group.

    Records without groups sit in the root when nobody has groups, else in ``FALLBACK_SECTION`` (last).
    """
    root = Section("")
    ungrouped: list[Record] = []
    for record in records:
        paths = [path for path in (_group_path(g) for g in record.groups) if path]
        if not paths:
            ungrouped.append(record)
        for path in dict.fromkeys(tuple(p) for p in paths):  # the same group twice lists the paper once
            node = root
            for part in path:
                node = node.child(part)
            node.records.append(record)
    if ungrouped and root.children:
        root.child(FALLBACK_SECTION).records.extend(ungrouped)
    else:
        root.records.extend(ungrouped)
    return root


# ---------------------------------------------------------------------------------------------------- layouts


def _title_link(record: Record, lookup: Callable[[str], object | None]) -> str:
    """The linked (else bold) title, then ``(2024)`` when no venue badge or arXiv id tells the year."""
    title = escape_text(record.title) or UNTITLED
    url = paper_url(record)
    linked = _link(title, url) if url else f"**{title}**"  # bold marks where an unlinked title ends
    year_told = bool(short_venue(record, lookup)) or _arxiv_year(record.arxiv) == record.year
    return f"{linked} ({record.year})" if record.year and not year_told else linked


def _arxiv_year(arxiv: str) -> str:
    """The year of a new-style arXiv id (``2210.17323`` → 2022); old-style ids (``hep-th/9901001``) too."""
    match = re.match(r"^(?:[a-z-]+(?:\.[A-Z]{2})?/)?(\d{2})(\d{2})", arxiv)
    if not match:
        return ""
    yy = int(match.group(1))
    return f"{19 if yy >= 91 else 20}{yy:02d}"


def _badges(record: Record, lookup: Callable[[str], object | None]) -> str:
    return "".join(b for b in (star_badge(record.code_url), venue_badge(record, lookup)) if b)


def table_row(record: Record, lookup: Callable[[str], object | None]) -> str:
    """``|badges<br>[Title](url) <br> Authors |[Github](code) <br> [Paper](url)|``."""
    lines = [part for part in (_badges(record, lookup), _title_link(record, lookup)) if part]
    authors = escape_text(authors_text(record.author))
    cell = "<br>".join(lines) + (f" <br> {authors}" if authors else "")
    links = " <br> ".join(_link(text, url) for text, url in _other_links(record))
    return f"|{cell} |{links}|"


def bullet_item(record: Record, lookup: Callable[[str], object | None]) -> str:
    """``* badges [Title](url). Authors. [[Github]](code)[[Paper]](url)``, as the bundled bullet lists."""
    badges = _badges(record, lookup)
    title = _title_link(record, lookup)
    head = f"{badges} {title}" if badges else title
    authors = escape_text(authors_text(record.author))
    links = "".join(f"[[{text}]]({_escape_url(url)})" for text, url in _other_links(record))
    parts = (
        [head + "."]
        + ([authors + ("" if authors.endswith(".") else ".")] if authors else [])
        + ([links] if links else [])
    )
    return "* " + " ".join(parts)


def _table(records: Sequence[Record], lookup: Callable[[str], object | None], **_: object) -> list[str]:
    return [TABLE_HEADER, *(table_row(r, lookup) for r in records)]


def _bullets(records: Sequence[Record], lookup: Callable[[str], object | None], **_: object) -> list[str]:
    return [bullet_item(r, lookup) for r in records]


def _references(
    records: Sequence[Record], lookup: Callable[[str], object | None], *, style: str, **_: object
) -> list[str]:
    """A numbered list of the entries as the CSL ``style`` renders them (numeric labels give way to it)."""
    from . import csltext

    rendered = csltext.write(list(records), style=style, format="markdown")
    entries = [line.strip() for line in rendered.splitlines() if line.strip()]
    return [f"{n}. {entry}" for n, entry in enumerate(_without_citation_numbers(entries), 1)]


def _without_citation_numbers(entries: list[str]) -> list[str]:
    """Drop a numeric style's labels (``[1]``, ``1.``), recognised as the sequence 1..n opening the entries."""
    labels = [_NUMERIC_LABEL.match(entry) for entry in entries]
    numbers = [re.sub(r"\D", "", m.group(0)) if m else "" for m in labels]
    if not entries or numbers != [str(n) for n in range(1, len(entries) + 1)]:
        return entries
    return [entry[m.end() :] for entry, m in zip(entries, labels, strict=True) if m]


LAYOUTS: dict[str, Callable[..., list[str]]] = {
    "table": _table,
    "bullets": _bullets,
    "references": _references,
}


def _render_section(
    section: Section, level: int, layout: Callable[..., list[str]], blocks: list[str], **options: object
) -> None:
    if section.name:
        blocks.append(f"{'#' * min(level, 6)} {escape_text(section.name)}")
    if section.records:
        blocks.append("\n".join(layout(section.records, **options)))
    for child in section.children.values():
        _render_section(child, level + 1, layout, blocks, **options)


def write(records: Sequence[Record], *, md_layout: str = "table", style: str = "apa", **_: object) -> str:
    """The records as a markdown paper list: sections from their groups, one table row or bullet each."""
    layout = LAYOUTS.get(md_layout)
    if layout is None:
        raise BibconvError(f"unknown markdown layout {md_layout!r} (known: {', '.join(LAYOUTS)})")
    blocks: list[str] = []
    _render_section(section_tree(records), 1, layout, blocks, lookup=_venue_lookup(), style=style)
    return "\n\n".join(blocks) + "\n" if blocks else ""
