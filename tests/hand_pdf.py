"""Hand-written PDF files for the tests: objects in, bytes with a correct xref out."""

from __future__ import annotations

import zlib

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_from_objects(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF whose object ``n`` (1-based) is ``objects[n-1]``, with xref and trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data: bytes, compressed: bytes | None = None) -> bytes:
    """A Flate stream object holding ``data`` (or the given compressed bytes)."""
    body = zlib.compress(data) if compressed is None else compressed
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"


def one_page(content: bytes, media_box: bytes = b"[0 0 595 842]", compressed: bytes | None = None) -> bytes:
    """A one-page PDF: catalog 1, pages 2, page 3, content 4, Helvetica as /F1 (5)."""
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox " + media_box
            + b" /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(content, compressed),
            FONT,
        ]
    )


def text_content(*lines: str) -> bytes:
    """A content stream printing ``lines`` top-down in 11-point Helvetica."""
    ops = [b"BT /F1 11 Tf 72 770 Td 14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + escaped.encode("latin-1") + b") '")
    ops.append(b"ET")
    return b"\n".join(ops)


def nested_page_tree(depth: int) -> bytes:
    """A PDF whose single page hangs ``depth`` levels of /Pages nodes below the catalog."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = level + 2
        parent = b" /Parent %d 0 R" % (number - 1) if level else b""
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (number + 1, parent))
    page = len(objects) + 1
    objects.append(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
        b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (page - 1, page + 1, page + 2)
    )
    objects.append(stream(text_content("1. A paragraph on a deep page.")))
    objects.append(FONT)
    return pdf_from_objects(objects)


def deflated(size: int, byte: bytes = b" ", chunk: int = 16 * 1024 * 1024) -> bytes:
    """``size`` bytes of ``byte``, deflated without holding them in memory."""
    compressor = zlib.compressobj(1)
    block = byte * chunk
    parts = []
    for _ in range(size // chunk):
        parts.append(compressor.compress(block))
    parts.append(compressor.compress(byte * (size % chunk)))
    parts.append(compressor.flush())
    return b"".join(parts)
