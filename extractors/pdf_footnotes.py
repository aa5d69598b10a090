"""Footnote areas at page bottoms and the superscript marks that point to them.

A footnote area is the run of lines at the bottom of a page set in a smaller font
than the body, starting with a footnote number. A mark is a superscript number
in a body line whose footnote exists in the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.blocks import FootnoteMark
from extractors.pdf_lines import SettledLine, join_words, leading_number

_SMALLER = 0.75  # points below the body size that set footnote text apart


@dataclass
class FootnoteText:
    number: int
    lines: list[SettledLine]


def split_footnote_area(lines: list[SettledLine], body_size: float) -> tuple[list[SettledLine], list[SettledLine]]:
    """A page's body lines and the lines of its footnote area (possibly none)."""
    start = len(lines)
    while start > 0 and 0 < lines[start - 1].size < body_size - _SMALLER:
        start -= 1
    while start < len(lines) and _leading_number(lines[start]) is None:
        start += 1
    return lines[:start], lines[start:]


def footnotes(area: list[SettledLine], after: int = 0) -> list[FootnoteText]:
    """The footnotes of one footnote area; ``after`` is the last number seen
    before, since footnote numbers only grow."""
    found: list[FootnoteText] = []
    for line in area:
        number = _leading_number(line)
        last = found[-1].number if found else after
        if number is not None and number > last:
            found.append(FootnoteText(number=number, lines=[SettledLine(line.words[1:], line.page)]))
        elif found:
            found[-1].lines.append(line)
    return [footnote for footnote in found if any(line.text for line in footnote.lines)]


def _leading_number(line: SettledLine) -> int | None:
    return leading_number(line.words)  # the words are kept on lines that open with one


def marked_text(line: SettledLine, numbers: set[int]) -> tuple[str, list[FootnoteMark]]:
    """The line's text without its footnote marks, and where the marks stood."""
    if not numbers or not any(word.text.isdigit() for word in line.words):
        return line.text, []
    kept = []
    marks: list[FootnoteMark] = []
    for word in line.words:
        if word.text.isdigit() and int(word.text) in numbers and line.is_superscript(word):
            marks.append(FootnoteMark(number=int(word.text), offset=len(join_words(kept))))
        else:
            kept.append(word)
    return join_words(kept), marks
