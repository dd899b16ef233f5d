"""Small pure functions that read one field of a paper-list entry: links, badges, venues, authors, titles.

Each works on the text of one unit (a link, a badge, a cell), never on the whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from ..model import Name
from ..transforms.names import parse_plain_name

__all__ = [
    "LinkInfo",
    "classify_url",
    "Badge",
    "parse_badge",
    "VenueInfo",
    "parse_venue",
    "looks_like_venue",
    "parse_authors",
    "clean_title",
    "year_from_arxiv",
    "strip_decorations",
    "RESOURCE_LABELS",
    "is_resource_label",
    "is_badge_src",
    "acl_anthology_doi",
]

_LABEL_PUNCT = re.compile(r"[\[\]()【】{}:|•·*_,]+")
_VENUE_PUNCT = re.compile(r"[\[\]【】()*_~`]+")
_ACCEPTED_AT = re.compile(
    r"(?i)\b(accepted|published)\s+(at|by|in|to)\b|\bin\s*:|^\s*(?:venue|conference|conf|journal|publication|pub)\s*:"
)
_AUTHORS_LABEL = re.compile(r"(?i)^(authors?|by)\s*[:\-]?\s+")
_NAME_LIST_SPLIT = re.compile(r"\s*,\s*|\s+(?:and|&)\s+")
_LEADING_AND = re.compile(r"(?i)^(and|&)\s+")
_NAME_FULL_STOP = re.compile(r"(?<=[^\W\d_]{2})\.\s+(?=\w)")
_TITLE_NUMBERING = re.compile(r"^(?:\d{1,4}[.)]\s+|#\d+\s+)")
_ABBREVIATION_END = re.compile(r"\b(?:al|etc|vs|[A-Z])\.$")


# --- links ------------------------------------------------------------------------------------------

_ARXIV_URL = re.compile(
    r"(?:arxiv\.org|export\.arxiv\.org|huggingface\.co/papers|alphaxiv\.org/abs)/(?:(?:abs|pdf|html|papers)/)?"
    r"(\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?",
    re.IGNORECASE,
)
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s?#\"<>]+)")
_GITHUB = re.compile(r"^https?://(?:www\.)?(github\.com|gitlab\.com)/([\w.\-]+)/([\w.\-]+)", re.IGNORECASE)
_GITHUB_NOT_REPOS = {"orgs", "topics", "sponsors", "features", "marketplace", "search", "settings", "users"}
_OPENREVIEW = re.compile(r"openreview\.net/(?:forum|pdf)\?id=([\w\-]+)", re.IGNORECASE)
_ACL_ANTHOLOGY = re.compile(
    r"aclanthology\.org/(?:anthology/)?(\d{4}\.[\w\-]+\.\d+|[A-Z]\d{2}-\d{4})", re.IGNORECASE
)
#: Hosts whose links are papers (not project pages or code).
_PAPER_HOSTS = (
    "openreview.net", "aclanthology.org", "aclweb.org", "proceedings.mlr.press", "openaccess.thecvf.com",
    "proceedings.neurips.cc", "papers.nips.cc", "papers.neurips.cc", "neurips.cc/paper", "ojs.aaai.org",
    "ieeexplore.ieee.org", "dl.acm.org", "link.springer.com", "ecva.net", "semanticscholar.org",
    "sciencedirect.com", "nature.com", "ijcai.org", "jmlr.org", "researchgate.net", "biorxiv.org",
    "medrxiv.org", "ssrn.com", "usenix.org", "vldb.org", "mlsys.org", "iclr.cc", "icml.cc", "aaai.org",
    "science.org", "pnas.org", "cell.com", "wiley.com", "tandfonline.com", "mdpi.com", "frontiersin.org",
    "papers.ssrn.com", "scholar.google", "dblp.org", "paperswithcode.com/paper",
)  # fmt: skip
_CODE_HOSTS = (
    "github.com",
    "gitlab.com",
    "bitbucket.org",
    "huggingface.co/spaces",
    "colab.research.google.com",
)


@dataclass(frozen=True, slots=True)
class LinkInfo:
    """What a URL is: ``arxiv`` (value = id), ``doi``, ``paper`` (a paper URL), ``code`` (repo URL),
    ``project`` (a page about the work), or ``other``; ``ids`` holds OpenReview / ACL Anthology ids."""

    kind: str
    value: str
    extra: tuple[tuple[str, str], ...] = ()


@lru_cache(maxsize=8192)  # pure; lists repeat venues, badges and hosts
def classify_url(href: str) -> LinkInfo:
    url = href.strip()
    if not url or url.startswith("#"):
        return LinkInfo("other", "")
    if m := _ARXIV_URL.search(url):
        return LinkInfo("arxiv", m.group(1))
    if m := _DOI.search(unquote(url)):
        if "aclanthology" not in url:
            return LinkInfo("doi", m.group(1).rstrip(".").removesuffix(".pdf"), (("url", url),))
    if m := _OPENREVIEW.search(url):
        return LinkInfo("paper", url, (("openreview", m.group(1)),))
    if m := _ACL_ANTHOLOGY.search(url):
        anthology_id = m.group(1)
        doi = acl_anthology_doi(anthology_id)
        return LinkInfo("paper", url, (("acl_anthology", anthology_id),) + ((("doi", doi),) if doi else ()))
    if m := _GITHUB.match(url):
        host, owner, repo = m.groups()
        if owner.lower() not in _GITHUB_NOT_REPOS:
            return LinkInfo("code", f"https://{host.lower()}/{owner}/{repo.removesuffix('.git')}")
        return LinkInfo("other", url)
    lowered = url.lower()
    if any(host in lowered for host in _PAPER_HOSTS) or lowered.split("?")[0].endswith(".pdf"):
        return LinkInfo("paper", url)
    if any(host in lowered for host in _CODE_HOSTS):
        return LinkInfo("code", url)
    return LinkInfo("project", url)


#: Proceedings sites whose paper URLs name the venue and year: (pattern, venue name or a function of the
#: match giving it). Only what the URL states is used — no year is guessed where the URL has none.
_ACL_EVENTS = {"acl": "ACL", "emnlp": "EMNLP", "naacl": "NAACL", "eacl": "EACL", "aacl": "AACL",
               "coling": "COLING", "conll": "CoNLL", "tacl": "TACL", "lrec": "LREC"}  # fmt: skip
_OLD_ACL_LETTERS = {"P": "ACL", "D": "EMNLP", "N": "NAACL", "E": "EACL", "C": "COLING", "Q": "TACL", "K": "CoNLL"}
_PMLR_VOLUMES = {"70": "ICML 2017", "80": "ICML 2018", "97": "ICML 2019", "119": "ICML 2020", "139": "ICML 2021",
                 "162": "ICML 2022", "202": "ICML 2023", "235": "ICML 2024", "267": "ICML 2025"}  # fmt: skip
_URL_VENUES: tuple[tuple[re.Pattern[str], Any], ...] = (
    (re.compile(r"(?:papers|proceedings)\.(?:nips|neurips)\.cc/paper(?:_files/paper)?/((?:19|20)\d\d)/", re.I),
     lambda m: f"NeurIPS {m.group(1)}"),
    (re.compile(r"openaccess\.thecvf\.com/content(?:_|/)(CVPR|ICCV|WACV|ACCV)_?((?:19|20)\d\d)", re.I),
     lambda m: f"{m.group(1).upper()} {m.group(2)}"),
    (re.compile(r"ecva\.net/papers/eccv_((?:19|20)\d\d)/", re.I), lambda m: f"ECCV {m.group(1)}"),
    (re.compile(r"ijcai\.org/proceedings/((?:19|20)\d\d)/", re.I), lambda m: f"IJCAI {m.group(1)}"),
    (re.compile(r"proceedings\.mlr\.press/v(\d+)/", re.I), lambda m: _PMLR_VOLUMES.get(m.group(1), "")),
    (re.compile(r"aclanthology\.org/(?:anthology/)?((?:19|20)\d\d)\.(findings-)?([a-z]+)[-.]", re.I),
     lambda m: f"{_ACL_EVENTS[m.group(3).lower()]} {m.group(1)}{' Findings' if m.group(2) else ''}"
     if m.group(3).lower() in _ACL_EVENTS else ""),
    (re.compile(r"aclanthology\.org/(?:anthology/)?([A-Z])(\d\d)-\d{4}", re.I),
     lambda m: f"{_OLD_ACL_LETTERS[m.group(1).upper()]} {_full_year(m.group(2))}"
     if m.group(1).upper() in _OLD_ACL_LETTERS else ""),
)  # fmt: skip


def venue_from_url(url: str) -> VenueInfo | None:
    """The venue and year a proceedings URL states (``openaccess.thecvf.com/content/CVPR2022/…`` → CVPR
    2022; ``aclanthology.org/2023.findings-emnlp.12`` → Findings of EMNLP 2023), else None."""
    for pattern, name_of in _URL_VENUES:
        if (match := pattern.search(url)) and (name := name_of(match).strip()):
            return parse_venue(name, strict=True)
    return None


#: ACL Anthology events whose papers all carry the DOI 10.18653/v1/<anthology id> (2018 on); other events
#: (LREC, some workshops) do not, so no DOI is derived for them.
_ACL_DOI_EVENTS = re.compile(
    r"^20(?:1[89]|[2-9]\d)\.(?:acl|emnlp|naacl|eacl|aacl|findings|conll)-[\w-]+\.\d+$"
)


def acl_anthology_doi(anthology_id: str) -> str:
    """``2023.acl-long.1`` → ``10.18653/v1/2023.acl-long.1``; empty when the event does not assign DOIs."""
    return f"10.18653/v1/{anthology_id}" if _ACL_DOI_EVENTS.match(anthology_id) else ""


#: Words of link labels that name a resource of the entry rather than its title ("[Paper]", "Unofficial
#: Github", "Project Page", "PDF (arXiv)"); compared lower-cased without brackets.
RESOURCE_LABELS = frozenset(
    """paper papers pdf arxiv abs abstract link links url doi openreview official proceedings publication
    preprint code codes github gitlab repo repository implementation unofficial pytorch tensorflow jax
    project homepage home page website site web webpage demo blog post video talk slides slide poster
    model models weights checkpoint checkpoints huggingface hf hugging face dataset data bibtex bib
    citation cite colab notebook tweet twitter zhihu youtube leaderboard docs documentation here
    supplementary supp appendix semantic scholar pwc with acl anthology ieee acm springer cvf & / and
    v1 v2 official-code page-link full text html openaccess report tech technical docs doc note notes
    reproduction issue""".split()
)


@lru_cache(maxsize=4096)
def is_resource_label(label: str) -> bool:
    # "[📄 Paper]", "[💻 Code]", "[:octocat: GitHub]": the icon does not make the label a title
    norm = " ".join(_LABEL_PUNCT.sub(" ", strip_decorations(label)).lower().split())
    if not norm or norm.startswith(("http://", "https://", "www.")):
        return True
    words = norm.split()
    return len(words) <= 4 and all(w in RESOURCE_LABELS for w in words)


# --- badges -----------------------------------------------------------------------------------------

_STARS_BADGE = re.compile(
    r"img\.shields\.io/github/(?:stars|forks|last-commit|watchers)/([\w.\-]+)/([\w.\-]+?)(?:\.svg)?(?:[?#]|$)",
    re.IGNORECASE,
)
_STATIC_BADGE = re.compile(r"(?:img\.shields\.io|badgen\.net)/(?:static/v1\?|badge/)(.+)$", re.IGNORECASE)
_BADGE_HOSTS = (
    "img.shields.io",
    "badgen.net",
    "badge.fury.io",
    "api.star-history.com",
    "github-readme-stats",
)


@dataclass(frozen=True, slots=True)
class Badge:
    """A decoded badge: ``label`` and ``message`` of a static badge, or ``repo`` of a GitHub stars badge."""

    label: str = ""
    message: str = ""
    repo: str = ""


def is_badge_src(src: str) -> bool:
    lowered = src.lower()
    return any(host in lowered for host in _BADGE_HOSTS)


@lru_cache(maxsize=8192)  # pure; lists repeat venues, badges and hosts
def parse_badge(src: str) -> Badge | None:
    """``…/github/stars/OWNER/REPO.svg`` → repo; ``…/badge/Conference-ICML'23-blue`` → label, message."""
    if m := _STARS_BADGE.search(src):
        return Badge(repo=f"https://github.com/{m.group(1)}/{m.group(2)}")
    m = _STATIC_BADGE.search(src)
    if not m:
        return None
    spec = m.group(1)
    if "label=" in spec or "message=" in spec:  # /static/v1?label=..&message=..
        params = dict(part.split("=", 1) for part in spec.split("&") if "=" in part)
        return Badge(_badge_text(params.get("label", "")), _badge_text(params.get("message", "")))
    spec = spec.split("?")[0].removesuffix(".svg").removesuffix(".png")
    # shields.io: "-" separates parts, "--" is a literal dash, "_" a space and "__" a literal underscore.
    parts = [p.replace("\0", "-") for p in unquote(spec).replace("--", "\0").split("-")]
    if len(parts) >= 3:
        return Badge(_badge_text(parts[0]), _badge_text("-".join(parts[1:-1])))
    if len(parts) == 2:
        return Badge("", _badge_text(parts[0]))
    return Badge("", _badge_text(parts[0]))


