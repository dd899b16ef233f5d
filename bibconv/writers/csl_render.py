"""Rendering CSL-JSON items with citeproc-py, with the workarounds of ``csl_fixes`` around it.

The only module (with ``csl_styles``' lookup) that talks to citeproc-py. A style file is parsed and
adjusted once per (path, modification time, locale); items are converted once per call.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import warnings
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from citeproc import VARIABLES, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc import model as citeproc_model
from citeproc.model import CitationStylesElement
from citeproc.source import VariableError
from citeproc.source.json import CiteProcJSON
from citeproc.string import MixedString, String
from lxml import etree

from ..errors import BibconvError
from ..gcpause import cyclic_gc_paused
from . import csl_fixes, csl_sort

# ---------------------------------------------------------------------------------------------
# Speed: citeproc-py recomputes pure lookups on the style tree thousands of times per entry: the same
# XPath on the same element (macro lookups, option inheritance), the root of an element, a macro or a
# locale term by name, and "does this subtree call a variable" (a walk of the whole subtree, made
# for every child of every group). The style tree never changes after ``_prepare_style`` has adjusted
# it, so each result is memoized per element (or per root and arguments). The memos hold the
# elements, which keeps lxml's proxies (and so the keys) stable; they grow with the elements of the
# styles loaded in the process, no further.

_XPATH_MEMO: dict[tuple[Any, str], Any] = {}
_citeproc_xpath_search = CitationStylesElement.xpath_search


def _memoized_xpath_search(element: Any, expression: str) -> Any:
    key = (element, expression)
    try:
        return _XPATH_MEMO[key]
    except KeyError:
        result = _XPATH_MEMO[key] = _citeproc_xpath_search(element, expression)
        return result


def _memoized_per_element(original: Any) -> Any:
    """``original(element)`` computed once per element."""
    memo: dict[Any, Any] = {}

    def memoized(element: Any) -> Any:
        try:
            return memo[element]
        except KeyError:
            result = memo[element] = original(element)
            return result

    memoized.__wrapped__ = original
    return memoized


def _memoized_per_root(original: Any) -> Any:
    """``original(element, *args)`` computed once per (style or locale root, arguments): for lookups
    that depend only on the root's contents (macros by name, locale terms and options)."""
    memo: dict[tuple, Any] = {}

    def memoized(element: Any, *args: Any, **kwargs: Any) -> Any:
        key = (element.get_root(), args, *kwargs.items())
        try:
            return memo[key]
        except KeyError:
            result = memo[key] = original(element, *args, **kwargs)
            return result

    memoized.__wrapped__ = original
    return memoized


def _memoized_name_option(original: Any) -> Any:
    """``Name.get_option`` (inherited name options: an XPath and up to three lookups) once per
    (name element, option, context); citeproc-py's own sort passes ``sort_options``, never memoized."""
    memo: dict[tuple, Any] = {}

    def memoized(element: Any, name: str, context: Any = None, sort_options: Any = None) -> Any:
        if sort_options is not None:
            return original(element, name, context, sort_options)
        key = (element, name, context)
        try:
            return memo[key]
        except KeyError:
            result = memo[key] = original(element, name, context)
            return result

    memoized.__wrapped__ = original
    return memoized


def _memoized_by(key: Any, original: Any) -> Any:
    """``original(element, argument)`` computed once per ``key(element, argument)``."""
    memo: dict[tuple, Any] = {}

    def memoized(element: Any, argument: Any) -> Any:
        found = key(element, argument)
        try:
            return memo[found]
        except KeyError:
            result = memo[found] = original(element, argument)
            return result

    memoized.__wrapped__ = original
    return memoized


def _memoized_option(original: Any) -> Any:
    """``get_option(element, name)`` of ``<citation>``/``<bibliography>`` once per (element, option)."""
    return _memoized_by(lambda element, name: (element, name), original)


def _memoized_formatter_owner(original: Any) -> Any:
    """``get_formatter`` reads the output formatter from the style root (through the style for a locale
    element); which object holds it is found once per element, the formatter itself is read each time
    (each bibliography sets its own)."""
    owners: dict[Any, Any] = {}

    def get_formatter(element: Any) -> Any:
        try:
            return owners[element].formatter
        except KeyError:
            root = element.get_root()
            owners[element] = root.style if isinstance(root, citeproc_model.Locale) else root
            return owners[element].formatter

    get_formatter.__wrapped__ = original
    return get_formatter


