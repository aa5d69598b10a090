"""Page furniture: running headers, page numbers, repeated table header rows.

Furniture is recognised by repetition across pages plus position, never by a
fixed band of the page that could swallow a real heading:

- a line among the first or last few of a page whose text stands at the same
  height on another page;
- a page counter ("3", "page 3", "Annex, page 3", "- 3 -") among those lines,
  together with the lines of its group that repeat text found elsewhere in the
  document (the symbol above "page 2" repeats the symbol of the first page);
- in a tagged PDF, words the file itself marks as artifacts.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from extractors.pdf_lines import SettledLine

PAGE_COUNTER = re.compile(
    r"^(?:[A-Za-z]+(?: [A-Z]+)?,?\s+)?(?:page|p\.)\s*\d{1,4}(?:\s+of\s+\d{1,4})?$|^[-–—]?\s*\d{1,4}\s*[-–—]?$", re.I
)
EDGE_LINES = 3
_NUMBER = re.compile(r"\d+")
_SAME_HEIGHT = 3.0


def furniture(pages: list[list[SettledLine]]) -> set[int]:
    """``id()``s of the lines that are page furniture; ``pages`` holds each
    page's lines outside tables, top to bottom."""
    found = {id(line) for lines in pages for line in lines if line.artifact}
    edges = [_edge_groups(lines) for lines in pages]
    heights: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
    for number, groups in enumerate(edges):
        for where, group in groups.items():
            for line in group:
                heights[(where, line.text)].append((number, _height(line, where)))
    occurrences = Counter(line.text for lines in pages for line in lines)

    for number, groups in enumerate(edges):
        for where, group in groups.items():
            counters = [line for line in group if _counts_pages(line.text, len(pages))]
            for line in group:
                spot = _height(line, where)
                repeated = any(
                    other != number and abs(height - spot) <= _SAME_HEIGHT
                    for other, height in heights[(where, line.text)]
                )
                beside_counter = bool(counters) and occurrences[line.text] > 1
                if repeated or beside_counter or any(line is counter for counter in counters):
                    found.add(id(line))
    return found


def _counts_pages(text: str, pages: int) -> bool:
    """A page counter whose number can be a page of this document ("2024" alone
    on the first line of a one-page letter is a year)."""
    return bool(PAGE_COUNTER.match(text)) and 0 < int(_NUMBER.search(text).group()) <= pages


def _edge_groups(lines: list[SettledLine]) -> dict[str, list[SettledLine]]:
    """The first and last few lines of a page, each group cut where a gap wider
    than a line separates it from the rest."""
    return {"top": _group(lines[:EDGE_LINES]), "bottom": _group(lines[::-1][:EDGE_LINES])}


def _group(lines: list[SettledLine]) -> list[SettledLine]:
    group = lines[:1]
    for previous, line in zip(lines, lines[1:]):
        gap = abs(line.top - previous.bottom) if line.top >= previous.bottom else abs(previous.top - line.bottom)
        if gap > 1.2 * max(line.size, previous.size):
            break
        group.append(line)
    return group


def _height(line: SettledLine, where: str) -> float:
    """Where a header line starts or a footer line ends: compared between pages."""
    return line.top if where == "top" else -line.bottom

