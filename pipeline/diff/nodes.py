"""Turn two sequences of model elements into aligned ``Node``s."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from pipeline.diff.align import align
from pipeline.diff.model import Node, NodeKind, Status, is_change
from pipeline.diff.words import comparison_key, diff_words

T = TypeVar("T")


@dataclass(frozen=True)
class Reader(Generic[T]):
    """How to read one kind of element: its id, label, own text, and the text it
    is paired by (its own text plus what it holds)."""

    kind: NodeKind
    short: str  # anchor prefix: "rec", "a", "fn"…
    id: Callable[[T], str]
    label: Callable[[T], str | None]
    text: Callable[[T], str]
    pairing_text: Callable[[T], str] | None = None


Children = Callable[[T | None, T | None, str], list[Node]]


def diff_sequence(
    reader: Reader[T], olds: Sequence[T], news: Sequence[T], parent: str, children: Children | None = None
) -> list[Node]:
    """Aligned nodes for ``olds`` against ``news``, in reading order."""
    pairing = reader.pairing_text or reader.text
    alignment = align([comparison_key(pairing(e)) for e in olds], [comparison_key(pairing(e)) for e in news])
    nodes = []
    for i, j in alignment.reading_order():
        old = olds[i] if i is not None else None
        new = news[j] if j is not None else None
        anchor = f"{parent}.{reader.short}{'x' if i is None else i + 1}-{'x' if j is None else j + 1}"
        kids = children(old, new, anchor) if children else []
        nodes.append(make_node(reader, old, new, anchor, kids, moved=(i, j) in alignment.moved))
    return nodes


def make_node(reader: Reader[T], old: T | None, new: T | None, anchor: str, children: list[Node], moved=False) -> Node:
    """The node of one pair, or of an element only one side has."""
    node = Node(
        anchor=anchor,
        kind=reader.kind,
        status=_status(old, new),
        old_label=reader.label(old) if old is not None else None,
        new_label=reader.label(new) if new is not None else None,
        old_id=reader.id(old) if old is not None else None,
        new_id=reader.id(new) if new is not None else None,
        old_text=reader.text(old) if old is not None else None,
        new_text=reader.text(new) if new is not None else None,
        children=children,
        moved=moved,
        changed=False,
    )
    if node.status == Status.paired:
        node.renumbered = node.old_label != node.new_label
        node.reworded = comparison_key(node.old_text) != comparison_key(node.new_text)
        node.similarity = 1.0
        if node.reworded:
            node.words, node.similarity = diff_words(node.old_text, node.new_text)
    node.changed = is_change(node) or any(child.changed for child in children)
    return node


def _status(old: object | None, new: object | None) -> Status:
    if old is None:
        return Status.added
    return Status.removed if new is None else Status.paired
