"""How far a paragraph or task mention runs: the entity ruler finds its head
("paragraphs 52", "Tasks Nos. 18"); the readers here follow the tokens that
continue it ("and 53 of CWS/1/10", "(c) of document CWS/5/2", "of Annex I",
", 23, 24, 33/3 and 43"), with the words of ``lexicon.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from pipeline.references.nlp import lexicon

if TYPE_CHECKING:
    from pipeline.references.tokens import KeptTokens
    from pipeline.symbols import Symbol

_NUMBER = re.compile(r"^\d{1,4}$")
_TASK_NUMBER = re.compile(r"^(\d{1,4})(?:/(\d{1,3}))?$")
_ITEM = re.compile(r"^(?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})$")
_ANNEX_LABEL = re.compile(r"^(?:[IVX]{1,5}|\d{1,2}|[A-Z])$")
_EXTENDED = frozenset({"PARAGRAPHS", "TASK"})  # the labels whose mentions run on past their head


@dataclass
class ParagraphReading:
    """What a paragraph mention says, token by token."""

    end: int
    numbers: list[int] = field(default_factory=list)
    ranges: list[tuple[int, int]] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    direction: str | None = None
    annex: str | None = None  # "Annex I" of "paragraph 29 of Annex I"; "Annex" of "of the Annex"
    symbol: Symbol | None = None  # "of document X"
    own: bool = False  # "of the present document"


@cache
def _words() -> dict:
    return lexicon()["paragraph_reference"]


class Extent(NamedTuple):
    """One mention as far as it runs: its label, its tokens (``start`` …
    ``end``, exclusive) and, for a paragraph or task mention, what it says."""

    label: str
    start: int
    end: int
    paragraphs: ParagraphReading | None = None
    tasks: tuple[tuple[int, int | None, int], ...] = ()  # number, sub-task, token index


def extended_mentions(ents: list[tuple[str, int, int]], tokens: KeptTokens) -> list[Extent]:
    """The ruler's entities (label, start, end), each paragraph and task head
    stretched over what continues it, the smaller matches it then covers (the
    symbol of "of document X") dropped; in text order."""
    if not any(label in _EXTENDED for label, _, _ in ents):
        return [Extent(*ent) for ent in ents]  # nothing to stretch: apart already
    extended = []
    for label, start, end in ents:
        if label == "PARAGRAPHS":
            reading = read_paragraphs(tokens, start)
            extended.append(Extent(label, start, max(reading.end, end), paragraphs=reading))
        elif label == "TASK":
            numbers, stop = read_tasks(tokens, start)
            extended.append(Extent(label, start, max(stop, end), tasks=tuple(numbers)))
        else:
            extended.append(Extent(label, start, end))
    kept: list[Extent] = []
    for extent in sorted(extended, key=lambda e: (e.start, -(e.end - e.start))):
        if kept and extent.start < kept[-1].end:
            continue
        kept.append(extent)
    return kept


def read_paragraphs(tokens: KeptTokens, start: int) -> ParagraphReading:
    """Read the paragraph mention whose keyword is token ``start``."""
    words = _words()
    reading = ParagraphReading(end=start + 1)
    index = start + 1
    in_range = False
    while index < len(tokens) and _NUMBER.match(tokens.text(index)):
        _add_number(reading, int(tokens.text(index)), in_range)
        index = reading.end = _read_items(tokens, index + 1, reading)
        separator = _separator(tokens, index, words["separators"])
        if separator is None or not _NUMBER.match(tokens.text(separator[1])):
            break
        in_range, index = separator[0] == "range", separator[1]
    index = reading.end
    if index + 1 < len(tokens) and tokens.text(index) == ",":
        index += 1
    if index < len(tokens) and tokens.lower(index) in words["directions"]:
        reading.direction = tokens.lower(index)
        reading.end = index + 1
    else:
        _read_target(tokens, reading.end, reading)
    return reading


def read_tasks(tokens: KeptTokens, start: int) -> tuple[list[tuple[int, int | None, int]], int]:
    """The tasks (number, sub-task, token index) of the task mention at
    token ``start`` and the index after it: "Tasks Nos. 18, 23, 33/3 and 43"."""
    numbers: list[tuple[int, int | None, int]] = []
    index = start
    while index < len(tokens) and not _TASK_NUMBER.match(tokens.text(index)):
        index += 1
    end = index
    while index < len(tokens):
        match = _TASK_NUMBER.match(tokens.text(index))
        if not match:
            break
        numbers.append((int(match.group(1)), int(match.group(2)) if match.group(2) else None, index))
        end = index + 1
        separator = _separator(tokens, end, lexicon()["task_list_separators"])
        if separator is None or not _TASK_NUMBER.match(tokens.text(separator[1])):
            break
        index = separator[1]
    return numbers, end


def _add_number(reading: ParagraphReading, number: int, in_range: bool) -> None:
    previous = reading.numbers[-1] if reading.numbers else None
    if in_range and previous is not None:
        reading.ranges.append((previous, number))
        if 0 < number - previous <= _words()["max_range"]:
            reading.numbers.extend(range(previous + 1, number + 1))
            return
    reading.numbers.append(number)


def _read_items(tokens: KeptTokens, index: int, reading: ParagraphReading) -> int:
    """Items after a number: "8 (c)", "8(c) and (d)"; the index after them."""
    while index + 2 < len(tokens) and tokens.text(index) == "(" and tokens.text(index + 2) == ")":
        label = tokens.text(index + 1)
        if not _ITEM.match(label):
            break
        reading.items.append(label)
        index += 3
        separator = _separator(tokens, index, _words()["separators"])
        if separator and tokens.text(separator[1]) == "(":
            index = separator[1]
    return index


def _separator(tokens: KeptTokens, index: int, words: dict[str, str]) -> tuple[str, int] | None:
    """("list" or "range", index of what follows) when separator words stand at
    ``index`` and something follows them."""
    kinds = []
    while index < len(tokens) and tokens.lower(index) in words and len(kinds) < 3:
        kinds.append(words[tokens.lower(index)])
        index += 1
    if not kinds or index >= len(tokens):
        return None
    return ("range" if "range" in kinds else "list"), index


def _read_target(tokens: KeptTokens, index: int, reading: ParagraphReading, of_words: str = "of") -> None:
    """ "of document X", "of X", "of Annex I (to document X)", "of the present document"."""
    words = _words()
    if index >= len(tokens):
        return
    if tokens.lower(index) in words[of_words]:
        index += 1
    elif tokens.lower(index) not in words["document"]:
        return
    if index < len(tokens) and tokens.lower(index) == "the":
        index += 1
    if index < len(tokens) and tokens.lower(index) == "annex":
        label = tokens.text(index + 1).rstrip(".") if index + 1 < len(tokens) else ""
        labelled = bool(_ANNEX_LABEL.match(label))
        reading.end = index + (2 if labelled else 1)
        reading.annex = f"{tokens.text(index)} {label}" if labelled else tokens.text(index)
        _read_target(tokens, reading.end, reading, "annex_of")
        return
    if index < len(tokens) and tokens.lower(index) in words["document"]:
        index += 1
        if index < len(tokens) and tokens.text(index) == "[":
            index += 1
    symbol = tokens.symbol(index, "document") if index < len(tokens) else None
    if symbol is not None:
        reading.symbol = symbol
        reading.end = index + 1
    elif _own(tokens, index):
        reading.own = True
        reading.end = index + 2


def _own(tokens: KeptTokens, index: int) -> bool:
    """ "present document" or "this document" at ``index`` (a "the" already read)."""
    pair = [tokens.lower(i) for i in range(index, min(index + 2, len(tokens)))]
    return pair in _words()["own_document"]
