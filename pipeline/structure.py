"""Format-agnostic structure builder: a flat list of blocks becomes a ``Document``.

The same code serves text, DOCX and PDF: it reads role hints and labels where the
format gave them and typed labels ("7.", "(a)", "ii.") where it did not. It walks
the blocks once, keeping a small state: the region (main body or an annex), the
open section, paragraph and recommendation. Nothing is dropped: what fits nowhere
goes to ``Document.unclassified`` with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from extractors.blocks import Block, Role, SourceDocument
from pipeline import metadata as metadata_rules
from pipeline.footnotes import recover_footnotes
from pipeline.labels import Label, LabelKind, parse_label
from pipeline.model import (
    Action,
    AnchorKind,
    Annex,
    ContentBlock,
    ContentKind,
    Document,
    DocumentKind,
    Footnote,
    FootnoteAnchor,
    Item,
    ListItem,
    Metadata,
    Paragraph,
    Provenance,
    Recommendation,
    Section,
    Source,
    Unclassified,
)
from pipeline.textnorm import normalize_space, strip_trailing_quotes

TABLE_COLUMNS = ("Recommended Actions", "Recommendations", "Related 40 RECs")

_EDITORIAL = re.compile(r"^\[(?:Annex(?:es)?\s+follows?|End of [^\]]+)\]$", re.I)
_ANNEX_FOLLOWS = re.compile(r"^\[Annex(?:es)?\s+follows?\]$", re.I)
_RECOMMENDATION = re.compile(r"^Recommendation\s+(\d+)\s*[:.]\s*(.*)$", re.S)
_RELATED = re.compile(r"^R\d+(?:\s*(?:,\s*(?:and\s+)?|and\s+)R\d+)*\s*\.?$")
_NOT_APPLICABLE = re.compile(r"^Not applicable\b", re.I)
_SALUTATION = re.compile(r"^(?:Madam|Sir|Dear\b[^.]{0,60})[,:]?$")
_CLOSING = re.compile(r"^(?:Sincerely(?: yours)?|Yours (?:sincerely|faithfully|truly)|(?:Best|Kind) regards)[,.]?$", re.I)
_IMAGE = re.compile(r"^(?:An?|The)\s+(?:[\w-]+\s+){0,3}(?:signature|image|picture|photo(?:graph)?|logo|stamp)\b", re.I)
_URL = re.compile(r"^(?:https?://|www\.)\S+$")
_ANNEXED_SYMBOL = re.compile(r"\bdocument\s+([A-Z]{2,}(?:/[A-Z]+)*/\d+/\d+)\s+annexed to this document")
_HEADING_MAX_WORDS = 16


def build_document(source: SourceDocument) -> Document:
    """The structured model of one extracted source document."""
    return _Builder(source).build()


def is_upper(text: str) -> bool:
    """Mostly capital letters: an upper-case heading such as 'BACKGROUND'."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.75


@dataclass
class _Region:
    """The main body or one annex: where paragraphs and sections go."""

    annex: Annex | None
    paragraphs: list[Paragraph]
    content: list[ContentBlock]
    sections: list[Section] = field(default_factory=list)
    last_number: int = 0
    saw_upper_heading: bool = False

    @property
    def prefix(self) -> str:
        return f"{self.annex.id}." if self.annex else ""

    @property
    def section(self) -> Section | None:
        return self.sections[-1] if self.sections else None


