"""CSL-JSON: mapping tables, writer, reader, schema validity, round trips, pandoc interoperability."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import ENTRY_TYPES, records

from bibconv.data import csl
from bibconv.errors import BibconvError
from bibconv.model import OTHERS, Name, Record, Source
from bibconv.readers.csljson import item_to_record, read
from bibconv.report import Report
from bibconv.writers.csljson import record_to_csl, write

SCHEMA = json.loads((Path(__file__).parent / "data" / "csl-data.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)
HYPOTHESIS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def plain(record: Record) -> Record:
    return record.with_changes(source=Source())


def read_items(items: list, file: str = "t.json") -> tuple[list[Record], Report]:
    return read(json.dumps(items, indent=1), file=file)


def full_record(entry_type: str) -> Record:
    return Record(
        entry_type=entry_type,
        key=f"doe2020{entry_type}",
        title="GPTQ: Accurate Post-Training Quantization for Généraux LLMs",
        author=(Name(family="Maaten", given="Laurens", particle="van der"), Name(literal="OpenAI"), OTHERS),
        editor=(Name(family="Smith", given="Ann", suffix="Jr."),),
        translator=(Name(family="Müller", given="Jörg"),),
        issued="2020-03-05",
        container_title="Journal of Things",
        container_title_short="J. Things",
        collection_title="Lecture Notes",
        collection_number="12",
        volume="3",
        issue="4",
        page="1–30",
        number="TR-7",
        edition="2",
        publisher="MIT Press",
        publisher_place="Cambridge, MA",
        event_title="NeurIPS",
        genre="Technical report",
        doi="10.1000/xyz.123",
        arxiv="2210.17323",
        url="https://example.org/paper",
        code_url="https://github.com/x/y",
        isbn="978-3-16-148410-0",
        issn="1532-4435",
        language="en",
        abstract="We quantize.",
        note="Oral",
        keywords=("quantization", "llm"),
        groups=("Quantization / Weight-only",),
        ids=("frantar2022gptq",),
        extra={"howpublished": "Online", "urldate": "2023-01-05", "chapter": "3", "eprintclass": "cs.LG"},
        inferred=frozenset({"issued"}),
    )


# --- mapping tables -----------------------------------------------------------------------------


def test_every_schema_type_maps_to_bibtex_and_back():
    schema_types = set(SCHEMA["items"]["properties"]["type"]["enum"])
    assert set(csl.CSL_TO_BIBTEX_TYPE) == schema_types
    assert set(csl.BIBTEX_TO_CSL_TYPE.values()) <= schema_types
    for bibtex in csl.CSL_TO_BIBTEX_TYPE.values():
        assert bibtex in csl.BIBTEX_TO_CSL_TYPE, bibtex  # every target type writes back to CSL


def test_mapped_variables_exist_in_schema():
    variables = set(SCHEMA["items"]["properties"])
    mapped = {*csl.RECORD_TO_CSL_TEXT.values(), *csl.RECORD_TO_CSL_NAMES.values()}
    mapped |= {variable for variable, _ in csl.EXTRA_FIELD_TO_CSL.values()}
    assert mapped <= variables
    assert csl.CSL_NAME_VARIABLES <= variables and csl.CSL_DATE_VARIABLES <= variables


@pytest.mark.parametrize(
    ("bibtex", "expected"),
    [
        ("article", "article-journal"),
        ("inproceedings", "paper-conference"),
        ("conference", "paper-conference"),
        ("incollection", "chapter"),
        ("inbook", "chapter"),
        ("phdthesis", "thesis"),
        ("mastersthesis", "thesis"),
        ("techreport", "report"),
        ("online", "webpage"),
        ("unpublished", "manuscript"),
        ("misc", "document"),
        ("proceedings", "book"),
        ("software", "software"),
        ("dataset", "dataset"),
        ("patent", "patent"),
    ],
)
def test_entry_type_mapping(bibtex, expected):
    assert record_to_csl(Record(entry_type=bibtex, key="k", title="T"))["type"] == expected


def test_csl_to_bibtex_types():
    assert csl.bibtex_type("article-magazine") == "article"
    assert csl.bibtex_type("article-newspaper") == "article"
    assert csl.bibtex_type("post-weblog") == "online"
    assert csl.bibtex_type("thesis", "Master’s thesis") == "mastersthesis"
    assert csl.bibtex_type("thesis", "Doctoral dissertation") == "phdthesis"
    assert csl.bibtex_type("no-such-type") is None


# --- writer -------------------------------------------------------------------------------------


def test_written_json_validates_for_every_entry_type():
    text = write([full_record(t) for t in ENTRY_TYPES] + [Record(), Record(entry_type="weird")])
    items = json.loads(text)
    errors = list(VALIDATOR.iter_errors(items))
    assert not errors, errors[0].message
    assert {item["type"] for item in items} >= {"article-journal", "thesis", "webpage", "article", "report"}


@HYPOTHESIS
@given(records())
def test_written_json_validates_for_any_record(record):
    errors = list(VALIDATOR.iter_errors(json.loads(write([record]))))
    assert not errors, errors[0].message


def test_write_format_is_stable():
    record = Record(entry_type="article", key="k", title="Über", issued="2020", container_title="J")
    text = write([record])
    assert text == write([record])
    assert text.endswith("]\n") and "Über" in text
    assert text.startswith('[\n  {\n    "id": "k",\n    "type": "article-journal",\n    "title": "Über",')
    assert list(json.loads(text)[0]) == ["id", "type", "title", "issued", "container-title"]


def test_names_particles_literals_and_others():
    item = record_to_csl(full_record("article"))
    assert item["author"] == [
        {"family": "Maaten", "given": "Laurens", "non-dropping-particle": "van der"},
        {"literal": "OpenAI"},
        {"literal": "others"},
    ]
    assert item["editor"] == [{"family": "Smith", "given": "Ann", "suffix": "Jr."}]
    without = record_to_csl(full_record("article"), keep_others=False)
    assert without["author"][-1] == {"literal": "OpenAI"}
    assert without["custom"]["author_others"] is True


def test_dates():
    assert record_to_csl(Record(issued="2020-03-05"))["issued"] == {"date-parts": [[2020, 3, 5]]}
    assert record_to_csl(Record(issued="2020"))["issued"] == {"date-parts": [[2020]]}
    assert record_to_csl(Record(issued="in press"))["issued"] == {"literal": "in press"}
    assert record_to_csl(Record(issued="2020-13"))["issued"] == {"literal": "2020-13"}
    assert record_to_csl(Record(issued="2019-12/2020-01"))["issued"] == {
        "date-parts": [[2019, 12], [2020, 1]]
    }
    assert record_to_csl(Record(issued="2019/soon"))["issued"] == {"literal": "2019/soon"}


def test_arxiv_preprint_as_zotero_writes_it():
    item = record_to_csl(Record(entry_type="misc", key="frantar2022gptq", title="GPTQ", arxiv="2210.17323"))
    assert item["type"] == "article"
    assert item["number"] == "arXiv:2210.17323"
    assert item["URL"] == "https://arxiv.org/abs/2210.17323"
    assert item["publisher"] == "arXiv"
    assert item["DOI"] == "10.48550/arXiv.2210.17323"
    assert item["custom"] == {"arxiv": "2210.17323", "derived": ["DOI", "URL", "number", "publisher"]}


def test_arxiv_doi_derived_without_version_and_never_over_a_real_doi():
    # The BibTeX reader drops ``doi = {10.48550/arXiv.<id>}`` as implied by the eprint; pandoc prints it.
    assert record_to_csl(Record(title="T", arxiv="2210.17323v2"))["DOI"] == "10.48550/arXiv.2210.17323"
    published = record_to_csl(Record(entry_type="article", title="T", arxiv="2210.17323", doi="10.1/x"))
    assert published["DOI"] == "10.1/x" and "DOI" not in published["custom"].get("derived", [])
    back = item_to_record(
        record_to_csl(Record(key="k", title="T", arxiv="2210.17323")), Source("f", 1), Report()
    )
    assert back is not None and back.doi == "" and back.arxiv == "2210.17323"


def test_arxiv_id_of_a_published_paper_does_not_become_its_number():
    item = record_to_csl(Record(entry_type="article", title="T", arxiv="2210.17323", url="https://x.org"))
    assert "number" not in item and item["URL"] == "https://x.org" and item["custom"]["arxiv"] == "2210.17323"


def test_thesis_genre_and_bibtex_type_kept():
    assert record_to_csl(Record(entry_type="phdthesis", title="T"))["genre"] == "PhD thesis"
    assert record_to_csl(Record(entry_type="mastersthesis", title="T"))["genre"] == "Master’s thesis"
    item = record_to_csl(Record(entry_type="conference", title="T"))
    assert item["type"] == "paper-conference" and item["custom"]["entry_type"] == "conference"
    assert "custom" not in record_to_csl(Record(entry_type="inproceedings", key="k", title="T"))


def test_title_case_protection_only_where_case_matters():
    title = record_to_csl(Record(title="GPTQ: Quantization of LLMs with t-SNE in Paris"))["title"]
    assert title == (
        '<span class="nocase">GPTQ:</span> Quantization of <span class="nocase">LLMs</span> with '
        '<span class="nocase">t-SNE</span> in Paris'
    )
    assert record_to_csl(Record(title="Post-Training Quantization"))["title"] == "Post-Training Quantization"
    assert record_to_csl(Record(title="ALL CAPITALS"))["title"] == "ALL CAPITALS"


def test_language_names_become_bcp47_tags():
    item = record_to_csl(Record(title="T", language="ngerman"))
    assert item["language"] == "de-DE" and item["custom"]["language"] == "ngerman"
    assert record_to_csl(Record(title="T", language="en-US"))["language"] == "en-US"


def test_pages_written_with_hyphen():
    assert record_to_csl(Record(page="1–30"))["page"] == "1-30"
    assert record_to_csl(Record(page="e12"))["page"] == "e12"


def test_extra_fields_reach_csl_variables_and_custom():
    item = record_to_csl(full_record("incollection"))
    assert item["chapter-number"] == "3"
    assert item["accessed"] == {"date-parts": [[2023, 1, 5]]}
    assert item["custom"]["extra"]["eprintclass"] == "cs.LG"
    assert item["custom"]["code_url"] == "https://github.com/x/y"
    assert item["custom"]["groups"] == ["Quantization / Weight-only"]


def test_keyless_records_get_positional_ids():
    items = json.loads(write([Record(title="A"), Record(title="B")]))
    assert [i["id"] for i in items] == ["item-1", "item-2"]
    back, _ = read(write([Record(title="A")]))
    assert back[0].key == ""


# --- round trips --------------------------------------------------------------------------------


@HYPOTHESIS
@given(records())
def test_round_trip_is_identity(record):
    back, report = read(write([record]))
    assert [plain(r) for r in back] == [record]
    assert not report.unread and not report.warnings


def test_round_trip_of_every_entry_type():
    originals = [full_record(t) for t in ENTRY_TYPES]
    back, _ = read(write(originals))
    assert [plain(r) for r in back] == originals


def test_golden_output(golden):
    originals = [full_record(t) for t in ("article", "inproceedings", "phdthesis", "misc", "online")]
    originals.append(
        Record(entry_type="mastersthesis", key="k", title="A Thesis", author=(Name(family="Doe"),))
    )
    golden("csljson/records.json", write(originals))


def test_bibtex_to_csl_json_and_back_loses_nothing():
    from bibconv import api

    text = (Path(__file__).parent / "data" / "bibtex" / "sample.bib").read_text(encoding="utf-8")
    from_bib, _ = api.read_string(text, "bibtex", file="sample.bib")
    via_json, report = read(api.write(from_bib, "csl-json"))
    assert [plain(r) for r in via_json] == [plain(r) for r in from_bib]
    assert api.write(via_json, "bibtex") == api.write(from_bib, "bibtex")
    assert not report.warnings


# --- reader: positions and real-world input -----------------------------------------------------


def test_line_numbers_and_format():
    text = '[\n  {"id": "a", "type": "book", "title": "A"},\n\n  {"id": "b",\n   "type": "book", "title": "B"}\n]\n'
    records_, _ = read(text, file="refs.json")
    assert [(r.key, r.source.line, r.source.format) for r in records_] == [
        ("a", 2, "csl-json"),
        ("b", 4, "csl-json"),
    ]
    assert str(records_[1].source) == "refs.json:4"


def test_single_object_items_wrapper_and_bom():
    single, _ = read('\ufeff{"id": "a", "type": "book", "title": "A"}')
    assert [r.title for r in single] == ["A"]
    wrapped, _ = read('{"meta": {"x": [1]},\n "items": [\n {"id": "a", "type": "book", "title": "A"}]}')
    assert [(r.key, r.source.line) for r in wrapped] == [("a", 3)]
    assert read("  \n") == ([], Report())
    assert read("[]")[0] == []


def test_unreadable_items_are_reported_with_position():
    text = '[\n  5,\n  {"id": "empty", "type": "book"},\n  {"id": "ok", "type": "book", "title": "T"}\n]'
    records_, report = read(text, file="r.json")
    assert [r.key for r in records_] == ["ok"]
    assert [(u.source.line, u.text) for u in report.unread] == [
        (2, "5"),
        (3, '{"id": "empty", "type": "book"}'),
    ]
    assert [str(w) for w in report.warnings] == [
        "r.json:2: CSL item skipped: not a CSL item (expected an object)",
        "r.json:3: CSL item skipped: CSL item with no bibliographic content",
    ]


def test_real_world_variations():
    items = [
        {
            "id": 42,
            "type": "article-journal",
            "title": 'Deep <span class="nocase">BERT</span>',
            "author": [
                "Christopher De Sa",
                "Li, Yuhang",
                {"family": "Beethoven", "dropping-particle": "van", "given": "L."},
            ],
            "issued": {"date-parts": [["2019", "07", "1"]]},
            "DOI": "https://doi.org/10.1000/ABC",
            "page": "1-30",
            "volume": 7,
            "journalAbbreviation": "J. X",
            "shortTitle": "Deep",
            "keyword": "a; b",
            "accessed": {"raw": "2021-3-4"},
            "container-author": [{"family": "Roe", "given": "R."}],
            "PMID": "123",
            "call-number": "QA76",
        }
    ]
    (record,), report = read_items(items)
    assert record.key == "42" and record.title == "Deep BERT"
    assert record.author == (
        Name(family="De Sa", given="Christopher"),
        Name(family="Li", given="Yuhang"),
        Name(family="Beethoven", given="L.", particle="van"),
    )
    assert record.issued == "2019-07-01"
    assert record.doi == "10.1000/ABC" and record.page == "1–30" and record.volume == "7"
    assert record.container_title_short == "J. X" and record.keywords == ("a", "b")
    assert record.extra == {
        "shorttitle": "Deep",
        "urldate": "2021-03-04",
        "container-author": "Roe, R.",
        "pmid": "123",
        "call-number": "QA76",
    }
    assert not report.warnings


@pytest.mark.parametrize(
    ("issued", "expected", "season"),
    [
        ({"date-parts": [[2020, 3]]}, "2020-03", ""),
        ({"date-parts": [["2020"]]}, "2020", ""),
        ({"date-parts": [[2020, 22]]}, "2020", "Summer"),
        ({"date-parts": [[2020]], "season": "Spring"}, "2020", "Spring"),
        ({"date-parts": [[2019], [2020]]}, "2019/2020", ""),
        ({"raw": "March 2020"}, "2020-03", ""),
        ({"raw": "Mar 5, 2020"}, "2020-03-05", ""),
        ({"raw": "5 March 2020"}, "2020-03-05", ""),
        ({"raw": "2020/03/05"}, "2020-03-05", ""),
        ({"raw": "circa 1850"}, "circa 1850", ""),
        ({"literal": "in press"}, "in press", ""),
        ([{"year": 2020, "month": 3}], "2020-03", ""),
        ("2021-02", "2021-02", ""),
        (2021, "2021", ""),
    ],
)
def test_date_variations(issued, expected, season):
    (record,), _ = read_items([{"id": "k", "type": "book", "title": "T", "issued": issued}])
    assert record.issued == expected
    assert record.extra.get("season", "") == season


def test_date_range_round_trips():
    record = Record(title="T", issued="2019-12/2020-01")
    assert [plain(r) for r in read(write([record]))[0]] == [record]


def test_season_round_trips():
    (record,), _ = read_items(
        [{"id": "k", "type": "book", "title": "T", "issued": {"date-parts": [[2020]], "season": "Spring"}}]
    )
    assert record_to_csl(record)["issued"] == {"date-parts": [[2020]], "season": "Spring"}


def test_unknown_type_is_misc_with_warning():
    (record,), report = read_items([{"id": "k", "type": "tweet", "title": "T"}])
    assert record.entry_type == "misc"
    assert [str(w) for w in report.warnings] == ["t.json:2: unknown CSL type 'tweet'; read as misc"]


def test_zotero_preprint_gives_arxiv_id():
    item = {
        "id": "http://zotero.org/users/1/items/ABC",
        "citation-key": "frantar2022gptq",
        "type": "article",
        "title": "GPTQ",
        "number": "arXiv:2210.17323v2",
        "publisher": "arXiv",
        "URL": "http://arxiv.org/abs/2210.17323",
        "DOI": "10.48550/arXiv.2210.17323",
    }
    (record,), _ = read_items([item])
    assert (record.key, record.entry_type, record.arxiv, record.number) == (
        "frantar2022gptq",
        "misc",
        "2210.17323",
        "",
    )
    assert record.extra == {"csl-id": "http://zotero.org/users/1/items/ABC"}


def test_others_and_junk_names():
    items = [
        {"id": "k", "type": "book", "title": "T", "author": [{"literal": "others"}, {"family": "Doe"}, {}, 7]}
    ]
    (record,), report = read_items(items)
    assert record.author == (Name(family="Doe"), OTHERS)
    assert len(report.warnings) == 2 and all("author" in str(w) for w in report.warnings)


def test_non_text_value_is_kept_and_warned():
    (record,), report = read_items([{"id": "k", "type": "book", "title": {"x": 1}}])
    assert record.title == '{"x": 1}' and "expected text" in str(report.warnings[0])


def test_lone_surrogate_escapes_become_replacement_characters():
    (record,), _ = read('[{"type": "book", "title": "a \\ud800 b \\ud83d\\ude00"}]')
    assert record.title == "a \ufffd b \U0001f600"
    record.title.encode("utf-8")


def test_deep_nesting_is_an_error_not_a_crash():
    with pytest.raises(BibconvError, match="nested too deeply"):
        read("[" * 100_000)


def test_foreign_custom_keys_become_extra_fields():
    (record,), _ = read_items([{"id": "k", "type": "book", "title": "T", "custom": {"zotero-key": "ABCD"}}])
    assert record.extra == {"zotero-key": "ABCD"}


def test_item_to_record_directly():
    report = Report()
    record = item_to_record(
        {"id": "k", "type": "thesis", "title": "T", "genre": "MSc thesis"}, Source("f", 3), report
    )
    assert record is not None and record.entry_type == "mastersthesis" and record.genre == "MSc thesis"


# --- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            '[\n  {"id": "a", "type": "book"},\n  {"id": "b" "type": "book"}\n]',
            3,
            "invalid JSON: Expecting ','",
        ),
        ('[\n  {"id": "a"}\n  {"id": "b"}\n]', 3, "invalid JSON: expecting ',' or ']'"),
        ('[{"id": "a"}', 1, "invalid JSON"),
        ('[{"id": "a"},]', 1, "invalid JSON: Expecting value"),
        ('"just a string"', 1, "not CSL-JSON: expected a JSON array of CSL items"),
        ("5", 1, "not CSL-JSON: expected a JSON array"),
        ('[{"id": "a"}]\n\n{"x": 1}', 3, "invalid JSON: extra data after the CSL items"),
    ],
)
def test_invalid_json_errors_have_line(text, line, message):
    with pytest.raises(BibconvError) as caught:
        read(text, file="bad.json")
    assert caught.value.file == "bad.json" and caught.value.line == line
    assert caught.value.message.startswith(message)


# --- pandoc -------------------------------------------------------------------------------------

PANDOC = shutil.which("pandoc")


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
def test_pandoc_reads_our_csl_json(tmp_path):
    originals = [full_record(t) for t in ("article", "inproceedings", "phdthesis", "misc", "book")]
    path = tmp_path / "refs.json"
    path.write_text(write(originals), encoding="utf-8")
    result = subprocess.run(
        [PANDOC, "-f", "csljson", "-t", "csljson", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    items = {item["id"]: item for item in json.loads(result.stdout)}
    for record in originals:
        item = items[record.key]
        assert item["title"] == record.title
        assert item["author"][0] == {
            "family": "Maaten",
            "given": "Laurens",
            "non-dropping-particle": "van der",
        }
        assert item["author"][-1] == {"literal": "others"}
        assert item["issued"] == {"date-parts": [[2020, 3, 5]]}
    back, _ = read(result.stdout)
    assert {r.key: r.title for r in back} == {r.key: r.title for r in originals}


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
def test_we_read_pandocs_csl_json_from_bibtex(tmp_path):
    bib = tmp_path / "x.bib"
    bib.write_text(
        "@phdthesis{t1, author={Jean de la Fontaine and {OpenAI} and others}, title={On {GPTQ}},"
        " school={MIT}, year=2020, month=mar}\n"
        "@misc{a1, author={Frantar, Elias}, title={GPTQ}, eprint={2210.17323}, archivePrefix={arXiv}, year=2022}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [PANDOC, str(bib), "-f", "bibtex", "-t", "csljson"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    (thesis, preprint), report = read(result.stdout, file="p.json")
    assert thesis.entry_type == "phdthesis" and thesis.issued == "2020-03" and thesis.publisher == "MIT"
    assert thesis.author == (
        Name(family="Fontaine", given="Jean", particle="de la"),
        Name(literal="OpenAI"),
        OTHERS,
    )
    assert preprint.entry_type == "misc" and preprint.url == "https://arxiv.org/abs/2210.17323"
    assert not report.unread


def test_langid_becomes_the_csl_language_so_titles_keep_their_case():
    german = record_to_csl(
        Record(key="k", title="Kritik der praktischen Vernunft", extra={"langid": "german"})
    )
    assert german["language"] == "de" and "language" in german["custom"]["derived"]
    listed = record_to_csl(
        Record(key="k", title="T", language="langlatin and langgerman", extra={"langid": "german"})
    )
    assert listed["language"] == "de" and listed["custom"]["language"] == "langlatin and langgerman"
    assert (
        record_to_csl(Record(key="k", title="T", language="english", extra={"langid": "english"}))["language"]
        == "en"
    )
    back = item_to_record(listed, Source("f", 1), Report())
    assert back is not None and back.language == "langlatin and langgerman"


def test_a_journals_numbered_series_is_an_ordinal_series():
    # biblatex prints ``series = 3`` of an article as "3rd series", and so does pandoc
    def series(entry_type, value):
        record = Record(
            key="k",
            entry_type=entry_type,
            title="T",
            collection_title=value,
            source=Source("f.bib", 1, "bibtex"),
        )
        return record_to_csl(record).get("collection-title")

    assert [series("article", n) for n in ("1", "2", "3", "11", "12", "22")] == [
        "1st series",
        "2nd series",
        "3rd series",
        "11th series",
        "12th series",
        "22nd series",
    ]
    assert series("book", "3") == "3" and series("article", "Studies in logic") == "Studies in logic"


def test_an_eprint_of_a_known_kind_is_linked():
    def url(prefix, eprint="4HIWAAAAYAAJ", **fields):
        extra = {"eprint": eprint, "archiveprefix": prefix}
        return record_to_csl(Record(key="k", title="T", extra=extra, **fields)).get("URL")

    assert url("googlebooks") == "https://books.google.com?id=4HIWAAAAYAAJ"  # as pandoc and biblatex link it
    assert url("jstor", "2967236") == "https://www.jstor.org/stable/2967236"
    assert url("hdl", "1721.1/123") == "https://hdl.handle.net/1721.1/123"
    assert url("unknown") is None and url("jstor", url="https://x.org") == "https://x.org"


def test_a_patents_location_is_its_jurisdiction():
    # biblatex-examples' almendro: location = {countryfr and countryuk and countryde}
    bib = Source("f.bib", 1, "bibtex")
    place = "countryfr and countryuk and countryde"
    item = record_to_csl(Record(key="k", entry_type="patent", title="T", publisher_place=place, source=bib))
    assert item["jurisdiction"] == "France; United Kingdom; Germany" and "publisher-place" not in item
    back = item_to_record(item, Source("f", 1), Report())
    assert back is not None and back.publisher_place == place and "jurisdiction" not in back.extra
