"""Word automatic numbering: one small DOCX per rule, built here; the expected
labels are what Word prints for such a document (the rules of ECMA-376 §17.9)."""

from __future__ import annotations

import re

import pytest

from extractors.docx import extract
from extractors.docx_numbering import format_number
from tests.cross_format import SAMPLES
from tests.docx_parts import lvl, numbering, p, style, styles, write_docx

DECIMAL = lvl(0, "decimal", "%1.")


def labels(tmp_path, body: str, **parts: str) -> list[str | None]:
    path = write_docx(tmp_path / "numbered.docx", body, **parts)
    return [block.label for block in extract(path).blocks]


def simple(abstract_levels: str, nums: dict | None = None) -> str:
    return numbering({1: abstract_levels}, nums or {1: (1, "")})


@pytest.mark.parametrize(
    ("fmt", "values", "expected"),
    [
        ("decimal", [1, 9, 10], ["1", "9", "10"]),
        ("decimalZero", [1, 10], ["01", "10"]),
        ("lowerLetter", [1, 2, 26, 27, 28], ["a", "b", "z", "aa", "bb"]),
        ("upperLetter", [1, 3], ["A", "C"]),
        ("lowerRoman", [1, 4, 9, 14, 40], ["i", "iv", "ix", "xiv", "xl"]),
        ("upperRoman", [3, 19], ["III", "XIX"]),
        ("none", [5], [""]),
    ],
)
def test_number_formats(fmt, values, expected):
    assert [format_number(value, fmt) for value in values] == expected


def test_decimal_paragraphs_count_up(tmp_path):
    body = p("one", num=1, ilvl=0) + p("two", num=1, ilvl=0) + p("three", num=1, ilvl=0)
    assert labels(tmp_path, body, numbering=simple(DECIMAL)) == ["1.", "2.", "3."]


def test_letters_and_romans_are_printed_as_letters_and_romans(tmp_path):
    levels = lvl(0, "lowerLetter", "(%1)") + lvl(1, "lowerRoman", "%2.") + lvl(2, "upperLetter", "%3)")
    body = p("a", num=1, ilvl=0) + p("i", num=1, ilvl=1) + p("ii", num=1, ilvl=1) + p("A", num=1, ilvl=2)
    body += p("b", num=1, ilvl=0)
    assert labels(tmp_path, body, numbering=simple(levels)) == ["(a)", "i.", "ii.", "A)", "(b)"]


def test_upper_roman_level(tmp_path):
    body = p("one", num=1) + p("two", num=1)
    assert labels(tmp_path, body, numbering=simple(lvl(0, "upperRoman", "%1."))) == ["I.", "II."]


def test_bullets_print_their_symbol(tmp_path):
    levels = lvl(0, "bullet", "·") + lvl(1, "bullet", "\uf0b7")  # the second as Word stores a Symbol-font bullet
    body = p("dot", num=1, ilvl=0) + p("symbol", num=1, ilvl=1)
    assert labels(tmp_path, body, numbering=simple(levels)) == ["·", "•"]


def test_level_text_with_several_counters(tmp_path):
    levels = lvl(0, "decimal", "%1.") + lvl(1, "decimal", "%1.%2.") + lvl(2, "lowerLetter", "%1.%2.%3")
    body = p("1", num=1, ilvl=0) + p("1.1", num=1, ilvl=1) + p("1.1.a", num=1, ilvl=2) + p("1.2", num=1, ilvl=1)
    body += p("2", num=1, ilvl=0) + p("2.1", num=1, ilvl=1)
    assert labels(tmp_path, body, numbering=simple(levels)) == ["1.", "1.1.", "1.1.a", "1.2.", "2.", "2.1."]


def test_start_value(tmp_path):
    body = p("five", num=1) + p("six", num=1)
    assert labels(tmp_path, body, numbering=simple(lvl(0, "decimal", "%1.", start=5))) == ["5.", "6."]


