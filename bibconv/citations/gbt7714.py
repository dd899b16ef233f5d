"""China's national citation standard, GB/T 7714 (2005/2015), read by its own grammar.

Every reference carries a document-type code right after its title — ``[J]`` journal article, ``[C]``
conference paper, ``[M]`` book, ``[D]`` thesis, ``[R]`` report, ``[EB/OL]`` online resource, … — and then
fixed punctuation: ``Authors. Title[J]. Journal, Year, Volume(Issue): Pages.``, ``Authors. Title[C]//
Proceedings. Place: Publisher, Year: Pages.``, ``Authors. Title[M]. Edition. Place: Publisher, Year.``.
Where the code is present the structure is certain, so these references are read by that grammar rather
than by the labeller, which has seen few of them; full-width punctuation (``，：（）．``) is accepted.
Names: ``HE K, ZHANG X`` (upper-case family name, initials without periods) and Chinese names, which are
kept whole as the family name, the way Chinese BibTeX files write them.
"""

from __future__ import annotations

import re

from ..model import OTHERS, Name, Record, Source
from ..report import NOWHERE
from . import fields

__all__ = ["looks_like_gbt7714", "parse_gbt7714"]

_TYPE_CODE = re.compile(
    r"\[(?P<code>J|C|M|D|R|P|S|N|A|G|Z|K|CP|DB|EB|DS|CM)(?:/(?P<medium>OL|CD|MT|DK|MF))?\]"
    r"(?=\s*(?:[.．,，]|//|$))"  # the code closes the title: "k[M]-modules" is not one
)
_ENTRY_TYPES = {
    "J": "article",
    "N": "article",
    "C": "inproceedings",
    "A": "incollection",
    "M": "book",
    "G": "book",
    "K": "book",
    "D": "phdthesis",
    "R": "techreport",
}
_FULL_WIDTH = str.maketrans({"，": ", ", "：": ": ", "（": "(", "）": ")", "．": ". ", "。": ". ", "；": "; "})
_CJK = re.compile(r"[\u3400-\u9fff\uac00-\ud7af\u3040-\u30ff]")


def looks_like_gbt7714(text: str) -> bool:
    """A GB/T 7714 reference: a document-type code attached to the end of a title."""
    match = _TYPE_CODE.search(text)
    return match is not None and match.start() > 0 and not text[match.start() - 1].isspace()


def parse_gbt7714(text: str, source: Source = NOWHERE) -> Record | None:
    """The record of a GB/T 7714 reference, or None when ``text`` does not follow the standard's grammar."""
    text = " ".join(text.translate(_FULL_WIDTH).split())
    match = _TYPE_CODE.search(text)
    if match is None:
        return None
    code, medium = match.group("code"), match.group("medium") or ""
    head = text[: match.start()]
    authors, title = _authors_and_title(head)
    if not title:
        return None
    book_editors = _editors(head[: head.index(". ")]) if not authors and _EDITED_HEAD.match(head) else ()
    tail = text[match.end() :].strip()
    doi = fields.find_doi(tail)
    url = fields.find_url(tail)
    found = _read_tail(code, tail)
    if found is None:
        return None
    entry_type = _ENTRY_TYPES.get(code, "misc")
    if code == "D" and re.search(r"硕士|master", tail, re.IGNORECASE):
        entry_type = "mastersthesis"
    if medium and code in ("EB", "DB"):
        entry_type = "misc"
    if book_editors:
        found["editor"] = book_editors
    return Record(
        entry_type=entry_type,
        title=title,
        author=authors,
        source=source,
        doi=doi,
        url=url if url and not (doi and doi in url) else "",
        arxiv=fields.find_arxiv(tail, doi),
        **found,
    )


_EDITED_HEAD = re.compile(r"^[^.]+?[,\s]*(?:eds?|主编|编)\.\s", re.IGNORECASE)
_ET_AL = re.compile(r"[,\s]*(?:et\s+al\.?|等)\s*$", re.IGNORECASE)


def _authors_and_title(head: str) -> tuple[tuple[Name, ...], str]:
    """``HE K, ZHANG X, et al. Deep residual learning`` → names and title; the names end at the first
    period (GB/T writes initials without one)."""
    head = head.strip()
    cut = re.search(r"\.\s+", head)  # "et al." comes last, so its period ends the names too
    if cut is None:
        return (), fields.clean_title(head)
    names_text, title = head[: cut.start()], head[cut.end() :]
    if _EDITOR_MARK.search(names_text):
        return (), fields.clean_title(title)  # an edited book: its editors are read by the caller
    names = [_name(part) for part in _ET_AL.sub("", names_text).split(",") if part.strip()]
    if not all(names):
        if "," not in names_text and len(names_text.split()) <= 8:
            return (Name(literal=names_text.strip()),), fields.clean_title(title)  # "OpenAI. GPT-4 …"
        return (), fields.clean_title(head)  # not a name list: no authors, the whole head is the title
    others = bool(_ET_AL.search(names_text))
    return tuple(names) + ((OTHERS,) if others else ()), fields.clean_title(title)


