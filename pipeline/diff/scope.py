"""What is compared: a document's main body and annexes, or one chosen annex."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.errors import InvalidRequest
from pipeline.model import Annex, ContentBlock, Document, Footnote, Paragraph, Recommendation


@dataclass(frozen=True)
class Region:
    """The main body or one annex of a document, as the diff sees it."""

    label: str
    title: str | None
    columns: list[str]
    content: list[ContentBlock]
    paragraphs: list[Paragraph]
    recommendations: list[Recommendation]


def body(document: Document) -> Region:
    """The main body: everything outside the annexes."""
    recommendations = [rec for rec in document.recommendations if rec.annex is None]
    return Region("Main body", None, [], document.content, document.paragraphs, recommendations)


def annex(document: Document, number: int) -> Region:
    """Annex ``number`` (1-based) of ``document``; InvalidRequest if it has none."""
    found = annex_model(document, number)
    recommendations = [rec for rec in document.recommendations if rec.annex == found.id]
    return Region(f"Annex {number}", found.title, found.table_columns, found.content, found.paragraphs, recommendations)


def annex_model(document: Document, number: int) -> Annex:
    """The annex numbered ``number``; InvalidRequest naming the annexes there are."""
    for candidate in document.annexes:
        if candidate.number == number:
            return candidate
    raise InvalidRequest(f"{document.source.file_name} has no annex {number} (it has {len(document.annexes)} annex(es))")


def annex_footnotes(document: Document, number: int) -> list[Footnote]:
    """The footnotes marked somewhere inside annex ``number``."""
    found = annex_model(document, number)
    inside = {found.id}
    inside.update(p.id for p in found.paragraphs)
    inside.update(item.id for p in found.paragraphs for item in p.items)
    inside.update(c.id for c in found.content)
    for rec in document.recommendations:
        if rec.annex == found.id:
            inside.add(rec.id)
            inside.update(action.id for action in rec.actions)
            inside.update(item.id for action in rec.actions for item in action.items)
    return [fn for fn in document.footnotes if any(anchor.target in inside for anchor in fn.anchors)]
