"""Words into lines: a page's words grouped by baseline, each line's measures
(box, size, font, text with and without superscripts) taken once it is complete,
then settled into a compact record for the document-wide layout steps."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

from extractors.docx_numbering import SYMBOL_BULLETS

if TYPE_CHECKING:
    from extractors.pdf_words import Box, Word

_SYMBOL_FONT = re.compile(r"symbol|wingding|dingbat|webding", re.I)
_PRIVATE_USE = re.compile("^[\ue000-\uf8ff]$")
_TOP_LEFT = attrgetter("top", "x0")  # sort keys read in C: a lambda per word adds up
_LEFT = attrgetter("x0")


class measured:
    """A property computed on first use and then stored on the instance, like
    ``functools.cached_property`` but without the lock that Python before 3.12
    takes on every first read (one per line and measure adds up)."""

    def __init__(self, function) -> None:
        self.function = function
        self.name = function.__name__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.function(instance)
        return value


@dataclass
class Line:
    """Words sharing a baseline, left to right. Its measures are taken on first
    use, once the line is complete (``group_lines`` makes it; nothing changes it
    after); ``settle`` takes them all at once."""

    words: list[Word]
    page: int

    @measured
    def x0(self) -> float:
        return self.box[0]

    @measured
    def x1(self) -> float:
        return self.box[2]

    @measured
    def top(self) -> float:
        return body_top(self.words, self._body_words, self.box)

    @measured
    def bottom(self) -> float:
        return body_bottom(self.words, self._body_words, self.box)

    @measured
    def box(self) -> Box:
        return extent(self.words)

    @measured
    def size(self) -> float:
        return line_size(self.words)

    @measured
    def _body_words(self) -> list[Word]:
        return body_words(self.words, self.size)

    @measured
    def body_text(self) -> str:
        """The line's text without superscripts."""
        return self.text if len(self._body_words) == len(self.words) else join_words(self._body_words)

    @measured
    def font(self) -> str:
        return body_font(self._body_words)

    @measured
    def artifact(self) -> bool:
        """Tagged PDF: every word of the line is marked as an artifact."""
        return all(word.artifact for word in self.words)

    @measured
    def text(self) -> str:
        return join_words(self.words)

    @measured
    def element(self) -> int | None:
        return most_common([word.element for word in self.words])

    @measured
    def first_width(self) -> float:
        """The width of the first word (would it have fitted on the line before?)."""
        return self.words[0].x1 - self.words[0].x0

    def is_superscript(self, word: Word) -> bool:
        return superscript(word, self.size, baseline(self.words, self.size))

    def settle(self) -> SettledLine:
        """The complete line as the document-wide steps read it (see ``SettledLine``)."""
        return SettledLine(self.words, self.page)


class SettledLine:
    """A complete line with its measures taken at once, in slots, so that a long
    document keeps its lines, not its words: the words stay only where one is a
    number (a footnote mark or the number opening a footnote, known only once
    every page is read). The measures are those of ``Line``, by the same functions."""

    __slots__ = (
        "page", "x0", "x1", "top", "bottom", "box", "size", "text", "body_text", "font", "artifact", "element",
        "first_width", "words", "_baseline",
    )

    def __init__(self, words: list[Word], page: int) -> None:
        self.page = page
        self.box = box = extent(words)
        self.x0, self.x1 = box[0], box[2]
        self.size = size = line_size(words)
        body = body_words(words, size)
        self.top, self.bottom = body_top(words, body, box), body_bottom(words, body, box)
        self.text = text = join_words(words)
        self.body_text = text if len(body) == len(words) else join_words(body)
        self.font = body_font(body)
        self.artifact = all(word.artifact for word in words)
        self.element = most_common([word.element for word in words])
        self.first_width = words[0].x1 - words[0].x0
        if any(word.text.isdigit() for word in words):
            self.words, self._baseline = words, baseline(words, size)
        else:
            self.words = ()

    def is_superscript(self, word: Word) -> bool:
        return superscript(word, self.size, self._baseline)


def extent(words: list[Word]) -> Box:
    """The box of all the words, superscripts included, in one pass."""
    x0, top, x1, bottom = words[0].x0, words[0].top, words[0].x1, words[0].bottom
    for word in words:
        x0 = word.x0 if word.x0 < x0 else x0
        top = word.top if word.top < top else top
        x1 = word.x1 if word.x1 > x1 else x1
        bottom = word.bottom if word.bottom > bottom else bottom
    return (x0, top, x1, bottom)


