"""The default PDF backend: PDFium (pypdfium2) reads the same narrow page
geometry as pdfplumber, many times faster, for the same layout code.

Geometry is read per run of characters, not per character: the page's text in
one call, then each word measured at its two ends, and font, size and baseline
asked once per text object. Only a word drawn by several text objects is read
character by character and split the way pdfplumber's ``extract_words`` splits
(at gaps over 3 points and where the font or size changes). Boxes are
pdfminer's: a character box is one font size high, standing on the baseline
lowered by the font's descent. Ruled tables are read from the page's paths
(``pdf_pdfium_rules``). Tagged structure is not read here.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from operator import attrgetter
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.pdf_budget import Budget, pages_within_budget
from extractors.pdf_errors import damaged, encrypted
from extractors.pdf_words import PageWords, Word
from extractors.pdf_pdfium_calls import (
    FONT_NAME,
    POINT,
    RUN_FUNCTIONS,
    address,
    char_code,
    char_count,
    char_origin,
    compiled_words,
    font_size,
    is_generated,
    loose_box,
    object_font,
    text_object,
    text_range,
    text_units,
)
from extractors.pdf_pdfium_rules import graphics, ruled_tables

_TOLERANCE = 3.0  # points, as pdfplumber's defaults
_TOP, _LEFT = attrgetter("top"), attrgetter("x0")  # sort keys read in C
_LINE_END_HYPHEN = "\x02"  # how PDFium reports a hyphen that ends a line


class _Char(NamedTuple):
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


def read_pages(data: bytes, name: str, budget: Budget) -> Iterator[PageWords]:
    """The geometry of each page as PDFium reads it, within the budget. Pages
    and text pages are PDFium's own handles, each closed once read: pypdfium2's
    page objects (a finalizer and a parent's list of children each) cost about
    a twentieth of the reading."""
    document = _open(data, name)
    text = PageText()
    try:
        for index in pages_within_budget(len(document), budget):
            page = _page(document, index, name)
            try:
                yield _page_words(page, index + 1, budget, text)
            finally:
                pdfium_c.FPDF_ClosePage(page)
    finally:
        document.close()


def _page(document: pdfium.PdfDocument, index: int, name: str):
    """PDFium's handle of page ``index``, or a typed error where the page tree
    does not lead to it."""
    page = pdfium_c.FPDF_LoadPage(document.raw, index)
    if not page:
        raise damaged(name, f"page {index + 1}: Failed to load page.")
    return page


def _page_words(page, number: int, budget: Budget, page_text: PageText) -> PageWords:
    """The geometry of one page (``page``: PDFium's handle)."""
    height = pdfium_c.FPDF_GetPageHeightF(page)
    textpage = pdfium_c.FPDFText_LoadPage(page)
    if not textpage:
        raise pdfium.PdfiumError("Failed to load text page.")
    try:
        text, count = page_text.read(textpage)
        budget.check_characters(len(text) - sum(map(text.count, " \r\n")), number)  # PDFium adds spaces
        words = _words(textpage, height, text, count)
    finally:
        pdfium_c.FPDFText_ClosePage(textpage)
    paths, images = graphics(page)
    return PageWords(
        number=number,
        words=words,
        tables=ruled_tables(paths, height) if words else [],
        has_images=images,
    )


def _words(raw, height: float, text: str, count: int) -> list[Word]:
    """The page's words, read run by run: the text page's text in one call, then
    each run of non-space characters measured at its ends. A run drawn by one
    text object has one font, size and baseline; only a run spanning several
    objects (or bending off its baseline) is measured character by character.
    Words end at PDFium's spaces: it reports the file's own spaces and those it
    infers from gaps alike as generated, so they cannot be told apart. ``count``:
    the characters PDFium counts on the text page."""
    if len(text) != count:  # characters outside the BMP: indexes and UTF-16 units differ
        return _split(_chars(address(raw), height, range(count)))
    return _Measure(raw, height).words(text)


_RUN = re.compile(r"\S+")
# Control characters and non-characters: PDFium reports them for glyphs it cannot
# map to Unicode; no JSON or XML output may carry them.
_ODD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    """A word's text without NULs, its line-end hyphen as "-", other control
    characters as U+FFFD."""
    return _ODD.sub("\ufffd", text.replace("\x00", "").replace(_LINE_END_HYPHEN, "-"))



class PageText:
    """Reads a text page's whole text into one buffer kept from page to page
    (an array per page would make an array type per length, each a reference
    cycle); it doubles where a page needs more."""

    def __init__(self) -> None:
        self._buffer = text_units(4096)()

    def read(self, raw) -> tuple[str, int]:
        """All text of the text page ``raw``, PDFium's own spaces and line breaks
        included, and how many characters PDFium counts in it."""
        textpage = address(raw)
        count = char_count(textpage)
        if count + 1 > len(self._buffer):
            self._buffer = text_units(2 ** (count + 1).bit_length())()
        at = ctypes.addressof(self._buffer)
        written = text_range(textpage, 0, count, at)
        return ctypes.string_at(at, max(written - 1, 0) * 2).decode("utf-16-le", errors="replace"), count


_DOUBLE = ctypes.sizeof(ctypes.c_double)


class _Measure:
    """Boxes, fonts and sizes of character runs of one text page; what one text
    object shares (font, size, baseline) is asked once per object and baseline."""

    def __init__(self, raw, height: float) -> None:
        self.address = address(raw)
        self.height = height
        self.fonts: dict[tuple[int, float], tuple[str, float]] = {}
        self.objects: dict[int, tuple[float, float, float, str, float]] = {}

    def words(self, text: str) -> list[Word]:
        """The words of the page's text, one run of non-space characters at a
        time: by the compiled loop where it was built, else by ``python_words``."""
        if compiled_words is None:
            return self.python_words(text)
        return compiled_words(
            text, self.address, self.height, RUN_FUNCTIONS, self.objects, self.fonts, Word, _Char, _split
        )

    def python_words(self, text: str) -> list[Word]:
        """The loop of ``_pdfium_runs.c`` in Python, call for call."""
        textpage, objects = self.address, self.objects
        box = pdfium_c.FS_RECTF()
        box_at = ctypes.addressof(box)
        words: list[Word] = []
        for run in _RUN.finditer(text):
            start, end = run.span()
            last = end - 1
            obj = text_object(textpage, start) or 0
            if last > start and (text_object(textpage, last) or 0) != obj:
                words += self._split(start, end)
                continue
            loose_box(textpage, last, box_at)
            right, last_top = box.right, box.top
            if last > start:
                loose_box(textpage, start, box_at)
            left, top = box.left, box.top
            if right < left or abs(last_top - top) > _TOLERANCE:
                words += self._split(start, end)
                continue
            shared = objects.get(obj)
            if shared is None or abs(shared[0] - top) > 0.01:  # another baseline in the object
                shared = objects[obj] = (top, *self._line_of(start, obj))
            word = run.group()
            if _ODD.search(word):
                word = _clean(word)
                if not word:
                    continue
            words.append(Word(word, left, shared[1], right, shared[2], shared[3], shared[4]))
        return words

    def _split(self, start: int, end: int) -> list[Word]:
        return _split(_chars(self.address, self.height, range(start, end), self.fonts))

    def _line_of(self, index: int, obj: int) -> tuple[float, float, str, float]:
        """Top, bottom (pdfminer's boxes), font and size of character ``index``
        of text object ``obj``."""
        size = font_size(self.address, index)
        origin = POINT()
        origin_at = ctypes.addressof(origin)
        char_origin(self.address, index, origin_at, origin_at + _DOUBLE)
        font, descent = _font((object_font(obj) or 0) if obj else 0, size, self.fonts)
        bottom = self.height - (origin[1] + descent)
        return bottom - size, bottom, font, size


def _apart(before, after) -> bool:
    """Whether ``after`` starts a new word after ``before`` (as pdfplumber splits)."""
    return (
        after.x0 > before.x1 + _TOLERANCE
        or after.font != before.font
        or after.size != before.size
        or abs(after.top - before.top) > _TOLERANCE
    )


def _chars(textpage: int, height: float, indexes: range, fonts: dict | None = None) -> list[_Char]:
    """Characters one by one (of the text page at address ``textpage``), for the runs that need it."""
    fonts = {} if fonts is None else fonts
    origin = POINT()
    x_at = ctypes.addressof(origin)
    box = pdfium_c.FS_RECTF()
    box_at = ctypes.addressof(box)
    chars = []
    for index in indexes:
        code = char_code(textpage, index)
        if is_generated(textpage, index) or code == 0:
            continue
        size = font_size(textpage, index)
        char_origin(textpage, index, x_at, x_at + _DOUBLE)
        loose_box(textpage, index, box_at)
        font, descent = _font(object_font(text_object(textpage, index)) or 0, size, fonts)
        bottom = height - (origin[1] + descent)
        chars.append(_Char(_clean(chr(code)), box.left, box.right, bottom - size, bottom, font, size))
    return chars


def _font(font_address: int, size: float, fonts: dict[tuple[int, float], tuple[str, float]]) -> tuple[str, float]:
    """The name of the font at ``font_address`` and its descent at ``size`` (negative, in points)."""
    key = (font_address, round(size, 2))
    if key not in fonts:
        handle = ctypes.cast(font_address, pdfium_c.FPDF_FONT)
        buffer = FONT_NAME()
        pdfium_c.FPDFFont_GetBaseFontName(handle, buffer, len(buffer))
        descent = ctypes.c_float()
        pdfium_c.FPDFFont_GetDescent(handle, ctypes.c_float(size), ctypes.byref(descent))
        fonts[key] = (buffer.value.decode("latin-1"), descent.value)
    return fonts[key]


def _split(chars: list[_Char]) -> list[Word]:
    """Characters into words the way pdfplumber's ``extract_words`` makes them."""
    words: list[Word] = []
    for line in _clusters(sorted(chars, key=_TOP)):
        current: list[_Char] = []
        for char in sorted(line, key=_LEFT):
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
            text="".join([char.text for char in chars]),
            x0=min([char.x0 for char in chars]),
            top=min([char.top for char in chars]),
            x1=max([char.x1 for char in chars]),
            bottom=max([char.bottom for char in chars]),
            font=first.font,
            size=first.size,
        )
    ]
