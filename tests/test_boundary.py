"""The entry-point rule: anything raised inside becomes a documented one-line
CwsError; the time limit covers every stage; strings stay valid text."""

from __future__ import annotations

import time
import zipfile

import pytest

from pipeline import boundary, errors
from pipeline.api import extract_document, render
from pipeline.schemas import validate_json, validate_xml
from pipeline.textnorm import valid_text


@pytest.mark.parametrize(
    "raised, expected, says",
    [
        (RecursionError("maximum recursion depth exceeded"), errors.TooLarge, "nests"),
        (MemoryError(), errors.TooLarge, "memory"),
        (ValueError("Exceeds the limit (4300 digits) for integer string conversion"), errors.TooLarge, "digits"),
        (UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed"), errors.CorruptDocument, "Unicode"),
        (zipfile.BadZipFile("Bad CRC-32"), errors.CorruptDocument, "ZIP"),
        (PermissionError(13, "Permission denied"), errors.InputNotFound, "Permission denied"),
        (KeyError("x\nmultiline"), errors.InternalError, "please report"),
    ],
)
def test_translate(raised, expected, says):
    translated = boundary.translate(raised, "file.pdf")
    assert type(translated) is expected
    assert says in translated.message and "\n" not in str(translated)
    assert str(translated).startswith("file.pdf: ")


def test_a_typed_error_keeps_its_type_and_gains_the_path():
    original = errors.EmptyDocument("nothing here")
    assert boundary.translate(original, "a.txt") is original and original.path == "a.txt"


def test_messages_are_one_line():
    assert str(errors.CorruptDocument("line one\nline two\n", "x")) == "x: line one line two"


def test_entry_point_turns_a_bug_into_internal_error():
    @boundary.entry_point
    def broken(path):
        raise AttributeError("'NoneType' object has no attribute 'text'")

    with pytest.raises(errors.InternalError, match="AttributeError"):
        broken("input.docx")


def test_deadline_stops_any_stage(monkeypatch):
    monkeypatch.setenv("CWS_TIME_LIMIT", "0.2")

    @boundary.entry_point
    def slow(path):
        while True:
            time.sleep(0.01)

    started = time.monotonic()
    with pytest.raises(errors.ExtractionTimeout, match="CWS_TIME_LIMIT"):
        slow("x.txt")
    assert time.monotonic() - started < 5


def test_an_inner_deadline_keeps_the_sooner_outer_one():
    with pytest.raises(errors.ExtractionTimeout):
        with boundary.deadline(0.2, "outer"):
            with boundary.deadline(60, "inner"):
                time.sleep(2)


def test_invalid_setting_is_reported_by_the_entry_point(monkeypatch, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("1. Text.\n")
    monkeypatch.setenv("CWS_TIME_LIMIT", "nan")
    with pytest.raises(errors.InvalidSetting, match="CWS_TIME_LIMIT"):
        extract_document(path)


def test_annex_missing_is_a_typed_error_and_still_a_value_error(draft):
    from pipeline.diff import diff_documents

    with pytest.raises(errors.InvalidRequest) as caught:
        diff_documents(draft, draft, old_annex=99)
    assert isinstance(caught.value, ValueError) and "no annex 99" in caught.value.message


@pytest.mark.parametrize(
    "text, cleaned, count",
    [
        ("plain", "plain", 0),
        ("tab\tnew\nline\rok", "tab\tnew\nline\rok", 0),
        ("a\x00b", "a\ufffdb", 1),
        ("\x01\x1b[31m", "\ufffd\ufffd[31m", 2),
        ("lone \ud800 and \udfff", "lone \ufffd and \ufffd", 2),
        ("\ufffe\uffff\ufdd0\U0001fffe\U0010ffff", "\ufffd" * 5, 5),
        ("astral \U0001f600 stays", "astral \U0001f600 stays", 0),
        ("\x7f\x85 are allowed in XML", "\x7f\x85 are allowed in XML", 0),
    ],
)
def test_valid_text(text, cleaned, count):
    assert valid_text(text) == (cleaned, count)


def test_bad_characters_are_replaced_counted_and_serialize(tmp_path):
    path = tmp_path / "controls.txt"
    path.write_text("1. " + "Plain. " * 700 + "\n\n2. Bad \x00 NUL \x01 \ufffe end.\n", encoding="utf-8")
    document = extract_document(path)
    assert document.source.replaced_characters == 3
    validate_json(render(document, "json"))
    validate_xml(render(document, "xml"))


def test_numbers_beyond_32_bits_validate_in_xml(draft):
    big = draft.model_copy(deep=True)
    big.paragraphs[0].number = 2**40
    big.recommendations[0].number = 10**30
    validate_xml(render(big, "xml"))
    validate_json(render(big, "json"))
