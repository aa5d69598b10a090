"""Find: run the rule pipeline over every text unit and keep what it matched."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Span

from pipeline.model import Mention
from pipeline.references.nlp import pipeline
from pipeline.references.units import Unit


@dataclass(frozen=True)
class Hit:
    """One match of the rules: its label, the spaCy span and the unit it stands in."""

    label: str
    span: Span
    unit: Unit
    order: int

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def start(self) -> int:
        return self.span.start_char

    @property
    def end(self) -> int:
        return self.span.end_char

    def mention(self) -> Mention:
        """The model's record of where this hit stands."""
        return Mention(
            text=self.text, unit=self.unit.id, paragraph=self.unit.paragraph, start=self.start, end=self.end
        )

    def same_sentence(self, other: Hit) -> bool:
        return self.span.doc is other.span.doc and self.span.sent == other.span.sent


def find(units: list[Unit]) -> list[Hit]:
    """Every match in ``units``, in unit order and, within a unit, text order."""
    hits: list[Hit] = []
    for unit, doc in zip(units, pipeline().pipe(unit.text for unit in units)):
        for span in doc.ents:
            hits.append(Hit(span.label_, span, unit, len(hits)))
    return hits


def hits_by_unit(hits: list[Hit]) -> dict[str, list[Hit]]:
    """The hits of each unit id, in text order."""
    grouped: dict[str, list[Hit]] = defaultdict(list)
    for hit in hits:
        grouped[hit.unit.id].append(hit)
    return grouped
