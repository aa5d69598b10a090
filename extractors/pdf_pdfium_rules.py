"""Ruled tables of a PDFium page: its path objects become rules (thin paths,
and the sides of boxes, as pdfplumber has it) and ``rule_grid`` makes tables of
them as pdfplumber's table finder does. The pages of a form draw the same rules
page after page: their tables are found once."""

from __future__ import annotations

import ctypes
from functools import lru_cache

import pypdfium2.raw as pdfium_c

from extractors import pdf_pdfium_calls as calls
from extractors.pdf_words import TableGrid
from extractors.pdf_tables import table_grids
from extractors.rule_grid import rule, tables_from_rules

_TOLERANCE = 3.0  # points, as pdfplumber's defaults
_RULE = 2.0  # a path thinner than this is a rule
_FORM_DEPTH = 4  # form objects inside form objects, read this deep


def graphics(page) -> tuple[list[int], bool]:
    """The page's path objects (inside form objects too, 4 levels deep) and
    whether it draws any image, in one walk over its objects: compiled where it
    was built, else by ``python_graphics``."""
    if calls.compiled_graphics is None:
        return python_graphics(page)
    return calls.compiled_graphics(calls.address(page), calls.RULE_FUNCTIONS, calls.GRAPHIC_KINDS)


def python_graphics(page) -> tuple[list[int], bool]:
    """``graphics`` in Python, call for call as ``_pdfium_rules.c``."""
    paths: list[int] = []
    images = False
    pending = [(calls.address(page), 0, True)]
    while pending:
        holder, depth, is_page = pending.pop()
        count = (calls.page_objects if is_page else calls.form_objects)(holder)
        get = calls.page_object if is_page else calls.form_object
        for index in range(count):
            obj = get(holder, index)
            kind = calls.object_type(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                paths.append(obj)
            elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                images = True
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _FORM_DEPTH:
                pending.append((obj, depth + 1, False))
    return paths, images


Edge = tuple[str, float, float, float, float]  # orientation ("h" or "v"), x0, top, x1, bottom


def ruled_tables(paths: list[int], height: float) -> list[TableGrid]:
    """The tables drawn by the page's rules (``paths`` from ``graphics``)."""
    edges = _edges(paths, height)
    return list(_tables(tuple(edges))) if edges else []


@lru_cache(maxsize=16)
def _tables(edges: tuple[Edge, ...]) -> tuple[TableGrid, ...]:
    """The tables of a page's rule edges (grids are frozen: pages may share them)."""
    return tuple(table_grids(tables_from_rules([rule(*edge) for edge in edges], _TOLERANCE)))


def _edges(paths: list[int], height: float) -> list[Edge]:
    """The edges of the rules and boxes among ``paths``: compiled where it was
    built, else by ``python_edges``."""
    if calls.compiled_edges is None:
        return python_edges(paths, height)
    return calls.compiled_edges(paths, height, calls.RULE_FUNCTIONS)


def python_edges(paths: list[int], height: float) -> list[Edge]:
    """The edges of the rules and boxes among ``paths``, in Python, call for
    call as ``_pdfium_rules.c``."""
    edges = []
    bounds = calls.BOUNDS()
    at = [ctypes.addressof(bounds) + index * ctypes.sizeof(ctypes.c_float) for index in range(4)]
    for path in paths:
        calls.object_bounds(path, *at)
        left, bottom, right, top = bounds
        top, bottom = height - top, height - bottom
        if bottom - top <= _RULE < right - left:
            middle = (top + bottom) / 2
            edges.append(("h", left, middle, right, middle))
        elif right - left <= _RULE < bottom - top:
            middle = (left + right) / 2
            edges.append(("v", middle, top, middle, bottom))
        elif _is_rectangle(path):  # pdfplumber counts a box's four sides as rules too
            edges += [
                ("h", left, top, right, top),
                ("h", left, bottom, right, bottom),
                ("v", left, top, left, bottom),
                ("v", right, top, right, bottom),
            ]
    return edges


def _is_rectangle(path: int) -> bool:
    """A path of four corners on two x and two y positions (an axis-aligned box)."""
    count = calls.path_segments(path)
    if not 4 <= count <= 6:
        return False
    point = calls.FLOAT_POINT()
    x_at = ctypes.addressof(point)
    y_at = x_at + ctypes.sizeof(ctypes.c_float)
    xs, ys = set(), set()
    for index in range(count):
        calls.segment_point(calls.path_segment(path, index), x_at, y_at)
        xs.add(round(point[0], 1))
        ys.add(round(point[1], 1))
    return len(xs) == 2 and len(ys) == 2

