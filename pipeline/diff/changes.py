"""The change list: every change of a diff in reading order, with a heading that
says where it is ("Recommendation 5, action (b)")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.diff.model import DocumentDiff, FieldChange, Node, NodeKind, Part, Status, Summary, is_change

_NAMES = {
    NodeKind.recommendation: "Recommendation {}",
    NodeKind.action: "action ({})",
    NodeKind.item: "item {}",
    NodeKind.list_item: "item {}",
    NodeKind.paragraph: "Paragraph {}",
    NodeKind.footnote: "Footnote {}",
    NodeKind.related_rec: "related REC {}",
}


@dataclass(frozen=True)
class Change:
    """One reported change: a field or a node, where it is, and what happened."""

    heading: str
    what: list[str]  # "added", "reworded", "renumbered", "moved"…
    target: FieldChange | Node | Part


def changes(diff: DocumentDiff) -> list[Change]:
    """Every change in reading order: metadata, each part, then footnotes.

    A node is listed when it is itself added, removed, reworded, renumbered or
    moved; a pair that only holds changes is walked through, and what an added or
    removed node holds comes with it.
    """
    found = [Change(field.field.capitalize(), ["changed"], field) for field in diff.metadata]
    for part in diff.parts:
        label = part.new_label or part.old_label
        prefix = f"{label}: " if len(diff.parts) > 1 else ""
        if part.status != Status.paired:
            found.append(Change(label, [part.status.value], part))
            continue
        if part.title:
            found.append(Change(f"{prefix}Annex title", ["changed"], part.title))
        for nodes in (part.columns, part.content, part.paragraphs, part.recommendations):
            found.extend(_walk(nodes, prefix))
    found.extend(_walk(diff.footnotes, ""))
    return found


def summarize(diff: DocumentDiff) -> Summary:
    """The counts of ``diff``'s changes."""
    summary = Summary()
    for change in changes(diff):
        if isinstance(change.target, FieldChange):
            summary.metadata += 1
            continue
        for word in change.what:  # added, removed, reworded, renumbered, moved
            setattr(summary, word, getattr(summary, word) + 1)
    return summary


def node_name(node: Node) -> str:
    """The node's name as a reader says it: "Recommendation 3 → 4", "action (b)"…"""
    if node.kind == NodeKind.column:
        return f"Column “{node.new_text or node.old_text}”"
    if node.kind == NodeKind.content:
        return "Unnumbered text"
    if node.kind == NodeKind.related_recs_note:
        return "related RECs note"
    return _NAMES[node.kind].format(node_label(node))


def node_label(node: Node) -> str | None:
    """The node's number or letter, "3 → 4" when it was renumbered."""
    if node.renumbered:
        return f"{node.old_label} → {node.new_label}"
    return node.new_label or node.old_label


def _walk(nodes: list[Node], path: str) -> Iterator[Change]:
    for node in nodes:
        heading = f"{path}{node_name(node)}"
        if is_change(node):
            yield Change(heading, what(node), node)
        if node.status == Status.paired:
            yield from _walk(node.children, f"{heading}, ")


def what(node: Node) -> list[str]:
    """What happened to the node itself: its status, or its change flags."""
    if node.status != Status.paired:
        return [node.status.value]
    flags = ("reworded", "renumbered", "moved")
    return [flag for flag in flags if getattr(node, flag)]