def line_size(words: list[Word]) -> float:
    """The font size most of the line's characters have; the first such size
    where two tie."""
    sizes = [word.size for word in words]
    if sizes.count(sizes[0]) == len(sizes):
        return round(sizes[0], 1)
    return most_common([round(size, 1) for size in sizes], [len(word.text) for word in words])


def baseline(words: list[Word], size: float) -> float:
    """The lowest bottom among the words at the line's size."""
    return max(word.bottom for word in words if abs(word.size - size) < 0.5)


def superscript(word: Word, size: float, line_baseline: float) -> bool:
    """A word set smaller than the line and raised above its baseline."""
    return word.size < 0.85 * size and word.bottom < line_baseline - 0.15 * size


def body_words(words: list[Word], size: float) -> list[Word]:
    """The words at the line's own size: superscripts left out (all the words,
    the same list, where none is smaller)."""
    smaller = 0.85 * size
    if not any(word.size < smaller for word in words):
        return words
    line_baseline = baseline(words, size)
    body = [word for word in words if not superscript(word, size, line_baseline)]
    return body or words


def body_top(words: list[Word], body: list[Word], box: Box) -> float:
    return box[1] if body is words else min([word.top for word in body])


def body_bottom(words: list[Word], body: list[Word], box: Box) -> float:
    return box[3] if body is words else max([word.bottom for word in body])


def body_font(body: list[Word]) -> str:
    """The font of the longest word at the line's own size."""
    return max(body, key=lambda word: len(word.text)).font


def most_common(keys: list, weights: list[int] | None = None) -> object:
    """The key of the largest total weight (each 1 unless given), the first
    seen on a tie (as ``Counter.most_common(1)``)."""
    if keys.count(keys[0]) == len(keys):
        return keys[0]
    counts: dict = {}
    for key, weight in zip(keys, weights or repeat(1)):
        counts[key] = counts.get(key, 0) + weight
    return max(counts.items(), key=itemgetter(1))[0]


def join_words(words: list[Word]) -> str:
    """Words of one line as text: a space between words, none where two pieces
    of one word touch (a font change inside a word splits it in two)."""
    text = ""
    previous: Word | None = None
    for word in words:
        if previous is not None and word.x0 - previous.x1 > 0.12 * max(word.size, previous.size, 1.0):
            text += " "
        text += word.text
        previous = word
    return text


def group_lines(words: list[Word], page: int) -> list[Line]:
    """Words into lines, top to bottom; a word joins a line it overlaps vertically
    by at least half its height (so superscript marks stay on their line). One
    pass after the sort: the open line's extent is kept as it grows."""
    lines: list[Line] = []
    top = bottom = 0.0
    for word in sorted(words, key=_TOP_LEFT):
        word_top, word_bottom = word.top, word.bottom
        if lines and _overlaps(word_top, word_bottom, top, bottom):
            lines[-1].words.append(word)
            top = word_top if word_top < top else top
            bottom = word_bottom if word_bottom > bottom else bottom
        else:
            lines.append(Line(words=[word], page=page))
            top, bottom = word_top, word_bottom
    for line in lines:
        line.words.sort(key=_LEFT)
        line.words[0] = _as_bullet(line.words[0])
    return lines


def _as_bullet(word: Word) -> Word:
    """A line's first word as a printed bullet where it is a symbol font's or a
    private-use glyph (Word's Symbol bullet is U+F0B7, or "·" in the Symbol font)."""
    text = word.text
    if len(text) != 1:
        return word
    if _PRIVATE_USE.match(text):
        return replace(word, text=SYMBOL_BULLETS.get(text, "•"))
    symbol = chr(0xF000 + ord(text)) if ord(text) < 0x100 else ""
    if symbol in SYMBOL_BULLETS and _SYMBOL_FONT.search(word.font):
        return replace(word, text=SYMBOL_BULLETS[symbol])
    return word


def _overlaps(word_top: float, word_bottom: float, top: float, bottom: float) -> bool:
    """Whether a word spanning ``word_top`` … ``word_bottom`` overlaps the line
    spanning ``top`` … ``bottom`` by half the shorter of the two."""
    # min() and max() written out (as they order their arguments): a call each per word adds up
    overlap = (word_bottom if word_bottom < bottom else bottom) - (word_top if word_top > top else top)
    word_height, line_height = word_bottom - word_top, bottom - top
    shortest = (line_height if line_height < word_height else word_height) or 1.0
    return overlap >= 0.5 * shortest
