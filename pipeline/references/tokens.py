"""A doc's tokens as the tokenizer kept them (``SymbolTokenizer``): each token's
text and norm, offset and symbol, read once per doc, and where its sentences
start, told from the tokens' texts by spaCy's sentencizer rule. The readers of
mentions' extents and the hits read these rather than spaCy's ``Token``
objects, each of which costs a Python object per look."""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pipeline.symbols import Symbol


class HitToken(NamedTuple):
    """One token of a hit, as spaCy read it; ``idx`` counts from the start of
    the piece of the unit spaCy read (the hit's ``offset``). A named tuple: a
    long document's hits make tens of thousands."""

    text: str
    lower_: str
    idx: int
    is_digit: bool
    symbol: Symbol | None


class KeptTokens:
    """What the tokenizer kept of one doc (``doc._.kept``): the text it read
    (``source``), each token's text and norm (``keys``) and offset
    (``starts``), the symbols by token index and their kinds, the labels whose
    text screens the pre-filter saw the text pass (``text_labels``; None where
    it did not read them), and where sentences start (``sentence_starts``,
    told on the first look)."""

    __slots__ = ("source", "keys", "starts", "symbols", "symbol_kinds", "text_labels", "_sentences")

    def __init__(
        self,
        source: str,
        keys: list[tuple[str, str]],
        starts: list[int],
        symbols: dict[int, Symbol] | None = None,
        text_labels: frozenset[str] | None = None,
    ):
        self.source, self.keys, self.starts = source, keys, starts
        self.symbols = symbols or {}
        self.symbol_kinds = frozenset(symbol.kind for symbol in self.symbols.values())
        self.text_labels = text_labels
        self._sentences: list[int] | None = None

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
        sentences = self._sentences
        if sentences is None:
            sentences = self._sentences = sentence_starts(self.keys)
        after = bisect_right(sentences, start)
        last = (sentences[after] if after < len(sentences) else len(self.keys)) - 1
        return self.starts[sentences[after - 1]], self.starts[last] + len(self.keys[last][0])


def sentence_starts(keys: list[tuple[str, str]]) -> list[int]:
    """The indexes of the tokens (``keys``: text and norm) that start a
    sentence, by spaCy's sentencizer rule: the first token, and each first token
    that is not punctuation after one of the sentencizer's sentence-ending
    characters (only punctuation between them)."""
    enders = _sentence_enders()
    starts = [0]
    after = 0  # tokens before this one are read
    count = len(keys)
    for ender in [index for index, (text, _) in enumerate(keys) if text in enders]:
        if ender < after:
            continue
        start = ender + 1
        while start < count and (keys[start][0] in enders or _is_punctuation(keys[start][0])):
            start += 1
        if start == count:
            break
        starts.append(start)
        after = start
    return starts


@cache
def _sentence_enders() -> frozenset[str]:
    """The characters (as tokens) after which spaCy's sentencizer starts a sentence."""
    from spacy.pipeline import Sentencizer

    return frozenset(Sentencizer.default_punct_chars)


def _is_punctuation(text: str) -> bool:
    """spaCy's ``is_punct`` of a token with this text (its lexeme's flag)."""
    from pipeline.references.nlp import pipeline  # the module that builds the docs these tokens are kept from

    return pipeline().vocab[text].is_punct


def symbol_of_kind(symbol, *kinds: str):
    """``symbol`` when it is one of ``kinds``; else None."""
    return symbol if symbol is not None and symbol.kind in kinds else None
