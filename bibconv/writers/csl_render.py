"""Rendering CSL-JSON items with citeproc-py, with the workarounds of ``csl_fixes`` around it.

The only module (with ``csl_styles``' lookup) that talks to citeproc-py. A style file is parsed and
adjusted once per (path, modification time, locale); items are converted once per call.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from citeproc import VARIABLES, Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.model import CitationStylesElement
from citeproc.source.json import CiteProcJSON
from citeproc.string import MixedString, String
from lxml import etree

from ..errors import BibconvError
from . import csl_fixes, csl_sort

# ---------------------------------------------------------------------------------------------
# Speed: citeproc-py re-evaluates the same XPath on the same style element thousands of times per
# entry (macro lookups, option inheritance), which is half its rendering time. The style tree never
# changes structure after loading, so the result of an (element, expression) pair is memoized. The
# memo holds the element, which keeps lxml's proxy (and so the key) stable; it grows with the style
# elements of the styles loaded in the process, no further.

_XPATH_MEMO: dict[tuple[Any, str], Any] = {}
_citeproc_xpath_search = CitationStylesElement.xpath_search


def _memoized_xpath_search(element: Any, expression: str) -> Any:
    key = (element, expression)
    try:
        return _XPATH_MEMO[key]
    except KeyError:
        result = _XPATH_MEMO[key] = _citeproc_xpath_search(element, expression)
        return result


if CitationStylesElement.xpath_search is _citeproc_xpath_search:
    CitationStylesElement.xpath_search = _memoized_xpath_search


# ---------------------------------------------------------------------------------------------
# Title case the way pandoc does it: parts of hyphenated words are capitalized too ("4-Bit").

_STOP_WORDS = frozenset(
    "a an and as at but by down for from in into nor of on onto or over so the till to up via with yet".split()
)


def _has_inner_capital(word: str) -> bool:
    return any(c.isupper() for c in word[1:])


class _Word(String):
    """A word of a title: hyphenated parts count as words ("4-bit" → "4-Bit", "t-SNE" stays).

    A stop word keeps its lower case inside a sentence even with punctuation attached ("Up or
    down?") or at the head of a hyphenated word ("on-Device"), as pandoc does.
    """

    def __new__(cls, value: str, sentence_start: bool = True) -> _Word:
        word = super().__new__(cls, value)
        word.sentence_start = sentence_start
        return word

    def islower(self) -> bool:
        return any(part.islower() for part in str(self).split("-"))

    def capitalize_first(self) -> String:
        text = str(self)
        opening = len(text) - len(text.lstrip("(“‘\"'["))
        if opening:  # "(signal" → "(Signal"
            inner = _Word(text[opening:], self.sentence_start).capitalize_first()
            return _Word(text[:opening] + str(inner), self.sentence_start)
        parts = text.split("-")
        if any(p.isupper() and len(p) > 1 for p in parts[1:]) or (
            len(parts) == 1 and _has_inner_capital(text)
        ):
            return self  # an acronym or a name like "arXiv": leave it as written
        head = parts[0]
        if head.islower() and (self.sentence_start or head.rstrip(".,;:?!”’") not in _STOP_WORDS):
            head = head[:1].upper() + head[1:]
        tail = [p[:1].upper() + p[1:] if p.islower() and p not in _STOP_WORDS else p for p in parts[1:]]
        return _Word("-".join([head, *tail]), self.sentence_start)


class _TitleString(String):
    def words(self):
        previous = ""
        for word in self.split():
            yield _Word(word, sentence_start=not previous or previous[-1] in ":.?!")
            previous = word

    def capitalize_first(self) -> String:
        first = str(self).split(" ", 1)[0]
        if _has_inner_capital(first):  # "arXiv:2303.08774" stays as written
            return self
        return super().capitalize_first()


class _Source(CiteProcJSON):
    """citeproc-py's CSL-JSON source, with strings that title-case hyphenated words properly.

    Values are escaped for the output markup here: citeproc-py escapes its terms but not the data.
    """

    def __init__(self, data: list[dict[str, Any]], escape: Any) -> None:
        self._escape = escape
        super().__init__(data)

    def parse_string(self, string: Any) -> MixedString:
        parsed = super().parse_string(string)
        return MixedString(
            [_TitleString(self._escape(s)) if type(s) is String else type(s)(self._escape(s)) for s in parsed]
        )


# ---------------------------------------------------------------------------------------------
# Markup


class _Markdown:
    """A citeproc-py output formatter for markdown (same interface as ``citeproc.formatter.html``)."""

    @staticmethod
    def preformat(text: str) -> str:
        return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", str(text))

    Italic = Oblique = staticmethod(lambda text: f"*{text}*" if str(text).strip() else str(text))
    Bold = staticmethod(lambda text: f"**{text}**" if str(text).strip() else str(text))
    Light = Underline = SmallCaps = str
    Superscript = staticmethod(lambda text: f"<sup>{text}</sup>")
    Subscript = staticmethod(lambda text: f"<sub>{text}</sub>")


FORMATTERS: dict[str, Any] = {
    "plain": citeproc_formatter.plain,
    "html": citeproc_formatter.html,
    "markdown": _Markdown,
}


# ---------------------------------------------------------------------------------------------
# Styles


@dataclass(frozen=True)
class PreparedStyle:
    style: CitationStylesStyle
    range_format: str | None
    year_suffix: bool
    punctuation_in_quote: bool
    author_substitute: str | None
    path: str = ""
    locale: str | None = None
    et_al: tuple[int, int] | None = None

    def with_et_al(self, et_al: tuple[int, int]) -> PreparedStyle:
        """The same style with the bibliography's ``(et-al-min, et-al-use-first)`` replaced."""
        return _prepare_style(self.path, Path(self.path).stat().st_mtime_ns, self.locale, et_al)


def prepare_style(path: Path, locale: str | None = None) -> PreparedStyle:
    """Parse a ``.csl`` file and apply the style-level workarounds; ``BibconvError`` if unusable."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise BibconvError(f"cannot read CSL style: {exc.strerror or exc}", str(path)) from None
    return _prepare_style(str(path), mtime, locale, None)


@lru_cache(maxsize=16)
def _prepare_style(
    path: str, _mtime: int, locale: str | None, et_al: tuple[int, int] | None
) -> PreparedStyle:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            style = CitationStylesStyle(path, locale=locale, validate=False)
    except etree.XMLSyntaxError as exc:
        raise BibconvError(f"not a valid CSL style (XML error: {exc.msg})", path, exc.lineno) from None
    except (ValueError, TypeError, AttributeError, KeyError, OSError) as exc:
        raise BibconvError(f"not a usable CSL style: {exc}", path) from None
    root = style.root
    if etree.QName(root).localname != "style" or etree.QName(root).namespace != csl_fixes.CSL_NS:
        raise BibconvError("not a CSL style (root element is not <style> in the CSL namespace)", path)
    if not style.has_bibliography():
        raise BibconvError(
            "the CSL style has no <bibliography> element; it cannot render a reference list", path
        )
    csl_fixes.space_after_margin_label(root)
    csl_fixes.honour_initialize_false(root)
    csl_fixes.title_case_labels(root)
    csl_fixes.labels_only_with_their_variable(root)
    range_format = csl_fixes.drop_page_range_format(root)
    if et_al:
        csl_fixes.set_et_al(root, *et_al)
    try:
        in_quote = str(root.get_locale_option("punctuation-in-quote")).lower() == "true"
    except Exception:  # noqa: BLE001 - a locale without style options: the CSL default
        in_quote = False
    return PreparedStyle(
        style=style,
        range_format=range_format,
        year_suffix=csl_fixes.adds_year_suffix(root),
        punctuation_in_quote=in_quote,
        author_substitute=root.bibliography.get("subsequent-author-substitute"),
        path=path,
        locale=locale,
        et_al=et_al,
    )


# ---------------------------------------------------------------------------------------------
# Items

_KNOWN = {v.replace("_", "-") for v in VARIABLES} | {"id", "type", "shortTitle"}
_UPPER_KNOWN = {"DOI", "ISBN", "ISSN", "URL", "PMCID", "PMID"}


def prepare_item(item: dict[str, Any], ident: str, range_format: str | None) -> dict[str, Any]:
    """The CSL-JSON item as citeproc-py should see it (our id, no unsupported keys, fixed fields)."""
    prepared: dict[str, Any] = {"id": ident, "type": item.get("type") or "document"}
    for key, value in item.items():
        if key in ("id", "type") or value in (None, "", [], {}):
            continue
        if key == "event-title" and "event" not in item:
            key = "event"
        if key not in _KNOWN and key not in _UPPER_KNOWN:
            continue
        prepared[key] = value
    for role in ("author", "editor", "translator", "container-author", "collection-editor"):
        if role in prepared:
            names = csl_fixes.drop_others_marker(prepared[role])
            if names:
                prepared[role] = names
            else:
                del prepared[role]
    if "page" in prepared:
        prepared["page"] = csl_fixes.format_page_range(str(prepared["page"]), range_format)
    return prepared


def _fallback_entry(item: dict[str, Any]) -> str:
    """A plain line for an item citeproc-py cannot render: names, year, title, container."""
    names = ", ".join(
        n.get("literal") or " ".join(p for p in (n.get("given"), n.get("family")) if p)
        for n in item.get("author") or item.get("editor") or []
    )
    year = csl_fixes._year(item)
    parts = [names, f"({year})" if year else "", item.get("title") or "", item.get("container-title") or ""]
    return ". ".join(p for p in parts if p) + "."


# ---------------------------------------------------------------------------------------------
# Rendering


def render(
    items: Sequence[dict[str, Any]], prepared: PreparedStyle, markup: str = "plain", *, strict: bool = False
) -> list[tuple[int, str]]:
    """(index into ``items``, rendered entry) in bibliography order.

    ``strict`` lets citeproc-py's exceptions through (for ``scripts/check_styles.py``) instead of
    falling back to a plain line for the entries it fails on.
    """
    if markup not in FORMATTERS:
        raise BibconvError(f"unknown text format {markup!r} (known: {', '.join(FORMATTERS)})")
    data = [prepare_item(item, f"i{index}", prepared.range_format) for index, item in enumerate(items)]
    root = prepared.style.root
    try:
        order = csl_sort.sort_order(root, data)
    except (ValueError, TypeError, KeyError):  # a malformed <sort>: keep the input order
        order = list(range(len(data)))
    ordered = [data[i] for i in order]
    suffixes = csl_fixes.year_suffixes(ordered) if prepared.year_suffix else {}
    # entries that need another et-al rule: names added to tell entries apart, or "and others"
    et_al = csl_fixes.names_for_disambiguation(root, ordered)
    shown_data = list(data)
    for position, index in enumerate(order):
        real = csl_fixes.names_before_others(items[index].get("author") or [])
        if real:
            shown_data[index] = {**data[index], "author": [*data[index]["author"], {"family": "others"}]}
            et_al[position] = csl_fixes.et_al_for_others(root, real)
    groups: dict[tuple[int, int] | None, list[int]] = {}
    for position, rule in et_al.items():
        groups.setdefault(rule, []).append(position)
    texts: list[str] = [""] * len(order)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for shown, positions in groups.items():
            style = prepared if shown is None else prepared.with_et_al(shown)
            rendered = _render_positions(style, shown_data, order, positions, suffixes, markup, strict)
            for position, text in zip(positions, rendered, strict=True):
                texts[position] = text
    texts = [_finish(text, prepared, markup, items[index]) for index, text in zip(order, texts, strict=True)]
    if prepared.author_substitute is not None:
        texts = csl_fixes.substitute_repeated_authors(texts, ordered, prepared.author_substitute)
    return list(zip(order, texts, strict=True))


def _render_positions(
    prepared: PreparedStyle,
    data: list[dict[str, Any]],
    order: list[int],
    positions: list[int],
    suffixes: dict[int, str],
    markup: str,
    strict: bool,
) -> list[str]:
    """Render the entries at ``positions`` of the bibliography order (all of them but for disambiguation)."""
    source = _Source([data[order[p]] for p in positions], FORMATTERS[markup].preformat)
    bibliography = CitationStylesBibliography(prepared.style, source, FORMATTERS[markup])
    bibliography.register(Citation([CitationItem(data[order[p]]["id"]) for p in positions]))
    bibliography.keys = [data[i]["id"] for i in order]  # citation numbers count the whole bibliography
    for position in positions:
        if position in suffixes:
            source[data[order[position]]["id"]]["year_suffix"] = String(suffixes[position])
    return _render_all(bibliography, prepared, [data[order[p]] for p in positions], strict)


def _render_all(
    bibliography: CitationStylesBibliography, prepared: PreparedStyle, items: list, strict: bool = False
) -> list[str]:
    """One text per entry. An entry the style renders as nothing, or that citeproc-py fails on (unless
    ``strict``), gets the documented fallback line; the other entries are unaffected."""
    try:
        texts = [str(text) for text in bibliography.bibliography()]
        if len(texts) == len(items):
            return texts
    except Exception:  # noqa: BLE001 - citeproc-py raises anything; isolate the failing entries
        if strict:
            raise
    layout = prepared.style.root.bibliography.layout
    texts = []
    for citation_item, item in zip(bibliography.items, items, strict=True):
        try:
            rendered = layout.render_bibliography([citation_item])
        except Exception:  # noqa: BLE001
            if strict:
                raise
            rendered = []
        texts.append(str(rendered[0]) if rendered else _fallback_entry(item))
    return texts


def _finish(text: str, prepared: PreparedStyle, markup: str, item: dict[str, Any]) -> str:
    text = csl_fixes.typographic_apostrophes(text)
    text = csl_fixes.drop_repeated_title(text, item)
    if prepared.punctuation_in_quote:
        text = csl_fixes.punctuation_inside_quotes(text)
    return csl_fixes.clean_punctuation(text)
