"""The labeller's fast paths give exactly what the plain definitions give: tokens at their offsets, the
tagging features restricted to the model's, and the per-text caches of features and names."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from bibconv.citations import features
from bibconv.citations.crf import _featurizer, _tagger, tag, tag_tokens
from bibconv.citations.features import Featurizer, sequence_features, token_features
from bibconv.citations.tokens import tokenize
from bibconv.model import OTHERS, Name
from bibconv.transforms.names import _parse_plain_name, parse_plain_name

CITATIONS = [
    'Li, Yuhang, et al. "Brecq: Pushing the limit of post-training quantization by block reconstruction." '
    "arXiv preprint arXiv:2102.05426 (2021).",
    "Shiller RJ (1985) Highly accurate protein structure prediction. Nature 596(7873):583–589",
    "Lancet. 2020;395(10223):497-506. doi:10.1016/S0140-6736(20)30183-5",
    "[3] A. Einstein, Ann. Phys. 17, 891 (1905).",
    "Kuhn, T.S. (1962). The structure of scientific revolutions. Chicago: University of Chicago Press.",
    'J. Smith and L. van der Maaten, "Deep learning," in Proc. CVPR, 2019, pp. 1–9. https://x.org/a;b',
    "\u201cQuoted\u201d (nested [brackets) and] ) stray ( marks",
    "x",
]


def test_tokens_are_the_text_at_their_offsets():
    text = "Smith,  J.\t(2020)  Title:1(2)  https://a.org/x;y\n doi:10.1/x(1)"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == [
        "Smith,", "J.", "(2020)", "Title:", "1", "(2)", "https://a.org/x;y", "doi:10.1/x(1)",
    ]  # fmt: skip
    assert all(text[t.start : t.end] == t.text for t in tokens)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0abAB12:;([/.,)h'\"", max_size=60))
def test_tokens_cover_every_word_in_order(text):
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text and t.text for t in tokens)
    assert all(a.end <= b.start for a, b in pairwise(tokens))
    assert "".join(t.text for t in tokens) == "".join(text.split())


def test_sequence_features_add_context_to_token_features():
    tokens = tokenize('Doe, J. "A title." Journal 12 (2020)')
    features = sequence_features(tokens)
    assert len(features) == len(tokens)
    assert features[0][: len(token_features("Doe,"))] == token_features("Doe,")
    assert "BOS" in features[0] and "EOS" in features[-1]
    assert "-1w=doe" in features[1] and "+1w=j" in features[0]
    assert "inq" in features[2] and "qend" in features[3] and "inq" not in features[4]
    assert "inp" not in features[-1]  # "(2020)" opens and closes its own bracket


def test_encoded_features_keep_known_features_in_order():
    keep = frozenset({"s=Xx,", "w=doe", "BOS", "+1w=j"})
    encoded = Featurizer(lambda feats: tuple(f.encode() for f in feats if f in keep))
    tokens = tokenize("Doe, J. Title")
    plain = sequence_features(tokens)
    assert encoded(tokens) == [[f.encode() for f in feats if f in keep] for feats in plain]


WORDS = ["Smith", "smith", "J", "Nature", "2020", "12", "pp", "In", "ed", "ſ", "İ", "x"]
MARKS = ["", ".", ",", ":", ";", "(", ")", "[", "]", '"', "“", "”", "'", "-", "–", "_", "/", "?"]
token_texts = st.builds("".join, st.lists(st.sampled_from(WORDS + MARKS), min_size=1, max_size=4)).filter(
    lambda text: text.strip()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(token_texts, max_size=8), max_size=6), st.sets(st.sampled_from(range(40))))
def test_encoded_features_per_word_and_shape_are_the_plain_ones(citations, kept_indices):
    """Texts sharing a word or a shape ("Smith," "(Smith") share its encoded neighbour features: each
    citation's features are still the plain ones restricted to the kept features, in order."""
    plain = [sequence_features(tokenize(" ".join(texts))) for texts in citations]
    every_feature = sorted({f for features in plain for feats in features for f in feats})
    keep = frozenset(every_feature[i] for i in kept_indices if i < len(every_feature))
    encoded = Featurizer(lambda feats: tuple(f.encode() for f in feats if f in keep))
    for texts, expected in zip(citations, plain, strict=True):
        assert encoded(tokenize(" ".join(texts))) == [[f.encode() for f in fs if f in keep] for fs in expected]


@given(st.text(alphabet="aB1 .,;:()[]\"“”‘’«»„'", min_size=1, max_size=8))
def test_marks_of_a_token_are_the_plain_tests(text):
    opens_quote = text[0] in features._OPEN_QUOTES
    closes_quote = text.rstrip(".,;:)").endswith(tuple(features._CLOSE_QUOTES))
    paren_delta = text.count("(") + text.count("[") - text.count(")") - text.count("]")
    marked = opens_quote or closes_quote or paren_delta != 0
    plain = features._Marks(opens_quote, closes_quote, len(text) > 1, paren_delta) if marked else None
    assert features._marks(text) == plain


def test_tag_tokens_gives_the_labels_of_the_full_features():
    for text in CITATIONS:
        tokens = tokenize(text)
        assert tag_tokens(tokens) == tag(sequence_features(tokens))
    assert tag_tokens([]) == []


def test_tagging_features_are_those_the_model_knows():
    known = {attribute for attribute, _label in _tagger().info().state_features}
    tokens = tokenize(CITATIONS[0])
    encoded = _featurizer()(tokens)
    plain = sequence_features(tokens)
    assert encoded == [[f.encode() for f in feats if f in known] for feats in plain]
    assert sum(map(len, encoded)) < sum(map(len, plain))  # the model has no weight for rare words


def test_plain_names_are_cached_without_changing_them():
    texts = ["Li, Yuhang", "Christopher De Sa", "van der Maaten, L.", "J. Smith Jr.", "et al.", "  ", "Plato"]
    for text in texts:
        assert parse_plain_name(text) == _parse_plain_name(text)
        assert parse_plain_name(text) is parse_plain_name(text)
    assert parse_plain_name("Christopher De Sa") == Name(family="De Sa", given="Christopher")
    assert parse_plain_name("et al.") == OTHERS
