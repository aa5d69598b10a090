"""The layout's loops, compiled (``_layout.c``): a page's words grouped into
lines, each line's one-pass measures, the words placed in a ruled table's
cells and a page's word counts are what ``python_line_groups``,
``python_line_measures``, ``python_place_words`` and ``python_tally_words``
make of them, the same objects included, on hand-made cases and on every page
of the sample and corpus PDFs."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extractors import pdf_layout, pdf_lines, pdf_tables
from extractors.pdf_budget import Budget
from extractors.pdf_layout import python_tally_words
from extractors.pdf_lines import group_lines, python_line_groups, python_line_measures
from extractors.pdf_pdfium import read_pages
from extractors.pdf_tables import python_place_words, take_table_words
from extractors.pdf_words import TableGrid, Word
from pipeline.errors import CwsError

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "robustness" / "pdf"
SAMPLE_PDFS = sorted((ROOT / "samples").glob("*.pdf"))

try:
    from extractors._layout import line_groups as compiled_groups
    from extractors._layout import line_measures as compiled
    from extractors._layout import place_words as compiled_place
    from extractors._layout import tally_words as compiled_tally
except ImportError:
    compiled = compiled_groups = compiled_place = compiled_tally = None

LINES = {
    "one word": [Word("Annex", 72.0, 100.0, 100.0, 111.0, "Arial", 11.0)],
    "spaced words": [Word("the", 72.0, 100.0, 90.0, 111.0, "Arial", 11.0), Word("CWS", 93.5, 99.5, 120.0, 111.5, "Arial", 11.0)],
    "touching pieces": [Word("Recom", 72.0, 100.0, 100.0, 111.0, "Arial-Bold", 11.0), Word("mendation", 101.0, 100.0, 150.0, 111.0, "Arial", 11.0)],
    "a mark": [Word("survey", 72.0, 100.0, 110.0, 111.0, "Arial", 11.0), Word("3", 110.5, 98.0, 113.5, 104.0, "Arial", 6.5)],
    "whole numbers": [Word("12", 72, 100, 84, 111, "Arial", 11), Word("Document", 88, 100, 130, 111, "Arial", 11)],
    "tagged": [Word("a", 72.0, 100.0, 80.0, 111.0, "F", 11.0, element=3), Word("b", 90.0, 100.0, 98.0, 111.0, "F", 11.0, element=4)],
    "artifacts": [
        Word("page", 72.0, 800.0, 100.0, 811.0, "F", 9.0, artifact=True),
        Word("2", 103.0, 800.0, 108.0, 811.0, "F", 9.0, artifact=False),
    ],
    "equal lengths": [Word("abc", 72.0, 100.0, 90.0, 111.0, "First", 11.0), Word("xyz", 95.0, 100.0, 113.0, 111.0, "Second", 11.0)],
    "sizes under one point": [Word("x", 72.0, 100.0, 72.4, 100.5, "F", 0.5), Word("y", 72.55, 100.0, 73.0, 100.5, "F", 0.5)],
}


def _same(found, expected) -> bool:
    """Equal, and the coordinates and longest word the very objects the words hold."""
    return found == expected and all(a is b for a, b in zip(found[:4], expected[:4])) and found[7] is expected[7]


@pytest.fixture(autouse=True)
def _compiled_built():
    if compiled is None:
        pytest.fail("extractors/_layout.c was not compiled at install time")


@pytest.mark.parametrize("name", LINES)
def test_compiled_line_measures_are_the_python_ones(name):
    words = LINES[name]
    assert _same(compiled(words), python_line_measures(words))
    assert _same(compiled(tuple(words)), python_line_measures(words))


PAGES = {
    "two lines": [Word("a", 72.0, 100.0, 80.0, 111.0), Word("b", 90.0, 100.5, 98.0, 111.5), Word("c", 72.0, 120.0, 80.0, 131.0)],
    "a raised mark": [Word("survey", 72.0, 100.0, 110.0, 111.0), Word("3", 110.5, 97.0, 113.5, 104.0)],
    "half an overlap": [Word("a", 72.0, 100.0, 80.0, 110.0), Word("b", 90.0, 105.0, 98.0, 115.0), Word("c", 72.0, 110.01, 80.0, 120.0)],
    "no height": [Word(".", 72.0, 100.0, 74.0, 100.0), Word(".", 75.0, 100.0, 77.0, 100.0), Word("x", 72.0, 100.6, 76.0, 101.0)],
    "whole numbers": [Word("1", 72, 100, 80, 110), Word("2", 90, 101, 98, 111)],
    "no words": [],
}


@pytest.mark.parametrize("name", PAGES)
def test_compiled_line_groups_are_the_python_ones(name):
    words = sorted(PAGES[name], key=lambda word: (word.top, word.x0))
    assert compiled_groups(words) == python_line_groups(words)
    assert all(a is b for found, expected in zip(compiled_groups(words), python_line_groups(words)) for a, b in zip(found, expected))


def test_the_layout_uses_the_compiled_twins():
    assert pdf_lines.line_measures is compiled
    assert pdf_lines.line_groups is compiled_groups
    assert pdf_layout.tally_words is compiled_tally


NOT_WORDS = {"not a word": ["not a word"], "a shorter tuple": [("a", 1.0, 1.0, 2.0, 2.0)]}


@pytest.mark.parametrize(
    "words, error",
    [([], ValueError), ([Word(None, 1.0, 1.0, 2.0, 2.0)], TypeError), *((words, TypeError) for words in NOT_WORDS.values())],
    ids=["no words", "text not a str", *NOT_WORDS],
)
def test_what_is_not_a_line_is_refused(words, error):
    with pytest.raises(error):
        compiled(words)


@pytest.mark.parametrize("words", NOT_WORDS.values(), ids=list(NOT_WORDS))
def test_what_is_not_a_word_is_neither_grouped_nor_counted(words):
    with pytest.raises(TypeError):
        compiled_groups(words)
    with pytest.raises(TypeError):
        compiled_tally(words, {})


TALLIES = {
    "one size": ([Word("abc", 72.0, 100.0, 90.0, 111.0, "F", 11.0), Word("de", 95.0, 100.0, 105.0, 111.0, "F", 11.0)], {}),
    "sizes in the order met": (
        [Word("a", 1.0, 1.0, 2.0, 2.0, "F", 9.0), Word("bb", 1.0, 1.0, 2.0, 2.0, "F", 11.0), Word("c", 1.0, 1.0, 2.0, 2.0, "F", 9.0)],
        {},
    ),
    "sizes already counted": ([Word("xyz", 1.0, 1.0, 2.0, 2.0, "F", 11.0)], {12.0: 4, 11.0: 7}),
    "undecodable characters": ([Word("\ufffd\ufffdab\ufffd", 1.0, 1.0, 2.0, 2.0, "F", 10.0), Word("\ufffd", 1.0, 1.0, 2.0, 2.0)], {}),
    "a whole-number size": ([Word("12", 1, 1, 2, 2, "F", 11), Word("ab", 1, 1, 2, 2, "F", 11.0)], {}),
    "no words": ([], {3.0: 1}),
}


@pytest.mark.parametrize("name", TALLIES)
def test_compiled_word_counts_are_the_python_ones(name):
    words, counted = TALLIES[name]
    compiled_sizes, python_sizes = dict(counted), dict(counted)
    assert compiled_tally(words, compiled_sizes) == python_tally_words(words, python_sizes)
    assert list(compiled_sizes.items()) == list(python_sizes.items())


def _pages_of_samples_and_corpus():
    """(file name, page) of every page PDFium reads of the sample and corpus PDFs."""
    paths = SAMPLE_PDFS + (sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else [])
    for path in paths:
        try:
            pages = list(read_pages(path.read_bytes(), path.name, Budget(600, path.name, 10**5, 10**7)))
        except (CwsError, pdfium.PdfiumError):  # unreadable: the reader's typed errors are tested elsewhere
            continue
        yield from ((path.name, page) for page in pages)


def test_compiled_lines_and_counts_hold_on_every_page_of_the_samples_and_corpus():
    lines = 0
    for name, page in _pages_of_samples_and_corpus():
        ordered = sorted(page.words, key=lambda word: (word.top, word.x0))
        assert compiled_groups(ordered) == python_line_groups(ordered), name
        compiled_sizes, python_sizes = {}, {}
        assert compiled_tally(page.words, compiled_sizes) == python_tally_words(page.words, python_sizes), name
        assert list(compiled_sizes.items()) == list(python_sizes.items()), name
        for line in group_lines(page.words, page.number):
            assert _same(compiled(line.words), python_line_measures(line.words)), name
            lines += 1
    assert lines > 5000


def _grid(*rows):
    return TableGrid(bbox=(0.0, 0.0, 300.0, 300.0), rows=tuple(tuple(row) for row in rows))


def _word(text: str, x: float, y: float) -> Word:
    return Word(text, x - 2.0, y - 3.0, x + 2.0, y + 3.0, "F", 6.0)


GRIDS = {
    "two by two": _grid([(0.0, 0.0, 100.0, 50.0), (100.0, 0.0, 200.0, 50.0)], [(0.0, 50.0, 100.0, 100.0), (100.0, 50.0, 200.0, 100.0)]),
    "a merged cell": _grid([(0.0, 0.0, 200.0, 50.0), None], [(0.0, 50.0, 100.0, 100.0), (100.0, 50.0, 200.0, 100.0)]),
    "rows out of order": _grid([(0.0, 50.0, 100.0, 100.0)], [(0.0, 0.0, 100.0, 50.0)]),
    "a row reaching far down": _grid([(0.0, 0.0, 50.0, 200.0), (50.0, 0.0, 100.0, 20.0)], [(50.0, 20.0, 100.0, 40.0)]),
    "an empty row": _grid([None, None], [(0.0, 50.0, 100.0, 100.0)]),
}
WORDS = [_word(f"w{x}-{y}", x, y) for x in (10.0, 100.0, 150.0, 250.0) for y in (10.0, 25.0, 50.0, 75.0, 150.0)]


@pytest.mark.parametrize("name", GRIDS)
def test_compiled_table_cells_are_the_python_ones(name, monkeypatch):
    compiled_result = take_table_words(WORDS, GRIDS[name])
    monkeypatch.setattr(pdf_tables, "place_words", python_place_words)
    assert compiled_result == take_table_words(WORDS, GRIDS[name])
    assert sum(len(cell) for row in compiled_result[0] for cell in row) > 0


def test_the_table_code_uses_the_compiled_twin():
    assert pdf_tables.place_words is compiled_place


def test_compiled_table_cells_hold_on_every_ruled_page_of_the_samples_and_corpus(monkeypatch):
    placed = 0
    for name, page in _pages_of_samples_and_corpus():
        for grid in page.tables:
            monkeypatch.setattr(pdf_tables, "place_words", compiled_place)
            compiled_result = take_table_words(page.words, grid)
            monkeypatch.setattr(pdf_tables, "place_words", python_place_words)
            assert compiled_result == take_table_words(page.words, grid), name
            placed += sum(len(cell) for row in compiled_result[0] for cell in row)
    assert placed > 1000
