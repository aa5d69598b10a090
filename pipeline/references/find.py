"""Find: run the rule pipeline over every text unit and keep what it matched.

Only units that can hold a mention reach spaCy (a cheap test for a symbol, a
label's screen or a known name), in ``nlp.pipe`` batches; a unit
longer than spaCy takes in one call is read in pieces cut at a sentence or word
boundary, each hit keeping offsets into the whole unit.

A hit keeps what the later steps read of its tokens and sentence, read while
its spaCy document is at hand, and not the document: a long text's documents
would otherwise all stay in memory until the last step.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from pipeline.model import Mention
from pipeline.references.extents import Extent, ParagraphReading, extended_mentions
from pipeline.references.nlp import pipeline, screening
from pipeline.references.tokens import HitToken, KeptTokens
from pipeline.references.units import Unit

PIECE = 100_000  # characters handed to spaCy at most in one call
BATCH = 64


class Hit(NamedTuple):
    """One match of the rules: its label, its tokens, the unit it stands in,
    where in the unit it and its sentence stand, and where the piece of the unit
    that spaCy read starts (``offset``). A paragraph mention carries its reading
    ("paragraphs 17 to 24 of document …"); a task mention the tasks it lists.
    A named tuple, made at a third of a frozen dataclass's cost."""

    label: str
    tokens: tuple[HitToken, ...]
    unit: Unit
    order: int
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    offset: int = 0
    before: str | None = None  # the token before the hit, lower-cased; None at the start
    paragraphs: ParagraphReading | None = None
    listed_tasks: tuple[tuple[int, int | None, int, int], ...] = ()  # number, sub-task, start, end in the unit

    @property
    def text(self) -> str:
        return self.unit.text[self.start : self.end]

    def mention(self) -> Mention:
        """The model's record of where this hit stands."""
        return Mention(
            text=self.text, unit=self.unit.id, paragraph=self.unit.paragraph, start=self.start, end=self.end
        )

    def same_sentence(self, other: Hit) -> bool:
        return self.unit.id == other.unit.id and self.sentence_start == other.sentence_start


def find(units: list[Unit], screen: bool = True) -> list[Hit]:
    """Every match in ``units``, in unit order and, within a unit, text order.
    ``screen=False`` hands every unit to spaCy (the pre-filter's own check)."""
    nlp = pipeline()
    pieces = []
    for unit in units:
        for _, text, offset in _pieces(unit):
            screens = screening(text)
            if screens is not None or not screen:
                pieces.append((unit, text, offset, screens))
    hits: list[Hit] = []
    tokenize = nlp.tokenizer
    made = (tokenize(text) if screens is None else tokenize.screened(text, screens) for _, text, _, screens in pieces)
    docs = nlp.pipe(made, batch_size=BATCH)
    for (unit, _, offset, _), doc in zip(pieces, docs):
        ents = doc.ents
        if ents:
            kept = doc._.kept
            extents = extended_mentions([(ent.label_, ent.start, ent.end) for ent in ents], kept)
            hits += [_hit(extent, unit, order, offset, kept) for order, extent in enumerate(extents, len(hits))]
    return hits


def _hit(extent: Extent, unit: Unit, order: int, offset: int, kept: KeptTokens) -> Hit:
    start, end = kept.char_span(extent.start, extent.end)
    sentence_start, sentence_end = kept.sentence(extent.start)
    listed = []
    for number, part, token in extent.tasks:
        begin, stop = kept.char_span(token, token + 1)
        listed.append((number, part, offset + begin, offset + stop))
    return Hit(
        label=extent.label,
        tokens=kept.read(extent.start, extent.end),
        unit=unit,
        order=order,
        start=offset + start,
        end=offset + end,
        sentence_start=offset + sentence_start,
        sentence_end=offset + sentence_end,
        offset=offset,
        before=kept.lower(extent.start - 1) if extent.start else None,
        paragraphs=extent.paragraphs,
        listed_tasks=tuple(listed),
    )


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
