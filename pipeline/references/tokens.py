"""A doc's tokens as the tokenizer kept them (``SymbolTokenizer``): each token's
text and norm, offset and symbol, and where sentences start, read once per doc.
The readers of mentions' extents and the hits read these rather than spaCy's
``Token`` objects, each of which costs a Python object per look."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.references.nlp import symbol_of_kind

if TYPE_CHECKING:
    from pipeline.symbols import Symbol


@dataclass(frozen=True, slots=True)
class HitToken:
    """One token of a hit, as spaCy read it; ``idx`` counts from the start of
    the piece of the unit spaCy read (the hit's ``offset``)."""

    text: str
    lower_: str
    idx: int
    is_digit: bool
    symbol: Symbol | None


class KeptTokens:
    """The tokens of one doc: ``keys`` (text and norm), ``starts`` (offsets),
    ``symbols`` (by token index) and ``sentences`` (the tokens that start one)."""

    __slots__ = ("keys", "starts", "symbols", "sentences")

    def __init__(self, keys: list[tuple[str, str]], starts: list[int], symbols: dict[int, Symbol], sentences: list[int]):
        self.keys, self.starts, self.symbols, self.sentences = keys, starts, symbols, sentences

    @classmethod
    def of_doc(cls, doc) -> KeptTokens:
        """What the tokenizer and the sentencizer kept on ``doc``."""
        return cls(doc._.token_keys, doc._.token_starts, doc._.symbols, sentence_starts(doc))

    def __len__(self) -> int:
        return len(self.keys)

    def text(self, index: int) -> str:
        return self.keys[index][0]

    def lower(self, index: int) -> str:
        """The token's text lower-cased (spaCy's ``Token.lower_``)."""
        return self.keys[index][0].lower()

    def symbol(self, index: int, *kinds: str) -> Symbol | None:
        """The symbol token ``index`` is, when it is one of ``kinds``; else None."""
        return symbol_of_kind(self.symbols.get(index), *kinds)

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        """Where tokens ``start`` … ``end`` (exclusive) stand, in characters."""
        return self.starts[start], self.starts[end - 1] + len(self.keys[end - 1][0])

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


def sentence_starts(doc) -> list[int]:
    """The indexes of the tokens that start a sentence, the first token always."""
    return [0] + [index for index, start in enumerate(doc.to_array("SENT_START").tolist()) if start == 1 and index]
