"""CSL-YAML (pandoc's ``references:`` list, alone or as YAML front matter, or a bare list) to records.

Only the safe loader is used: a ``!!python/object`` tag is an error, never code. Each item's line comes
from the YAML node it was built from. Items go through the CSL-JSON reader's ``item_to_record``.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import BibconvError
from ..model import Record, Source
from ..report import Report
from .csljson import item_to_record

__all__ = ["read"]

FORMAT = "csl-yaml"

#: libyaml's loader when PyYAML has it (the same safe constructor, several times faster).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Deeper than any CSL item (references > item > variable > date-parts > parts is 5 levels).
_MAX_DEPTH = 32

#: The line closing a front matter block (``---`` or ``...``); markdown may follow it.
_BLOCK_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def read(text: str, *, file: str = "<string>", **_: Any) -> tuple[list[Record], Report]:
    block = _yaml_block(text.lstrip("\ufeff"))
    node, data = _load(block, file)
    report = Report()
    if node is None or data is None:
        return [], report
    item_nodes, item_values = _references(node, data, file)
    records = []
    for item_node, value in zip(item_nodes, item_values, strict=True):
        source = Source(file, item_node.start_mark.line + 1, FORMAT)
        record = item_to_record(value, source, report)  # an unread item is reported as its JSON text
        if record is not None:
            records.append(record)
    return records, report


def _yaml_block(text: str) -> str:
    """The YAML of a front matter block (lines kept in place), or the whole text when it is plain YAML."""
    if not re.match(r"---[ \t]*\r?\n", text):
        return text
    end = _BLOCK_END.search(text, text.index("\n") + 1)
    return text[: end.start()] if end else text


def _check_structure(text: str, file: str) -> None:
    """Refuse aliases and deep nesting before building anything.

    CSL items are shallow and pandoc writes no anchors; an alias could expand exponentially when the
    values are read, and deep nesting overflows the C composer's stack.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise BibconvError(
                "YAML aliases (*name) are not supported in CSL-YAML", file, event.start_mark.line + 1
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > _MAX_DEPTH:
                raise BibconvError("YAML nested too deeply for CSL-YAML", file, event.start_mark.line + 1)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _load(text: str, file: str) -> tuple[yaml.Node | None, Any]:
    loader = _SafeLoader(text)
    try:
        _check_structure(text, file)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.constructor.ConstructorError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise BibconvError(
            f"refused YAML: {error.problem} (only plain YAML data is read)", file, line
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        raise BibconvError(f"invalid CSL-YAML: {problem}", file, mark.line + 1 if mark else None) from None
    except yaml.YAMLError as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise BibconvError(f"invalid CSL-YAML: {first_line}", file) from None
    finally:
        loader.dispose()
    return node, data


def _references(node: yaml.Node, data: Any, file: str) -> tuple[list[yaml.Node], list[Any]]:
    """The item nodes and values: of ``references:``, of a bare list, or a single item."""
    if isinstance(data, list):
        return list(node.value), data
    if isinstance(data, dict) and "references" in data:
        for key_node, value_node in node.value:
            if key_node.value == "references":
                if isinstance(data["references"], list):
                    return list(value_node.value), data["references"]
                raise BibconvError(
                    "references: must be a list of CSL items", file, value_node.start_mark.line + 1
                )
    if isinstance(data, dict) and "type" in data:  # one item (front matter of a document has no type)
        return [node], [data]
    raise BibconvError("expected CSL-YAML: a references: list of items", file, node.start_mark.line + 1)
