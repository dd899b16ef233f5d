"""Bibliography order from a style's ``<sort>``, computed on the CSL-JSON data the way pandoc does.

citeproc-py sorts on the rendered text of each key, so "et al.", "and" and delimiters take part in the
comparison ("Dettmers, Tim, Ruslan S., et al." before "Dettmers, Tim, Artidoro P., …"), and a macro
whose names fall back to the title (``<substitute>``) sorts as empty. Here a key is the data it is
about: a macro key lists the variables the macro can render, in document order (names with their
substitutes, dates, text and numbers, through nested macros and every ``<choose>`` branch), and an
item's key is the first of them the item has. Name lists are truncated as the key or the names ask
(``names-min``, ``et-al-min``) and compared as text; dates and numbers are zero-padded; text compares
without case, accents or punctuation; items with an empty key go last (CSL 1.0.2, "Sorting").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cmp_to_key
from typing import Any

from lxml import etree

CSL_NS = "http://purl.org/net/xbiblio/csl"
_NS = {"cs": CSL_NS}
_NAME_VARIABLES = {
    "author",
    "editor",
    "translator",
    "container-author",
    "collection-editor",
    "composer",
    "director",
    "editorial-director",
    "illustrator",
    "interviewer",
    "original-author",
    "recipient",
    "reviewed-author",
}
_DATE_VARIABLES = {"issued", "accessed", "event-date", "original-date", "submitted", "container"}
_NUMBER_VARIABLES = {
    "volume",
    "issue",
    "number",
    "edition",
    "chapter-number",
    "collection-number",
    "number-of-pages",
    "number-of-volumes",
}

# (kind, variable, (et-al-min, et-al-use-first), (types it needs, types it excludes))
Candidate = tuple[str, str, tuple[int, int], tuple[frozenset[str] | None, frozenset[str]]]
_NO_LIMIT = (10**6, 10**6)
_UNSET = object()


# The sort keys of a style: (candidates, descending) per key, and whether particles are demoted.
SortSpec = tuple[list[tuple[list[Candidate], bool]], bool]


def sort_spec(root: etree._Element) -> SortSpec:
    """What ``sort_order`` needs from the style: computed once per style (it walks every macro)."""
    keys = root.findall("cs:bibliography/cs:sort/cs:key", _NS)
    # pandoc demotes "van" in sort keys only under display-and-sort (the default), not under sort-only
    demote = root.get("demote-non-dropping-particle", "display-and-sort") == "display-and-sort"
    return [
        (_distinct(_candidates_of_key(root, key)), key.get("sort") == "descending") for key in keys
    ], demote


def _distinct(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates without repeats (a macro called from many branches lists its variables again and
    again: thousands for APA's author key); a repeat can never be the first one an item has."""
    return list(dict.fromkeys(candidates))


def sort_order(
    root: etree._Element, items: Sequence[dict[str, Any]], spec: SortSpec | None = None
) -> list[int]:
    """Indices of ``items`` in bibliography order (input order when the style has no ``<sort>``).

    ``spec`` is ``sort_spec(root)``, passed by callers that sort several times with one style.
    """
    specs, demote = spec if spec is not None else sort_spec(root)
    if not specs:
        return list(range(len(items)))
    # a key is computed when a comparison reaches it: most are decided by the first one or two
    values: list[list[Any]] = [[_UNSET] * len(specs) for _ in items]

    def value(index: int, key: int) -> str | None:
        found = values[index][key]
        if found is _UNSET:
            found = values[index][key] = _value(specs[key][0], items[index], index, demote)
        return found

    def compare(a: int, b: int) -> int:
        for key, (_, descending) in enumerate(specs):
            left, right = value(a, key), value(b, key)
            if left == right:
                continue
            if left is None or right is None:  # empty keys last, whatever the direction
                return 1 if left is None else -1
            result = -1 if left < right else 1
            return -result if descending else result
        return 0

    return sorted(range(len(items)), key=cmp_to_key(compare))


def _candidates_of_key(root: etree._Element, key: etree._Element) -> list[Candidate]:
    if key.get("variable"):
        return [
            (
                _kind(key.get("variable")),
                key.get("variable"),
                _et_al_limits(root, None, key),
                (None, frozenset()),
            )
        ]
    macro = _macro(root, key.get("macro", ""))
    return _candidates(root, macro, {key.get("macro", "")}, key) if macro is not None else []


def _kind(variable: str) -> str:
    if variable in _NAME_VARIABLES:
        return "names"
    if variable in _DATE_VARIABLES:
        return "date"
    if variable in _NUMBER_VARIABLES:
        return "number"
    return "position" if variable == "citation-number" else "text"


