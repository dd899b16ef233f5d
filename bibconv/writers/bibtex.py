"""Records -> clean, deterministic BibTeX.

One entry per record, fields in the fixed order of ``bibconv.data.bibtex.FIELD_ORDER`` (fields kept in
``record.extra`` follow, sorted), one field per line as ``  name = {value},``, a blank line between
entries. Values are unicode by default; ``ascii=True`` spells non-ASCII characters as LaTeX. Months are
written as the unbraced ``jan`` … ``dec`` macros so that styles print them their own way.

Titles get braces around the words a lowercasing style must not touch: acronyms and words with inner
capitals or digits (``{GPTQ}``, ``{LLMs}``, ``{SqueezeLLM}``), and, when the title is written in sentence
case, its capitalised words after the first (proper nouns: ``{Gaussian}``).

Everything here is the inverse of ``bibconv.readers.bibtex``: reading what we write gives the same record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache, partial
from itertools import compress
from operator import attrgetter, itemgetter
from typing import Any

from ..casing import is_protected, sentence_case_vote
from ..data import bibtex as tables
from ..gcpause import cyclic_gc_paused
from ..latex import latex_to_unicode, split_top_level_words, unicode_to_latex
from ..model import Name, Record
from ..transforms.names import format_bibtex_name

__all__ = ["write", "protect_title"]

_INDENT = "  "
_SENTENCE_END = (":", ".", "?", "!", "—", "–")
# "@type{" or "@type(" opening a line inside a value would start a new block (see readers/bibtex_splitter)
_LINE_START_AT = re.compile(r"\n([^\S\n]*)@(?=\w*[ \t]*[{(])")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_YEAR_START = re.compile(r"\d{4}")
_LATEX_SYNTAX = re.compile(r"[\\{}$]")
_SEGMENT_SPLIT = re.compile(r"[-/–—]")
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")
_ATTRIBUTE_FIELDS = {attribute: name for name, attribute in tables.SIMPLE_FIELDS.items()}
_NUMBER_ATTRIBUTES = ("issue", "collection_number", "number")
# The simple attributes that _fields writes in one loop: the title, the page range and the number-like
# attributes (see _put_numbers) have code of their own.
_SIMPLE_LOOP = {
    attribute: name
    for attribute, name in _ATTRIBUTE_FIELDS.items()
    if attribute not in (*_NUMBER_ATTRIBUTES, "title", "page")
}
_SIMPLE_NAMES = tuple(_SIMPLE_LOOP.values())
_simple_values = attrgetter(*_SIMPLE_LOOP)
# Known fields in their fixed order, then the others by name.
_FIELD_RANK = {name: rank for rank, name in enumerate(tables.FIELD_ORDER)}
_UNRANKED = len(_FIELD_RANK)


def write(
    records: Sequence[Record], *, ascii: bool = False, arxiv_style: str = "eprint", **_options: Any
) -> str:
    """The BibTeX text of ``records`` (empty string for no records)."""
    with cyclic_gc_paused():  # only short-lived, acyclic pieces: see bibconv.gcpause
        entries = [_entry(record, index, ascii, arxiv_style) for index, record in enumerate(records, start=1)]
    return "\n".join(entries)


def _entry(record: Record, index: int, ascii: bool, arxiv_style: str) -> str:
    fields = _fields(record, ascii, arxiv_style)
    lines = [f"@{record.entry_type or 'misc'}{{{record.key or f'ref{index}'},"]
    for name in _ordered(tuple(fields)):
        value = fields[name]
        lines.append(f"{_INDENT}{name} = {value}," if name == "month" else f"{_INDENT}{name} = {{{value}}},")
    lines.append("}\n")
    return "\n".join(lines)


@lru_cache(maxsize=4096)  # entries of one type mostly have the same fields in the same order
def _ordered(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(names, key=_field_order))


def _field_order(name: str) -> tuple[int, str]:
    return _FIELD_RANK.get(name, _UNRANKED), name


def _fields(record: Record, ascii: bool, arxiv_style: str) -> dict[str, str]:
    """BibTeX field name -> encoded value (without the outer braces)."""

    text = _ENCODERS[bool(ascii)]  # unicode_to_latex(value, ascii=ascii), cached
    entry_type = record.entry_type or "misc"
    fields: dict[str, str] = {}
    if record.title:
        # titles are mostly distinct: no use caching their encoding (protect_title caches the result)
        fields["title"] = protect_title(unicode_to_latex(record.title, ascii=ascii), record.case_protected)
    for attribute in ("author", "editor", "translator"):
        names = getattr(record, attribute)
        if names:
            fields[attribute] = _names_text(names, ascii)
    container = record.container_title
    if record.arxiv and arxiv_style == "scholar" and not container:
        fields["journal"] = text(tables.SCHOLAR_ARXIV_VENUE.format(id=record.arxiv))
    elif container:
        fields[tables.CONTAINER_FIELD.get(entry_type, "journal")] = _brace_listed(
            text(container), record.case_protected
        )
    _put_numbers(record, entry_type, fields, text)
    if record.publisher:
        fields[tables.PUBLISHER_FIELD.get(entry_type, "publisher")] = text(record.publisher)
    issued = record.issued
    if len(issued) == 4 and issued.isdecimal():
        fields["year"] = issued  # the common case of _date_fields: \d is isdecimal()
    elif issued:
        fields.update(_date_fields(issued, text))
    values = _simple_values(record)  # all in one C call; compress() skips the empty ones in C too
    for name, value in zip(compress(_SIMPLE_NAMES, values), filter(None, values), strict=True):
        if name not in fields:
            fields[name] = _encode_field(name, value, ascii)
    if record.page:
        fields["pages"] = "--".join(map(text, record.page.split("–")))
    _put_arxiv(record, arxiv_style, fields)
    if record.keywords:
        fields["keywords"] = ", ".join(text(k) for k in record.keywords)
    if record.groups:
        fields["groups"] = "; ".join(text(g) for g in record.groups)
    if record.ids:
        fields["ids"] = ", ".join(_verbatim(i) for i in record.ids)
    for name, value in record.extra.items():
        if value and name not in fields:  # a known field wins over an extra of the same name
            fields[name] = _encode_field(name, value, ascii)
    return fields


# Venues, years, volumes, publishers and page numbers recur: a cache hit costs less than the regex search
# of unicode_to_latex, and an lru_cache per ``ascii`` value is called without a Python frame.
_ENCODERS = (
    lru_cache(maxsize=65536)(partial(unicode_to_latex, ascii=False)),
    lru_cache(maxsize=16384)(partial(unicode_to_latex, ascii=True)),
)


def _put_numbers(record: Record, entry_type: str, fields: dict[str, str], text: Any) -> None:
    """The type's own number-like attribute goes to ``number``; the others to their fallback fields."""
    own = tables.NUMBER_ATTRIBUTE.get(entry_type, "number")
    for attribute in _NUMBER_ATTRIBUTES:
        value = getattr(record, attribute)
        if value:
            fields["number" if attribute == own else tables.NUMBER_FALLBACK_FIELD[attribute]] = text(value)


