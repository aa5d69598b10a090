"""Paragraph numbers as converters leave them, decided by the sequence.

Each case is a real-looking input (the forms found in CWS texts converted by
document-sharing sites, pandoc and markitdown, plus variants not in the samples)
and the reading expected: (true number, printed label, how the number was known)
for every body paragraph, and how many annexes.
"""

from __future__ import annotations

import pytest

from tests.structure_input import model_of

P, I, R = "printed", "inferred", "renumbered"

CASES = [
    (
        "glued to the text",
        "1.To establish the work program, the Secretariat has prepared a List of Tasks.\n"
        "2.For each Task, the Annex includes the following information.\n"
        "3.In accordance with the proposals presented for each task:\n",
        [(1, "1.", P), (2, "2.", P), (3, "3.", P)],
        0,
    ),
    (
        "glued after a quotation mark and a parenthesis",
        "18. The Committee noted the report.\n19.During the session, the CWS agreed.\n"
        "20.“Prepare a proposal” was the new description.\n21.(See document CWS/1/10.)\n",
        [(18, "18.", P), (19, "19.", P), (20, "20.", P), (21, "21.", P)],
        0,
    ),
    (
        "without its dot",
        "1 The Committee on WIPO Standards held its fifth session.\n"
        "2 The following Member States were represented at the session.\n",
        [(1, "1", P), (2, "2", P)],
        0,
    ),
    (
        "a count opening a sentence is no paragraph number",
        "1. The Committee noted the set of Recommendations.\n"
        "40 Recommendations were prepared at the meeting.\n2. The CWS agreed.\n",
        [(1, "1.", P), (2, "2.", P)],
        0,
    ),
    (
        "a decimal is no glued number",
        "1. The survey was answered by 1.5 thousand users.\n1.5 million records were sent.\n",
        [(1, "1.", P)],
        0,
    ),
    (
        "Markdown list restarting at 1. after every heading",
        "# Agenda Item 1: Opening of the session\n\n1. The session was opened by the Director General.\n\n"
        "# Agenda Item 2: Election of the Chair\n\n1. The CWS unanimously elected the Chair.\n\n"
        "# Agenda Item 3: Adoption of the agenda\n\n  1. The CWS adopted the agenda.\n",
        [(1, "1.", P), (2, "1.", R), (3, "1.", R)],
        0,
    ),
    (
        "a number repeated or going back is renumbered",
        "2.Task Leader was designated.\n3. The actions were scheduled.\n2. Again the same number.\n",
        [(2, "2.", P), (3, "3.", P), (4, "2.", R)],
        0,
    ),
    (
        "a forward jump (an excerpt) keeps the printed number",
        "5. The Committee noted the report.\n9. The Committee adopted the standard.\n",
        [(5, "5.", P), (9, "9.", P)],
        0,
    ),
    (
        "numbers run together on one line",
        "DRAFT REPORT prepared by the Secretariat INTRODUCTION 1. The Committee held its Seventh Session in "
        "Geneva. 2. The following Member States were represented: Algeria; Australia. 3. The session was "
        "opened by the Chair, who referred to paragraph 7. The Chair welcomed the participants.\n",
        [(1, "1.", P), (2, "2.", P), (3, "3.", P)],
        0,
    ),
    (
        "only an annex marker opens an annex; its numbering starts again",
        "1. The CWS is invited to note the report.\n[Annex follows]\nREPORT ON THE TASK\n"
        "1. This report covers the year.\n2. The Task Force met twice.\n",
        [(1, "1.", P)],
        1,
    ),
    (
        "3,000 digits are text, not a number",
        "1. The Committee met.\n" + "7" * 3000 + ". An absurd number.\n",
        [(1, "1.", P)],
        0,
    ),
]


@pytest.mark.parametrize("name, text, expected, annexes", CASES, ids=[case[0] for case in CASES])
def test_paragraph_numbers_follow_the_sequence(name, text, expected, annexes):
    model = model_of(text)
    assert [(p.number, p.printed_number, p.number_source.value) for p in model.paragraphs] == expected
    assert len(model.annexes) == annexes