def _identity_without(original: Any, attributes: frozenset[str]) -> Any:
    """``original(element, text, ...)`` only for an element that has one of ``attributes``.

    citeproc-py's ``format``, ``wrap``, ``quote``, ``strip_periods`` and ``case`` read their attributes
    on every call (``format`` five of them, each with a formatter lookup) and give the text back as it
    is when none is set, which is most elements; which elements have one is found once per element.
    Numbers still go through ``original`` (``format`` turns them into text). A locale's date parts
    are never skipped: citeproc-py copies the style's date-part attributes into them as it renders.
    """
    has_one: dict[Any, bool] = {}

    def gated(element: Any, text: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            needed = has_one[element]
        except KeyError:
            needed = has_one[element] = isinstance(element, citeproc_model.Date_Part) or not (
                attributes.isdisjoint(element.attrib.keys())
            )
        if needed or not (text is None or isinstance(text, (str, list))):
            return original(element, text, *args, **kwargs)
        return text

    gated.__wrapped__ = original
    return gated


def _memoized_term_text(original: Any) -> property:
    """``Term.single``/``.multiple`` (a find and an escape on every use) once per (term, formatter)."""
    text_for = _memoized_per_element(lambda term_and_formatter: original(term_and_formatter[0]))

    def text(term: Any) -> Any:
        return text_for((term, term.get_formatter()))

    text.__wrapped__ = original
    return property(text)


def _memoized_type_test(original: Any) -> Any:
    """``If._type`` (the branch's ``type`` list split, lowercased and compared for every item: APA
    asks ~50 times per entry) once per (branch, item type). citeproc-py only adds the result to its
    own list, so one list can serve every item of that type."""
    return _memoized_by(lambda element, item: (element, item.reference.type), original)


#: The attributes each citeproc-py text transformation reads (identity without them).
_TRANSFORM_ATTRIBUTES = {
    (citeproc_model.Formatted, "format"): frozenset(
        ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")
    ),
    (citeproc_model.Affixed, "wrap"): frozenset(("prefix", "suffix")),
    (citeproc_model.Quoted, "quote"): frozenset(("quotes",)),
    (citeproc_model.StrippedPeriods, "strip_periods"): frozenset(("strip-periods",)),
    (citeproc_model.TextCased, "case"): frozenset(("text-case",)),
}


def _install_memos() -> None:
    if hasattr(CitationStylesElement.get_root, "__wrapped__"):
        return  # already installed (module reloaded)
    CitationStylesElement.xpath_search = _memoized_xpath_search
    CitationStylesElement.get_root = _memoized_per_element(CitationStylesElement.get_root)
    for name in ("get_macro", "get_term", "get_locale_option"):
        setattr(CitationStylesElement, name, _memoized_per_root(getattr(CitationStylesElement, name)))
    CitationStylesElement.get_formatter = _memoized_formatter_owner(CitationStylesElement.get_formatter)
    citeproc_model.Name.get_option = _memoized_name_option(citeproc_model.Name.get_option)
    citeproc_model.FormattingInstructions.get_option = _memoized_option(
        citeproc_model.FormattingInstructions.get_option
    )
    citeproc_model.Term.single = _memoized_term_text(citeproc_model.Term.single.fget)
    citeproc_model.Term.multiple = _memoized_term_text(citeproc_model.Term.multiple.fget)
    citeproc_model.If._type = _memoized_type_test(citeproc_model.If._type)
    for (cls, name), attributes in _TRANSFORM_ATTRIBUTES.items():
        setattr(cls, name, _identity_without(getattr(cls, name), attributes))
    # every class with its own calls_variable (Parent, Text, Group, Names, ...) gets its own memo
    for cls in vars(citeproc_model).values():
        if isinstance(cls, type) and "calls_variable" in vars(cls):
            cls.calls_variable = _memoized_per_element(vars(cls)["calls_variable"])


_install_memos()


# ---------------------------------------------------------------------------------------------
# Substituted names are not repeated. CSL: a variable that stood in for the author through
# ``<substitute>`` counts as empty for the rest of the entry. citeproc-py does this for ``<text>`` only,
# so an editor standing in for the author came back as "Edited by …" (APA, Chicago, MLA, Harvard).
# The names rendered inside a ``<substitute>`` are noted in the entry's ``repressed`` table (which
# citeproc-py resets per entry), and a later ``<names>`` whose variables are all noted is empty.

_SUBSTITUTED = "bibconv:substituted-names"


def _names_without_substituted(original: Any) -> Any:
    def process(
        element: Any, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any
    ) -> Any:
        try:
            repressed = (context if context is not None else element).get_layout().repressed
        except (IndexError, AttributeError):  # not inside a layout (citeproc-py's own sort keys)
            return original(element, item, names_context, context, **kwargs)
        present = [role for role in element.get("variable", "").split() if role in item.reference]
        noted = repressed.setdefault(_SUBSTITUTED, set())
        if present and noted.issuperset(present):
            raise VariableError
        text = original(element, item, names_context, context, **kwargs)
        if text is not None and element.xpath_search("./ancestor::cs:substitute"):
            noted.update(present)
        return text

    process.__wrapped__ = original
    return process


if not hasattr(citeproc_model.Names.process, "__wrapped__"):
    citeproc_model.Names.process = _names_without_substituted(citeproc_model.Names.process)


# ---------------------------------------------------------------------------------------------
# Initials of hyphenated given names with a lower-case part. citeproc-py takes a lower-case word for a
# particle and keeps it, after an empty initial: "Kai Tzu-iunn" became "K. T.-. iunn ."; citeproc-js and
# pandoc give "K. T.". The lower-case part after a hyphen is dropped before citeproc-py initializes.

_LOWER_HYPHEN_PART = re.compile(r"(?<=\w)-[a-zà-ÿ][\w']*")


def _initialize_without_lower_hyphen_parts(original: Any) -> Any:
    def initialize(element: Any, given: str, mark: str, context: Any) -> str:
        return original(element, _LOWER_HYPHEN_PART.sub("", given), mark, context)

    initialize.__wrapped__ = original
    return initialize


if not hasattr(citeproc_model.Name.initialize, "__wrapped__"):
    citeproc_model.Name.initialize = _initialize_without_lower_hyphen_parts(citeproc_model.Name.initialize)


class _Cite(CitationItem):
    """A bibliography item bound once to its bibliography, reference and number.

    citeproc-py's ``CitationItem`` looks the reference up through two properties on every use (about
    300 times per entry) and finds its number with ``keys.index`` (quadratic in the entries). The class
    attributes shadow those properties, so the values set in the instance are found directly.
    """

    bibliography = reference = number = None

    def __init__(self, key: str, bibliography: Any, reference: Any, number: int) -> None:
        super().__init__(key)
        vars(self).update(bibliography=bibliography, reference=reference, number=number)


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
        text = str(string)
        if self.start_tag not in text.lower():  # most values: one piece, no nocase span to split out
            return MixedString([_TitleString(self._escape(text))] if text else [])
        parsed = super().parse_string(text)
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
    sort: csl_sort.SortSpec | None = None  # None: computed (or found malformed) when sorting

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
    csl_fixes.inherit_name_options_in_substitutes(root)  # first: later fixes see the copies
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
        sort=None if et_al else _sort_spec(root),  # variants only render, never sort
    )