def _date_fields(issued: str, text: Any) -> dict[str, str]:
    """``YYYY-MM-DD`` -> year, month macro and (for the day, which BibTeX has no field for) a date."""
    if not issued:
        return {}
    match = _ISO_DATE.fullmatch(issued)
    if not match or (match.group(2) and not 1 <= int(match.group(2)) <= 12):
        return {"year": text(issued)} if _YEAR_START.match(issued) else {"date": text(issued)}
    year, month, day = match.groups()
    fields = {"year": year}
    if month:
        fields["month"] = tables.MONTH_MACROS[int(month)]
    if day:
        fields["date"] = issued
    return fields


def _put_arxiv(record: Record, arxiv_style: str, fields: dict[str, str]) -> None:
    if not record.arxiv:
        return
    if arxiv_style == "scholar" and not record.container_title:
        return  # the Scholar venue written as the journal says it all
    fields["eprint"] = record.arxiv
    fields["archiveprefix"] = "arXiv"
    fields.setdefault("doi", tables.ARXIV_DOI_PREFIX + record.arxiv)


def _encode_field(name: str, value: str, ascii: bool) -> str:
    if name in tables.VERBATIM_FIELDS or "url" in name:
        return _verbatim(value)
    encoded = unicode_to_latex(value, ascii=ascii)
    if "\n" in encoded:  # an abstract's paragraphs: "@type{" opening a line would start a new entry
        encoded = _LINE_START_AT.sub(r"\n\1{}@", encoded)
    return encoded


