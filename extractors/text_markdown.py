"""Markdown as pandoc, markitdown and similar converters write it.

One block per line, as in text converted from DOCX, with Markdown's own traces
read: ``#`` headings (their level kept), emphasis and HTML tags dropped,
backslash escapes undone, pipe and grid tables read cell by cell (a cell's
paragraphs each a block), footnote marks ``[^1]`` / ``[[1]](#footnote-1)`` and
their texts ``[^1]: …`` / ``1. … [↑](#footnote-ref-1)`` made real footnotes,
links reduced to their text, pandoc's raw blocks (```` ```{=html} ````) skipped.
"""

from __future__ import annotations

import re

from extractors.blocks import Block, FootnoteMark, Role
from pipeline.model import Provenance
from pipeline.textnorm import normalize_space

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^(\d{1,4})\]:\s?(.*)$")
_MARKITDOWN_FOOTNOTE = re.compile(r"^(?:\d{1,4})\.\s+(.*?)\s*\[↑\]\(#footnote-ref-(\d{1,4})\)\s*$")
_FOOTNOTE_MARK = re.compile(r"\[\^(\d{1,4})\]|\[\[(\d{1,4})\]\]\(#footnote-\d+\)")
_GRID_BORDER = re.compile(r"^\+(?:[-=:]+\+)+\s*$")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_SEPARATOR = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")
_FENCE = re.compile(r"^```")
_SPAN = re.compile(r"\[([^\]]*)\]\{[^}]*\}")
_HTML_TAG = re.compile(r"</?(?:u|b|i|em|strong|span|sup|sub|br|a)\b[^>]*>", re.I)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!\"'<>|~^$])")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>")
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
_MARK = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")


def markdown_blocks(lines: list[str]) -> list[Block]:
    """The blocks of a Markdown text, in reading order."""
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        number = index + 1
        if _FENCE.match(line.strip()):
            index = _skip_fence(lines, index, blocks)
            continue
        if _GRID_BORDER.match(line.strip()):
            index = _grid_table(lines, index, blocks)
            continue
        if _PIPE_ROW.match(line):
            if not _PIPE_SEPARATOR.match(line):
                for cell in _pipe_cells(line):
                    _add(blocks, cell, number, Role.table_cell)
            index += 1
            continue
        if match := _FOOTNOTE_DEFINITION.match(line) or _MARKITDOWN_FOOTNOTE.match(line):
            footnote, text = (match.group(1), match.group(2)) if match.re is _FOOTNOTE_DEFINITION else match.group(2, 1)
            end = index + 1
            while end < len(lines) and lines[end].startswith("    ") and lines[end].strip():
                text = f"{text} {lines[end].strip()}"
                end += 1
            _add(blocks, text, number, Role.footnote, footnote_number=int(footnote), last_line=end)
            index = end
            continue
        if match := _HEADING.match(line):
            _add(blocks, match.group(2), number, Role.heading, level=len(match.group(1)))
        else:
            _add(blocks, line, number, Role.paragraph)
        index += 1
    return blocks


def clean_inline(text: str) -> str:
    """``text`` without Markdown's inline markup; footnote marks as sentinels."""
    text = _FOOTNOTE_MARK.sub(lambda m: f"{MARK_OPEN}{m.group(1) or m.group(2)}{MARK_CLOSE}", text)
    text = _IMAGE.sub(r"\1", text)
    text = _SPAN.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _SPAN.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    return text.lstrip(">").strip() if text.startswith(">") else text


def take_marks(text: str) -> tuple[str, tuple[FootnoteMark, ...]]:
    """Remove mark sentinels from ``text``, returning their numbers and offsets."""
    marks: list[FootnoteMark] = []
    parts: list[str] = []
    position = 0
    length = 0
    for match in _MARK.finditer(text):
        parts.append(text[position : match.start()])
        length += match.start() - position
        marks.append(FootnoteMark(number=int(match.group(1)), offset=length))
        position = match.end()
    parts.append(text[position:])
    return "".join(parts), tuple(marks)


def _add(
    blocks: list[Block],
    raw: str,
    line: int,
    role: Role,
    level: int | None = None,
    footnote_number: int | None = None,
    last_line: int | None = None,
) -> None:
    text, marks = take_marks(normalize_space(clean_inline(raw)))
    text = normalize_space(text)
    if not text:
        return
    provenance = Provenance(line_start=line, line_end=last_line or line)
    blocks.append(Block(text=text, provenance=provenance, role=role, level=level, marks=marks, footnote_number=footnote_number))


def _skip_fence(lines: list[str], index: int, blocks: list[Block]) -> int:
    """Past a fenced block: pandoc's raw blocks (```` ```{=html} ````) are markup and
    skipped; any other fenced text is kept line by line."""
    raw = "{=" in lines[index]
    index += 1
    while index < len(lines) and not _FENCE.match(lines[index].strip()):
        if not raw:
            _add(blocks, lines[index], index + 1, Role.paragraph)
        index += 1
    return index + 1


def _pipe_cells(line: str) -> list[str]:
    cells = re.split(r"(?<!\\)\|", line.strip())
    return [cell for cell in cells[1:-1]]


def _grid_table(lines: list[str], index: int, blocks: list[Block]) -> int:
    """Read a pandoc grid table from its top border; the index after it."""
    border = lines[index].rstrip()
    edges = [position for position, char in enumerate(border) if char == "+"]
    index += 1
    row: list[tuple[int, str]] = []
    while index < len(lines):
        line = lines[index].rstrip()
        if _GRID_BORDER.match(line):
            _grid_row(row, edges, blocks)
            row = []
            edges = [position for position, char in enumerate(line) if char == "+"] or edges
            index += 1
            continue
        if not line.startswith("|"):
            break
        row.append((index + 1, line))
        index += 1
    _grid_row(row, edges, blocks)
    return index


def _grid_row(row: list[tuple[int, str]], edges: list[int], blocks: list[Block]) -> None:
    """Each cell of one grid row, column by column; a blank cell line ends a paragraph."""
    for left, right in zip(edges, edges[1:]):
        paragraph: list[tuple[int, str]] = []
        for number, line in row + [(0, "")]:
            piece = line[left + 1 : right].strip() if number else ""
            if piece:
                paragraph.append((number, piece))
            elif paragraph:
                _add(blocks, " ".join(p for _, p in paragraph), paragraph[0][0], Role.table_cell, last_line=paragraph[-1][0])
                paragraph = []
