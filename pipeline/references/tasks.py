"""Tasks: every "Task No. 58" and the history of its quoted descriptions.

A description is a quotation opened right after a task mention ("created the
new Task No. 58 to: “…”", "revised the description of Task No. 58 as follows:
“…”"); it may run on through the paragraph's list items. Its session is the
last session the paragraph names before it, else the last one named before it
in the same part of the document (the narrative's current session).
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.model import Mention, Task, TaskChange, TaskDescription
from pipeline.references.find import Hit
from pipeline.references.nlp import lexicon
from pipeline.references.sessions import Located
from pipeline.references.units import Unit

_OPENING = re.compile(r"^[^“”\".]{0,80}?(?:\bto|follows|:)\s*:?\s*[“\"]")
_CLOSING = re.compile(r"[”\"]")
_TRAILING_SEE = re.compile(r"\s*\(see\b.*$", re.I | re.S)


def tasks(hits: list[Hit], units: list[Unit], sessions: list[Located]) -> list[Task]:
    """One ``Task`` per task (and sub-task) number, with its mentions and
    description history; a list ("Tasks Nos. 18, 23 and 43") names each."""
    by_number: dict[tuple[int, int | None], Task] = {}
    position = {unit.id: index for index, unit in enumerate(units)}
    for hit in hits:
        if hit.label != "TASK":
            continue
        listed = hit.listed_tasks
        for place, (number, part, start, end) in enumerate(listed):
            task = by_number.setdefault((number, part), Task(number=number, part=part))
            start = hit.start if place == 0 else start
            text = hit.unit.text[start:end]
            task.mentions.append(Mention(text=text, unit=hit.unit.id, paragraph=hit.unit.paragraph, start=start, end=end))
        if len(listed) == 1:
            following = units[position[hit.unit.id] + 1 :]
            description = _description(hit, following, sessions)
            if description is not None:
                by_number[listed[0][:2]].descriptions.append(description)
    return [by_number[key] for key in sorted(by_number, key=lambda key: (key[0], key[1] or 0))]


def _description(hit: Hit, following: list[Unit], sessions: list[Located]) -> TaskDescription | None:
    opening = _OPENING.match(hit.unit.text[hit.end :])
    if not opening:
        return None
    start = hit.end + opening.end()
    text, end = _quotation(hit.unit, start, following)
    sentence_start = hit.sentence_start
    return TaskDescription(
        text=text,
        change=_change(hit.unit.text[sentence_start : hit.start]),
        session=_session(hit, sessions),
        mention=Mention(
            text=hit.unit.text[start:end], unit=hit.unit.id, paragraph=hit.unit.paragraph, start=start, end=end
        ),
    )


def _quotation(unit: Unit, start: int, following: list[Unit]) -> tuple[str, int]:
    """The quoted text from ``start`` to its closing mark, across the list items
    of the same paragraph that follow ``unit``; and where it ends in ``unit``."""
    pieces = []
    for index, current in enumerate([unit, *following]):
        if index and current.paragraph != unit.paragraph:
            break
        begin = start if index == 0 else 0
        closing = _CLOSING.search(current.text, begin)
        pieces.append(current.text[begin : closing.start() if closing else len(current.text)])
        if closing:
            break
    end = start + len(pieces[0])
    text = " ".join(piece.strip() for piece in pieces)
    return (text if closing else _TRAILING_SEE.sub("", text)).strip(), end


def _change(before: str) -> TaskChange:
    for change, pattern in _change_patterns():
        if pattern.search(before):
            return change
    return TaskChange.revised


@cache
def _change_patterns() -> list[tuple[TaskChange, re.Pattern]]:
    return [(TaskChange(name), re.compile(pattern, re.I)) for name, pattern in lexicon()["task_changes"]]


def _session(hit: Hit, sessions: list[Located]) -> int | None:
    earlier = [entry for entry in sessions if entry.hit.order < hit.order and entry.session.number is not None]
    in_paragraph = [entry for entry in earlier if entry.hit.unit.paragraph == hit.unit.paragraph]
    in_region = [entry for entry in earlier if entry.hit.unit.region == hit.unit.region]
    chosen = in_paragraph or in_region
    return chosen[-1].session.number if chosen else None
