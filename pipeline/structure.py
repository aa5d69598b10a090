"""Format-agnostic structure builder: a flat list of blocks becomes a ``Document``.

The same code serves text, DOCX and PDF: it reads role hints and labels where the
format gave them and typed labels ("7.", "(a)", "ii.") where it did not. It walks
the blocks once, keeping a small state: the region (main body or an annex), the
open section, paragraph and recommendation. Nothing is dropped: what fits nowhere
goes to ``Document.unclassified`` with the reason.

The walk is here; each concept it meets has its own module: ``structure_regions``
(main body and annexes), ``headings`` (sections), ``structure_units`` (paragraphs,
list items, content, footnote anchors) and ``structure_tables`` (recommendation
tables).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from extractors.blocks import Block, Role, SourceDocument
from pipeline import metadata as metadata_rules
from pipeline.footnotes import recover_footnotes
from pipeline.furniture import drop_furniture, drop_own_symbol_lines, running_header_symbol
from pipeline.header import read_header
from pipeline.headings import HeadingsMixin, is_upper, looks_like_heading
from pipeline.labels import LabelKind, parse_label
from pipeline.model import (
    Action,
    AnchorKind,
    ContentKind,
    Document,
    FootnoteAnchor,
    Metadata,
    Paragraph,
    Recommendation,
    Source,
)
from pipeline.structure_regions import Region, RegionsMixin, block_text
from pipeline.structure_tables import RECOMMENDATION, TABLE_COLUMNS, RecommendationTableMixin, table_columns
from pipeline.structure_units import UnitsMixin
from pipeline.textnorm import normalize_space

__all__ = ["TABLE_COLUMNS", "build_document", "is_upper"]

_EDITORIAL = re.compile(r"^\[(?:Annex(?:es)?\s+follows?|End of [^\]]+)\]$", re.I)
_ANNEX_FOLLOWS = re.compile(r"^\[Annex(?:es)?\s+follows?\]$", re.I)
_ANNEXED_SYMBOL = re.compile(r"\bdocument\s+([A-Z]{2,}(?:/[A-Z]+)*/\d+/\d+)\s+annexed to this document")


def build_document(source: SourceDocument) -> Document:
    """The structured model of one extracted source document."""
    return _Builder(source).build()


class _Builder(HeadingsMixin, RegionsMixin, UnitsMixin, RecommendationTableMixin):
    """The walk over the blocks and the state it keeps."""

    def __init__(self, source: SourceDocument):
        self.source = source
        self.doc = Document(
            source=Source(
                file_name=source.file_name, format=source.format, flavour=source.flavour, sha256=source.sha256,
                replaced_characters=source.replaced_characters,
            ),
            metadata=Metadata(),
        )
        self.region = Region(annex=None, paragraphs=self.doc.paragraphs, content=self.doc.content)
        self.paragraph: Paragraph | None = None
        self.unit: object | None = None  # what a continuation block is appended to
        self.recommendation: Recommendation | None = None
        self.action: Action | None = None
        self.annex_pending = False
        self.after_closing = False
        self.anchors: dict[int, list[FootnoteAnchor]] = {}
        self.section_count = 0

    def build(self) -> Document:
        blocks = [block for block in self.source.blocks if block.role != Role.furniture]
        blocks = [_normalized(block) for block in blocks]
        blocks = [block for block in blocks if block.text or block.role == Role.footnote]
        blocks = recover_footnotes(blocks)
        footnote_blocks = [block for block in blocks if block.role == Role.footnote]
        body = [block for block in blocks if block.role != Role.footnote]
        body = self._set_aside_outline(body)
        body = self._read_header(body)
        for index, block in enumerate(body):
            following = body[index + 1] if index + 1 < len(body) else None
            self._place(block, following)
        self._add_footnotes(footnote_blocks)
        self._finish_metadata()
        return self.doc

    # -- preparation -----------------------------------------------------------

    def _read_header(self, blocks: list[Block]) -> list[Block]:
        sorted_out = drop_furniture(blocks)
        self.doc.furniture = sorted_out.furniture
        header = read_header(sorted_out.blocks)
        metadata = self.doc.metadata = header.metadata
        metadata.symbol = metadata.symbol or running_header_symbol(self.doc.furniture)
        if self.source.title_hint and not metadata.title:
            metadata.title = self.source.title_hint
        return drop_own_symbol_lines(header.body, metadata.symbol, self.doc.furniture)

    # -- the walk --------------------------------------------------------------

    def _place(self, block: Block, following: Block | None) -> None:
        text = block_text(block)
        if self.annex_pending:
            self.annex_pending = False
            self._start_annex(block.provenance)
            if block.role == Role.heading or (is_upper(text) and looks_like_heading(text)):
                self.region.annex.title = text
                self._anchor(block, AnchorKind.content, self.region.annex.id)
                return
        if _EDITORIAL.match(text):
            self._add_content(block, text, ContentKind.editorial_note)
            self.annex_pending = bool(_ANNEX_FOLLOWS.match(text))
            return
        columns = table_columns(text)
        if columns:
            self._table_header(block, columns)
            return
        if match := RECOMMENDATION.match(text):
            self._start_recommendation(block, int(match.group(1)), match.group(2))
            return
        label = parse_label(text, self.action.label if self.action else None)
        if self.recommendation and self._place_in_table(block, text, label):
            return
        self.recommendation = self.action = None
        if block.role == Role.heading or self._is_heading(block, text, following):
            self._heading(block, text, following)
        elif label and label.kind == LabelKind.number:
            self._numbered_paragraph(block, int(label.value), label.rest)
        elif block.numbered and not label:
            self._numbered_paragraph(block, self.region.last_number + 1, text)
        elif label and self.paragraph:
            self._list_item(block, label)
        else:
            self._unnumbered(block, text)

    def _finish_metadata(self) -> None:
        texts = [paragraph.text for paragraph in self.doc.paragraphs]
        texts += [content.text for content in self.doc.content]
        headings = [section.title for section in self.doc.sections]
        headings += [annex.title for annex in self.doc.annexes if annex.title]
        annexed_texts = [unit.text for annex in self.doc.annexes for unit in (*annex.paragraphs, *annex.content)]
        metadata_rules.complete(self.doc.metadata, Path(self.source.file_name).stem, texts + headings + annexed_texts)
        annexed = {m.group(1) for text in texts for m in _ANNEXED_SYMBOL.finditer(text)}
        untitled = [annex for annex in self.doc.annexes if annex.title is None and not annex.table_columns]
        if len(annexed) == 1 and len(untitled) == 1:
            untitled[0].symbol = annexed.pop()


def _normalized(block: Block) -> Block:
    text = normalize_space(block.text)
    return block if text == block.text else replace(block, text=text)
