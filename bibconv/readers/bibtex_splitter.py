"""Cut BibTeX text into bibtexparser blocks, fast for well-formed input, exactly like bibtexparser's splitter.

bibtexparser v2's ``Splitter`` walks the text mark by mark in Python (``{ } " , = \\n`` and ``@type{``),
which is most of the cost of reading a large file. This module gives the same blocks
(``Entry``/``Field``/``String``/``ImplicitComment``/..., same keys, values, raw text and start lines)
with a few regular-expression matches per entry, and hands every part it cannot read with certainty
to bibtexparser's own splitter, so that diagnostics on broken input (failed blocks, their reasons and
lines) stay bibtexparser's.

Why this can be done region by region: an ``@type{`` (or ``@type(``) with only white space before it on
its line is a block start in every state of bibtexparser's splitter — between blocks it opens one, and
inside a block it aborts that block and opens a new one. The text is therefore cut at these marks into
regions that the splitter reads independently of each other; a region is either read by the fast path
(one ``{``-delimited entry or ``@string`` followed by comment text) or given to ``Splitter`` alone.
"""

from __future__ import annotations

import re

from bibtexparser.library import Library
from bibtexparser.model import Block, DuplicateFieldKeyBlock, Entry, Field, ImplicitComment, String
from bibtexparser.splitter import Splitter

__all__ = ["split_blocks", "LazyEntry"]

# Any block start, as bibtexparser's splitter finds it (an ``@`` is one anywhere between blocks).
_BLOCK_MARK = re.compile(r"@\w*[ \t]*(?=[{(])")
# A block start with only white space before it on its line: a region boundary (see the module docstring).
_LINE_START_MARK = re.compile(r"^[^\S\n]*(@\w*[ \t]*)(?=[{(])", re.MULTILINE)
# The same after a newline. Starting with a literal, it is searched for with a fast scan for that
# character; ``^`` makes the regex engine try a match at every position of the text (three times slower).
_NEWLINE_MARK = re.compile(r"\n[^\S\n]*(@\w*[ \t]*)(?=[{(])")

# A character after a backslash is never a mark: ``\\+[^\\]`` takes a run of backslashes with that
# character, so the possessive runs below cannot split such a pair differently from the splitter.
_ESCAPED = r"\\++[^\\]"


def _braced(depth: int) -> str:
    """A ``{...}`` group nested at most ``depth`` levels deep (deeper input goes to the slow path)."""
    inner = rf"[^{{}}\\]++|{_ESCAPED}"
    if depth > 0:
        inner += "|" + _braced(depth - 1)
    return rf"\{{(?:{inner})*+\}}"


_BRACED = _braced(6)
# Inside quotes braces are not counted; a ``"`` between ``{`` and ``}`` does not close them (``{"}``).
_QUOTED = rf'"(?:[^"\\]++|{_ESCAPED}|(?<=\{{)"(?=\}}))*+"'
# A field value as the splitter delimits it: up to a ``,`` or ``}`` outside braces and quotes.
_VALUE = rf'(?:[^{{}}",\\]++|{_ESCAPED}|{_BRACED}|{_QUOTED})*+'
# Text without marks (field names, entry keys); ``@`` and backslashes go to the slow path.
_NAME = r'[^{}",=@\\]*+'

_FIELD = re.compile(rf"({_NAME})=({_VALUE})[,}}]")
# An entry's start up to the comma after its key (group 1 is the key). Its fields are read in the same
# scan that checks them: ``_ENTRY_PARTS`` matches a field (name, value, then ``,`` or ``}``), the end of
# the entry after a trailing comma (group 4: white space and ``}``) or, failing both, text that is
# neither (group 5: a run of name characters or one other character, so that the scan stays linear).
# It matches at every position, so ``findall`` tiles the text: the entry is well formed when its parts
# up to the first ``}`` contain no group 5, which is when the whole-entry pattern
# ``\{key,((?:{_NAME}={_VALUE},)*+(?:{_NAME}={_VALUE}\}|\s*+\}))`` would match.
_ENTRY_HEAD = re.compile(rf"@\w*[ \t]*\{{({_NAME}),")
_ENTRY_PARTS = re.compile(rf"({_NAME})=({_VALUE})([,}}])|(\s*+\}})|([^{{}}\",=@\\]++|[\s\S])")
_STRING = re.compile(rf"(@\w*[ \t]*)\{{({_NAME})=((?:[^{{}}\\]++|{_ESCAPED}|{_BRACED})*+)\}}")


