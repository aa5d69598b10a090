"""Footnotes whose links a text conversion lost.

Text converted from PDF keeps a footnote mark as a digit glued to the word before
it ("RECs1", "projects2") and the footnote's text as a line "1 40 Recommendations
from …" where the page ended. A line counts as footnote text only when a glued
mark with its number stands earlier in the document; a glued digit counts as a
mark only when that footnote exists. Blocks that already carry explicit marks and
footnotes (DOCX, PDF, ``[footnoteRef:N]``) are left as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.blocks import Block, FootnoteMark, Role

_GLUED_MARK = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2,}[a-z](\d{1,2})(?!\d)(?!\.\d)")
# What every glued mark holds, found by a scan several times faster than the
# mark's own pattern, which backtracks through every word it starts on.
_LETTER_THEN_DIGIT = re.compile(r"[a-z]\d")
_DEFINITION = re.compile(r"^(\d{1,2})\s+(?!\d+\.)(\S.*)$")


def recover_footnotes(blocks: list[Block]) -> list[Block]:
    """Blocks with glued marks turned into ``FootnoteMark``s and footnote lines
    turned into ``Role.footnote`` blocks."""
    defined = {block.footnote_number for block in blocks if block.role == Role.footnote}
    seen_marks: set[int] = set()
    recovered: list[tuple[Block, list[re.Match]]] = []  # each block with its glued marks, found once
    for block in blocks:
        glued: list[re.Match] = []
        if block.role != Role.footnote:
            match = _DEFINITION.match(block.text)
            number = int(match.group(1)) if match else None
            if match and number in seen_marks and number not in defined:
                defined.add(number)
                recovered.append(
                    (replace(block, text=match.group(2), role=Role.footnote, footnote_number=number), glued)
                )
                continue
            glued = list(_GLUED_MARK.finditer(block.text)) if _LETTER_THEN_DIGIT.search(block.text) else []
            seen_marks.update(int(m.group(1)) for m in glued)
        recovered.append((block, glued))
    return [_take_glued_marks(block, glued, defined) for block, glued in recovered]


def _take_glued_marks(block: Block, glued: list[re.Match], defined: set[int | None]) -> Block:
    if block.role == Role.footnote or block.marks:
        return block
    marks: list[FootnoteMark] = []
    pieces: list[str] = []
    position = 0
    for match in glued:
        number = int(match.group(1))
        if number not in defined:
            continue
        start = match.start(1)
        pieces.append(block.text[position:start])
        marks.append(FootnoteMark(number=number, offset=sum(map(len, pieces))))
        position = match.end(1)
    if not marks:
        return block
    pieces.append(block.text[position:])
    return replace(block, text="".join(pieces), marks=tuple(marks))
