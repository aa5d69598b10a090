"""Ruled tables from a page's rules, made as pdfplumber's lattice finder makes
them, so that both PDF backends find the same tables: rules within a tolerance
of one another are snapped to their average position, collinear pieces that
touch are joined, the crossings of horizontal and vertical rules are found,
each crossing opens the smallest box whose four corners are crossings joined by
rules, and boxes sharing a corner make one table. Done here so that the PDFium
reader never imports pdfplumber (and pdfminer under it): 12 MB and a tenth of
a second. Positions are in points, ``top`` growing downwards.

The arithmetic follows pdfplumber's step for step (a snapped rule moves by
"average − position"; a joined rule's length grows by the difference of its
ends), so that the boxes come out equal to the last bit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import groupby

Box = tuple[float, float, float, float]
Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal or vertical rule; ``width`` and ``height`` are carried as
    pdfplumber carries them (snapping moves a rule without touching them)."""

    horizontal: bool
    x0: float
    top: float
    x1: float
    bottom: float
    width: float
    height: float

    @property
    def position(self) -> float:
        return self.top if self.horizontal else self.x0

    @property
    def box(self) -> Box:
        return (self.x0, self.top, self.x1, self.bottom)


def rule(orientation: str, x0: float, top: float, x1: float, bottom: float) -> Rule:
    """A rule from its orientation ("h" or "v") and its two ends."""
    return Rule(orientation == "h", x0, top, x1, bottom, x1 - x0, bottom - top)


def tables_from_rules(rules: list[Rule], tolerance: float) -> list[tuple[Box, tuple[tuple[Box | None, ...], ...]]]:
    """The tables of ``rules``, top to bottom: each its box and its rows of cell
    boxes, None where a cell of the table's columns is missing from a row."""
    merged = [one for one in _joined(_snapped(rules, tolerance), tolerance) if max(one.width, one.height) >= tolerance]
    return [(_extent(cells), _rows(cells)) for cells in _tables(_cells(_crossings(merged, tolerance)))]


def _snapped(rules: list[Rule], tolerance: float) -> list[Rule]:
    vertical = [one for one in rules if not one.horizontal]
    horizontal = [one for one in rules if one.horizontal]
    return _snap(vertical, tolerance) + _snap(horizontal, tolerance)


def _snap(rules: list[Rule], tolerance: float) -> list[Rule]:
    """Rules whose positions chain within ``tolerance`` moved to their average."""
    cluster = _clusters({one.position for one in rules}, tolerance)
    snapped = []
    for _, group in groupby(sorted(rules, key=lambda one: cluster[one.position]), key=lambda one: cluster[one.position]):
        group = list(group)
        average = sum(one.position for one in group) / len(group)
        for one in group:
            shift = average - one.position
            if one.horizontal:
                snapped.append(replace(one, top=one.top + shift, bottom=one.bottom + shift))
            else:
                snapped.append(replace(one, x0=one.x0 + shift, x1=one.x1 + shift))
    return snapped


def _clusters(values: set[float], tolerance: float) -> dict[float, int]:
    """Each value's cluster: sorted values join the cluster before while each is
    within ``tolerance`` of the previous one."""
    found: dict[float, int] = {}
    index, last = -1, None
    for value in sorted(values):
        if last is None or value > last + tolerance:
            index += 1
        found[value] = index
        last = value
    return found


def _joined(rules: list[Rule], tolerance: float) -> list[Rule]:
    """Collinear rules that overlap or come within ``tolerance`` joined into one."""
    joined: list[Rule] = []
    for _, line in groupby(sorted(rules, key=_line), key=_line):
        pieces = sorted(line, key=lambda one: one.x0 if one.horizontal else one.top)
        run = [pieces[0]]
        for piece in pieces[1:]:
            last = run[-1]
            if piece.horizontal and piece.x0 <= last.x1 + tolerance:
                if piece.x1 > last.x1:
                    run[-1] = replace(last, x1=piece.x1, width=piece.x1 - last.x0)
            elif not piece.horizontal and piece.top <= last.bottom + tolerance:
                if piece.bottom > last.bottom:
                    run[-1] = replace(last, bottom=piece.bottom, height=last.height + (piece.bottom - last.bottom))
            else:
                run.append(piece)
        joined += run
    return joined


