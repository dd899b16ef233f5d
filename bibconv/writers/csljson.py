"""Records to CSL-JSON, as pandoc, Zotero and citeproc read it.

``record_to_csl`` is the one record -> CSL item conversion (the CSL-YAML writer and the CSL text writer,
which feeds citeproc-py, reuse it). Everything the CSL schema has no variable for — the BibTeX entry
type when the CSL type does not imply it, the arXiv id, code links, groups, ids, extra BibTeX fields —
goes into the schema's ``custom`` object under the record's own field names, so that reading our output
back gives the same records. Where a CSL encoding is not reversible (a page ``S-12`` read back as a
range, a babel language written as a BCP 47 tag, a keyword containing a comma) the exact value is kept
in ``custom`` under its field name too. ``custom.derived`` lists the CSL variables we filled in for
consumers (a thesis genre, the arXiv ``number``/``URL``/``publisher``) which the reader must not take
as data.

"and others" is written as ``{"literal": "others"}``: that is what pandoc itself produces from BibTeX and
what its citeproc renders as "et al."; citeproc-py has no such convention, so its caller passes
``keep_others=False`` and the marker is dropped (it stays recorded in ``custom``).

Titles keep their case as written. Words whose case a CSL processor's sentence-casing would destroy
(``GPTQ``, ``LLMs``, ``t-SNE``, ``iPhone``: a capital after a word's first letter) are wrapped in
``<span class="nocase">`` — the markup citeproc-js, pandoc and citeproc-py all honour; plain
capitalised words are left alone, as pandoc leaves them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from .. import casing
from ..data import csl
from ..model import Name, Record
from ..transforms.crossref import resolve_crossrefs

__all__ = ["record_to_csl", "name_to_csl", "items", "write"]

#: BibTeX types whose container is a periodical: its name keeps its case.
_JOURNAL_TYPES = frozenset({"article", "periodical", "suppperiodical"})
#: BibTeX types of whole works: their ``booktitle`` only serves the chapters that crossref them.
_WHOLE_WORK_TYPES = frozenset(
    {
        "book",
        "collection",
        "proceedings",
        "reference",
        "mvbook",
        "mvcollection",
        "mvproceedings",
        "mvreference",
    }
)
#: Record title fields, their CSL variable, and the biblatex subtitle and addon fields that complete them.
_TITLE_PARTS = (
    ("title", "title", "subtitle", "titleaddon"),
    ("container_title", "container-title", "booksubtitle", "booktitleaddon"),
    ("collection_title", "collection-title", "", ""),
)
#: Key order of an item: identity first, then what a human scans for, then the rest alphabetically.
_LEADING_KEYS = ("id", "type", "title", "author", "editor", "translator", "issued", "container-title")
_URL_VALUE = re.compile(r"^\s*(?:\\url\{)?(https?://[^\s{}]+)\}?\s*$")


def name_to_csl(name: Name, *, dropping_particle: bool = False) -> dict[str, str]:
    """A name as CSL-JSON; ``dropping_particle`` writes a lowercase "von" part as biblatex reads it by default."""
    if name.others:
        return {"literal": "others"}
    if name.literal:
        return {"literal": name.literal}
    particle = (
        "dropping-particle" if dropping_particle and name.particle.islower() else "non-dropping-particle"
    )
    parts = {
        "family": name.family,
        "given": name.given,
        particle: name.particle,
        "suffix": name.suffix,
    }
    return {k: v for k, v in parts.items() if v}


def record_to_csl(record: Record, *, item_id: str | None = None, keep_others: bool = True) -> dict[str, Any]:
    """One record as a CSL-JSON item (a dict with keys in a stable order).

    ``item_id`` replaces an empty key (CSL requires an id); ``keep_others=False`` drops the "and others"
    marker for processors that would print it as a name.
    """
    item: dict[str, Any] = {}
    custom: dict[str, Any] = {}
    derived: list[str] = []

    item["id"] = record.key or item_id or ""
    if not record.key and item["id"]:
        derived.append("id")
    item["type"] = _type_of(record, custom)

    from_bibtex = record.source.format == "bibtex"
    for field, variable in csl.RECORD_TO_CSL_TEXT.items():
        value = getattr(record, field)
        if value:
            item[variable] = _encode_text(field, value, custom)
    if from_bibtex:
        _bibtex_titles_to_csl(record, item, custom)
        _localise_biblatex_keys(record, item, custom)
        if record.entry_type in _WHOLE_WORK_TYPES and item.pop("container-title", None):
            custom["container_title"] = record.container_title  # a book's booktitle is for its chapters
    dropping = from_bibtex and not _uses_prefix(record)
    for field, variable in csl.RECORD_TO_CSL_NAMES.items():
        names = getattr(record, field)
        written = [name_to_csl(n, dropping_particle=dropping) for n in names if keep_others or not n.others]
        if written:
            item[variable] = written
        if len(written) != len(names):
            custom[field + "_others"] = True
    if record.issued:
        item["issued"] = csl.date_to_csl(record.issued)
        if _decoded_date(item["issued"]) != record.issued:
            custom["issued"] = record.issued
        if record.extra.get("season"):
            item["issued"]["season"] = record.extra["season"]
    if record.keywords:
        item["keyword"] = csl.keywords_to_csl(record.keywords)
        if csl.keywords_from_csl(item["keyword"]) != record.keywords:
            custom["keywords"] = list(record.keywords)

    _add_derived(record, item, custom, derived)
    _add_extra(record, item)
    _add_custom(record, custom, derived)
    if custom:
        item["custom"] = custom
    return _ordered(item)


def _bibtex_titles_to_csl(record: Record, item: dict[str, Any], custom: dict[str, Any]) -> None:
    """Titles as pandoc reads them from BibTeX: subtitles joined, English title case made sentence case.

    CSL expects sentence case and capitalises per style; BibTeX is written in title case, with braces
    around the words whose case must stay (kept in ``record.case_protected``). Journal names keep their
    case, as pandoc keeps them. Unlike pandoc, a title already in sentence case only gets capitals
    after colons: its capitalised words are proper nouns (``On the Hessian of deep networks``). The record's own values stay in ``custom`` so reading back restores them.
    """
    english = casing.is_english(
        record.language or record.extra.get("langid") or record.extra.get("hyphenation", "")
    )
    journal = record.entry_type in _JOURNAL_TYPES
    for field, variable, subtitle, addon in _TITLE_PARTS:
        value = getattr(record, field)
        if not value or (field == "container_title" and journal):
            continue
        parts = (value, record.extra.get(subtitle, ""), record.extra.get(addon, ""))
        if english:  # each part on its own: a subtitle may be in sentence case when the title is not
            parts = tuple(
                casing.sentence_case(p, record.case_protected, lower=not casing.looks_sentence_case(p))
                for p in parts
            )
        full = _join_title(*parts)
        if full != value:
            item[variable] = csl.protect_case(full)
            custom[field] = value


def _localise_biblatex_keys(record: Record, item: dict[str, Any], custom: dict[str, Any]) -> None:
    """``type = {phdthesis}``, ``series = {newseries}``: biblatex keys for words, printed as the words.

    A journal's numbered series is printed as biblatex and pandoc print it: ``series = 3`` is "3rd series".
    """
    for field, variable in (("genre", "genre"), ("collection_title", "collection-title")):
        value = getattr(record, field)
        word = csl.BIBLATEX_KEY_STRINGS.get(value.strip().lower()) if value else None
        if value and value.strip().isdigit() and field == "collection_title":
            word = f"{_english_ordinal(int(value))} series" if record.entry_type in _JOURNAL_TYPES else None
        if word:
            item[variable] = word
            custom[field] = value


def _english_ordinal(number: int) -> str:
    suffix = "th" if 11 <= number % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _join_title(title: str, subtitle: str, addon: str) -> str:
    """``Title: Subtitle. Addon``, as biblatex prints them (no second colon after a question mark)."""
    if subtitle:
        title = f"{title}{'' if title.endswith(('?', '!', ':')) else ':'} {subtitle}"
    if addon:
        title = f"{title}{'' if title.endswith(('.', '?', '!')) else '.'} {addon}"
    return title


def _uses_prefix(record: Record) -> bool:
    """biblatex's ``useprefix`` option: the "von" part then belongs to the family name (non-dropping)."""
    options = record.extra.get("options", "").replace(" ", "").lower()
    return "useprefix=true" in options or any(o == "useprefix" for o in options.split(","))


