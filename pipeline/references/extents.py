"""How far a paragraph or task mention runs: the entity ruler finds its head
("paragraphs 52", "Tasks Nos. 18"); the readers here follow the tokens that
continue it ("and 53 of CWS/1/10", "(c) of document CWS/5/2", "of Annex I",
", 23, 24, 33/3 and 43"), with the words of ``lexicon.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from pipeline.references.nlp import lexicon, token_symbol

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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
    symbol: Token | None = None  # "of document X"
    own: bool = False  # "of the present document"


@cache
def _words() -> dict:
    return lexicon()["paragraph_reference"]


def extend_mentions(doc: Doc) -> None:
    """Stretch each paragraph and task head over what continues it, dropping the
    smaller matches it then covers (the symbol of "of document X")."""
    from spacy.tokens import Span

    ents = doc.ents
    if not any(ent.label_ in _EXTENDED for ent in ents):
        return  # nothing to stretch: the ruler's entities stand as they are, apart already
    extended = []
    for ent in ents:
        if ent.label_ == "PARAGRAPHS":
            end = read_paragraphs(doc, ent.start).end
        elif ent.label_ == "TASK":
            end = read_tasks(doc, ent.start)[1]
        else:
            end = ent.end
        extended.append(Span(doc, ent.start, max(end, ent.end), label=ent.label_))
    kept = []
    for span in sorted(extended, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    doc.ents = kept


def read_paragraphs(doc: Doc, start: int) -> ParagraphReading:
    """Read the paragraph mention whose keyword is ``doc[start]``."""
    words = _words()
    reading = ParagraphReading(end=start + 1)
    index = start + 1
    in_range = False
    while index < len(doc) and _NUMBER.match(doc[index].text):
        _add_number(reading, int(doc[index].text), in_range)
        index = reading.end = _read_items(doc, index + 1, reading)
        separator = _separator(doc, index, words["separators"])
        if separator is None or not _NUMBER.match(doc[separator[1]].text):
            break
        in_range, index = separator[0] == "range", separator[1]
    index = reading.end
    if index + 1 < len(doc) and doc[index].text == ",":
        index += 1
    if index < len(doc) and doc[index].lower_ in words["directions"]:
        reading.direction = doc[index].lower_
        reading.end = index + 1
    else:
        _read_target(doc, reading.end, reading)
    return reading


def read_tasks(doc: Doc, start: int) -> tuple[list[tuple[int, int | None, int]], int]:
    """The tasks (number, sub-task, token index) of the task mention at
    ``doc[start]`` and the index after it: "Tasks Nos. 18, 23, 33/3 and 43"."""
    numbers: list[tuple[int, int | None, int]] = []
    index = start
    while index < len(doc) and not _TASK_NUMBER.match(doc[index].text):
        index += 1
    end = index
    while index < len(doc):
        match = _TASK_NUMBER.match(doc[index].text)
        if not match:
            break
        numbers.append((int(match.group(1)), int(match.group(2)) if match.group(2) else None, index))
        end = index + 1
        separator = _separator(doc, end, lexicon()["task_list_separators"])
        if separator is None or not _TASK_NUMBER.match(doc[separator[1]].text):
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


def _read_items(doc: Doc, index: int, reading: ParagraphReading) -> int:
    """Items after a number: "8 (c)", "8(c) and (d)"; the index after them."""
    while index + 2 < len(doc) and doc[index].text == "(" and doc[index + 2].text == ")":
        label = doc[index + 1].text
        if not _ITEM.match(label):
            break
        reading.items.append(label)
        index += 3
        separator = _separator(doc, index, _words()["separators"])
        if separator and doc[separator[1]].text == "(":
            index = separator[1]
    return index


def _separator(doc: Doc, index: int, words: dict[str, str]) -> tuple[str, int] | None:
    """("list" or "range", index of what follows) when separator words stand at
    ``index`` and something follows them."""
    kinds = []
    while index < len(doc) and doc[index].lower_ in words and len(kinds) < 3:
        kinds.append(words[doc[index].lower_])
        index += 1
    if not kinds or index >= len(doc):
        return None
    return ("range" if "range" in kinds else "list"), index


def _read_target(doc: Doc, index: int, reading: ParagraphReading, of_words: str = "of") -> None:
    """ "of document X", "of X", "of Annex I (to document X)", "of the present document"."""
    words = _words()
    if index >= len(doc):
        return
    if doc[index].lower_ in words[of_words]:
        index += 1
    elif doc[index].lower_ not in words["document"]:
        return
    if index < len(doc) and doc[index].lower_ == "the":
        index += 1
    if index < len(doc) and doc[index].lower_ == "annex":
        label = doc[index + 1].text.rstrip(".") if index + 1 < len(doc) else ""
        labelled = bool(_ANNEX_LABEL.match(label))
        reading.end = index + (2 if labelled else 1)
        reading.annex = f"{doc[index].text} {label}" if labelled else doc[index].text
        _read_target(doc, reading.end, reading, "annex_of")
        return
    if index < len(doc) and doc[index].lower_ in words["document"]:
        index += 1
        if index < len(doc) and doc[index].text == "[":
            index += 1
    if index < len(doc) and token_symbol(doc[index], "document"):
        reading.symbol = doc[index]
        reading.end = index + 1
    elif _own(doc, index):
        reading.own = True
        reading.end = index + 2


def _own(doc: Doc, index: int) -> bool:
    """ "present document" or "this document" at ``index`` (a "the" already read)."""
    pair = [token.lower_ for token in doc[index : index + 2]]
    return pair in _words()["own_document"]
