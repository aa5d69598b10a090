"""The kind of a document (``metadata.kind``) from its profile in ``pipeline/data/kinds.json``.

Each kind lists its evidence: patterns in the symbol, the title, the committee or
the body texts, each with a weight. The rules are data; this module only adds
up the weights.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path

from pipeline.model import DocumentKind, Metadata

DATA = Path(__file__).resolve().parents[1] / "data" / "kinds.json"


@dataclass(frozen=True)
class _Evidence:
    where: str  # symbol, title, committee or text
    pattern: re.Pattern
    weight: int
    min_count: int


@cache
def _profiles() -> tuple[tuple[DocumentKind, tuple[_Evidence, ...]], ...]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return tuple(
        (
            DocumentKind(profile["kind"]),
            tuple(
                _Evidence(item["in"], re.compile(item["pattern"], re.I), item["weight"], item.get("min_count", 1))
                for item in profile["evidence"]
            ),
        )
        for profile in data["kinds"]
    )


def decide_kind(metadata: Metadata, texts: list[str]) -> DocumentKind:
    """The best-supported kind for a document with this metadata and these body texts."""
    best, best_score = DocumentKind.unknown, 0
    for kind, evidence in _profiles():
        score = sum(item.weight for item in evidence if _holds(item, metadata, texts))
        if score > best_score:
            best, best_score = kind, score
    return best


def _holds(item: _Evidence, metadata: Metadata, texts: list[str]) -> bool:
    if item.where == "text":  # the first ``min_count`` texts that hold it are enough
        holding = (text for text in texts if item.pattern.search(text))
        return item.min_count <= 0 or next(islice(holding, item.min_count - 1, None), None) is not None
    value = getattr(metadata, item.where)
    return value is not None and bool(item.pattern.search(value))