class LazyEntry(Entry):
    """An ``Entry`` read by the fast path: its fields stay ``(key, value)`` pairs (``field_pairs``, what the
    reader uses) until the ``Field`` objects are asked for. Making 600,000 of those for a 100,000-entry
    file cost a tenth of the reading time and a fifth of its memory; their line numbers, which only
    ``Field`` objects carry, are counted then too (``field_tuples``)."""

    def __init__(
        self, entry_type: str, key: str, pairs: list[tuple[str, str]], fields_at: int, line: int, raw: str
    ):
        # ``pairs``: each field's name and value as ``_FIELD`` matches them in ``raw`` from ``fields_at`` on,
        # stripped of white space; the rest (the raw text of each, for line numbers) is found again if asked.
        self.field_pairs: list[tuple[str, str]] | None = pairs
        self._fields_at = fields_at
        super().__init__(entry_type, key, None, line, raw)  # type: ignore[arg-type]

    @property
    def field_tuples(self) -> list[tuple[str, str, int]] | None:
        """``(key, value, start_line)`` of each field, as its ``Field`` gives them (the line of its ``=``)."""
        if self.field_pairs is None:
            return None
        raw = self.raw
        tuples = []
        line = self.start_line + raw.count("\n", 0, self._fields_at)
        found = _FIELD.findall(raw, self._fields_at, len(raw))
        for (name, value), (raw_name, raw_value) in zip(self.field_pairs, found, strict=True):
            line += raw_name.count("\n")
            tuples.append((name, value, line))
            line += raw_value.count("\n")
        return tuples

    @property
    def _fields(self) -> list[Field]:  # every method of Entry goes through ``self._fields``
        built = self.__dict__.get("_built_fields")
        if built is None:
            built = [Field(key, value, line) for key, value, line in self.field_tuples or ()]
            self.__dict__["_built_fields"] = built
        return built

    @_fields.setter
    def _fields(self, value: list[Field] | None) -> None:
        if value is not None:  # fields set from outside: the pairs no longer describe them
            self.__dict__["_built_fields"] = value
            self.field_pairs = None


def split_blocks(text: str) -> list[Block]:
    """The blocks of ``text``, as ``bibtexparser.parse_string(text, parse_stack=[]).blocks`` gives them.

    May raise what bibtexparser's splitter raises on states it considers its own bugs.
    """
    bounds = _line_start_marks(text)
    if not bounds or bounds[0] != 0:
        bounds.insert(0, 0)
    bounds.append(len(text))
    blocks: list[Block] = []
    escaped_newlines = "\\\n" in text
    line = 0  # bibtexparser's line number (0-based) at the start of the current region
    previous = 0
    for start, end in zip(bounds, bounds[1:], strict=False):
        line += _line_count(text, previous, start) if escaped_newlines else text.count("\n", previous, start)
        previous = start
        region = None
        if start or text[:1] == "@":
            region = _fast_region(text, start, end, line, escaped_newlines)
        if region is None:
            region = _slow_region(text, start, end, line)
        blocks.extend(region)
    return _mark_repeated_keys(blocks)


def _line_start_marks(text: str) -> list[int]:
    """Where each ``_LINE_START_MARK`` match's group 1 starts: at the start of the text, then after newlines."""
    first = _LINE_START_MARK.match(text)
    marks = [first.start(1)] if first else []
    marks += [match.start(1) for match in _NEWLINE_MARK.finditer(text)]
    return marks


def _mark_repeated_keys(blocks: list[Block]) -> list[Block]:
    """``Library().add(blocks, fail_on_duplicate_key=False).blocks``: an entry that repeats an earlier
    entry's key (a ``@string`` an earlier one's) becomes a ``DuplicateBlockKeyBlock``, made by the
    library's own ``_cast_to_duplicate``. Done here because the library checks each block's type with
    ``isinstance`` on its ABCs (a Python call each), and most blocks are fast entries."""
    entries: dict[str, Block] = {}
    strings: dict[str, Block] = {}
    for index, block in enumerate(blocks):
        if type(block) is LazyEntry or isinstance(block, Entry):
            seen = entries
        elif isinstance(block, String):
            seen = strings
        else:
            continue
        previous = seen.get(block.key)
        if previous is None:
            seen[block.key] = block
        else:
            blocks[index] = Library._cast_to_duplicate(previous, block)
    return blocks


def _line_count(text: str, start: int, end: int) -> int:
    """Newlines in ``text[start:end]`` that the splitter counts (not those right after a backslash)."""
    return text.count("\n", start, end) - text.count("\\\n", start, end)


