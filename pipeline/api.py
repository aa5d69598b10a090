"""The library's front door: extract a file, load an output, convert in one call."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.boundary import entry_point
from pipeline.errors import UnsupportedFormat
from pipeline.serialize import from_json, from_xml, to_json, to_xml, write_atomic

if TYPE_CHECKING:
    from pipeline.model import Document

OUTPUT_FORMATS = ("json", "xml")


@entry_point
def extract_document(path: str | Path, pdf_backend: str | None = None) -> Document:
    """The structured model of a TXT, Markdown, DOCX or PDF file (``pdf_backend``:
    "pdfium", the default, or "pdfplumber").

    Raises a ``pipeline.errors.CwsError`` subclass on a bad input.
    """
    # Imported here so that commands which only read outputs start without spaCy.
    from extractors import read_source
    from pipeline.memory import collector_paused, release_free_memory
    from pipeline.references import annotate
    from pipeline.structure import build_document

    # Each stage's leftovers go back to the system before the next stage runs, so
    # the peak is the largest stage's, not the sum of them.
    with collector_paused():
        document = build_document(read_source(Path(path), pdf_backend))
        release_free_memory()
        annotate(document)
        release_free_memory()
    return document


@entry_point
def load_document(path: str | Path) -> Document:
    """A document from one of our JSON or XML outputs, or extracted from a source file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return from_json(path.read_bytes(), str(path))
    if suffix == ".xml":
        return from_xml(path.read_bytes(), str(path))
    return extract_document(path)


@entry_point
def render(document: Document, output_format: str) -> bytes:
    """The document as 'json' or 'xml', UTF-8 bytes."""
    if output_format == "json":
        return to_json(document)
    if output_format == "xml":
        return to_xml(document)
    raise UnsupportedFormat(f"unknown output format {output_format!r}; choose from {', '.join(OUTPUT_FORMATS)}")


@entry_point
def convert(path: str | Path, out_dir: str | Path, formats: tuple[str, ...] = OUTPUT_FORMATS) -> list[Path]:
    """Extract ``path`` and write ``<out_dir>/<file name>.<format>`` atomically for each format."""
    path = Path(path)
    document = extract_document(path)
    rendered = {output_format: render(document, output_format) for output_format in formats}  # all before any write
    written = []
    for output_format, data in rendered.items():
        target = Path(out_dir) / f"{path.name}.{output_format}"
        write_atomic(target, data)
        written.append(target)
    return written
