"""Many citations labelled at once: the model's Viterbi decoding in numpy, across a batch of citations.

python-crfsuite labels one citation per call, and most of its time goes to turning feature strings into
attribute ids and summing their weights, token by token. Here the weights are read from the same model file
once, every distinct token text's contribution is looked up once, and the decoding steps run over all the
citations of a batch together (step ``t`` of every citation longer than ``t`` in one array operation).

The labels are python-crfsuite's, bit for bit: each token's state scores are summed in crfsuite's order
(the token's own features, its quote and bracket marks, its position, then the features its neighbours
give it), adding zero where a feature is unknown (exact in floating point), and a tie in the decoding goes
to the lower label id, as in ``crf1dc_viterbi``. ``tests/test_citations_batch.py`` holds the two to it.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from .features import (
    AS_NEXT,
    AS_PREVIOUS,
    AS_SECOND_NEXT,
    AS_SECOND_PREVIOUS,
    MARKS,
    NO_PARTS,
    OWN,
    Featurizer,
    quote_and_bracket_marks,
)
from .tokens import Token

__all__ = ["Model", "read_model", "BatchTagger"]


class Model(NamedTuple):
    """A crfsuite CRF1d model's weights: ``state[a, y]`` for attribute ``a`` and label ``y`` (row 0: no
    attribute, all zeros), ``transition[i, j]`` from label ``i`` to ``j``, and the names of both."""

    labels: tuple[str, ...]
    attributes: dict[str, int]  # attribute name -> its row of ``state`` (1, 2, …)
    state: np.ndarray
    transition: np.ndarray


_HEADER = struct.Struct("<4sI4sIIIIIIIII")  # crf1d_model.c's header_t
_FEATURE = struct.Struct("<IIId")  # type (0 state, 1 transition), source, destination, weight
#: cqdb.c's header_t: chunk id, size, flag, byte order, and the size and offset of the backward array.
_CQDB_HEADER = struct.Struct("<4sIIIII")


def read_model(data: bytes) -> Model:
    """The weights and names of a model file written by crfsuite (``crf1d_model.c``'s layout)."""
    magic, _size, kind, _version, _n, n_labels, n_attributes, at_features, at_labels, at_attributes, *_ = (
        _HEADER.unpack_from(data, 0)
    )
    if magic != b"lCRF" or kind != b"FOMC" or data[at_features : at_features + 4] != b"FEAT":
        raise ValueError("not a crfsuite CRF1d model")
    labels = _strings(data, at_labels, n_labels)
    attributes = _strings(data, at_attributes, n_attributes)
    state = np.zeros((n_attributes + 1, n_labels))
    transition = np.zeros((n_labels, n_labels))
    (count,) = struct.unpack_from("<I", data, at_features + 8)
    for kind_id, source, destination, weight in _FEATURE.iter_unpack(
        data[at_features + 12 : at_features + 12 + count * _FEATURE.size]
    ):
        if kind_id == 0:
            state[source + 1, destination] = weight
        else:
            transition[source, destination] = weight
    return Model(tuple(labels), {name: i + 1 for i, name in enumerate(attributes)}, state, transition)


def _strings(data: bytes, at: int, count: int) -> list[str]:
    """The strings of a CQDB chunk (crfsuite's string <-> id dictionary), in id order."""
    magic, _size, _flag, _order, n_backward, at_backward = _CQDB_HEADER.unpack_from(data, at)
    if magic != b"CQDB" or n_backward < count:
        raise ValueError("not a crfsuite CRF1d model")
    strings = []
    for i in range(count):
        (record,) = struct.unpack_from("<I", data, at + at_backward + 4 * i)
        ident, size = struct.unpack_from("<II", data, at + record)
        if ident != i:
            raise ValueError("not a crfsuite CRF1d model")
        strings.append(data[at + record + 8 : at + record + 8 + size - 1].decode())  # size counts the NUL
    return strings


# What a token text gives its neighbours, as rows of ``Model.state`` in crfsuite's order, zero-padded to
# these widths: -1 word, shape and final punctuation (or BOS); -2 word; +1 word and shape (or EOS); +2 word.
_NEIGHBOUR_SLOTS = ((AS_PREVIOUS, 3), (AS_SECOND_PREVIOUS, 1), (AS_NEXT, 2), (AS_SECOND_NEXT, 1))
_WIDTH = sum(width for _part, width in _NEIGHBOUR_SLOTS)
# Where each neighbour slot's text sits relative to the token it scores.
_SLOT_SHIFTS = (-1, -1, -1, -2, 1, 1, 2)
# The first rows of the per-text tables: no token (zeros), and the separators around each citation.
_NOTHING, _BEFORE, _AFTER = 0, 1, 2


class BatchTagger:
    """Labels for many citations at once (``tag``), the same as python-crfsuite's for each on its own."""

    #: Distinct token texts kept (as ``Featurizer.CACHE_LIMIT``); a row is 17 weights and 7 row numbers.
    CACHE_LIMIT = 100_000
    #: Citations decoded together: enough that numpy's cost per call is shared, few enough that a step's
    #: scores (citations × labels × labels) stay in the processor's cache.
    BATCH = 256
    #: Rows the per-text tables start with (doubled when full).
    INITIAL_ROWS = 4096

    def __init__(self, model: Model) -> None:
        attributes = model.attributes
        self._encode = lambda features: tuple(filter(None, map(attributes.get, features)))  # unknown: dropped
        self._state = model.state
        self._names = np.array(model.labels, dtype=object)
        self._transition = model.transition  # [i, j]: from label i to label j
        self._reset()
        featurizer, no_row = self._featurizer, (_NOTHING,)
        self._pos = np.array([(row or no_row)[0] for row in featurizer.positions])
        self._inq, self._qend, self._inp = (
            self._state[(row or no_row)[0]] for row in featurizer.quote_and_bracket
        )

    def _reset(self) -> None:
        self._featurizer = Featurizer(self._encode)
        self._rows: dict[str, int] = {}
        self._marks: list = []  # per text: its quote and bracket marks (most: None)
        self._own = np.zeros((self.INITIAL_ROWS, self._state.shape[1]))  # per text: its own features' weights, summed
        self._neighbour = np.zeros((self.INITIAL_ROWS, _WIDTH), dtype=np.intp)  # per text: the rows it gives its neighbours
        # Texts seen since the tables were last extended: their own features and neighbour rows.
        self._new_own: list[tuple[int, ...]] = []
        self._new_neighbour: list[list[int]] = []
        for parts in (NO_PARTS, *self._featurizer.separators):  # the rows _NOTHING, _BEFORE, _AFTER
            self._append(parts)

    def _row(self, text: str) -> int:
        """The row of a token text in the per-text tables, added on first sight (see ``_extend``)."""
        self._rows[text] = row = self._append(self._featurizer.token_parts(text))
        return row

    def _append(self, parts: tuple) -> int:
        """A new row for ``Featurizer`` parts, in the tables at the next ``_extend``."""
        self._marks.append(parts[MARKS])
        self._new_own.append(parts[OWN])
        self._new_neighbour.append(_neighbour_rows(parts))
        return len(self._marks) - 1

    def _extend(self) -> None:
        """The tables extended by the texts seen since: each text's own weights summed one feature at a
        time, as crfsuite adds them (a missing feature adds a zero row: no change to the sum). The tables
        grow by doubling, so that a long run copies each row a bounded number of times."""
        width = max(map(len, self._new_own))
        own = np.array([row + (_NOTHING,) * (width - len(row)) for row in self._new_own], dtype=np.intp)
        sums = np.zeros((len(own), self._state.shape[1]))
        for slot in range(width):
            sums += self._state[own[:, slot]]
        end = len(self._marks)
        start = end - len(sums)
        if end > len(self._own):
            size = max(end, 2 * len(self._own))
            self._own = np.concatenate([self._own, np.zeros((size - len(self._own), self._own.shape[1]))])
            self._neighbour = np.concatenate(
                [self._neighbour, np.zeros((size - len(self._neighbour), _WIDTH), dtype=np.intp)]
            )
        self._own[start:end] = sums
        self._neighbour[start:end] = self._new_neighbour
        self._new_own, self._new_neighbour = [], []

    def tag(self, citations: Sequence[Sequence[Token]]) -> list[list[str]]:
        """One label per token of each citation."""
        labels: list[list[str]] = []
        for start in range(0, len(citations), self.BATCH):
            labels.extend(self._tag_batch(citations[start : start + self.BATCH]))
        return labels

    def _tag_batch(self, citations: Sequence[Sequence[Token]]) -> list[list[str]]:
        if len(self._rows) >= self.CACHE_LIMIT:
            self._reset()  # between batches: the rows of a batch's texts hold until it is decoded
        rows, marks_of = self._rows, self._marks
        # Every citation's token texts as rows, between separators: [·, BOS, tokens…, EOS, BOS, …, EOS, ·].
        texts: list[int] = [_NOTHING]
        lengths: list[int] = []
        in_quote: list[int] = []
        quote_end: list[int] = []
        in_brackets: list[int] = []
        first = 0  # the first token's index among all the batch's tokens
        for tokens in citations:
            ids = [rows.get(token[0]) or self._row(token[0]) for token in tokens]
            marks = [marks_of[i] for i in ids]
            if any(marks):
                for i, (q, e, p) in enumerate(quote_and_bracket_marks(marks), first):
                    if q:
                        in_quote.append(i)
                    if e:
                        quote_end.append(i)
                    if p:
                        in_brackets.append(i)
            texts.append(_BEFORE)
            texts += ids
            texts.append(_AFTER)
            lengths.append(len(ids))
            first += len(ids)
        texts.append(_NOTHING)
        if self._new_own:
            self._extend()
        labels = self._decode(np.array(texts), np.array(lengths), (in_quote, quote_end, in_brackets))
        out = []
        first = 0
        for n in lengths:
            out.append(labels[first : first + n])
            first += n
        return out

    def _decode(self, texts: np.ndarray, lengths: np.ndarray, marked: tuple[list[int], ...]) -> list[str]:
        """The labels of all tokens, in order."""
        n_tokens = int(lengths.sum())
        if not n_tokens:
            return []
        starts = np.cumsum(lengths) - lengths  # each citation's first token among all tokens
        index = np.arange(n_tokens)
        within = index - np.repeat(starts, lengths)  # a token's index in its citation
        at = np.repeat(2 * np.arange(1, len(lengths) + 1), lengths) + index  # its place in ``texts``
        state = self._state
        scores = self._own[texts[at]]
        for tokens, weights in zip(marked, (self._inq, self._qend, self._inp), strict=True):
            if tokens:
                scores[tokens] += weights
        scores += state[self._pos[10 * within // np.repeat(lengths, lengths)]]
        neighbour = self._neighbour[texts]
        for slot, shift in enumerate(_SLOT_SHIFTS):
            scores += state[neighbour[at + shift, slot]]
        return self._names[self._viterbi(scores, starts, lengths)].tolist()

    def _viterbi(self, scores: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The best label of each token: ``crf1dc_viterbi`` run on all the citations at once.

        Step ``t`` works on the citations longer than ``t``, a prefix once they are sorted longest first;
        scores are held label-major ([label, citation]) so that numpy's loops run along the citations.
        Only the best scores go forward; the best previous label of each citation's chosen label is found
        on the way back, from the same sums (the first of equal scores, as crfsuite).
        """
        order = np.argsort(-lengths, kind="stable")
        starts, lengths = starts[order], lengths[order]
        going = np.count_nonzero(lengths[None, :] > np.arange(int(lengths[0]))[:, None], axis=1).tolist()
        by_label = np.ascontiguousarray(scores.T)
        transition = self._transition[:, :, None]  # [from i, to j, ·]
        alphas = [by_label[:, starts[: going[0]]]]
        for t, k in enumerate(going[1:], 1):
            best_before = (alphas[-1][:, None, :k] + transition).max(axis=0)  # [to j, citation]
            alphas.append(best_before + by_label[:, starts[:k] + t])
        best = np.empty(len(scores), dtype=np.intp)
        label = np.empty(len(lengths), dtype=np.intp)  # per citation: its label at step t, going back
        transition = self._transition
        for t in range(len(going) - 1, -1, -1):
            k = going[t]
            ending = going[t + 1] if t + 1 < len(going) else 0
            label[ending:k] = alphas[t][:, ending:k].argmax(axis=0)  # the citations whose last token is t
            best[starts[:k] + t] = label[:k]
            if t:
                label[:k] = (alphas[t - 1][:, :k] + transition[:, label[:k]]).argmax(axis=0)
        return best


def _neighbour_rows(parts: tuple) -> list[int]:
    """A token text's features for its neighbours (``Featurizer`` parts) as rows, zero-padded per slot."""
    rows: list[int] = []
    for part, width in _NEIGHBOUR_SLOTS:
        rows += parts[part]
        rows += [_NOTHING] * (width - len(parts[part]))
    return rows
