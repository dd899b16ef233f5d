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

from ..errors import BibconvError
from ..model import Record, Source
from . import fields
from .crf import tag
from .features import sequence_features
from .notes import AcceptanceNote, split_acceptance_note
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
    r"Interspeech|ICASSP|tagung|konferenz|congrès|congreso|actes)\b",
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
    r"\b(?:press|verlag|publish\w*|books?|editions?|editora|editorial)\b", re.IGNORECASE
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
    tokens = tokenize(text)
    labels = _certain_labels(tokens, tag(sequence_features(tokens)))
    segments = _segments(text, tokens, labels)
    record, problems = _build(text, segments, source)
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
        if _IDENTIFIER_TOKEN.match(tok.text):
            fixed[i] = "url"  # identifiers are read by rules from the whole string; keep them out of fields
        elif fixed[i] in ("author", "editor") and _BARE_YEAR.match(tok.text):
            fixed[i] = "date"
        elif fixed[i] in ("pages", "volume", "issue") and _PAREN_YEAR.match(tok.text):
            fixed[i] = "date"  # "1264 (1967)": a year in parentheses is the date, not a page
        elif fixed[i] != "author" and i and fixed[i - 1] == "author" and _INITIALS_TOKEN.match(tok.text):
            fixed[i] = "author"  # "Kuhn, T.S. (1962)": initials continue the name they follow
    _names_before_date(tokens, fixed)
    _close_quoted_title(tokens, fixed)
    _editors_before_marker(tokens, fixed)
    return fixed


_EDITOR_MARKER = re.compile(r"^\(?(?:eds?|editors?|hrsg|hg|dir|coords?|orgs?)\.?\)?[.,:;]?$", re.IGNORECASE)


def _editors_before_marker(tokens: list[Token], labels: list[str]) -> None:
    """``In: Navab, N., Frangi, A.F. (eds.) MICCAI 2015``: the names before an editor marker are editors."""
    for e, tok in enumerate(tokens):
        if e == 0 or not _EDITOR_MARKER.match(tok.text):
            continue
        start = e
        while start > 0 and labels[start - 1] != "title" and _is_name_token(tokens[start - 1].text):
            start -= 1
        if 0 < start < e:
            if tokens[start - 1].text.lower() in ("in", "in:"):
                start -= 1
            for i in range(start, e + 1):
                labels[i] = "editor"
        return


def _is_name_token(text: str) -> bool:
    return bool(_NAME_WORD.match(text) or _INITIALS_RUN.match(text))


_INITIALS_RUN = re.compile(r"^(?:[A-Z]\.-?){1,4}[,;]?$")


_PAREN_YEAR = re.compile(r"^\((1[5-9]\d\d|20\d\d)[a-z]?\)[.,:;]?$")
_IDENTIFIER_TOKEN = re.compile(r"^(?:https?://|www\.|doi:|10\.\d{4,9}/)", re.IGNORECASE)
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
    number = re.sub(r"^(?:no\.?|nr\.?|number)\s*", "", number, flags=re.IGNORECASE)
    edition = fields.parse_edition(_first(segments, "edition")) if "edition" in segments else edition_in_title
    collection = fields.clean_text(_first(segments, "collection"))
    abbreviation = re.match(r"^\([^()]{2,20}\)[.,]?\s*", publisher)
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
    record = Record(**fields_found)  # type: ignore[arg-type]
    record = record.with_changes(entry_type=_entry_type(record, venue))
    if not authors and "author" not in segments:
        problems.append("no authors found")
    return record, problems


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
    """C2's venue table (``bibconv.data.venues.lookup``); None when the module or the venue is unknown."""
    try:
        from ..data.venues import lookup
    except ImportError:
        return None
    try:
        return lookup(text)
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


def _entry_type(record: Record, venue) -> str:
    kind = fields.thesis_kind(record.genre) if record.genre else None
    if kind and not record.container_title:
        return kind
    if record.container_title:
        if venue is not None and venue.kind in ("conference", "workshop"):
            return "inproceedings"
        if venue is not None and venue.kind == "journal":
            return "article"
        if _CONFERENCE_WORDS.search(record.container_title):
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
    if _INSTITUTION.search(record.publisher) and not _BOOK_PUBLISHER.search(record.publisher):
        return "techreport"
    if record.publisher:
        return "book"
    return "misc"
