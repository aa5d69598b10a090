"""Headings: what looks like one, upper-case titles, and outlines repeated at the end."""

from __future__ import annotations

import re

from extractors.blocks import Block
from pipeline.labels import parse_label
from pipeline.model import Section, Unclassified
from pipeline.structure_regions import opens_after_table, opens_numbered
from pipeline.textnorm import strip_trailing_quotes

HEADING_MAX_WORDS = 16
# "Agenda Item 3: Adoption of the agenda", "AGENDA ITEM 3", "Item 3 of the agenda".
AGENDA_ITEM = re.compile(
    r"^(?:Agenda\s*Item\s*(\d{1,3})\b|Item\s+(\d{1,3})\s+of\s+the\s+(?:draft\s+)?agenda\b)\s*[:.–-]?", re.I
)
_AGENDA_ITEM_MAX_WORDS = 40
_ASCII_UPPER = re.compile("[A-Z]")
_ASCII_LETTER = re.compile("[A-Za-z]")


def is_upper(text: str) -> bool:
    """Mostly capital letters: an upper-case heading such as 'BACKGROUND'."""
    if text.isascii():  # counted by the regex engine, not letter by letter
        upper, letters = len(_ASCII_UPPER.findall(text)), len(_ASCII_LETTER.findall(text))
    else:
        letters = sum(map(str.isalpha, text))
        upper = sum(ch.isupper() and ch.isalpha() for ch in text)
    return letters > 0 and upper / letters > 0.75


def looks_like_heading(text: str) -> bool:
    """Short, and not ending like a sentence or opening like a quotation or note."""
    words = text.split()
    if not words or len(words) > HEADING_MAX_WORDS or len(text) > 150:
        return False
    stripped = strip_trailing_quotes(text)
    return bool(stripped) and stripped[-1] not in ".;:,!?" and not text.startswith(("“", '"', "["))


def agenda_item(text: str) -> int | None:
    """The number of the agenda item ``text`` opens as a heading, or None."""
    match = AGENDA_ITEM.match(text)
    if not match or len(text.split()) > _AGENDA_ITEM_MAX_WORDS:
        return None
    return int(match.group(1) or match.group(2))


class HeadingsMixin:
    """The builder's headings: sections, their levels, and the outline set aside."""

    def _set_aside_outline(self, blocks: list[Block]) -> list[Block]:
        """Headings repeated at the very end (a converter's outline or table of
        contents) go to ``unclassified`` rather than into the last annex."""
        first_seen: dict[str, int] = {}
        for index, block in enumerate(blocks):
            first_seen.setdefault(block.text, index)
        start = len(blocks)
        while start > 0 and looks_like_heading(blocks[start - 1].text) and first_seen[blocks[start - 1].text] < start - 1:
            start -= 1
        if len(blocks) - start < 2:
            return blocks
        for block in blocks[start:]:
            self.doc.unclassified.append(
                Unclassified(
                    text=block.text,
                    reason="heading repeated at the end of the document (outline or table of contents)",
                    provenance=block.provenance,
                )
            )
        return blocks[:start]

    def _is_heading(self, block: Block, text: str, following: Block | None) -> bool:
        if agenda_item(text) is not None:
            return True
        if block.numbered or block.label or not looks_like_heading(text):
            return False
        if self.after_closing or parse_label(text):
            return False
        if is_upper(text):
            return True
        return following is not None and (following.numbered or opens_numbered(following))

    def _heading(self, block: Block, text: str, following: Block | None) -> None:
        if following and opens_after_table(following, self.region):
            self._start_annex(block.provenance)
        upper = is_upper(text)
        level = block.level or (1 if upper or not self.region.saw_upper_heading else 2)
        self.region.saw_upper_heading |= upper
        while self.region.sections and self.region.sections[-1].level >= level:
            self.region.sections.pop()
        self.section_count += 1
        section = Section(
            id=f"s{self.section_count}",
            title=text,
            level=level,
            parent=self.region.section.id if self.region.section else None,
            annex=self.region.annex.id if self.region.annex else None,
            agenda_item=agenda_item(text),
            provenance=block.provenance,
        )
        self.doc.sections.append(section)
        self.region.sections.append(section)
        self.paragraph = None
        self.unit = None
