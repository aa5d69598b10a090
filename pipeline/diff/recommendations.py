"""Recommendations, their actions and items, and their related 40 RECs."""

from __future__ import annotations

from pipeline.diff.model import Node, NodeKind
from pipeline.diff.nodes import Reader, diff_sequence, make_node
from pipeline.model import Action, Item, Recommendation

RELATED_COLUMN = "Related 40 RECs"

ITEMS = Reader[Item](NodeKind.item, "i", lambda e: e.id, lambda e: e.label, lambda e: e.text)
ACTIONS = Reader[Action](
    NodeKind.action,
    "a",
    lambda e: e.id,
    lambda e: e.label,
    lambda e: e.text,
    lambda e: " ".join([e.text, *(item.text for item in e.items)]),
)
RECOMMENDATIONS = Reader[Recommendation](
    NodeKind.recommendation,
    "rec",
    lambda e: e.id,
    lambda e: str(e.number),
    lambda e: e.text,
    lambda e: " ".join([e.text, *(ACTIONS.pairing_text(action) for action in e.actions)]),
)
RELATED = Reader[str](NodeKind.related_rec, "r", lambda e: e, lambda e: e, lambda e: e)
RELATED_NOTE = Reader[str](NodeKind.related_recs_note, "note", lambda e: "note", lambda e: None, lambda e: e)


def has_related_column(columns: list[str], recommendations: list[Recommendation]) -> bool:
    """The version states related 40 RECs (by its table header or its cells)."""
    return RELATED_COLUMN in columns or any(
        rec.related_recs is not None or rec.related_recs_note for rec in recommendations
    )


def diff_recommendations(
    olds: list[Recommendation], news: list[Recommendation], parent: str, compare_related: bool
) -> list[Node]:
    """Aligned recommendations; related RECs are compared only when both versions
    have the column (a dropped column is one change, reported on the table)."""

    def children(old: Recommendation | None, new: Recommendation | None, anchor: str) -> list[Node]:
        nodes = diff_sequence(ACTIONS, _actions(old), _actions(new), anchor, _action_children)
        if compare_related or old is None or new is None:
            nodes += diff_sequence(RELATED, _related(old), _related(new), anchor)
            nodes += _note(old, new, anchor)
        return nodes

    return diff_sequence(RECOMMENDATIONS, olds, news, parent, children)


def _action_children(old: Action | None, new: Action | None, anchor: str) -> list[Node]:
    return diff_sequence(ITEMS, old.items if old else [], new.items if new else [], anchor)


def _actions(rec: Recommendation | None) -> list[Action]:
    return rec.actions if rec else []


def _related(rec: Recommendation | None) -> list[str]:
    return (rec.related_recs or []) if rec else []


def _note(old: Recommendation | None, new: Recommendation | None, anchor: str) -> list[Node]:
    old_note = old.related_recs_note if old else None
    new_note = new.related_recs_note if new else None
    if old_note is None and new_note is None:
        return []
    return [make_node(RELATED_NOTE, old_note, new_note, f"{anchor}.note", [])]
