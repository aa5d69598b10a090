"""Dates and ordinal numbers as CWS documents write them."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: index
    for index, name in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
DATE_PATTERN = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)
DAY_FIRST_PATTERN = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH},?\s+(\d{{4}})\b", re.I)
RANGE_PATTERN = re.compile(
    rf"\b{_MONTH}\s+(\d{{1,2}})\s*(?:to|-|–)\s*(?:{_MONTH}\s+)?(\d{{1,2}}),?\s+(\d{{4}})\b", re.I
)
DAY_FIRST_RANGE_PATTERN = re.compile(
    rf"\b(\d{{1,2}})\s*(?:{_MONTH}\s*)?(?:to|-|–)\s*(\d{{1,2}})\s+{_MONTH},?\s+(\d{{4}})\b", re.I
)

_UNITS = "zero first second third fourth fifth sixth seventh eighth ninth".split()
_TEENS = "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
_TENS_ORDINAL = {2: "twentieth", 3: "thirtieth", 4: "fortieth", 5: "fiftieth", 6: "sixtieth", 7: "seventieth", 8: "eightieth", 9: "ninetieth"}
_TENS_CARDINAL = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def ordinal_word(number: int) -> str:
    """'twelfth' for 12; numbers from 1 to 99."""
    if not 1 <= number <= 99:
        raise ValueError(f"no ordinal word for {number}")
    if number < 10:
        return _UNITS[number]
    if number < 20:
        return _TEENS[number - 10]
    tens, units = divmod(number, 10)
    return _TENS_ORDINAL[tens] if units == 0 else f"{_TENS_CARDINAL[tens]}-{_UNITS[units]}"


ORDINALS: dict[str, int] = {ordinal_word(n): n for n in range(1, 100)}
ORDINALS.update({word.replace("-", " "): n for word, n in list(ORDINALS.items()) if "-" in word})


def ordinal_number(word: str) -> int | None:
    """12 for 'twelfth' / 'Twelfth' / '12th'; None when it is not an ordinal."""
    word = word.strip().lower()
    if word in ORDINALS:
        return ORDINALS[word]
    match = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", word)
    return int(match.group(1)) if match else None


def parse_date(text: str) -> dt.date | None:
    """The first date written like 'June 30, 2021' or '30 June 2021' in ``text``."""
    match = DATE_PATTERN.search(text)
    if match:
        month, day, year = match.groups()
        return _date(int(year), MONTHS[month.lower()], int(day))
    match = DAY_FIRST_PATTERN.search(text)
    if match:
        day, month, year = match.groups()
        return _date(int(year), MONTHS[month.lower()], int(day))
    return None


def parse_date_range(text: str) -> tuple[dt.date, dt.date] | None:
    """('2024-09-16', '2024-09-19') for 'September 16 to 19, 2024' or '16 to 19 September 2024'."""
    match = RANGE_PATTERN.search(text)
    if match:
        month, first, end_month, last, year = match.groups()
    elif match := DAY_FIRST_RANGE_PATTERN.search(text):
        first, month, last, end_month, year = match.groups()
        month = month or end_month
    else:
        return None
    start = _date(int(year), MONTHS[month.lower()], int(first))
    end = _date(int(year), MONTHS[(end_month or month).lower()], int(last))
    return (start, end) if start and end else None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
