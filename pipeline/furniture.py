"""Page furniture in any format's blocks: running headers and page numbers.

A PDF reader sees furniture by position on the page; text converted by another
tool keeps it as lines of text ("CWS/7/29 Prov. page 2", "Annex, page 3", a
site's "Page 1:"), sometimes inside a paragraph of a document converted onto one
line. It is decided by pattern (``pipeline/data/furniture.json``) and position:
a page line, a symbol followed by "page N" anywhere, a symbol on a line of its
own just before a page line, and the document's own symbol alone on a line after
its header. Furniture is dropped from the text and recorded, never read as a
reference to another document.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from extractors.blocks import Block
from pipeline.model import Furniture, FurnitureKind
from pipeline.symbols import Symbol, SymbolMatch, find_symbols, parse_symbol

DATA = Path(__file__).resolve().parent / "data" / "furniture.json"


@dataclass
class Sorted:
    """Blocks with their furniture taken out, and the furniture."""

    blocks: list[Block]
    furniture: list[Furniture] = field(default_factory=list)


def drop_furniture(blocks: list[Block]) -> Sorted:
    """Take running headers and page numbers out of ``blocks``, whole or inline."""
    result = Sorted([])
    symbols = [find_symbols(block.text) for block in blocks]  # each block's, found once
    for index, block in enumerate(blocks):
        kind = _whole_block_kind(block.text, symbols[index])
        if kind is None and index + 1 < len(blocks) and _symbol_alone(block.text, symbols[index]):
            if _whole_block_kind(blocks[index + 1].text, symbols[index + 1]) == FurnitureKind.page_number:
                kind = FurnitureKind.running_header  # "CWS/5/22 Prov." over "page 16"
        if kind is not None:
            result.furniture.append(Furniture(text=block.text, kind=kind, provenance=block.provenance))
            continue
        result.blocks.append(_cut_inline(block, symbols[index], result.furniture))
    return result


def is_furniture_text(text: str) -> bool:
    """A text that is a page number or a running header, whole."""
    return _whole_block_kind(text, find_symbols(text)) is not None


def may_be_page_furniture(text: str) -> bool:
    """A text that is furniture where it stands next to a page break: a page
    number or running header, whole, or a document symbol alone (the first
    line of a two-line running header)."""
    symbols = find_symbols(text)
    return _whole_block_kind(text, symbols) is not None or _symbol_alone(text, symbols) is not None


def running_header_symbol(furniture: list[Furniture]) -> str | None:
    """The symbol a running header prints ("CWS/5/22 PROV." of "CWS/5/22 Prov. / page 16")."""
    for item in furniture:
        for found in find_symbols(item.text):
            if found.kind == "document":
                return found.symbol.normalized
    return None


def drop_own_symbol_lines(blocks: list[Block], symbol: str | None, furniture: list[Furniture]) -> list[Block]:
    """Drop blocks that are only the document's own symbol (a running header left
    by a page break), recording them in ``furniture``."""
    own = parse_symbol(symbol) if symbol else None
    if own is None:
        return blocks
    kept = []
    digits = str(own.number)  # printed in any text that holds the symbol: a cheap test first
    for block in blocks:
        parsed = _symbol_alone(block.text, find_symbols(block.text)) if digits in block.text else None
        if parsed is not None and parsed.base == own.base:
            furniture.append(Furniture(text=block.text, kind=FurnitureKind.running_header, provenance=block.provenance))
        else:
            kept.append(block)
    return kept


@dataclass(frozen=True)
class _Rules:
    whole: tuple[tuple[re.Pattern, FurnitureKind], ...]
    after_symbol: re.Pattern


@cache
def _rules() -> _Rules:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    whole = [(re.compile(pattern, re.I), FurnitureKind.page_number) for pattern in data["page_number"]]
    whole += [(re.compile(pattern, re.I), FurnitureKind.running_header) for pattern in data["running_header"]]
    return _Rules(tuple(whole), re.compile(data["after_symbol"], re.I))


def _whole_block_kind(text: str, symbols: list[SymbolMatch]) -> FurnitureKind | None:
    for pattern, kind in _rules().whole:
        if pattern.match(text.strip()):
            return kind
    span = next(_running_headers(text, symbols), None)
    if span is not None and span == (0, len(text)):
        return FurnitureKind.running_header
    return None


def _symbol_alone(text: str, symbols: list[SymbolMatch]) -> Symbol | None:
    """The document symbol ``text`` (whose ``symbols`` are given) consists of,
    a glued word in front allowed as ``parse_symbol`` has it, if it starts with
    a letter."""
    stripped = text.strip()
    if len(symbols) != 1 or symbols[0].kind != "document" or not stripped[:1].isalpha():
        return None
    lead = len(text) - len(text.lstrip())
    glued = text[lead : symbols[0].start]
    at_end = symbols[0].end == lead + len(stripped)
    return symbols[0].symbol if at_end and (glued.isalpha() or not glued) else None


def _running_headers(text: str, symbols: list[SymbolMatch]):
    """(start, end) of each "<symbol> [/] [Annex,] page N" in ``text``."""
    for found in symbols:
        if found.kind != "document":
            continue
        after = _rules().after_symbol.match(text, found.end)
        if after:
            yield found.start, after.end()


def _cut_inline(block: Block, symbols: list[SymbolMatch], furniture: list[Furniture]) -> Block:
    """``block`` without the running headers printed inside its text."""
    spans = list(_running_headers(block.text, symbols))
    if not spans:
        return block
    text, marks = block.text, list(block.marks)
    for start, end in reversed(spans):
        furniture.append(Furniture(text=text[start:end], kind=FurnitureKind.running_header, provenance=block.provenance))
        before, after = text[:start].rstrip(), text[end:].lstrip()
        joined = f"{before} {after}".strip() if before and after else (before or after)
        removed = len(text) - len(joined)
        marks = [
            mark if mark.offset <= len(before) else replace(mark, offset=max(len(before), mark.offset - removed))
            for mark in marks
        ]
        text = joined
    furniture[-len(spans) :] = reversed(furniture[-len(spans) :])
    return replace(block, text=text, marks=tuple(marks))
