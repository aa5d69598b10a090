"""Typed labels at the start of a piece of text: "7.", "(a)", "a)", "ii.", "·"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class LabelKind(str, Enum):
    number = "number"  # "7. …" — a numbered paragraph
    letter = "letter"  # "(a) …" or "a) …"
    roman = "roman"  # "ii. …" or "(ii) …"
    bullet = "bullet"  # "· …", "− …"


@dataclass(frozen=True)
class Label:
    kind: LabelKind
    value: str | None  # "7", "a", "ii"; None for a bullet
    marker: str  # as printed
    rest: str  # the text after the label


_NUMBER = re.compile(r"^(\d{1,3})\.(?:\s+|$)(.*)$", re.S)
_ROMAN = re.compile(r"^(\(?([ivx]{1,6})[.)])(?:\s+|$)(.*)$", re.S)
_LETTER = re.compile(r"^(\(?([a-z])\))(?:\s+|$)(.*)$", re.S)
_BULLET = re.compile(r"^([·•−–▪‣◦\-])(?:\s+|(?=[A-Za-z“\"]))(.*)$", re.S)
_VALID_ROMAN = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})$")


def parse_label(text: str, previous_letter: str | None = None) -> Label | None:
    """The label that opens ``text``, or None.

    "(i)" is a letter after "(h)" and a roman numeral otherwise; ``previous_letter``
    is the letter label seen last in the same list.
    """
    if match := _NUMBER.match(text):
        return Label(LabelKind.number, match.group(1), f"{match.group(1)}.", match.group(2))
    roman = _ROMAN.match(text)
    if roman and _VALID_ROMAN.match(roman.group(2)) and not (
        roman.group(2) in "iv" and len(roman.group(2)) == 1 and previous_letter == chr(ord(roman.group(2)) - 1)
    ):
        if roman.group(1).endswith(".") or roman.group(1).startswith("("):
            return Label(LabelKind.roman, roman.group(2), roman.group(1), roman.group(3))
    if match := _LETTER.match(text):
        return Label(LabelKind.letter, match.group(2), match.group(1), match.group(3))
    if match := _BULLET.match(text):
        return Label(LabelKind.bullet, None, match.group(1), match.group(2))
    return None

