"""Page geometry → lines → paragraphs: the layout half of the PDF reader.

The input is deliberately narrow (``PageWords``: words with a box, a font name and
size, and what a tagged PDF says about them; ruled table cells) so that any PDF
backend can feed the same code. Nothing here knows pdfplumber.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import repeat
from operator import itemgetter
from statistics import median

from extractors.docx_numbering import SYMBOL_BULLETS

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points

# A line that opens with one of these starts a paragraph of its own.
LABEL_OPENER = re.compile(
    r"^(?:\d{1,3}\.|\(?[a-z]\)|\(?[ivx]{1,5}[.)]|[·•−–▪◦‣-]|Recommendation\s+\d+\s*:)(?:\s|$)"
)
# Bullets proper (not dashes, which a wrapped line may also start with): a line
# opening with one starts an item wherever it is indented.
BULLET_OPENER = re.compile(r"^[·•▪◦‣◆❖➢✓](?:\s|$)")
_SYMBOL_FONT = re.compile(r"symbol|wingding|dingbat|webding", re.I)
_PRIVATE_USE = re.compile("^[\ue000-\uf8ff]$")
_SENTENCE_END = re.compile(r"[.:;!?][\"'”’)\]]*$")


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


@dataclass(slots=True)
class Word:
    """One word as a PDF backend reads it; ``top`` grows downwards."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font: str = ""
    size: float = 0.0
    element: int | None = None  # tagged PDF: index of the structure element holding it
    artifact: bool = False  # tagged PDF: marked as an artifact (page furniture)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2


@dataclass(frozen=True)
class TableGrid:
    """A ruled table found on a page: its rows of cell boxes (None where merged)."""

    bbox: Box
    rows: tuple[tuple[Box | None, ...], ...]


@dataclass
class PageWords:
    """Everything the layout code needs from one page."""

    number: int
    words: list[Word]
    tables: list[TableGrid] = field(default_factory=list)
    has_images: bool = False


@dataclass
class Line:
    """Words sharing a baseline, left to right. Its measures are taken once the
    line is complete (``group_lines`` makes it; nothing changes it after)."""

    words: list[Word]
    page: int

    @measured
    def x0(self) -> float:
        return self._extent[0]

    @measured
    def x1(self) -> float:
        return self._extent[2]

    @measured
    def top(self) -> float:
        body = self._body_words
        return self._extent[1] if body is self.words else min([word.top for word in body])

    @measured
    def bottom(self) -> float:
        body = self._body_words
        return self._extent[3] if body is self.words else max([word.bottom for word in body])

    @measured
    def box(self) -> Box:
        return self._extent

    @measured
    def _extent(self) -> Box:
        """The box of all the line's words, superscripts included, in one pass."""
        words = self.words
        x0, top, x1, bottom = words[0].x0, words[0].top, words[0].x1, words[0].bottom
        for word in words:
            x0 = word.x0 if word.x0 < x0 else x0
            top = word.top if word.top < top else top
            x1 = word.x1 if word.x1 > x1 else x1
            bottom = word.bottom if word.bottom > bottom else bottom
        return (x0, top, x1, bottom)

    @measured
    def size(self) -> float:
        """The font size most of the line's characters have (asked once the
        line is complete); the first such size where two tie."""
        sizes = [word.size for word in self.words]
        if sizes.count(sizes[0]) == len(sizes):
            return round(sizes[0], 1)
        return _most_common([round(size, 1) for size in sizes], [len(word.text) for word in self.words])

    @measured
    def _body_words(self) -> list[Word]:
        """The words at the line's own size: superscripts left out."""
        smaller = 0.85 * self.size
        if not any(word.size < smaller for word in self.words):
            return self.words
        words = [word for word in self.words if not self.is_superscript(word)]
        return words or self.words

    @measured
    def body_text(self) -> str:
        """The line's text without superscripts."""
        body = self._body_words
        return self.text if len(body) == len(self.words) else join_words(body)

    @measured
    def font(self) -> str:
        """The font of the line's longest word at its own size."""
        return max(self._body_words, key=lambda word: len(word.text)).font

    @measured
    def artifact(self) -> bool:
        """Tagged PDF: every word of the line is marked as an artifact."""
        return all(word.artifact for word in self.words)

    def is_superscript(self, word: Word) -> bool:
        size = self.size
        return word.size < 0.85 * size and word.bottom < self._baseline - 0.15 * size

    @measured
    def _baseline(self) -> float:
        size = self.size
        return max(word.bottom for word in self.words if abs(word.size - size) < 0.5)

    @measured
    def text(self) -> str:
        return join_words(self.words)

    @measured
    def element(self) -> int | None:
        return _most_common([word.element for word in self.words])

    def settle(self) -> None:
        """Take every measure now and let go of the words no later step reads,
        so that a long document keeps its lines, not its words: the first word
        stays (whether the next line's would have fitted on the one before),
        and all of them where one is a number (a footnote mark or the number
        opening a footnote, known only once every page is read)."""
        for name in _SETTLED_MEASURES:
            getattr(self, name)
        if not any(word.text.isdigit() for word in self.words):
            del self.__dict__["_body_words"]
            self.words = self.words[:1]


_SETTLED_MEASURES = ("x0", "x1", "top", "bottom", "box", "size", "text", "body_text", "font", "artifact", "element")


