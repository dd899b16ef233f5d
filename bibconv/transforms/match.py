"""Are two records the same work? Title/author normalisation and the pairwise decision.

The decision runs on precomputed ``Features`` (one per record, built once) because dedupe compares each
record with several candidates: Unicode folding and tokenising happen once in ``features()``, what only
pairs with matching titles need (numbers, years, placement) once more on first use (``Features.detail``),
and ``same_work()`` rejects most pairs on one string comparison or one rapidfuzz call. Strong identifiers decide first (same DOI, same arXiv id); titles decide only under guards that
keep apart what merely looks alike: different numbers (``Llama 2``/``Llama 3``, ``Part I``/``Part II``,
``v2``), different first authors, years far apart, recurring columns in different issues.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..model import Name, Record

__all__ = [
    "Features",
    "features",
    "same_work",
    "normalize_title",
    "normalize_family",
    "is_preprint",
    "arxiv_id_of",
    "families_agree",
    "blocking_keys",
    "FUZZY_THRESHOLD",
]

#: rapidfuzz ratio (0–100) from which two long titles count as the same (absorbs typos and Scholar's
#: mangling of names such as ``Gpt3. int8 ()`` for ``LLM.int8()``).
FUZZY_THRESHOLD = 90.0
#: Titles shorter than this (in tokens) must match exactly: one changed word is a different paper.
FUZZY_MIN_TOKENS = 5
#: How alike (rapidfuzz ratio) the differing words of two fuzzily equal titles must be to count as typos
#: (two edits always count: ``fir``/``for``, ``iia``/``via``).
TYPO_SIMILARITY = 75.0
#: Prefixes that turn a word into its opposite: ``unsupervised`` is not a typo of ``supervised``.
_NEGATIONS = {"un", "non", "in", "im", "ir", "il", "dis", "semi", "self", "multi", "sub", "de", "anti", "a"}
#: Preprint and published version may be further apart than the usual one year.
PREPRINT_YEAR_GAP = 3

_LATEX_ACCENT = re.compile(r"\\[\"'`^~=.uvHckrbd]\s*\{?\s*([A-Za-z])\s*\}?")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\s*")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_GLUED = re.compile(r"^([a-z]*?)(\d+)([a-z]*)$")
_VERSION = re.compile(r"^v(\d+)$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12}  # fmt: skip
_ROMAN_CONTEXT = {"part", "vol", "volume", "chapter", "book", "phase", "section", "no", "series", "level"}
_ARXIV_NEW = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")
_ARXIV_OLD = re.compile(r"\b([a-z][a-z.-]+/\d{7})(?:v\d+)?\b", re.IGNORECASE)
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$", re.IGNORECASE)
_PREPRINT_VENUE = re.compile(
    r"\b(arxiv|corr|preprint|biorxiv|medrxiv|ssrn|openreview|techrxiv|chemrxiv)\b", re.I
)

#: Titles that recur in every issue of a journal: equal titles say nothing about the work.
_GENERIC_TITLES = {
    "editorial", "editorials", "book review", "book reviews", "reviews", "preface", "foreword",
    "introduction", "editorial introduction", "guest editorial", "erratum", "errata", "corrigendum",
    "correction", "corrections", "letters", "letter to the editor", "letters to the editor",
    "letter from the editor", "news", "in brief", "contents", "table of contents", "index", "front matter",
    "back matter", "obituary", "announcements", "in this issue", "editors note", "editor s note",
    "acknowledgments", "acknowledgements", "reviewers", "retraction", "commentary", "response", "reply",
    "conclusion", "abstracts", "summary", "research highlights", "calendar", "masthead",
}  # fmt: skip


def _fold(text: str) -> str:
    """Lower case, no accents, no LaTeX remnants, ``&`` as ``and``; keeps word boundaries."""
    if "\\" in text:
        text = _LATEX_COMMAND.sub(" ", _LATEX_ACCENT.sub(r"\1", text))
    if "{" in text or "}" in text:  # braces never separate words: Schr{\"o}dinger, {BERT}
        text = text.replace("{", "").replace("}", "")
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.casefold().replace("&", " and ")


def normalize_title(title: str) -> str:
    """Title compared by content only: case, punctuation, LaTeX, braces, accents and spacing removed."""
    return _NON_WORD.sub(" ", _fold(title)).strip()  # each run of non-word characters becomes one space


def normalize_family(name: Name) -> str:
    """The family name (or an organisation's literal) as comparable lower-case words."""
    text = name.literal or (f"{name.particle} {name.family}" if name.particle else name.family)
    return _normalize_name(text)


@lru_cache(maxsize=1 << 16)
def _normalize_name(text: str) -> str:
    """Cached: family names recur across a bibliography far more than titles do."""
    return _NON_WORD.sub(" ", _fold(text)).strip()


def arxiv_id_of(record: Record) -> str:
    """The bare arXiv id (no version) from ``arxiv``, an arXiv DOI, an ``eprint`` field or an arXiv URL."""
    if record.arxiv:
        return _strip_version(record.arxiv.strip())
    match = _ARXIV_DOI.match(record.doi) if record.doi else None
    if match:
        return _strip_version(match.group(1))
    eprint = record.extra.get("eprint", "")
    if eprint and record.extra.get("archiveprefix", "arxiv").lower() == "arxiv":
        found = _ARXIV_NEW.search(eprint) or _ARXIV_OLD.search(eprint)
        if found:
            return found.group(1)
    venue = record.container_title or record.extra.get("journal", "")
    if "arxiv" in venue.lower():  # Google Scholar: journal = {arXiv preprint arXiv:2210.17323}
        found = _ARXIV_NEW.search(venue) or _ARXIV_OLD.search(venue)
        if found:
            return found.group(1)
    if "arxiv.org/" in record.url:
        found = _ARXIV_NEW.search(record.url) or _ARXIV_OLD.search(record.url)
        if found:
            return found.group(1)
    return ""


def _strip_version(arxiv: str) -> str:
    return _TRAILING_VERSION.sub("", arxiv.removeprefix("arXiv:").removeprefix("arxiv:"))


_TRAILING_VERSION = re.compile(r"v\d+$")


def publisher_doi(record: Record) -> str:
    """The record's DOI, lower case, unless it is arXiv's own DOI (that one identifies the preprint)."""
    doi = record.doi.strip().lower()
    return "" if not doi or doi.startswith("10.48550/") else doi


def is_preprint(record: Record) -> bool:
    """A preprint: an arXiv-like venue, or an arXiv id with no venue, or an unpublished/online entry."""
    return _is_preprint(record, arxiv_id_of(record))


def _is_preprint(record: Record, arxiv: str) -> bool:
    venue = record.container_title or record.extra.get("journal", "") or record.publisher
    if venue:
        return _preprint_venue(venue)
    if record.entry_type in ("unpublished", "online"):
        return True
    return bool(arxiv) or (record.entry_type == "misc" and not record.doi)


@lru_cache(maxsize=1 << 14)
def _preprint_venue(venue: str) -> bool:
    """Cached: a bibliography names a few thousand venues at most, each many times."""
    return bool(_PREPRINT_VENUE.search(venue))


@dataclass(slots=True)
class Detail:
    """What only a pair with matching titles needs: computed on first use, for few records."""

    numbers: tuple[int, ...]  # standalone numbers, versions and part numerals, sorted
    glued: frozenset[tuple[str, int]]  # (stem, number) of words like gpt3, int8, 3d
    family_is_org: bool
    given: str  # first author's last given name, lower case (to recognise swapped Chinese names)
    initial: str  # first letter of the first author's given names, folded
    year: int
    year_inferred: bool
    preprint: bool
    generic: bool  # a recurring column title ("Editorial") or a one-word title
    version: str  # software version
    volume: str
    issue: str
    first_page: str
    container: str  # normalised; only for generic titles, the only ones compared by placement


@dataclass(slots=True)
class Features:
    """What the decision needs from one record: the cheap part at once, ``detail`` when first asked."""

    title: str  # normalised, words separated by one space
    tokens: int
    head: str  # normalised title before the first colon ("" when none)
    tail: str  # normalised title after the first colon ("" when none)
    family: str  # normalised first author family ("" when none)
    doi: str  # publisher DOI, lower case
    arxiv: str
    web: bool  # @online / @software / a bare web page: its URL identifies it
    url: str  # normalised URL ("" when none)
    record: Record
    _detail: Detail | None = None

    @property
    def detail(self) -> Detail:
        if self._detail is None:
            self._detail = _detail(self)
        return self._detail

    # Parts of the detail that blocking and ordering need for many records: without computing it all.
    @property
    def preprint(self) -> bool:
        """``is_preprint(record)``, reusing the arXiv id found already."""
        return self._detail.preprint if self._detail is not None else _is_preprint(self.record, self.arxiv)

    @property
    def given(self) -> str:
        return self._detail.given if self._detail is not None else _last_given(_first_person(self.record))

    @property
    def year(self) -> int:
        return self._detail.year if self._detail is not None else _year(self.record)

    @property
    def initial(self) -> str:
        return self._detail.initial if self._detail is not None else _initial(_first_person(self.record))

    @property
    def family_is_org(self) -> bool:
        if self._detail is not None:
            return self._detail.family_is_org
        first = _first_person(self.record)
        return bool(first and first.literal)


def features(record: Record, like: Features | None = None) -> Features:
    """The record's match features; ``like`` (features of a record with the same title, such as a merged
    record's member) lends its normalised title instead of folding and splitting it again."""
    if like is not None and like.record.title == record.title:
        title, head, tail, tokens = like.title, like.head, like.tail, like.tokens
    else:
        title, head, tail = _split_colon(record.title)
        tokens = title.count(" ") + 1 if title else 0
    first = _first_person(record)
    return Features(
        title=title,
        tokens=tokens,
        head=head,
        tail=tail,
        family=normalize_family(first) if first else "",
        doi=publisher_doi(record),
        arxiv=arxiv_id_of(record).lower(),
        web=_is_web(record),
        url=normalize_url(record.url) if record.url else "",
        record=record,
    )


def _first_person(record: Record) -> Name | None:
    for name in record.author or record.editor:
        if not name.others:
            return name
    return None


def _detail(f: Features) -> Detail:
    record = f.record
    numbers, glued = _title_numbers(f.title) if _MAY_HAVE_NUMBERS.search(f.title) else ((), frozenset())
    first = _first_person(record)
    page = record.page.strip()
    generic = is_generic(f)
    return Detail(
        numbers=numbers,
        glued=glued,
        family_is_org=bool(first and first.literal),
        given=_last_given(first),
        initial=_initial(first),
        year=_year(record),
        year_inferred="issued" in record.inferred,
        preprint=_is_preprint(record, f.arxiv),
        generic=generic,
        version=(record.extra.get("version") or record.edition).strip().lower(),
        volume=record.volume.strip().lower(),
        issue=record.issue.strip().lower(),
        first_page=_FIRST_PAGE.match(page).group(0).lower() if page else "",
        container=normalize_title(record.container_title) if generic and record.container_title else "",
    )


def _initial(first: Name | None) -> str:
    """The first letter of the first author's given names, folded."""
    return _fold(first.given.lstrip(" .-"))[:1] if first and first.given.strip(" .-") else ""


def _last_given(first: Name | None) -> str:
    """The first author's last given name, lower case."""
    return first.given.rsplit(" ", 1)[-1].casefold() if first and first.given else ""


def _year(record: Record) -> int:
    year = record.year
    return int(year) if year else 0


def is_generic(f: Features) -> bool:
    """A recurring column title ("Editorial", "Book Reviews: …") or a one-word title."""
    return f.title in _GENERIC_TITLES or f.title.startswith(("editorial ", "book review")) or f.tokens < 2


def first_person_is_org(f: Features) -> bool:
    """The first author is an organisation (``{OpenAI}``)."""
    first = _first_person(f.record)
    return bool(first and first.literal)


_MAY_HAVE_NUMBERS = re.compile(r"\d|\b[ivx]+\b")
_FIRST_PAGE = re.compile(r"[^-–—]*")


_WEB_TYPES = {
    "online",
    "software",
    "electronic",
    "www",
    "webpage",
    "dataset",
    "codefragment",
    "softwareversion",
}


def _is_web(record: Record) -> bool:
    if record.entry_type in _WEB_TYPES:
        return True
    return (
        record.entry_type == "misc"
        and bool(record.url)
        and not (record.container_title or record.doi or record.arxiv)
    )


def normalize_url(url: str) -> str:
    """``https://www.Example.org/a/`` and ``http://example.org/a`` compare equal."""
    url = url.strip()
    if not url:
        return ""
    url = re.sub(r"^[a-z]+://", "", url, flags=re.IGNORECASE)
    host, _, path = url.partition("/")
    return host.lower().removeprefix("www.") + "/" + path.rstrip("/")


def _split_colon(title: str) -> tuple[str, str, str]:
    """The normalised title and its parts before and after the first colon (or spaced dash), folded once."""
    folded = _fold(title)
    match = _COLON.search(folded)
    if not match:
        return _NON_WORD.sub(" ", folded).strip(), "", ""
    head = _NON_WORD.sub(" ", folded[: match.start()]).strip()
    tail = _NON_WORD.sub(" ", folded[match.end() :]).strip()
    return f"{head} {tail}".strip(), head, tail


_COLON = re.compile(r":|\s[-–—]+\s")


def title_numbers(normalized: str) -> tuple[int, ...]:
    """Numbers that name a different work when they change: ``2``, ``v2``, ``Part II``, a year."""
    return _title_numbers(normalized)[0]


def _title_numbers(normalized: str) -> tuple[tuple[int, ...], frozenset[tuple[str, int]]]:
    """Standalone numbers (sorted) and numbers inside words (``gpt3``, ``int8``, ``3d``) as (stem, number).

    Numbers inside words are compared only where both titles have the stem: Google Scholar turns
    ``LLM.int8()`` into ``Gpt3. int8 ()``, which must still match, while ``gpt3``/``gpt4`` must not.
    """
    numbers: list[int] = []
    glued: set[tuple[str, int]] = set()
    words = normalized.split()
    last = len(words) - 1
    for i, word in enumerate(words):
        if word.isdigit():
            numbers.append(int(word))
        elif word in _ROMAN:
            if i > 0 and words[i - 1] in _ROMAN_CONTEXT or (i == last and len(word) > 1):
                numbers.append(_ROMAN[word])
        elif not word.isalpha():
            version = _VERSION.match(word)
            if version:
                numbers.append(int(version.group(1)))
            elif match := _GLUED.match(word):
                glued.add((match.group(1) + "#" + match.group(3), int(match.group(2))))
    return tuple(sorted(numbers)), frozenset(glued)


def same_work(a: Features, b: Features) -> str | None:
    """Why ``a`` and ``b`` are the same work (a short reason), or None when they are not (or not surely)."""
    if a.doi and b.doi:
        return "same DOI" if a.doi == b.doi else None
    if a.arxiv and b.arxiv:
        return "same arXiv id" if a.arxiv == b.arxiv else None
    if a.web and b.web and a.url and b.url:
        # Web pages and software are identified by their URL (and version): equal titles are not enough.
        if a.url != b.url or (a.detail.version and b.detail.version and a.detail.version != b.detail.version):
            return None
        return "same URL" if families_agree(a, b) else None
    if not a.title or not b.title:
        return None
    # The title relation first: most candidate pairs fail here, on one comparison.
    if a.title == b.title:
        reason = "same title"
    else:
        reason = _prefix_match(a, b) or _fuzzy_match(a, b)
        if not reason:
            return None
    x, y = a.detail, b.detail
    if not families_agree(a, b) or not _years_agree(x, y) or _glued_conflict(x.glued, y.glued):
        return None
    if _isbn_conflict(a.record.isbn, b.record.isbn):
        return None  # the same book from two publishers, or two editions: different publications
    if x.generic or y.generic:
        # Recurring columns and one-word titles: equal titles say nothing without the same issue and pages.
        return "same title and issue" if a.title == b.title and _same_placement(x, y) else None
    if _placement_conflict(x, y):
        return None
    return reason


_ISBN = re.compile(r"(?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx]")


def _isbn_conflict(first: str, second: str) -> bool:
    """Both records list ISBNs and share none (compared as ISBN-13, hyphens and spaces ignored)."""
    if not first or not second:
        return False
    return not (_isbn13s(first) & _isbn13s(second)) and bool(_isbn13s(first)) and bool(_isbn13s(second))


@lru_cache(maxsize=4096)
def _isbn13s(text: str) -> frozenset[str]:
    found = set()
    for match in _ISBN.finditer(text):
        digits = re.sub(r"[\s-]", "", match.group(0)).upper()
        if len(digits) == 10:  # ISBN-10 → ISBN-13: prefix 978, recompute the check digit
            core = "978" + digits[:9]
            check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(core)) % 10) % 10
            digits = core + str(check)
        found.add(digits)
    return frozenset(found)