def test_text_before_the_run_together_numbers_is_kept_apart():
    model = model_of("INTRODUCTION 1. The Committee met in Geneva. 2. The following States attended.\n")
    assert model.paragraphs[0].text == "The Committee met in Geneva."
    assert [section.title for section in model.sections] + [c.text for c in model.content] == ["INTRODUCTION"]


def test_a_paragraph_citing_the_next_number_once_is_not_split():
    model = model_of("1. The Committee met.\n2. The Chair referred to paragraph 3. The meeting went on.\n")
    assert [p.number for p in model.paragraphs] == [1, 2]


def test_numbers_dropped_by_the_converter_are_inferred_in_a_meeting_document():
    model = model_of(
        "CWS/5/22\nORIGINAL: ENGLISH\nDATE: JULY 12, 2017\nCommittee on WIPO Standards (CWS)\nFifth Session\n"
        "Geneva, May 29 to June 2, 2017\nDRAFT REPORT\nprepared by the Secretariat\nINTRODUCTION\n"
        "The Committee held its fifth session in Geneva from May 29 to June 2, 2017.\n"
        "The following Member States were represented at the session: Argentina; Australia; Austria\n"
        "and Brazil (4).\n"
    )
    assert [(p.number, p.printed_number, p.number_source.value) for p in model.paragraphs] == [
        (1, None, I),
        (2, None, I),
    ]
    assert model.sections[0].paragraphs == ["p1", "p2"]
    assert model.paragraphs[1].text.endswith("Australia; Austria and Brazil (4).")


def test_unnumbered_text_of_a_page_without_session_stays_content():
    model = model_of("CWS Work Program Overview\n\nINTRODUCTION\n\nThe CWS reviewed the Tasks described below.\n")
    assert model.paragraphs == []
    assert [c.text for c in model.content][-1] == "The CWS reviewed the Tasks described below."


AGENDA_ITEMS = [
    ("Agenda Item 3: Adoption of the agenda", 3),
    ("AGENDA ITEM 12: ADOPTION OF THE REPORT", 12),
    ("Agenda item 4 – Report on Task No. 58", 4),
    ("Item 7 of the agenda: Closing of the session", 7),
    ("# Agenda Item 5: Organizational matters and special rules of procedure", 5),
    ("**Agenda Item 6:** Development of WIPO Standards", 6),
]


@pytest.mark.parametrize("heading, number", AGENDA_ITEMS)
def test_agenda_items_are_sections_with_their_number(heading, number):
    model = model_of(f"{heading}\n\n1. The CWS noted the report.\n")
    assert [(s.agenda_item, s.paragraphs) for s in model.sections] == [(number, ["p1"])]


def test_a_sentence_naming_an_agenda_item_is_no_section():
    model = model_of("1. The CWS noted that Agenda Item 3 would be discussed on Tuesday.\n")
    assert model.sections == []


def test_a_hundred_thousand_lines_of_1_give_no_annex():
    model = model_of("1. Text.\n" * 100_000)
    assert model.annexes == []
    assert model.paragraphs[-1].number == 100_000
    assert model.paragraphs[-1].number_source.value == R


def test_many_repeated_heading_lines_are_read_in_linear_time():
    # The outline check used to compare each trailing heading with all before it.
    model = model_of("1. The Committee met.\n" + "BACKGROUND\n" * 100_000)
    assert len(model.unclassified) > 0 or model.sections


def test_an_absurd_recommendation_or_footnote_number_is_text():
    digits = "9" * 5000
    model = model_of(
        f"1. The CWS noted the table.\nRecommendation {digits}: IP offices should act.\n"
        f"2. Text with a mark[footnoteRef:{digits}] [{digits}: an absurd footnote]\n"
    )
    assert model.recommendations == []
    assert model.footnotes == []
