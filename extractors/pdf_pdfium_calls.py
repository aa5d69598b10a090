"""The PDFium functions the page reader calls per word or per page object,
declared to take handles and buffers as plain addresses (ints): no pointer
object is made and type-checked on each of many calls, which halves their cost.

``compiled_words`` is the page reader's loop over a text page's runs compiled
(``_pdfium_runs.c``), and ``compiled_graphics`` and ``compiled_edges`` its walk
over a page's objects and its rules' measures (``_pdfium_rules.c``), built at
install time where a C compiler is found and given the addresses of the
functions they call (``RUN_FUNCTIONS``, ``RULE_FUNCTIONS``); None where they
were not built, and the reader runs the same loops in Python."""

from __future__ import annotations

import ctypes
from functools import cache

import pypdfium2.raw as pdfium_c

_ADDRESS = ctypes.c_void_p
_INT = ctypes.c_int

# Buffers' types made once: ctypes makes an array type anew for each ``c_double * 2``
# written in a loop, and each type is a reference cycle left to the cycle collector.
POINT = ctypes.c_double * 2
FLOAT_POINT = ctypes.c_float * 2
BOUNDS = ctypes.c_float * 4
FONT_NAME = ctypes.c_char * 256


@cache
def text_units(length: int) -> type[ctypes.Array]:
    """The type of a buffer of ``length`` UTF-16 units, made once per length
    (the reader asks for powers of two only)."""
    return ctypes.c_ushort * length


def _declared(function, restype, *argtypes):
    return ctypes.CFUNCTYPE(restype, *argtypes)(_function_address(function))


def _function_address(function) -> int:
    return ctypes.cast(function, _ADDRESS).value


def _addresses(*functions) -> tuple[int, ...]:
    return tuple(map(_function_address, functions))


def address(handle) -> int:
    """The address a PDFium handle (a ctypes pointer) points to, read from the
    pointer's own storage: ``ctypes.cast`` would tie the handle into a
    reference cycle that only the cycle collector frees."""
    return _ADDRESS.from_address(ctypes.addressof(handle)).value


char_code = _declared(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _ADDRESS, _INT)
is_generated = _declared(pdfium_c.FPDFText_IsGenerated, _INT, _ADDRESS, _INT)
text_object = _declared(pdfium_c.FPDFText_GetTextObject, _ADDRESS, _ADDRESS, _INT)
object_font = _declared(pdfium_c.FPDFTextObj_GetFont, _ADDRESS, _ADDRESS)
loose_box = _declared(pdfium_c.FPDFText_GetLooseCharBox, _INT, _ADDRESS, _INT, _ADDRESS)
font_size = _declared(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _ADDRESS, _INT)
char_origin = _declared(pdfium_c.FPDFText_GetCharOrigin, _INT, _ADDRESS, _INT, _ADDRESS, _ADDRESS)

char_count = _declared(pdfium_c.FPDFText_CountChars, _INT, _ADDRESS)
text_range = _declared(pdfium_c.FPDFText_GetText, _INT, _ADDRESS, _INT, _INT, _ADDRESS)

page_objects = _declared(pdfium_c.FPDFPage_CountObjects, _INT, _ADDRESS)
page_object = _declared(pdfium_c.FPDFPage_GetObject, _ADDRESS, _ADDRESS, _INT)
form_objects = _declared(pdfium_c.FPDFFormObj_CountObjects, _INT, _ADDRESS)
form_object = _declared(pdfium_c.FPDFFormObj_GetObject, _ADDRESS, _ADDRESS, ctypes.c_ulong)
object_type = _declared(pdfium_c.FPDFPageObj_GetType, _INT, _ADDRESS)
object_bounds = _declared(pdfium_c.FPDFPageObj_GetBounds, _INT, _ADDRESS, _ADDRESS, _ADDRESS, _ADDRESS, _ADDRESS)
path_segments = _declared(pdfium_c.FPDFPath_CountSegments, _INT, _ADDRESS)
path_segment = _declared(pdfium_c.FPDFPath_GetPathSegment, _ADDRESS, _ADDRESS, _INT)
segment_point = _declared(pdfium_c.FPDFPathSegment_GetPoint, _INT, _ADDRESS, _ADDRESS, _ADDRESS)

try:
    from extractors._pdfium_runs import words as compiled_words
except ImportError:  # installed without a C compiler
    compiled_words = None

try:
    from extractors._pdfium_rules import edges as compiled_edges
    from extractors._pdfium_rules import graphics as compiled_graphics
except ImportError:  # installed without a C compiler
    compiled_edges = compiled_graphics = None

RUN_FUNCTIONS = _addresses(
    pdfium_c.FPDFText_GetTextObject,
    pdfium_c.FPDFText_GetLooseCharBox,
    pdfium_c.FPDFText_GetFontSize,
    pdfium_c.FPDFText_GetCharOrigin,
    pdfium_c.FPDFTextObj_GetFont,
    pdfium_c.FPDFFont_GetBaseFontName,
    pdfium_c.FPDFFont_GetDescent,
    pdfium_c.FPDFText_GetUnicode,
    pdfium_c.FPDFText_IsGenerated,
)

RULE_FUNCTIONS = _addresses(
    pdfium_c.FPDFPage_CountObjects,
    pdfium_c.FPDFPage_GetObject,
    pdfium_c.FPDFFormObj_CountObjects,
    pdfium_c.FPDFFormObj_GetObject,
    pdfium_c.FPDFPageObj_GetType,
    pdfium_c.FPDFPageObj_GetBounds,
    pdfium_c.FPDFPath_CountSegments,
    pdfium_c.FPDFPath_GetPathSegment,
    pdfium_c.FPDFPathSegment_GetPoint,
)
GRAPHIC_KINDS = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM)
