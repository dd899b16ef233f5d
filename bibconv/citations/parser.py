"""From a citation string to a ``Record``: rules where the structure is certain, a learned labeller for the rest.

1. Clean the string (numbering, bullets, whitespace) and split off an acceptance note ``(NeurIPS 2024)``.
2. Find identifiers with rules: DOI, arXiv id, URL anywhere in the string.
3. Label every token with the CRF (author, title, container, volume, issue, pages, date, publisher, …).
4. Turn each labelled segment into values with the normalizers of ``fields.py``.
5. Infer the entry type from what was found and normalise the venue through the venue table.

Entry types: ``article`` (journal), ``inproceedings`` (a venue the table knows as a conference or workshop,
or a container named "Proceedings …/Conference …"), ``incollection`` (a book container with editors or a
publisher), ``book``, ``phdthesis``/``mastersthesis``, ``techreport`` and ``misc``. An arXiv preprint with
no other venue is ``misc`` with ``arxiv`` set — what arXiv's own BibTeX export and biblatex users expect
(``@misc`` + ``eprint``/``archiveprefix``); the BibTeX writer adds those fields, or Google Scholar's
``journal = {arXiv preprint arXiv:…}`` form with ``--arxiv-style scholar``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace

from ..data.venues import lookup as lookup_venue
from ..errors import BibconvError
from ..model import Record, Source
from . import fields
from .crf import tag_tokens
from .notes import AcceptanceNote, split_acceptance_note
from .roles import RoleNotes, split_role_notes
from .tokens import Token, tokenize

__all__ = ["ParsedCitation", "parse_citation"]

#: Longest citation considered; longer text is not a citation (a paragraph pasted by mistake).
MAX_LENGTH = 2000


@dataclass(frozen=True, slots=True)
class ParsedCitation:
    """The record parsed from a citation; ``ok`` is False when not even a title was found."""

    record: Record
    ok: bool
    problems: tuple[str, ...] = ()


_LEADING_NUMBER = re.compile(
    r"^\s*(?:[-*•·+]\s+|\[\s*\d+\s*\]\s*|\(\s*\d+\s*\)\s*|\d{1,4}\s*[.)]\s*(?=[^\W\d])|\d{1,3}\s+(?=[^\W\d]))"
)
_CONFERENCE_WORDS = re.compile(
    r"\b(?:proceedings|proc\.|conference|conf\.|workshops?|symposium|symp\.|congress|colloquium|meeting|"
    r"convention|summit|forum|ICML|NeurIPS|NIPS|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|SIGIR|"
    r"Interspeech|ICASSP|tagung|tagungsband|konferenz|congrès|congreso|congresso|convegno|simp[óo]sio|simposio|"
    r"jornadas|atti|actas|anais|actes)\b",
    re.IGNORECASE,
)
#: "ESOP 2021", "MICCAI 2015", "CVPR'22": a venue acronym with its year names a conference.
_ACRONYM_YEAR = re.compile(r"\b[A-Z][A-Z&-]{2,}\s?(?:'\d\d|(?:19|20)\d\d)\b")
#: A university (not its press) as the only publisher: the institution of a thesis.
_UNIVERSITY = re.compile(
    r"\b(?:universit\w*|univ\.|institute\s+of\s+technology|polytechnic\w*|politecnico|college|école|"
    r"hochschule|uniwersytet|universidad|universidade)\b",
    re.IGNORECASE,
)
_BOOKISH_CONTAINER = re.compile(
    r"\b(?:handbook|encyclopedia|companion|studies|reader|essays|lectures?|volume)\b", re.IGNORECASE
)
_ARXIV_CONTAINER = re.compile(
    r"^(?:(?:preprint\s+(?:at|on|in)\s+)?arxiv(?:\s+preprint.*|\s+e-prints)?|preprint|corr|e-print.*)$",
    re.IGNORECASE,
)
#: "Proceedings … (IEEE)": a publisher Cell-like styles print in parentheses after the venue.
_PAREN_PUBLISHER = re.compile(
    r"\s*\(((?:IEEE|ACM|PMLR|AAAI|USENIX|Springer|Elsevier|Wiley|ISCA|ATALA|SIAM|Curran Associates|IOS Press|"
    r"[^()]*\b(?:Press|Publish\w*|Verlag|Association|Society|Inc\.?|Ltd\.?))[^()]*)\)$"
)
_INSTITUTION = re.compile(
    r"\b(?:bureau|corporation|organi[sz]ation|institute|laborator(?:y|ies)|agency|council|research|cent(?:er|re)|"
    r"foundation|commission|office|department|ministry|bank|CERN|NBER|NASA)\b",
    re.IGNORECASE,
)
_BOOK_PUBLISHER = re.compile(
    r"\b(?:press|presses|verlag|publish\w*|books?|editions?|éditions|edizioni|editora|editorial|wydawnictwo)\b",
    re.IGNORECASE,
)
_REPORT_GENRE = re.compile(
    r"report|working paper|white ?paper|technical|memorandum|bericht|rapport", re.IGNORECASE
)


_NO_SOURCE = Source()


def parse_citation(text: str, source: Source = _NO_SOURCE) -> ParsedCitation:
    """Parse one citation string (any common style) into a record; never raises on arbitrary text.

    A string without a recognisable title gives ``ok=False`` and a ``misc`` record with the raw text in
    ``note``, so that the caller can report it and still keep it.
    """
    try:
        return _parse(text, source)
    except BibconvError:
        raise
    except Exception as error:  # a bug on some odd input must cost that citation, never the whole file
        return _unparsed(str(text), source, f"internal parser error ({type(error).__name__})")


def _parse(text: str, source: Source) -> ParsedCitation:
    raw = text
    text = _clean(text)
    if not text or len(text) > MAX_LENGTH or not any(ch.isalpha() for ch in text):
        reason = "empty citation" if not text.strip() else "not a citation"
        return _unparsed(raw, source, reason)
    text, note = split_acceptance_note(text)
    text, roles = split_role_notes(text)
    tokens = tokenize(text)
    labels = _certain_labels(tokens, tag_tokens(tokens))
    segments = _segments(text, tokens, labels)
    record, problems = _build(text, segments, source)
    if roles:
        record = _apply_roles(record, roles)
    if note is not None:
        record = _apply_note(record, note)
    if not record.title and not _is_journal_reference(record):
        return _unparsed(raw, source, "no title found", record)
    return ParsedCitation(record, True, tuple(problems))


def _is_journal_reference(record: Record) -> bool:
    """Physics styles omit article titles: ``S. Weinberg, Phys. Rev. Lett. 19, 1264 (1967)`` is complete."""
    return bool(record.author and record.container_title and record.year and (record.volume or record.page))


def _clean(text: str) -> str:
    text = " ".join(str(text).replace("\u00a0", " ").replace("\u200b", "").split())
    return _LEADING_NUMBER.sub("", text, count=1).strip()


def _unparsed(raw: str, source: Source, reason: str, partial: Record | None = None) -> ParsedCitation:
    base = partial or Record()
    record = base.with_changes(entry_type="misc", title="", note=" ".join(str(raw).split()), source=source)
    return ParsedCitation(record, False, (reason,))


# --- statements of responsibility and thesis notes ------------------------------------------------------


def _apply_roles(record: Record, roles: RoleNotes) -> Record:
    """Put back what :func:`split_role_notes` cut out: translators, editors, the original year, a thesis."""
    changes: dict[str, object] = {}
    if roles.translators:
        changes["translator"] = fields.split_names(roles.translators)
    if roles.editors and not record.editor:
        changes["editor"] = fields.split_names(roles.editors)
    if roles.original_year:
        changes["extra"] = {**record.extra, "origdate": roles.original_year}
    if roles.thesis_genre:
        changes["genre"] = roles.thesis_genre
        changes["entry_type"] = fields.thesis_kind(roles.thesis_genre) or "phdthesis"
        changes["publisher"] = roles.thesis_school
        if record.container_title and not record.publisher:
            changes["container_title"] = ""  # the school was labelled as a container: it is the publisher
        if roles.archive:
            changes["note"] = _join(record.note, roles.archive)
    return record.with_changes(**changes)


# --- acceptance notes --------------------------------------------------------------------------------


def _apply_note(record: Record, note: AcceptanceNote) -> Record:
    """``(NeurIPS 2024)`` after an arXiv citation: the published venue and year; the arXiv id stays."""
    venue = note.venue or _lookup_venue(note.name)
    published_elsewhere = record.container_title and not _ARXIV_CONTAINER.match(record.container_title)
    if venue is None or published_elsewhere:
        return record.with_changes(note=_join(record.note, note.text.strip(" .()")))
    changes: dict[str, object] = {
        "entry_type": "article" if venue.kind == "journal" else "inproceedings",
        "container_title": venue.canonical,
        "container_title_short": venue.abbreviation,
    }
    if note.year:
        changes["issued"] = str(note.year)
    if note.status and note.status != "accepted":
        changes["note"] = _join(record.note, note.status)
    return record.with_changes(**changes)


_YEAR_IN = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


# --- rules over the labeller's output ------------------------------------------------------------------

_BARE_YEAR = re.compile(r"^[(\[]?(1[5-9]\d\d|20\d\d)[a-z]?[)\]]?[.,:;]?$")


def _certain_labels(tokens: list[Token], labels: list[str]) -> list[str]:
    """Corrections where the structure is certain: a bare year is never part of a name list."""
    fixed = list(labels)
    for i, tok in enumerate(tokens):
        text, label = tok.text, fixed[i]
        # Each test first checks the one character its pattern can start with: most tokens fail there.
        if text[0] in _IDENTIFIER_START and _IDENTIFIER_TOKEN.match(text):
            fixed[i] = "url"  # identifiers are read by rules from the whole string; keep them out of fields
        elif label in ("author", "editor") and text[0] in "([12" and _BARE_YEAR.match(text):
            fixed[i] = "date"
        elif (
            label in ("pages", "volume", "issue", "container") and text[0] == "(" and _PAREN_YEAR.match(text)
        ):
            fixed[i] = "date"  # "1264 (1967)": a year in parentheses is the date, not a page
        elif label != "author" and i and fixed[i - 1] == "author" and _INITIALS_TOKEN.match(text):
            fixed[i] = "author"  # "Kuhn, T.S. (1962)": initials continue the name they follow
    _names_before_date(tokens, fixed)
    _close_quoted_title(tokens, fixed)
    _editors_before_marker(tokens, fixed)
    _book_title_after_editors(fixed)
    _container_inside_title(tokens, fixed)
    _access_dates(tokens, fixed)
    _journal_after_names(tokens, fixed)
    _numbers_after_markers(tokens, fixed)
    _issue_after_volume(tokens, fixed)
    return fixed


_PAREN_NUMBER = re.compile(r"^\(\d{1,5}(?:[-–/]\d{1,5})?\)[.,:;]?$")


def _issue_after_volume(tokens: list[Token], labels: list[str]) -> None:
    """``Nature, 521(7553), 436–444`` / ``521 (7553): 436–44``: a number in parentheses right after the volume
    is the issue, whatever the labeller guessed (a year there, ``47 (1935) 777``, is left to the date)."""
    for i in range(1, len(tokens)):
        if (
            labels[i - 1] == "volume"
            and labels[i] in ("pages", "volume", "date", "other")
            and _PAREN_NUMBER.match(tokens[i].text)
            and not _PAREN_YEAR.match(tokens[i].text)
        ):
            labels[i] = "issue"


#: A word that announces the number after it, in the languages of common styles (``v. 12, n. 3, p. 45-67``,
#: ``Bd. 18, Nr. 2, S. 12–45``, ``t. 2``, ``n° 4``, ``núm. 3``, ``vol. 7, no. 1, pp. 1–9``).
_NUMBER_MARKERS = {
    "volume": ("v", "vol", "vols", "volume", "bd", "band", "jg", "jahrg", "t", "tome", "tomo", "vyp"),
    "issue": ("n", "no", "nr", "n°", "nº", "núm", "num", "número", "heft", "fasc", "iss", "issue", "h"),
    "pages": ("p", "pp", "pag", "pág", "págs", "s", "ss", "str", "pages"),
}
_MARKER_LABEL = {word: label for label, words in _NUMBER_MARKERS.items() for word in words}
#: The first letters of the marker words, in either case: most tokens fail this test and skip the rest.
_MARKER_START = frozenset("".join(word[0] + word[0].upper() for word in _MARKER_LABEL))
#: Labels a marker rule leaves alone: names and titles, and the numbers of series and reports.
_NOT_MARKED_NUMBER = frozenset({"author", "editor", "title", "collection", "number", "genre"})
_MARKED_NUMBER = re.compile(r"^[A-Za-z]{0,2}\d+(?:[-–—][A-Za-z]{0,2}\d+)?[.,;:]?$")


def _numbers_after_markers(tokens: list[Token], labels: list[str]) -> None:
    """A marker word followed by a number settles the field of both, whatever the labeller guessed; names and
    titles are left alone (``S.`` and ``H.`` are also initials)."""
    for i in range(len(tokens) - 1):
        if tokens[i].text[0] not in _MARKER_START:
            continue  # most tokens: the cheap test first
        word = tokens[i].text.rstrip(".,:").lower()
        label = _MARKER_LABEL.get(word)
        if (
            label is None
            or not _MARKED_NUMBER.match(tokens[i + 1].text)
            or labels[i] in _NOT_MARKED_NUMBER
            or labels[i + 1] in _NOT_MARKED_NUMBER
            or (i and _REPORT_GENRE.search(tokens[i - 1].text))  # "Report No.: 3705" is the report's number
            or (label == "issue" and word == "h" and tokens[i].text[0] == "H" and labels[i + 1] != "issue")
        ):
            continue
        if word in ("s", "t", "h") and not tokens[i].text.endswith((".", ".,")):
            continue
        labels[i] = labels[i + 1] = label


_ABBREVIATED_WORD = re.compile(r"^[A-Z][a-z]{2,}\.$")


def _journal_after_names(tokens: list[Token], labels: list[str]) -> None:
    """``A. Einstein, Ann. Phys. 17, 891 (1905)``: an abbreviated word after the last name, followed by the
    rest of the journal, starts the journal (names hold initials, never a three-letter word with a period)."""
    for i in range(1, len(tokens) - 1):
        if labels[i] != "author" or labels[i + 1] == "author":
            continue
        if (
            _ABBREVIATED_WORD.match(tokens[i].text)
            and tokens[i - 1].text.endswith(",")
            and labels[i + 1] == "container"
        ):
            labels[i] = "container"
        return


_ACCESS_MARKER = re.compile(
    r"^[(\[]?(?:accessed|retrieved|viewed|visited|consulted|consulté|consultado|acesso|zugegriffen|abgerufen|"
    r"zugriff|accesso|dostęp)[:,]?$",
    re.IGNORECASE,
)
_ACCESS_START = frozenset("([aArRvVcCzZdD")  # what _ACCESS_MARKER can start with: most tokens fail there
_DATE_PART = re.compile(
    r"^[(\[]?(?:\d{1,4}|[^\W\d_]{3,10}\.?|on|le|am|em|de|el|the)[.,:;)\]]*$", re.IGNORECASE
)


def _access_dates(tokens: list[Token], labels: list[str]) -> None:
    """``Accessed 3 May 2021`` / ``[Consulté le 3 janvier 2014]``: the day the URL was read, not the date of
    the work; kept out of the date (``other``) so that its month and year do not replace the real ones."""
    for i, tok in enumerate(tokens):
        if tok.text[0] not in _ACCESS_START or not _ACCESS_MARKER.match(tok.text):
            continue
        end = i + 1
        while end < len(tokens) and end - i <= 5 and _DATE_PART.match(tokens[end].text):
            end += 1
        for j in range(i, end):
            if labels[j] not in ("title", "author", "editor"):
                labels[j] = "other"


_EDITOR_MARKER = re.compile(r"^\(?(?:eds?|editors?|hrsg|hg|dir|coords?|orgs?)\.?\)?[.,:;]?$", re.IGNORECASE)
_EDITOR_START = frozenset("(eEhHdDcCoO")  # what _EDITOR_MARKER can start with: most tokens fail there


def _editors_before_marker(tokens: list[Token], labels: list[str]) -> None:
    """``In: Navab, N., Frangi, A.F. (eds.) MICCAI 2015``: the names before an editor marker are editors."""
    for e, tok in enumerate(tokens):
        if e == 0 or tok.text[0] not in _EDITOR_START or not _EDITOR_MARKER.match(tok.text):
            continue
        start = e
        # When the labeller already put names before the marker, its boundary stands ("in Low-Power
        # Computer Vision, L. Madrigal, Ed.": the book title is not a name); otherwise walk back over names.
        labelled = labels[e - 1] == "editor"
        while (
            start > 0
            and labels[start - 1] != "title"
            and _is_name_token(tokens[start - 1].text)
            and (not labelled or labels[start - 1] == "editor")
        ):
            start -= 1
        if start == 0 and not _EDITED_VOLUME_MARKER.match(tok.text):
            return  # "Chi, Ed, and …": a given name, not "(Ed.)" / "eds."
        if start < e:
            if start and tokens[start - 1].text.lower() in ("in", "in:"):
                start -= 1
            for i in range(start, e + 1):
                labels[i] = "editor"
        return


def _book_title_after_editors(labels: list[str]) -> None:
    """``"Title", in G. Montavon (eds.) Perspectives on Neural Computation. Oxford`` / ACM's ``Title. Book
    Title. C. Sammut et al., eds.``: a second title next to the editors of a chapter is the book it is in."""
    first_title = labels.index("title") if "title" in labels else None
    if first_title is None or "container" in labels:
        return
    end = first_title
    while end < len(labels) and labels[end] == "title":
        end += 1
    start = next((i for i in range(end, len(labels)) if labels[i] == "title"), None)
    if start is None:
        return
    stop = start
    while stop < len(labels) and labels[stop] == "title":
        stop += 1
    if labels[start - 1] == "editor" or (stop < len(labels) and labels[stop] == "editor"):
        for i in range(start, stop):
            labels[i] = "container"


def _container_inside_title(tokens: list[Token], labels: list[str]) -> None:
    """``A model of leptons. In Actes du XXe Congrès …, pages 35–44``: the labeller ran the title on into a
    venue it did not know; a sentence-initial ``In`` (``In:``) followed by a capital starts the container."""
    if "container" in labels or "title" not in labels:
        return
    i = labels.index("title") + 1
    while i < len(tokens) - 1 and labels[i] == "title":
        if (
            tokens[i].text in ("In", "In:")
            and tokens[i - 1].text.endswith((".", ",", "”", '"'))
            and tokens[i + 1].text[:1].isupper()
        ):
            while i < len(tokens) and labels[i] == "title":
                labels[i] = "container"
                i += 1
            return
        i += 1


#: After the leading names, only an unambiguous marker makes them editors: ``(Ed.)``, ``(Hrsg.)``, ``eds.``.
_EDITED_VOLUME_MARKER = re.compile(r"^(?:\(.*\)|[a-z].*|.*s\.?)[.,:;]?$|^.*\.[.,:;]?$")


def _is_name_token(text: str) -> bool:
    return bool(_NAME_WORD.match(text) or _INITIALS_RUN.match(text))


_INITIALS_RUN = re.compile(r"^(?:[A-Z]\.-?){1,4}[,;]?$")


_PAREN_YEAR = re.compile(r"^\((1[5-9]\d\d|20\d\d)[a-z]?\)[.,:;]?$")
_IDENTIFIER_TOKEN = re.compile(r"^(?:https?://|www\.|doi:|10\.\d{4,9}/)", re.IGNORECASE)
_IDENTIFIER_START = frozenset("hHwWdD1")
_INITIALS_TOKEN = re.compile(r"^(?:[A-Z]\.-?){1,3}[,;:]?$|^(?:et|al\.?[,;:]?)$")
_OPEN_QUOTE = tuple("\"“‘«„'")
_CLOSE_QUOTE = re.compile(r"[\"”’»'][.,;:]?$")


def _close_quoted_title(tokens: list[Token], labels: list[str]) -> None:
    """A title that opens with a quote ends where the quote closes (``"Deep learning," in Proc. …``)."""
    start = next((i for i, label in enumerate(labels) if label == "title"), None)
    if start is None:
        return
    if not tokens[start].text.startswith(_OPEN_QUOTE):
        # 'Chang, Ming-Wei, et al. "EIE: …"': name words the labeller put before the quoted title
        quoted = next(
            (
                i
                for i in range(start, len(tokens))
                if labels[i] == "title" and tokens[i].text.startswith(_OPEN_QUOTE)
            ),
            None,
        )
        if (
            quoted is None
            or (start and labels[start - 1] != "author")
            or any(labels[i] != "title" for i in range(start, quoted))
        ):
            return
        for i in range(start, quoted):
            labels[i] = "author"
        start = quoted
    end = next(
        (
            i
            for i in range(start, len(tokens))
            if _CLOSE_QUOTE.search(tokens[i].text) and (i > start or len(tokens[i].text) > 2)
        ),
        None,
    )
    if end is None:
        return
    after = end + 1
    while after < len(tokens) and labels[after] == "title":
        after += 1
    if after == end + 1:
        return
    follow = labels[after] if after < len(tokens) else "container"
    replacement = (
        "container" if follow in ("date", "pages", "volume", "publisher", "location", "title") else follow
    )
    for i in range(end + 1, after):
        labels[i] = replacement


_NAME_WORD = re.compile(
    r"^(?:[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*[.,;]?|and|&|van|von|der|de|da|di|dos|du|le|la|et|al\.?[,;]?)$"
)


def _names_before_date(tokens: list[Token], labels: list[str]) -> None:
    """``Shiller RJ (1985) Highly accurate …`` / ``Silva A P and van der Maaten L 2022 On the …``: name-like
    words the labeller put in the title, between the authors and a bare year, belong to the authors."""
    n = len(labels)
    i = 0
    while i < n and labels[i] == "author":
        i += 1
    if i == 0 or i >= n or labels[i] != "title":
        return
    j = i
    while j < n and j - i <= 10 and labels[j] in ("title", "date") and not _BARE_YEAR.match(tokens[j].text):
        if labels[j] == "date" or not (
            _NAME_WORD.match(tokens[j].text)
            and (not tokens[j].text[:1].islower() or tokens[j].text in _NAME_JOINERS)
        ):
            return
        j += 1
    if j >= n or j == i or not _BARE_YEAR.match(tokens[j].text) or j + 1 >= n or labels[j + 1] != "title":
        return
    for t in range(i, j):
        labels[t] = "author"
    labels[j] = "date"


_NAME_JOINERS = frozenset(
    {"and", "&", "van", "von", "der", "de", "da", "di", "dos", "du", "le", "la", "et", "al.", "al.,"}
)


# --- segments ----------------------------------------------------------------------------------------


def _segments(text: str, tokens: list[Token], labels: list[str]) -> dict[str, list[str]]:
    """Contiguous runs of one label, as the original text they cover (spacing kept), per label."""
    segments: dict[str, list[str]] = {}
    start = 0
    for i in range(1, len(tokens) + 1):
        if i == len(tokens) or labels[i] != labels[start]:
            segments.setdefault(labels[start], []).append(text[tokens[start].start : tokens[i - 1].end])
            start = i
    return segments


def _first(segments: dict[str, list[str]], label: str) -> str:
    values = segments.get(label)
    return values[0] if values else ""


def _all(segments: dict[str, list[str]], label: str) -> str:
    return " ".join(segments.get(label, ()))


# --- building the record ----------------------------------------------------------------------------


def _build(text: str, segments: dict[str, list[str]], source: Source) -> tuple[Record, list[str]]:
    problems: list[str] = []
    doi = fields.find_doi(text)
    arxiv = fields.find_arxiv(text, doi)
    url = fields.find_url(text)
    title, edition_in_title = fields.split_edition(fields.clean_title(_first(segments, "title")))
    if len(segments.get("title", ())) > 1:
        problems.append("title split in several parts; kept the first")
    authors = fields.split_names(_first(segments, "author"))
    editors = fields.split_names(_first(segments, "editor"))
    container = fields.clean_container(_first(segments, "container"))
    volume, issue = fields.parse_volume_issue(_all(segments, "volume"), _all(segments, "issue"))
    pages = fields.parse_pages(
        _first(segments, "pages") or fields.pages_before_container(_first(segments, "container"))
    )
    issued = fields.parse_date(_first(segments, "date")) or _year_fallback(segments)
    publisher, place = fields.split_place_publisher(
        _first(segments, "publisher"), _first(segments, "location")
    )
    genre = fields.clean_text(_first(segments, "genre"))
    number = fields.clean_text(_first(segments, "number"))
    number = _NUMBER_WORD.sub("", number)
    edition = fields.parse_edition(_first(segments, "edition")) if "edition" in segments else edition_in_title
    collection = fields.clean_text(_first(segments, "collection"))
    title, container, genre, number, publisher, place = fields.report_fields(
        title, container, genre, number, publisher, place
    )
    container, container_edition = fields.split_edition(container)  # "… Neural Computation. 3rd ed."
    edition = edition or container_edition
    if not (publisher or volume or issue or pages) and _is_institution(container):
        container, publisher = "", container  # "… 1992. Title. Universidad Complutense de Madrid."
    if editors or publisher:
        title, container = fields.title_of_edited_volume(title, container, bool(issue or pages))
    abbreviation = _VENUE_ABBREVIATION.match(publisher)
    if container and abbreviation:  # "Conference … (ICLR), 2025": the venue's abbreviation, not a publisher
        container = f"{container} {abbreviation.group(0).strip(' .,')}"
        publisher = fields.clean_text(publisher[abbreviation.end() :])
    paren_publisher = _PAREN_PUBLISHER.search(container) if not publisher else None
    if paren_publisher:
        container, publisher = container[: paren_publisher.start()].rstrip(" ,."), paren_publisher.group(1)
    if container and _ARXIV_CONTAINER.match(container):
        container = ""
    if publisher.lower() in ("arxiv", "preprint", "arxiv preprint") or publisher.lower().startswith(
        "preprint"
    ):
        publisher = ""
    container, volume = _volume_after_venue(container, volume)
    if volume and not issue and _PART_BEFORE.search(container):  # Scholar's "…, Part XII 16": no volume
        container, volume = f"{container} {volume}", ""
    venue = _lookup_venue(container) if container else None
    container_title = _venue_name(container, venue)
    changes: dict[str, object] = {}
    if venue is not None and venue.abbreviation and container_title == venue.canonical:
        changes["container_title_short"] = venue.abbreviation
    if venue is not None and venue.year and not issued:
        changes["issued"], changes["inferred"] = str(venue.year), frozenset({"issued"})
    fields_found = dict(
        title=title,
        author=authors,
        editor=editors,
        issued=issued,
        container_title=container_title,
        collection_title=collection,
        volume=volume,
        issue=issue,
        page=pages,
        number=number,
        edition=edition,
        publisher=publisher,
        publisher_place=place,
        genre=genre,
        doi=doi if not (arxiv and doi.lower().startswith("10.48550/")) else "",
        arxiv=arxiv,
        url=url,
        source=source,
    )
    fields_found.update(changes)
    # The entry type is decided on a plain view of the fields found, so that the Record (36 frozen slots,
    # costly to fill) is built once.
    found = SimpleNamespace(**fields_found)
    quoted = _first(segments, "title").startswith(_OPEN_QUOTE)
    record = Record(entry_type=_entry_type(found, venue, quoted), **fields_found)  # type: ignore[arg-type]
    if not authors and "author" not in segments:
        problems.append("no authors found")
    return record, problems


_NUMBER_WORD = re.compile(r"^(?:no\.?|nr\.?|number)\s*", re.IGNORECASE)
_VENUE_ABBREVIATION = re.compile(r"^\([^()]{2,20}\)[.,]?\s*")


def _year_fallback(segments: dict[str, list[str]]) -> str:
    """A year the labeller put elsewhere (``Proceedings … 2019.`` ends with it): last year in the other segments."""
    for label in ("container", "publisher", "volume", "other"):
        for value in segments.get(label, ()):
            years = _YEAR_IN.findall(value)
            if years and value.strip(" .,()").endswith(years[-1]):
                return years[-1]
    return ""


_TRAILING_VOLUME = re.compile(r"^(?P<venue>.*\D)\s+(?P<volume>\d{1,4})$")


#: "… Proceedings, Part XII 16": Scholar's Springer volume titles end with a part and a number that is no volume.
_PART_BEFORE = re.compile(r"\b(?:part|vol|volume)\.?(?:\s+[IVXLC\d]+)?$", re.IGNORECASE)


def _volume_after_venue(container: str, volume: str) -> tuple[str, str]:
    """Google Scholar's ``Advances in neural information processing systems 28`` when the labeller kept 28 in the venue."""
    if volume or not container:
        return container, volume
    match = _TRAILING_VOLUME.match(container)
    if (
        match
        and not _YEAR_IN.fullmatch(match.group("volume"))
        and not _PART_BEFORE.search(match.group("venue"))
    ):
        return match.group("venue").rstrip(" ,"), match.group("volume")
    return container, volume


