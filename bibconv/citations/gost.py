"""The Russian bibliographic standard (GOST 7.1-2003 / 7.0.5-2008), read by its own grammar.

Its areas are separated by ". — " and a part names its host after "//": ``Иванов И. И. Теория
вероятностей. — М.: Наука, 2005. — 320 с.``, ``Петров П. П., Сидоров С. С. Методы оптимизации // Вестник
МГУ. Сер. 15. — 2010. — № 3. — С. 25–34.``, and the same in English (``Vol. 5, No. 3. — P. 25–34``).
Names are inverted with initials after the family name, or, after the title's " / ", written initials
first. The area separators make the structure certain, so these references are read here rather than by
the labeller, which was trained on styles without them.
"""

from __future__ import annotations

import re

from ..model import OTHERS, Name, Record, Source
from ..report import NOWHERE
from . import fields

__all__ = ["looks_like_gost", "parse_gost"]

_AREA_SEPARATOR = re.compile(r"\.\s+[—–]\s+")  # ". — ": what tells GOST from a dash inside a title
_AREA = re.compile(r"\.\s+[—–]\s+|\s+[—–]\s+(?=(?:\d|[СCPСсS]\.|№|Т\.|Vol|Т\s))")
_FACTS = re.compile(r"^(?P<place>[^:]{1,40}?)\s?:\s*(?P<publisher>[^,]+(?:,[^,\d]+)*?),\s*(?P<year>\d{4})")
_PAGES = re.compile(r"^(?:С|C|P|S|pp?|с)\.\s*(?P<pages>\d+\s*[–—-]\s*\d+|\d+)$")
_PAGE_TOTAL = re.compile(r"^(?P<total>\d+)\s*(?:с|p|pp|S)\.?$")
_EDITION = re.compile(r"^(\d+)(?:-?е|st|nd|rd|th)?\s*(?:изд|ed|edn)\b", re.IGNORECASE)
_VOLUME = re.compile(r"(?:Т|Vol|V|Bd|т)\.\s*(?P<volume>\d+[\w-]*)")
_ISSUE = re.compile(r"(?:№|No\.|Вып\.|Iss\.|N)\s*(?P<issue>\d+[\w/-]*)")
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
_INVERTED_NAME = re.compile(r"(?P<family>[A-ZА-ЯЁ][\w'’-]+)\s+(?P<initials>(?:[A-ZА-ЯЁ]\.\s?-?){1,3})")
_NAME_LIST = re.compile(
    r"^(?P<names>[A-ZА-ЯЁ][\w'’-]+\s+(?:[A-ZА-ЯЁ]\.\s?-?){1,3}(?:,\s*[A-ZА-ЯЁ][\w'’-]+\s+(?:[A-ZА-ЯЁ]\.\s?-?){1,3})*"
    r"(?:,?\s*(?:и др\.|et al\.))?)\s+(?P<rest>\S.*)$"
)
_COLLECTION = re.compile(r"\b(?:сб\.|сборник|материалы|труды|proceedings|proc\.|conference|конференци)", re.I)


def looks_like_gost(text: str) -> bool:
    """Area separators (". — ") after the title, with a host ("//") or a ``Place: Publisher, Year`` area."""
    areas = _AREA_SEPARATOR.split(text)
    if len(areas) < 2:
        return False
    names_first = _NAME_LIST.match(areas[0]) is not None or " / " in areas[0]
    return names_first and ("//" in areas[0] or any(_FACTS.match(a.strip()) for a in areas[1:]))


def parse_gost(text: str, source: Source = NOWHERE) -> Record | None:
    """The record of a GOST reference, or None when ``text`` does not follow the standard's grammar."""
    areas = [a.strip() for a in _AREA.split(" ".join(text.split()).rstrip(". "))]
    first, container = areas[0], ""
    if "//" in first:
        first, container = (part.strip() for part in first.split("//", 1))
    authors, title = _authors_and_title(first)
    if not title:
        return None
    found: dict[str, object] = {}
    extra: dict[str, str] = {}
    for area in areas[1:]:
        _read_area(area, found, extra)
    container, series = _container_and_series(container)
    if container:
        entry_type = "inproceedings" if _COLLECTION.search(container) else "article"
    else:
        entry_type = "book" if found.get("publisher") else "misc"
    doi = fields.find_doi(text)
    return Record(
        entry_type=entry_type,
        title=title,
        author=authors,
        container_title=container,
        collection_title=series,
        doi=doi,
        url=fields.find_url(text) if not doi else "",
        source=source,
        extra=extra,
        **found,
    )


def _authors_and_title(text: str) -> tuple[tuple[Name, ...], str]:
    """``Петров П. П., Сидоров С. С. Методы`` (names first) or ``Методы / П. П. Петров`` (after " / ")."""
    if " / " in text:
        title, responsibility = text.split(" / ", 1)
        return fields.split_names(responsibility.replace(" и ", ", ")), fields.clean_title(title)
    match = _NAME_LIST.match(text)
    if match is None:
        return (), fields.clean_title(text)
    names = tuple(
        Name(family=m.group("family"), given=" ".join(m.group("initials").split()))
        for m in _INVERTED_NAME.finditer(match.group("names"))
    )
    others = bool(re.search(r"и др\.|et al\.", match.group("names")))
    return names + ((OTHERS,) if others else ()), fields.clean_title(match.group("rest"))


def _read_area(area: str, found: dict[str, object], extra: dict[str, str]) -> None:
    area = area.strip(" .")
    if facts := _FACTS.match(area):
        found["publisher_place"] = facts.group("place").strip(" ,")  # "М." and "СПб." keep their period
        found["publisher"] = fields.clean_text(facts.group("publisher"))
        found["issued"] = facts.group("year")
    elif _YEAR.match(area):
        found["issued"] = area
    elif pages := _PAGES.match(area):
        found["page"] = fields.parse_pages(pages.group("pages"))
    elif edition := _EDITION.match(area):
        found["edition"] = edition.group(1)
    elif total := _PAGE_TOTAL.match(area):
        extra["pagetotal"] = total.group("total")
    else:
        if volume := _VOLUME.search(area):
            found["volume"] = volume.group("volume")
        if issue := _ISSUE.search(area):
            found["issue"] = issue.group("issue")


_SERIES = re.compile(r"\.\s+(?P<series>(?:Сер|Ser)\.\s*\S.*)$")


def _container_and_series(container: str) -> tuple[str, str]:
    """``Вестник МГУ. Сер. 15`` → (``Вестник МГУ``, ``Сер. 15``)."""
    match = _SERIES.search(container)
    if match is None:
        return fields.clean_container(container), ""
    return fields.clean_container(container[: match.start()]), match.group("series").strip(" .")
