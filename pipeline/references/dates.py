"""Dates as the rules found them, written as ISO 8601 (day or month precision)."""

from __future__ import annotations

import re

from pipeline.dates import MONTHS, parse_date, parse_date_range

_MONTHS_YEAR = re.compile(r"^([A-Za-z]+)(?:\s+and\s+([A-Za-z]+))?,?\s+(\d{4})$")
_GLUED = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_DAY_LIST = re.compile(r"(\d{1,2})\s+and\s+(\d{1,2})")


def iso_dates(text: str) -> list[tuple[str, str | None]]:
    """The dates ``text`` names, each as (ISO start, ISO end of a range or None):
    [('2024-09-16', '2024-09-19')] for "September 16 to 19, 2024", [('2011-10', None)]
    for "October 2011", [('2024-03', None), ('2024-06', None)] for "March and June
    2024"; [] if unreadable.

    Two days joined by "and" ("July 26 and 27, 2023") are read as a range; a
    month glued to its year ("October2009") is read as if spaced.
    """
    text = _GLUED.sub(" ", text)
    dates = parse_date_range(_DAY_LIST.sub(r"\1 to \2", text))
    if dates:
        return [(dates[0].isoformat(), dates[1].isoformat())]
    if date := parse_date(text):
        return [(date.isoformat(), None)]
    match = _MONTHS_YEAR.match(text.strip())
    if not match:
        return []
    *months, year = match.groups()
    names = [month.lower() for month in months if month]
    if not all(name in MONTHS for name in names):
        return []
    return [(f"{year}-{MONTHS[name]:02d}", None) for name in names]
