"""Build a model from a piece of text as a converter left it (no file, no references)."""

from __future__ import annotations

from extractors.blocks import SourceDocument
from extractors.text import blocks_from_text, detect_flavour
from pipeline.model import Document
from pipeline.structure import build_document


def model_of(text: str, file_name: str = "input.txt") -> Document:
    """The structure the builder reads from ``text`` (flavour detected as for a file)."""
    flavour = detect_flavour(text)
    source = SourceDocument(file_name, "text", "0" * 64, blocks_from_text(text, flavour), flavour)
    return build_document(source)
