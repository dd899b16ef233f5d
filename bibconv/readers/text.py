"""Citation strings: one per line, or a references section wrapped across lines as copied from a PDF.

Line mode (the default) yields exactly one record per non-empty line, in order; a leading bullet
(``- ``, ``* ``, ``•``) or number (``[12]``, ``12.``, ``(12)``, ``12)``) is stripped first. A line the parser
cannot make sense of still yields a ``misc`` record with the raw text in ``note``, plus a positioned
warning and a ``report.unread`` entry.

Wrapped mode (``wrapped=True``, ``--wrapped``) first rebuilds the entries: page furniture (lone page
numbers, running headers repeated on several pages, a "References" heading) is dropped, entry starts are
found from their numbering (``[1]``, ``1.``, in sequence), else from bullets, else from a hanging indent,
else from an author-like line after a line that can end an entry (candidates without a year are folded
back: "Springer, Cham."), and continuation lines are joined, repairing words hyphenated at
a line end. Each entry's position is the line it starts on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..citations import ParsedCitation, parse_citations
from ..model import Record, Source
from ..report import Report, Unread

__all__ = ["read", "split_entries", "strip_marker", "join_wrapped", "physical_lines"]

FORMAT = "text"

# A plain "12." number has at most three digits, so that a leading year ("2019. Title …") is kept.
_MARKER = re.compile(r"^\s*(?:[-*•‣◦+·]\s+|\[\s*\d{1,4}\s*\]\s*|\(\s*\d{1,3}\s*\)\s*|\d{1,3}[.)](?=\s))\s*")
_NUMBERED = re.compile(r"^\s*(?:\[\s*(?P<bracket>\d{1,4})\s*\]|(?P<dot>\d{1,3})[.)](?=\s))")


def strip_marker(line: str) -> str:
    """A citation line without its bullet or list number (``[12] A. Author …`` -> ``A. Author …``)."""
    return _MARKER.sub("", line, count=1).strip()


@dataclass(frozen=True, slots=True)
class Entry:
    """One citation rebuilt from the input: its text and the 1-based line it starts on."""

    text: str
    line: int


def physical_lines(text: str) -> list[str]:
    """Lines as editors number them: split at newlines only (a form feed or U+2028 does not start a line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# --- line mode -----------------------------------------------------------------------------------


def _line_entries(text: str) -> Iterator[Entry]:
    for number, line in enumerate(physical_lines(text), start=1):
        if line.strip():
            yield Entry(strip_marker(line) or line.strip(), number)


# --- wrapped mode: page furniture ----------------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—])?\s*$", re.IGNORECASE
)
_HEADING = re.compile(
    r"^\s*(?:\d+\.?\s*|[IVX]+\.\s*)?(?:references|bibliography|works cited|literature cited|literatur|références|referencias|cited works)\s*:?\s*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


def _furniture_lines(lines: list[str]) -> set[int]:
    """Indexes of lines that are page furniture, not citation text.

    Lone page numbers and a "References" heading always are. A running header or footer is a line that
    recurs (digits aside) and every time sits at a page break: next to a page number, a blank line or a
    form feed, or at the start or end of the text. Citation lines that merely repeat ("Representations,
    2023.") sit inside entries and are kept.
    """
    shapes = [_DIGITS.sub("#", " ".join(line.split())) for line in lines]
    counts = Counter(shape for shape in shapes if shape)
    breaks = {
        i for i, line in enumerate(lines) if not line.strip() or _PAGE_NUMBER.match(line) or "\f" in line
    }
    furniture = {
        i
        for i, line in enumerate(lines)
        if line.strip() and (_PAGE_NUMBER.match(line) or _HEADING.match(line))
    }

    def at_page_break(i: int) -> bool:
        return i == 0 or i == len(lines) - 1 or i - 1 in breaks or i + 1 in breaks

    recurring: dict[str, list[int]] = {}
    for i, shape in enumerate(shapes):
        if counts[shape] >= 2 and len(shape) <= 120 and i not in furniture and not _NUMBERED.match(lines[i]):
            recurring.setdefault(shape, []).append(i)
    for positions in recurring.values():
        if all(at_page_break(i) for i in positions):
            furniture.update(positions)
    # A header that appears once (a section over two pages): alone between page breaks, with a page number
    # at one end and set in capitals ("12 IEEE TRANSACTIONS ON PATTERN ANALYSIS, VOL. 1, JANUARY 2020").
    furniture.update(
        i
        for i, line in enumerate(lines)
        if 0 < i < len(lines) - 1 and i - 1 in breaks and i + 1 in breaks and _is_running_header(line)
    )
    return furniture


_PAGE_NUMBER_AT_AN_END = re.compile(r"^\s*\d{1,4}\s+\D|\D\s+\d{1,4}\s*$")


def _is_running_header(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    return bool(_PAGE_NUMBER_AT_AN_END.search(line)) and len(letters) >= 8 and capitals >= 0.6 * len(letters)


# --- wrapped mode: where entries start -----------------------------------------------------------

_PARTICLE = r"(?:(?:van|von|de|der|den|da|di|du|le|la|del|della|dos|ter|ten)\s+)*"
_CAP_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]*"
_AUTHOR_START = re.compile(
    "|".join(
        (
            rf"^{_PARTICLE}{_CAP_WORD}(?:\s{_CAP_WORD}){{0,2}},\s*(?:[A-Z]\.|{_CAP_WORD})",  # Li, Yuhang / De Sa, C.
            rf"^{_PARTICLE}{_CAP_WORD}(?:\s{_CAP_WORD})?\s[A-Z]{{1,3}}[,.:]",  # Vancouver: Smith JA,
            rf"^{_CAP_WORD}(?:\s[A-Z]\.)*(?:\s{_PARTICLE}{_CAP_WORD}){{1,2}}(?:,|\sand\s|\s&\s|\.\s)",  # Tim Dettmers, …
            rf"^(?:[A-Z]\.\s?(?:-\s?[A-Z]\.\s?)?){{1,3}}\s?{_PARTICLE}{_CAP_WORD}[,.]",  # A. Vaswani, / J.-P. David,
            rf"^{_CAP_WORD}\s(?:et\s+al\.|and\s{_CAP_WORD}\s?[,.(])",  # Smith et al. / Smith and Jones (2020)
            rf"^{_CAP_WORD}(?:\s{_CAP_WORD}){{0,4}}\.\s\(?(?:1[5-9]|20)\d\d\b",  # OpenAI. 2023. / World Health Organization. (2020).
        )
    )
)
_YEAR_SEEN = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b|\bn\.\s?d\.|\bin press\b|\bforthcoming\b", re.IGNORECASE
)
_ENDS_ENTRY = re.compile(r"(?:[.)\]\d]|(?:https?://|doi:|arxiv:)\S*)\s*$", re.IGNORECASE)
_ENDS_WITH_INITIAL = re.compile(r"(?:^|[\s,.(-])[A-Z]\.\s*$")
_ENDS_OPEN = re.compile(r"(?:,|;|:|\band|&|\bin|\bof|\bthe|-|–)\s*$", re.IGNORECASE)