def _verbatim(value: str) -> str:
    """URLs and identifiers are written as they are; braces are percent-encoded to keep the file balanced."""
    return value.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")


#: ``_format_name`` by the identity of the name (for ``ascii`` False and True). Readers share one ``Name``
#: object among the entries that spell it alike, and hashing a Name for the lru cache is a Python call
#: (the dataclass ``__hash__``) that cost a tenth of writing. The entry keeps its name alive, so an id
#: found here is never a reused one.
_NAME_TEXTS: tuple[dict[int, tuple[Name, str]], dict[int, tuple[Name, str]]] = ({}, {})
_NAME_TEXTS_LIMIT = 65536


def _names_text(names: tuple[Name, ...], ascii: bool) -> str:
    """``" and ".join(_name_text(name, ascii) for name in names)`` with the memo looked up in place."""
    cache = _NAME_TEXTS[ascii]
    texts = []
    for name in names:
        known = cache.get(id(name))
        texts.append(known[1] if known is not None and known[0] is name else _name_text(name, ascii))
    return " and ".join(texts)


def _name_text(name: Name, ascii: bool) -> str:
    cache = _NAME_TEXTS[ascii]
    known = cache.get(id(name))
    if known is not None and known[0] is name:
        return known[1]
    text = _format_name(name, ascii)
    if len(cache) >= _NAME_TEXTS_LIMIT:
        cache.clear()
    cache[id(name)] = (name, text)
    return text


@lru_cache(maxsize=65536)
def _format_name(name: Name, ascii: bool) -> str:
    text = format_bibtex_name(_encode_name(name, ascii))
    if name.family and not (name.given or name.suffix) and (" " in text or text.startswith("{")):
        # "De Sa," and "{hooks}," are family names; without the comma BibTeX would read a given name
        # ("De") or an organisation ("{hooks}")
        text += ","
    return text


def _encode_name(name: Name, ascii: bool) -> Name:
    """A name with LaTeX-encoded parts; a lowercase family name that encodes to a macro is braced whole."""
    if name.others:
        return name
    if name.literal:
        return Name(literal=unicode_to_latex(name.literal, ascii=ascii))
    family = unicode_to_latex(name.family, ascii=ascii)
    if name.family[:1].islower() and not family[:1].islower():
        family = "{" + family + "}"  # "{\"o}zt{\"u}rk" would otherwise read as a von part
    return Name(
        family=family,
        given=unicode_to_latex(name.given, ascii=ascii),
        particle=unicode_to_latex(name.particle, ascii=ascii),
        suffix=unicode_to_latex(name.suffix, ascii=ascii),
    )


# --- case protection of titles -----------------------------------------------------------------------


@lru_cache(maxsize=65536)  # duplicates and versions of one work share their title
def protect_title(latex: str, protected: tuple[str, ...] = ()) -> str:
    """Brace the words of an encoded title that a lowercasing BibTeX style must leave alone.

    Those are the case-significant words (``GPTQ``, ``iPhone``), the proper nouns of a sentence-case
    title, and the words the source itself protected (``protected``, see ``Record.case_protected``).
    """
    simple = _LATEX_SYNTAX.search(latex) is None
    words = latex.split(" ") if simple else split_top_level_words(latex)
    plain = words if simple else [latex_to_unicode(word) for word in words]
    traits = list(map(_word_traits, plain))
    votes, ends_sentence, needs = zip(*traits, strict=True)
    if protected or True in ends_sentence[:-1] or "" in plain:
        return _protect_words(words, plain, traits, protected)
    # One sentence, no empty word, nothing protected by the source (most titles): only the first word
    # is at a sentence start, so the votes of the others are counted and each word's answer looked up
    # without walking the words in Python; ``_protect_words`` gives the same result the long way.
    first_vote = votes[0]
    lower = votes.count(1) - (first_vote == 1)
    upper = votes.count(-1) - (first_vote == -1)
    sentence_case = int(lower > 0 and lower >= upper)
    braced = list(map(itemgetter(sentence_case), needs))
    braced[0] = needs[0][2 + sentence_case]
    if True not in braced:
        return latex
    words = list(words)  # ``plain`` may be the same list
    for index in compress(range(len(words)), braced):
        words[index] = _brace(words[index])
    return " ".join(words)


