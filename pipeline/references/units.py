"""The text units of a document: every piece of text a reference can stand in,
with the id that spans are relative to. Order: the main body, each annex, then
section titles and footnotes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.model import Document, Paragraph


@dataclass(frozen=True)
class Unit:
    """One text with its place: ``id`` of the unit, ``paragraph`` holding it,
    ``region`` ("" for the main body or an annex id) and the paragraph number."""

    id: str
    text: str
    paragraph: str | None
    region: str
    number: int | None


def text_units(document: Document) -> Iterator[Unit]:
    """Every unit of ``document``, body text in reading order."""
    yield from _region(document.paragraphs, document.content, "")
    for annex in document.annexes:
        if annex.title:
            yield Unit(annex.id, annex.title, None, annex.id, None)
        yield from _region(annex.paragraphs, annex.content, annex.id)
        for recommendation in document.recommendations:
            if recommendation.annex == annex.id:
                yield Unit(recommendation.id, recommendation.text, recommendation.id, annex.id, None)
                for action in recommendation.actions:
                    yield Unit(action.id, action.text, recommendation.id, annex.id, None)
                    for item in action.items:
                        yield Unit(item.id, item.text, recommendation.id, annex.id, None)
    for section in document.sections:
        yield Unit(section.id, section.title, None, section.annex or "", None)
    for footnote in document.footnotes:
        yield Unit(f"fn{footnote.number}", footnote.text, None, "", None)


def _region(paragraphs: list[Paragraph], content, region: str) -> Iterator[Unit]:
    for paragraph in paragraphs:
        yield Unit(paragraph.id, paragraph.text, paragraph.id, region, paragraph.number)
        for item in paragraph.items:
            yield Unit(item.id, item.text, paragraph.id, region, paragraph.number)
    for block in content:
        yield Unit(block.id, block.text, block.id, region, None)
