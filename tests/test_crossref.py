"""crossref and xdata: children complete themselves from their parents on the way into CSL."""

from __future__ import annotations

from bibconv.readers.bibtex import read as read_bibtex
from bibconv.transforms.crossref import resolve_crossrefs
from bibconv.writers import csltext
from bibconv.writers.bibtex import write as write_bibtex
from bibconv.writers.csljson import items

PROCEEDINGS = """
@inproceedings{adams91,
  author = {Adams, D. A.},
  title = {Evaluating Font Quality},
  pages = {353--364},
  crossref = {pietrowski91},
}
@proceedings{pietrowski91,
  editor = {Pietrowski, Kathy},
  title = {Seventh International Congress on Advances in Non-Impact Printing Technologies},
  subtitle = {Proceedings},
  publisher = {Imaging Science \\& Technology},
  address = {Springfield, VA},
  year = 1991,
  volume = 2,
  note = {About the whole volume},
}
"""


def _records(text: str):
    records, report = read_bibtex(text)
    assert not report.unread
    return records


def test_a_paper_inherits_its_proceedings() -> None:
    child, parent = resolve_crossrefs(_records(PROCEEDINGS))
    assert child.title == "Evaluating Font Quality"  # titles are never inherited as titles
    assert (
        child.container_title
        == "Seventh International Congress on Advances in Non-Impact Printing Technologies"
    )
    assert child.extra["booksubtitle"] == "Proceedings"
    assert [n.family for n in child.editor] == ["Pietrowski"]
    assert (child.issued, child.publisher, child.publisher_place, child.volume) == (
        "1991",
        "Imaging Science & Technology",
        "Springfield, VA",
        "2",
    )
    assert child.page == "353–364"
    assert parent == _records(PROCEEDINGS)[1]


def test_the_child_keeps_its_own_values_and_the_bibtex_output_keeps_the_crossref() -> None:
    text = PROCEEDINGS.replace("pages = {353--364},", "pages = {353--364}, year = 1990,")
    records = _records(text)
    assert resolve_crossrefs(records)[0].issued == "1990"
    written = write_bibtex(records)
    assert "crossref = {pietrowski91}" in written
    assert "Springfield" not in written.split("@proceedings")[0]  # nothing copied into the child's BibTeX


def test_csl_output_and_text_rendering_resolve_the_crossref() -> None:
    records = _records(PROCEEDINGS)
    item = items(records)[0]
    assert item["container-title"].startswith("Seventh international congress")
    assert item["issued"] == {"date-parts": [[1991]]}
    lines = csltext.write(records, style="apa").splitlines()
    assert any(line.startswith("Adams, D. A. (1991).") and "Imaging Science" in line for line in lines)


def test_a_book_chapter_and_a_multivolume_work() -> None:
    text = """
@mvbook{works, author = {Kant, Immanuel}, title = {Kants Werke}, publisher = {de Gruyter}, year = 1968}
@book{vol5, title = {Kritik der Urtheilskraft}, volume = 5, crossref = {works}}
@inbook{chapter, title = {Vorrede}, pages = {1--10}, crossref = {vol5}}
"""
    works, volume, chapter = resolve_crossrefs(_records(text))
    assert volume.extra["maintitle"] == "Kants Werke"
    assert volume.title == "Kritik der Urtheilskraft"
    assert [n.family for n in volume.author] == ["Kant"]
    assert chapter.container_title == "Kritik der Urtheilskraft"
    assert (chapter.publisher, chapter.issued, chapter.volume) == ("de Gruyter", "1968", "5")


def test_xdata_gives_every_field() -> None:
    text = """
@xdata{hup, publisher = {Harvard University Press}, address = {Cambridge, Mass.}}
@book{b, author = {Doe, Jane}, title = {A Book}, year = 2001, xdata = {hup}}
"""
    book = resolve_crossrefs(_records(text))[1]
    assert (book.publisher, book.publisher_place) == ("Harvard University Press", "Cambridge, Mass.")


def test_missing_parents_and_cycles_are_harmless() -> None:
    text = """
@article{a, title = {A}, crossref = {b}}
@article{b, title = {B}, crossref = {a}, year = 2000}
@article{c, title = {C}, crossref = {nowhere}}
"""
    a, b, c = resolve_crossrefs(_records(text))
    assert a.issued == "2000"
    assert b.title == "B" and c.title == "C"


def test_two_records_with_one_key_keep_their_own_fields() -> None:
    text = """
@book{dup, title = {First}, year = 2001}
@book{dup, title = {Second}, year = 2002}
@inbook{ch, title = {Chapter}, crossref = {dup}}
"""
    first, second, chapter = resolve_crossrefs(_records(text))
    assert (first.title, second.title) == ("First", "Second")
    assert chapter.issued in ("2001", "2002")