def _can_end_entry(line: str) -> bool:
    """Does this line end like a citation (not mid author list, not after "and", "in" or a comma)?"""
    stripped = line.rstrip()
    return (
        bool(_ENDS_ENTRY.search(stripped))
        and not _ENDS_WITH_INITIAL.search(stripped)
        and not _ENDS_OPEN.search(stripped)
    )


def _numbering(lines: list[str], keep: list[int]) -> tuple[int, ...]:
    """Indexes of lines that start a numbered entry, the numbers running in sequence; () if not numbered."""
    starts: list[int] = []
    expected: int | None = None
    for i in keep:
        match = _NUMBERED.match(lines[i])
        if not match:
            continue
        number = int(match.group("bracket") or match.group("dot"))
        if expected is None or number == expected:
            starts.append(i)
            expected = number + 1
    return tuple(starts) if len(starts) >= 2 or (starts and starts[0] == keep[0]) else ()


_BULLET = re.compile(r"^\s*[-*•‣◦·]\s+\S")


def _bullets(lines: list[str], keep: list[int]) -> tuple[int, ...]:
    """Indexes of bulleted lines, when the list is bulleted (several bullets, the first line one of them)."""
    starts = tuple(i for i in keep if _BULLET.match(lines[i]))
    return starts if len(starts) >= 2 and starts[0] == keep[0] else ()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _hanging_indent_starts(lines: list[str], keep: list[int]) -> tuple[int, ...]:
    """Entry starts told by indentation: a hanging indent (first lines flush, the rest deeper) or a
    first-line indent (the first line deeper, the rest flush), as the first line of the text shows."""
    indents = [_indent(lines[i]) for i in keep]
    base = min(indents)
    deep = [indent >= base + 2 for indent in indents]
    if sum(deep) < max(1, len(keep) // 5):
        return ()
    first_line_indent = deep[0]
    starts = tuple(i for i, is_deep in zip(keep, deep, strict=True) if is_deep == first_line_indent)
    return starts if len(starts) < len(keep) else ()


def _author_starts(lines: list[str], keep: list[int]) -> tuple[int, ...]:
    """Entry starts of an unnumbered list: an author-like line right after a line that can end an entry.

    Candidates whose text holds no year ("Springer, Cham.", "Chapman and Hall/CRC.") are then folded
    back into the entry before them.
    """
    starts = [keep[0]]
    for previous, i in pairwise(keep):
        if _can_end_entry(lines[previous]) and _AUTHOR_START.match(lines[i].strip()):
            starts.append(i)
    return _drop_yearless(lines, keep, starts)


def _drop_yearless(lines: list[str], keep: list[int], starts: list[int]) -> tuple[int, ...]:
    """A candidate entry without any year ("Springer, Cham.") continues the entry before it."""
    kept = [starts[0]]
    for start, group in _groups(keep, starts)[1:]:
        if _YEAR_SEEN.search(" ".join(lines[i] for i in group)):
            kept.append(start)
    return tuple(kept)


def _groups(keep: list[int], starts: Sequence[int]) -> list[tuple[int, list[int]]]:
    """The kept line indexes of each entry, in one pass: ``[(start, [line indexes]), …]``."""
    groups: list[tuple[int, list[int]]] = []
    boundaries = set(starts)
    for i in keep:
        if i in boundaries or not groups:
            groups.append((i, []))
        groups[-1][1].append(i)
    return groups


# --- wrapped mode: joining lines -----------------------------------------------------------------

#: First and second parts of compounds that keep their hyphen at a line break ("post-\ntraining",
#: "synthesis-\naware"). Both sides must look like words — from these lists or from the text itself —
#: so that "in-\nformation", "super-\nvised" and "quanti-\nzation" are joined.
_COMPOUND_HEADS = frozenset(
    "post pre non multi self semi anti cross zero few one two three four low high large small fine coarse "
    "state end real long short full half open data task domain model image text video mixed sub super inter "
    "intra over under well top bottom single double dual deep first second third graph vision language "
    "knowledge time memory energy hardware software learning attention rank bit client server point wide "
    "narrow meta out in on off up down all layer channel element pixel token patch group block instance sample".split()
)
_COMPOUND_TAILS = frozenset(
    "training trained free based aware shot tuning tuned level scale bit bits precision rank time world art "
    "end grained agnostic specific efficient oriented driven guided supervised resolution quantization "
    "attention image text language model models learning order step stage layer head class task domain "
    "source target wise context aware dimensional sensitive preserving only independent dependent invariant "
    "centric optimal".split()
)
_URL_TAIL = re.compile(r"(?:https?://|doi\.org/|\b10\.\d{4,9}/|www\.)(?:\S*[/\-_.=?&#])?$", re.IGNORECASE)
_HYPHEN_END = re.compile(r"([A-Za-zÀ-ÿ]+)-$")
_WORD_START = re.compile(r"^([a-zà-ÿ]+)")
_CHAINED_COMPOUND = re.compile(r"[A-Za-zÀ-ÿ]-[A-Za-zÀ-ÿ]+-$")
_GLUED_DASH = re.compile(r"\w[-–]$")


_WORD_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ-]*[A-Za-zÀ-ÿ]")