def _lookup_venue(text: str):
    """The venue table (``bibconv.data.venues.lookup``); None when the venue is unknown."""
    try:
        return lookup_venue(text)
    except Exception:  # the table is a helper: a bug there must not make parsing fail
        return None


def _venue_name(container: str, venue) -> str:
    """Restore the case of a known venue that Google Scholar lowercased; otherwise keep it as written."""
    if venue is None or not container:
        return container
    if container.lower() == venue.canonical.lower():
        return venue.canonical
    if container == container.lower() or _mostly_lower(container):
        try:
            from ..data.venues import restore_case

            return restore_case(container)
        except Exception:
            return container
    return container


def _mostly_lower(text: str) -> bool:
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and sum(w[0].islower() for w in words) * 2 > len(words)


_JOURNAL_WORDS = re.compile(
    r"\b(?:journal|review|revue|revista|zeitschrift|transactions|letters|annals|annales|bulletin|proceedings|"
    r"magazine|quarterly|acta|archiv|studies)\b",
    re.IGNORECASE,
)


def _is_institution(name: str) -> bool:
    """A university or research institution (not its press, not one of its journals)."""
    return bool(
        name
        and (_UNIVERSITY.search(name) or _INSTITUTION.search(name))
        and not _BOOK_PUBLISHER.search(name)
        and not _JOURNAL_WORDS.search(name)
        and not _CONFERENCE_WORDS.search(name)
    )