class _Builder:
    def __init__(self, source: SourceDocument):
        self.source = source
        self.doc = Document(
            source=Source(
                file_name=source.file_name, format=source.format, flavour=source.flavour, sha256=source.sha256,
                replaced_characters=source.replaced_characters,
            ),
            metadata=Metadata(),
        )
        self.region = _Region(annex=None, paragraphs=self.doc.paragraphs, content=self.doc.content)
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

    def _set_aside_outline(self, blocks: list[Block]) -> list[Block]:
        """Headings repeated at the very end (a converter's outline or table of
        contents) go to ``unclassified`` rather than into the last annex."""
        texts = [block.text for block in blocks]
        start = len(blocks)
        while start > 0 and _looks_like_heading(texts[start - 1]) and texts[start - 1] in texts[: start - 1]:
            start -= 1
        if len(blocks) - start < 2:
            return blocks
        for block in blocks[start:]:
            self.doc.unclassified.append(
                Unclassified(
                    text=block.text,
                    reason="heading repeated at the end of the document (outline or table of contents)",
                    provenance=block.provenance,
                )
            )
        return blocks[:start]

    def _read_header(self, blocks: list[Block]) -> list[Block]:
        header = metadata_rules.read_header([block.text for block in blocks])
        self.doc.metadata = header.metadata
        if self.source.title_hint and not header.metadata.title:
            header.metadata.title = self.source.title_hint
        return blocks[header.consumed :]

    # -- the walk --------------------------------------------------------------

    def _place(self, block: Block, following: Block | None) -> None:
        text = f"{block.label} {block.text}" if block.label else block.text
        if self.annex_pending:
            self.annex_pending = False
            self._start_annex(block.provenance)
            if block.role == Role.heading or (is_upper(text) and _looks_like_heading(text)):
                self.region.annex.title = text
                self._anchor(block, AnchorKind.content, self.region.annex.id)
                return
        if _EDITORIAL.match(text):
            self._add_content(block, text, ContentKind.editorial_note)
            self.annex_pending = bool(_ANNEX_FOLLOWS.match(text))
            return
        columns = _table_columns(text)
        if columns:
            self._table_header(block, columns)
            return
        if match := _RECOMMENDATION.match(text):
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

    def _is_heading(self, block: Block, text: str, following: Block | None) -> bool:
        if block.numbered or block.label or not _looks_like_heading(text):
            return False
        if self.after_closing or parse_label(text):
            return False
        if is_upper(text):
            return True
        return following is not None and (following.numbered or _opens_numbered(following))

    def _heading(self, block: Block, text: str, following: Block | None) -> None:
        if following and _opens_numbered(following) and _restarts(following, self.region, self.doc):
            self._start_annex(block.provenance)
        upper = is_upper(text)
        level = block.level or (1 if upper or not self.region.saw_upper_heading else 2)
        self.region.saw_upper_heading |= upper
        while self.region.sections and self.region.sections[-1].level >= level:
            self.region.sections.pop()
        self.section_count += 1
        section = Section(
            id=f"s{self.section_count}",
            title=text,
            level=level,
            parent=self.region.section.id if self.region.section else None,
            annex=self.region.annex.id if self.region.annex else None,
            provenance=block.provenance,
        )
        self.doc.sections.append(section)
        self.region.sections.append(section)
        self.paragraph = None
        self.unit = None

    def _numbered_paragraph(self, block: Block, number: int, text: str) -> None:
        if number == 1 and _has_numbered_content(self.region, self.doc):
            self._start_annex(block.provenance)
        section = self.region.section
        paragraph = Paragraph(
            id=f"{self.region.prefix}p{number}",
            number=number,
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

    def _start_annex(self, provenance: Provenance) -> None:
        number = len(self.doc.annexes) + 1
        annex = Annex(id=f"annex{number}", number=number, provenance=provenance)
        self.doc.annexes.append(annex)
        self.region = _Region(annex=annex, paragraphs=annex.paragraphs, content=annex.content)
        self.paragraph = self.unit = self.recommendation = self.action = None

    # -- recommendation tables ---------------------------------------------------

    def _table_header(self, block: Block, columns: list[str]) -> None:
        if self.region.annex is None:
            self._start_annex(block.provenance)
        annex = self.region.annex
        if not annex.table_columns:
            annex.table_columns = columns
        elif annex.table_columns != columns and len(annex.table_columns) < len(TABLE_COLUMNS):
            annex.table_columns = annex.table_columns + columns  # header cells given one by one
        # A header repeated after a page break is furniture: dropped on purpose.
        self._anchor(block, AnchorKind.table_header, annex.id)

    def _start_recommendation(self, block: Block, number: int, statement: str) -> None:
        if self.region.annex is None:
            self._start_annex(block.provenance)
        recommendation = Recommendation(
            id=f"rec{number}",
            number=number,
            annex=self.region.annex.id,
            text=statement,
            provenance=block.provenance,
        )
        self.doc.recommendations.append(recommendation)
        self.recommendation = self.unit = recommendation
        self.action = None
        self.paragraph = None
        self._anchor(block, AnchorKind.recommendation, recommendation.id, recommendation)

    def _place_in_table(self, block: Block, text: str, label: Label | None) -> bool:
        """Place a block inside the open recommendation; False when the table ended."""
        recommendation = self.recommendation
        if label and label.kind == LabelKind.letter and label.marker.startswith("("):
            action = Action(
                id=f"{recommendation.id}.{label.value}",
                label=label.value,
                text=label.rest,
                provenance=block.provenance,
            )
            recommendation.actions.append(action)
            self.action = self.unit = action
            self._anchor(block, AnchorKind.action, action.id, action)
        elif label and label.kind == LabelKind.roman and self.action:
            item = Item(
                id=f"{self.action.id}.{label.value}",
                label=label.value,
                text=label.rest,
                provenance=block.provenance,
            )
            self.action.items.append(item)
            self.unit = item
            self._anchor(block, AnchorKind.item, item.id, item)
        elif _RELATED.match(text):
            recommendation.related_recs = (recommendation.related_recs or []) + re.findall(r"R\d+", text)
            self._note_related_provenance(block)
            self.unit = None
        elif _NOT_APPLICABLE.match(text):
            recommendation.related_recs_note = text
            self._note_related_provenance(block)
            self.unit = None
        elif (is_upper(text) and _looks_like_heading(text)) or (label and label.kind == LabelKind.number):
            return False
        elif self.unit is not None:
            self._append(self.unit, block, text)
        else:
            return False
        return True

    def _note_related_provenance(self, block: Block) -> None:
        recommendation = self.recommendation
        previous = recommendation.related_recs_provenance
        recommendation.related_recs_provenance = previous.merged(block.provenance) if previous else block.provenance

    # -- text and footnote bookkeeping ----------------------------------------------

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

    def _finish_metadata(self) -> None:
        texts = [paragraph.text for paragraph in self.doc.paragraphs]
        texts += [content.text for content in self.doc.content]
        metadata_rules.complete(self.doc.metadata, Path(self.source.file_name).stem, texts)
        if self.doc.metadata.kind == DocumentKind.unknown and any(
            content.kind == ContentKind.salutation for content in self.doc.content
        ):
            self.doc.metadata.kind = DocumentKind.circular
        annexed = {m.group(1) for text in texts for m in _ANNEXED_SYMBOL.finditer(text)}
        untitled = [annex for annex in self.doc.annexes if annex.title is None and not annex.table_columns]
        if len(annexed) == 1 and len(untitled) == 1:
            untitled[0].symbol = annexed.pop()


_ANCHOR_KINDS = {
    Paragraph: AnchorKind.paragraph,
    ListItem: AnchorKind.list_item,
    ContentBlock: AnchorKind.content,
    Recommendation: AnchorKind.recommendation,
    Action: AnchorKind.action,
    Item: AnchorKind.item,
}


def _normalized(block: Block) -> Block:
    text = normalize_space(block.text)
    return block if text == block.text else replace(block, text=text)


def _looks_like_heading(text: str) -> bool:
    words = text.split()
    if not words or len(words) > _HEADING_MAX_WORDS or len(text) > 150:
        return False
    stripped = strip_trailing_quotes(text)
    return bool(stripped) and stripped[-1] not in ".;:,!?" and not text.startswith(("“", '"', "["))


def _opens_numbered(block: Block) -> bool:
    text = f"{block.label} {block.text}" if block.label else block.text
    label = parse_label(text)
    return bool(label and label.kind == LabelKind.number)


def _restarts(block: Block, region: _Region, doc: Document) -> bool:
    text = f"{block.label} {block.text}" if block.label else block.text
    label = parse_label(text)
    return label.value == "1" and _has_numbered_content(region, doc)


def _has_numbered_content(region: _Region, doc: Document) -> bool:
    if region.paragraphs:
        return True
    return region.annex is not None and any(rec.annex == region.annex.id for rec in doc.recommendations)


def _table_columns(text: str) -> list[str]:
    """The known column names ``text`` consists of, in order; [] if it is not a header."""
    columns: list[str] = []
    rest = text.strip()
    while rest:
        for name in TABLE_COLUMNS:
            if rest.startswith(name):
                columns.append(name)
                rest = rest[len(name) :].strip()
                break
        else:
            return []
    return columns
