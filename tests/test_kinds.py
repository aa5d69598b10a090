"""Document kinds from the profiles in pipeline/data/kinds.json: each case is a
real-looking header (symbol, title, committee) and body lines, and the kind a
person reads from them."""

from __future__ import annotations

import pytest

from pipeline.header.kinds import decide_kind
from pipeline.model import DocumentKind as K
from pipeline.model import Metadata

INVITED = "The CWS is invited to take note of the present document."

CASES = [
    ("working document with a decision paragraph", dict(symbol="CWS/12/22", committee="CWS",
     title="PROPOSAL FOR REVISED RECOMMENDATIONS ON ICT AND IP ADMINISTRATION"), [INVITED], K.working_document),
    ("working document: header only (CWS/1/9 excerpt)", dict(committee="CWS",
     title="Consideration of the pending tasks of the Standards and Documentation Working Group"), ["To establish …"],
     K.working_document),
    ("a progress report is a working document", dict(committee="CWS",
     title="PROGRESS REPORT OF THE ICT STRATEGY TASK FORCE ON TASK NO. 58"), [INVITED], K.working_document),
    ("draft report by its PROV. suffix", dict(symbol="CWS/5/22 PROV.", committee="CWS"), ["INTRODUCTION"], K.draft_report),
    ("draft report by its title", dict(committee="CWS", title="DRAFT REPORT"), ["INTRODUCTION"], K.draft_report),
    ("adopted report", dict(symbol="CWS/5/22", committee="CWS", title="REPORT"), ["INTRODUCTION"], K.report),
    ("Summary by the Chair by title", dict(committee="CWS", title="Summary by the Chair"), [], K.summary_by_the_chair),
    ("Summary by the Chair by its agenda items", dict(committee="CWS"),
     ["Agenda Item 1: Opening of the session", "Agenda Item 2: Election of the Chair", "Agenda Item 3: Adoption"],
     K.summary_by_the_chair),
    ("circular by symbol", dict(symbol="C.CWS.151", committee="CWS"), ["Madam,", "Sir,"], K.circular),
    ("circular by salutation alone", dict(), ["Madam,", "Sir,", "At its sixth session …"], K.circular),
    ("General Assembly report", dict(symbol="WO/GA/58/9", committee="WO/GA", title="Report on the Committee on WIPO Standards"),
     ["The WIPO General Assembly is invited to take note of the “Report on the Committee on WIPO Standards”."],
     K.general_assembly_report),
    ("task list by its entries (CWS/3/12 Annex)", dict(), ["Task list oftheCommittee on WIPO Standards (CWS)",
     "Task No.18", "Identify areas …", "Task No.20", "Task No.23"], K.task_list),
    ("task list in capitals (work program page)", dict(), ["TASK NO. 18", "Description", "TASK NO. 24", "TASK NO. 33"],
     K.task_list),
    ("one task mentioned is no task list", dict(committee="CWS"), ["Task No. 58", INVITED], K.working_document),
    ("nothing to go on", dict(), ["Some text."], K.unknown),
]


@pytest.mark.parametrize("name, fields, texts, kind", CASES, ids=[case[0] for case in CASES])
def test_kind(name, fields, texts, kind):
    assert decide_kind(Metadata(**fields), texts) == kind
