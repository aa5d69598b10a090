"""Lines → paragraphs: the layout half of the PDF reader, on settled lines
(``pdf_lines``) made from any backend's words (``pdf_words``). Nothing here
knows pdfplumber or PDFium.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING

from extractors.pdf_lines import most_common

if TYPE_CHECKING:
    from extractors.pdf_lines import SettledLine
    from extractors.pdf_words import Box, Word

# A line that opens with one of these starts a paragraph of its own.
LABEL_OPENER = re.compile(
    r"^(?:\d{1,3}\.|\(?[a-z]\)|\(?[ivx]{1,5}[.)]|[·•−–▪◦‣-]|Recommendation\s+\d+\s*:)(?:\s|$)"
)
# Bullets proper (not dashes, which a wrapped line may also start with): a line
# opening with one starts an item wherever it is indented.
BULLET_OPENER = re.compile(r"^[·•▪◦‣◆❖➢✓](?:\s|$)")
_SENTENCE_END = re.compile(r"[.:;!?][\"'”’)\]]*$")


@dataclass
class Paragraph:
    """Lines of one paragraph, in reading order (it may span pages)."""

    lines: list[SettledLine]

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def box(self) -> Box:
        """The box around the paragraph's lines on its first page."""
        if len(self.lines) == 1:
            return self.lines[0].box
        page = self.lines[0].page
        x0s, tops, x1s, bottoms = zip(*(line.box for line in self.lines if line.page == page))
        return min(x0s), min(tops), max(x1s), max(bottoms)

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


@dataclass(frozen=True)
class Flow:
    """A column of text (the page body or one table cell) that lines wrap within."""

    left: float
    right: float

    @classmethod
    def in_box(cls, lines: list[SettledLine], box: Box) -> Flow:
        """The flow of a table cell: its text keeps the same margin on both sides."""
        if not lines:
            return cls(left=box[0], right=box[2])
        left = min(line.x0 for line in lines)
        return cls(left=left, right=box[2] - max(0.0, left - box[0]))


def paragraphs(lines: list[SettledLine], flow: Flow, leading: float) -> list[Paragraph]:
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


def starts_paragraph(paragraph: Paragraph, line: SettledLine, flow: Flow, leading: float) -> bool:
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


def _ended_short(previous: SettledLine, line: SettledLine, flow: Flow) -> bool:
    """The next line's first word would have fitted on ``previous``: the author
    broke the line, the text did not wrap."""
    room = line.first_width + 0.3 * line.size
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


def usual_leading(lines: list[SettledLine]) -> float:
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
        characters, undecodable = tally_words(words, self._sizes)
        self.words += len(words)
        self.characters += characters
        self.undecodable += undecodable

    @property
    def body_size(self) -> float:
        """The font size (to a tenth of a point) of most characters of the
        document, the first counted where two tie."""
        if not self._sizes:
            return 0.0
        return most_common([round(size, 1) for size in self._sizes], list(self._sizes.values()))


def python_tally_words(words: list[Word], sizes: dict[float, int]) -> tuple[int, int]:
    """Count a page's words: the characters of each font size added to
    ``sizes``; the characters in all and those read as U+FFFD returned.
    Compiled in ``_layout.c``."""
    characters = undecodable = 0
    for word in words:
        text = word.text
        characters += len(text)
        undecodable += text.count("\ufffd")
        sizes[word.size] = sizes.get(word.size, 0) + len(text)
    return characters, undecodable


try:  # the compiled twin, built at install time where a C compiler was found
    from extractors._layout import tally_words
except ImportError:
    tally_words = python_tally_words