def test_deeper_levels_restart_when_a_shallower_level_is_used(tmp_path):
    levels = DECIMAL + lvl(1, "lowerLetter", "%2)")
    body = p("1", num=1, ilvl=0) + p("a", num=1, ilvl=1) + p("b", num=1, ilvl=1)
    body += p("2", num=1, ilvl=0) + p("a again", num=1, ilvl=1)
    assert labels(tmp_path, body, numbering=simple(levels)) == ["1.", "a)", "b)", "2.", "a)"]


def test_lvl_restart_zero_keeps_counting_deeper_level(tmp_path):
    levels = DECIMAL + lvl(1, "lowerLetter", "%2)", inner='<w:lvlRestart w:val="0"/>')
    body = p("1", num=1, ilvl=0) + p("a", num=1, ilvl=1) + p("2", num=1, ilvl=0) + p("b", num=1, ilvl=1)
    assert labels(tmp_path, body, numbering=simple(levels)) == ["1.", "a)", "2.", "b)"]


def test_two_nums_on_one_abstract_num_share_its_counter(tmp_path):
    nums = {1: (1, ""), 2: (1, "")}
    body = p("1", num=1) + p("2", num=1) + p("3", num=2) + p("4", num=1)
    assert labels(tmp_path, body, numbering=simple(DECIMAL, nums)) == ["1.", "2.", "3.", "4."]


