"""A second PDF backend: PDFium (pypdfium2) reads the same narrow page geometry
as pdfplumber, many times faster, for the same layout code.

Characters become words the way pdfplumber's ``extract_words`` makes them (lines
clustered by top within 3 points, words split at white space, at gaps over 3
points and where the font or size changes), with pdfminer's boxes: a character
box is one font size high, standing on the baseline lowered by the font's
descent. Ruled tables come from path objects run through pdfplumber's own
edge → cell → table functions (thin paths are rules, and so are the sides of
boxes, as pdfplumber has it). Tagged structure is not read here.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber import table as plumber_table

from extractors.pdf_budget import pages_within_budget
from extractors.pdf_errors import damaged, encrypted
from extractors.pdf_layout import PageWords, TableGrid, Word
from extractors.pdf_tables import ruled_grids

_TOLERANCE = 3.0  # points, as pdfplumber's defaults
_RULE = 2.0  # a path thinner than this is a rule
_LINE_END_HYPHEN = 0x02  # how PDFium reports a hyphen that ends a line


@dataclass(frozen=True)
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    font: str
    size: float


def _open(data: bytes, name: str) -> pdfium.PdfDocument:
    """The PDFium document, or a typed error."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise encrypted(name) from None
        raise damaged(name, error) from None


def read_pages(data: bytes, name: str, time_limit: float, max_pages: int) -> Iterator[PageWords]:
    """The geometry of each page as PDFium reads it, within the budget."""
    document = _open(data, name)
    try:
        for index in pages_within_budget(len(document), time_limit, max_pages, name):
            page = document[index]
            try:
                yield _page_words(page, index + 1)
            finally:
                page.close()
    finally:
        document.close()


def _page_words(page: pdfium.PdfPage, number: int) -> PageWords:
    """The geometry of one page."""
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage, height)
    finally:
        textpage.close()
    words = _words(chars)
    images = any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4))
    return PageWords(
        number=number,
        words=words,
        tables=_ruled_tables(page, height) if words else [],
        has_images=images,
    )


def _chars(textpage: pdfium.PdfTextPage, height: float) -> list[_Char]:
    raw = textpage.raw
    fonts: dict[int, tuple[str, float]] = {}
    x, y = ctypes.c_double(), ctypes.c_double()
    box = pdfium_c.FS_RECTF()
    chars = []
    for index in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if pdfium_c.FPDFText_IsGenerated(raw, index) or code == 0:
            continue
        size = pdfium_c.FPDFText_GetFontSize(raw, index)
        pdfium_c.FPDFText_GetCharOrigin(raw, index, ctypes.byref(x), ctypes.byref(y))
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, ctypes.byref(box))
        font, descent = _font(raw, index, size, fonts)
        bottom = height - (y.value + descent)
        text = "-" if code == _LINE_END_HYPHEN else chr(code)
        chars.append(_Char(text, box.left, box.right, bottom - size, bottom, font, size))
    return chars


def _font(raw, index: int, size: float, fonts: dict[int, tuple[str, float]]) -> tuple[str, float]:
    """The font's name and its descent at ``size`` (negative, in points)."""
    handle = pdfium_c.FPDFTextObj_GetFont(pdfium_c.FPDFText_GetTextObject(raw, index))
    key = (ctypes.cast(handle, ctypes.c_void_p).value or 0, round(size, 2))
    if key not in fonts:
        buffer = ctypes.create_string_buffer(256)
        pdfium_c.FPDFFont_GetBaseFontName(handle, buffer, len(buffer))
        descent = ctypes.c_float()
        pdfium_c.FPDFFont_GetDescent(handle, ctypes.c_float(size), ctypes.byref(descent))
        fonts[key] = (buffer.value.decode("latin-1"), descent.value)
    return fonts[key]


def _words(chars: list[_Char]) -> list[Word]:
    words: list[Word] = []
    for line in _clusters(sorted(chars, key=lambda c: c.top)):
        current: list[_Char] = []
        for char in sorted(line, key=lambda c: c.x0):
            if char.text.isspace():
                words += _word(current)
                current = []
                continue
            if current and _splits(current[-1], char):
                words += _word(current)
                current = []
            current.append(char)
        words += _word(current)
    return words


def _clusters(chars: list[_Char]) -> list[list[_Char]]:
    """Characters of one text line: tops within the tolerance of the one before."""
    clusters: list[list[_Char]] = []
    for char in chars:
        if clusters and char.top - clusters[-1][-1].top <= _TOLERANCE:
            clusters[-1].append(char)
        else:
            clusters.append([char])
    return clusters


def _splits(previous: _Char, char: _Char) -> bool:
    return (
        char.x0 > previous.x1 + _TOLERANCE
        or char.font != previous.font
        or char.size != previous.size
        or abs(char.top - previous.top) > _TOLERANCE
    )


def _word(chars: list[_Char]) -> list[Word]:
    if not chars:
        return []
    first = chars[0]
    return [
        Word(
            text="".join(char.text for char in chars),
            x0=min(char.x0 for char in chars),
            top=min(char.top for char in chars),
            x1=max(char.x1 for char in chars),
            bottom=max(char.bottom for char in chars),
            font=first.font,
            size=first.size,
        )
    ]


def _ruled_tables(page: pdfium.PdfPage, height: float) -> list[TableGrid]:
    edges = []
    for path in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=4):
        left, bottom, right, top = path.get_bounds()
        top, bottom = height - top, height - bottom
        if bottom - top <= _RULE < right - left:
            middle = (top + bottom) / 2
            edges.append(_edge("h", left, middle, right, middle))
        elif right - left <= _RULE < bottom - top:
            middle = (left + right) / 2
            edges.append(_edge("v", middle, top, middle, bottom))
        elif _is_rectangle(path):  # pdfplumber counts a box's four sides as rules too
            edges += [
                _edge("h", left, top, right, top),
                _edge("h", left, bottom, right, bottom),
                _edge("v", left, top, left, bottom),
                _edge("v", right, top, right, bottom),
            ]
    edges = plumber_table.merge_edges(edges, _TOLERANCE, _TOLERANCE, _TOLERANCE, _TOLERANCE)
    edges = [edge for edge in edges if max(edge["width"], edge["height"]) >= _TOLERANCE]
    cells = plumber_table.intersections_to_cells(plumber_table.edges_to_intersections(edges, _TOLERANCE, _TOLERANCE))
    return ruled_grids(plumber_table.Table(None, group) for group in plumber_table.cells_to_tables(cells))


def _is_rectangle(path) -> bool:
    """A path of four corners on two x and two y positions (an axis-aligned box)."""
    count = pdfium_c.FPDFPath_CountSegments(path.raw)
    if not 4 <= count <= 6:
        return False
    x, y = ctypes.c_float(), ctypes.c_float()
    xs, ys = set(), set()
    for index in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(path.raw, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        xs.add(round(x.value, 1))
        ys.add(round(y.value, 1))
    return len(xs) == 2 and len(ys) == 2


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    return {
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "object_type": "line",
    }
