"""Names as a person compares them: case, apostrophe and quote styles folded."""

from __future__ import annotations

_MARKS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\u00a0": " ", "\u2011": "-"})


def fold_marks(text: str) -> str:
    """``text`` with one apostrophe, one space and one hyphen; same length, so
    offsets into it are offsets into ``text``."""
    return text.translate(_MARKS)


def fold(text: str) -> str:
    """``text`` folded for comparison: "Côte D’ivoire" and "côte d'Ivoire" alike."""
    return fold_marks(text).lower()
