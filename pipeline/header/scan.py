"""One text of a header block cut into fields and free text, left to right.

A text may hold one field ("ORIGINAL: ENGLISH"), several glued or joined ones
("/ ECWS/5/22 PROV.", "E CWS/7/29 PROV. ORIGINAL: ENGLISH DATE: …"), or free
text: the title, or the start of the body. Free text runs until a keyword field
("ORIGINAL:", "DATE:", "prepared by") or the end of the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.header.fields import Field, field_at, next_keyword_field


@dataclass(frozen=True)
class Free:
    """Text that is no header field: ``text[start:end]``."""

    start: int
    end: int


Piece = Field | Free


def scan(text: str) -> list[Piece]:
    """The fields and free runs of ``text`` in order; white space belongs to neither."""
    pieces: list[Piece] = []
    position = _skip_space(text, 0)
    while position < len(text):
        found = field_at(text, position, whole_text=True)
        if found is not None and found.end > position:
            pieces.append(found)
            position = _skip_space(text, found.end)
            continue
        following = next_keyword_field(text, position)
        end = following.start if following else len(text)
        pieces.append(Free(position, len(text[:end].rstrip())))
        position = _skip_space(text, end)
    return pieces


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position