def _badge_text(text: str) -> str:
    return " ".join(unquote(text).replace("__", "\0").replace("_", " ").replace("\0", "_").split())


# --- venues -----------------------------------------------------------------------------------------

_VENUE_TEXT = re.compile(
    r"^(?P<name>[^\W\d][\w&.\-/+ ]*?)\s*(?:,\s*(?=(?:19|20)\d\d))?(?P<apos>['`’]\s*)?(?P<year>(?:19|20)\d{2}|\d{2})"
    r"(?!\d|\.\d)(?P<rest>.*)$"
)
_YEAR_FIRST = re.compile(r"^((?:19|20)\d{2})\s+([A-Z][\w&.\-/+]*(?:\s+[\w&.\-/+]+){0,3})$")
_VENUE_WORDS = re.compile(
    r"\b(conference|proceedings|journal|transactions|symposium|workshop|letters|review|annual meeting|"
    r"findings|magazine|congress|forum)\b",
    re.IGNORECASE,
)
_PREPRINT = {"arxiv", "preprint", "arxiv preprint", "biorxiv", "medrxiv", "ssrn", "techrxiv", "tech report",
             "technical report", "report", "blog", "github"}  # fmt: skip
_NOTES = {
    "outstanding": "Outstanding paper", "outstanding paper": "Outstanding paper", "best paper": "Best paper",
    "oral": "Oral", "spotlight": "Spotlight", "poster": "Poster", "highlight": "Highlight",
    "industry track": "Industry Track", "industry": "Industry Track", "demo": "Demo track",
    "demo track": "Demo track", "short": "Short paper", "long": "", "main": "", "main conference": "",
    "accepted": "", "accept": "", "camera ready": "", "submission": "", "under review": "Under review",
}  # fmt: skip
_JOURNAL_HINT = re.compile(
    r"\b(journal|transactions|letters|magazine|review|tpami|jmlr|tmlr|tacl|tkde|tnnls|tip|ijcv|pami)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class VenueInfo:
    """A venue read from a badge or a line: names, kind (conference/journal/workshop/preprint), year."""

    short: str
    canonical: str
    kind: str
    year: str
    note: str = ""
    workshop: str = ""
    findings: bool = False


def _venue_lookup(text: str):
    """The shared venue table (engineer C2's ``bibconv.data.venues``), or None while it does not exist."""
    try:
        from ..data.venues import lookup
    except ImportError:
        return None
    try:
        return lookup(text)
    except Exception:  # a table bug must not take the reader down; the badge text is kept instead
        return None


def _full_year(digits: str) -> str:
    if len(digits) == 4:
        return digits
    value = int(digits)
    return f"20{digits}" if value <= 40 else f"19{digits}"


def _normalise_venue_text(text: str) -> str:
    text = _VENUE_PUNCT.sub(" ", text.replace("’", "'").replace("‘", "'"))
    text = _ACCEPTED_AT.sub(" ", text)
    return " ".join(text.split()).strip(" ,.;:-–|")


def looks_like_venue(text: str, strict: bool = True) -> bool:
    """Is ``text`` a venue with a year ("NeurIPS 2023", "ICML'23 Oral")? ``strict`` also wants the name to
    be an acronym, a known venue or venue words — free text ending in a number is not a venue."""
    return parse_venue(text, strict=strict) is not None


@lru_cache(maxsize=8192)  # pure; lists repeat venues, badges and hosts
def parse_venue(text: str, strict: bool = False, require_year: bool = True) -> VenueInfo | None:
    """``ICML'23 Oral`` → ICML, 2023, note Oral. ``strict``: the name must look like a venue (acronym,
    known venue or venue words). ``require_year=False`` also accepts a bare venue name ("[NeurIPS]")."""
    cleaned = _YEAR_FIRST.sub(r"\2 \1", _normalise_venue_text(text))  # "2015 NIPS" → "NIPS 2015"
    m = _VENUE_TEXT.match(cleaned)
    if not m:
        if require_year or not cleaned or len(cleaned.split()) > 4:
            return None
        return _yearless_venue(cleaned)
    if strict and len(m.group("year")) == 2 and not m.group("apos") and not _venue_lookup(m.group("name")):
        return None  # "ResNet50", "GPT 35": two digits without an apostrophe are not a year
    name, year, rest = m.group("name").strip(" ,.-'"), m.group("year"), m.group("rest").strip(" ,.;:-–")
    findings = False
    if re.match(r"(?i)findings\s+of\s+(the\s+)?", name):
        name, findings = re.sub(r"(?i)^findings\s+of\s+(the\s+)?", "", name).strip(), True
    words = name.split()
    if not words or len(words) > 12 or len(rest.split()) > 6:
        return None
    known = _venue_lookup(name)
    # An unknown venue passes as an acronym only when every word is one ("ES FOMO"); "Efficient GPTQ" is a title.
    acronym = len(words) <= 2 and all(sum(c.isupper() for c in w) >= 2 for w in words)
    if strict and not (known or acronym or _VENUE_WORDS.search(name) or name.lower() in _PREPRINT):
        return None
    if name.lower() in _PREPRINT:
        return VenueInfo(name, name, "preprint", _full_year(year))
    note, workshop = "", ""
    for qualifier in _split_qualifiers(rest):
        low = qualifier.lower()
        if low == "findings":
            findings = True
        elif low in _NOTES:
            note = note or _NOTES[low]
        elif low in ("workshop", "ws", "workshops"):
            workshop = workshop or "Workshop"
        else:
            workshop = qualifier if workshop in ("", "Workshop") else f"{workshop} {qualifier}"
    short = getattr(known, "abbreviation", "") or name
    canonical = getattr(known, "canonical", "") or name
    kind = getattr(known, "kind", "") or ("journal" if _JOURNAL_HINT.search(name) else "conference")
    if findings:  # "EMNLP'23 Findings" is its own venue: Findings of the ACL: EMNLP 2023
        known = _venue_lookup(f"Findings of {short}")
        short = getattr(known, "abbreviation", "") or f"Findings of {short}"
        canonical = (
            getattr(known, "canonical", "") or "Findings of the Association for Computational Linguistics"
        )
        if not canonical.endswith(name):
            canonical = f"{canonical}: {name}"
        kind = "conference"
    if workshop:
        kind = "workshop"
    return VenueInfo(
        short, canonical, kind, _full_year(year), note, workshop.removesuffix(" Workshop"), findings
    )


def _yearless_venue(text: str) -> VenueInfo | None:
    """``NeurIPS``, ``CVPR Oral``: only venues the venue table knows (a bare acronym may be a model name)."""
    words = text.split()
    for size in range(len(words), 0, -1):
        name, rest = " ".join(words[:size]), " ".join(words[size:])
        if name.lower() in _PREPRINT:
            return VenueInfo(name, name, "preprint", "")
        known = _venue_lookup(name)
        if known is None:
            continue
        qualifiers = _split_qualifiers(rest)
        if any(q.lower() not in _NOTES for q in qualifiers):
            return None  # "Tcad Design of Transistors" is a title that starts with a venue acronym
        note = next((_NOTES[q.lower()] for q in qualifiers), "")
        short = getattr(known, "abbreviation", "") or name
        return VenueInfo(short, known.canonical or name, known.kind or "conference", "", note)
    return None


_QUALIFIER_PATTERNS = [
    (known, re.compile(rf"(?i)\b{re.escape(known)}\b"))
    for known in sorted([*_NOTES, "findings", "workshop"], key=len, reverse=True)
]


def _split_qualifiers(rest: str) -> list[str]:
    """``Outstanding`` / ``Industry Track`` / ``ES FOMO`` → known qualifiers whole, the rest as one name."""
    out: list[str] = []
    remaining = rest
    if not remaining:
        return out
    for known, pattern in _QUALIFIER_PATTERNS:
        if pattern.search(remaining):
            out.append(known)
            remaining = pattern.sub(" ", remaining, count=1)
    leftover = " ".join(remaining.split()).strip(" ,.;:-–&")
    if leftover:
        out.append(leftover)
    return out


# --- authors ----------------------------------------------------------------------------------------

_AUTHOR_NOISE = re.compile(
    r"[*†‡§¶#✉✝♠♣♥♦]+|\(\s*\d{1,2}\s*\)|(?<=[^\W\d_])\d{1,2}(?:,\d{1,2})*(?=,|\s|$)|\S+@\S+"
)
_NAME_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
                   "ter", "ten", "zu", "al", "el", "bin", "ibn", "y", "e", "af", "d'"}  # fmt: skip
