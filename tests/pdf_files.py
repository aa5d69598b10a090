"""Small PDF files written byte by byte for the PDF tests: odd page trees, media
boxes, streams and pages that a real file can carry."""

from __future__ import annotations

import zlib

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (numbered from 1; object 1 is the catalog), xref and all."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes) -> bytes:
    """A Flate-compressed stream object's body."""
    packed = zlib.compress(data)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"


def one_page_pdf(
    content: bytes, resources: bytes, extra: list[bytes] = (), media_box: bytes = b"[0 0 595 842]"
) -> bytes:
    """A one-page PDF with the given content stream, resources (objects 5 … of
    ``extra``) and media box."""
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox " + media_box + b" /Contents 4 0 R /Resources " + resources + b" >>",
            stream(content),
            *extra,
        ]
    )


def text_pdf(text: bytes = b"Hello from a hand-made PDF", media_box: bytes = b"[0 0 595 842]") -> bytes:
    """One line of Helvetica text."""
    content = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    return one_page_pdf(content, b"<< /Font << /F1 5 0 R >> >>", [HELVETICA], media_box)


def text_lines(lines: list[bytes], size: int = 11, left: int = 72, top: int = 760, leading: int = 14) -> bytes:
    """A content stream of Helvetica lines, one under the other."""
    out = [b"BT /F1 %d Tf %d %d Td %d TL" % (size, left, top, leading)]
    out += [b"(" + line + b") '" for line in lines]
    out.append(b"ET")
    return b"\n".join(out)


def deep_page_tree_pdf(depth: int) -> bytes:
    """A page tree of ``depth`` nested /Pages nodes above its only page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = 2 + level
        parent = b" /Parent %d 0 R" % (number - 1) if level else b""
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (number + 1, parent))
    page = 2 + depth
    objects.append(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
        b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (page - 1, page + 1, page + 2)
    )
    objects.append(stream(b"BT /F1 12 Tf 72 720 Td (Deep) Tj ET"))
    objects.append(HELVETICA)
    return pdf_from_objects(objects)


def tiny_words_pdf(count: int) -> bytes:
    """One page of ``count`` one-letter words a tenth of a point high."""
    rows = []
    for index in range(count):
        rows.append(b"1 0 0 1 %.2f %.2f Tm (x) Tj" % (10 + (index % 500) * 1.1, 20 + (index // 500) * 0.2))
    content = b"BT /F1 0.1 Tf\n" + b"\n".join(rows) + b"\nET"
    return one_page_pdf(content, b"<< /Font << /F1 5 0 R >> >>", [HELVETICA])
