"""The trained sequence labeller (python-crfsuite), loaded once on first use.

The model file ``bibconv/data/citation.crfsuite`` is built by ``scripts/train_citation_model.py`` from
``train/records.json``; loading it is the only I/O of the parser.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import pycrfsuite

from ..errors import BibconvError
from .features import Featurizer
from .tokens import Token

if TYPE_CHECKING:
    from .batch import BatchTagger

__all__ = ["tag", "tag_tokens", "tag_many", "TOGETHER_FROM"]

_MODEL = resources.files("bibconv.data") / "citation.crfsuite"


def _unreadable(error: Exception) -> BibconvError:
    return BibconvError(f"citation model missing or unreadable ({error}); run scripts/train_citation_model.py")


@lru_cache(maxsize=1)
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    try:
        with resources.as_file(_MODEL) as file:
            tagger.open(str(file))
    except (OSError, ValueError) as error:
        raise _unreadable(error) from None
    return tagger


@lru_cache(maxsize=1)
def _batch_tagger() -> BatchTagger:
    from .batch import BatchTagger, read_model  # numpy: imported only for work large enough to repay it

    try:
        return BatchTagger(read_model(_MODEL.read_bytes()))
    except (OSError, ValueError) as error:
        raise _unreadable(error) from None


@lru_cache(maxsize=1)
def _featurizer() -> Featurizer:
    """Features restricted to those the model has weights for, encoded once (see ``Featurizer``)."""
    known = {attribute: attribute.encode() for attribute, _label in _tagger().info().state_features}

    def encode(features: list[str]) -> tuple[bytes, ...]:
        return tuple(filter(None, map(known.get, features)))  # an unknown feature maps to None

    return Featurizer(encode)


def tag(features: list[list[str]]) -> list[str]:
    """One label per token, from features computed by ``sequence_features``."""
    if not features:
        return []
    return list(_tagger().tag(features))


def tag_tokens(tokens: list[Token]) -> list[str]:
    """One label per token: the same labels as ``tag(sequence_features(tokens))``, computed faster."""
    if not tokens:
        return []
    tagger = _tagger()  # loads the model (or raises) before the featurizer asks it for its features
    return tagger.tag(_featurizer()(tokens))


#: From how many citations to label them together (``tag_many``): below, importing numpy and reading the
#: weights (~0.1 s) costs more than labelling together saves (tens of microseconds per citation).
TOGETHER_FROM = 1000


def tag_many(citations: Sequence[list[Token]], together: bool) -> list[list[str]]:
    """The labels of each citation's tokens, as ``tag_tokens`` gives them; ``together`` labels them with
    ``batch.BatchTagger``: the same labels, about twice as fast per citation. The caller decides, from
    the size of its whole input (``TOGETHER_FROM``), not of one chunk of it."""
    if not together:
        return [tag_tokens(tokens) for tokens in citations]
    return _batch_tagger().tag(citations)
