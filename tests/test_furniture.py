"""Running headers and page numbers in any format's text: dropped, recorded, and
never read as references. Each line is furniture as real conversions of CWS
documents print it (CWS/5/22 PROV., CWS/7/29 PROV., the CWS/3/12 annex, a
document-sharing site's page marks), or a look-alike that is not furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.blocks import Block, FootnoteMark
from pipeline.api import extract_document
from pipeline.furniture import drop_furniture, drop_own_symbol_lines
from pipeline.model import FurnitureKind, Provenance

RUNNING, PAGE = FurnitureKind.running_header, FurnitureKind.page_number


def _block(text: str, line: int = 1, marks=()) -> Block:
    return Block(text=text, provenance=Provenance(line_start=line, line_end=line), marks=marks)


@pytest.mark.parametrize(
    "line, kind",
    [
        ("CWS/7/29 Prov. page 2", RUNNING),
        ("CWS/5/22 Prov. / page 16", RUNNING),
        ("CWS/12/22 page 3", RUNNING),
        ("CWS/12/22 Annex, page 2", RUNNING),
        ("WO/GA/58/9 Annex I, page 4", RUNNING),
        ("Annex, page 3", RUNNING),
        ("Annex I, page 2", RUNNING),
        ("Annex II, page 12", RUNNING),
        ("Appendix, page 1", RUNNING),
        ("page 1", PAGE),
        ("Page 1:", PAGE),
        ("page 2 of 7", PAGE),
        ("- 3 -", PAGE),
        ("Annex, page 3 of the report shows the figures.", None),
        ("see page 2", None),
        ("CWS/12/22", None),  # a symbol alone is furniture only by position (below)
        ("The table on page 4 lists the tasks.", None),
    ],
)
def test_whole_line(line, kind):
    result = drop_furniture([_block(line)])
    if kind is None:
        assert [block.text for block in result.blocks] == [line] and result.furniture == []
    else:
        assert result.blocks == [] and [(item.text, item.kind) for item in result.furniture] == [(line, kind)]


@pytest.mark.parametrize(
    "text, kept, dropped",
    [
        (
            "Patent Information Users Group (PIUG) (4). CWS/7/29 Prov. page 2 5. The participation of seven",
            "Patent Information Users Group (PIUG) (4). 5. The participation of seven",
            ["CWS/7/29 Prov. page 2"],
        ),
        ("(4). CWS/7/29 Prov. page 2", "(4).", ["CWS/7/29 Prov. page 2"]),
        ("CWS/5/22 Prov. / page 16 The Committee", "The Committee", ["CWS/5/22 Prov. / page 16"]),
        ("as stated in document CWS/6/34, page 3 of which", "as stated in document CWS/6/34, page 3 of which", []),
    ],
)
def test_inside_a_block(text, kept, dropped):
    result = drop_furniture([_block(text)])
    assert [block.text for block in result.blocks] == [kept]
    assert [item.text for item in result.furniture] == dropped


def test_a_footnote_mark_after_the_cut_moves_with_its_words():
    text = "(4). CWS/7/29 Prov. page 2 5. The participation"
    (block,) = drop_furniture([_block(text, marks=(FootnoteMark(1, len(text)),))]).blocks
    assert block.marks == (FootnoteMark(1, len(block.text)),)


def test_symbol_over_a_page_line_is_a_running_header():
    blocks = [_block("CWS/5/22 Prov.", 1), _block("page 16", 2), _block("/ ECWS/5/22 PROV.", 3)]
    result = drop_furniture(blocks)
    assert [block.text for block in result.blocks] == ["/ ECWS/5/22 PROV."]
    assert [(item.text, item.kind) for item in result.furniture] == [("CWS/5/22 Prov.", RUNNING), ("page 16", PAGE)]


def test_own_symbol_alone_after_the_header_is_a_running_header():
    furniture = []
    blocks = [_block("CWS/12/22", 40), _block("CWS/11/21", 41), _block("3. The Task Force …", 42)]
    kept = drop_own_symbol_lines(blocks, "CWS/12/22", furniture)
    assert [block.text for block in kept] == ["CWS/11/21", "3. The Task Force …"]
    assert [item.provenance.line_start for item in furniture] == [40]


def test_one_line_document_keeps_no_running_header_and_no_reference_to_it(tmp_path):
    """CWS/7/29 PROV. as a site converted it: one line, the running header before "5."."""
    path = tmp_path / "draft.txt"
    path.write_text(
        "E CWS/7/29 PROV. ORIGINAL: ENGLISH DATE: AUGUST 14, 2019 Committee on WIPO Standards (CWS) Seventh Session "
        "Geneva, July 1 to 5, 2019 DRAFT REPORT prepared by the Secretariat INTRODUCTION 1. The Committee held its "
        "seventh session in Geneva. 4. Representatives of Patent Information Users Group (PIUG) (4). "
        "CWS/7/29 Prov. page 2 5. The participation of seven Delegations was financed.\n",
        encoding="utf-8",
    )
    document = extract_document(path)
    assert [item.text for item in document.furniture] == ["CWS/7/29 Prov. page 2"]
    assert document.metadata.symbol == "CWS/7/29 PROV."
    texts = [unit.text for unit in (*document.paragraphs, *document.content)]
    assert not any("page 2" in text for text in texts)
    assert not any(reference.document == "CWS/7/29" for reference in document.references if not reference.internal)


# pdftotext's text of the task 58 report (samples/converted/) breaks paragraph 5
# across pages 1 and 2 with a form feed and the page line "page 2". Each case
# puts other furniture there, as other WIPO documents and converters print it,
# above the break (a footer) or below it (a header), or body text that is not
# furniture. Paragraph 5's text, as in the DOCX model, must come through whole.
CONVERTED_TASK58 = Path(__file__).resolve().parents[1] / "samples" / "converted" / "task58_progress_report.pdftotext.txt"
PARAGRAPH_5_AT_THE_BREAK = "survey on the prioritization of 40 Recommendations and to report the results"
LATER_PAGE_LINES = ["page 3", "page 4"]  # the sample's own, at its later breaks


@pytest.mark.parametrize(
    "footer, header, dropped",
    [
        ("", "page 2", ["page 2"]),
        ("", "Page 2 of 4", ["Page 2 of 4"]),
        ("", "CWS/12/9\npage 2", ["CWS/12/9 page 2"]),
        ("", "CWS/12/9 Prov.\n\npage 2", ["CWS/12/9 Prov. page 2"]),
        ("", "CWS/12/9 page 2", ["CWS/12/9 page 2"]),
        ("", "CWS/12/9 / page 2", ["CWS/12/9 / page 2"]),
        ("", "CWS/12/9\nPage 2", ["CWS/12/9 Page 2"]),
        ("- 1 -", "page 2", ["- 1 -", "page 2"]),
        ("page 1 of 4", "", ["page 1 of 4"]),
    ],
)
def test_furniture_at_a_form_feed_inside_a_paragraph(tmp_path, footer, header, dropped):
    text = CONVERTED_TASK58.read_text(encoding="utf-8")
    assert "\fpage 2\n" in text
    path = tmp_path / "task58.txt"
    path.write_text(text.replace("\fpage 2\n", f"\n{footer}\n\f{header}\n", 1), encoding="utf-8")
    document = extract_document(path)
    paragraph = next(p for p in document.paragraphs if p.number == 5)
    assert PARAGRAPH_5_AT_THE_BREAK in paragraph.text
    assert [item.text for item in document.furniture] == dropped + LATER_PAGE_LINES


def test_body_text_at_a_form_feed_is_not_furniture(tmp_path):
    text = CONVERTED_TASK58.read_text(encoding="utf-8")
    path = tmp_path / "task58.txt"
    path.write_text(text.replace("\fpage 2\n", "\f", 1), encoding="utf-8")
    document = extract_document(path)
    assert PARAGRAPH_5_AT_THE_BREAK in next(p for p in document.paragraphs if p.number == 5).text
    assert [item.text for item in document.furniture] == LATER_PAGE_LINES
