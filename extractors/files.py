"""File-level checks shared by every extractor: existence, size, magic bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline import limits
from pipeline.errors import EmptyDocument, InputNotFound, TooLarge, UnsupportedFormat

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"


def read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The file's bytes, or a typed error if it is missing, empty or larger than
    ``max_bytes`` (by default the ``max_file_bytes`` limit)."""
    if max_bytes is None:
        max_bytes = limits.current().max_file_bytes
    if not path.exists():
        raise InputNotFound("no such file", str(path))
    if not path.is_file():
        raise InputNotFound("not a regular file", str(path))
    size = path.stat().st_size
    if size == 0:
        raise EmptyDocument("the file is empty (0 bytes)", str(path))
    if size > max_bytes:
        raise TooLarge(f"the file is {size:,} bytes; the limit is {max_bytes:,} (CWS_MAX_FILE_BYTES)", str(path))
    return path.read_bytes()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sniff_format(data: bytes) -> str:
    """'pdf', 'zip' or 'text' from the leading bytes (PDF headers may follow junk)."""
    if PDF_MAGIC in data[:1024]:
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return "zip"
    return "text"


def require_format(path: Path, data: bytes, expected: str) -> None:
    """Raise UnsupportedFormat when the content is not what the extension says."""
    found = sniff_format(data)
    if found != expected:
        described = {"pdf": "a PDF", "zip": "a ZIP package (DOCX)", "text": "text or an unknown binary"}
        raise UnsupportedFormat(
            f"the name says {path.suffix or 'no extension'} but the content is {described[found]}",
            str(path),
        )
