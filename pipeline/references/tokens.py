"""A doc's tokens as the tokenizer kept them (``SymbolTokenizer``): each token's
text and norm, offset and symbol, read once per doc, and where its sentences
start, told from the tokens' texts by spaCy's sentencizer rule. The readers of
mentions' extents and the hits read these rather than spaCy's ``Token``
objects, each of which costs a Python object per look."""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from pipeline.references.nlp import pipeline, symbol_of_kind

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
    """The tokens of one doc: ``keys`` (text and norm), ``starts`` (offsets),
    ``symbols`` (by token index) and where sentences start (``sentence_starts``,
    told on the first look)."""

    __slots__ = ("keys", "starts", "symbols", "_sentences")

    def __init__(self, keys: list[tuple[str, str]], starts: list[int], symbols: dict[int, Symbol]):
        self.keys, self.starts, self.symbols = keys, starts, symbols
        self._sentences: list[int] | None = None

    @classmethod
    def of_doc(cls, doc) -> KeptTokens:
        """What the tokenizer kept on ``doc``."""
        return cls(doc._.token_keys, doc._.token_starts, doc._.symbols)

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
    return pipeline().vocab[text].is_punct
