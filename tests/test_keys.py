"""Google Scholar-form citation keys: name, year, first meaningful title word; collisions suffixed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bibconv.model import OTHERS, Name, Record
from bibconv.transforms.keys import ascii_word, assign_keys, make_key


def _record(family: str, title: str, year: str = "2022", **name: str) -> Record:
    return Record(title=title, author=(Name(family=family, **name), OTHERS), issued=year)


@pytest.mark.parametrize(
    ("record", "key"),
    [
        (
            _record(
                "Frantar", "GPTQ: Accurate post-training quantization for generative pre-trained transformers"
            ),
            "frantar2022gptq",
        ),
        (_record("Maaten", "Visualizing data using t-SNE", "2008", particle="van der"), "van2008visualizing"),
        (_record("De Sa", "High-accuracy low-precision training", "2018"), "de2018high"),
        (
            _record(
                "Bras", "WinoGrande: An adversarial winograd schema challenge at scale", "2020", particle="Le"
            ),
            "le2020winogrande",
        ),
        (
            _record("Gholami", "A survey of quantization methods for efficient neural network inference"),
            "gholami2022survey",
        ),
        (_record("Frankle", "The lottery ticket hypothesis", "2018"), "frankle2018lottery"),
        (
            _record("Bommasani", "On the opportunities and risks of foundation models", "2021"),
            "bommasani2021opportunities",
        ),
        (_record("Xu", "How powerful are graph neural networks?", "2018"), "xu2018powerful"),
        (_record("Choi", "Towards the limit of network quantization", "2016"), "choi2016towards"),
        (
            _record("Choi", "It's all in the teacher: Zero-shot quantization brought closer to the teacher"),
            "choi2022all",
        ),
        (
            _record("Dettmers", "Gpt3. int8 (): 8-bit matrix multiplication for transformers at scale"),
            "dettmers2022gpt3",
        ),
        (_record("Li", "Q-diffusion: Quantizing diffusion models", "2023"), "li2023q"),
        (_record("El-Khamy", "Towards the limit", "2016"), "elkhamy2016towards"),
        (_record("Müller", "Über die Quantisierung", "2019"), "muller2019uber"),
        (_record("Łukasz", "Ørsted and Straße", "2019"), "lukasz2019orsted"),
        (_record("O'Neil", "Weapons of math destruction", "2016"), "oneil2016weapons"),
        (_record("Smith", "Untitled work", ""), "smithuntitled"),
    ],
)
def test_make_key(record: Record, key: str) -> None:
    assert make_key(record) == key


def test_literal_and_missing_authors() -> None:
    assert (
        make_key(Record(title="GPT-4 technical report", author=(Name(literal="OpenAI"),), issued="2023"))
        == "openai2023gpt"
    )
    assert (
        make_key(Record(title="LLaMA: Open and efficient foundation language models", issued="2023"))
        == "llama2023open"
    )
    assert make_key(Record(title="The the of", issued="2020")) == "the2020the"
    assert make_key(Record(issued="2020")) == "anon2020"
    assert (
        make_key(Record(title="Editors only", editor=(Name("Knuth", "Donald"),), issued="1990"))
        == "knuth1990editors"
    )


def test_non_latin_family_falls_back_to_title() -> None:
    assert (
        make_key(Record(title="深度学习 Deep learning survey", author=(Name(family="王"),), issued="2020"))
        == "deep2020learning"
    )


def test_assign_keys_suffixes_collisions_in_input_order_and_keeps_user_keys() -> None:
    a = _record("Frantar", "GPTQ")
    records = [a, a.with_changes(key="frantar2022gptqa"), a, a, a.with_changes(key="Mine")]
    keys = [r.key for r in assign_keys(records)]
    assert keys == ["frantar2022gptq", "frantar2022gptqa", "frantar2022gptqb", "frantar2022gptqc", "Mine"]


def test_generated_key_never_takes_a_later_user_key() -> None:
    a = _record("Frantar", "GPTQ")
    keys = [r.key for r in assign_keys([a, a.with_changes(key="FRANTAR2022GPTQ")])]
    assert keys == ["frantar2022gptqa", "FRANTAR2022GPTQ"]


def test_many_collisions_go_past_z() -> None:
    a = _record("Frantar", "GPTQ")
    keys = [r.key for r in assign_keys([a] * 30)]
    assert len(set(keys)) == 30 and keys[27] == "frantar2022gptqaa"


def test_ascii_word() -> None:
    assert ascii_word("Müller-Lüdenscheidt") == "mullerludenscheidt"


names = st.builds(
    Name,
    family=st.text(max_size=12),
    given=st.text(max_size=8),
    particle=st.sampled_from(["", "van der", "De"]),
)
records = st.builds(
    Record,
    title=st.text(max_size=40),
    author=st.lists(names, max_size=3).map(tuple),
    issued=st.sampled_from(["", "2020", "1999-05", "in press"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(records, max_size=8))
def test_keys_are_ascii_unique_and_deterministic(items: list[Record]) -> None:
    first = assign_keys(items)
    assert [r.key for r in first] == [r.key for r in assign_keys(items)]
    keys = [r.key for r in first]
    assert len({k.lower() for k in keys}) == len(keys)
    assert all(k and k.isascii() and k.isalnum() for k in keys)


def test_scholar_keeps_verbs_after_question_words() -> None:
    assert (
        make_key(_record("Clark", "What does BERT look at? An analysis of BERT's attention", "2019"))
        == "clark2019does"
    )
    assert make_key(_record("Jin", "Is BERT really robust?", "2020")) == "jin2020bert"
