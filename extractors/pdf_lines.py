"""Words into lines: a page's words grouped by baseline, each line's measures
(box, size, font, text with and without superscripts) taken once it is complete,
then settled into a compact record for the document-wide layout steps."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

from extractors.bullets import SYMBOL_BULLETS

if TYPE_CHECKING:
    from extractors.pdf_words import Box, Word

_SYMBOL_FONT = re.compile(r"symbol|wingding|dingbat|webding", re.I)
_PRIVATE_USE = re.compile("^[\ue000-\uf8ff]$")
_TOP_LEFT = attrgetter("top", "x0")  # sort keys read in C: a lambda per word adds up
_LEFT = attrgetter("x0")
_SMALLER = 0.85  # a word set below this share of the line's size may be a superscript


@dataclass
class Line:
    """Words sharing a baseline, as ``group_lines`` gathers them; ``settle``
    measures it once it is complete."""

    words: list[Word]
    page: int

    def settle(self) -> SettledLine:
        """The complete line as the layout steps read it (see ``SettledLine``)."""
        return SettledLine(self.words, self.page)


class SettledLine:
    """A complete line with its measures taken at once, in slots, so that a long
    document keeps its lines, not its words: the words stay only where one may
    be a footnote's number (a short number opening the line) or its mark (a
    number set smaller than the line), which are told only once every page is
    read.

    Most lines are set in one size: their measures come from one pass over the
    words. A line of several sizes (or of sizes too small to tell a superscript
    by) is measured by the general functions below, which find its body words."""

    __slots__ = (
        "page", "x0", "x1", "top", "bottom", "box", "size", "text", "body_text", "font", "artifact", "element",
        "first_width", "words", "_baseline",
    )

    def __init__(self, words: list[Word], page: int) -> None:
        self.page = page
        first = words[0]
        size, element = first.size, first.element
        x0, top, x1, bottom, one_size, one_element, artifact, longest, text = line_measures(words)
        self.box = box = (x0, top, x1, bottom)
        self.x0, self.x1 = x0, x1
        self.text = text
        self.artifact = artifact
        self.element = element if one_element else most_common([word.element for word in words])
        self.first_width = first.x1 - first.x0
        rounded = round(size, 1)
        numbered = leading_number(words) is not None
        if one_size and not size < _SMALLER * rounded:  # no word smaller than the line: all are body words
            self.size, self.top, self.bottom, self.body_text, self.font = rounded, top, bottom, text, longest.font
            keep = numbered
        else:
            self.size = size = line_size(words)
            body = body_words(words, size)
            self.top, self.bottom = body_top(words, body, box), body_bottom(words, body, box)
            self.body_text = text if len(body) == len(words) else join_words(body)
            self.font = body_font(body)
            keep = numbered or any(word.size < _SMALLER * size and word.text.isdigit() for word in words)
        if keep:
            self.words, self._baseline = words, baseline(words, self.size)
        else:
            self.words = ()

    def is_superscript(self, word: Word) -> bool:
        return superscript(word, self.size, self._baseline)


def python_line_measures(words: list[Word]) -> tuple:
    """What one pass over a line's words tells: its extreme coordinates (x0,
    top, x1, bottom), whether every word has the first's size and element,
    whether all are artifacts, the first longest word, and the joined text.
    Compiled in ``_layout.c``."""
    first = words[0]
    x0, top, x1, bottom = first.x0, first.top, first.x1, first.bottom
    size, longest, element = first.size, first, first.element
    one_size = one_element = artifact = True
    for word in words:
        x0 = word.x0 if word.x0 < x0 else x0
        top = word.top if word.top < top else top
        x1 = word.x1 if word.x1 > x1 else x1
        bottom = word.bottom if word.bottom > bottom else bottom
        one_size = one_size and word.size == size
        one_element = one_element and word.element == element
        artifact = artifact and word.artifact
        longest = word if len(word.text) > len(longest.text) else longest
    return x0, top, x1, bottom, one_size, one_element, artifact, longest, join_words(words)


def leading_number(words: list[Word]) -> int | None:
    """The number opening a line, where it is short (three digits at most) and
    text follows it: a footnote's number, if the line is a footnote's."""
    if len(words) > 1 and len(words[0].text) <= 3 and words[0].text.isdigit():
        return int(words[0].text)
    return None


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
    return word.size < _SMALLER * size and word.bottom < line_baseline - 0.15 * size


def body_words(words: list[Word], size: float) -> list[Word]:
    """The words at the line's own size: superscripts left out (all the words,
    the same list, where none is smaller)."""
    smaller = _SMALLER * size
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
    """Words into lines, top to bottom (``line_groups``), each line's words left
    to right, its first word as the bullet it prints."""
    groups = line_groups(sorted(words, key=_TOP_LEFT))
    for group in groups:
        group.sort(key=_LEFT)
        group[0] = _as_bullet(group[0])
    return [Line(words=group, page=page) for group in groups]


def python_line_groups(words: list[Word]) -> list[list[Word]]:
    """Words (sorted top to bottom, then left to right) into lines: a word joins
    the open line when they overlap vertically by at least half the shorter of
    the two (so superscript marks stay on their line). One pass: the open
    line's extent is kept as it grows. Compiled in ``_layout.c``."""
    groups: list[list[Word]] = []
    current: list[Word] = []
    top = bottom = 0.0
    for word in words:
        word_top, word_bottom = word.top, word.bottom
        if current:
            # min() and max() written out (as they order their arguments): a call each per word adds up
            overlap = (word_bottom if word_bottom < bottom else bottom) - (word_top if word_top > top else top)
            word_height, line_height = word_bottom - word_top, bottom - top
            if overlap >= 0.5 * ((line_height if line_height < word_height else word_height) or 1.0):
                current.append(word)
                top = word_top if word_top < top else top
                bottom = word_bottom if word_bottom > bottom else bottom
                continue
        current = [word]
        groups.append(current)
        top, bottom = word_top, word_bottom
    return groups


def _as_bullet(word: Word) -> Word:
    """A line's first word as a printed bullet where it is a symbol font's or a
    private-use glyph (Word's Symbol bullet is U+F0B7, or "·" in the Symbol font)."""
    text = word.text
    if len(text) != 1:
        return word
    if _PRIVATE_USE.match(text):
        return word._replace(text=SYMBOL_BULLETS.get(text, "•"))
    symbol = chr(0xF000 + ord(text)) if ord(text) < 0x100 else ""
    if symbol in SYMBOL_BULLETS and _SYMBOL_FONT.search(word.font):
        return word._replace(text=SYMBOL_BULLETS[symbol])
    return word


try:  # the compiled twins, built at install time where a C compiler was found
    from extractors._layout import line_groups, line_measures
except ImportError:
    line_groups, line_measures = python_line_groups, python_line_measures
