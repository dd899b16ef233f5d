"""``families_agree`` reads the first author's initial, organisation flag and given name without
computing the whole ``Detail``: the answers must be those the detail gives."""

from __future__ import annotations

import itertools

from bibconv.model import Name, Record
from bibconv.transforms.match import families_agree, features

_AUTHORS = [
    (),
    (Name(family="Wang", given="Tao"),),
    (Name(family="Wang", given="Yu"),),
    (Name(family="Wang", given=" .-"),),
    (Name(family="Wang", given="Émile"),),
    (Name(literal="OpenAI"),),
    (Name(literal="OpenAl"),),
    (Name(family="Li", given="Yuhang"),),
    (Name(family="Yuhang", given="Li"),),
    (Name(family="Sa", given="Christopher De"),),
    (Name(family="De Sa", given="Christopher"),),
    (Name(family="Lee-Thorp", given="James"),),
    (Name(family="Lee Thorp", given="J."),),
]


def test_lazy_reads_agree_with_the_detail() -> None:
    lazy = [features(Record(title="A title", author=a)) for a in _AUTHORS]
    eager = [features(Record(title="A title", author=a)) for a in _AUTHORS]
    for f in eager:
        assert f.detail is not None
    for f, g in zip(lazy, eager, strict=True):
        assert (f.initial, f.family_is_org, f.given) == (
            g.detail.initial,
            g.detail.family_is_org,
            g.detail.given,
        )
    for (a, x), (b, y) in itertools.product(zip(lazy, eager, strict=True), repeat=2):
        assert families_agree(a, b) == families_agree(x, y)
    assert all(f._detail is None for f in lazy)