_ANGLE_BRACKETS = re.compile(r"</?|/?>")
_ET_AL = re.compile(r"(?i)\s*,?\s*\bet\.?\s*al\.?\s*$")


@lru_cache(maxsize=8192)  # pure; lists repeat venues, badges and hosts
def parse_authors(text: str) -> tuple[Name, ...] | None:
    """``Elias Frantar, Saleh Ashkboos and Dan Alistarh`` → names; None when the text is not an author list."""
    # "The <Team>": angle brackets around a name (kept as text by the piece reader) are not part of it
    cleaned = " ".join(_AUTHOR_NOISE.sub(" ", _ANGLE_BRACKETS.sub(" ", text)).split()).strip(" ,;:.-–")
    cleaned = _AUTHORS_LABEL.sub("", cleaned)
    if not cleaned:
        return None
    others = bool(_ET_AL.search(cleaned))
    cleaned = _ET_AL.sub("", cleaned).strip(" ,;")
    separator = ";" if cleaned.count(";") >= 1 and cleaned.count(",") > cleaned.count(";") * 2 else None
    parts = _split_author_parts(cleaned, separator)
    if not parts or not all(_looks_like_person(p) for p in parts):
        return None
    names = [_plain_name(p) for p in parts]
    if others:
        names.append(Name(others=True))
    return tuple(n for n in names if n.family or n.literal or n.others)