def _sort_spec(root: Any) -> csl_sort.SortSpec | None:
    try:
        return csl_sort.sort_spec(root)
    except (ValueError, TypeError, KeyError):  # a malformed <sort>: ``render`` keeps the input order
        return None


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
    items: Sequence[dict[str, Any]],
    prepared: PreparedStyle,
    markup: str = "plain",
    *,
    strict: bool = False,
    jobs: int | None = None,
) -> list[tuple[int, str]]:
    """(index into ``items``, rendered entry) in bibliography order.

    ``strict`` lets citeproc-py's exceptions through (for ``scripts/check_styles.py``) instead of
    falling back to a plain line for the entries it fails on. ``jobs`` is the number of processes
    that render (None: one per available core, for inputs large enough to gain from it; see
    ``parallel_jobs``); the output is the same whatever it is.
    """
    if markup not in FORMATTERS:
        raise BibconvError(f"unknown text format {markup!r} (known: {', '.join(FORMATTERS)})")
    data = [prepare_item(item, f"i{index}", prepared.range_format) for index, item in enumerate(items)]
    root = prepared.style.root
    try:
        order = csl_sort.sort_order(root, data, prepared.sort)
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
    batches = [
        (rule, [_Entry(shown_data[order[p]], p + 1, suffixes.get(p)) for p in positions])
        for rule, positions in groups.items()
    ]
    rendered = _render_batches(prepared, batches, markup, strict, parallel_jobs(len(data), jobs))
    texts: list[str] = [""] * len(order)
    for (_, positions), batch_texts in zip(groups.items(), rendered, strict=True):
        for position, text in zip(positions, batch_texts, strict=True):
            texts[position] = text
    texts = [_finish(text, prepared, markup, items[index]) for index, text in zip(order, texts, strict=True)]
    if prepared.author_substitute is not None:
        texts = csl_fixes.substitute_repeated_authors(texts, ordered, prepared.author_substitute)
    return list(zip(order, texts, strict=True))