def _candidates(
    root: etree._Element, node: etree._Element, seen: set[str], key: etree._Element
) -> list[Candidate]:
    """The variables ``node`` can render, in document order, nested macros expanded.

    Each carries the item types its ``<choose>`` branches allow, so that a title rendered only for
    web pages does not become the key of a journal article.
    """
    found: list[Candidate] = []
    for element in node.iter():
        if not isinstance(element.tag, str):
            continue
        tag = etree.QName(element).localname
        if tag == "names":
            limits = _et_al_limits(root, _names_with_options(element), key)
            condition = _type_condition(element, node)
            found += [("names", v, limits, condition) for v in element.get("variable", "").split()]
        elif tag in ("date", "text", "number") and element.get("variable"):
            found.append(
                (
                    _kind(element.get("variable")),
                    element.get("variable"),
                    _NO_LIMIT,
                    _type_condition(element, node),
                )
            )
        elif tag in ("text", "key") and element.get("macro") and element.get("macro") not in seen:
            inner = _macro(root, element.get("macro"))
            if inner is not None:
                outer = _type_condition(element, node)
                found += [
                    (k, v, lim, _both(outer, cond))
                    for k, v, lim, cond in _candidates(root, inner, seen | {element.get("macro")}, key)
                ]
    return found


def _type_condition(
    element: etree._Element, top: etree._Element
) -> tuple[frozenset[str] | None, frozenset[str]]:
    """The item types under which ``element`` renders, from the ``type`` tests of enclosing branches."""
    needed: frozenset[str] | None = None
    excluded: frozenset[str] = frozenset()
    for ancestor in element.iterancestors():
        if ancestor is top:
            break
        if etree.QName(ancestor).localname not in ("if", "else-if", "else"):
            continue
        types = _types_tested(ancestor)
        if types is not None:
            if ancestor.get("match") == "none":
                excluded |= types
            else:
                needed = types if needed is None else needed & types
        for previous in ancestor.itersiblings(preceding=True):  # earlier branches that did not match
            earlier = _types_tested(previous)
            if earlier is not None and previous.get("match", "any") == "any" and len(previous.attrib) <= 2:
                excluded |= earlier
    return needed, excluded


def _types_tested(branch: etree._Element) -> frozenset[str] | None:
    if etree.QName(branch).localname not in ("if", "else-if") or branch.get("type") is None:
        return None
    return frozenset(branch.get("type").split())


def _both(a: tuple, b: tuple) -> tuple[frozenset[str] | None, frozenset[str]]:
    needed = a[0] if b[0] is None else b[0] if a[0] is None else a[0] & b[0]
    return needed, a[1] | b[1]


def _names_with_options(names: etree._Element) -> etree._Element:
    """A ``<names>`` inside ``<substitute>`` takes its name options from the enclosing ``<names>``."""
    parent = names.getparent()
    if parent is not None and etree.QName(parent).localname == "substitute":
        return parent.getparent()
    return names


def _et_al_limits(
    root: etree._Element, names: etree._Element | None, key: etree._Element | None
) -> tuple[int, int]:
    """(et-al-min, et-al-use-first) for a name list in a sort key; a large min means "never truncate"."""
    if key is not None and key.get("names-min"):
        return int(key.get("names-min")), int(key.get("names-use-first") or key.get("names-min"))
    name = names.find("cs:name", _NS) if names is not None else None
    bibliography = root.find("cs:bibliography", _NS)
    for node in (name, bibliography, root):
        if node is not None and node.get("et-al-min"):
            return int(node.get("et-al-min")), int(node.get("et-al-use-first") or node.get("et-al-min"))
    return _NO_LIMIT


def _macro(root: etree._Element, name: str) -> etree._Element | None:
    return next((m for m in root.iterfind("cs:macro", _NS) if m.get("name") == name), None)


def _value(candidates: list[Candidate], item: dict[str, Any], index: int, demote: bool) -> str | None:
    """The item's key: the first candidate variable it has, as a comparable string."""
    item_type = item.get("type", "")
    for kind, variable, (et_al_min, use_first), (needed, excluded) in candidates:
        if (needed is not None and item_type not in needed) or item_type in excluded:
            continue
        value = item.get(variable)
        if kind == "position":
            return f"{index:010d}"
        if not value:
            continue
        if kind == "names" and isinstance(value, list):
            names = value[:use_first] if len(value) >= et_al_min else value
            return " ".join(_name_key(n, demote) for n in names)
        if kind == "date" and isinstance(value, dict):
            parts = (value.get("date-parts") or [[]])[0]
            if parts:
                return "".join(
                    f"{int(p):04d}" if i == 0 else f"{int(p):02d}" for i, p in enumerate(parts[:3])
                )
            continue
        if kind == "number":
            match = re.match(r"\d+", str(value))
            return f"{int(match.group()):010d}" if match else _fold(str(value))
        folded = _fold(str(value))
        if folded:
            return folded
    return None


def _name_key(name: dict[str, Any], demote: bool) -> str:
    if name.get("literal"):
        return _fold(name["literal"])
    particle = name.get("non-dropping-particle", "")
    family = name.get("family", "")
    given = " ".join(p for p in (name.get("given", ""), name.get("dropping-particle", "")) if p)
    if particle and demote:
        given = f"{given} {particle}".strip()
    elif particle:
        family = f"{particle} {family}"
    return _fold(f"{family} {given}")


def _fold(text: str) -> str:
    """Lower case, no accents, no punctuation, no ``<span class="nocase">`` markup."""
    text = re.sub(r"</?span[^>]*>", "", text)
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", bare.lower()).split())
