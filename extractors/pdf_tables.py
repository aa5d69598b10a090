"""Ruled tables read cell by cell, so that text of two columns never mixes.

Each table fragment (one table on one page) becomes rows of cells, each cell a
list of paragraphs. A fragment at the top of a page that goes on with the table
ending the previous page is joined to it: its repeated header row is dropped and
a row broken by the page break is joined to the row it continues.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from dataclasses import dataclass, field

from extractors.pdf_layout import Flow, Paragraph, continues, paragraphs
from extractors.pdf_lines import SettledLine
from extractors.pdf_words import Box, TableGrid, Word

_SAME_EDGE = 2.0  # points

@dataclass
class Cell:
    box: Box
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def flow(self) -> Flow:
        return Flow.in_box([line for paragraph in self.paragraphs for line in paragraph.lines], self.box)

    @property
    def text(self) -> str:
        """The cell's words without superscripts (a header's footnote mark is
        printed on the first page only)."""
        return " ".join(line.body_text for paragraph in self.paragraphs for line in paragraph.lines)


@dataclass
class Table:
    """A table as read so far, possibly from fragments on several pages."""

    rows: list[list[Cell]]


def ruled_grids(tables: Iterable) -> list[TableGrid]:
    """The tables pdfplumber's table finder made of a page's rules as grids of
    cell boxes (see ``table_grids``)."""
    return table_grids((tuple(table.bbox), tuple(tuple(row.cells) for row in table.rows)) for table in tables)


def table_grids(tables: Iterable[tuple[Box, tuple[tuple[Box | None, ...], ...]]]) -> list[TableGrid]:
    """Grids of the (box, rows of cell boxes) of ruled tables; a lone cell is a
    frame, not a table."""
    return [
        TableGrid(bbox=bbox, rows=rows) for bbox, rows in tables if len(rows) >= 2 or (rows and len(rows[0]) >= 2)
    ]


def take_table_words(words: list[Word], grid: TableGrid) -> tuple[list[list[list[Word]]], list[Word]]:
    """The words of each cell of ``grid`` (row by row) and the words outside it:
    a word belongs to the first row, in the grid's order, with a cell holding its
    middle. Rows are found by bisection on their tops, so the cost grows with
    the words, not with words × cells."""
    cells = [[[] for _ in row] for row in grid.rows]
    rows = [_present(row) for row in grid.rows]
    spans = [(min(box[1] for box in row), max(box[3] for box in row)) if row else (0.0, -1.0) for row in rows]
    tops = [top for top, _ in spans]
    ordered = tops == sorted(tops)
    reach = list(accumulate((bottom for _, bottom in spans), max))  # lowest bottom of rows 0 … i
    return cells, place_words(words, rows, tops, reach, ordered, cells)


def python_place_words(
    words: list[Word], rows: list[list[Box]], tops: list[float], reach: list[float], ordered: bool, cells: list
) -> list[Word]:
    """Put each word in the cell of the first row holding its middle (the rows
    searched by bisection on their ``tops`` where those are ``ordered``);
    returns the words outside every cell. Compiled in ``_layout.c``."""
    outside: list[Word] = []
    for word in words:
        x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2  # Word.middle, inlined: a call per word adds up
        candidates = _rows_holding(y, tops, reach) if ordered else range(len(rows))
        for row_index in candidates:
            column = next((c for c, box in enumerate(rows[row_index]) if _inside(x, y, box)), None)
            if column is not None:
                cells[row_index][column].append(word)
                break
        else:
            outside.append(word)
    return outside


def _rows_holding(y: float, tops: list[float], reach: list[float]) -> list[int]:
    """Indexes, in order, of the rows that may hold height ``y``: starting at or
    above it and reaching down to it."""
    found = []
    index = bisect_right(tops, y) - 1
    while index >= 0 and reach[index] >= y:
        found.append(index)
        index -= 1
    return found[::-1]


def read_fragment(grid: TableGrid, cell_lines: list[list[list[SettledLine]]], leading: float) -> Table:
    """One table fragment as rows of cells of paragraphs, from the lines of
    each cell (row by row, as ``take_table_words`` gives their words)."""
    rows: list[list[Cell]] = []
    for row, lines_of_row in zip(grid.rows, cell_lines):
        cells = []
        for box, lines in zip(_present(row), lines_of_row):
            cells.append(Cell(box=box, paragraphs=paragraphs(lines, Flow.in_box(lines, box), leading)))
        if any(cell.paragraphs for cell in cells):
            rows.append(cells)
    return Table(rows=rows)


def same_columns(table: Table, fragment: Table) -> bool:
    """Whether ``fragment`` has the columns of ``table``'s last row (so it can be
    the same table going on after a page break)."""
    if not table.rows or not fragment.rows:
        return False
    before = [cell.box[0] for cell in table.rows[-1]] + [table.rows[-1][-1].box[2]]
    after = [cell.box[0] for cell in fragment.rows[0]] + [fragment.rows[0][-1].box[2]]
    return len(before) == len(after) and all(abs(a - b) <= _SAME_EDGE for a, b in zip(before, after))


def join_fragment(table: Table, fragment: Table) -> list[list[Cell]]:
    """Add a later page's fragment to ``table``; returns the repeated header rows
    it dropped (furniture)."""
    dropped = []
    rows = list(fragment.rows)
    first_texts = [cell.text for cell in table.rows[0]] if table.rows else []
    while rows and [cell.text for cell in rows[0]] == first_texts:
        dropped.append(rows.pop(0))
    if rows and table.rows and len(rows[0]) == len(table.rows[-1]) and _goes_on(table.rows[-1], rows[0]):
        _merge_row(table.rows[-1], rows.pop(0))
    table.rows.extend(rows)
    return dropped


def _goes_on(before: list[Cell], after: list[Cell]) -> bool:
    """A row at the top of a page continues the row broken by the page break:
    its first cell is empty or goes on with the text of the one before."""
    first_after = after[0].paragraphs
    if not first_after:
        return True
    first_before = before[0].paragraphs
    return bool(first_before) and continues(first_before[-1], first_after[0], before[0].flow)


def _merge_row(row: list[Cell], rest: list[Cell]) -> None:
    for cell, more in zip(row, rest):
        pieces = list(more.paragraphs)
        if cell.paragraphs and pieces and continues(cell.paragraphs[-1], pieces[0], cell.flow):
            cell.paragraphs[-1].lines.extend(pieces.pop(0).lines)
        cell.paragraphs.extend(pieces)


def _present(row: tuple[Box | None, ...]) -> list[Box]:
    return [box for box in row if box is not None]


def _inside(x: float, y: float, box: Box) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


try:  # the compiled twin, built at install time where a C compiler was found
    from extractors._layout import place_words
except ImportError:
    place_words = python_place_words