def _protect_words(
    words: list[str],
    plain: list[str],
    traits: list[tuple[int, bool, tuple[bool, bool, bool, bool]]],
    protected: tuple[str, ...],
) -> str:
    """``protect_title`` word by word: sentence starts after ``.``/``:``, empty words, protected words."""
    # words_look_sentence_case(plain), from the words' cached votes
    lower = upper = 0
    at_sentence_start = True
    for text, (vote, ends_sentence, _) in zip(plain, traits, strict=True):
        if not at_sentence_start:
            if vote > 0:
                lower += 1
            elif vote < 0:
                upper += 1
        if text:
            at_sentence_start = ends_sentence
    # index into each word's _needs_protection answers: 2 * at_sentence_start + sentence_case
    sentence_case = int(lower > 0 and lower >= upper)
    out: list[str] = []
    at_sentence_start = True
    for word, text, (_, ends_sentence, needs) in zip(words, plain, traits, strict=True):
        if word and (
            needs[2 * at_sentence_start + sentence_case] or protected and is_protected(text, protected)
        ):
            word = _brace(word)
        out.append(word)
        if text:
            at_sentence_start = ends_sentence
    return " ".join(out)


@lru_cache(maxsize=1 << 16)  # titles are mostly distinct, their words are not
def _word_traits(text: str) -> tuple[int, bool, tuple[bool, bool, bool, bool]]:
    """What ``protect_title`` needs from one decoded word: its ``sentence_case_vote``, whether it ends a
    sentence, and ``_needs_protection`` for each (at a sentence start, in a sentence-case title)."""
    needs = tuple(
        _needs_protection(text, start, sentence) for start in (False, True) for sentence in (False, True)
    )
    return sentence_case_vote(text), text.endswith(_SENTENCE_END), needs  # type: ignore[return-value]


def _brace_listed(latex: str, protected: tuple[str, ...]) -> str:
    """Brace only the words the source protected (a booktitle keeps its case as written otherwise)."""
    if not protected:
        return latex
    simple = _LATEX_SYNTAX.search(latex) is None
    words = latex.split(" ") if simple else split_top_level_words(latex)
    return " ".join(
        _brace(word) if word and is_protected(word if simple else latex_to_unicode(word), protected) else word
        for word in words
    )


def _brace(word: str) -> str:
    """``{GPTQ}:`` rather than ``{GPTQ:}``: trailing sentence punctuation stays outside the braces."""
    core = word.rstrip(":;,.!?")
    if not core or core.endswith("\\"):
        core = word
    return "{" + core + "}" + word[len(core) :]


def _needs_protection(text: str, at_sentence_start: bool, sentence_case: bool) -> bool:
    if text.startswith("$"):  # math kept verbatim: styles would lowercase it too
        return any(ch.isupper() for ch in text)
    if text.islower() or not sentence_case and text[1:].islower() and not any(ch.isdigit() for ch in text):
        return False  # the common case, decided without splitting the word
    core = _EDGE_PUNCTUATION.sub("", text)
    segments = [s for s in _SEGMENT_SPLIT.split(core) if s]
    for position, segment in enumerate(segments):
        if not segment[0].isupper():
            if any(ch.isupper() for ch in segment):
                return True  # iPhone, mRNA
            continue
        if any(ch.isupper() for ch in segment[1:]) or any(ch.isdigit() for ch in segment):
            return True  # GPTQ, LLMs, SqueezeLLM, T5
        if sentence_case and (position > 0 or not at_sentence_start):
            return True  # a proper noun in a sentence-case title
    return False
