"""The change tree: what ``diff_documents`` returns and ``cws diff --format json`` prints.

Every aligned element is a ``Node``: a pair (old and new version of the same
element, with what changed between them) or an element only one side has. Unchanged
pairs are kept so that the tree holds both documents in full; ``changed`` says
whether a node or anything under it differs.
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

DIFF_SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Op(str, Enum):
    equal = "equal"
    insert = "insert"
    delete = "delete"
    replace = "replace"


class Segment(_Model):
    """A run of words: kept (equal), inserted, deleted or replaced."""

    op: Op
    old: str | None = Field(None, description="The words in the old text, with the spaces before them")
    new: str | None = Field(None, description="The words in the new text, with the spaces before them")


class Status(str, Enum):
    paired = "paired"
    added = "added"
    removed = "removed"


class NodeKind(str, Enum):
    recommendation = "recommendation"
    action = "action"
    item = "item"
    footnote = "footnote"
    paragraph = "paragraph"
    list_item = "list_item"
    content = "content"
    column = "column"
    related_rec = "related_rec"
    related_recs_note = "related_recs_note"


class Node(_Model):
    """One aligned element and what changed in it."""

    anchor: str = Field(description="Unique id within the diff (HTML anchor)")
    kind: NodeKind
    status: Status
    old_label: str | None = Field(None, description='Number or letter in the old version ("3", "b")')
    new_label: str | None = None
    old_id: str | None = Field(None, description="id of the element in the old document model")
    new_id: str | None = None
    reworded: bool = Field(False, description="The wording differs (capitalisation and punctuation included)")
    renumbered: bool = Field(False, description="Paired, under a different number or letter")
    moved: bool = Field(False, description="Paired, and its order relative to the others changed")
    similarity: float | None = Field(None, description="Word similarity of the pair, 0..1")
    old_text: str | None = None
    new_text: str | None = None
    words: list[Segment] = Field([], description="Word-level diff, for a reworded pair")
    children: list[Node] = Field([], description="Aligned actions, items, related RECs, footnotes of a column")
    changed: bool = Field(description="This node or one under it differs")


class FieldChange(_Model):
    """A metadata field or a title that differs."""

    anchor: str
    field: str = Field(description='"title", "symbol", "date" or "annex title"')
    old: str | None = None
    new: str | None = None
    words: list[Segment] = []


class Side(_Model):
    file_name: str
    symbol: str | None = None
    scope: str = Field(description='"document" or "annex N"')


class Part(_Model):
    """The main body or one annex, paired across the two versions."""

    anchor: str
    status: Status
    old_label: str | None = Field(None, description='"Main body" or "Annex N"')
    new_label: str | None = None
    title: FieldChange | None = None
    columns: list[Node] = Field([], description="Columns of the recommendation table")
    content: list[Node] = Field([], description="Unnumbered text, such as an annex's introduction")
    paragraphs: list[Node] = []
    recommendations: list[Node] = []


class Summary(_Model):
    """How many elements were added, removed, reworded, renumbered or moved."""

    added: int = 0
    removed: int = 0
    reworded: int = 0
    renumbered: int = 0
    moved: int = 0
    metadata: int = Field(0, description="Titles and metadata fields that differ")


class DocumentDiff(_Model):
    """The meaning-level difference between two versions of a CWS document."""

    schema_version: str = DIFF_SCHEMA_VERSION
    old: Side
    new: Side
    summary: Summary
    metadata: list[FieldChange] = []
    parts: list[Part] = []
    footnotes: list[Node] = []


def is_change(node: Node) -> bool:
    """The node itself differs (not only something under it)."""
    return node.status != Status.paired or node.reworded or node.renumbered or node.moved
