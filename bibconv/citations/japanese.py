"""Japanese references with corner brackets, read by their own grammar.

Japanese styles (SIST 02 and the humanities' usage) quote an article's title in 「」 and a journal's or
book's title in 『』: ``山田太郎 (2020)「深層学習入門」『情報処理』61(3), 123-130.``, ``佐藤花子『日本語の文法』
岩波書店, 2015.`` The text has no spaces between its parts, so the labeller (which reads white-space tokens)
cannot see them; the brackets make the structure certain.
"""

from __future__ import annotations

import re

from ..model import Name, Record, Source
from ..report import NOWHERE
from . import fields

__all__ = ["looks_like_japanese", "parse_japanese"]

_ARTICLE_TITLE = re.compile(r"「(?P<title>[^「」]+)」")
_WORK_TITLE = re.compile(r"『(?P<title>[^『』]+)』")
_YEAR = re.compile(r"(?<!\d)(?P<year>(?:1[5-9]|20)\d\d)(?!\d)\s*年?")  # "2020年": the year
_PAREN_YEAR = re.compile(r"[(（]\s*(?:1[5-9]|20)\d\d[a-z]?\s*[)）]")
_VOLUME_ISSUE = re.compile(
    r"(?:第?\s*(?P<volume>\d+)\s*巻\s*(?:第?\s*(?P<issue>\d+)\s*号)?|(?:Vol\.\s*)?(?P<volume2>\d+)\s*[(（](?P<issue2>\d+)[)）]"
    r"|Vol\.\s*(?P<volume3>\d+)(?:\s*,?\s*No\.\s*(?P<issue3>\d+))?)"
)
_PAGES = re.compile(r"(?:pp?\.\s*)?(?P<first>\d+)\s*[-–—~〜]\s*(?P<last>\d+)\s*(?:頁|ページ)?")
_NAME_SEPARATOR = re.compile(r"\s*[・、，,/]\s*|\s+and\s+")
_EDITOR_MARK = re.compile(r"\s*(?:編著?|監修|編集)\s*$")
_PUNCTUATION = " 　.,，、。:：;；"


def looks_like_japanese(text: str) -> bool:
    """A title in 「」 or 『』: the corner brackets of Japanese references (``parse_japanese`` also wants a
    name before it)."""
    return _WORK_TITLE.search(text) is not None or _ARTICLE_TITLE.search(text) is not None


def parse_japanese(text: str, source: Source = NOWHERE) -> Record | None:
    """The record of a reference with corner-bracketed titles, or None when no title comes after a name."""
    article = _ARTICLE_TITLE.search(text)
    work = _WORK_TITLE.search(text, article.end() if article else 0)
    first = article or work
    if first is None or first.start() == 0:
        return None
    head = text[: first.start()]
    year_match = _PAREN_YEAR.search(head)
    names_text = _PAREN_YEAR.sub("", head).strip(_PUNCTUATION)
    edited = bool(_EDITOR_MARK.search(names_text))
    names = _names(_EDITOR_MARK.sub("", names_text))
    rest = text[(work or first).end() :]
    year = year_match.group(0).strip("()（） ") if year_match else ""
    if not year and (found := _YEAR.search(rest)):
        year = found.group("year")
    volume = issue = page = ""
    if numbers := _VOLUME_ISSUE.search(rest):
        volume = numbers.group("volume") or numbers.group("volume2") or numbers.group("volume3") or ""
        issue = numbers.group("issue") or numbers.group("issue2") or numbers.group("issue3") or ""
    if pages := _PAGES.search(rest):
        page = f"{pages.group('first')}–{pages.group('last')}"
    title = (article or work).group("title")
    container = work.group("title") if article and work else ""
    # A chapter names its book's editors between the two titles: 「章」、佐藤花子編『書名』
    between = text[article.end() : work.start()].strip(_PUNCTUATION) if article and work else ""
    book_editors = _names(_EDITOR_MARK.sub("", between)) if _EDITOR_MARK.search(between) else ()
    publisher = _publisher(rest)
    entry_type = (
        "article" if container and (volume or issue) and not publisher
        else "incollection" if container
        else "book" if publisher or not article
        else "misc"
    )  # fmt: skip
    return Record(
        entry_type=entry_type,
        title=title,
        author=() if edited else names,
        editor=names if edited else book_editors,
        issued=year,
        container_title=container,
        volume=volume,
        issue=issue,
        page=page,
        publisher=publisher,
        language="ja",
        source=source,
    )


def _names(text: str) -> tuple[Name, ...]:
    """Japanese names are written family name first with no space: each is kept whole, as a literal."""
    parts = [p for p in _NAME_SEPARATOR.split(text) if p]
    if not parts:
        return ()
    if all(p.isascii() for p in parts):
        return fields.split_names(text)
    return tuple(Name(literal=p) for p in parts)


def _publisher(rest: str) -> str:
    """What remains after the title once numbers, pages and the year are gone: the publisher."""
    remaining = _PAGES.sub("", _VOLUME_ISSUE.sub("", _YEAR.sub("", rest)))
    pieces = [p.strip(_PUNCTUATION + "()（）") for p in re.split(r"[,，、。.]", remaining)]
    return next((p for p in pieces if p and not p.isdigit()), "")