def _entry_type(record: Record | SimpleNamespace, venue, quoted_title: bool = False) -> str:
    kind = fields.thesis_kind(record.genre) if record.genre else None
    if kind and not record.container_title:
        return kind
    if record.container_title:
        if venue is not None and venue.kind in ("conference", "workshop"):
            return "inproceedings"
        if venue is not None and venue.kind == "journal":
            return "article"
        if _CONFERENCE_WORDS.search(record.container_title) or _ACRONYM_YEAR.search(record.container_title):
            return "inproceedings"
        if record.editor or _BOOKISH_CONTAINER.search(record.container_title):
            return "incollection"
        if record.publisher and not record.volume and not record.issue:
            return "incollection"
        return "article"
    if record.arxiv:
        return "misc"
    if record.genre and _REPORT_GENRE.search(record.genre) or (record.number and record.publisher):
        return "techreport"
    if record.publisher and quoted_title:
        return "techreport"  # styles quote the titles of parts, reports and theses (whose genre they print)
    one_author = len(record.author) == 1 and not record.author[0].others
    if one_author and _UNIVERSITY.search(record.publisher) and not _BOOK_PUBLISHER.search(record.publisher):
        return "phdthesis"  # a thesis whose style printed no genre ("… 1992. Title. Universidad de Madrid.")
    if _INSTITUTION.search(record.publisher) and not _BOOK_PUBLISHER.search(record.publisher):
        return "techreport"
    if record.publisher:
        return "book"
    return "misc"
