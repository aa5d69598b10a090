"""One reader per input format, all producing a ``SourceDocument`` of blocks."""

from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path

from extractors.blocks import Block, SourceDocument
from pipeline.errors import InputNotFound, UnsupportedFormat
from pipeline.textnorm import valid_text

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
        return with_valid_text(reader.extract(path, backend=pdf_backend))
    return with_valid_text(reader.extract(path))


def with_valid_text(source: SourceDocument) -> SourceDocument:
    """``source`` with characters JSON and XML cannot carry replaced by U+FFFD
    (one for one, so offsets hold), counted in ``replaced_characters``."""
    replaced = 0

    def clean(text: str | None) -> str | None:
        nonlocal replaced
        if text is None:
            return None
        text, count = valid_text(text)
        replaced += count
        return text

    def cleaned(block: Block) -> Block:
        text, label = clean(block.text), clean(block.label)
        if text is block.text and label is block.label:  # valid already, as most blocks are: no copy
            return block
        return dataclasses.replace(block, text=text, label=label)

    blocks = [cleaned(block) for block in source.blocks]
    return dataclasses.replace(
        source,
        file_name=clean(source.file_name),
        blocks=blocks,
        title_hint=clean(source.title_hint),
        replaced_characters=source.replaced_characters + replaced,
    )
