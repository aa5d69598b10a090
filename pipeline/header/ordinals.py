"""Session ordinals: "Fifth", "Fifty-Eighth", "12th", "100th" and back.

The rule: a session number is a whole number from 1 up; 0 is no session. The
ordinal word is known for 1 to 99 ("twelfth", "fifty-eighth"); a larger number
keeps its number and has no word.
"""

from __future__ import annotations

import re

from pipeline.dates import ORDINALS, ordinal_number, ordinal_word

MAX_ORDINAL_WORD = 99
ORDINAL_PATTERN = "|".join(
    [r"\d{1,3}(?:st|nd|rd|th)"]
    + [re.escape(word).replace(r"\-", "[-\u2010\u2011 ]?") for word in sorted(ORDINALS, key=len, reverse=True)]
)


def session_number(ordinal: str) -> int | None:
    """5 for "Fifth", 58 for "Fifty-Eighth" or "fifty eighth", 100 for "100th";
    None for anything else, and for "0th"."""
    word = re.sub(r"[\u2010\u2011 ]+", "-", ordinal.strip().lower())
    number = ordinal_number(word) or ordinal_number(word.replace("-", " "))
    return number if number and number >= 1 else None


def session_ordinal(number: int | None) -> str | None:
    """The ordinal word of a session number ("twelfth"), None beyond 99 or below 1."""
    if number is None or not 1 <= number <= MAX_ORDINAL_WORD:
        return None
    return ordinal_word(number)
