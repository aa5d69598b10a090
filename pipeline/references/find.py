"""Find: run the rule pipeline over every text unit and keep what it matched.

Only units that can hold a mention reach spaCy (a cheap test for a symbol, a
label's screen or a known name), in ``nlp.pipe`` batches; a unit
longer than spaCy takes in one call is read in pieces cut at a sentence or word
boundary, each hit keeping offsets into the whole unit.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.model import Mention
from pipeline.references.extents import extend_mentions
from pipeline.references.nlp import may_hold_mention, pipeline
from pipeline.references.units import Unit

if TYPE_CHECKING:
    from spacy.tokens import Span

PIECE = 100_000  # characters handed to spaCy at most in one call
BATCH = 64


@dataclass(frozen=True)
class Hit:
    """One match of the rules: its label, the spaCy span, the unit it stands in
    and where the piece of the unit that spaCy read starts (``offset``)."""

    label: str
    span: Span
    unit: Unit
    order: int
    offset: int = 0

    @property
    def start(self) -> int:
        return self.offset + self.span.start_char

    @property
    def end(self) -> int:
        return self.offset + self.span.end_char

    @property
    def text(self) -> str:
        return self.unit.text[self.start : self.end]

    @property
    def sentence_start(self) -> int:
        return self.offset + self.span.sent.start_char

    @property
    def sentence_end(self) -> int:
        return self.offset + self.span.sent.end_char

    def mention(self) -> Mention:
        """The model's record of where this hit stands."""
        return Mention(
            text=self.text, unit=self.unit.id, paragraph=self.unit.paragraph, start=self.start, end=self.end
        )

    def same_sentence(self, other: Hit) -> bool:
        return self.span.doc is other.span.doc and self.span.sent == other.span.sent


def find(units: list[Unit], screen: bool = True) -> list[Hit]:
    """Every match in ``units``, in unit order and, within a unit, text order.
    ``screen=False`` hands every unit to spaCy (the pre-filter's own check)."""
    pieces = [piece for unit in units for piece in _pieces(unit) if not screen or may_hold_mention(piece[1])]
    hits: list[Hit] = []
    docs = pipeline().pipe((text for _, text, _ in pieces), batch_size=BATCH)
    for (unit, _, offset), doc in zip(pieces, docs):
        extend_mentions(doc)
        for span in doc.ents:
            hits.append(Hit(span.label_, span, unit, len(hits), offset))
    return hits


def hits_by_unit(hits: list[Hit]) -> dict[str, list[Hit]]:
    """The hits of each unit id, in text order."""
    grouped: dict[str, list[Hit]] = defaultdict(list)
    for hit in hits:
        grouped[hit.unit.id].append(hit)
    return grouped


def _pieces(unit: Unit, size: int = PIECE) -> Iterator[tuple[Unit, str, int]]:
    """``unit``'s text in pieces of at most ``size`` characters, with their offsets."""
    size = min(size, pipeline().max_length)
    text = unit.text
    start = 0
    while len(text) - start > size:
        cut = _last_break(text, start, start + size)
        yield unit, text[start:cut], start
        start = cut
    yield unit, text[start:], start


def _last_break(text: str, start: int, limit: int) -> int:
    """The end of the last sentence (else word) that ends before ``limit``."""
    window = text[start:limit]
    for pattern in (r"[.;:!?]\s+", r"\s+"):
        ends = [match.end() for match in re.finditer(pattern, window)]
        if ends and ends[-1] > len(window) // 2:
            return start + ends[-1]
    return limit