def _most_common(keys: list, weights: list[int] | None = None) -> object:
    """The key of the largest total weight (each 1 unless given), the first
    seen on a tie (as ``Counter.most_common(1)``)."""
    if keys.count(keys[0]) == len(keys):
        return keys[0]
    counts: dict = {}
    for key, weight in zip(keys, weights or repeat(1)):
        counts[key] = counts.get(key, 0) + weight
    return max(counts.items(), key=itemgetter(1))[0]


@dataclass
class Paragraph:
    """Lines of one paragraph, in reading order (it may span pages)."""

    lines: list[Line]

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def box(self) -> Box:
        boxes = [line.box for line in self.lines if line.page == self.page]
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


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
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        word_top, word_bottom = word.top, word.bottom
        if lines and _overlaps(word_top, word_bottom, top, bottom):
            lines[-1].words.append(word)
            top = word_top if word_top < top else top
            bottom = word_bottom if word_bottom > bottom else bottom
        else:
            lines.append(Line(words=[word], page=page))
            top, bottom = word_top, word_bottom
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
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


@dataclass(frozen=True)
class Flow:
    """A column of text (the page body or one table cell) that lines wrap within."""

    left: float
    right: float

    @classmethod
    def in_box(cls, lines: list[Line], box: Box) -> Flow:
        """The flow of a table cell: its text keeps the same margin on both sides."""
        if not lines:
            return cls(left=box[0], right=box[2])
        left = min(line.x0 for line in lines)
        return cls(left=left, right=box[2] - max(0.0, left - box[0]))


def paragraphs(lines: list[Line], flow: Flow, leading: float) -> list[Paragraph]:
    """Split consecutive lines of one flow into paragraphs.

    ``leading`` is the document's usual gap between two lines of one paragraph
    (bottom of one to top of the next), as a fraction of the font size.
    """
    found: list[Paragraph] = []
    for line in lines:
        if found and not starts_paragraph(found[-1], line, flow, leading):
            found[-1].lines.append(line)
        else:
            found.append(Paragraph(lines=[line]))
    return found


def starts_paragraph(paragraph: Paragraph, line: Line, flow: Flow, leading: float) -> bool:
    """Whether ``line`` opens a new paragraph after ``paragraph`` on the same page."""
    previous = paragraph.lines[-1]
    if previous.element is not None and line.element is not None:
        return previous.element != line.element
    size = max(previous.size, line.size)
    if abs(previous.size - line.size) > 0.6:
        return True
    if line.top - previous.bottom > (leading + 0.35) * size:
        return True
    if LABEL_OPENER.match(line.text) and line.x0 <= paragraph.lines[0].x0 + 2:
        return True
    if BULLET_OPENER.match(line.text):
        return True
    if len(paragraph.lines) >= 2 and abs(line.x0 - paragraph.lines[1].x0) > 2:
        return True
    return _ended_short(previous, line, flow)


def _ended_short(previous: Line, line: Line, flow: Flow) -> bool:
    """The next line's first word would have fitted on ``previous``: the author
    broke the line, the text did not wrap."""
    first = line.words[0]
    room = first.x1 - first.x0 + 0.3 * line.size
    width = flow.right - flow.left
    if previous.x0 - flow.left > 0.2 * width:  # centred or right-aligned line
        return (previous.x1 - previous.x0) + room < width - 0.2 * width
    return previous.x1 + room < flow.right - 1


def continues(before: Paragraph, after: Paragraph, flow: Flow) -> bool:
    """Whether ``after`` (first on a new page or cell fragment) goes on with
    ``before``: the last line of ``before`` was full and the text reads on."""
    text = after.lines[0].text
    if LABEL_OPENER.match(text) or _ended_short(before.lines[-1], after.lines[0], flow):
        return False
    return text[:1].islower() or not _SENTENCE_END.search(before.lines[-1].text)


def usual_leading(lines: list[Line]) -> float:
    """The most common gap between consecutive lines, as a fraction of the font size."""
    gaps = []
    for previous, line in zip(lines, lines[1:]):
        if line.page == previous.page and abs(line.size - previous.size) < 0.6 and line.size > 0:
            gap = (line.top - previous.bottom) / line.size
            if -0.5 < gap < 2.0:
                gaps.append(round(gap, 2))
    if not gaps:
        return 0.3
    common = Counter(gaps).most_common(1)[0][0]
    return max(0.0, min(common, median(gaps)))


class WordTally:
    """Running counts over a document's words as its pages are read: the
    characters of each font size and those a reader could not decode."""

    def __init__(self) -> None:
        self.words = 0
        self.characters = 0
        self.undecodable = 0  # characters read as U+FFFD
        self._sizes: dict[float, int] = {}  # characters of each size as read, before rounding

    def add(self, words: list[Word]) -> None:
        """Count one page's words."""
        sizes = self._sizes
        texts = [word.text for word in words]
        self.words += len(words)
        self.characters += sum(map(len, texts))
        self.undecodable += "".join(texts).count("\ufffd")
        for word in words:
            sizes[word.size] = sizes.get(word.size, 0) + len(word.text)

    @property
    def body_size(self) -> float:
        """The font size (to a tenth of a point) of most characters of the
        document, the first counted where two tie."""
        if not self._sizes:
            return 0.0
        return _most_common([round(size, 1) for size in self._sizes], list(self._sizes.values()))