# --- the fast path -----------------------------------------------------------------------------------


def _fast_region(text: str, start: int, end: int, line: int, escaped_newlines: bool) -> list[Block] | None:
    """The blocks of a region that starts with a block mark, or None when the splitter must read it."""
    head = _BLOCK_MARK.match(text, start, end)
    if head is None or text[head.end() : head.end() + 1] != "{":
        return None
    if escaped_newlines and text.find("\\\n", start, end) >= 0:
        return None  # a newline after a backslash is not counted as one: leave the counting to the splitter
    kind = head.group().lower()[1:].strip()
    if kind.startswith("string"):
        block, close = _fast_string(text, start, end, line)
    elif kind.startswith(("comment", "preamble")):
        return None
    else:
        block, close = _fast_entry(text, start, end, line, kind)
    if block is None:
        return None
    tail = text[close + 1 : end]
    if not tail or tail.isspace():
        return [block]  # what _implicit_comment gives, without counting the entry's lines for it
    if "@" in tail and _BLOCK_MARK.search(tail):
        return None  # another block starts within the comment text: the splitter's business
    comment = _implicit_comment(tail, line + text.count("\n", start, close))
    return [block] if comment is None else [block, comment]


def _fast_entry(text: str, start: int, end: int, line: int, kind: str) -> tuple[Block | None, int]:
    match = _ENTRY_HEAD.match(text, start, end)
    if match is None:
        return None, 0
    fields_start = pos = match.end()
    found = []
    # Nothing after the region's last ``}`` can belong to the entry: the scan stops there.
    for name, value, mark, last, other in _ENTRY_PARTS.findall(
        text, fields_start, text.rfind("}", start, end) + 1
    ):
        if other:
            return None, 0  # neither a field nor the end: bibtexparser's splitter reads this
        if last:  # the end after a trailing comma (or right after the key)
            close = pos + len(last) - 1
            break
        found.append((name.strip(), value.strip()))
        pos += len(name) + len(value) + 2
        if mark == "}":
            close = pos - 1
            break
    else:
        return None, 0  # no closing brace
    # The splitter dates a field by its ``=`` (``LazyEntry.field_tuples`` counts the lines); the caller
    # made sure that no newline here is escaped.
    entry = LazyEntry(
        kind, match.group(1).strip(), found, fields_start - start, line, text[start : close + 1]
    )
    names = [name for name, _ in entry.field_pairs or ()]
    if len(set(names)) < len(names):
        duplicates = {name for name in names if names.count(name) > 1}
        return DuplicateFieldKeyBlock(duplicate_keys=duplicates, entry=entry), close
    return entry, close


def _fast_string(text: str, start: int, end: int, line: int) -> tuple[Block | None, int]:
    match = _STRING.match(text, start, end)
    if match is None:
        return None, 0
    close = match.end() - 1
    block = String(
        start_line=line, key=match.group(2).strip(), value=match.group(3).strip(), raw=text[start : close + 1]
    )
    return block, close


def _implicit_comment(text: str, line: int) -> ImplicitComment | None:
    """Text after a block, as the splitter keeps it: blank lines before it only move its start line."""
    stripped = text.lstrip()
    if not stripped:
        return None
    leading = text[: len(text) - len(stripped)]
    comment = stripped.rstrip()
    return ImplicitComment(start_line=line + leading.count("\n"), raw=comment, comment=comment)


# --- the slow path -----------------------------------------------------------------------------------


def _slow_region(text: str, start: int, end: int, line: int) -> list[Block]:
    """bibtexparser's splitter on one region, with the next block start after it.

    The block start is appended so that a block left open is aborted there with the same reason as in
    the whole text; the block it opens is the last one returned and is dropped.
    """
    following = _BLOCK_MARK.match(text, end) if end < len(text) else None
    if following is not None:
        region = text[start : following.end() + 1]
    else:
        region = text[start:end]
    blocks = Splitter(region).split().blocks
    if following is not None:
        blocks.pop()
    for block in blocks:
        _shift_lines(block, line)
    return blocks


def _shift_lines(block: Block, offset: int) -> None:
    """Make a block's line numbers (and its fields') relative to the whole text."""
    if block.start_line is not None:  # None for a repeated key found by the region's own library
        block._start_line_in_file = block.start_line + offset  # no public setter in bibtexparser
    inner = getattr(block, "ignore_error_block", None)
    if inner is not None and inner is not block:
        _shift_lines(inner, offset)
    for field in getattr(block, "fields", ()):
        if field.start_line is not None:
            field._start_line = field.start_line + offset
