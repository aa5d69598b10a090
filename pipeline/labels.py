"""Typed labels at the start of a piece of text: "7.", "(a)", "a)", "ii.", "·".

A paragraph number is printed in several ways once converters have been at it
(``NUMBER_FORMS``): "7. Text", "7.Text" (glued), "7 Text" (the dot lost). The
last is also how a sentence may open ("40 Recommendations were…"), so it counts
only where it continues the paragraph sequence: the caller says which number it
expects. A number of more than ``MAX_NUMBER_DIGITS`` digits is never a label.
"""

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
    loose: bool = False  # a number form that counts only where it continues the sequence


MAX_NUMBER_DIGITS = 3  # paragraph numbers; a longer run of digits is text

# (form, pattern, loose): how a paragraph number may be printed, strongest first.
NUMBER_FORMS = (
    ("dotted", re.compile(rf"^(\d{{1,{MAX_NUMBER_DIGITS}}})\.(?:\s+|$)(.*)$", re.S), False),
    ("glued", re.compile(rf"^(\d{{1,{MAX_NUMBER_DIGITS}}})\.(?=[A-Z“\"‘(])(.*)$", re.S), False),
    ("bare", re.compile(rf"^(\d{{1,{MAX_NUMBER_DIGITS}}})\s+(?=[A-Z][a-z])(.*)$", re.S), True),
)


_ROMAN = re.compile(r"^(\(?([ivx]{1,6})[.)])(?:\s+|$)(.*)$", re.S)
_LETTER = re.compile(r"^(\(?([a-z])\))(?:\s+|$)(.*)$", re.S)
_BULLET = re.compile(r"^([·•−–▪‣◦\-])(?:\s+|(?=[A-Za-z“\"]))(.*)$", re.S)
_VALID_ROMAN = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})$")


def parse_label(text: str, previous_letter: str | None = None, expected: int | None = None) -> Label | None:
    """The label that opens ``text``, or None.

    "(i)" is a letter after "(h)" and a roman numeral otherwise; ``previous_letter``
    is the letter label seen last in the same list. ``expected`` is the paragraph
    number that would continue the sequence: a loose number form counts only if
    it is that number.
    """
    if number := parse_number(text, expected):
        return number
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



def parse_number(text: str, expected: int | None = None) -> Label | None:
    """The paragraph number opening ``text`` in any of ``NUMBER_FORMS``, or None."""
    for _, pattern, loose in NUMBER_FORMS:
        match = pattern.match(text)
        if not match or (loose and int(match.group(1)) != expected):
            continue
        marker = text[: match.start(2)].rstrip()
        return Label(LabelKind.number, str(int(match.group(1))), marker, match.group(2), loose)
    return None
