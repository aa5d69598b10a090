"""Footnotes and endnotes of a DOCX package, numbered as Word prints them.

Word numbers notes by the order of their references in the document, from the
``w:numStart`` of the first section's ``w:footnotePr`` (else the document-wide one
in settings.xml, else 1); the note's ``w:id`` is only a key. Footnotes and endnotes
share one count here (Word counts endnotes apart, in roman numerals by default;
the CWS documents have none).
"""

from __future__ import annotations

from lxml import etree

from extractors.blocks import Block, Role
from extractors.docx_styles import W, w_int
from extractors.docx_text import inline_text
from pipeline.model import Provenance


def first_number(settings: etree._Element | None, body: etree._Element) -> int:
    """The number of the first note: the first section's numStart, then the document's, else 1."""
    for holder in (next(body.iter(f"{W}sectPr"), None), settings):
        if holder is None:
            continue
        start = holder.find(f"{W}footnotePr/{W}numStart")
        if start is not None:
            return w_int(start, 1)
    return 1


class Notes:
    """Note texts by (kind, id), with display numbers given in reference order."""

    def __init__(self, footnotes: etree._Element | None, endnotes: etree._Element | None, start: int):
        self.texts: dict[tuple[str, str], str] = {}
        for kind, root in (("footnote", footnotes), ("endnote", endnotes)):
            if root is None:
                continue
            for note in root.iter(f"{W}{kind}"):
                if note.get(f"{W}type", "normal") != "normal":  # separators
                    continue
                paragraphs = (inline_text(paragraph).text for paragraph in note.iter(f"{W}p"))
                self.texts[(kind, note.get(f"{W}id", ""))] = " ".join(text for text in paragraphs if text)
        self.start = start
        self.referenced: dict[tuple[str, str], tuple[int, Provenance]] = {}  # in reference order

    def number(self, kind: str, note_id: str, provenance: Provenance) -> int | None:
        """The display number of a referenced note (None if the note does not exist)."""
        key = (kind, note_id)
        if key not in self.texts:
            return None
        if key not in self.referenced:
            self.referenced[key] = (self.start + len(self.referenced), provenance)
        return self.referenced[key][0]

    def blocks(self) -> list[Block]:
        """One ``Role.footnote`` block per referenced note, in number order."""
        return [
            Block(text=self.texts[key], provenance=provenance, role=Role.footnote, footnote_number=number)
            for key, (number, provenance) in self.referenced.items()
        ]
