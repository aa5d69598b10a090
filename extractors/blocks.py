"""The shared input type: what every extractor hands to the structure builder.

An extractor reads one file format and nothing more: it produces a flat list of
``Block``s in reading order, with a role hint and provenance. All understanding
(numbering, sections, annexes, recommendations) happens in ``pipeline.structure``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from pipeline.model import Provenance


class Role(str, Enum):
    heading = "heading"
    paragraph = "paragraph"
    list_item = "list_item"
    table_cell = "table_cell"
    footnote = "footnote"
    furniture = "furniture"


@dataclass(frozen=True)
class FootnoteMark:
    """A footnote reference mark at a character offset of its block's text."""

    number: int
    offset: int


@dataclass
class Block:
    """One paragraph-like piece of text as the format presents it.

    ``label`` is the number the format printed automatically (Word numbering:
    "7.", "(a)", "ii."), absent from ``text``. ``numbered`` says the source had
    such a number but the earlier conversion lost it (a TAB-led line in text
    converted from DOCX). ``footnote_number`` is set on ``Role.footnote`` blocks.
    """

    text: str
    provenance: Provenance
    role: Role = Role.paragraph
    label: str | None = None
    level: int | None = None
    numbered: bool = False
    marks: tuple[FootnoteMark, ...] = ()
    footnote_number: int | None = None


@dataclass
class SourceDocument:
    """Everything an extractor read from one file."""

    file_name: str
    format: str
    sha256: str
    blocks: list[Block] = field(default_factory=list)
    flavour: str | None = None
    title_hint: str | None = None
    replaced_characters: int = 0  # not valid text (lone surrogates, controls…), now U+FFFD
