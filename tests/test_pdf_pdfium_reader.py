"""The PDFium page reader: its words and rules, and pdfplumber's table code
loaded only for a page that draws rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extractors.pdf_budget import Budget
from extractors.pdf_pdfium import PageText, _Measure, read_pages
from extractors.pdf_pdfium_calls import compiled_words
from tests.pdf_files import HELVETICA, one_page_pdf, text_lines, text_pdf

# A 2 × 2 grid of rules (three lines each way) under a line of text.
_GRID = b"\n".join(
    [b"0.5 w"]
    + [b"72 %d m 272 %d l S" % (y, y) for y in (500, 550, 600)]
    + [b"%d 500 m %d 600 l S" % (x, x) for x in (72, 172, 272)]
)
_RULED = one_page_pdf(
    text_lines([b"Above the grid"]) + b"\n" + _GRID, b"<< /Font << /F1 5 0 R >> >>", [HELVETICA]
)


def _pages(data: bytes) -> list:
    return list(read_pages(data, "test.pdf", Budget(10, "test.pdf", 100_000, 10**7)))


def test_words_keep_their_text_font_and_boxes_in_reading_order():
    (page,) = _pages(text_pdf(b"Hello from a hand-made PDF"))
    assert [word.text for word in page.words] == ["Hello", "from", "a", "hand-made", "PDF"]
    assert {(word.font, word.size) for word in page.words} == {("Helvetica", 12.0)}
    lefts = [word.x0 for word in page.words]
    assert lefts == sorted(lefts) and lefts[0] == 72.0
    assert all(word.x0 < word.x1 and word.top < word.bottom for word in page.words)
    assert page.tables == []


def test_a_grid_of_rules_is_read_as_a_table_of_four_cells():
    (page,) = _pages(_RULED)
    (grid,) = page.tables
    assert [len(row) for row in grid.rows] == [2, 2]
    assert tuple(round(value) for value in grid.bbox) == (72, 842 - 600, 272, 842 - 500)


def _loads_pdfplumber(data: bytes) -> tuple[int, bool]:
    """The tables read from ``data`` and whether pdfplumber (or pdfminer) was imported."""
    script = (
        "import sys\n"
        "from extractors.pdf_budget import Budget\n"
        "from extractors.pdf_pdfium import read_pages\n"
        "pages = list(read_pages(sys.stdin.buffer.read(), 't.pdf', Budget(10, 't.pdf', 100000, 10**7)))\n"
        "print(sum(len(page.tables) for page in pages), 'pdfplumber' in sys.modules or 'pdfminer' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], input=data, capture_output=True, check=True)
    tables, loaded = result.stdout.split()
    return int(tables), loaded == b"True"


@pytest.mark.parametrize("data, tables", [(text_pdf(), 0), (_RULED, 1)], ids=["text", "ruled table"])
def test_the_pdfium_reader_never_imports_pdfplumber(data, tables):
    assert _loads_pdfplumber(data) == (tables, False)


CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "robustness" / "pdf"
SAMPLE_PDFS = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.pdf"))


def _words_both_ways(data: bytes) -> tuple[list, list]:
    """The words of every page, by the compiled loop and by its Python twin, on the same text pages."""
    assert compiled_words is not None, "extractors/_pdfium_runs.c was not compiled at install time"
    document = pdfium.PdfDocument(data)
    compiled, python = [], []
    page_text = PageText()
    try:
        for page in document:
            textpage = page.get_textpage()
            text, count = page_text.read(textpage.raw)
            if len(text) == count:
                height = page.get_height()
                compiled.append(_Measure(textpage.raw, height).words(text))
                python.append(_Measure(textpage.raw, height).python_words(text))
            textpage.close()
            page.close()
    finally:
        document.close()
    return compiled, python


def test_the_compiled_run_loop_is_built():
    # make setup builds it: a missing compiler would leave the reader on the slower Python loop.
    assert compiled_words is not None, "extractors/_pdfium_runs.c was not compiled at install time"


@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=lambda path: path.name)
def test_compiled_and_python_run_loops_give_the_same_words_on_the_samples(path):
    compiled, python = _words_both_ways(path.read_bytes())
    assert sum(map(len, compiled)) > 100
    assert compiled == python


def test_compiled_and_python_run_loops_give_the_same_words_on_the_corpus():
    if not CORPUS.is_dir():
        pytest.skip(f"the robustness corpus is not at {CORPUS}")
    compared = 0
    for path in sorted(CORPUS.glob("*.pdf")):
        try:
            compiled, python = _words_both_ways(path.read_bytes())
        except pdfium.PdfiumError:  # unreadable to PDFium: the reader's typed errors are tested elsewhere
            continue
        assert compiled == python, path.name
        compared += 1
    assert compared > 20


def test_extracting_a_pdf_loads_no_docx_or_xml_library():
    # lxml and python-docx are the DOCX reader's: a PDF's extraction must not hold
    # their modules (several MB of resident memory) for nothing.
    script = (
        "import sys\n"
        "from pipeline.api import extract_document\n"
        f"extract_document({str(SAMPLE_PDFS[0])!r})\n"
        "print(sorted(name for name in ('lxml', 'docx', 'extractors.docx') if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
