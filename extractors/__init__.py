"""One reader per input format, all producing a ``SourceDocument`` of blocks."""

from __future__ import annotations

import importlib
from pathlib import Path

from extractors.blocks import SourceDocument
from pipeline.errors import InputNotFound, UnsupportedFormat

READERS = {
    ".txt": "extractors.text",
    ".md": "extractors.text",
    ".markdown": "extractors.text",
    ".docx": "extractors.docx",
    ".pdf": "extractors.pdf",
}


def read_source(path: Path, pdf_backend: str | None = None) -> SourceDocument:
    """Extract the blocks of ``path`` with the reader its extension names
    (``pdf_backend``: "pdfium", the default, or "pdfplumber")."""
    if not path.is_file():
        raise InputNotFound("no such file" if not path.exists() else "not a regular file", str(path))
    module_name = READERS.get(path.suffix.lower())
    if module_name is None:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormat(f"unknown extension {path.suffix or '(none)'!r}; readable: {known}", str(path))
    reader = importlib.import_module(module_name)
    if pdf_backend and module_name == "extractors.pdf":
        return reader.extract(path, backend=pdf_backend)
    return reader.extract(path)
