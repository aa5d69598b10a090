"""Paragraph numbers decided by the sequence, not by the look of one line.

Converters leave numbers glued to the text, without their dot, run together on
one line, restarting at "1." after every heading (a Markdown list), or drop them.
The true number of a paragraph is the one that continues its region's sequence;
what was printed is kept beside it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.blocks import Block, FootnoteMark, Role
from pipeline.labels import MAX_NUMBER_DIGITS, parse_number
from pipeline.model import AnchorKind, ContentBlock, ContentKind, Document, DocumentKind, NumberSource, Paragraph

# A paragraph number inside a block's text: after a space, before a capital or quote.
_INLINE_NUMBER = re.compile(rf"(?<=\s)(\d{{1,{MAX_NUMBER_DIGITS}}})\.\s*(?=[A-Z“\"‘])")


def true_number(last: int, printed: int | None) -> tuple[int, NumberSource]:
    """The number of the paragraph after ``last`` that printed ``printed``.

    A number that continues the sequence, or skips forward (an excerpt, a lost
    paragraph), is taken as printed; one that goes back (a list restarting at
    "1.", a repeated number) is renumbered; none printed is inferred.
    """
    if printed is None:
        return last + 1, NumberSource.inferred
    if printed > last:
        return printed, NumberSource.printed
    return last + 1, NumberSource.renumbered


def split_run_together(blocks: list[Block]) -> list[Block]:
    """Blocks holding several numbered paragraphs run together ("… INTRODUCTION
    1. The Committee … 2. The following …") split where a number continues the
    sequence; the text before the first number stays a block of its own. It takes
    two such numbers inside the text: one alone may be a citation ("paragraph 3.").
    """
    expected = 1
    result: list[Block] = []
    for block in blocks:
        pieces = _split_points(block, expected) if block.role == Role.paragraph and not block.label else []
        if len([point for point in pieces if point]) >= 2:
            result.extend(_split(block, pieces))
            expected = int(parse_number(block.text[pieces[-1] :]).value) + 1
            continue
        opening = parse_number(block.text) if not block.label else None
        if opening:
            expected = int(opening.value) + 1
        result.append(block)
    return result


def _split_points(block: Block, expected: int) -> list[int]:
    """Offsets where numbers ``expected``, ``expected + 1``, … open paragraphs."""
    points: list[int] = []
    opening = parse_number(block.text)
    if opening and int(opening.value) == expected:
        points.append(0)
        expected += 1
    for match in _INLINE_NUMBER.finditer(block.text):
        if int(match.group(1)) == expected:
            points.append(match.start())
            expected += 1
    return points


def _split(block: Block, points: list[int]) -> list[Block]:
    bounds = ([0] if points[0] else []) + points + [len(block.text)]
    pieces = []
    for start, end in zip(bounds, bounds[1:]):
        text = block.text[start:end].strip()
        lead = start + len(block.text[start:end]) - len(block.text[start:end].lstrip())
        marks = tuple(
            FootnoteMark(number=mark.number, offset=min(max(mark.offset - lead, 0), len(text)))
            for mark in block.marks
            if start <= mark.offset < end or (end == len(block.text) and mark.offset == end)
        )
        if text:
            pieces.append(replace(block, text=text, marks=marks))
    return pieces


# Kinds whose every body paragraph is numbered, and kinds that are not.
NUMBERED_KINDS = (
    DocumentKind.working_document,
    DocumentKind.draft_report,
    DocumentKind.report,
    DocumentKind.summary_by_the_chair,
    DocumentKind.general_assembly_report,
)
UNNUMBERED_KINDS = (DocumentKind.circular, DocumentKind.task_list)


def infer_lost_numbers(doc: Document) -> None:
    """A meeting document whose converter dropped every paragraph number: its
    unnumbered body paragraphs become paragraphs 1, 2, … (``inferred``); one
    opening in lower case goes on from the paragraph before.

    Only where the header names a session or the kind numbers every paragraph,
    and the body holds no number at all; a circular, a task list, a web page or
    a letter keeps its unnumbered text.
    """
    meta = doc.metadata
    meeting = meta.session is not None or meta.kind in NUMBERED_KINDS
    kinds = {content.kind for content in doc.content}
    if doc.paragraphs or not meeting or meta.kind in UNNUMBERED_KINDS or ContentKind.salutation in kinds:
        return
    renamed: dict[str, str] = {}
    sections = {section.id: section for section in doc.sections}
    kept: list[ContentBlock] = []
    for content in doc.content:
        if content.kind != ContentKind.paragraph:
            kept.append(content)
            continue
        if doc.paragraphs and content.text[0].islower():  # a paragraph broken where a page ended
            last = doc.paragraphs[-1]
            last.text = f"{last.text} {content.text}"
            last.footnotes += [number for number in content.footnotes if number not in last.footnotes]
            last.provenance = last.provenance.merged(content.provenance)
            renamed[content.id] = last.id
            continue
        number = len(doc.paragraphs) + 1
        paragraph = Paragraph(
            id=f"p{number}",
            number=number,
            number_source=NumberSource.inferred,
            text=content.text,
            section=content.section,
            footnotes=content.footnotes,
            provenance=content.provenance,
        )
        doc.paragraphs.append(paragraph)
        renamed[content.id] = paragraph.id
        if content.section in sections:
            sections[content.section].paragraphs.append(paragraph.id)
    doc.content = kept
    for footnote in doc.footnotes:
        for anchor in footnote.anchors:
            if anchor.kind == AnchorKind.content and anchor.target in renamed:
                anchor.kind, anchor.target = AnchorKind.paragraph, renamed[anchor.target]