class _Entry(NamedTuple):
    """An item to render with its number in the whole bibliography and its year suffix, if any."""

    item: dict[str, Any]
    number: int
    year_suffix: str | None


# A batch: the et-al rule to render with (None: the style's own) and its entries.
_Batch = tuple[tuple[int, int] | None, list[_Entry]]

#: Below this many entries per process, starting a process costs more than it saves.
MIN_ENTRIES_PER_JOB = 500


def parallel_jobs(entries: int, jobs: int | None) -> int:
    """How many processes render ``entries``: ``jobs`` if given, else one per available core, but
    never so many that a process gets fewer than ``MIN_ENTRIES_PER_JOB`` entries."""
    if jobs is None:
        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(jobs, entries // MIN_ENTRIES_PER_JOB))


def _render_batches(
    prepared: PreparedStyle, batches: list[_Batch], markup: str, strict: bool, jobs: int
) -> list[list[str]]:
    """The texts of each batch, rendered here or, with ``jobs`` > 1, in that many worker processes.

    Entries are independent once numbers and year suffixes are assigned, so a batch is split into
    chunks and the texts are put back in order: the output does not depend on ``jobs``. If worker
    processes cannot be used (a daemon process, a platform without them), everything is rendered here.
    """
    if jobs > 1 and not multiprocessing.current_process().daemon:
        try:
            return _render_in_workers(prepared, batches, markup, strict, jobs)
        except (OSError, BrokenProcessPool):
            pass
    return [_render_entries(_variant(prepared, rule), entries, markup, strict) for rule, entries in batches]


def _render_in_workers(
    prepared: PreparedStyle, batches: list[_Batch], markup: str, strict: bool, jobs: int
) -> list[list[str]]:
    total = sum(len(entries) for _, entries in batches)
    size = max(1, -(-total // (jobs * 4)))  # a few chunks per process evens out their speeds
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [
            [
                pool.submit(
                    _render_entries_in_worker,
                    prepared.path,
                    prepared.locale,
                    rule,
                    entries[i : i + size],
                    markup,
                    strict,
                )
                for i in range(0, len(entries), size)
            ]
            for rule, entries in batches
        ]
        return [[text for future in chunks for text in future.result()] for chunks in futures]


def _render_entries_in_worker(
    path: str,
    locale: str | None,
    rule: tuple[int, int] | None,
    entries: list[_Entry],
    markup: str,
    strict: bool,
) -> list[str]:
    """``_render_entries`` in a worker process: the style is parsed (or found in the cache) by path."""
    return _render_entries(_variant(prepare_style(Path(path), locale), rule), entries, markup, strict)


def _variant(prepared: PreparedStyle, rule: tuple[int, int] | None) -> PreparedStyle:
    return prepared if rule is None else prepared.with_et_al(rule)


def _render_entries(prepared: PreparedStyle, entries: list[_Entry], markup: str, strict: bool) -> list[str]:
    """One text per entry, in the order given."""
    items = [entry.item for entry in entries]
    source = _Source(items, FORMATTERS[markup].preformat)
    bibliography = CitationStylesBibliography(prepared.style, source, FORMATTERS[markup])
    bibliography.items = [
        _Cite(entry.item["id"], bibliography, source[entry.item["id"]], entry.number) for entry in entries
    ]
    bibliography.keys = [cite.key for cite in bibliography.items]
    for cite, entry in zip(bibliography.items, entries, strict=True):
        if entry.year_suffix:
            cite.reference["year_suffix"] = String(entry.year_suffix)
    with warnings.catch_warnings(), cyclic_gc_paused():
        warnings.simplefilter("ignore")
        return _render_all(bibliography, prepared, items, strict)


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
