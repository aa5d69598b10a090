"""The default PDF backend: PDFium (pypdfium2) reads the same narrow page
geometry as pdfplumber, many times faster, for the same layout code.

Geometry is read per run of characters, not per character: the page's text in
one call, then each word measured at its two ends, and font, size and baseline
asked once per text object. Only a word drawn by several text objects is read
character by character and split the way pdfplumber's ``extract_words`` splits
(at gaps over 3 points and where the font or size changes). Boxes are
pdfminer's: a character box is one font size high, standing on the baseline
lowered by the font's descent. Ruled tables come from path objects run through pdfplumber's own
edge → cell → table functions (thin paths are rules, and so are the sides of
boxes, as pdfplumber has it). Tagged structure is not read here.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber import table as plumber_table

from extractors.pdf_budget import Budget, pages_within_budget
from extractors.pdf_errors import damaged, encrypted
from extractors.pdf_layout import PageWords, TableGrid, Word
from extractors.pdf_tables import ruled_grids

_TOLERANCE = 3.0  # points, as pdfplumber's defaults
_RULE = 2.0  # a path thinner than this is a rule
_LINE_END_HYPHEN = "\x02"  # how PDFium reports a hyphen that ends a line


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


def read_pages(data: bytes, name: str, budget: Budget, max_pages: int) -> Iterator[PageWords]:
    """The geometry of each page as PDFium reads it, within the budget."""
    document = _open(data, name)
    try:
        for index in pages_within_budget(len(document), budget, max_pages):
            page = _page(document, index, name)
            try:
                yield _page_words(page, index + 1)
            finally:
                page.close()
    finally:
        document.close()


def _page(document: pdfium.PdfDocument, index: int, name: str) -> pdfium.PdfPage:
    """Page ``index``, or a typed error where the page tree does not lead to it."""
    try:
        return document[index]
    except pdfium.PdfiumError as error:
        raise damaged(name, f"page {index + 1}: {error}") from None


def _page_words(page: pdfium.PdfPage, number: int) -> PageWords:
    """The geometry of one page."""
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        words = _words(textpage.raw, height)
    finally:
        textpage.close()
    paths, images = _graphics(page.raw)
    return PageWords(
        number=number,
        words=words,
        tables=_ruled_tables(paths, height) if words else [],
        has_images=images,
    )


def _words(raw, height: float) -> list[Word]:
    """The page's words, read run by run: the text page's text in one call, then
    each run of non-space characters measured at its ends. A run drawn by one
    text object has one font, size and baseline; only a run spanning several
    objects (or bending off its baseline) is measured character by character.
    Words end at PDFium's spaces: it reports the file's own spaces and those it
    infers from gaps alike as generated, so they cannot be told apart."""
    count = pdfium_c.FPDFText_CountChars(raw)
    text = _page_text(raw, count)
    if len(text) != count:  # characters outside the BMP: indexes and UTF-16 units differ
        return _split(_chars(raw, height, range(count)))
    reader = _Measure(raw, height)
    words: list[Word] = []
    for run in _RUN.finditer(text):
        words += reader.run(run.start(), run.end(), run.group())
    return words


_RUN = re.compile(r"\S+")
# Control characters and non-characters: PDFium reports them for glyphs it cannot
# map to Unicode; no JSON or XML output may carry them.
_ODD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    """A word's text without NULs, its line-end hyphen as "-", other control
    characters as U+FFFD."""
    return _ODD.sub("\ufffd", text.replace("\x00", "").replace(_LINE_END_HYPHEN, "-"))



def _page_text(raw, count: int) -> str:
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = pdfium_c.FPDFText_GetText(raw, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    return buffer.raw[: max(written - 1, 0) * 2].decode("utf-16-le", errors="replace")


class _Measure:
    """Boxes, fonts and sizes of character runs of one text page; what one text
    object shares (font, size, baseline) is asked once per object."""

    def __init__(self, raw, height: float) -> None:
        self.raw = raw
        self.height = height
        self.fonts: dict[tuple[int, float], tuple[str, float]] = {}
        self.box = pdfium_c.FS_RECTF()
        self.box_ref = ctypes.byref(self.box)
        self.objects: dict[int, tuple[float, float, str, float, float]] = {}

    def run(self, start: int, end: int, text: str) -> list[Word]:
        """The word(s) of the characters ``start`` … ``end``-1."""
        raw, box = self.raw, self.box
        first_object = _text_object(raw, start)
        if end - start > 1 and _text_object(raw, end - 1) != first_object:
            return _split(_chars(raw, self.height, range(start, end), self.fonts))
        _loose_box(raw, end - 1, self.box_ref)
        right, last_top = box.right, box.top
        if end - start > 1:
            _loose_box(raw, start, self.box_ref)
        left, first_top = box.left, box.top
        if right < left or abs(last_top - first_top) > _TOLERANCE:
            return _split(_chars(raw, self.height, range(start, end), self.fonts))
        shared = self.objects.get(first_object)
        if shared is None or abs(shared[0] - first_top) > 0.01:  # another baseline in the object
            shared = self.objects[first_object] = (first_top, *self._line_of(start, first_object))
        _, top, bottom, font, size = shared
        if _ODD.search(text):
            text = _clean(text)
            if not text:
                return []
        return [Word(text=text, x0=left, top=top, x1=right, bottom=bottom, font=font, size=size)]

    def _line_of(self, index: int, text_object: int) -> tuple[float, float, str, float]:
        """Top, bottom (pdfminer's boxes), font and size of character ``index``."""
        raw = self.raw
        size = pdfium_c.FPDFText_GetFontSize(raw, index)
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(raw, index, ctypes.byref(x), ctypes.byref(y))
        font, descent = _font(text_object, size, self.fonts)
        bottom = self.height - (y.value + descent)
        return bottom - size, bottom, font, size

def _with_addresses(function, *argtypes):
    """A PDFium function declared to take and return handles as plain addresses
    (ints): no pointer object made and cast on each of many calls."""
    return ctypes.CFUNCTYPE(ctypes.c_void_p, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


_text_object = _with_addresses(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p, ctypes.c_int)
_object_font = _with_addresses(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p)
_loose_box = pdfium_c.FPDFText_GetLooseCharBox


def _apart(before, after) -> bool:
    """Whether ``after`` starts a new word after ``before`` (as pdfplumber splits)."""
    return (
        after.x0 > before.x1 + _TOLERANCE
        or after.font != before.font
        or after.size != before.size
        or abs(after.top - before.top) > _TOLERANCE
    )


def _chars(raw, height: float, indexes: range, fonts: dict | None = None) -> list[_Char]:
    """Characters one by one, for the runs that need it."""
    fonts = {} if fonts is None else fonts
    x, y = ctypes.c_double(), ctypes.c_double()
    box = pdfium_c.FS_RECTF()
    chars = []
    for index in indexes:
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if pdfium_c.FPDFText_IsGenerated(raw, index) or code == 0:
            continue
        size = pdfium_c.FPDFText_GetFontSize(raw, index)
        pdfium_c.FPDFText_GetCharOrigin(raw, index, ctypes.byref(x), ctypes.byref(y))
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, ctypes.byref(box))
        font, descent = _font(_text_object(raw, index), size, fonts)
        bottom = height - (y.value + descent)
        chars.append(_Char(_clean(chr(code)), box.left, box.right, bottom - size, bottom, font, size))
    return chars


def _font(text_object: int, size: float, fonts: dict[tuple[int, float], tuple[str, float]]) -> tuple[str, float]:
    """The name of the text object's font and its descent at ``size`` (negative, in points)."""
    address = _object_font(text_object) or 0
    key = (address, round(size, 2))
    if key not in fonts:
        handle = ctypes.cast(address, pdfium_c.FPDF_FONT)
        buffer = ctypes.create_string_buffer(256)
        pdfium_c.FPDFFont_GetBaseFontName(handle, buffer, len(buffer))
        descent = ctypes.c_float()
        pdfium_c.FPDFFont_GetDescent(handle, ctypes.c_float(size), ctypes.byref(descent))
        fonts[key] = (buffer.value.decode("latin-1"), descent.value)
    return fonts[key]


def _split(chars: list[_Char]) -> list[Word]:
    """Characters into words the way pdfplumber's ``extract_words`` makes them."""
    words: list[Word] = []
    for line in _clusters(sorted(chars, key=lambda c: c.top)):
        current: list[_Char] = []
        for char in sorted(line, key=lambda c: c.x0):
            if char.text.isspace():
                words += _word(current)
                current = []
                continue
            if current and _apart(current[-1], char):
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


def _graphics(page) -> tuple[list, bool]:
    """The page's path objects (inside form objects too, 4 levels deep) and
    whether it draws any image, in one walk over its objects."""
    paths: list = []
    images = False
    pending = [(page, 0, True)]
    while pending:
        holder, depth, is_page = pending.pop()
        count = (pdfium_c.FPDFPage_CountObjects if is_page else pdfium_c.FPDFFormObj_CountObjects)(holder)
        get = pdfium_c.FPDFPage_GetObject if is_page else pdfium_c.FPDFFormObj_GetObject
        for index in range(count):
            obj = get(holder, index)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                paths.append(obj)
            elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                images = True
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 4:
                pending.append((obj, depth + 1, False))
    return paths, images


def _ruled_tables(paths: list, height: float) -> list[TableGrid]:
    edges = []
    bounds = [ctypes.c_float() for _ in range(4)]
    for path in paths:
        pdfium_c.FPDFPageObj_GetBounds(path, *(ctypes.byref(value) for value in bounds))
        left, bottom, right, top = (value.value for value in bounds)
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
    count = pdfium_c.FPDFPath_CountSegments(path)
    if not 4 <= count <= 6:
        return False
    x, y = ctypes.c_float(), ctypes.c_float()
    xs, ys = set(), set()
    for index in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
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