def _line(one: Rule) -> tuple[str, float]:
    return ("h", one.top) if one.horizontal else ("v", one.x0)


@dataclass
class _Crossing:
    vertical: set[Box]
    horizontal: set[Box]


def _crossings(rules: list[Rule], tolerance: float) -> dict[Point, _Crossing]:
    """Where a vertical rule meets a horizontal one (within ``tolerance``), with
    the rules meeting there."""
    vertical = sorted((one for one in rules if not one.horizontal), key=lambda one: (one.x0, one.top))
    horizontal = sorted((one for one in rules if one.horizontal), key=lambda one: (one.top, one.x0))
    found: dict[Point, _Crossing] = {}
    for down in vertical:
        for across in horizontal:
            if (
                down.top <= across.top + tolerance
                and down.bottom >= across.top - tolerance
                and down.x0 >= across.x0 - tolerance
                and down.x0 <= across.x1 + tolerance
            ):
                crossing = found.setdefault((down.x0, across.top), _Crossing(set(), set()))
                crossing.vertical.add(down.box)
                crossing.horizontal.add(across.box)
    return found


def _cells(crossings: dict[Point, _Crossing]) -> list[Box]:
    """For each crossing in order, the smallest box it opens: its corners all
    crossings, its sides along rules."""

    def joined(one: Point, other: Point) -> bool:
        if one[0] == other[0] and crossings[one].vertical & crossings[other].vertical:
            return True
        return one[1] == other[1] and bool(crossings[one].horizontal & crossings[other].horizontal)

    points = sorted(crossings)
    cells = []
    for index, corner in enumerate(points):
        rest = points[index + 1 :]
        below = [point for point in rest if point[0] == corner[0] and joined(corner, point)]
        right = [point for point in rest if point[1] == corner[1] and joined(corner, point)]
        cell = next(
            (
                (corner[0], corner[1], side[0], under[1])
                for under in below
                for side in right
                if (side[0], under[1]) in crossings
                and joined((side[0], under[1]), side)
                and joined((side[0], under[1]), under)
            ),
            None,
        )
        if cell is not None:
            cells.append(cell)
    return cells


def _tables(cells: list[Box]) -> list[list[Box]]:
    """Cells grouped into tables: a cell joins the table being gathered when it
    shares a corner with it; tables of one cell are left out."""
    remaining = list(cells)
    tables: list[list[Box]] = []
    corners: set[Point] = set()
    current: list[Box] = []
    while remaining:
        before = len(current)
        for cell in list(remaining):
            x0, top, x1, bottom = cell
            cell_corners = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or any(point in corners for point in cell_corners):
                corners.update(cell_corners)
                current.append(cell)
                remaining.remove(cell)
        if len(current) == before:
            tables.append(current)
            corners, current = set(), []
    if current:
        tables.append(current)
    tables.sort(key=lambda table: min((cell[1], cell[0]) for cell in table))
    return [table for table in tables if len(table) > 1]


def _extent(cells: list[Box]) -> Box:
    return (
        min(cell[0] for cell in cells),
        min(cell[1] for cell in cells),
        max(cell[2] for cell in cells),
        max(cell[3] for cell in cells),
    )


def _rows(cells: list[Box]) -> tuple[tuple[Box | None, ...], ...]:
    """Rows top to bottom, each with a place for every column start of the table."""
    columns = sorted({cell[0] for cell in cells})
    rows = []
    for _, row in groupby(sorted(cells, key=lambda cell: (cell[1], cell[0])), key=lambda cell: cell[1]):
        by_start = {cell[0]: cell for cell in row}
        rows.append(tuple(by_start.get(x) for x in columns))
    return tuple(rows)
