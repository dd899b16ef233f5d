"""Title case in BibTeX, sentence case in CSL: the words braces protect, and pandoc's conversion.

BibTeX titles are written in title case and protect the case of words with braces (``{M}arkov``,
``{Bayesian}``, ``{Deep Learning}``); CSL expects titles in sentence case and lets each style capitalise
them as it needs. pandoc, the reference CSL processor, converts English BibTeX titles to sentence case
when it reads them: a word capitalised only on its first letter is lowercased, unless braces protect it
or it starts a sentence (the title, or after ``.``, ``?``, ``!`` or ``:``). Acronyms and mixed-case words
(``GPTQ``, ``t-SNE``, ``iPhone``) are never touched. The reader keeps which words were protected; the
CSL writers apply :func:`sentence_case` with them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .latex import latex_to_unicode

__all__ = [
    "case_protected_words",
    "sentence_case",
    "looks_sentence_case",
    "words_look_sentence_case",
    "sentence_case_vote",
    "is_case_significant",
    "is_english",
    "is_protected",
]

# Private-use sentinels around a protected group; they pass through the LaTeX decoder untouched.
_OPEN, _CLOSE = "\ue000", "\ue001"
# A brace group right after a control word or an accent symbol is that macro's argument, not protection.
_CONTROL_WORD_END = re.compile(r"\\[A-Za-z@]+\s*$|\\['\"^`~=.]\s*$")
_SENTENCE_END = (".", "?", "!", ":")
#: Where the BibTeX writer's sentence-case test starts a new clause (dashes too).
_CLAUSE_END = (":", ".", "?", "!", "—", "–")
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")
# Only a group holding a lower-case letter or a lone capital, or glued to the letters after it
# (``{M}arkov``, ``{Bayesian}``), can protect a word sentence case would change; ``{GPTQ}`` cannot.
_MAY_PROTECT_A_CAPITAL = re.compile(r"\{[^{}]*[^\W\d_A-Z][^{}]*\}|\{[^\W\d_]\}|\}[^\W\d_]")
# Words break at ASCII white space only: a no-break space (LaTeX ``~``) binds its words, as in the writer.
_WORD_BREAKS = " \t\r\n"
_WORD_BREAK_RUN = re.compile(r"([ \t\r\n]+)")
_BRACE = re.compile(r"\\[{}]|[{}]")
_SEPARATORS = "-/–—"
_SUBWORD_SEPARATOR = re.compile(f"([{_SEPARATORS}])")
_PUNCTUATION = "\"'‘’“”«»()[]{}<>.,;:!?¿¡*"

#: ``langid``/``language`` values pandoc treats as English (its sentence-casing applies only to them).
_ENGLISH = frozenset(
    {
        "english", "american", "british", "usenglish", "ukenglish", "canadian", "australian",
        "newzealand", "en", "en-us", "en-gb", "en-ca", "en-au", "en-nz",
    }
)  # fmt: skip


def case_protected_words(latex: str) -> tuple[str, ...]:
    """The words of a BibTeX value (decoded) that a top-level brace group protects from sentence case, sorted.

    ``{M}arkov chains`` protects ``Markov``; ``{Deep Learning} at scale`` protects both its words. A brace
    group that is a macro's argument (``\\emph{X}``, ``\\"{o}``) protects nothing.
    """
    if "{" not in latex or not _MAY_PROTECT_A_CAPITAL.search(latex):
        return ()
    marked = _mark_protected_groups(latex)
    if _OPEN not in marked:
        return ()
    return tuple(sorted(w for w in _marked_words(latex_to_unicode(marked)) if _case_could_change(w)))


def _case_could_change(word: str) -> bool:
    """Only a word with a capitalised part can lose its capital to sentence case; ``GPTQ`` never does."""
    if is_case_significant(word):
        return False
    return any(_is_capitalised(part) for part in _SUBWORD_SEPARATOR.split(word)[::2])


def _mark_protected_groups(latex: str) -> str:
    pieces: list[str] = []
    depth = 0
    done = 0
    opened = -1
    for brace in _BRACE.finditer(latex):
        if brace.group(0)[0] == "\\":  # an escaped brace is text
            continue
        at = brace.start()
        if brace.group(0) == "{":
            if (
                depth == 0
                and not _CONTROL_WORD_END.search(latex, max(0, at - 40), at)
                and not _special(latex, at)
            ):
                pieces.append(latex[done:at])
                pieces.append(_OPEN)
                done, opened = at, at
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0 and opened >= 0:
                pieces.append(latex[done : at + 1])
                pieces.append(_CLOSE)
                done, opened = at + 1, -1
    if depth:  # unbalanced: nothing is known to be protected
        return latex
    pieces.append(latex[done:])
    return "".join(pieces)


def _special(latex: str, at: int) -> bool:
    """``{\\"O}``, ``{\\textbackslash}``: a group opening with a command is a BibTeX special character, not protection."""
    return latex[at + 1 : at + 2] == "\\"


def _marked_words(decoded: str) -> set[str]:
    """The words (without the punctuation around them) with a letter inside a protected group."""
    words: set[str] = set()
    inside = False
    current: list[str] = []
    touched = False
    for ch in decoded + " ":  # the final space ends the last word
        if ch == _OPEN:
            inside = True
        elif ch == _CLOSE:
            inside = False
        elif ch in _WORD_BREAKS:
            word = _bare("".join(current))
            if word and touched:
                words.add(word)
            current, touched = [], False
        else:
            current.append(ch)
            touched = touched or (inside and ch.isalpha())
    return words


def is_protected(word: str, protected: tuple[str, ...] | frozenset[str]) -> bool:
    """Whether ``word`` (punctuation around it ignored) is one of the ``protected`` words."""
    return bool(protected) and _bare(word) in protected


def _bare(word: str) -> str:
    """A word without the punctuation around it: ``(Markov,`` -> ``Markov``."""
    return word.strip(_PUNCTUATION)


def is_english(language: str) -> bool:
    """True for an empty language (BibTeX's default) or an English ``langid``/BCP 47 tag."""
    return not language or language.strip().lower() in _ENGLISH


def looks_sentence_case(text: str) -> bool:
    """Most longer words after a sentence start are lower case (``Training neural networks with GPUs``).

    Such a title needs no conversion, and its capitalised words are proper nouns (``Hessian``).
    """
    return words_look_sentence_case(text.split(" "))


def words_look_sentence_case(words: Iterable[str]) -> bool:
    """:func:`looks_sentence_case` of a title already cut into words (the BibTeX writer's top-level words)."""
    lower = upper = 0
    at_start = True
    for word in words:
        if not at_start:  # the first word of a sentence does not count
            vote = sentence_case_vote(word)
            if vote > 0:
                lower += 1
            elif vote < 0:
                upper += 1
        if word:
            at_start = word.endswith(_CLAUSE_END)
    return lower > 0 and lower >= upper


def sentence_case_vote(word: str) -> int:
    """How a word after a sentence start counts for :func:`words_look_sentence_case`: 1 for a longer word
    in lower case, -1 for one capitalised, 0 for a short word or one that does not start with a letter."""
    if len(word) < 4:
        return 0
    core = word if word.isalnum() else _EDGE_PUNCTUATION.sub("", word)
    if len(core) < 4 or not core[0].isalpha():
        return 0
    return 1 if core[0].islower() else -1 if core[0].isupper() else 0


def is_case_significant(word: str) -> bool:
    """A word whose case says something by itself: ``GPTQ``, ``LLMs``, ``T5``, ``iPhone``, ``$O(n)$``.

    Sentence case never changes it, and the BibTeX writer always braces it, so it needs no record.
    """
    if "$" in word:
        return any(ch.isupper() for ch in word)
    return any(
        _segment_significant(seg) for seg in _SUBWORD_SEPARATOR.split(_EDGE_PUNCTUATION.sub("", word))[::2]
    )


def _segment_significant(segment: str) -> bool:
    if not segment:
        return False
    if not segment[0].isupper():
        return any(ch.isupper() for ch in segment)
    return any(ch.isupper() for ch in segment[1:]) or any(ch.isdigit() for ch in segment)


def sentence_case(text: str, protected: tuple[str, ...] | frozenset[str] = (), *, lower: bool = True) -> str:
    """``Visualizing Data Using t-SNE: A Bayesian View`` -> ``Visualizing data using t-SNE: A bayesian view``.

    ``protected`` words (as :func:`case_protected_words` gives them) are kept as written. ``lower=False``
    only capitalises each sentence's first word (``systems: survey`` -> ``systems: Survey``).
    """
    if not text:
        return text
    keep = frozenset(protected)
    pieces = _WORD_BREAK_RUN.split(text)
    at_start = True
    quoted = False  # a quoted title inside the title (“De Motu Animalium”) keeps its case, as in pandoc
    for i, piece in enumerate(pieces):
        if not piece or piece[0] in _WORD_BREAKS:
            continue
        quoted = quoted or "“" in piece
        if (lower or at_start) and not quoted:
            pieces[i] = _word_sentence_case(piece, at_start, keep, lower)
        quoted = quoted and "”" not in piece
        at_start = _ends_sentence(piece)
    return "".join(pieces)


def _ends_sentence(word: str) -> bool:
    """``survey:``, ``done.``, ``why?`` end a sentence; an initial (``E.``) does not."""
    if not word.endswith(_SENTENCE_END):
        return False
    return not (word.endswith(".") and len(word.rstrip(".")) == 1 and word[0].isalpha())


def _word_sentence_case(word: str, at_start: bool, keep: frozenset[str], lower: bool = True) -> str:
    # A compound with one case-significant part is kept whole (``LaTeX-Buch``, ``Digital-to-RF``): the
    # BibTeX writer braces it whole, and reading that back must not change what sentence case does.
    if "$" in word or is_case_significant(word) or (keep and _bare(word) in keep):
        return word
    parts = _SUBWORD_SEPARATOR.split(word)
    for j in range(0, len(parts), 2):
        if at_start and j == 0:
            parts[j] = _capitalise_lowercase(parts[j])
        elif lower and _is_capitalised(parts[j]):
            parts[j] = parts[j].lower()
    return "".join(parts)


def _capitalise_lowercase(word: str) -> str:
    """A sentence's first word gets a capital if it is all lower case (``survey`` -> ``Survey``; ``eLaTeX`` stays).

    A word that starts with a digit has no capital to take: ``16th``, ``3d`` (pandoc leaves them too).
    """
    if not word.islower():
        return word
    for k, ch in enumerate(word):
        if ch.isalpha():
            return word[:k] + ch.upper() + word[k + 1 :]
        if ch.isdigit():
            return word
    return word


def _is_capitalised(word: str) -> bool:
    """First letter upper case, every other letter lower case (``Bayesian``, ``A``; not ``GPTQ``, ``eLaTeX``)."""
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper() and not any(c.isupper() for c in letters[1:])
