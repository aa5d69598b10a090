"""What a PDF backend hands the layout: words with a box, a font name and size,
and what a tagged PDF says about them; ruled table cells; one page at a time.
The input is kept this narrow so that any backend can feed the same layout."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points


class Word(NamedTuple):
    """One word as a PDF backend reads it; ``top`` grows downwards. A tuple,
    so that the compiled layout loops read its fields by position and the
    compiled PDFium reader makes it without a Python call (``_layout.c``,
    ``_pdfium_runs.c``: the field order is theirs too)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font: str = ""
    size: float = 0.0
    element: int | None = None  # tagged PDF: index of the structure element holding it
    artifact: bool = False  # tagged PDF: marked as an artifact (page furniture)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2


@dataclass(frozen=True)
class TableGrid:
    """A ruled table found on a page: its rows of cell boxes (None where merged)."""

    bbox: Box
    rows: tuple[tuple[Box | None, ...], ...]


@dataclass
class PageWords:
    """Everything the layout code needs from one page."""

    number: int
    words: list[Word]
    tables: list[TableGrid] = field(default_factory=list)
    has_images: bool = False
