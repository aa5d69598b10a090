"""The WIPO header block in text converted from PDF without blank lines between
its lines (as pdftotext writes it): each header line stays a block of its own.

The header lines are those of a WIPO working document (the layout of the header
in samples/cws_12_22.pdf, with a DATE line as real documents carry); the body is
the opening of seed 001 as its PDF-derived text wraps it.
"""

from __future__ import annotations

import datetime as dt

from pipeline.api import extract_document

HEADER_THEN_BODY = """\
E
CWS/12/22
ORIGINAL: ENGLISH
DATE: AUGUST 2, 2024
Committee on WIPO Standards (CWS)
Twelfth Session
Geneva, September 16 to 19, 2024
PROPOSAL FOR REVISED RECOMMENDATIONS ON ICT AND IP ADMINISTRATION
Document prepared by the ICT Strategy Task Force
SUMMARY
1. The ICT Strategy Task Force presents a set of revised draft recommendations on
Information and Communication Technology (ICT) and Intellectual Property (IP)
administration for consideration and adoption by the Committee on WIPO Standards (CWS).
"""


def test_header_lines_without_blank_lines_give_the_metadata(tmp_path):
    path = tmp_path / "header.txt"
    path.write_text(HEADER_THEN_BODY, encoding="utf-8")
    document = extract_document(path)
    meta = document.metadata
    assert document.source.flavour == "pdf"
    assert (meta.symbol, meta.committee, meta.original_language) == ("CWS/12/22", "CWS", "English")
    assert meta.date == dt.date(2024, 8, 2)
    assert (meta.session.number, meta.session.start_date, meta.session.end_date) == (
        12,
        dt.date(2024, 9, 16),
        dt.date(2024, 9, 19),
    )
    assert meta.title == "PROPOSAL FOR REVISED RECOMMENDATIONS ON ICT AND IP ADMINISTRATION"
    assert meta.prepared_by == "ICT Strategy Task Force"
    assert [section.title for section in document.sections] == ["SUMMARY"]
    (paragraph,) = document.paragraphs
    assert paragraph.text.endswith("adoption by the Committee on WIPO Standards (CWS).")
