"""Regions of a document: the main body and each annex, where paragraphs go."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.blocks import Block
from pipeline.labels import LabelKind, parse_label
from pipeline.model import Annex, ContentBlock, Paragraph, Provenance, Section


@dataclass
class Region:
    """The main body or one annex: where paragraphs and sections go."""

    annex: Annex | None
    paragraphs: list[Paragraph]
    content: list[ContentBlock]
    sections: list[Section] = field(default_factory=list)
    last_number: int = 0
    saw_upper_heading: bool = False
    holds_table: bool = False  # a recommendation table stands in this annex

    @property
    def prefix(self) -> str:
        return f"{self.annex.id}." if self.annex else ""

    @property
    def section(self) -> Section | None:
        return self.sections[-1] if self.sections else None


def block_text(block: Block) -> str:
    """The block's text with the number its format printed automatically."""
    return f"{block.label} {block.text}" if block.label else block.text


def opens_numbered(block: Block) -> bool:
    """The block opens with a paragraph number."""
    label = parse_label(block_text(block))
    return bool(label and label.kind == LabelKind.number)


def opens_after_table(block: Block, region: Region) -> bool:
    """Paragraph 1 after an annex's recommendation table: the table has ended and
    a document reproduced after it begins (its own annex). Numbering that merely
    restarts elsewhere never opens an annex."""
    label = parse_label(block_text(block))
    return bool(label and label.value == "1") and region.holds_table and not region.paragraphs


class RegionsMixin:
    """The builder's regions: opening an annex."""

    def _start_annex(self, provenance: Provenance) -> None:
        number = len(self.doc.annexes) + 1
        annex = Annex(id=f"annex{number}", number=number, provenance=provenance)
        self.doc.annexes.append(annex)
        self.region = Region(annex=annex, paragraphs=annex.paragraphs, content=annex.content)
        self.paragraph = self.unit = self.recommendation = self.action = None
