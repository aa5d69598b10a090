"""Text flavours converters write: Markdown marks, footnotes and tables, and a
recommendation table flattened into labelled lines (real-looking inputs)."""

from __future__ import annotations

import pytest

from tests.structure_input import model_of

FLATTENED = """\
1. The CWS is invited to note the Recommendations.

[Annex follows]

DRAFT RECOMMENDATIONS

**Recommendation 1:**

IP offices should optimize their business models[^1].

**Recommended Actions:**

(a) IP offices should identify business problems.

(b) IP offices are encouraged to review the processes.

**Related 40 RECs:** R1, R2 and R6

Recommendation 2:
IP offices should have an ICT strategy.
Recommended Actions:
(a) IP offices are encouraged to develop an ICT strategy.
Related 40 RECs: Not applicable as this is new

[^1]: 40 Recommendations from the Meeting on ICT Strategy.
"""


def test_a_flattened_table_gives_the_recommendations_of_the_table():
    model = model_of(FLATTENED)
    first, second = model.recommendations
    assert first.text == "IP offices should optimize their business models."
    assert [(a.label, a.text) for a in first.actions] == [
        ("a", "IP offices should identify business problems."),
        ("b", "IP offices are encouraged to review the processes."),
    ]
    assert first.related_recs == ["R1", "R2", "R6"]
    assert second.text == "IP offices should have an ICT strategy."
    assert second.related_recs_note == "Not applicable as this is new"


def test_markdown_footnotes_are_footnotes_not_action_text():
    model = model_of(FLATTENED)
    assert [(f.number, f.text) for f in model.footnotes] == [(1, "40 Recommendations from the Meeting on ICT Strategy.")]
    assert model.footnotes[0].anchors[0].target == "rec1"
    assert "Meeting" not in model.recommendations[-1].actions[-1].text


@pytest.mark.parametrize(
    "line, text",
    [
        ("1. See [document CWS/6/34](https://www.wipo.int/x) for **details**.", "See document CWS/6/34 for details."),
        ("1. Open [<u>https://survey.example.int</u>](https://survey.example.int).", "Open https://survey.example.int."),
        ("1. The \\[Annex\\] lists *all* tasks\\.", "The [Annex] lists all tasks."),
        ("1. The [report]{.underline} was noted.", "The report was noted."),
    ],
)
def test_markdown_inline_marks_become_text(line, text):
    assert model_of(f"# SUMMARY\n\n{line}\n").paragraphs[0].text == text


def test_markdown_headings_keep_their_level():
    model = model_of("# BACKGROUND\n\n1. The CWS met.\n\n## Objectives\n\n2. The Task Force met.\n")
    assert [(s.title, s.level, s.paragraphs) for s in model.sections] == [
        ("BACKGROUND", 1, ["p1"]),
        ("Objectives", 2, ["p2"]),
    ]


def test_pipe_table_cells_are_read_cell_by_cell():
    model = model_of(
        "| **Recommendations** | **Recommended Actions** | **Related 40 RECs** |\n| --- | --- | --- |\n"
        "| **Recommendation 1:** IP offices should act. | (a) IP offices should plan. | R1 and R2 |\n"
    )
    (recommendation,) = model.recommendations
    assert recommendation.text == "IP offices should act."
    assert [a.text for a in recommendation.actions] == ["IP offices should plan."]
    assert recommendation.related_recs == ["R1", "R2"]


def test_grid_table_cell_paragraphs_are_blocks():
    model = model_of(
        "+--------------------------+---------------------------+----------+\n"
        "| Recommendation 1:        | (a) IP offices should     | R8 and   |\n"
        "|                          | plan.                     | R9       |\n"
        "| IP offices should act.   |                           |          |\n"
        "|                          | (b) IP offices should do. |          |\n"
        "+--------------------------+---------------------------+----------+\n"
    )
    (recommendation,) = model.recommendations
    assert recommendation.text == "IP offices should act."
    assert [a.text for a in recommendation.actions] == ["IP offices should plan.", "IP offices should do."]
    assert recommendation.related_recs == ["R8", "R9"]
