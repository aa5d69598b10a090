"""Real-looking CWS sentences, each as WIPO prints it and as converters leave it
(no-break spaces lost: "paragraphs52 and53of", "TaskNo.30", "documentCWS/2/13"),
and what a person reads in them. Sentences follow the real documents of
``../shared/corpus/cws-real/`` and the CWS reports; the expectations were written
by reading each sentence, not by running the code.

Each case: the sentence, what the document around it says (its symbol, its
session, its annexes) and the expected records of the kinds the case is about.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.model import Annex, Document, Metadata, Paragraph, Provenance, Session, Source
from pipeline.references import annotate


def _document(sentence: str, symbol: str | None = None, session: Session | None = None, annexes: int = 0) -> Document:
    """A document whose paragraph 20 is ``sentence``; each annex holds paragraphs 1 to 40."""
    def paragraph(id_: str, number: int, text: str) -> Paragraph:
        return Paragraph(id=id_, number=number, text=text, provenance=Provenance())

    document = Document(
        source=Source(file_name="sentence.txt", format="text", sha256="0" * 64),
        metadata=Metadata(symbol=symbol, session=session),
        paragraphs=[paragraph("p20", 20, sentence)],
        annexes=[
            Annex(
                id=f"annex{n}",
                number=n,
                paragraphs=[paragraph(f"annex{n}.p{k}", k, "Text.") for k in range(1, 41)],
                provenance=Provenance(),
            )
            for n in range(1, annexes + 1)
        ],
    )
    annotate(document)
    return document


def refs(document: Document) -> list[tuple]:
    """(kind, as written, document, paragraphs, items, internal) of each reference."""
    return [
        (r.kind.value, r.mention.text, r.document, r.paragraphs, r.items, r.internal) for r in document.references
    ]


# (sentence, document context, expected references)
REFERENCES = [
    # joined words, then the same spaced
    ("(See document CWS/1/9 and paragraphs52 and53of CWS/1/10.)", {}, [
        ("document", "document CWS/1/9", "CWS/1/9", [], [], False),
        ("paragraph", "paragraphs52 and53of CWS/1/10", "CWS/1/10", [52, 53], [], False),
    ]),
    ("(See document CWS/1/9 and paragraphs 52 and 53 of CWS/1/10.)", {}, [
        ("document", "document CWS/1/9", "CWS/1/9", [], [], False),
        ("paragraph", "paragraphs 52 and 53 of CWS/1/10", "CWS/1/10", [52, 53], [], False),
    ]),
    ("as referred to in paragraph5 and6 of document CWS/1/3, and prepare", {}, [
        ("paragraph", "paragraph5 and6 of document CWS/1/3", "CWS/1/3", [5, 6], [], False),
    ]),
    ("as referred to in paragraph 5 and 6 of document CWS/1/3, and prepare", {}, [
        ("paragraph", "paragraph 5 and 6 of document CWS/1/3", "CWS/1/3", [5, 6], [], False),
    ]),
    ("as referred to in paragraph5 of document SCIT/SDWG/11/9, and prepare", {}, [
        ("paragraph", "paragraph5 of document SCIT/SDWG/11/9", "SCIT/SDWG/11/9", [5], [], False),
    ]),
    ("The CWS noted the Summary by the Chair in documentCWS/2/13.", {}, [
        ("document", "documentCWS/2/13", "CWS/2/13", [], [], False),
    ]),
    ("The CWS noted the Summary by the Chair in document CWS/2/13.", {}, [
        ("document", "document CWS/2/13", "CWS/2/13", [], [], False),
    ]),
    ("as approved by the General Assembly in documentWO/GA/43/16 and", {}, [
        ("document", "documentWO/GA/43/16", "WO/GA/43/16", [], [], False),
    ]),
    ("as approved by the General Assembly in document WO/GA/43/16 and", {}, [
        ("document", "document WO/GA/43/16", "WO/GA/43/16", [], [], False),
    ]),
    ("The proposal is explained further (see paragraph3, below).", {}, [
        ("paragraph", "paragraph3, below", None, [3], [], True),
    ]),
    ("The proposal is explained further (see paragraph 3, below).", {}, [
        ("paragraph", "paragraph 3, below", None, [3], [], True),
    ]),
    ("(See paragraphs17to24 of document CWS/6/34.)", {}, [
        ("paragraph", "paragraphs17to24 of document CWS/6/34", "CWS/6/34", list(range(17, 25)), [], False),
    ]),
    ("(See document CWS/2/8 and paragraphs42 and58 of CWS/2/14.)", {}, [
        ("document", "document CWS/2/8", "CWS/2/8", [], [], False),
        ("paragraph", "paragraphs42 and58 of CWS/2/14", "CWS/2/14", [42, 58], [], False),
    ]),
    ("(See documents SCIT/SDWG/11/11 and SCIT/SDWG/11/14.)", {}, [
        ("document", "documents SCIT/SDWG/11/11", "SCIT/SDWG/11/11", [], [], False),
        ("document", "SCIT/SDWG/11/14", "SCIT/SDWG/11/14", [], [], False),
    ]),
    # symbols of every form
    ("The CWS adopted the report of its reconvened fourth session (document CWS/4BIS/16).", {}, [
        ("document", "document CWS/4BIS/16", "CWS/4BIS/16", [], [], False),
    ]),
    ("The CWS adopted the agenda as proposed in document CWS/2/1 PROV. Some delegations", {}, [
        ("document", "document CWS/2/1 PROV.", "CWS/2/1 PROV.", [], [], False),
    ]),
    ("as reproduced in document CWS/1/10 Prov. Rev. with the inclusion of a new paragraph 17, which", {}, [
        ("document", "document CWS/1/10 Prov. Rev.", "CWS/1/10 PROV. Rev.", [], [], False),
        ("paragraph", "paragraph 17", "CWS/1/10 PROV. Rev.", [17], [], False),
    ]),
    ("the PCT Working Group considered document PCT/WG/4/17 Rev.2 at", {}, [
        ("document", "document PCT/WG/4/17 Rev.2", "PCT/WG/4/17 Rev.2", [], [], False),
    ]),
    ("the Meeting of International Authorities (see document PCT/MIA/18/5)", {}, [
        ("document", "document PCT/MIA/18/5", "PCT/MIA/18/5", [], [], False),
    ]),
    ("as noted by the Assemblies (document A/62/1)", {}, [
        ("document", "document A/62/1", "A/62/1", [], [], False),
    ]),
    ("considering the feedback received in response to Circular C.CWS.180 and", {}, [
        ("circular", "Circular C.CWS.180", "C.CWS.180", [], [], False),
    ]),
    ("considering the feedback received in response to Circular C. CWS 180 and", {}, [
        ("circular", "Circular C. CWS 180", "C.CWS.180", [], [], False),
    ]),
    ("the results of the survey conducted through circular C.CWS 74 were", {}, [
        ("circular", "circular C.CWS 74", "C.CWS.74", [], [], False),
    ]),
    # where a reference points
    ("in accordance with paragraph 8 (c) of document CWS/5/2, the", {}, [
        ("paragraph", "paragraph 8 (c) of document CWS/5/2", "CWS/5/2", [8], ["c"], False),
    ]),
    ("in accordance with paragraph8(c) of document CWS/5/2, the", {}, [
        ("paragraph", "paragraph8(c) of document CWS/5/2", "CWS/5/2", [8], ["c"], False),
    ]),
    ("as described in paragraph 5 (a)(ii) of document CWS/3/4.", {}, [
        ("paragraph", "paragraph 5 (a)(ii) of document CWS/3/4", "CWS/3/4", [5], ["a", "ii"], False),
    ]),
    ("(see paragraphs 70, 71 and 75 to 77 of document CWS/11/28)", {}, [
        ("paragraph", "paragraphs 70, 71 and 75 to 77 of document CWS/11/28", "CWS/11/28", [70, 71, 75, 76, 77], [], False),
    ]),
    ("as set out in paragraph 12 of the present document, the", {}, [
        ("paragraph", "paragraph 12 of the present document", None, [12], [], True),
    ]),
    ("as set out in paragraphs 10 and 11 of this document, the", {}, [
        ("paragraph", "paragraphs 10 and 11 of this document", None, [10, 11], [], True),
    ]),
    ("The proposal is reproduced in the Annex to this document.", {}, [
        ("annex", "the Annex to this document", None, [], [], True),
    ]),
    ("as described in document CWS/9/5, the Secretariat", {"symbol": "CWS/9/5"}, [
        ("document", "document CWS/9/5", "CWS/9/5", [], [], True),
    ]),
    ("as described in document CWS/9/5 Rev., the Secretariat", {"symbol": "CWS/9/5"}, [
        ("document", "document CWS/9/5 Rev.", "CWS/9/5 Rev.", [], [], True),
    ]),
    ("(4). CWS/7/29 Prov. page 2 5. The participation of seven Delegations was", {"symbol": "CWS/7/29 PROV."}, []),
    ("CWS/7/29 Prov. page 2 5. The participation of seven Delegations was", {}, []),
    ("/ ECWS/5/22 PROV.", {}, []),
    ("as the CWS agreed (see document CWS/4BIS/16, paragraph 50)", {}, [
        ("document", "document CWS/4BIS/16", "CWS/4BIS/16", [], [], False),
        ("paragraph", "paragraph 50", "CWS/4BIS/16", [50], [], False),
    ]),
    ("as the CWS agreed (see document CWS/4BIS/16,paragraph50)", {}, [
        ("document", "document CWS/4BIS/16", "CWS/4BIS/16", [], [], False),
        ("paragraph", "paragraph50", "CWS/4BIS/16", [50], [], False),
    ]),
    ("as proposed in paragraphs 5 to 7 of Annex II to document CWS/8/3, the", {}, [
        ("paragraph", "paragraphs 5 to 7 of Annex II to document CWS/8/3", "CWS/8/3", [5, 6, 7], [], False),
    ]),
    ("paragraphs 10 to 2 of document CWS/3/4", {}, [
        ("paragraph", "paragraphs 10 to 2 of document CWS/3/4", "CWS/3/4", [10, 2], [], False),
    ]),
    ("paragraphs 1 to 500 of document CWS/3/4", {}, [
        ("paragraph", "paragraphs 1 to 500 of document CWS/3/4", "CWS/3/4", [1, 500], [], False),
    ]),
]


@pytest.mark.parametrize("sentence, context, expected", REFERENCES, ids=[s[:50] for s, _, _ in REFERENCES])
def test_references(sentence, context, expected):
    assert refs(_document(sentence, **context)) == expected


def test_paragraph_of_an_annex():
    document = _document("The survey is described in paragraph 29 of Annex I.", annexes=2)
    [reference] = document.references
    assert (reference.annex, reference.internal, reference.targets, reference.dangling) == (
        "Annex I",
        True,
        ["annex1.p29"],
        None,
    )


def test_paragraph_of_an_annex_this_document_lacks():
    [reference] = _document("The survey is described in paragraph 29 of Annex II.", annexes=1).references
    assert reference.targets == [] and reference.dangling == "this document has no Annex II"


def test_this_document_without_a_symbol_names_no_symbol():
    [reference] = _document("The List of Tasks is reproduced in the Annex to this document.").references
    assert reference.document is None and reference.internal


@pytest.mark.parametrize(
    "sentence, note",
    [
        ("paragraphs 10 to 2 of document CWS/3/4", "range 10 to 2 runs backwards: its two ends kept"),
        ("paragraphs 1 to 500 of document CWS/3/4", "range 1 to 500 is wider than 200: its two ends kept"),
        ("paragraphs 1 to 200 of document CWS/3/4", None),
    ],
)
def test_unexpanded_ranges_say_why(sentence, note):
    [reference] = _document(sentence).references
    assert reference.note == note


# (sentence, task labels)
TASKS = [
    ("The International Bureau reported on the progress of TaskNo.30 and", ["30"]),
    ("The International Bureau reported on the progress of Task No. 30 and", ["30"]),
    ("Task No.18 is of an informative nature and a continuing activity.", ["18"]),
    ("for eight tasks, namely Tasks Nos.18, 23, 24, 33/3, 38, 39, 42 and43 (this latter task", [
        "18", "23", "24", "33/3", "38", "39", "42", "43",
    ]),
    ("for eight tasks, namely Tasks Nos. 18, 23, 24, 33/3, 38, 39, 42 and 43 (this latter task", [
        "18", "23", "24", "33/3", "38", "39", "42", "43",
    ]),
    ("two tasks, namely TasksNos.17 and19, would be discontinued", ["17", "19"]),
    ("for three tasks, namely Tasks Nos.15, 35 and36, they would be", ["15", "35", "36"]),
    ("TASK NO. 24", ["24"]),
    ("The CWS agreed that Task No. 33/3 should be considered as completed.", ["33/3"]),
    ("In accordance with the proposals presented for each of the 19tasks listed in the Annex:", []),
]


@pytest.mark.parametrize("sentence, expected", TASKS, ids=[s[:50] for s, _ in TASKS])
def test_tasks(sentence, expected):
    assert [task.label for task in _document(sentence).tasks] == sorted(expected, key=lambda t: tuple(map(int, t.split("/"))))


# (sentence, document context, expected (body, number, year, reconvened) of every session record)
SESSIONS = [
    ("the former Standards and Documentation Working Group (SDWG) and the list of tasks as agreed on at its "
     "eleventh session in October2009.", {}, [("SCIT/SDWG", 11, 2009, False)]),
    ("the former Standards and Documentation Working Group (SDWG) and the list of tasks as agreed on at its "
     "eleventh session in October 2009.", {}, [("SCIT/SDWG", 11, 2009, False)]),
    ("The CWS noted the results of the fourth session of the PCT Working Group.", {}, [("PCT/WG", 4, None, False)]),
    ("as reported at the eighteenth session of the Meeting of International Authorities under the PCT.", {}, [
        ("PCT/MIA", 18, None, False),
    ]),
    ("The CWS, at its reconvened fourth session, adopted the revised ST.36.", {}, [("CWS", 4, None, True)]),
    ("The Committee, at its (fifth) session, adopted the proposal.", {}, [("CWS", 5, None, False)]),
    ("The CWS, at its fourth session (reconvened), adopted the revised ST.36.", {}, [("CWS", 4, None, True)]),
    ("The CWS, at its fourth session, adopted ST.36 and, at its reconvened fourth session, ST.91.", {}, [
        ("CWS", 4, None, False),
        ("CWS", 4, None, True),
    ]),
    ("At its twenty-second session held in Geneva from April 15 to 19, 2013, the PCT Working Group agreed.", {}, [
        ("PCT/WG", 22, 2013, False),
    ]),
    ("At its sixth session in 2018, the CWS approved the roadmap.", {}, [("CWS", 6, 2018, False)]),
    ("the WIPO General Assembly at its fortieth session approved the mechanism", {}, [("WO/GA", 40, None, False)]),
    ("using the simplified process approved at CWS/9.", {}, [("CWS", 9, None, False)]),
    ("the proposal discussed during the CWS/10 session", {}, [("CWS", 10, None, False)]),
    ("TheCWS, at its second session,adopted a revision of WIPO Standard ST.67", {}, [("CWS", 2, None, False)]),
    ("The CWS held its fifth session in Geneva from May 29 to June 2, 2017.", {}, [("CWS", 5, 2017, False)]),
    ("The CWS noted the progress made at the present session.", {
        "symbol": "CWS/9/25",
        "session": Session(number=9, year=2021, start_date=dt.date(2021, 11, 1), end_date=dt.date(2021, 11, 5)),
    }, [("CWS", 9, 2021, False)]),
    ("The CWS agreed to consider it at its next session.", {"symbol": "CWS/9/25", "session": Session(number=9)}, [
        ("CWS", 9, None, False),
        ("CWS", 10, None, False),
    ]),
    ("The CWS considered the proposal at its eleventh and twelfth sessions.", {}, [
        ("CWS", 11, None, False),
        ("CWS", 12, None, False),
    ]),
    ("The Committee, at its thirtieth session, approved the budget.", {"symbol": "WO/PBC/30/17"}, [
        ("WO/PBC", 30, None, False),
    ]),
    ("The PCT Working Group, at its eleventh session, invited the CWS to consider it.", {}, [
        ("PCT/WG", 11, None, False),
    ]),
]


@pytest.mark.parametrize("sentence, context, expected", SESSIONS, ids=[s[:50] for s, _, _ in SESSIONS])
def test_sessions(sentence, context, expected):
    records = _document(sentence, **context).sessions
    assert [(r.body, r.number, r.year, r.reconvened) for r in records] == sorted(expected)


# (sentence, kind, expected canonical names)
NAMES = [
    ("Romania; Republic Of Korea; Côte D'ivoire; United States Of America (48).", "member_states", [
        "Romania", "Republic of Korea", "Côte d'Ivoire", "United States of America",
    ]),
    ("Italy; Côte d’Ivoire; Japan; The former Yugoslav Republic of Macedonia; Czech Republic;", "member_states", [
        "Italy", "Côte d'Ivoire", "Japan", "North Macedonia", "Czechia",
    ]),
    ("Iran (Islamic Republic of); Venezuela, Bolivarian Republic of (40).", "member_states", [
        "Iran (Islamic Republic of)", "Venezuela (Bolivarian Republic of)",
    ]),
    ("Bolivia (Plurinational State Of); Brazil; Canada", "member_states", [
        "Bolivia (Plurinational State of)", "Brazil", "Canada",
    ]),
    ("Each Task Force has its own electronic forum (wiki) for carrying out assigned Tasks.", "task_forces", []),
    ("All Task Forces are listed on the WIPO web site.", "task_forces", []),
    ("The ST.10/C Task Force presented its proposal.", "task_forces", ["ST.10/C Task Force"]),
    ("The XML4IP Task Force presented its proposal.", "task_forces", ["XML4IP Task Force"]),
    ("The ST.10/C Task Force presented its proposal.", "standards", ["ST.10/C"]),
    ("the revision of WIPO Standards ST.7/F, ST.3 and ST.96.", "standards", ["ST.7/F", "ST.3", "ST.96"]),
]


@pytest.mark.parametrize("sentence, kind, expected", NAMES, ids=[f"{k}:{s[:40]}" for s, k, _ in NAMES])
def test_names(sentence, kind, expected):
    assert [entity.name for entity in getattr(_document(sentence), kind)] == expected


def test_spellings_are_aliases_of_the_canonical_name():
    [state] = _document("Republic Of Korea").member_states
    assert state.name == "Republic of Korea" and state.aliases == ["Republic Of Korea"]


def test_refs_report_shows_the_body_of_each_session():
    from pipeline.references.report import report

    document = _document(
        "The PCT Working Group, at its eleventh session, and the CWS, at its reconvened fourth session, agreed."
    )
    rows = [line.split() for line in report(document).split("Sessions")[1].split("\n\n")[0].splitlines()[3:]]
    assert [row[:3] for row in rows] == [["CWS", "4", "reconvened"], ["PCT/WG", "11", "p20"]]