def test_start_override_restarts_the_count(tmp_path):
    nums = {1: (1, ""), 2: (1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')}
    body = p("1", num=1) + p("2", num=1) + p("1 again", num=2) + p("2 again", num=2)
    assert labels(tmp_path, body, numbering=simple(DECIMAL, nums)) == ["1.", "2.", "1.", "2."]


def test_start_override_with_another_value(tmp_path):
    nums = {1: (1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride>')}
    body = p("7", num=1) + p("8", num=1)
    assert labels(tmp_path, body, numbering=simple(DECIMAL, nums)) == ["7.", "8."]


def test_level_override_replaces_the_level_definition(tmp_path):
    nums = {1: (1, f'<w:lvlOverride w:ilvl="0">{lvl(0, "upperLetter", "%1)")}</w:lvlOverride>')}
    body = p("A", num=1) + p("B", num=1)
    assert labels(tmp_path, body, numbering=simple(DECIMAL, nums)) == ["A)", "B)"]


def test_legal_numbering_prints_decimal(tmp_path):
    levels = lvl(0, "upperRoman", "%1.") + lvl(1, "decimal", "%1.%2", inner="<w:isLgl/>")
    body = p("I", num=1, ilvl=0) + p("1.1", num=1, ilvl=1)
    assert labels(tmp_path, body, numbering=simple(levels)) == ["I.", "1.1"]


def test_legal_numbering_switched_off_keeps_the_formats(tmp_path):
    levels = lvl(0, "upperRoman", "%1.") + lvl(1, "decimal", "%1.%2", inner='<w:isLgl w:val="off"/>')
    body = p("I", num=1, ilvl=0) + p("I.1", num=1, ilvl=1)
    assert labels(tmp_path, body, numbering=simple(levels)) == ["I.", "I.1"]


def test_numbering_inherited_from_the_paragraph_style(tmp_path):
    numbered = style("ONum", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    body = p("1", style="ONum") + p("plain") + p("2", style="ONum")
    parts = {"numbering": simple(DECIMAL), "styles": styles(numbered)}
    assert labels(tmp_path, body, **parts) == ["1.", None, "2."]


def test_numbering_inherited_through_based_on_chain(tmp_path):
    base = style("ONum", '<w:numPr><w:numId w:val="1"/></w:numPr>')
    child = style("ONumChild", "", based_on="ONum")
    grandchild = style("ONumGrandchild", "", based_on="ONumChild")
    body = p("1", style="ONumChild") + p("2", style="ONumGrandchild")
    parts = {"numbering": simple(DECIMAL), "styles": styles(base, child, grandchild)}
    assert labels(tmp_path, body, **parts) == ["1.", "2."]


def test_num_id_zero_removes_style_numbering(tmp_path):
    numbered = style("ONum", '<w:numPr><w:numId w:val="1"/></w:numPr>')
    body = p("1", style="ONum") + p("not numbered", style="ONum", num=0) + p("2", style="ONum")
    parts = {"numbering": simple(DECIMAL), "styles": styles(numbered)}
    assert labels(tmp_path, body, **parts) == ["1.", None, "2."]


def test_paragraph_ilvl_with_style_num_id(tmp_path):
    numbered = style("ONum", '<w:numPr><w:numId w:val="1"/></w:numPr>')
    levels = DECIMAL + lvl(1, "lowerLetter", "(%2)")
    body = p("1", style="ONum") + p("a", style="ONum", ilvl=1)
    assert labels(tmp_path, body, numbering=simple(levels), styles=styles(numbered)) == ["1.", "(a)"]


def test_level_bound_to_a_style_by_p_style(tmp_path):
    levels = DECIMAL + lvl(1, "lowerLetter", "%2)", inner='<w:pStyle w:val="ListLetter"/>')
    letter = style("ListLetter", '<w:numPr><w:numId w:val="1"/></w:numPr>')
    body = p("1", num=1, ilvl=0) + p("a", style="ListLetter") + p("b", style="ListLetter")
    assert labels(tmp_path, body, numbering=simple(levels), styles=styles(letter)) == ["1.", "a)", "b)"]


def test_num_style_link_takes_levels_of_the_numbering_style(tmp_path):
    definition = numbering(
        {1: lvl(0, "upperLetter", "%1."), 2: '<w:numStyleLink w:val="LegalList"/>'},
        {1: (1, ""), 2: (2, "")},
    )
    legal = style("LegalList", '<w:numPr><w:numId w:val="1"/></w:numPr>', kind="numbering")
    body = p("A", num=2) + p("B", num=2)
    assert labels(tmp_path, body, numbering=definition, styles=styles(legal)) == ["A.", "B."]


def test_unknown_num_id_gives_no_label(tmp_path):
    body = p("orphan", num=9)
    assert labels(tmp_path, body, numbering=simple(DECIMAL)) == [None]


def test_sample_paragraph_numbers_come_from_numbering():
    """samples/task58_progress_report.docx: its 18 paragraph numbers (the seed's
    18 TAB-led paragraphs) are in numbering.xml (through the paragraph style), not
    in the text."""
    blocks = extract(SAMPLES / "task58_progress_report.docx").blocks
    numbers = [block.label for block in blocks if block.label and block.label[0].isdigit()]
    assert numbers == [f"{n}." for n in range(1, 19)]
    assert not any(re.match(r"\d+\.\s", block.text) for block in blocks if block.label)


def test_malformed_numbers_fall_back_to_defaults(tmp_path):
    levels = '<w:lvl w:ilvl="0"><w:start w:val="x"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    body = p("one", num=1) + p("two", num=1)
    assert labels(tmp_path, body, numbering=simple(levels)) == ["1.", "2."]


def test_huge_counters_print_as_digits_not_as_endless_letters():
    """A damaged start value must not spell a million letters (our bound, not Word's)."""
    assert format_number(10**9, "lowerLetter") == "1000000000"
    assert format_number(10**9, "upperRoman") == "1000000000"


def test_deleted_paragraph_is_not_counted(tmp_path):
    """Tracked changes read as accepted: a numbered paragraph deleted whole is gone."""
    deleted = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr>'
        "<w:del><w:r><w:delText>removed</w:delText></w:r></w:del></w:p>"
    )
    body = p("one", num=1) + deleted + p("two", num=1)
    assert labels(tmp_path, body, numbering=simple(DECIMAL)) == ["1.", "2."]
