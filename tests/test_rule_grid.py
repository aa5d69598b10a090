"""Ruled tables made of rules (``extractors.rule_grid``) come out as pdfplumber's
table functions make them: on made-up rules, where the expected tables are also
worked out by hand, and on every page with rules of the sample PDFs and of the
robustness corpus, with pdfplumber's own functions as the oracle."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdfplumber import table as plumber

from extractors.pdf_pdfium_rules import _TOLERANCE, _edges, graphics
from extractors.rule_grid import rule, tables_from_rules

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "robustness" / "pdf"


def plumber_tables(edges: list[tuple], tolerance: float = _TOLERANCE) -> list:
    """What pdfplumber's table functions make of the same edges."""
    dicts = [
        {"orientation": o, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top}
        for o, x0, top, x1, bottom in edges
    ]
    merged = [edge for edge in plumber.merge_edges(dicts, *[tolerance] * 4) if max(edge["width"], edge["height"]) >= tolerance]
    cells = plumber.intersections_to_cells(plumber.edges_to_intersections(merged, tolerance, tolerance))
    return [
        (tuple(table.bbox), tuple(tuple(row.cells) for row in table.rows))
        for table in (plumber.Table(None, group) for group in plumber.cells_to_tables(cells))
    ]


def ours(edges: list[tuple], tolerance: float = _TOLERANCE) -> list:
    return tables_from_rules([rule(*edge) for edge in edges], tolerance)


def grid(xs: list[float], ys: list[float]) -> list[tuple]:
    """The rules of a full grid with columns at ``xs`` and rows at ``ys``."""
    return [("h", xs[0], y, xs[-1], y) for y in ys] + [("v", x, ys[0], x, ys[-1]) for x in xs]


CASES = {
    "2 x 2 grid": (
        grid([10, 60, 110], [10, 30, 50]),
        [((10, 10, 110, 50), (((10, 10, 60, 30), (60, 10, 110, 30)), ((10, 30, 60, 50), (60, 30, 110, 50))))],
    ),
    "rules 1 pt apart snap to their average": (
        [("h", 10, 10, 110, 10), ("h", 10, 31, 110, 31), ("h", 10, 50, 110, 50)]
        + [("v", 10, 10, 10, 50), ("v", 61, 10, 61, 50), ("v", 110, 10, 110, 50), ("v", 59, 10, 59, 30)],
        [((10, 10, 110, 50), (((10, 10, 60, 31), (60, 10, 110, 31)),
                              ((10, 31, 60, 50), (60, 31, 110, 50))))],
    ),
    "a rule drawn in two pieces is joined": (
        [("h", 10, 10, 60, 10), ("h", 62, 10, 110, 10)] + grid([10, 60, 110], [30, 50])[:2]
        + [("v", x, 10, x, 50) for x in (10, 60, 110)],
        None,
    ),
    "a row whose middle rule stops short has one wide cell": (
        [("h", 10, y, 110, y) for y in (10, 30, 50)] + [("v", 10, 10, 10, 50), ("v", 110, 10, 110, 50), ("v", 60, 10, 60, 30)],
        [((10, 10, 110, 50), (((10, 10, 60, 30), (60, 10, 110, 30)), ((10, 30, 110, 50), None)))],
    ),
    "a lone box is no table": (grid([10, 110], [10, 50]), []),
    "two tables, top one first": (grid([10, 60, 110], [200, 220, 240]) + grid([10, 60, 110], [10, 30, 50]), None),
    "rules 4 pt apart stay apart": ([("h", 10, 10, 50, 10), ("h", 54, 10, 110, 10)] + grid([10, 60, 110], [30, 50]), None),
    "no rules": ([], []),
}


@pytest.mark.parametrize("edges, expected", CASES.values(), ids=CASES.keys())
def test_made_up_rules(edges, expected):
    assert ours(edges) == plumber_tables(edges)
    if expected is not None:
        assert ours(edges) == expected


def test_two_tables_come_top_to_bottom():
    tables = ours(CASES["two tables, top one first"][0])
    assert [bbox[1] for bbox, _ in tables] == [10, 200]


def _pdf_files() -> list[Path]:
    files = sorted((ROOT / "samples").glob("*.pdf"))
    return files + (sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else [])


def _page_edges(path: Path) -> list[list[tuple]]:
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        return []  # not a PDF PDFium reads: the reader's own tests cover the error
    try:
        pages = []
        for page in document:
            paths, _ = graphics(page.raw)
            pages.append(_edges(paths, page.get_height()))
            page.close()
        return pages
    finally:
        document.close()


def test_every_real_page_with_rules_gives_pdfplumber_s_tables():
    compared = tables = 0
    for path in _pdf_files():
        for number, edges in enumerate(_page_edges(path), 1):
            if not edges:
                continue
            expected = plumber_tables(edges)
            assert ours(edges) == expected, f"{path.name} page {number}"
            compared += 1
            tables += len(expected)
    assert compared >= 10 and tables >= 5, (compared, tables)  # the check ran on real tables


def test_the_corpus_is_there_for_the_real_pages():
    if not CORPUS.is_dir():
        pytest.skip(f"robustness corpus absent ({CORPUS}): real pages compared on the samples only")
    assert any(_page_edges(path) for path in sorted(CORPUS.glob("*.pdf")))
