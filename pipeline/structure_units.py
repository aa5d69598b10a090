"""Units of the body: numbered paragraphs, their list items, unnumbered content,
continuation text, and the footnote marks each unit holds."""

from __future__ import annotations

import re

from extractors.blocks import Block
from pipeline.labels import Label
from pipeline.model import (
    Action,
    AnchorKind,
    ContentBlock,
    ContentKind,
    Footnote,
    FootnoteAnchor,
    Item,
    ListItem,
    Paragraph,
    Recommendation,
)
from pipeline.numbering import true_number
from pipeline.structure_regions import opens_after_table

_SALUTATION = re.compile(r"^(?:Madam|Sir|Dear\b[^.]{0,60})[,:]?$")
_CLOSING = re.compile(r"^(?:Sincerely(?: yours)?|Yours (?:sincerely|faithfully|truly)|(?:Best|Kind) regards)[,.]?$", re.I)
_IMAGE = re.compile(r"^(?:An?|The)\s+(?:[\w-]+\s+){0,3}(?:signature|image|picture|photo(?:graph)?|logo|stamp)\b", re.I)
_URL = re.compile(r"^(?:https?://|www\.)\S+$")

_ANCHOR_KINDS = {
    Paragraph: AnchorKind.paragraph,
    ListItem: AnchorKind.list_item,
    ContentBlock: AnchorKind.content,
    Recommendation: AnchorKind.recommendation,
    Action: AnchorKind.action,
    Item: AnchorKind.item,
}


class UnitsMixin:
    """The builder's paragraphs, list items and content, with their footnote anchors."""

    def _numbered_paragraph(self, block: Block, label: Label | None, text: str) -> None:
        """A paragraph numbered as its sequence says; ``label`` is the number printed, if any."""
        if opens_after_table(block, self.region):
            self._start_annex(block.provenance)
        number, source = true_number(self.region.last_number, int(label.value) if label else None)
        section = self.region.section
        paragraph = Paragraph(
            id=f"{self.region.prefix}p{number}",
            number=number,
            printed_number=label.marker if label else None,
            number_source=source,
            text=text,
            section=section.id if section else None,
            provenance=block.provenance,
        )
        self.region.paragraphs.append(paragraph)
        self.region.last_number = number
        if section:
            section.paragraphs.append(paragraph.id)
        self.paragraph = self.unit = paragraph
        self._anchor(block, AnchorKind.paragraph, paragraph.id, paragraph)

    def _list_item(self, block: Block, label: Label) -> None:
        item = ListItem(
            id=f"{self.paragraph.id}.{len(self.paragraph.items) + 1}",
            label=label.value,
            marker=label.marker,
            text=label.rest,
            provenance=block.provenance,
        )
        self.paragraph.items.append(item)
        self.unit = item
        self._anchor(block, AnchorKind.list_item, item.id, item)

    def _unnumbered(self, block: Block, text: str) -> None:
        if self.paragraph is not None and not self.after_closing and not _URL.match(text):
            self._append(self.unit, block, text)
            return
        if _SALUTATION.match(text):
            kind = ContentKind.salutation
        elif _CLOSING.match(text):
            kind = ContentKind.closing
            self.after_closing = True
        elif self.after_closing:
            kind = ContentKind.image_description if _IMAGE.match(text) else ContentKind.signature
        elif _URL.match(text):
            kind = ContentKind.url
        else:
            kind = ContentKind.paragraph
        self._add_content(block, text, kind)

    def _add_content(self, block: Block, text: str, kind: ContentKind) -> None:
        section = self.region.section
        content = ContentBlock(
            id=f"{self.region.prefix}c{len(self.region.content) + 1}",
            kind=kind,
            text=text,
            section=section.id if section else None,
            provenance=block.provenance,
        )
        self.region.content.append(content)
        self.paragraph = self.unit = None
        self._anchor(block, AnchorKind.content, content.id, content)

    def _append(self, unit, block: Block, text: str) -> None:
        unit.text = f"{unit.text} {text}".strip()
        unit.provenance = unit.provenance.merged(block.provenance)
        kind = _ANCHOR_KINDS[type(unit)]
        self._anchor(block, kind, unit.id, unit)

    def _anchor(self, block: Block, kind: AnchorKind, target: str, unit=None) -> None:
        for mark in block.marks:
            anchor = FootnoteAnchor(kind=kind, target=target)
            anchors = self.anchors.setdefault(mark.number, [])
            if anchor not in anchors:
                anchors.append(anchor)
            if unit is not None and mark.number not in unit.footnotes:
                unit.footnotes.append(mark.number)

    def _add_footnotes(self, blocks: list[Block]) -> None:
        by_number: dict[int, Footnote] = {}
        for block in blocks:
            number = block.footnote_number
            if number in by_number:
                footnote = by_number[number]
                footnote.text = f"{footnote.text} {block.text}".strip()
                footnote.provenance = footnote.provenance.merged(block.provenance)
                continue
            by_number[number] = Footnote(
                number=number, text=block.text, anchors=self.anchors.get(number, []), provenance=block.provenance
            )
        self.doc.footnotes = [by_number[number] for number in sorted(by_number)]