#: Names repeat across a list (the same groups publish many papers); splitting one is pure.
_plain_name = lru_cache(maxsize=16384)(parse_plain_name)


def _split_author_parts(text: str, separator: str | None) -> list[str]:
    chunks = text.split(separator) if separator else _NAME_LIST_SPLIT.split(text)
    parts: list[str] = []
    for chunk in chunks:
        chunk = _LEADING_AND.sub("", chunk.strip()).strip()
        # "Alexander Tsvetkov. Alon Kipnis": a full stop after a word (not an initial) separates names.
        parts.extend(p.strip() for p in _NAME_FULL_STOP.split(chunk) if p.strip())
    return [p.strip(" .") for p in parts if p.strip(" .")]


_DIGIT = re.compile(r"\d")
_NOT_IN_NAMES = frozenset('[]{}|=@:"“”')  # a colon or a quotation mark is in titles, never in names


def _looks_like_person(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6 or _DIGIT.search(text) or not _NOT_IN_NAMES.isdisjoint(text):
        return False
    if len(words) == 1 and len(text) < 2:
        return False
    for word in words:
        first = word.lstrip("'\"(")[:1]
        if not first.isalpha() or (first.islower() and word.lower() not in _NAME_PARTICLES):
            return False
    if len(words) == 1 and sum(c.isupper() for c in text) >= 2 and _venue_lookup(text) is not None:
        return False  # "ICML" after an author list is the venue
    return not _VENUE_WORDS.search(text)


# --- titles and years -------------------------------------------------------------------------------

_SHORTCODE = re.compile(r":[a-z0-9_+\-]+:")
_STAR_COUNT = re.compile(
    r"\(\s*[⭐★☆🌟]\s*\d[\d.,]*\s*[kK]?\s*\)|(?:[⭐★☆🌟]\s*\d[\d.,]*\s*[kK]?)|\(\s*\d[\d.,]*\s*[kK]?\s*(?:stars?|⭐|★)\s*\)|\b\d[\d.,]*\s*[kK]?\s*stars?\b"
)


#: Emoji, pictographs, dingbats, arrows-and-stars blocks and the joiners/selectors that glue them.
_DECORATION = re.compile(
    "[\u2190-\u21ff\u2300-\u23ff\u2460-\u24ff\u25a0-\u27bf\u2900-\u297f\u2b00-\u2bff"
    "\U0001f000-\U0001faff\u200d\ufe0e\ufe0f\u20e3]+"
)


def strip_decorations(text: str) -> str:
    """Text without emoji, fire marks and star counts (line breaks kept)."""
    if text.isascii():
        return (
            _STAR_COUNT.sub(" ", _SHORTCODE.sub(" ", text))
            if (":" in text or "star" in text.lower())
            else text
        )
    return _DECORATION.sub(" ", _STAR_COUNT.sub(" ", _SHORTCODE.sub(" ", text)))


def clean_title(text: str) -> str:
    """A title as written, without emoji, fire marks, star counts, surrounding quotes and list numbering."""
    text = " ".join(strip_decorations(text).split())
    text = _TITLE_NUMBERING.sub("", text)  # "12. Title" numbering kept as text by markdown
    text = text.strip(" ,;:|-–—")
    if len(text) >= 2 and text[0] in "\"“'‘«" and text[-1] in "\"”'’»":
        text = text[1:-1].strip()
    text = text.strip(" ,;")
    if text.endswith(".") and not text.endswith("..") and not _ABBREVIATION_END.search(text):
        text = text[:-1].rstrip()
    return text


_ARXIV_NEW = re.compile(r"^(\d{2})(\d{2})\.\d{4,5}$")
_ARXIV_OLD = re.compile(r"/(\d{2})(\d{2})\d{3}$")


def year_from_arxiv(arxiv_id: str) -> str:
    """``2310.08041`` → 2023; ``hep-th/9901001`` → 1999; else empty (never guessed)."""
    m = _ARXIV_NEW.match(arxiv_id) or _ARXIV_OLD.search(arxiv_id)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return ""
    yy = int(m.group(1))
    return f"{2000 + yy}" if yy < 91 else f"{1900 + yy}"
