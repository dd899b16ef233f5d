"""The trained sequence labeller (python-crfsuite), loaded once on first use.

The model file ``bibconv/data/citation.crfsuite`` is built by ``scripts/train_citation_model.py`` from
``train/records.json``; loading it is the only I/O of the parser.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pycrfsuite

from ..errors import BibconvError
from .features import Featurizer
from .tokens import Token

__all__ = ["tag", "tag_tokens"]


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
