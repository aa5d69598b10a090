"""The text path on the four real seed documents.

Every expected value here was read by a person from the seed text in samples/
(and the issue that describes them), not copied from the pipeline's output.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.model import AnchorKind, DocumentKind

# Words of furniture that must never leak into table content.
RESIDUE = re.compile(r"Related 40 RECs|Recommended Actions|page \d|https?://|\b40 Recommendations from the Meeting")


# -- seed 000: the Task No. 58 progress report (DOCX-derived text) ------------------


def test_progress_report_has_eighteen_numbered_paragraphs(progress_report):
    assert [p.number for p in progress_report.paragraphs] == list(range(1, 19))


def test_progress_report_paragraph_7_keeps_its_continuation(progress_report):
    paragraph = progress_report.paragraph(7)
    assert paragraph.text.startswith("At its tenth session in 2022, the CWS adopted its Organizational Matters")
    assert "Considering the above mandate, the Task Force reviewed the 40 Recommendations" in paragraph.text


def test_progress_report_paragraph_16_is_the_proposal(progress_report):
    assert progress_report.paragraph(16).text.startswith("If the proposed set of 10 recommendations")


def test_progress_report_paragraph_18_has_items_a_to_c(progress_report):
    paragraph = progress_report.paragraph(18)
    assert paragraph.text == "The CWS is invited to:"
    assert [item.label for item in paragraph.items] == ["a", "b", "c"]
    assert paragraph.items[0].text == "note the content of the present document;"
    assert paragraph.items[2].text.endswith("as referred to in paragraphs 16 and 17 above.")


def test_progress_report_bullets_stay_with_their_paragraph(progress_report):
    # Paragraph 13 lists four challenges with "·" bullets.
    paragraph = progress_report.paragraph(13)
    assert len(paragraph.items) == 4
    assert all(item.marker == "·" and item.label is None for item in paragraph.items)
    assert paragraph.items[-1].text == "Difficult to share ICT strategies among IP offices."


def test_progress_report_sections(progress_report):
    titles = [(s.title, s.level) for s in progress_report.sections]
    assert titles == [
        ("SUMMARY", 1),
        ("BACKGROUND", 1),
        ("PROGRESS REPORT ON TASK No. 58", 1),
        ("Objectives", 2),
        ("Relevant Actions for 2024", 2),
        ("Potential Challenges or Dependencies", 2),
        ("Progress Evaluation", 2),
        ("FUTURE WORK PLAN", 1),
    ]
    by_title = {s.title: s for s in progress_report.sections}
    assert by_title["Objectives"].parent == by_title["PROGRESS REPORT ON TASK No. 58"].id
    assert progress_report.paragraph(18).section == by_title["FUTURE WORK PLAN"].id


# -- seed 001: CWS/12/22, the draft recommendations (PDF-derived text) ----------------

ACTIONS_PER_RECOMMENDATION = [5, 3, 2, 2, 4, 2, 2, 2, 1, 3]
RELATED_RECS = {
    1: ["R1", "R2", "R6", "R36", "R39"],
    3: ["R22", "R29"],
    4: ["R36", "R37"],
    5: ["R3", "R4", "R13", "R14", "R16", "R17", "R32"],
    6: ["R8", "R9", "R11", "R19", "R23", "R24", "R35", "R40"],
    7: ["R20", "R26", "R27", "R33"],
    8: ["R10", "R16", "R21", "R25", "R28", "R30", "R31", "R34"],
    10: ["R7", "R12", "R15"],
}


def test_draft_metadata(draft):
    assert draft.metadata.symbol == "CWS/12/22"
    assert draft.metadata.symbol_inferred  # the text has no header: it comes from the file name
    assert draft.metadata.committee == "CWS"
    assert draft.metadata.session.number == 12


def test_draft_paragraphs(draft):
    assert [p.number for p in draft.paragraphs] == list(range(1, 12))
    assert draft.paragraph(1).text.startswith("The ICT Strategy Task Force presents a set of revised draft")


def test_draft_recommendations_and_actions(draft):
    assert [r.number for r in draft.recommendations] == list(range(1, 11))
    assert [len(r.actions) for r in draft.recommendations] == ACTIONS_PER_RECOMMENDATION
    for recommendation in draft.recommendations:
        labels = [action.label for action in recommendation.actions]
        assert labels == list("abcde"[: len(labels)])


def test_draft_items(draft):
    assert [item.label for item in draft.recommendation(1).actions[4].items] == ["i", "ii", "iii", "iv"]
    assert [item.label for item in draft.recommendation(9).actions[0].items] == ["i", "ii"]
    items_elsewhere = [
        action.id for r in draft.recommendations for action in r.actions if action.items
    ]
    assert items_elsewhere == ["rec1.e", "rec9.a"]


def test_draft_related_recs(draft):
    for recommendation in draft.recommendations:
        if recommendation.number in (2, 9):
            assert recommendation.related_recs is None
            assert recommendation.related_recs_note == "Not applicable as this is new"
        else:
            assert recommendation.related_recs == RELATED_RECS[recommendation.number]


def test_draft_footnotes(draft):
    assert [f.number for f in draft.footnotes] == [1, 2]
    first, second = draft.footnotes
    assert first.anchors[0].kind == AnchorKind.table_header
    assert first.text.startswith("40 Recommendations from the Meeting")
    assert [(a.kind, a.target) for a in second.anchors] == [(AnchorKind.action, "rec6.a")]
    assert second.text.startswith("such as the Global Identifier project")
    assert draft.recommendation(6).actions[0].footnotes == [2]


def test_draft_annex(draft):
    (annex,) = draft.annexes
    assert annex.title == "DRAFT RECOMMENDATIONS ON ICT AND IP ADMINISTRATION"
    assert annex.table_columns == ["Recommendations", "Recommended Actions", "Related 40 RECs"]


def test_draft_table_text_has_no_page_residue(draft):
    for recommendation in draft.recommendations:
        texts = [recommendation.text]
        for action in recommendation.actions:
            texts.append(action.text)
            texts.extend(item.text for item in action.items)
        for text in texts:
            assert not RESIDUE.search(text), text
            assert not re.search(r"\bRECs\d", text), text


# -- seed 002: WO/GA/58/9, the report with the adopted annex (DOCX-derived text) --------


def test_report_has_21_body_paragraphs(report):
    assert [p.number for p in report.paragraphs] == list(range(1, 22))


def test_report_adopted_recommendations(report):
    assert [r.number for r in report.recommendations] == list(range(1, 11))
    assert [len(r.actions) for r in report.recommendations] == ACTIONS_PER_RECOMMENDATION
    assert [item.label for item in report.recommendation(1).actions[4].items] == ["i", "ii", "iii", "iv"]
    assert [item.label for item in report.recommendation(9).actions[0].items] == ["i", "ii"]
    assert all(r.related_recs is None and r.related_recs_note is None for r in report.recommendations)


def test_report_footnote_2_on_recommendation_6a(report):
    (footnote,) = report.footnotes
    assert footnote.number == 2
    assert [(a.kind, a.target) for a in footnote.anchors] == [(AnchorKind.action, "rec6.a")]
    assert footnote.text.startswith("Such as the Global Identifier Project")


def test_report_annexes_are_kept_apart(report):
    table_annex, annexed_document = report.annexes
    assert table_annex.title == "RECOMMENDATIONS ON ICT AND INTELLECTUAL PROPERTY ADMINISTRATION"
    assert table_annex.table_columns == ["Recommendations", "Recommended Actions"]
    assert all(r.annex == table_annex.id for r in report.recommendations)
    assert annexed_document.symbol == "CWS/12/25"
    assert [p.number for p in annexed_document.paragraphs] == list(range(1, 16))
    assert not table_annex.paragraphs


def test_report_has_no_conversion_noise(report):
    dumped = report.model_dump_json()
    assert "[bookmark" not in dumped
    assert "[footnoteRef" not in dumped


def test_report_kind_and_title(report):
    assert report.metadata.kind == DocumentKind.general_assembly_report
    assert report.metadata.title == "Report on the Committee on WIPO Standards"
    assert report.metadata.symbol == "WO/GA/58/9"


# -- seed 003: Circular C.CWS.151 (Markdown-converted PDF) ----------------------------


def test_circular_metadata(circular):
    meta = circular.metadata
    assert meta.symbol == "C.CWS.151"
    assert meta.date == dt.date(2021, 6, 30)
    assert meta.title == "Survey on the priority of 40 Recommendations for ICT Strategies"
    assert meta.kind == DocumentKind.circular


def test_circular_links_become_text(circular):
    texts = [block.text for block in circular.content]
    assert any("indicated in the Annex of document CWS/6/3." in text for text in texts)
    assert not any("](#)" in text for text in texts)


def test_circular_signature_block(circular):
    kinds = [block.kind.value for block in circular.content]
    assert kinds[:2] == ["salutation", "salutation"]
    assert kinds[-5:] == ["closing", "image_description", "signature", "signature", "signature"]
    assert circular.content[-3].text == "Ken-Ichiro Natsume"
