"""Small workarounds around citeproc-py's rendering gaps, each a pure function tested on its own.

They act around citeproc-py, never inside it: on the CSL-JSON items before rendering, on the parsed
style tree once after loading, and on the rendered strings. Reference behaviour is pandoc's citeproc.
"""

from __future__ import annotations

import copy
import re
import string
from collections.abc import Sequence
from typing import Any

from lxml import etree

CSL_NS = "http://purl.org/net/xbiblio/csl"
_NS = {"cs": CSL_NS}

# ---------------------------------------------------------------------------------------------
# Items (CSL-JSON dicts)


def drop_others_marker(names: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Remove the "and others" marker (``{"literal": "others"}``, as pandoc writes it).

    citeproc-py would print it as a name ("Askell, A., & others"); pandoc glues it on ("Askell,
    A.others."). We list the names we have, which the style then abbreviates with "et al." as it likes.
    """
    return [n for n in names if (n.get("literal") or "").strip().lower() not in ("others", "et al.", "et al")]


_RANGE = re.compile(r"^\s*(\w*?)(\d+)\s*(?:-+|–|—)\s*(\w*?)(\d+)\s*$")


def format_page_range(page: str, range_format: str | None) -> str:
    """``page`` with its range written as the CSL ``page-range-format`` says, en dash between.

    Done here because citeproc-py's own formatting loses digits (``1-30`` became ``1–0`` in MLA's
    ``minimal-two``). Lists (``1-3, 7``) are formatted part by part; anything else is kept as is.
    """
    parts = [p for p in re.split(r"(\s*[,&]\s*)", page)]
    return "".join(_format_one_range(p, range_format) for p in parts)


def _format_one_range(part: str, range_format: str | None) -> str:
    match = _RANGE.match(part)
    if not match:
        return part
    prefix1, first, prefix2, last = match.groups()
    if prefix1 != prefix2 or len(last) > len(first) or int(last) < int(first):
        if len(last) < len(first) and prefix1 == prefix2:  # already abbreviated: 101-15
            last = first[: len(first) - len(last)] + last
        else:
            return f"{prefix1}{first}–{prefix2}{last}"
    return f"{prefix1}{first}–{prefix2}{_abbreviate_last(first, last, range_format)}"


def _abbreviate_last(first: str, last: str, range_format: str | None) -> str:
    if range_format in ("chicago", "chicago-15", "chicago-16"):
        range_format = _chicago_rule(first, last, range_format)
    if range_format not in ("minimal", "minimal-two") or len(first) != len(last):
        return last
    common = 0
    while common < len(first) and first[common] == last[common]:
        common += 1
    keep = len(last) - common
    if range_format == "minimal-two":
        keep = max(keep, 2)
    return last[-keep:] if keep < len(last) else last


def _chicago_rule(first: str, last: str, variant: str) -> str:
    """Chicago Manual of Style 9.64 (16th ed.; the 15th keeps 4-digit ranges with 3+ changes whole)."""
    number = int(first)
    if number < 100 or number % 100 == 0:
        return "expanded"
    if (
        variant in ("chicago", "chicago-15")
        and len(first) == 4
        and sum(a != b for a, b in zip(first, last, strict=False)) >= 3
    ):
        return "expanded"
    if number % 100 < 10:
        return "minimal"
    return "minimal-two"


def year_suffixes(items: Sequence[dict[str, Any]]) -> dict[int, str]:
    """Index -> ``a``, ``b``, … for items sharing their names and year, in the given (sorted) order.

    citeproc-py renders ``year-suffix`` when the item carries one but never computes it; pandoc adds it
    when two bibliography entries would cite the same (``He et al., 2016a`` / ``2016b``).
    """
    groups: dict[tuple, list[int]] = {}
    for index, item in enumerate(items):
        year = _year(item)
        people = item.get("author") or item.get("editor")
        if not people or not year:
            continue
        key = (tuple(_name_key(n) for n in people), year)
        groups.setdefault(key, []).append(index)
    suffixes: dict[int, str] = {}
    for members in groups.values():
        if len(members) > 1:
            for letter, index in zip(string.ascii_lowercase, members, strict=False):
                suffixes[index] = letter
    return suffixes


def names_for_disambiguation(
    root: etree._Element, items: Sequence[dict[str, Any]]
) -> dict[int, tuple[int, int] | None]:
    """Position -> the ``(et-al-min, et-al-use-first)`` to render it with (None: as the style says).

    pandoc carries the citation's ``disambiguate-add-names`` into the bibliography: when two entries
    would be cited alike ("Dettmers et al." twice; with the year in author-date styles), names are added
    until they differ ("Dettmers, Tim, Artidoro Pagnoni, et al."). Only for styles whose bibliography
    is not numbered (the entries are rendered in groups).
    """
    plain = {i: None for i in range(len(items))}
    citation = root.find("cs:citation", _NS)
    if citation is None or citation.get("disambiguate-add-names") != "true" or _numbered(root):
        return plain
    cite_min, cite_first = _et_al(citation, root)
    bib_min, bib_first = _et_al(root.find("cs:bibliography", _NS), root)
    with_year = adds_year_suffix(root)
    people = [[_name_key(n) for n in (item.get("author") or item.get("editor") or [])] for item in items]
    cited: dict[tuple, list[int]] = {}
    for index, names in enumerate(people):
        if names:
            shown = tuple(names[:cite_first]) + (("et al.",) if len(names) >= cite_min else ())
            cited.setdefault((shown, _year(items[index]) if with_year else ""), []).append(index)
    result = dict(plain)
    for members in cited.values():
        for index in members:
            others = [people[o] for o in members if people[o] != people[index]]
            needed = _names_needed(people[index], others, cite_first)
            if needed and needed > bib_first and len(people[index]) >= bib_min:
                result[index] = (bib_min, needed)
    return result


def _names_needed(names: list, others: list[list], start: int) -> int | None:
    for count in range(start, len(names) + 1):
        if all(other[:count] != names[:count] for other in others):
            return count
    return None


def _et_al(node: etree._Element | None, root: etree._Element) -> tuple[int, int]:
    for element in (node, root):
        if element is not None and element.get("et-al-min"):
            return int(element.get("et-al-min")), int(
                element.get("et-al-use-first") or element.get("et-al-min")
            )
    return 10**6, 10**6


def _numbered(root: etree._Element) -> bool:
    return root.find("cs:bibliography/cs:layout//*[@variable='citation-number']", _NS) is not None


def set_et_al(root: etree._Element, et_al_min: int, use_first: int) -> None:
    """Give the bibliography's names the et-al rule ``(et_al_min, use_first)``, no ``et-al-use-last``."""
    bibliography = root.find("cs:bibliography", _NS)
    for node in (bibliography, *root.iter(f"{{{CSL_NS}}}name")):
        if node is bibliography or node.get("et-al-min") or node.get("et-al-use-first"):
            node.set("et-al-min", str(et_al_min))
            node.set("et-al-use-first", str(use_first))
        node.attrib.pop("et-al-use-last", None)


def names_before_others(names: Sequence[dict[str, Any]]) -> int:
    """How many names precede an "and others" marker (0 when the list has none)."""
    if names and (names[-1].get("literal") or "").strip().lower() in ("others", "et al.", "et al"):
        return len(drop_others_marker(list(names)))
    return 0


def et_al_for_others(root: etree._Element, real: int) -> tuple[int, int] | None:
    """The et-al rule that prints "et al." after the ``real`` known names of an "and others" list.

    The list is rendered with a placeholder name after the known ones; when the style would not
    truncate a list that long, the rule is changed so that exactly the known names are shown.
    """
    bibliography = root.find("cs:bibliography", _NS)
    if bibliography.get("et-al-min") or root.get("et-al-min"):
        style_min, style_first = _et_al(bibliography, root)
    else:  # the rule is on the <name> elements (first one that has it)
        named = next((n for n in root.iter(f"{{{CSL_NS}}}name") if n.get("et-al-min")), None)
        style_min, style_first = _et_al(named, root)
    if real + 1 >= style_min and style_first <= real:
        return None  # the style's own rule already cuts before the placeholder
    return (real + 1, real)


def _year(item: dict[str, Any]) -> str:
    issued = item.get("issued") or {}
    parts = issued.get("date-parts") or [[]]
    return str(parts[0][0]) if parts and parts[0] else ""


def _name_key(name: dict[str, Any]) -> tuple[str, ...]:
    return tuple((name.get(k) or "").lower() for k in ("literal", "non-dropping-particle", "family", "given"))


# ---------------------------------------------------------------------------------------------
# The parsed style (an lxml tree), adjusted once after loading


def style_option(root: etree._Element, name: str) -> str | None:
    """An inheritable option as the bibliography sees it (bibliography element, then style root)."""
    bibliography = root.find("cs:bibliography", _NS)
    if bibliography is not None and bibliography.get(name) is not None:
        return bibliography.get(name)
    return root.get(name)


def space_after_margin_label(root: etree._Element) -> None:
    """Separate a number label from the entry (``[1] E. Smith``, not ``[1]E. Smith``).

    The label is the layout's first element when the bibliography has ``second-field-align``, or an
    element with ``display="left-margin"``. citeproc-py concatenates it with the rest; pandoc's plain
    output puts a space between them.
    """
    layout = root.find("cs:bibliography/cs:layout", _NS)
    if layout is None:
        return
    labels = list(layout.iterfind(".//*[@display='left-margin']"))
    first = next((child for child in layout if isinstance(child.tag, str)), None)
    if root.find("cs:bibliography", _NS).get("second-field-align") and first is not None:
        labels.append(first)
    for node in labels:
        suffix = node.get("suffix", "")
        if not suffix.endswith(" "):
            node.set("suffix", suffix + " ")


def inherit_name_options_in_substitutes(root: etree._Element) -> None:
    """A bare ``<names variable="editor"/>`` anywhere in a ``<substitute>`` takes the ``<name>``,
    ``<et-al>`` and ``<label>`` of the ``<names>`` it stands in for (CSL "Substitution").

    citeproc-py passes them on only to direct children of ``<substitute>``; Chicago's editors inside a
    ``<choose>`` were printed in display order without their label ("Nitin Indurkhya, Fred J. Damerau."
    for pandoc's "Indurkhya, Nitin, and Fred J. Damerau, eds."). Copies of the children are put in.
    """
    for substitute in root.iter(f"{{{CSL_NS}}}substitute"):
        original = substitute.getparent()
        inherited = [
            child
            for child in original
            if isinstance(child.tag, str) and etree.QName(child).localname in ("name", "et-al", "label")
        ]
        if not inherited:
            continue
        for names in substitute.iter(f"{{{CSL_NS}}}names"):
            bare = not any(isinstance(child.tag, str) for child in names)
            if bare and names.getparent() is not substitute and _nearest_substitute(names) is substitute:
                names.extend(copy.deepcopy(child) for child in inherited)


def _nearest_substitute(node: etree._Element) -> etree._Element | None:
    return next(node.iterancestors(f"{{{CSL_NS}}}substitute"), None)


def honour_initialize_false(root: etree._Element) -> None:
    """Keep given names whole where a ``<name initialize="false">`` asks (MLA, Chicago).

    citeproc-py ignores ``initialize`` and initializes whenever ``initialize-with`` is inherited. The
    inherited value is pushed down onto the names that should initialize, and removed from the
    ancestors, so that ``initialize="false"`` names inherit nothing.
    """
    names = list(root.iter(f"{{{CSL_NS}}}name"))
    if not any(n.get("initialize") == "false" for n in names):
        return
    inherited = {
        "citation": _inherited(root, "cs:citation"),
        "bibliography": _inherited(root, "cs:bibliography"),
    }
    for name in names:
        if name.get("initialize") == "false":
            name.attrib.pop("initialize-with", None)
        elif name.get("initialize-with") is None:
            context = _context_of(name)
            value = inherited.get(context) or inherited["bibliography"] or inherited["citation"]
            if value is not None:
                name.set("initialize-with", value)
    for node in (root, root.find("cs:citation", _NS), root.find("cs:bibliography", _NS)):
        if node is not None:
            node.attrib.pop("initialize-with", None)


def _inherited(root: etree._Element, child: str) -> str | None:
    node = root.find(child, _NS)
    if node is not None and node.get("initialize-with") is not None:
        return node.get("initialize-with")
    return root.get("initialize-with")


def _context_of(node: etree._Element) -> str:
    for ancestor in node.iterancestors():
        tag = etree.QName(ancestor).localname
        if tag in ("citation", "bibliography"):
            return tag
    return "bibliography"  # inside a macro: the bibliography is what we render


def labels_only_with_their_variable(root: etree._Element) -> None:
    """Render ``<label variable="X">`` only when the item has X.

    citeproc-py prints the term of a label whose variable is empty ("Wired, September 14. Edition.");
    each such label is wrapped in ``<choose><if variable="X">``.
    """
    for label in list(root.iter(f"{{{CSL_NS}}}label")):
        variable = label.get("variable")
        if not variable or variable == "locator":
            continue
        parent = label.getparent()
        choose = etree.SubElement(parent, f"{{{CSL_NS}}}choose")
        parent.remove(choose)
        condition = etree.SubElement(choose, f"{{{CSL_NS}}}if", variable=variable)
        choose.tail, label.tail = label.tail, None
        parent.replace(label, choose)
        condition.append(label)


def title_case_labels(root: etree._Element) -> None:
    """``<label text-case="title">`` → ``capitalize-all`` ("(Eds.)" in APA).

    citeproc-py applies title case only when it knows the language is English, which it never does
    for labels; for a label term the two cases give the same result.
    """
    for label in root.iter(f"{{{CSL_NS}}}label"):
        if label.get("text-case") == "title":
            label.set("text-case", "capitalize-all")


def drop_page_range_format(root: etree._Element) -> str | None:
    """Remove ``page-range-format`` (we format ranges ourselves) and return it."""
    value = root.get("page-range-format")
    root.attrib.pop("page-range-format", None)
    return value


def adds_year_suffix(root: etree._Element) -> bool:
    citation = root.find("cs:citation", _NS)
    return citation is not None and citation.get("disambiguate-add-year-suffix") == "true"


# ---------------------------------------------------------------------------------------------
# Rendered strings

_QUOTE_THEN_PUNCT = re.compile(r"([”’])([.,])")


def punctuation_inside_quotes(text: str) -> str:
    """``“Title”,`` → ``“Title,”`` (American usage, locale option ``punctuation-in-quote``).

    A closing single quote counts only when an opening one precedes it, so that apostrophes stay put;
    a title that already ends in ``.?!`` swallows the moved mark (``“Why?”.`` → ``“Why?”``).
    """

    def move(match: re.Match[str]) -> str:
        quote, mark = match.groups()
        start = match.start()
        if quote == "’" and "‘" not in text[:start]:
            return match.group(0)
        if start > 0 and text[start - 1] in ".?!":
            return quote
        if start > 0 and text[start - 1] == ",":
            return quote if mark == "," else f"{quote}{mark}"
        return f"{mark}{quote}"

    return _QUOTE_THEN_PUNCT.sub(move, text)


def clean_punctuation(text: str) -> str:
    """Collapse runs of spaces; drop a period after a title's own ``?`` or ``!`` (``help?.`` → ``help?``)."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"(?<=\S) +,", ",", text)  # "vol. 7700. , Berlin" left by an empty variable
    text = re.sub(r"([?!][”’]?)\.(?=\s|$)", r"\1", text)
    return text.strip()


def typographic_apostrophes(text: str) -> str:
    """``Master's`` → ``Master’s``, as pandoc's smart punctuation writes it."""
    return re.sub(r"(?<=\w)'(?=\w)", "’", text)


def drop_repeated_title(text: str, item: dict[str, Any]) -> str:
    """Drop the second copy of a title (or container title) that stood in for missing authors.

    CSL says a variable used by ``<substitute>`` is suppressed for the rest of the entry; citeproc-py
    repeats it ("Title. (2021). Title. Journal"). Matching ignores case (the style may title-case it).
    """
    if item.get("author") or item.get("editor"):
        return text
    folded = text.lower()
    for variable in ("title", "container-title"):
        value = re.sub(r"</?span[^>]*>", "", str(item.get(variable) or "")).lower()
        if not value:
            continue
        # a whole field (between spaces, quotes or punctuation), not a piece of a URL
        fields = [
            m.start()
            for m in re.finditer(rf"(?:(?<=^)|(?<=[\s“\"‘(])){re.escape(value)}(?=[\s”\"’.,;:)]|$)", folded)
        ]
        if len(fields) < 2:
            continue
        start = fields[1]
        end = start + len(value)
        while start > 0 and text[start - 1] in '“"‘':  # the quotes around the repeated title go too
            start -= 1
        while end < len(text) and text[end] in '”"’.,;: ':
            end += 1
        return text[:start] + text[end:]
    return text


def substitute_repeated_authors(texts: list[str], items: list[dict[str, Any]], substitute: str) -> list[str]:
    """``subsequent-author-substitute`` (rule ``complete-all``), which citeproc-py ignores.

    When an entry has exactly the names of the entry before it, the rendered names (the text both
    entries start with, up to the end of the names) are replaced by the substitute (MLA's "———").
    """
    out = list(texts)
    for i in range(1, len(texts)):
        names = items[i].get("author") or items[i].get("editor")
        if not names or names != (items[i - 1].get("author") or items[i - 1].get("editor")):
            continue
        prefix = _common_names_prefix(texts[i - 1], texts[i])
        if prefix:
            out[i] = substitute + texts[i][len(prefix) :]
    return out


def _common_names_prefix(a: str, b: str) -> str:
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    prefix = a[:common]
    cut = max(prefix.rfind(". "), prefix.rfind(" ("))
    if cut <= 0:
        return ""
    names = prefix[:cut]
    # "Frantar, Elias, and Dan Alistarh." — keep the period of an initial, drop the closing one
    return names