def _type_of(record: Record, custom: dict[str, Any]) -> str:
    """The CSL type; the BibTeX type goes to ``custom`` when reading the CSL type back would not give it."""
    chosen = csl.csl_type(record.entry_type, bool(record.arxiv))
    genre = record.genre or csl.DEFAULT_GENRE.get(record.entry_type, "")
    if csl.bibtex_type(chosen, genre) != record.entry_type:
        custom["entry_type"] = record.entry_type
    return chosen


def _encode_text(field: str, value: str, custom: dict[str, Any]) -> str:
    """Title case protection, hyphen page ranges, BCP 47 languages; the exact value goes to custom if not reversible."""
    if field == "title":
        encoded = csl.protect_case(value)
        if csl.strip_case_protection(encoded) != value:
            custom["title"] = value
        return encoded
    if field == "page":
        encoded = csl.page_to_csl(value)
        if csl.page_from_csl(encoded) != value:
            custom["page"] = value
        return encoded
    if field == "language":
        tag = csl.LANGUAGE_TO_BCP47.get(value.lower())
        if tag:
            custom["language"] = (
                value  # the reader keeps a tag as it is; the BibTeX name comes back from here
            )
            return tag
    return value


def _decoded_date(date: dict[str, Any]) -> str:
    if "date-parts" in date:  # as the reader joins a range: "2019/2020"
        return "/".join(dict.fromkeys(csl.date_parts_to_text(parts) for parts in date["date-parts"]))
    return date["literal"]


def _entry_language_tag(record: Record) -> str:
    """The BCP 47 tag of biblatex's ``langid`` (or babel ``hyphenation``), ``""`` if none or unknown."""
    name = record.extra.get("langid") or record.extra.get("hyphenation") or ""
    return csl.LANGUAGE_TO_BCP47.get(name.strip().lower(), "")


