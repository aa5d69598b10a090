"""Recommendation tables: header row, recommendations, lettered actions, roman
items and the related 40 RECs column."""

from __future__ import annotations

import re

from extractors.blocks import Block
from pipeline.headings import is_upper, looks_like_heading
from pipeline.labels import Label, LabelKind
from pipeline.model import Action, AnchorKind, Item, Recommendation

TABLE_COLUMNS = ("Recommended Actions", "Recommendations", "Related 40 RECs")

RECOMMENDATION = re.compile(r"^Recommendation\s+(\d{1,3})\s*[:.]\s*(.*)$", re.S)  # more digits: text
_RELATED = re.compile(r"^R\d+(?:\s*(?:,\s*(?:and\s+)?|and\s+)R\d+)*\s*\.?$")
_NOT_APPLICABLE = re.compile(r"^Not applicable\b", re.I)
# A table flattened into labelled lines: "Recommended Actions:", "Related 40 RECs: R1, R2 and R6".
_COLUMN_LABEL = re.compile(rf"^({'|'.join(map(re.escape, TABLE_COLUMNS))})\s*:\s*(.*)$", re.S)


def table_columns(text: str) -> list[str]:
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


class RecommendationTableMixin:
    """The builder's recommendation tables."""

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
        self.region.holds_table = True
        self.recommendation = self.unit = recommendation
        self.action = None
        self.paragraph = None
        self._anchor(block, AnchorKind.recommendation, recommendation.id, recommendation)

    def _place_in_table(self, block: Block, text: str, label: Label | None) -> bool:
        """Place a block inside the open recommendation; False when the table ended."""
        recommendation = self.recommendation
        if column := _COLUMN_LABEL.match(text):
            # The column's name stands before its cells: the label is dropped, its text read.
            self.unit = None
            self._anchor(block, AnchorKind.recommendation, recommendation.id)
            return not column.group(2) or self._place_in_table(block, column.group(2), None)
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
        elif (is_upper(text) and looks_like_heading(text)) or (label and label.kind == LabelKind.number and not label.loose):
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