def _vocabulary(lines: list[str]) -> Counter[str]:
    """Words of the text (compounds and their parts), leaving out the fragments of words broken at a line end."""
    words: Counter[str] = Counter()
    broken_start = False
    for line in lines:
        tokens = _WORD_TOKEN.findall(line)
        broken_end = line.rstrip().endswith("-")
        usable = tokens[
            1 if broken_start and tokens else 0 : len(tokens) - 1 if broken_end and tokens else None
        ]
        for token in usable:
            lower = token.lower()
            words[lower] += 1
            if "-" in lower:
                words.update(part for part in lower.split("-") if part)
        broken_start = broken_end
    return words


def _keeps_hyphen(head: str, tail: str, vocabulary: Counter[str], chained: bool = False) -> bool:
    """Is ``head-`` + ``tail`` at a line break a real compound ("post-training") or a split word ("quanti-zation")?"""
    joined, compound = (head + tail).lower(), f"{head}-{tail}".lower()
    if vocabulary[compound] != vocabulary[joined]:
        return vocabulary[compound] > vocabulary[joined]  # the spelling the text uses elsewhere
    head_is_word = (
        chained or head.lower() in _COMPOUND_HEADS or len(head) > 2 and vocabulary[head.lower()] > 0
    )
    tail_is_word = tail.lower() in _COMPOUND_TAILS or len(tail) > 2 and vocabulary[tail.lower()] > 0
    return head_is_word and tail_is_word


