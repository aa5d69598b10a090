"""The DOCX extractor on small DOCX files built here and on the samples.

Expected values for the samples were read by a person from the seed texts in
samples/ (the DOCX renditions hold the same words)."""

from __future__ import annotations

import zipfile

import pytest

from extractors.blocks import Role
from extractors.docx import extract
from pipeline.errors import CorruptDocument, EmptyDocument, EncryptedDocument, UnsupportedFormat
from tests.cross_format import SAMPLES
from tests.docx_parts import R_NS, W_NS, p, style, styles, wrap, write_docx


def texts(tmp_path, body: str, **parts: str) -> list[str]:
    return [block.text for block in extract(write_docx(tmp_path / "t.docx", body, **parts)).blocks]


def run(text: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


# -- content a user sees is read ---------------------------------------------------


def test_content_controls_are_read(tmp_path):
    body = "<w:sdt><w:sdtPr/><w:sdtContent>" + p("inside a content control") + "</w:sdtContent></w:sdt>"
    body += p("", extra="<w:sdt><w:sdtContent>" + run("inline control") + "</w:sdtContent></w:sdt>")
    assert texts(tmp_path, body) == ["inside a content control", "inline control"]


def test_nested_tables_are_read_cell_by_cell(tmp_path):
    inner = "<w:tbl><w:tr><w:tc>" + p("inner 1") + "</w:tc><w:tc>" + p("inner 2") + "</w:tc></w:tr></w:tbl>"
    body = "<w:tbl><w:tr><w:tc>" + p("outer") + inner + "</w:tc><w:tc>" + p("right") + "</w:tc></w:tr></w:tbl>"
    blocks = extract(write_docx(tmp_path / "t.docx", body)).blocks
    assert [b.text for b in blocks] == ["outer", "inner 1", "inner 2", "right"]
    assert [(b.provenance.table, b.provenance.row, b.provenance.column) for b in blocks] == [
        (0, 0, 0), (1, 0, 0), (1, 0, 1), (0, 0, 1),
    ]
    assert all(block.role == Role.table_cell for block in blocks)


def test_merged_cells_give_grid_columns(tmp_path):
    row1 = "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + p("wide") + "</w:tc><w:tc>" + p("third") + "</w:tc></w:tr>"
    row2 = "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>" + p() + "</w:tc><w:tc>" + p("b") + "</w:tc><w:tc>" + p("c") + "</w:tc></w:tr>"
    blocks = extract(write_docx(tmp_path / "t.docx", f"<w:tbl>{row1}{row2}</w:tbl>")).blocks
    assert [(b.text, b.provenance.row, b.provenance.column) for b in blocks] == [
        ("wide", 0, 0), ("third", 0, 2), ("b", 1, 1), ("c", 1, 2),
    ]


def test_text_boxes_are_read_once(tmp_path):
    box = "<w:txbxContent>" + p("boxed text") + "</w:txbxContent>"
    drawing = (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wrapper>"
        f"{box}</wrapper></w:drawing></mc:Choice><mc:Fallback><w:pict><shape>{box}</shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )
    assert texts(tmp_path, p("anchor", extra=drawing)) == ["anchor", "boxed text"]


def test_tracked_changes_read_as_accepted(tmp_path):
    body = p("", extra=run("kept ") + "<w:ins>" + run("inserted ") + "</w:ins>"
             + "<w:del><w:r><w:delText>deleted </w:delText></w:r></w:del>" + run("end"))
    assert texts(tmp_path, body) == ["kept inserted end"]


def test_hyperlinks_and_fields_give_their_visible_text(tmp_path):
    complex_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("12") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    body = p("", extra='<w:hyperlink r:id="rId9">' + run("the link") + "</w:hyperlink>" + run(" page ") + complex_field)
    body += p("", extra='<w:fldSimple w:instr=" DATE ">' + run("June 30, 2021") + "</w:fldSimple>")
    assert texts(tmp_path, body) == ["the link page 12", "June 30, 2021"]


def test_comments_hidden_text_and_headers_are_left_out(tmp_path):
    body = p("", extra='<w:commentRangeStart w:id="1"/>' + run("commented") + '<w:commentRangeEnd w:id="1"/>'
             + '<w:r><w:commentReference w:id="1"/></w:r>' + run(" hidden", "<w:vanish/>"))
    comments = wrap("comments", '<w:comment w:id="1">' + p("a reviewer's remark") + "</w:comment>")
    header = wrap("hdr", p("CWS/12/22 page 2"))
    assert texts(tmp_path, body, comments=comments, header=header) == ["commented"]


def test_footnotes_are_numbered_by_reference_order_and_linked(tmp_path):
    notes = wrap(
        "footnotes",
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r>' + run(" second note") + "</w:p></w:footnote>"
        '<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r>' + run(" first note") + "</w:p></w:footnote>",
    )
    body = p("", extra=run("alpha") + '<w:r><w:footnoteReference w:id="3"/></w:r>' + run(" beta")
             + '<w:r><w:footnoteReference w:id="7"/></w:r>')
    blocks = extract(write_docx(tmp_path / "t.docx", body, footnotes=notes)).blocks
    assert blocks[0].text == "alpha beta"
    assert [(m.number, m.offset) for m in blocks[0].marks] == [(1, 5), (2, 10)]
    assert [(b.role, b.footnote_number, b.text) for b in blocks[1:]] == [
        (Role.footnote, 1, "first note"), (Role.footnote, 2, "second note"),
    ]


def test_footnote_numbering_starts_at_num_start(tmp_path):
    notes = wrap("footnotes", '<w:footnote w:id="1"><w:p>' + run("only note") + "</w:p></w:footnote>")
    settings = wrap("settings", '<w:footnotePr><w:numStart w:val="2"/></w:footnotePr>')
    body = p("", extra=run("text") + '<w:r><w:footnoteReference w:id="1"/></w:r>')
    blocks = extract(write_docx(tmp_path / "t.docx", body, footnotes=notes, settings=settings)).blocks
    assert blocks[0].marks[0].number == 2 and blocks[1].footnote_number == 2


def test_first_section_num_start_wins_over_the_document_setting(tmp_path):
    notes = wrap("footnotes", '<w:footnote w:id="1"><w:p>' + run("only note") + "</w:p></w:footnote>")
    settings = wrap("settings", '<w:footnotePr><w:numStart w:val="2"/></w:footnotePr>')
    section = '<w:sectPr><w:footnotePr><w:numStart w:val="5"/></w:footnotePr></w:sectPr>'
    body = p("", extra=run("text") + '<w:r><w:footnoteReference w:id="1"/></w:r>') + section
    blocks = extract(write_docx(tmp_path / "t.docx", body, footnotes=notes, settings=settings)).blocks
    assert blocks[0].marks[0].number == 5 and blocks[1].footnote_number == 5


def test_headings_from_outline_level_of_style(tmp_path):
    heading = style("Heading1", '<w:outlineLvl w:val="0"/>', name="heading 1")
    sub = style("MySub", "", based_on="Heading2")
    heading2 = style("Heading2", "", name="heading 2")
    body = p("BACKGROUND", style="Heading1") + p("Objectives", style="MySub") + p("body text")
    blocks = extract(write_docx(tmp_path / "t.docx", body, styles=styles(heading, heading2, sub))).blocks
    assert [(b.role, b.level) for b in blocks] == [(Role.heading, 1), (Role.heading, 2), (Role.paragraph, None)]


def test_strict_ooxml_is_read(tmp_path):
    path = write_docx(tmp_path / "strict.docx", p("strict text"))
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        W_NS.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    )
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(R_NS.encode(), b"http://purl.oclc.org/ooxml/officeDocument/relationships")
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    assert [b.text for b in extract(path).blocks] == ["strict text"]


# -- bad input: typed errors -----------------------------------------------------------


def test_text_file_named_docx_is_refused(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("just some text")
    with pytest.raises(UnsupportedFormat, match="content is text"):
        extract(path)


def test_pdf_named_docx_is_refused(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"%PDF-1.7\n...")
    with pytest.raises(UnsupportedFormat, match="a PDF"):
        extract(path)


def test_zip_without_document_part_is_refused(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("readme.txt", "hello")
    with pytest.raises(UnsupportedFormat, match="word/document.xml"):
        extract(path)


def test_truncated_docx_is_corrupt(tmp_path):
    data = (SAMPLES / "cws_12_22.docx").read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptDocument):
        extract(path)


def test_malformed_document_xml_is_corrupt(tmp_path):
    path = write_docx(tmp_path / "bad.docx", "<w:p><w:r><w:t>unclosed</w:r></w:p>")
    with pytest.raises(CorruptDocument, match="not well-formed"):
        extract(path)


def test_empty_file_is_empty(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    with pytest.raises(EmptyDocument):
        extract(path)


def test_document_without_text_is_empty(tmp_path):
    with pytest.raises(EmptyDocument, match="no text"):
        extract(write_docx(tmp_path / "blank.docx", p() + p()))


def test_password_protected_docx_is_encrypted(tmp_path):
    path = tmp_path / "secret.docx"  # an encrypted package is an OLE file with an EncryptionInfo stream
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptionInfo".encode("utf-16-le"))
    with pytest.raises(EncryptedDocument, match="password"):
        extract(path)


def test_legacy_doc_named_docx_is_refused(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    with pytest.raises(UnsupportedFormat, match="97-2003"):
        extract(path)


# -- the samples ------------------------------------------------------------------------


def test_sample_table_cells_carry_labels_and_coordinates():
    """CWS/12/22 annex: Recommendation 1's action (e) has items i. to iv. in column 1."""
    blocks = extract(SAMPLES / "cws_12_22.docx").blocks
    row_1 = [b for b in blocks if b.provenance.table == 0 and b.provenance.row == 1]
    assert [b.label for b in row_1 if b.provenance.column == 1] == ["(a)", "(b)", "(c)", "(d)", "(e)", "i.", "ii.", "iii.", "iv."]
    assert [b.text for b in row_1 if b.provenance.column == 2] == ["R1, R2, R6, R36 and R39"]
    assert [b.text for b in row_1 if b.provenance.column == 0][0] == "Recommendation 1:"


def test_sample_header_row_is_read_once_with_its_footnote_mark():
    """The header row repeats on every page of the PDF but is one row in the DOCX;
    "Related 40 RECs" carries footnote 1."""
    blocks = extract(SAMPLES / "cws_12_22.docx").blocks
    header = [b for b in blocks if b.text == "Related 40 RECs"]
    assert len(header) == 1
    assert [(m.number, m.offset) for m in header[0].marks] == [(1, len("Related 40 RECs"))]


def test_sample_running_headers_stay_out_of_the_body():
    blocks = extract(SAMPLES / "cws_12_22.docx").blocks
    assert not any(b.text.startswith(("page ", "Annex, page")) for b in blocks)


def test_sample_footnote_2_of_wo_ga_58_9():
    """WO/GA/58/9 has only footnote 2, anchored after "cooperative projects"."""
    blocks = extract(SAMPLES / "wo_ga_58_9.docx").blocks
    notes = [b for b in blocks if b.role == Role.footnote]
    assert [n.footnote_number for n in notes] == [2]
    assert notes[0].text.startswith("Such as the Global Identifier Project")
    anchored = next(b for b in blocks if any(m.number == 2 for m in b.marks))
    assert anchored.text[: anchored.marks[0].offset].endswith("actively participate in the cooperative projects")


def test_word_lock_file_is_refused(tmp_path):
    path = tmp_path / "~$strict.docx"  # Word's owner file next to an open document
    path.write_bytes(b"\x0bJohn Smith" + b"\x00" * 150)
    with pytest.raises(UnsupportedFormat, match="lock file"):
        extract(path)


def test_equation_runs_are_read(tmp_path):
    math = '<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>x+1</m:t></m:r></m:oMath>'
    assert texts(tmp_path, p("", extra=run("solve ") + math)) == ["solve x+1"]
