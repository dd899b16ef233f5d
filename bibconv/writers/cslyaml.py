"""Records to CSL-YAML as pandoc reads it: a ``references:`` list in a ``---`` YAML block.

The items are exactly the CSL-JSON writer's (``record_to_csl``); only the serialisation differs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from ..model import Record
from .csljson import items

__all__ = ["write"]

#: Wide enough that PyYAML never folds a long title or abstract over several lines.
_LINE_WIDTH = 1 << 30


def write(records: Sequence[Record], **_: Any) -> str:
    body = yaml.safe_dump(
        {"references": items(records)}, sort_keys=False, allow_unicode=True, width=_LINE_WIDTH
    )
    return f"---\n{body}...\n"
