"""DOCX package limits: sizes counted while inflating, nesting depth, numbers
within the digit limit, characters that are not text."""

from __future__ import annotations

import pytest

from extractors import read_source
from extractors.docx import extract
from pipeline.errors import EncryptedDocument, TooLarge
from tests.docx_parts import lvl, numbering, p, write_docx
from tests.hostile_inputs import HOSTILE_INPUTS


def test_a_part_over_the_size_limit_is_refused_while_inflating(tmp_path, monkeypatch):
    path = write_docx(tmp_path / "big.docx", p("x" * 200_000))
    monkeypatch.setenv("CWS_MAX_XML_PART", "100k")
    with pytest.raises(TooLarge, match="CWS_MAX_XML_PART"):
        extract(path)


def test_the_package_total_is_bounded(tmp_path, monkeypatch):
    path = write_docx(tmp_path / "big.docx", p("x" * 200_000))
    monkeypatch.setenv("CWS_MAX_DOCX_UNCOMPRESSED", "100k")
    with pytest.raises(TooLarge, match="CWS_MAX_DOCX_UNCOMPRESSED"):
        extract(path)


@pytest.mark.parametrize("depth, refused", [(20, False), (60, True)])
def test_nesting_depth(tmp_path, depth, refused):
    body = "<w:sdt><w:sdtContent>" * depth + p("Deep.") + "</w:sdtContent></w:sdt>" * depth
    path = write_docx(tmp_path / "deep.docx", body)
    if refused:  # two elements per level: 120 > 100
        with pytest.raises(TooLarge, match="CWS_MAX_NESTING"):
            extract(path)
    else:
        assert [block.text for block in extract(path).blocks] == ["Deep."]


@pytest.mark.parametrize(
    "code, text",
    [("0041", "Symbol here: A"), ("F0B7", "Symbol here: ·"), ("D800", "Symbol here: \ud800"), ("110000", "Symbol here:"),
     ("9" * 5000, "Symbol here:"), ("zz", "Symbol here:")],
)
def test_symbols_outside_unicode_are_dropped(tmp_path, code, text):
    path = write_docx(tmp_path / "sym.docx", p("Symbol here: ", extra=f'<w:r><w:sym w:char="{code}"/></w:r>'))
    assert extract(path).blocks[0].text == text


def test_a_lone_surrogate_is_replaced_and_counted(tmp_path):
    from extractors import read_source
    path = write_docx(tmp_path / "sym.docx", p("Bad ", extra='<w:r><w:sym w:char="D800"/></w:r>'))
    source = read_source(path)
    assert source.blocks[0].text == "Bad \ufffd" and source.replaced_characters == 1


def test_numbering_values_beyond_the_digit_limit_fall_back(tmp_path):
    huge = "9" * 5000
    path = write_docx(
        tmp_path / "n.docx", p("First.", num=1, ilvl=0) + p("Second.", num=1, ilvl=0),
        numbering=numbering({1: lvl(0, "decimal", "%1.", start=huge)}, {1: (1, "")}),
    )
    assert [block.label for block in extract(path).blocks] == ["1.", "2."]  # start falls back to 1


def test_a_label_too_long_to_be_a_number_format_is_dropped(tmp_path):
    path = write_docx(
        tmp_path / "n.docx", p("Numbered.", num=1, ilvl=0),
        numbering=numbering({1: lvl(0, "decimal", "%1." * 500_000)}, {1: (1, "")}),
    )
    block = extract(path).blocks[0]
    assert block.text == "Numbered." and block.label is None


def test_encrypted_entries(tmp_path):
    with pytest.raises(EncryptedDocument, match="encrypted"):
        extract(HOSTILE_INPUTS["docx-encrypted-entries"](tmp_path))
