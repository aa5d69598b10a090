"""The visible text of a WordprocessingML paragraph, as Word shows it.

Tracked changes read as accepted (``w:ins``/``w:moveTo`` kept, ``w:del``/
``w:moveFrom`` dropped); hyperlinks, simple and complex fields give their shown
result (field instructions are dropped); equations give the text of their math
runs; hidden runs (``w:vanish``) and comment marks are left out. Footnote and
endnote references are returned with their offsets; text boxes are returned for
the caller to read as paragraphs of their own.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from lxml import etree

from extractors.docx_styles import W, w_on
from pipeline.textnorm import normalize_space

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_SKIPPED = {
    f"{W}{name}"
    for name in (
        "pPr", "rPr", "del", "moveFrom", "delText", "instrText", "delInstrText", "commentReference",
        "footnoteRef", "endnoteRef", "separator", "continuationSeparator", "annotationRef", "fldData",
    )
}
_TEXT_OF = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}br": " ", f"{W}cr": " ", f"{W}noBreakHyphen": "-"}
_NOTE_REFERENCES = {f"{W}footnoteReference": "footnote", f"{W}endnoteReference": "endnote"}


@dataclass
class InlineText:
    """A paragraph's text with its note references (kind, id, offset) and text boxes."""

    text: str = ""
    references: list[tuple[str, str, int]] = field(default_factory=list)
    boxes: list[etree._Element] = field(default_factory=list)


def inline_text(paragraph: etree._Element) -> InlineText:
    """The normalized visible text of ``paragraph``; offsets refer to that text."""
    pieces: list[str] = []
    raw = InlineText()
    _walk(paragraph, pieces, raw)
    joined = "".join(pieces)
    references = [(kind, note_id, len(normalize_space(joined[:offset]))) for kind, note_id, offset in raw.references]
    return InlineText(text=normalize_space(joined), references=references, boxes=raw.boxes)


def _walk(element: etree._Element, pieces: list[str], found: InlineText) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag in (f"{W}t", f"{MATH}t"):  # text runs and Office Math runs
            pieces.append(child.text or "")
        elif tag in _TEXT_OF:
            pieces.append(_TEXT_OF[tag])
        elif tag == f"{W}sym":
            pieces.append(_symbol(child))
        elif tag in _NOTE_REFERENCES:
            offset = sum(map(len, pieces))
            found.references.append((_NOTE_REFERENCES[tag], child.get(f"{W}id", ""), offset))
        elif tag == f"{W}r" and w_on(child.find(f"{W}rPr/{W}vanish")):  # hidden text
            continue
        elif tag == f"{MC}AlternateContent":
            chosen = child.find(f"{MC}Choice")
            if chosen is None:
                chosen = child.find(f"{MC}Fallback")
            if chosen is not None:
                _walk(chosen, pieces, found)
        elif tag in (f"{W}drawing", f"{W}pict", f"{W}object"):
            found.boxes.extend(_outer_boxes(child))
        else:  # runs, hyperlinks, fields, insertions, smart tags, inline content controls
            _walk(child, pieces, found)


def _symbol(sym: etree._Element) -> str:
    code = sym.get(f"{W}char", "")
    try:
        value = int(code, 16) if len(code) <= 8 else -1
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:  # Symbol-font code page
        value -= 0xF000
    return chr(value) if 0x20 <= value <= sys.maxunicode else ""  # lone surrogates are replaced later


def _outer_boxes(drawing: etree._Element) -> list[etree._Element]:
    """The text-box contents inside a drawing, without boxes nested in boxes."""
    boxes = []
    for box in drawing.iter(f"{W}txbxContent"):
        nested = False
        for ancestor in box.iterancestors():
            if ancestor is drawing:
                break
            if ancestor.tag == f"{W}txbxContent":
                nested = True
                break
        if not nested:
            boxes.append(box)
    return boxes
