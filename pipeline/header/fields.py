"""The fields of a WIPO header block, each recognised where it starts in a text.

A header prints a few kinds of line: logo and language marks ("WIPO", "/ E"),
the symbol, "ORIGINAL: …", "DATE: …", the committee, the session ordinal
("Fifth Session"), place and dates ("Geneva, July 1 to 5, 2019"), the title and
"prepared by …". Converters may join them on one line or glue them together
("/ ECWS/5/22 PROV."), so each recogniser matches at a position of a text, not a
whole line. The spellings are data (``pipeline/data/header.json``); symbols come from the
one symbol grammar (``pipeline.symbols``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.dates import DATE_PATTERN, DAY_FIRST_PATTERN, parse_date, parse_date_range
from pipeline.header.ordinals import ORDINAL_PATTERN, session_number
from pipeline.symbols import find_symbols

DATA = Path(__file__).resolve().parents[1] / "data" / "header.json"
_WORDS_AFTER_NAME = re.compile(r"\S+")
_YEAR = re.compile(r"\b\d{4}\b")


@dataclass(frozen=True)
class Field:
    """One header field found in a text: ``text[start:end]`` is what was printed."""

    name: str  # markup, logo, symbol, original, date, committee, session, place, prepared_by, subject
    start: int
    end: int
    value: object = None


@dataclass(frozen=True)
class PlaceAndDates:
    place: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class SessionLine:
    number: int | None
    reconvened: bool


# Fields that may end a run of free text inside a joined line ("DRAFT REPORT
# prepared by the Secretariat"): they announce themselves with a keyword.
KEYWORD_FIELDS = ("original", "date", "prepared_by")


def field_at(text: str, position: int, whole_text: bool) -> Field | None:
    """The header field starting at ``position`` of ``text``, or None.

    ``whole_text`` says ``text`` is one line of its own: a bare date ("June 30,
    2021", a circular's date line) is a field only then.
    """
    for recogniser in _RECOGNISERS:
        found = recogniser(text, position)
        if found is not None:
            return found
    if whole_text and position == 0:
        return _bare_date(text)
    return None


def next_keyword_field(text: str, position: int) -> Field | None:
    """The first keyword field ("ORIGINAL:", "DATE:", "prepared by") after ``position``."""
    grammar = _grammar()
    best: Field | None = None
    for name in KEYWORD_FIELDS:
        for match in grammar.searchers[name].finditer(text, position):
            if match.start() > position and text[match.start() - 1].isspace():
                found = field_at(text, match.start(), whole_text=False)
                if found is not None and found.name == name:
                    if best is None or found.start < best.start:
                        best = found
                    break
    return best


# -- recognisers -------------------------------------------------------------------


@dataclass(frozen=True)
class _Grammar:
    markup: re.Pattern
    logo: tuple[re.Pattern, ...]
    language_mark: re.Pattern
    committees: tuple[tuple[re.Pattern, str], ...]
    session: re.Pattern
    place: re.Pattern
    prepared_by: re.Pattern
    original: re.Pattern
    date: re.Pattern
    subject: re.Pattern
    searchers: dict[str, re.Pattern]


@cache
def _grammar() -> _Grammar:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    prefixes = "|".join(data["session_prefixes"])
    session = re.compile(
        rf"(?:(?P<prefix>{prefixes})\s+)?(?P<ordinal>{ORDINAL_PATTERN})\s+"
        rf"(?:(?:{data['session_qualifier']})\s+)?session\b",
        re.I,
    )
    date = re.compile(data["date"], re.I)
    prepared_by = re.compile(data["prepared_by"], re.I)
    original = re.compile(data["original"], re.I)
    return _Grammar(
        markup=re.compile(data["markup"]),
        logo=tuple(re.compile(pattern) for pattern in data["logo_marks"]),
        language_mark=re.compile(data["language_mark"]),
        committees=tuple((re.compile(entry["name"], re.I), entry["body"]) for entry in data["committees"]),
        session=session,
        place=re.compile(rf"(?P<place>{data['place']})\s*,\s*"),
        prepared_by=prepared_by,
        original=original,
        date=date,
        subject=re.compile(data["subject"], re.I),
        searchers={"original": original, "date": date, "prepared_by": prepared_by},
    )


def _markup(text: str, position: int) -> Field | None:
    """Markdown emphasis or a heading mark a converter left around a header line ("**CWS/12/22**")."""
    match = _grammar().markup.match(text, position)
    return Field("markup", position, match.end()) if match else None


def _logo(text: str, position: int) -> Field | None:
    """A logo or language mark. A short mark ("WIPO", "E") counts only at the end
    of the text or before another field, so a title "WIPO STANDARD ST.96" stays whole."""
    grammar = _grammar()
    names, (short_logo,) = grammar.logo[:-1], grammar.logo[-1:]
    for pattern in names:
        if match := pattern.match(text, position):
            return Field("logo", position, match.end())
    for pattern in (short_logo, grammar.language_mark):
        match = pattern.match(text, position)
        if match and _ends_or_goes_on_with_a_field(text, match.end()):
            return Field("logo", position, match.end())
    return None


def _ends_or_goes_on_with_a_field(text: str, position: int) -> bool:
    rest = len(text) - len(text[position:].lstrip())
    return rest >= len(text) or field_at(text, rest, whole_text=False) is not None


def _symbol(text: str, position: int) -> Field | None:
    for found in find_symbols(text[position : position + 60]):
        if found.start == 0 and found.kind in ("document", "circular"):
            return Field("symbol", position, position + found.end, found.symbol)
        break
    return None


def _original(text: str, position: int) -> Field | None:
    match = _grammar().original.match(text, position)
    if match:
        return Field("original", position, match.end("value"), match.group("value").capitalize())
    return None


def _date(text: str, position: int) -> Field | None:
    match = _grammar().date.match(text, position)
    if not match:
        return None
    for pattern in (DATE_PATTERN, DAY_FIRST_PATTERN):
        date = pattern.match(text, match.end())
        if date and (value := parse_date(date.group(0))):
            return Field("date", position, date.end(), value)
    return None


def _bare_date(text: str) -> Field | None:
    for pattern in (DATE_PATTERN, DAY_FIRST_PATTERN):
        date = pattern.fullmatch(text.strip())
        if date and (value := parse_date(date.group(0))):
            return Field("date", 0, len(text), value)
    return None


def _committee(text: str, position: int) -> Field | None:
    for pattern, body in _grammar().committees:
        match = pattern.match(text, position)
        if match:
            return Field("committee", position, match.end(), body)
    return None


def _session(text: str, position: int) -> Field | None:
    match = _grammar().session.match(text, position)
    if not match:
        return None
    value = SessionLine(session_number(match.group("ordinal")), bool(match.group("prefix")))
    return Field("session", position, match.end(), value)


def _place_and_dates(text: str, position: int) -> Field | None:
    match = _grammar().place.match(text, position)
    if not match:
        return None
    year = _YEAR.search(text, match.end(), match.end() + 40)
    if not year:
        return None
    dates_text = text[match.end() : year.end()]
    dates = parse_date_range(dates_text)
    if dates is None and (single := parse_date(dates_text)):
        dates = (single, single)
    if dates is None:
        return None
    return Field("place", position, year.end(), PlaceAndDates(match.group("place"), *dates))


def _prepared_by(text: str, position: int) -> Field | None:
    match = _grammar().prepared_by.match(text, position)
    if not match:
        return None
    end = _name_end(text, match.end())
    if end == match.end():
        return None
    name = text[match.end() : end].rstrip(" .")
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    return Field("prepared_by", position, end, name)


def _name_end(text: str, start: int) -> int:
    """Where the name after "prepared by" ends: at the end of the text, or where a
    joined line goes on with an upper-case heading ("… the Secretariat
    INTRODUCTION") or a paragraph number."""
    end = start
    for word in _WORDS_AFTER_NAME.finditer(text, start):
        token = word.group(0)
        if re.fullmatch(r"\d{1,3}\.?", token) or _opens_heading(token, text[word.end() :]):
            break
        end = word.end()
    return end


def _opens_heading(token: str, after: str) -> bool:
    """An upper-case word of six letters or more, or two upper-case words in a row."""
    if not (token.isalpha() and token.isupper()):
        return False
    following = after.split(maxsplit=1)
    return len(token) >= 6 or bool(following and following[0].isalpha() and following[0].isupper())


def _subject(text: str, position: int) -> Field | None:
    match = _grammar().subject.match(text, position)
    if match:
        return Field("subject", position, match.end(), match.group("value").strip())
    return None


# Order matters: a committee name starting with "WIPO" before the logo "WIPO".
_RECOGNISERS = (
    _markup,
    _committee,
    _symbol,
    _logo,
    _original,
    _date,
    _session,
    _place_and_dates,
    _prepared_by,
    _subject,
)