def _join_pair(left: str, right: str, vocabulary: Counter[str]) -> str:
    """Join two physical lines of one entry, repairing a word hyphenated at the break."""
    left = left.rstrip()
    right = right.strip()
    if not left:
        return right
    if _URL_TAIL.search(left):
        return left + right  # a URL or DOI broken at a slash or dot continues without a space
    hyphen = _HYPHEN_END.search(left)
    word = _WORD_START.match(right)
    if hyphen and word and not left.endswith("--"):
        chained = _CHAINED_COMPOUND.search(left) is not None  # "integer-arithmetic-\nonly"
        keep = _keeps_hyphen(hyphen.group(1), word.group(1), vocabulary, chained)
        return left + right if keep else left[:-1] + right
    if _GLUED_DASH.search(left) and right[:1].isalnum():
        return left + right  # "Jean-\nPierre", "4-\nbit", "pp. 1–\n10": the dash joins both sides
    return f"{left} {right}"


def join_wrapped(lines: list[str], vocabulary: Counter[str] | None = None) -> str:
    """The physical lines of one entry as one citation string."""
    vocabulary = vocabulary if vocabulary is not None else _vocabulary(lines)
    text = ""
    for line in lines:
        if line.strip():
            text = _join_pair(text, line, vocabulary)
    return " ".join(text.split())


def split_entries(text: str) -> list[Entry]:
    """A wrapped references section as entries (text joined, marker stripped, first line number)."""
    lines = physical_lines(text)
    furniture = _furniture_lines(lines)
    keep = [i for i, line in enumerate(lines) if line.strip() and i not in furniture]
    if not keep:
        return []
    starts = (
        _numbering(lines, keep)
        or _bullets(lines, keep)
        or _hanging_indent_starts(lines, keep)
        or _author_starts(lines, keep)
    )
    if starts[0] != keep[0]:
        starts = (keep[0], *starts)  # text before the first numbered entry is an entry of its own
    vocabulary = _vocabulary([lines[i] for i in keep])
    entries = []
    for start, group in _groups(keep, starts):
        joined = join_wrapped([lines[i] for i in group], vocabulary)
        entries.append(Entry(strip_marker(joined) or joined, start + 1))
    return entries


# --- the reader ----------------------------------------------------------------------------------


def _record(entry: Entry, source: Source, parsed: ParsedCitation, report: Report) -> Record:
    record = parsed.record if parsed.record.source == source else parsed.record.with_changes(source=source)
    if parsed.ok:
        for problem in parsed.problems:
            report.warn(problem, source)
        return record
    reason = "; ".join(parsed.problems) or "not recognised as a citation"
    report.warn(f"could not parse citation ({reason}); raw text kept in a misc record", source)
    report.unread.append(Unread(reason, entry.text, source))
    if not record.note:
        record = record.with_changes(note=entry.text)
    return record


def read(
    text: str, *, file: str = "<string>", wrapped: bool = False, **_: object
) -> tuple[list[Record], Report]:
    """Citation strings to records: one per non-empty line, or per rebuilt entry when ``wrapped``."""
    report = Report()
    text = text.lstrip("\ufeff")
    entries = split_entries(text) if wrapped else list(_line_entries(text))
    sources = [Source(file, entry.line, FORMAT) for entry in entries]
    parsed = parse_citations([entry.text for entry in entries], sources)
    records = [_record(*each, report) for each in zip(entries, sources, parsed, strict=True)]
    return records, report
