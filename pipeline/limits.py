"""The work limits of one input file, as named settings.

Each limit has a default and an environment variable that overrides it
(``CWS_TIME_LIMIT=30 cws extract big.pdf``). The environment is read when
``current()`` is called, not at import, so a setting changed at run time (or
by a test) takes effect. A value that is not a finite, non-negative number in
range is an ``InvalidSetting`` naming the variable; the CLI reports it in one
line and exits 2.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass

from pipeline.errors import InvalidSetting

_MIB = 1024 * 1024
_UNIT_FACTORS = {"": 1, "k": 1024, "kb": 1024, "m": _MIB, "mb": _MIB, "g": 1024 * _MIB, "gb": 1024 * _MIB}
_BYTES = re.compile(r"([0-9][0-9_]*)\s*([kmg]b?)?", re.IGNORECASE)
_MAX_SETTING_LENGTH = 40  # no sane setting is longer; refusing early keeps int() away from huge strings


@dataclass(frozen=True)
class Setting:
    """One limit: the field of ``Limits`` it fills, its variable, default, range and meaning."""

    field: str
    variable: str
    default: float
    unit: str  # "seconds", "bytes", or a count ("pages", "characters", ...)
    meaning: str
    minimum: float = 0
    maximum: float = math.inf

    @property
    def is_integer(self) -> bool:
        return self.unit != "seconds"


SETTINGS: tuple[Setting, ...] = (
    Setting("time_limit", "CWS_TIME_LIMIT", 120.0, "seconds", "total time to read one file, every stage included"),
    Setting("max_file_bytes", "CWS_MAX_FILE_BYTES", 100 * _MIB, "bytes", "size of an input file on disk", 1),
    Setting("max_pages", "CWS_MAX_PAGES", 2000, "pages", "pages of a PDF", 1),
    Setting(
        "max_docx_uncompressed", "CWS_MAX_DOCX_UNCOMPRESSED", 512 * _MIB, "bytes",
        "bytes a DOCX package inflates to, counted while inflating", 1,
    ),
    Setting(
        "max_docx_ratio", "CWS_MAX_DOCX_RATIO", 200, "times",
        "inflated size over the file size of a DOCX, once it has inflated past 16 MB", 1,
    ),
    Setting("max_xml_part", "CWS_MAX_XML_PART", 64 * _MIB, "bytes", "inflated size of any one XML part of a DOCX", 1),
    Setting(
        "max_pdf_stream_bytes", "CWS_MAX_PDF_STREAM_BYTES", 128 * _MIB, "bytes",
        "bytes any one PDF stream decompresses to", 1,
    ),
    Setting("max_chars_per_page", "CWS_MAX_CHARS_PER_PAGE", 100_000, "characters", "characters on one PDF page", 1),
    Setting(
        "max_nesting", "CWS_MAX_NESTING", 100, "levels",
        "depth of nested XML elements, PDF page trees or JSON values", 1, 10_000,
    ),
    # At most 18 digits, so every number read fits the schemas' 64-bit integers.
    Setting("max_digits", "CWS_MAX_DIGITS", 9, "digits", "digits in a number read from a document", 1, 18),
    Setting("memory_limit", "CWS_MEMORY_LIMIT", 1024 * _MIB, "bytes", "memory of one worker reading a file", 64 * _MIB),
)


@dataclass(frozen=True)
class Limits:
    """The limits in force; ``current()`` builds one from the environment."""

    time_limit: float
    max_file_bytes: int
    max_pages: int
    max_docx_uncompressed: int
    max_docx_ratio: int
    max_xml_part: int
    max_pdf_stream_bytes: int
    max_chars_per_page: int
    max_nesting: int
    max_digits: int
    memory_limit: int


def current() -> Limits:
    """The limits now in force: each default, or its environment variable if set."""
    values = {}
    for setting in SETTINGS:
        raw = os.environ.get(setting.variable)
        values[setting.field] = _default(setting) if raw is None else parse_setting(setting, raw)
    return Limits(**values)


def parse_setting(setting: Setting, raw: str) -> float | int:
    """The value of ``raw`` for ``setting``, or ``InvalidSetting`` saying what is wrong."""
    text = raw.strip()
    expected = _expected(setting)
    if not text:
        raise InvalidSetting(f"{setting.variable} is empty; expected {expected}")
    if len(text) > _MAX_SETTING_LENGTH:
        raise InvalidSetting(f"{setting.variable} is {len(text)} characters long; expected {expected}")
    value = _parse_integer(text, setting.unit == "bytes") if setting.is_integer else _parse_seconds(text)
    if value is None:
        raise InvalidSetting(f"{setting.variable}={text!r} is not a number; expected {expected}")
    if not setting.minimum <= value <= setting.maximum:
        raise InvalidSetting(f"{setting.variable}={text!r} is out of range; expected {expected}")
    return value


def read_int(text: str) -> int | None:
    """The number written in ``text`` (ASCII digits only), or None when it is not
    one or has more digits than ``max_digits`` allows: a document's 5,000-digit
    "number" is text, never a value to compute with."""
    text = text.strip()
    if not text or len(text) > current().max_digits or not (text.isascii() and text.isdigit()):
        return None
    return int(text)


def _parse_integer(text: str, with_unit: bool) -> int | None:
    match = _BYTES.fullmatch(text)
    if match is None or (match.group(2) and not with_unit):
        return None
    return int(match.group(1).replace("_", "")) * _UNIT_FACTORS[(match.group(2) or "").lower()]


def _parse_seconds(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _default(setting: Setting) -> float | int:
    return int(setting.default) if setting.is_integer else float(setting.default)


def _expected(setting: Setting) -> str:
    if setting.is_integer:
        suffix = " (K, M or G may follow)" if setting.unit == "bytes" else ""
        bound = f"at most {int(setting.maximum):,}" if math.isfinite(setting.maximum) else ""
        span = f"a whole number of {setting.unit}, at least {int(setting.minimum):,}{suffix}"
        return f"{span}, {bound}" if bound else span
    return f"a finite number of {setting.unit}, at least {setting.minimum:g}"