def _fuzzy_match(a: Features, b: Features) -> str | None:
    """Typos and mangling in long titles with the same numbers, when both first authors are known."""
    if min(a.tokens, b.tokens) < FUZZY_MIN_TOKENS or not (a.family and b.family):
        return None
    score = fuzz.ratio(a.title, b.title, score_cutoff=FUZZY_THRESHOLD)
    if not score or a.detail.numbers != b.detail.numbers or not _differences_are_typos(a, b):
        return None
    return f"similar title ({score:.0f}%)"


def _differences_are_typos(a: Features, b: Features) -> bool:
    """The words that differ look like typos, or lie in a mangled name before the colon.

    ``… for image classification`` vs ``… for object detection`` is another paper however similar the
    rest; ``quantizaton``/``quantization``, ``pre training``/``pretraining`` are typos; ``supervised``
    vs ``unsupervised`` is not, although the letters nearly agree.
    """
    a_words, b_words = a.title.split(), b.title.split()
    names = set(a.head.split()) | set(b.head.split())
    blocks = SequenceMatcher(None, a_words, b_words, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in blocks:
        if tag == "equal":
            continue
        only_a = [w for w in a_words[i1:i2] if w not in names]
        only_b = [w for w in b_words[j1:j2] if w not in names]
        if not _typo_of(" ".join(only_a), " ".join(only_b)):
            return False
    return True


def _typo_of(x: str, y: str) -> bool:
    """One stretch of differing words: a typo (two edits, or mostly the same letters), not a negation."""
    if not x or not y:
        return not (x or y) or len((x or y).replace(" ", "")) <= 2  # a dropped "a"/"of" is harmless
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    if longer.endswith(shorter) and longer[: len(longer) - len(shorter)].strip() in _NEGATIONS:
        return False
    x, y = x.replace(" ", ""), y.replace(" ", "")
    return Levenshtein.distance(x, y) <= 2 or fuzz.ratio(x, y) >= TYPO_SIMILARITY


def families_agree(a: Features, b: Features) -> bool:
    """First authors compatible: same family (and first initial, when both give one), or one is an
    organisation, or one side lists no author."""
    if not a.family or not b.family:
        return True
    # What this reads of the detail is read without computing it all: unions of clusters joined by a
    # DOI or an arXiv id ask this of records whose titles were never compared.
    if a.family == b.family:
        x, y = a.initial, b.initial
        return not (x and y and x != y)  # Wang, Tao vs Wang, Yu: two people
    org = a.family_is_org
    if org != b.family_is_org:
        return True  # {OpenAI} vs the people who wrote the report
    if org:
        return fuzz.ratio(a.family, b.family) >= 90
    if a.family.rsplit(" ", 1)[-1] == b.family.rsplit(" ", 1)[-1]:
        return True  # "De Sa" vs "Sa", "Van der Maaten" vs "van der Maaten"
    if a.family.replace(" ", "") == b.family.replace(" ", ""):
        return True  # "Lee-Thorp" vs "Lee Thorp"
    # Given and family swapped ("Li Yuhang" vs "Yuhang Li"), common in exports of Chinese names.
    x, y = a.given, b.given
    return bool(x) and x == b.family or bool(y) and y == a.family


def _years_agree(a: Detail, b: Detail) -> bool:
    if not a.year or not b.year:
        return True
    gap = abs(a.year - b.year)
    if gap <= 1:
        return True
    return gap <= PREPRINT_YEAR_GAP and (a.preprint != b.preprint or a.year_inferred or b.year_inferred)


def _glued_conflict(a: frozenset[tuple[str, int]], b: frozenset[tuple[str, int]]) -> bool:
    """``gpt3`` vs ``gpt4``, ``2d`` vs ``3d``: the same stem with a different number."""
    if not a or not b:
        return False
    a_stems: dict[str, set[int]] = {}
    for stem, number in a:
        a_stems.setdefault(stem, set()).add(number)
    b_stems: dict[str, set[int]] = {}
    for stem, number in b:
        b_stems.setdefault(stem, set()).add(number)
    return any(a_stems[stem] != b_stems[stem] for stem in a_stems.keys() & b_stems.keys())


def _placement_conflict(a: Detail, b: Detail) -> bool:
    """Both published and placed differently (volume, issue or first page disagree): two papers."""
    if a.preprint or b.preprint:
        return False
    pairs = ((a.volume, b.volume), (a.issue, b.issue), (a.first_page, b.first_page))
    return any(x and y and x != y for x, y in pairs)


def _same_placement(a: Detail, b: Detail) -> bool:
    """Same container and year, the same volume, issue and first page, with at least one of them given."""
    pairs = ((a.volume, b.volume), (a.issue, b.issue), (a.first_page, b.first_page))
    return (
        a.container == b.container
        and a.year == b.year
        and all(x == y for x, y in pairs)
        and any(x for x, _ in pairs)
    )


#: At most this many words before a colon make a work's name (``GPTQ``, ``LLM.int8()``, ``Deep Compression``).
_NAME_TOKENS = 2


def _prefix_match(a: Features, b: Features) -> str | None:
    """``ZeroQuant-V2: Exploring …`` vs ``Exploring …``: the shorter title is one side of the colon.

    The part before the colon stands for the work only when it is a name (``GPTQ``, ``LLM.int8()``):
    ``Computers and Typesetting`` and ``Computers and typesetting: errata and changes`` are two works.

    Only with both first authors known and the same year (one apart for a preprint and its published
    version); ``same_work`` then checks that the authors agree.
    """
    reason = None
    for long, short in ((a, b), (b, a)):
        if long.tail and short.title == long.tail and short.tokens >= 3:
            reason = "title without its name prefix"
        elif long.head and short.title == long.head and short.tokens <= _NAME_TOKENS:
            reason = "title without its subtitle"
    if not reason or not (a.family and b.family):
        return None
    x, y = a.detail, b.detail
    if not (x.year and y.year) or (
        x.year != y.year and not (abs(x.year - y.year) == 1 and x.preprint != y.preprint)
    ):
        return None
    return reason


def blocking_keys(f: Features) -> list[str]:
    """Keys under which candidates meet: ids, the URL of a web page, the whole title, each side of a
    colon, and, for titles long enough to match fuzzily, the first author with each third of the title's
    words (two typos or Scholar's mangling of the name leave one of them intact; the author keeps such
    blocks small, and a fuzzy match needs agreeing first authors anyway). The fuzzy keys skip short words
    ("a", "of", "the", "for"): a prolific author's "A study of …" would otherwise make one huge block,
    and a typo changes letters, not length, so it does not move the other words into or out of a key."""
    keys = []
    if f.doi:
        keys.append("d:" + f.doi)
    if f.arxiv:
        keys.append("a:" + f.arxiv)
    if f.web and f.url:
        keys.append("u:" + f.url)
    if f.title:
        keys.append("t:" + f.title)
    if f.head:
        keys.append("t:" + f.head)
    if f.tail:
        keys.append("t:" + f.tail)
    if f.tokens >= FUZZY_MIN_TOKENS and f.family:
        author = f.family.rsplit(" ", 1)[-1] + "|"
        words = [w for w in f.title.split() if len(w) > SHORT_WORD]
        keys += [mark + author + span for mark, span in _word_spans(words)]
    return keys


def _word_spans(words: list[str]) -> list[tuple[str, str]]:
    """Three disjoint runs of words (thirds, at most ``SPAN`` words each, counted from the end so that a
    changed name before the colon moves no boundary): two typos always leave one of them intact."""
    n = len(words)
    if n < 3:
        return [(FIRST_WORDS_MARK, " ".join(words))]
    third = -(-n // 3)  # ceiling: the first run takes what is left over
    middle, last = n - 2 * third, n - third  # where the middle and the last run start
    spans = [
        (LAST_WORDS_MARK, " ".join(words[max(last, n - SPAN) :])),
        (MIDDLE_WORDS_MARK, " ".join(words[max(middle, last - SPAN) : last])),
    ]
    if middle:
        spans.append((FIRST_WORDS_MARK, " ".join(words[max(0, middle - SPAN) : middle])))
    return spans


#: First characters of the fuzzy blocking keys (first, last and middle third with the first author).
FIRST_WORDS_MARK, LAST_WORDS_MARK, MIDDLE_WORDS_MARK = "<", ">", "="
FUZZY_KEY_MARKS = frozenset((FIRST_WORDS_MARK, LAST_WORDS_MARK, MIDDLE_WORDS_MARK))
#: Words in each fuzzy blocking key.
SPAN = 3
#: Words of at most this many letters are left out of the fuzzy blocking keys.
SHORT_WORD = 3
