"""From the geometry of all pages to the blocks of a ``SourceDocument``.

Per page: ruled tables are cut out and read cell by cell; the remaining words
form lines; furniture and the footnote area are set apart; body lines form
paragraphs between the tables. Across pages: a paragraph or table row broken by
the page break is joined again. Every block carries its page and bounding box.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from extractors.blocks import Block, FootnoteMark, Role
from extractors.pdf_budget import Budget
from extractors.pdf_footnotes import FootnoteText, footnotes, marked_text, split_footnote_area
from extractors.pdf_furniture import furniture
from extractors.pdf_layout import Flow, Paragraph, WordTally, continues, paragraphs, usual_leading
from extractors.pdf_lines import SettledLine, group_lines
from extractors.pdf_tables import Table, join_fragment, read_fragment, same_columns, take_table_words
from extractors.pdf_words import PageWords, TableGrid, Word
from pipeline.model import Provenance
from pipeline.textnorm import join_line, normalize_space, vocabulary


@dataclass
class _Page:
    number: int
    lines: list[SettledLine]
    fragments: list[tuple[TableGrid, list[list[list[SettledLine]]]]]  # (grid, lines of each cell)


class DocumentLayout:
    """A document's layout, fed page by page as the pages are read. Each page is
    laid out at once (tables cut out, lines grouped) and only its lines'
    measures are kept, not its words; ``blocks`` then makes the document-wide
    decisions (body size, leading, flow, furniture, joins across page breaks).
    ``tally`` counts the words read, for the checks over the whole file."""

    def __init__(self, budget: Budget | None = None) -> None:
        self._check = budget.check if budget else lambda where: None
        self._pages: list[_Page] = []
        self.tally = WordTally()
        self.has_images = False

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def add(self, page: PageWords) -> None:
        """Lay out one page; its words are no longer needed afterwards."""
        self._check(f"laying out page {page.number}")
        self.tally.add(page.words)
        self.has_images = self.has_images or page.has_images
        self._pages.append(_lay_out(page))

    def blocks(self) -> list[Block]:
        """All blocks of the document: the furniture, then the body in reading
        order, then the footnotes."""
        read = self._pages
        size = self.tally.body_size
        all_lines = [line for page in read for line in page.lines]
        leading = usual_leading(all_lines)
        flow = _body_flow(all_lines, size)
        dropped = furniture([page.lines for page in read])
        words = vocabulary(line.text for line in all_lines)

        blocks: list[Block] = []
        notes: list[FootnoteText] = []
        elements: list[Paragraph | Table] = []  # the body in reading order, across pages
        for page in read:
            self._check(f"laying out page {page.number}")
            body = [line for line in page.lines if id(line) not in dropped]
            blocks += [_furniture_block(line) for line in page.lines if id(line) in dropped]
            body, area = split_footnote_area(body, size)
            notes += footnotes(area, after=notes[-1].number if notes else 0)
            first_on_page = True
            for element in _page_elements(page, body, flow, leading):
                previous = elements[-1] if elements else None
                if first_on_page and isinstance(element, Table) and isinstance(previous, Table) and same_columns(
                    previous, element
                ):
                    for row in join_fragment(previous, element):
                        blocks += [_plain_block(p, Role.furniture) for cell in row for p in cell.paragraphs]
                elif _goes_on(previous, element, first_on_page, flow):
                    previous.lines.extend(element.lines)
                else:
                    elements.append(element)
                first_on_page = False

        numbers = {note.number for note in notes}
        tables = 0
        for element in elements:
            if isinstance(element, Paragraph):
                blocks.append(_block(element, Role.paragraph, words, numbers))
            else:
                blocks += _table_blocks(element, tables, words, numbers)
                tables += 1
        for note in notes:
            block = _block(Paragraph(lines=note.lines), Role.footnote, words, set())
            block.footnote_number = note.number
            blocks.append(block)
        return blocks


def blocks_from_pages(pages: Iterable[PageWords], budget: Budget | None = None) -> list[Block]:
    """All blocks of a document (see ``DocumentLayout.blocks``); ``budget`` is
    checked page by page."""
    layout = DocumentLayout(budget)
    for page in pages:
        layout.add(page)
    return layout.blocks()


def _lay_out(page: PageWords) -> _Page:
    words = page.words
    fragments = []
    for grid in page.tables:
        cell_words, words = take_table_words(words, grid)
        fragments.append((grid, [[_settled_lines(cell, page.number) for cell in row] for row in cell_words]))
    return _Page(number=page.number, lines=_settled_lines(words, page.number), fragments=fragments)


def _settled_lines(words: list[Word], page: int) -> list[SettledLine]:
    return [line.settle() for line in group_lines(words, page)]


def _page_elements(page: _Page, body: list[SettledLine], flow: Flow, leading: float) -> list[Paragraph | Table]:
    """The page's paragraphs and table fragments, top to bottom."""
    items: list[tuple[float, object]] = [(line.top, line) for line in body]
    items += [(grid.bbox[1], (grid, cells)) for grid, cells in page.fragments]
    items.sort(key=lambda item: item[0])
    elements: list[Paragraph | Table] = []
    run: list[SettledLine] = []
    for _, item in items:
        if isinstance(item, SettledLine):
            run.append(item)
            continue
        elements += paragraphs(run, flow, leading)
        run = []
        grid, cells = item
        table = read_fragment(grid, cells, leading)
        if table.rows:
            elements.append(table)
    elements += paragraphs(run, flow, leading)
    return elements


