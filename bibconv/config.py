"""``bibconv.yaml`` → a frozen, validated ``Config``.

The build file names sources (files or globs, each with an optional format and group), merge options and
outputs. It is loaded with PyYAML's safe loader (a ``!!python/object`` tag is refused) and validated once:
an unknown key, a wrong type, a missing source, a bad format or a path that leaves the project directory
is one ``BibconvError`` naming the config file and line.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import formats
from .errors import BibconvError

DEFAULT_CONFIG = "bibconv.yaml"


@dataclass(frozen=True)
class SourceSpec:
    path: str  # relative to the project directory, as written (after glob expansion)
    format: str | None = None
    group: str | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class OutputSpec:
    path: str
    format: str
    options: dict[str, Any] = field(default_factory=dict)
    line: int = 0  # in the build file, for errors raised while writing this output


@dataclass(frozen=True)
class Config:
    file: str
    root: Path
    sources: tuple[SourceSpec, ...]
    outputs: tuple[OutputSpec, ...]
    dedupe: bool = True
    rekey: bool = False
    report: str | None = None


_TOP_KEYS = {"sources", "merge", "outputs", "report"}
_SOURCE_KEYS = {"path", "format", "group", "wrapped", "keep_non_papers", "encoding"}
_MERGE_KEYS = {"dedupe", "rekey"}
_OUTPUT_KEYS = {"path", "format", "style", "markup", "md_layout", "ascii", "arxiv_style", "locale"}
_OUTPUT_OPTION_NAMES = {"markup": "format"}  # the writer's option name where it differs from the config key


class _Node:
    """A YAML mapping or sequence with the line numbers of its items, for positioned errors."""

    def __init__(self, node: yaml.Node, file: str) -> None:
        self.node = node
        self.file = file

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1

    def error(self, message: str) -> BibconvError:
        return BibconvError(message, self.file, self.line)


def load(path: str = DEFAULT_CONFIG) -> Config:
    config_path = Path(path)
    try:
        text = config_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BibconvError("no such build file (write one, see README: 'bibconv build')", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BibconvError(f"cannot read build file: {exc}", path) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        yaml.load(text, Loader=yaml.SafeLoader)  # constructs values: rejects !!python/... tags
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise BibconvError(f"invalid build file: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise BibconvError(f"invalid build file: {exc}", path) from None
    if node is None:
        raise BibconvError("empty build file: it needs 'sources' and 'outputs'", path, 1)
    return _build_config(_Node(node, path), config_path.resolve().parent)


def _mapping(node: _Node, allowed: set[str], what: str) -> dict[str, _Node]:
    if not isinstance(node.node, yaml.MappingNode):
        raise node.error(f"{what} must be a mapping")
    items: dict[str, _Node] = {}
    for key_node, value_node in node.node.value:
        key = key_node.value
        if key not in allowed:
            raise BibconvError(f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})", node.file, key_node.start_mark.line + 1)
        items[key] = _Node(value_node, node.file)
    return items


def _sequence(node: _Node, what: str) -> list[_Node]:
    if not isinstance(node.node, yaml.SequenceNode):
        raise node.error(f"{what} must be a list")
    return [_Node(item, node.file) for item in node.node.value]


def _scalar(node: _Node, what: str, kind: type = str) -> Any:
    if not isinstance(node.node, yaml.ScalarNode):
        raise node.error(f"{what} must be a single value")
    value = yaml.safe_load(yaml.serialize(node.node))
    if kind is bool and not isinstance(value, bool):
        raise node.error(f"{what} must be true or false")
    if kind is str:
        value = "" if value is None else str(value)
    return value


def _inside(root: Path, relative: str, node: _Node) -> str:
    """Paths stay inside the project directory: no absolute paths, no ``..`` escapes, no symlink escapes."""
    if os.path.isabs(relative):
        raise node.error(f"path {relative!r} must be relative to the project directory")
    resolved = (root / relative).resolve()
    if resolved != root and root not in resolved.parents:
        raise node.error(f"path {relative!r} leaves the project directory")
    return relative


def _build_config(top: _Node, root: Path) -> Config:
    items = _mapping(top, _TOP_KEYS, "the build file")
    if "sources" not in items or "outputs" not in items:
        raise top.error("the build file needs 'sources' and 'outputs'")
    sources = tuple(s for node in _sequence(items["sources"], "sources") for s in _source_specs(node, root))
    outputs = tuple(_output_spec(node, root) for node in _sequence(items["outputs"], "outputs"))
    dedupe, rekey = True, False
    if "merge" in items:
        merge = _mapping(items["merge"], _MERGE_KEYS, "merge")
        dedupe = _scalar(merge["dedupe"], "merge.dedupe", bool) if "dedupe" in merge else True
        rekey = _scalar(merge["rekey"], "merge.rekey", bool) if "rekey" in merge else False
    report = None
    if "report" in items:
        report = _inside(root, _scalar(items["report"], "report"), items["report"])
    return Config(top.file, root, sources, outputs, dedupe, rekey, report)


def _source_specs(node: _Node, root: Path) -> list[SourceSpec]:
    if isinstance(node.node, yaml.ScalarNode):
        fields = {"path": node}
    else:
        fields = _mapping(node, _SOURCE_KEYS, "a source")
    if "path" not in fields:
        raise node.error("a source needs a 'path'")
    pattern = _inside(root, _scalar(fields["path"], "path"), fields["path"])
    fmt = _scalar(fields["format"], "format") if "format" in fields else None
    if fmt is not None and (fmt not in formats.FORMATS or not formats.FORMATS[fmt].reader):
        raise fields["format"].error(f"unknown input format {fmt!r} (known: {', '.join(formats.FORMATS)})")
    group = _scalar(fields["group"], "group") if "group" in fields else None
    options = {}
    for name in ("wrapped", "keep_non_papers"):
        if name in fields:
            options[name] = _scalar(fields[name], name, bool)
    if "encoding" in fields:
        options["encoding"] = _scalar(fields["encoding"], "encoding")
    matches = sorted(glob.glob(pattern, root_dir=root, recursive=True)) if glob.has_magic(pattern) else [pattern]
    if not matches or not all((root / m).is_file() for m in matches):
        missing = next((m for m in matches if not (root / m).is_file()), pattern)
        raise fields["path"].error(f"source {missing!r} not found")
    return [SourceSpec(_inside(root, m, fields["path"]), fmt, group, options) for m in matches]


def _output_spec(node: _Node, root: Path) -> OutputSpec:
    fields = _mapping(node, _OUTPUT_KEYS, "an output")
    if "path" not in fields:
        raise node.error("an output needs a 'path'")
    path = _inside(root, _scalar(fields["path"], "path"), fields["path"])
    if "format" in fields:
        fmt = _scalar(fields["format"], "format")
        if fmt not in formats.FORMATS or not formats.FORMATS[fmt].writer:
            raise fields["format"].error(f"unknown output format {fmt!r} (known: {', '.join(formats.FORMATS)})")
    else:
        detected = formats.detect_output(path)
        if detected is None:
            raise fields["path"].error(f"cannot tell the format of {path!r}; add 'format:'")
        fmt = detected.name
    options: dict[str, Any] = {}
    for name in ("style", "markup", "md_layout", "arxiv_style", "locale"):
        if name in fields:
            options[_OUTPUT_OPTION_NAMES.get(name, name)] = _scalar(fields[name], name)
    if "ascii" in fields:
        options["ascii"] = _scalar(fields["ascii"], "ascii", bool)
    return OutputSpec(path, fmt, options, node.line)
