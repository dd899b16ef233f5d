"""The trained sequence labeller (python-crfsuite), loaded once on first use.

The model file ``bibconv/data/citation.crfsuite`` is built by ``scripts/train_citation_model.py`` from
``train/records.json``; loading it is the only I/O of the parser.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pycrfsuite

from ..errors import BibconvError

__all__ = ["tag"]


@lru_cache(maxsize=1)
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    path = resources.files("bibconv.data") / "citation.crfsuite"
    try:
        with resources.as_file(path) as file:
            tagger.open(str(file))
    except (OSError, ValueError) as error:
        raise BibconvError(
            f"citation model missing or unreadable ({error}); run scripts/train_citation_model.py"
        ) from None
    return tagger


def tag(features: list[list[str]]) -> list[str]:
    """One label per token."""
    if not features:
        return []
    return list(_tagger().tag(features))