_LATIN_NAME = re.compile(r"^(?P<family>[A-Za-zÀ-ÿ'’\- ]+?)\s+(?P<initials>(?:[A-Z]\.?[\s-]?){1,3})$")


def _name(part: str) -> Name | None:
    part = part.strip()
    if _CJK.search(part):
        return Name(family=part) if len(part) <= 12 and " " not in part else None
    match = _LATIN_NAME.match(part)
    if match is None:
        return None
    family = match.group("family")
    if family.isupper():
        family = "-".join(w.capitalize() for w in family.split("-")).title()
    initials = " ".join(f"{ch}." for ch in re.findall(r"[A-Z]", match.group("initials")))
    return Name(family=family, given=initials)


_JOURNAL_TAIL = re.compile(
    r"^[.\s]*(?P<journal>[^,]+?),\s*(?P<year>\d{4})[a-z]?"
    r"(?:,\s*(?P<volume>[^(:,.]+?))?\s*(?:\((?P<issue>[^)]+)\))?\s*(?::\s*(?P<pages>[\w–—\-+,]+?))?\s*(?:\[[^\]]*\])?\s*(?:[.;]|$)"
)
# "Place: Publisher, Year: Pages" — the publication facts of a book, thesis, report or proceedings.
_FACTS = re.compile(
    r"(?:(?P<place>[^:.]{1,40}?):\s*)?(?P<publisher>[^:]+?),\s*(?P<year>\d{4})[a-z]?"
    r"(?:\s*\([^)]*\))?(?::\s*(?P<pages>[\w–—\-+,]+?))?\s*(?:\[[^\]]*\])?\s*(?:[.;]|$)"
)


def _read_tail(code: str, tail: str) -> dict[str, object] | None:
    if code in ("J", "N"):
        match = _JOURNAL_TAIL.match(tail)
        if match is None:
            return None
        return {
            "container_title": fields.clean_container(match.group("journal")),
            "issued": match.group("year"),
            "volume": (match.group("volume") or "").strip(),
            "issue": (match.group("issue") or "").strip(),
            "page": fields.parse_pages(match.group("pages") or ""),
        }
    container, editors = "", ()
    if tail.startswith("//"):
        container, editors, tail = _container_part(tail[2:])
    body = tail.lstrip(". ")
    sentences = re.split(r"\.\s+", body)
    edition = ""
    if sentences and re.match(r"^\d+(?:st|nd|rd|th)?\s*(?:版|ed|edn)\.?$|^第\d+版$", sentences[0], re.I):
        edition = re.sub(r"\D", "", sentences[0])
        body = body[len(sentences[0]) :].lstrip(". ")
    facts = _FACTS.search(body)
    year = facts.group("year") if facts else ""
    if not year:
        year_match = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", body)
        year = year_match.group(1) if year_match else ""
    return {
        "container_title": container,
        "editor": editors,
        "edition": edition,
        "publisher": fields.clean_text(facts.group("publisher")) if facts else "",
        "publisher_place": fields.clean_text(facts.group("place") or "") if facts else "",
        "issued": year,
        "page": fields.parse_pages(facts.group("pages") or "") if facts else "",
    }


def _container_part(text: str) -> tuple[str, tuple[Name, ...], str]:
    """``SMITH J, ed. Proceedings of X. Las Vegas: IEEE, 2016: 770-778.`` → (``Proceedings of X``, its
    editors, the facts after it): the container is the last sentence before the ``Place: Publisher, Year``
    facts; a sentence before it names the editors (or the organising body)."""
    facts = _FACTS.search(text)
    start = facts.start() if facts else len(text)
    head = text[:start].strip().rstrip(".").strip()
    cut = head.rfind(". ")
    if cut == -1:
        return fields.clean_container(head), (), text[start:]
    return fields.clean_container(head[cut + 2 :]), _editors(head[:cut]), text[start:]


_EDITOR_MARK = re.compile(r"[,\s]*(?:eds?\.?|主编|编)$", re.IGNORECASE)


def _editors(text: str) -> tuple[Name, ...]:
    """``SMITH J, JONES A, eds`` / ``王明, 主编`` / ``中国人工智能学会`` (a body as editor)."""
    text = _EDITOR_MARK.sub("", text.strip())
    names = [_name(part) for part in text.split(",") if part.strip()]
    if names and all(names):
        return tuple(n for n in names if n)
    return (Name(literal=text),) if text and "," not in text else ()