def _add_derived(record: Record, item: dict[str, Any], custom: dict[str, Any], derived: list[str]) -> None:
    """Fill variables CSL consumers rely on but the record leaves implicit, and list them as derived."""
    defaults: dict[str, str] = {}
    if item["type"] == "thesis" and not record.genre and record.entry_type in csl.DEFAULT_GENRE:
        defaults["genre"] = csl.DEFAULT_GENRE[record.entry_type]
    if record.arxiv:
        # The reader drops arXiv's own DOI as implied by the id; styles print a DOI in preference to a URL.
        defaults["DOI"] = csl.arxiv_doi(record.arxiv)
        defaults["URL"] = csl.arxiv_url(record.arxiv)
        if item["type"] == csl.PREPRINT_CSL_TYPE:  # Zotero's preprint: number arXiv:<id>, publisher arXiv
            defaults["number"] = csl.arxiv_number(record.arxiv)
            if not record.container_title:
                defaults["publisher"] = csl.ARXIV_PUBLISHER
    eprint_url = csl.EPRINT_URLS.get(record.extra.get("archiveprefix", "").strip().lower())
    if eprint_url and record.extra.get("eprint", "").strip():
        defaults["URL"] = eprint_url.format(record.extra["eprint"].strip())
    if record.entry_type == "patent" and record.publisher_place and record.source.format == "bibtex":
        # biblatex: a patent's location lists the countries it was filed in; CSL's jurisdiction, as in pandoc
        countries = [c.strip() for c in re.split(r"\s*;\s*|\s+and\s+", record.publisher_place) if c.strip()]
        defaults["jurisdiction"] = "; ".join(csl.BIBLATEX_KEY_STRINGS.get(c.lower(), c) for c in countries)
        item.pop("publisher-place", None)
        custom["publisher_place"] = record.publisher_place
    language = _entry_language_tag(record)
    if language and item.get("language", "")[:2] != language[:2] and "language" not in custom:
        # biblatex's langid says which language the entry is in (pandoc writes it as the CSL language):
        # processors title-case only English titles, so "Kritik der praktischen Vernunft" keeps its case.
        if item.pop("language", None):
            custom["language"] = record.language  # an unmapped language list, "langlatin and langgerman"
        defaults["language"] = language
    fallback = next((record.extra[f] for f in csl.PUBLISHER_FALLBACK_FIELDS if record.extra.get(f)), "")
    url = _URL_VALUE.match(fallback)
    if url:  # howpublished = {\url{...}}: the work's address, not a publisher
        defaults.setdefault("URL", url.group(1))
    elif fallback:
        defaults["publisher"] = fallback
    for variable, value in defaults.items():
        if variable not in item:
            item[variable] = value
            derived.append(variable)


def _add_extra(record: Record, item: dict[str, Any]) -> None:
    """Extra BibTeX fields with a CSL variable are written there too, for CSL consumers."""
    for field, value in record.extra.items():
        mapped = csl.EXTRA_FIELD_TO_CSL.get(field)
        if not mapped or not value:
            continue
        variable, kind = mapped
        if variable not in item:
            item[variable] = csl.date_to_csl(value) if kind == "date" else value


def _add_custom(record: Record, custom: dict[str, Any], derived: list[str]) -> None:
    for field in csl.CUSTOM_RECORD_FIELDS:
        value = getattr(record, field)
        if value:
            custom[field] = list(value) if isinstance(value, tuple) else value
    if record.extra:
        custom["extra"] = dict(record.extra)
    if record.inferred:
        custom["inferred"] = sorted(record.inferred)
    if derived:
        custom["derived"] = derived


def _ordered(item: dict[str, Any]) -> dict[str, Any]:
    leading = [k for k in _LEADING_KEYS if k in item]
    rest = sorted(k for k in item if k not in _LEADING_KEYS and k != "custom")
    ordered = {k: item[k] for k in (*leading, *rest)}
    if "custom" in item:
        ordered["custom"] = {k: item["custom"][k] for k in sorted(item["custom"])}
    return ordered


def items(records: Sequence[Record]) -> list[dict[str, Any]]:
    """The CSL items of ``records`` (crossrefs resolved); a record without a key gets the id ``item-N``."""
    return [record_to_csl(r, item_id=f"item-{i}") for i, r in enumerate(resolve_crossrefs(records), start=1)]


def write(records: Sequence[Record], **_: Any) -> str:
    """A CSL-JSON array: 2-space indent, stable key order, unicode as is, trailing newline.

    Items are encoded one at a time (the same text as dumping the whole list) so that a large
    bibliography never has every item dict in memory at once.
    """
    if not records:
        return "[]\n"
    encoded = (
        "  "
        + json.dumps(record_to_csl(r, item_id=f"item-{i}"), indent=2, ensure_ascii=False).replace(
            "\n", "\n  "
        )
        for i, r in enumerate(resolve_crossrefs(records), start=1)
    )
    return "[\n" + ",\n".join(encoded) + "\n]\n"
