"""The named limits: defaults, environment overrides, refusal of unusable values."""

from __future__ import annotations

import dataclasses

import pytest

from pipeline import limits
from pipeline.errors import CwsError, InvalidSetting


def test_every_setting_fills_one_field_of_limits():
    assert [f.name for f in dataclasses.fields(limits.Limits)] == [s.field for s in limits.SETTINGS]
    assert len({s.variable for s in limits.SETTINGS}) == len(limits.SETTINGS)


def test_defaults_without_environment(monkeypatch):
    for setting in limits.SETTINGS:
        monkeypatch.delenv(setting.variable, raising=False)
    now = limits.current()
    assert now.time_limit == 120.0
    assert now.max_pages == 2000
    assert now.max_digits == 9
    assert now.memory_limit == 1024 * 1024 * 1024


@pytest.mark.parametrize(
    "variable, raw, field, expected",
    [
        ("CWS_TIME_LIMIT", "30", "time_limit", 30.0),
        ("CWS_TIME_LIMIT", " 0.5 ", "time_limit", 0.5),
        ("CWS_TIME_LIMIT", "0", "time_limit", 0.0),
        ("CWS_TIME_LIMIT", "1e2", "time_limit", 100.0),
        ("CWS_MAX_PAGES", "10", "max_pages", 10),
        ("CWS_MAX_PAGES", "1_000", "max_pages", 1000),
        ("CWS_MEMORY_LIMIT", "512M", "memory_limit", 512 * 1024 * 1024),
        ("CWS_MEMORY_LIMIT", "2gb", "memory_limit", 2 * 1024**3),
        ("CWS_MAX_XML_PART", "64k", "max_xml_part", 64 * 1024),
        ("CWS_MAX_DIGITS", "18", "max_digits", 18),
    ],
)
def test_environment_overrides_when_asked(monkeypatch, variable, raw, field, expected):
    monkeypatch.setenv(variable, raw)
    assert getattr(limits.current(), field) == expected


@pytest.mark.parametrize(
    "variable, raw, says",
    [
        ("CWS_TIME_LIMIT", "abc", "not a number"),
        ("CWS_TIME_LIMIT", "", "is empty"),
        ("CWS_TIME_LIMIT", "   ", "is empty"),
        ("CWS_TIME_LIMIT", "nan", "not a number"),
        ("CWS_TIME_LIMIT", "inf", "not a number"),
        ("CWS_TIME_LIMIT", "-inf", "not a number"),
        ("CWS_TIME_LIMIT", "1e400", "not a number"),
        ("CWS_TIME_LIMIT", "-1", "out of range"),
        ("CWS_TIME_LIMIT", "9" * 5000, "characters long"),
        ("CWS_MAX_PAGES", "2.5", "not a number"),
        ("CWS_MAX_PAGES", "0", "out of range"),
        ("CWS_MAX_PAGES", "-3", "not a number"),
        ("CWS_MAX_PAGES", "10M", "not a number"),  # units only for byte sizes
        ("CWS_MAX_PAGES", "١٢", "not a number"),  # Arabic-Indic digits
        ("CWS_MAX_DIGITS", "19", "out of range"),
        ("CWS_MEMORY_LIMIT", "1T", "not a number"),
        ("CWS_MEMORY_LIMIT", "1", "out of range"),
    ],
)
def test_unusable_values_are_one_line_typed_errors(monkeypatch, variable, raw, says):
    monkeypatch.setenv(variable, raw)
    with pytest.raises(InvalidSetting) as caught:
        limits.current()
    message = str(caught.value)
    assert isinstance(caught.value, CwsError)
    assert variable in message and says in message
    assert "\n" not in message and len(message) < 200


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12", 12),
        (" 007 ", 7),
        ("999999999", 999_999_999),
        ("1234567890", None),  # ten digits: over the default limit
        ("5" * 5000, None),
        ("", None),
        ("12a", None),
        ("-3", None),
        ("²", None),  # str.isdigit accepts it, int() does not
        ("١٢", None),
    ],
)
def test_read_int_within_the_digit_limit(monkeypatch, text, expected):
    monkeypatch.delenv("CWS_MAX_DIGITS", raising=False)
    assert limits.read_int(text) == expected


def test_read_int_follows_the_setting(monkeypatch):
    monkeypatch.setenv("CWS_MAX_DIGITS", "2")
    assert limits.read_int("12") == 12
    assert limits.read_int("123") is None
