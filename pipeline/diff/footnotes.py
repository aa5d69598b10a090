"""Footnotes, paired by their text so that a renumbered footnote still pairs."""

from __future__ import annotations

from pipeline.diff.model import Node, NodeKind, Part, Status
from pipeline.diff.nodes import Reader, diff_sequence
from pipeline.model import AnchorKind, Document, Footnote

FOOTNOTES = Reader[Footnote](
    NodeKind.footnote, "fn", lambda e: str(e.number), lambda e: str(e.number), lambda e: e.text
)


def diff_footnotes(olds: list[Footnote], news: list[Footnote]) -> list[Node]:
    """Aligned footnotes."""
    return diff_sequence(FOOTNOTES, olds, news, "notes")


def attach_header_footnotes(nodes: list[Node], parts: list[Part], old: Document, new: Document) -> list[Node]:
    """Move the footnote of a dropped (or new) table column into that column.

    A footnote marked only in a table header belongs to the header; when exactly
    one column left (or joined) the table and such a footnote went with it, it is
    part of that one change. The remaining footnote nodes are returned.
    """
    for part in parts:
        for status, document in ((Status.removed, old), (Status.added, new)):
            columns = [node for node in part.columns if node.status == status]
            if len(columns) != 1:
                continue
            header_notes = _header_footnotes(document)
            for node in [n for n in nodes if n.status == status]:
                if (node.old_id or node.new_id) in header_notes:
                    nodes.remove(node)
                    columns[0].children.append(node)
    return nodes


def _header_footnotes(document: Document) -> set[str]:
    return {
        str(footnote.number)
        for footnote in document.footnotes
        if footnote.anchors and all(anchor.kind == AnchorKind.table_header for anchor in footnote.anchors)
    }
