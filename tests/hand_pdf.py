"""Hand-written hostile PDF files: deep page trees, odd media boxes, stream bombs."""

from __future__ import annotations

import zlib

from tests.pdf_files import HELVETICA, pdf_from_objects
from tests.pdf_files import stream as flate_stream

FONT = HELVETICA


def stream(data: bytes, compressed: bytes | None = None) -> bytes:
    """A Flate stream object holding ``data``, or the given compressed bytes."""
    if compressed is None:
        return flate_stream(data)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(compressed) + compressed + b"\nendstream"


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
