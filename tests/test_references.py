"""References, sessions, tasks and named things over the four real seeds.

Expected values were read by a person from the seed texts in samples/ (the seed
and paragraph are named next to each), not taken from the code's output.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model import Document, ReferenceKind, SessionRelation, TaskChange
from pipeline.references import annotate
from pipeline.references.nlp import pipeline
from pipeline.references.units import text_units
from pipeline.serialize import from_xml, to_xml
from tests.conftest import SEED_TEXTS, annotated_sentence


def _references(document: Document, unit: str) -> list:
    return [r for r in document.references if r.mention.unit == unit]


def _mentions(document: Document):
    for reference in document.references:
        yield reference.mention
    for session in document.sessions:
        yield from (mention.mention for mention in session.mentions)
    for task in document.tasks:
        yield from task.mentions
        yield from (description.mention for description in task.descriptions)
    for entity in document.task_forces + document.member_states + document.standards:
        yield from entity.mentions
    yield from (date.mention for date in document.dates)


# -- seed 000: the Task No. 58 progress report -----------------------------------------


def test_paragraph_16_above_lands_on_the_proposed_new_description(seed_documents):
    document = seed_documents["progress_report"]
    # Paragraph 17 and item (b) of paragraph 18 say "paragraph 16 above"; (c) says "paragraphs 16 and 17 above".
    for unit in ("p17", "p18.2"):
        (reference,) = _references(document, unit)
        assert (reference.mention.text, reference.targets, reference.dangling) == ("paragraph 16 above", ["p16"], None)
    (both,) = _references(document, "p18.3")
    assert both.mention.text == "paragraphs 16 and 17 above"
    assert (both.paragraphs, both.targets) == ([16, 17], ["p16", "p17"])
    assert document.paragraph(16).text.startswith("If the proposed set of 10 recommendations")


def test_every_see_paragraphs_of_document_is_found_with_its_range(seed_documents):
    document = seed_documents["progress_report"]
    # Read from paragraphs 3 to 10 of the seed.
    expected = [
        ("p3", "CWS/6/34", list(range(17, 25))),
        ("p4", "CWS/7/29", [19, 20, 21]),
        ("p5", "CWS/8/24", [80, 81, 82, 83, 84]),
        ("p6", "CWS/9/25", [15, 16, 17, 18]),
        ("p8", "CWS/10/22", [117, 118, 119, 120]),
        ("p9", "CWS/11/28", [156, 157, 158, 159]),
        ("p10", "CWS/11/28", [70, 71]),
    ]
    external = [
        (r.mention.unit, r.document, r.paragraphs)
        for r in document.references
        if r.kind == ReferenceKind.paragraph and not r.internal
    ]
    assert external == expected
    raw = SEED_TEXTS["progress_report"].read_text(encoding="utf-8")
    assert len(re.findall(r"\([Ss]ee paragraphs", raw)) == len(expected)


def test_task_58_has_four_descriptions_in_order_with_their_sessions(seed_documents):
    (task,) = seed_documents["progress_report"].tasks
    history = [(d.change, d.session, d.mention.unit, d.text[:40]) for d in task.descriptions]
    assert history == [
        (TaskChange.created, 6, "p2", "Prepare a proposal for a roadmap of futu"),
        (TaskChange.revised, 10, "p8", "Prepare a proposal for revised Recommend"),
        (TaskChange.revised, 11, "p10", "Prepare a final proposal for a set of Re"),
        (TaskChange.proposed, 12, "p16", "Facilitate the implementation of the ICT"),
    ]
    # The first description runs on through the four bullets of paragraph 2.
    first = task.descriptions[0].text
    assert "to review the Recommendations in Group 2 and Group 3" in first
    assert first.endswith("in view of harmonization and collaboration.")
    assert task.number == 58 and len(task.mentions) == 12  # "Task No. 58" twelve times in seed 000


def test_sessions_six_to_eleven_with_their_years(seed_documents):
    sessions = {s.number: s for s in seed_documents["progress_report"].sessions if s.body == "CWS"}
    assert {n: sessions[n].year for n in range(6, 12)} == {
        6: 2018, 7: 2019, 8: 2020, 9: 2021, 10: 2022, 11: 2023
    }
    assert sessions[6].paragraphs == ["p2"]
    assert sessions[10].paragraphs == ["p7", "p8"]


def test_current_session_is_linked_to_the_documents_own_session(seed_documents):
    # Seed 000 gives no symbol, but paragraph 15 presents CWS/12/22 "to the current session of the CWS".
    current = [s for s in seed_documents["progress_report"].sessions if s.current]
    assert [s.number for s in current] == [12]
    words = sorted(m.mention.text for m in current[0].mentions)
    assert words == ["the current session", "the present session", "this session"]
    assert all(m.relation == SessionRelation.current for m in current[0].mentions)
    # Seed 001 (CWS/12/22) knows its session from its symbol: "the last session" is the eleventh.
    draft = {s.number: s for s in seed_documents["draft"].sessions}
    assert draft[12].current
    assert [m.relation for m in draft[11].mentions].count(SessionRelation.previous) == 1
    assert [m.relation for m in draft[13].mentions] == [SessionRelation.next]


# -- seed 001: CWS/12/22 ---------------------------------------------------------------


def test_the_seven_member_states_of_paragraph_7(seed_documents):
    document = seed_documents["draft"]
    names = [e.name for e in document.member_states if any(m.paragraph == "p7" for m in e.mentions)]
    assert names == ["Australia", "Germany", "Lithuania", "Mexico", "Mozambique", "Nigeria", "Norway"]


def test_ip_australia_is_an_office_not_a_member_state(seed_documents):
    assert seed_documents["progress_report"].member_states == []


def test_annex_of_the_present_document_points_at_the_annex(seed_documents):
    document = seed_documents["draft"]
    (reference,) = _references(document, "p8")
    assert (reference.kind, reference.internal, reference.targets) == (ReferenceKind.annex, True, ["annex1"])


# -- seed 002: WO/GA/58/9 -----------------------------------------------------------------


def test_the_twelve_task_forces_listed_in_paragraph_7(seed_documents):
    listed = [
        e.name for e in seed_documents["report"].task_forces if any(m.paragraph == "p7" for m in e.mentions)
    ]
    assert listed == [
        "3D Task Force",
        "Application Programing Interface (API) Task Force",
        "Blockchain Task Force",
        "Design Representation Task Force",
        "Digital Transformation Task Force",
        "ICT Strategy Task Force",  # listed under its former name, see below
        "Legal Status Task Force",
        "Name Standardization Task Force",
        "Part 7 Task Force",
        "Public Access to Patent Information (PAPI) Task Force",
        "Sequence Listings Task Force",
        "XML4IP Task Force",
    ]
    ict = next(e for e in seed_documents["report"].task_forces if e.name == "ICT Strategy Task Force")
    assert ict.aliases == ["Information Communication Technologies (ICT) Strategy for Standards Task Force"]


def test_ict_strategy_task_force_and_its_former_name_are_one(seed_documents):
    # Seed 000 paragraph 3 uses the former name, paragraph 10 the new one.
    (ict, *_) = seed_documents["progress_report"].task_forces
    assert ict.name == "ICT Strategy Task Force"
    assert "ICT Strategy for Standards Task Force" in ict.aliases


def test_wipo_standards_of_seed_002(seed_documents):
    names = {e.name for e in seed_documents["report"].standards}
    assert names == {
        "ST.3", "ST.9", "ST.26", "ST.27", "ST.37", "ST.61", "ST.80",
        "ST.87", "ST.90", "ST.91", "ST.92", "ST.93", "ST.96",
    }  # fmt: skip


def test_annexed_document_and_own_symbol_are_internal(seed_documents):
    document = seed_documents["report"]
    by_text = {(r.mention.unit, r.mention.text): r for r in document.references}
    assert by_text[("p19", "document CWS/12/25")].targets == ["annex2"]
    assert by_text[("p21", "document WO/GA/58/9")].internal
    # "This document" in the annexed CWS/12/25 is CWS/12/25, not the report around it.
    assert by_text[("annex2.p15", "This document")].document == "CWS/12/25"
    gazette = by_text[("annex2.p15", "paragraph 190 of document WO/GA/40/19")]
    assert (gazette.internal, gazette.document, gazette.paragraphs) == (False, "WO/GA/40/19", [190])


def test_twelfth_session_dates_and_the_general_assemblys_session(seed_documents):
    sessions = {(s.body, s.number): s for s in seed_documents["report"].sessions}
    twelfth = sessions[("CWS", 12)]
    assert (str(twelfth.start_date), str(twelfth.end_date), twelfth.year) == ("2024-09-16", "2024-09-19", 2024)
    assert sessions[("WO/GA", 40)].year == 2011


def test_dates_in_iso_8601(seed_documents):
    # Seed 000 paragraph 14: "in March and June 2024, with an additional meeting scheduled in August 2024".
    report = seed_documents["progress_report"]
    assert [(d.mention.unit, d.value, d.end) for d in report.dates] == [
        ("p14", "2024-03", None),
        ("p14", "2024-06", None),
        ("p14", "2024-08", None),
    ]
    # Seed 002 paragraph 1 (the session's dates) and paragraph 10 (the sunset period).
    dates = {d.mention.text: (d.value, d.end) for d in seed_documents["report"].dates}
    assert dates["September 16 to 19, 2024"] == ("2024-09-16", "2024-09-19")
    assert dates["July 1, 2027"] == ("2027-07-01", None)
    assert dates["July 26 and 27, 2023"] == ("2023-07-26", "2023-07-27")


# -- circulars, all seeds ------------------------------------------------------------------


def test_circulars_have_one_normalized_form(seed_documents):
    circulars = {
        name: {r.document for r in document.references if r.kind == ReferenceKind.circular}
        for name, document in seed_documents.items()
    }
    # Seed 000 writes "Circular C.CWS.180", seed 001 "Circular C.CWS 180"; seed 003 is "C. CWS 151".
    assert circulars["progress_report"] == {"C.CWS.180"}
    assert circulars["draft"] == {"C.CWS.180"}
    assert seed_documents["circular"].metadata.symbol == "C.CWS.151"


def test_circular_task_description_uses_the_same_session(seed_documents):
    # Seed 003: "At the same session, the CWS created the new Task No. 58 …" after "At its sixth session".
    (task,) = seed_documents["circular"].tasks
    (description,) = task.descriptions
    assert (description.change, description.session) == (TaskChange.created, 6)
    assert description.text.startswith("prepare a proposal for a roadmap")
    assert "See paragraphs" not in description.text


# -- invariants ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", SEED_TEXTS)
def test_spans_index_the_unit_text_exactly(seed_documents, name):
    document = seed_documents[name]
    texts = {unit.id: unit.text for unit in text_units(document)}
    mentions = list(_mentions(document))
    assert mentions
    for mention in mentions:
        assert texts[mention.unit][mention.start : mention.end] == mention.text


@pytest.mark.parametrize("name", SEED_TEXTS)
def test_no_reference_inside_another(seed_documents, name):
    spans = sorted((r.mention.unit, r.mention.start, r.mention.end) for r in seed_documents[name].references)
    for (unit, _, end), (next_unit, next_start, _) in zip(spans, spans[1:]):
        assert unit != next_unit or end <= next_start


def test_dangling_references_are_flagged_not_dropped(seed_documents):
    document = seed_documents["progress_report"].model_copy(deep=True)
    document.paragraphs = [p for p in document.paragraphs if p.number != 16]
    document.paragraph(17).text = document.paragraph(17).text.replace("paragraph 16 above", "paragraph 18 above")
    annotate(document)
    (missing, *_) = _references(document, "p18.2")
    assert missing.targets == [] and "no paragraph 16" in missing.dangling
    (below,) = _references(document, "p17")
    assert below.targets == ["p18"] and '"above" in paragraph 17' in below.dangling


def test_document_inherited_only_from_the_enclosing_phrase():
    enumeration = annotated_sentence("see paragraphs 3 and 5 and paragraph 9 of document CWS/6/34.")
    assert [(r.document, r.inherited) for r in enumeration.references] == [("CWS/6/34", True), ("CWS/6/34", False)]
    separate = annotated_sentence("see paragraph 3 above. The CWS noted paragraph 9 of document CWS/6/34.")
    assert [(r.document, r.inherited) for r in separate.references] == [(None, False), ("CWS/6/34", False)]


def test_references_survive_the_xml_round_trip(seed_documents):
    document = seed_documents["progress_report"]
    assert document.references and document.tasks
    back = from_xml(to_xml(document))
    assert (back.references, back.sessions, back.tasks) == (document.references, document.sessions, document.tasks)


def test_the_pipeline_needs_no_trained_model():
    nlp = pipeline()
    assert nlp.pipe_names == ["entity_ruler"]
    assert nlp is pipeline()  # built once


def test_cws_refs_prints_a_table():
    result = CliRunner().invoke(main, ["refs", str(SEED_TEXTS["progress_report"])])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if line.startswith("p17 "))
    assert "paragraph 16 above" in line and line.rstrip().endswith("p16")
    assert "CWS/6/34 paragraphs 17-24" in result.output
