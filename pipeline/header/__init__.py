"""The WIPO header block: its fields (``fields``), one text cut into fields and
free text (``scan``), the block read off the front of a document (``reader``),
session ordinals (``ordinals``) and document kinds as profiles (``kinds``)."""

from __future__ import annotations

from pipeline.furniture import is_furniture_text
from pipeline.header.fields import Field
from pipeline.header.reader import HeaderReading, read_header
from pipeline.header.scan import scan

__all__ = ["HeaderReading", "is_header_line", "read_header"]


def is_header_line(text: str) -> bool:
    """A line made only of header fields (symbol, ORIGINAL, DATE, committee,
    session, place and dates, "prepared by", logo marks) or of page furniture."""
    fields = [piece for piece in scan(text) if not isinstance(piece, Field) or piece.name != "markup"]
    return bool(fields) and all(isinstance(piece, Field) for piece in fields) or is_furniture_text(text)
