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
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from pipeline.model import Mention
from pipeline.references.extents import ParagraphReading, extend_mentions, read_paragraphs, read_tasks
from pipeline.references.nlp import pipeline, screening
from pipeline.references.units import Unit

if TYPE_CHECKING:
    from spacy.tokens import Span

    from pipeline.symbols import Symbol

PIECE = 100_000  # characters handed to spaCy at most in one call
BATCH = 64


@dataclass(frozen=True, slots=True)
class HitToken:
    """One token of a hit, as spaCy read it; ``idx`` counts from the start of
    the piece of the unit spaCy read (the hit's ``offset``)."""

    text: str
    lower_: str
    idx: int
    is_digit: bool
    symbol: Symbol | None


@dataclass(frozen=True, slots=True)
class Hit:
    """One match of the rules: its label, its tokens, the unit it stands in,
    where in the unit it and its sentence stand, and where the piece of the unit
    that spaCy read starts (``offset``). A paragraph mention carries its reading
    ("paragraphs 17 to 24 of document …"); a task mention the tasks it lists."""

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
        extend_mentions(doc)
        ents = doc.ents
        if ents:
            kept = KeptTokens(doc._.token_keys, doc._.token_starts, doc._.symbols, sentence_starts(doc))
            hits += [_hit(span, unit, order, offset, kept) for order, span in enumerate(ents, len(hits))]
    return hits


def sentence_starts(doc) -> list[int]:
    """The indexes of the tokens that start a sentence, the first token always."""
    return [0] + [index for index, start in enumerate(doc.to_array("SENT_START").tolist()) if start == 1 and index]


class KeptTokens(NamedTuple):
    """What the tokenizer kept on a doc of its tokens (``SymbolTokenizer``),
    read once per doc: a spaCy ``Token`` and its extension object per token cost more."""

    keys: list[tuple[str, str]]  # text and norm
    starts: list[int]
    symbols: dict[int, Symbol]
    sentences: list[int]  # the tokens that start a sentence (``sentence_starts``)

    def read(self, start: int, end: int) -> tuple[HitToken, ...]:
        """Tokens ``start`` … ``end`` as a hit keeps them."""
        keys, starts, symbols = self.keys, self.starts, self.symbols
        return tuple(
            HitToken(keys[i][0], keys[i][0].lower(), starts[i], keys[i][0].isdigit(), symbols.get(i))
            for i in range(start, end)
        )

    def sentence(self, start: int) -> tuple[int, int]:
        """Where the sentence of a span beginning at token ``start`` starts and
        ends, in characters: as spaCy's ``Span.sent``, the sentence holding the
        span's first token (only that one where the span runs on past it)."""
        sentences = self.sentences
        after = bisect_right(sentences, start)
        last = (sentences[after] if after < len(sentences) else len(self.keys)) - 1
        return self.starts[sentences[after - 1]], self.starts[last] + len(self.keys[last][0])


def _hit(span: Span, unit: Unit, order: int, offset: int, kept: KeptTokens) -> Hit:
    doc, label = span.doc, span.label_
    sentence_start, sentence_end = kept.sentence(span.start)
    listed = ()
    if label == "TASK":
        numbers, _ = read_tasks(doc, span.start)
        listed = tuple(
            (number, part, offset + doc[token].idx, offset + doc[token].idx + len(doc[token].text))
            for number, part, token in numbers
        )
    return Hit(
        label=label,
        tokens=kept.read(span.start, span.end),
        unit=unit,
        order=order,
        start=offset + span.start_char,
        end=offset + span.end_char,
        sentence_start=offset + sentence_start,
        sentence_end=offset + sentence_end,
        offset=offset,
        before=kept.keys[span.start - 1][0].lower() if span.start else None,
        paragraphs=read_paragraphs(doc, span.start) if label == "PARAGRAPHS" else None,
        listed_tasks=listed,
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
