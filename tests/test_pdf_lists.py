"""Bullet lists in PDF become the items of their paragraph, as they do from DOCX,
whatever glyph draws the bullet: a symbol font's, a private-use code point, a
bullet character, a dash."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import pdf
from pipeline.structure import build_document
from tests.pdf_files import HELVETICA, one_page_pdf, stream

INTRO = b"1. The Task Force reported on the progress of its work during the year as follows:"
ITEMS = [
    b"active participation and contributions of the members from the offices of the region;",
    b"lack of engagement of the policy makers and of the information technology experts;",
    b"difficult to share the strategies and the plans among the offices of the members.",
]
# "*" drawn by a font whose ToUnicode map says U+F0B7, as Word's Symbol bullet comes out.
_PRIVATE_USE_MAP = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Bullet def"
    b" 1 begincodespacerange <00> <FF> endcodespacerange"
    b" 1 beginbfchar <2A> <F0B7> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
)
BULLETS = {
    "Symbol font": (b"/F2", b"\\267"),
    "private use": (b"/F3", b"*"),
    "bullet character": (b"/F4", b"\\225"),
    "middle dot": (b"/F4", b"\\267"),
    "en dash": (b"/F4", b"\\226"),
    "hyphen": (b"/F4", b"-"),
}


def _list_pdf(font: bytes, glyph: bytes) -> bytes:
    lines = [b"BT /F1 11 Tf 72 760 Td (" + INTRO + b") Tj ET"]
    for index, item in enumerate(ITEMS):
        top = 742 - 18 * index
        lines.append(b"BT %s 11 Tf 90 %d Td (%s) Tj ET" % (font, top, glyph))
        lines.append(b"BT /F1 11 Tf 108 %d Td (%s) Tj ET" % (top, item))
    lines.append(b"BT /F1 11 Tf 72 660 Td (2. The next paragraph of the document follows the list.) Tj ET")
    fonts = b"<< /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R /F4 9 0 R >> >>"
    return one_page_pdf(
        b"\n".join(lines),
        fonts,
        [
            HELVETICA,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 8 0 R >>",
            stream(_PRIVATE_USE_MAP),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ],
    )


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("bullet", BULLETS, ids=list(BULLETS))
def test_bullets_under_as_follows_become_items(tmp_path, backend, bullet):
    path = tmp_path / "list.pdf"
    path.write_bytes(_list_pdf(*BULLETS[bullet]))
    document = build_document(pdf.extract(path, backend=backend))
    first, second = document.paragraphs
    assert first.text == INTRO.decode()[3:]
    assert [item.text for item in first.items] == [item.decode() for item in ITEMS]
    assert second.number == 2 and not second.items