def _body_flow(lines: list[SettledLine], size: float) -> Flow:
    body = [line for line in lines if abs(line.size - size) < 0.6] or lines
    if not body:
        return Flow(left=0.0, right=0.0)
    ends = sorted(line.x1 for line in body)
    return Flow(left=min(line.x0 for line in body), right=ends[int(0.95 * (len(ends) - 1))])


def _goes_on(previous, element, first_on_page: bool, flow: Flow) -> bool:
    """A paragraph at the top of a page continues the one ending the page before."""
    if not (first_on_page and isinstance(element, Paragraph) and isinstance(previous, Paragraph)):
        return False
    last, first = previous.lines[-1], element.lines[0]
    same_font = abs(last.size - first.size) < 0.6 and last.font == first.font
    return same_font and continues(previous, element, flow)


def _table_blocks(table: Table, index: int, words: frozenset[str], numbers: set[int]) -> list[Block]:
    blocks = []
    for row_index, row in enumerate(table.rows):
        for column, cell in enumerate(row):
            cell_at = {"table": index, "row": row_index, "column": column}
            blocks += [_block(paragraph, Role.table_cell, words, numbers, cell_at) for paragraph in cell.paragraphs]
    return blocks


def _block(
    paragraph: Paragraph, role: Role, words: frozenset[str], numbers: set[int], cell_at: dict | None = None
) -> Block:
    """The block of ``paragraph``; ``cell_at`` the table, row and column of a cell's."""
    text, marks = _text(paragraph, words, numbers)
    return Block(text=text, provenance=_provenance(paragraph, cell_at), role=role, marks=tuple(marks))


def _text(paragraph: Paragraph, words: frozenset[str], numbers: set[int]) -> tuple[str, list[FootnoteMark]]:
    """The paragraph's text, line-wrap hyphens undone, with its footnote marks.
    Only the last word so far can change when a line is added, so each line is
    joined to that word alone: the cost follows the text, however long."""
    pieces: list[str] = []  # the text so far; the last piece is its last word
    length = 0
    marks: list[FootnoteMark] = []
    for line in paragraph.lines:
        raw, line_marks = marked_text(line, numbers)
        text = normalize_space(raw)
        if not text:
            continue
        last = pieces.pop() if pieces else ""
        joined = join_line(last, text, words)
        head, space, tail = joined.rpartition(" ")
        pieces += [head + space, tail]
        length += len(joined) - len(last)
        start = length - len(text)
        marks += [
            FootnoteMark(number=mark.number, offset=start + len(normalize_space(raw[: mark.offset])))
            for mark in line_marks
        ]
    return "".join(pieces), marks


def _furniture_block(line: SettledLine) -> Block:
    return _plain_block(Paragraph(lines=[line]), Role.furniture)


def _plain_block(paragraph: Paragraph, role: Role) -> Block:
    return Block(text=paragraph.text, provenance=_provenance(paragraph), role=role)


def _provenance(paragraph: Paragraph, cell_at: dict | None = None) -> Provenance:
    return Provenance(page=paragraph.page, bbox=[round(value, 2) for value in paragraph.box], **(cell_at or {}))
