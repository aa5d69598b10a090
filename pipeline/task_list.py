"""Task-list entries: "Task No. 18" followed by its fields (description, task
leader, task force, scheduled actions), read into ``TaskEntry`` records.

Field labels are data (``TASK_FIELDS``): printed with or without their number
("2.Task Leader / Task Force Leader:"), on a line of their own or with the value
after a colon. Text before the first label is the description (its label is
often lost); text after a label belongs to that field, as printed.
"""

from __future__ import annotations

import re

from extractors.blocks import Block
from pipeline.headings import is_upper, looks_like_heading
from pipeline.model import TaskEntry

TASK_HEADING = re.compile(r"^Task\s*No\s*\.?\s*(\d{1,4}(?:/\d{1,4})?)\s*(?:[:.–-]\s*(.*))?$", re.I | re.S)

# (field of TaskEntry, label as printed); the first that matches wins.
TASK_FIELDS = (
    ("description", r"Description"),
    ("task_leader", r"Task\s*(?:Force\s*)?Leader(?:\s*/\s*Task\s*Force\s*Leader)?"),
    ("task_force", r"Task\s*Force"),
    ("scheduled_actions", r"Scheduled\s*actions(?:\s*to\s*be\s*carried\s*out)?"),
)
_FIELD_LABELS = [
    (name, re.compile(rf"^(?:\d{{1,2}}\s*\.\s*)?{label}\s*(?::\s*(.*))?$", re.I | re.S)) for name, label in TASK_FIELDS
]
_EDITORIAL = re.compile(r"^\[[^\]]*\]$")


def read_task_list(blocks: list[Block]) -> tuple[list[TaskEntry], list[Block]]:
    """The task-list entries among ``blocks`` and the blocks that are not part of one."""
    entries: list[TaskEntry] = []
    rest: list[Block] = []
    entry: TaskEntry | None = None
    field = "description"
    for block in blocks:
        if heading := TASK_HEADING.match(block.text):
            entry = TaskEntry(number=heading.group(1), provenance=block.provenance)
            entries.append(entry)
            field = "description"
            if heading.group(2):
                entry.description = heading.group(2)
            continue
        if entry is not None:
            labelled = _field_label(block.text)
            if labelled:
                field, value = labelled
                _add(entry, field, value, block)
                continue
            if not _ends_entry(block.text):
                _add(entry, field, block.text, block)
                continue
            entry = None
        rest.append(block)
    return entries, rest


def _field_label(text: str) -> tuple[str, str | None] | None:
    for name, pattern in _FIELD_LABELS:
        if match := pattern.match(text):
            return name, match.group(1) or None
    return None


def _ends_entry(text: str) -> bool:
    """A heading of the enclosing document or an editorial note closes the entry."""
    return bool(_EDITORIAL.match(text)) or (is_upper(text) and looks_like_heading(text))


def _add(entry: TaskEntry, field: str, text: str | None, block: Block) -> None:
    entry.provenance = entry.provenance.merged(block.provenance)
    if text:
        previous = getattr(entry, field)
        setattr(entry, field, f"{previous} {text}" if previous else text)
