"""Numbered paragraphs with their list items, and unnumbered content blocks."""

from __future__ import annotations

from pipeline.diff.model import Node, NodeKind
from pipeline.diff.nodes import Reader, diff_sequence
from pipeline.model import ContentBlock, ListItem, Paragraph

LIST_ITEMS = Reader[ListItem](NodeKind.list_item, "li", lambda e: e.id, lambda e: e.label or e.marker, lambda e: e.text)
PARAGRAPHS = Reader[Paragraph](
    NodeKind.paragraph,
    "p",
    lambda e: e.id,
    lambda e: str(e.number),
    lambda e: e.text,
    lambda e: " ".join([e.text, *(item.text for item in e.items)]),
)
CONTENT = Reader[ContentBlock](NodeKind.content, "c", lambda e: e.id, lambda e: None, lambda e: e.text)


def diff_paragraphs(olds: list[Paragraph], news: list[Paragraph], parent: str) -> list[Node]:
    """Aligned numbered paragraphs, their list items aligned inside each pair."""

    def items(old: Paragraph | None, new: Paragraph | None, anchor: str) -> list[Node]:
        return diff_sequence(LIST_ITEMS, old.items if old else [], new.items if new else [], anchor)

    return diff_sequence(PARAGRAPHS, olds, news, parent, items)


def diff_content(olds: list[ContentBlock], news: list[ContentBlock], parent: str) -> list[Node]:
    """Aligned unnumbered content blocks."""
    return diff_sequence(CONTENT, olds, news, parent)
