"""The WIPO header block as it comes: table-driven, one case per layout.

Each case is the sequence of blocks an extractor hands over (one per DOCX
paragraph, table cell or text line; a one-line conversion gives one block),
written after the headers of real CWS documents (CWS/1/9, CWS/2/13, CWS/5/22
PROV., CWS/7/29 PROV., CWS/9/23, CWS/12/22, WO/GA/58/9, C.CWS.151) and varied:
joined, split, reordered, other spellings. The expected values were read by a
person from the lines themselves.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.blocks import Block
from pipeline.api import extract_document
from pipeline.header import is_header_line, read_header
from pipeline.header.ordinals import session_number, session_ordinal
from pipeline.model import Provenance

D = dt.date
STANDARD = [
    "WIPO",
    "E",
    "CWS/9/23",
    "ORIGINAL: ENGLISH",
    "DATE: SEPTEMBER 5, 2021",
    "Committee on WIPO Standards (CWS)",
    "Ninth Session",
    "Geneva, November 1 to 5, 2021",
    "REPORT ON TASK NO. 47",
    "Document prepared by the International Bureau",
]
NINTH = dict(
    symbol="CWS/9/23",
    committee="CWS",
    original_language="English",
    date=D(2021, 9, 5),
    session=(9, "ninth", 2021, D(2021, 11, 1), D(2021, 11, 5), "Geneva"),
    title="REPORT ON TASK NO. 47",
    prepared_by="International Bureau",
)

CASES = {
    "one field a line": (STANDARD + ["INTRODUCTION", "1. The CWS …"], NINTH, ["INTRODUCTION", "1. The CWS …"]),
    "whole header on one line, body after it": (
        [" ".join(STANDARD) + " INTRODUCTION", "1. The CWS …"],
        NINTH,
        ["INTRODUCTION", "1. The CWS …"],
    ),
    "one-line draft report (CWS/7/29 PROV.)": (
        [
            "Committee on WIPO Standards (CWS)",
            "E CWS/7/29 PROV. ORIGINAL: ENGLISH DATE: AUGUST 14, 2019 Committee on WIPO Standards (CWS) "
            "Seventh Session Geneva, July 1 to 5, 2019 DRAFT REPORT prepared by the Secretariat INTRODUCTION",
            "1. The Committee …",
        ],
        dict(
            symbol="CWS/7/29 PROV.",
            date=D(2019, 8, 14),
            session=(7, "seventh", 2019, D(2019, 7, 1), D(2019, 7, 5), "Geneva"),
            title="DRAFT REPORT",
            prepared_by="Secretariat",
        ),
        ["INTRODUCTION", "1. The Committee …"],
    ),
    "language mark glued to the symbol (CWS/5/22 PROV.)": (
        [
            "/ ECWS/5/22 PROV.",
            "ORIGINAL: ENGLISH",
            "DATE: JULY 12, 2017",
            "Committee on WIPO Standards (CWS)",
            "Fifth Session",
            "Geneva, May 29 to June 2, 2017",
            "DRAFT REPORT",
            "prepared by the Secretariat",
            "INTRODUCTION",
            "The Committee on WIPO Standards (hereinafter referred to as “the Committee”, or “the CWS”) held its "
            "fifth session in Geneva from May 29 to June 2, 2017.",
        ],
        dict(symbol="CWS/5/22 PROV.", date=D(2017, 7, 12), session=(5, "fifth", 2017, D(2017, 5, 29), D(2017, 6, 2), "Geneva"),
             title="DRAFT REPORT", prepared_by="Secretariat"),
        ["INTRODUCTION", "The Committee on WIPO Standards"],
    ),
    "logo line 'WIPO E' and the organization's name under it": (
        ["WIPO E", "WORLD INTELLECTUAL PROPERTY ORGANIZATION", *STANDARD[2:], "INTRODUCTION"],
        NINTH,
        ["INTRODUCTION"],
    ),
    "French and Spanish names of the organization, OMPI": (
        ["OMPI", "ORGANISATION MONDIALE DE LA PROPRIÉTÉ INTELLECTUELLE", *STANDARD[2:], "INTRODUCTION"],
        NINTH,
        ["INTRODUCTION"],
    ),
    "symbol block after the committee lines (a text box read late)": (
        [STANDARD[5], STANDARD[6], STANDARD[7], "WIPO", "E", "CWS/9/23", "ORIGINAL: ENGLISH", "DATE: SEPTEMBER 5, 2021",
         STANDARD[8], STANDARD[9], "INTRODUCTION"],
        NINTH,
        ["INTRODUCTION"],
    ),
    "symbol, ORIGINAL and DATE in one table cell": (
        ["WIPO", "E", "CWS/9/23 ORIGINAL: ENGLISH DATE: SEPTEMBER 5, 2021", *STANDARD[5:], "INTRODUCTION"],
        NINTH,
        ["INTRODUCTION"],
    ),
    "fields split over two lines": (
        ["WIPO", "CWS/9/23", "ORIGINAL:", "ENGLISH", "DATE:", "SEPTEMBER 5, 2021", "Committee on WIPO Standards",
         "(CWS)", "Ninth Session", "Geneva, November 1 to", "5, 2021", *STANDARD[8:], "INTRODUCTION"],
        NINTH,
        ["INTRODUCTION"],
    ),
    "other spellings: capitals, day-first dates": (
        ["CWS/9/23", "Original: English", "Date: 5 September 2021", "COMMITTEE ON WIPO STANDARDS (CWS)",
         "NINTH SESSION", "Geneva, 1 to 5 November 2021", *STANDARD[8:], "INTRODUCTION"],
        NINTH,
        ["INTRODUCTION"],
    ),
    "title over several lines before 'Document prepared by' (CWS/1/9)": (
        ["OriGINAL: English", "DATE: October 13, 2010", "Committee on WIPO Standards (CWS)", "First Session",
         "Geneva, October 25 to 29, 2010", "Consideration of the pending tasks of the Standards",
         "and Documentation Working Group and of future work", "of the CWS", "Document prepared by the Secretariat",
         "1.To establish the work program …"],
        dict(symbol=None, date=D(2010, 10, 13), session=(1, "first", 2010, D(2010, 10, 25), D(2010, 10, 29), "Geneva"),
             title="Consideration of the pending tasks of the Standards and Documentation Working Group and of "
             "future work of the CWS", prepared_by="Secretariat"),
        ["1.To establish the work program …"],
    ),
    "Summary by the Chair: no 'prepared by', agenda items follow (CWS/2/13)": (
        ["/ E", "DATE: May 4, 2012", "Committee on WIPO Standards (CWS)", "Second Session",
         "Geneva, April 30 to May 4, 2012", "Summary by the Chair", "Agenda Item 1: Opening of the session",
         "1. The session was opened …"],
        dict(date=D(2012, 5, 4), session=(2, "second", 2012, D(2012, 4, 30), D(2012, 5, 4), "Geneva"),
             title="Summary by the Chair", prepared_by=None),
        ["Agenda Item 1: Opening of the session", "1. The session was opened …"],
    ),
    "General Assembly: 'WIPO General Assembly', qualified session": (
        ["WIPO", "WO/GA/58/9", "ORIGINAL: ENGLISH", "DATE: MAY 2, 2025", "WIPO General Assembly",
         "Fifty-Eighth (33rd Ordinary) Session", "Geneva, July 8 to 17, 2025",
         "REPORT ON THE COMMITTEE ON WIPO STANDARDS", "Introduction"],
        dict(symbol="WO/GA/58/9", committee="WO/GA", date=D(2025, 5, 2),
             session=(58, "fifty-eighth", 2025, D(2025, 7, 8), D(2025, 7, 17), "Geneva"),
             title="REPORT ON THE COMMITTEE ON WIPO STANDARDS"),
        ["Introduction"],
    ),
    "reconvened session, symbol with a session part (CWS/4BIS)": (
        ["CWS/4BIS/16", "ORIGINAL: ENGLISH", "DATE: MAY 16, 2016", "Committee on WIPO Standards (CWS)",
         "Reconvened Fourth Session", "Geneva, March 21 to 24, 2016", "REPORT", "adopted by the Committee",
         "INTRODUCTION"],
        dict(symbol="CWS/4BIS/16", date=D(2016, 5, 16), session=(4, "fourth", 2016, D(2016, 3, 21), D(2016, 3, 24), "Geneva"),
             reconvened=True, title="REPORT"),
        ["adopted by the Committee", "INTRODUCTION"],
    ),
    "Rev. and Corr. suffixes, numbered session ordinal": (
        ["CWS/12/22 Rev. Corr.", "ORIGINAL: ENGLISH", "DATE: AUGUST 2, 2024", "Committee on WIPO Standards (CWS)",
         "12th Session", "Geneva, September 16 to 19, 2024", "PROPOSAL", "SUMMARY"],
        dict(symbol="CWS/12/22 Rev. Corr.", session=(12, "twelfth", 2024, D(2024, 9, 16), D(2024, 9, 19), "Geneva"),
             title="PROPOSAL"),
        ["SUMMARY"],
    ),
    "circular heading: symbol, bare date, Re:": (
        ["C. CWS 151", "June 30, 2021", "Re: Survey on the priority of 40 Recommendations for ICT Strategies",
         "Madam,", "Sir,"],
        dict(symbol="C.CWS.151", date=D(2021, 6, 30), session=None,
             title="Survey on the priority of 40 Recommendations for ICT Strategies"),
        ["Madam,", "Sir,"],
    ),
    "no header: the body starts at once": (
        ["SUMMARY", "1. The ICT Strategy Task Force presents …"],
        dict(symbol=None, date=None, session=None, title=None),
        ["SUMMARY", "1. The ICT Strategy Task Force presents …"],
    ),
    "a body paragraph naming the committee is no header": (
        ["Committee on WIPO Standards (CWS) members were invited to the meeting, which took place in Geneva and "
         "online; the Secretariat reported on the tasks and the CWS agreed to continue the work.", "SUMMARY"],
        dict(symbol=None, committee=None, title=None),
        ["Committee on WIPO Standards (CWS) members", "SUMMARY"],
    ),
    "pdftotext -layout: logo, language mark and symbol on one line": (
        ["WIPO E CWS/9/23", "ORIGINAL: ENGLISH", "DATE: SEPTEMBER 5, 2021", *STANDARD[5:], "INTRODUCTION"],
        NINTH,
        ["INTRODUCTION"],
    ),
    "SUMMARY BY THE CHAIR in capitals, 'Prepared by' capitalised": (
        ["CWS/2/13", "ORIGINAL: ENGLISH", "DATE: MAY 4, 2012", "Committee on WIPO Standards (CWS)",
         "Second Session", "Geneva, April 30 to May 4, 2012", "SUMMARY BY THE CHAIR", "Prepared by the Chair",
         "Agenda Item 1: Opening of the session"],
        dict(symbol="CWS/2/13", title="SUMMARY BY THE CHAIR", prepared_by="Chair"),
        ["Agenda Item 1: Opening of the session"],
    ),
    "Markdown a converter wrote: emphasis and heading marks": (
        ["**WIPO**", "E", "**CWS/9/23**", "**ORIGINAL:** ENGLISH", "**DATE:** SEPTEMBER 5, 2021",
         "# Committee on WIPO Standards (CWS)", "Ninth Session", "Geneva, November 1 to 5, 2021",
         "**REPORT ON TASK NO. 47**", "Document prepared by the International Bureau", "INTRODUCTION"],
        NINTH,
        ["INTRODUCTION"],
    ),
    "a form's date cell and title cell are no WIPO header": (
        ["Last Issue Date", "Task and Revision Number", "11 December 2017", "240-DOP-1013A Revision: 1", "Task Name:"],
        dict(symbol=None, date=None, title=None),
        ["Last Issue Date", "Task and Revision Number", "11 December 2017"],
    ),
    "a weekday is no place": (
        ["Federal Register / Vol. 85, No. 152 / Thursday, August 6, 2020 / Rules and Regulations", "SUMMARY"],
        dict(symbol=None, session=None, title=None),
        ["Federal Register", "SUMMARY"],
    ),
    "a title that starts with WIPO keeps it": (
        ["CWS/9/23", "ORIGINAL: ENGLISH", "Committee on WIPO Standards (CWS)", "Ninth Session",
         "WIPO STANDARD ST.96", "Document prepared by the International Bureau", "1. The CWS …"],
        dict(symbol="CWS/9/23", title="WIPO STANDARD ST.96", prepared_by="International Bureau"),
        ["1. The CWS …"],
    ),
    "hundredth session: a number, no ordinal word": (
        ["XYZ/100/1", "Committee on WIPO Standards (CWS)", "100th Session", "TITLE", "SUMMARY"],
        dict(symbol="XYZ/100/1", session=(100, None, None, None, None, None), title="TITLE"),
        ["SUMMARY"],
    ),
}

METADATA_FIELDS = ("symbol", "committee", "original_language", "date", "title", "prepared_by")


def _blocks(texts: list[str]) -> list[Block]:
    return [Block(text=text, provenance=Provenance(line_start=n, line_end=n)) for n, text in enumerate(texts, 1)]


@pytest.mark.parametrize("name", CASES)
def test_header_block(name):
    texts, expected, body_start = CASES[name]
    reading = read_header(_blocks(texts))
    meta = reading.metadata
    for key in METADATA_FIELDS:
        if key in expected:
            assert getattr(meta, key) == expected[key], key
    if "session" in expected:
        session = meta.session
        got = None if session is None else (
            session.number, session.ordinal, session.year, session.start_date, session.end_date, session.place
        )
        assert got == expected["session"]
    if "reconvened" in expected:
        assert meta.session.reconvened == expected["reconvened"]
    body = [block.text for block in reading.body]
    assert len(body) >= len(body_start)
    for got, start in zip(body, body_start):
        assert got.startswith(start)


def test_header_provenance_covers_the_lines_it_used():
    reading = read_header(_blocks(STANDARD + ["INTRODUCTION"]))
    assert (reading.metadata.provenance.line_start, reading.metadata.provenance.line_end) == (1, len(STANDARD))


def test_footnote_marks_follow_the_text_handed_back():
    from extractors.blocks import FootnoteMark

    text = " ".join(STANDARD) + " INTRODUCTION"
    block = Block(text=text, provenance=Provenance(line_start=1, line_end=1), marks=(FootnoteMark(1, len(text)),))
    (rest,) = read_header([block]).body
    assert rest.text == "INTRODUCTION" and rest.marks == (FootnoteMark(1, len("INTRODUCTION")),)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("/ ECWS/5/22 PROV.", True),
        ("E CWS/7/29 PROV. ORIGINAL: ENGLISH DATE: AUGUST 14, 2019", True),
        ("Geneva, May 29 to June 2, 2017", True),
        ("prepared by the Secretariat", True),
        ("page 16", True),
        ("CWS/5/22 Prov. / page 16", True),
        ("DRAFT REPORT", False),
        ("1. The Committee on WIPO Standards held its fifth session.", False),
    ],
)
def test_is_header_line(line, expected):
    assert is_header_line(line) == expected


@pytest.mark.parametrize(
    "ordinal, number, word",
    [
        ("Ninth", 9, "ninth"),
        ("FIFTY-EIGHTH", 58, "fifty-eighth"),
        ("fifty eighth", 58, "fifty-eighth"),
        ("Fifty‑Eighth", 58, "fifty-eighth"),  # U+2011 non-breaking hyphen
        ("12th", 12, "twelfth"),
        ("100th", 100, None),
        ("0th", None, None),
        ("zeroth", None, None),
    ],
)
def test_session_ordinals(ordinal, number, word):
    assert session_number(ordinal) == number
    assert session_ordinal(number) == word


@pytest.mark.parametrize("stem, session", [("cws_0_1", None), ("cws_100_1", 100), ("cws_4bis_16", 4)])
def test_session_from_a_file_name_never_crashes(tmp_path, stem, session):
    """Issue: "no ordinal word for 0" from a file named cws_0_1.txt. Rule: 0 is
    no session; 100 has a number and no word; 4BIS is session 4, reconvened."""
    path = tmp_path / f"{stem}.txt"
    path.write_text("SUMMARY\n1. The CWS noted the report.\n", encoding="utf-8")
    meta = extract_document(path).metadata
    assert meta.symbol_inferred
    assert (meta.session.number if meta.session else None) == session
    if session == 4:
        assert meta.session.reconvened and meta.session.ordinal == "fourth"
