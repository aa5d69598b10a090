"""The page graphics walk and the rules' measures: the compiled twins
(``_pdfium_rules.c``) give the paths, images and edges of the Python ones on
hand-made pages (rules, boxes, a box in a form object, an image) and on every
sample and corpus PDF."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extractors import pdf_pdfium_calls as calls
from extractors import pdf_pdfium_rules as rules
from tests.pdf_files import one_page_pdf, stream

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "robustness" / "pdf"
SAMPLE_PDFS = sorted((ROOT / "samples").glob("*.pdf"))

_RULES = b"0.5 w 72 500 m 272 500 l S 72 600 m 272 600 l S 72 500 m 72 600 l S 272 500 m 272 600 l S"
_BOXES = b"72 300 200 100 re S 300 300 100.04 99.96 re f 72 100 m 150 180 l 200 100 l h S"  # two boxes, a triangle
_FORM = one_page_pdf(
    b"/Fm1 Do",
    b"<< /XObject << /Fm1 5 0 R >> >>",
    [b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Length %d >>\nstream\n" % len(_BOXES) + _BOXES
     + b"\nendstream"],
)
_IMAGE = one_page_pdf(
    b"q 50 0 0 50 72 700 cm /Im1 Do Q " + _RULES,
    b"<< /XObject << /Im1 5 0 R >> >>",
    [b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"
     b" /Length 1 >>\nstream\n\x80\nendstream"],
)
HAND_MADE = {
    "rules": one_page_pdf(_RULES, b"<< >>"),
    "boxes": one_page_pdf(_BOXES, b"<< >>"),
    "box in a form": _FORM,
    "image and rules": _IMAGE,
    "blank": one_page_pdf(b"", b"<< >>"),
}


def _both_ways(data: bytes) -> list[tuple]:
    """Per page: (compiled graphics, Python graphics, compiled edges, Python edges)."""
    if calls.compiled_graphics is None or calls.compiled_edges is None:
        pytest.fail("extractors/_pdfium_rules.c was not compiled at install time")
    document = pdfium.PdfDocument(data)
    found = []
    try:
        for page in document:
            compiled, python = rules.graphics(page.raw), rules.python_graphics(page.raw)
            height = page.get_height()
            found.append((compiled, python, rules._edges(python[0], height), rules.python_edges(python[0], height)))
            page.close()
    finally:
        document.close()
    return found


@pytest.mark.parametrize("name", HAND_MADE)
def test_compiled_and_python_graphics_agree_on_hand_made_pages(name):
    ((compiled, python, compiled_edges, python_edges),) = _both_ways(HAND_MADE[name])
    assert compiled == python
    assert compiled_edges == python_edges


EXPECTED = {
    # (paths, images, edges): a box's four sides count as rules; a triangle does not.
    "rules": (4, False, 4),
    "boxes": (3, False, 8),
    "box in a form": (3, False, 8),
    "image and rules": (4, True, 4),
    "blank": (0, False, 0),
}


@pytest.mark.parametrize("name", EXPECTED)
def test_the_graphics_walk_finds_paths_images_and_edges(name):
    ((compiled, _, edges, _),) = _both_ways(HAND_MADE[name])
    paths, images = compiled
    assert (len(paths), images, len(edges)) == EXPECTED[name]


def test_compiled_and_python_graphics_agree_on_the_samples_and_corpus():
    paths = SAMPLE_PDFS + (sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else [])
    compared = edges = 0
    for path in paths:
        try:
            pages = _both_ways(path.read_bytes())
        except pdfium.PdfiumError:  # unreadable to PDFium: the reader's typed errors are tested elsewhere
            continue
        for compiled, python, compiled_edges, python_edges in pages:
            assert compiled == python, path.name
            assert compiled_edges == python_edges, path.name
            edges += len(python_edges)
        compared += 1
    assert compared >= len(SAMPLE_PDFS)
    assert edges > 100
