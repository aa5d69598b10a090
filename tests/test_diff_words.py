"""Word-level diff: layout noise is never a change; wording, capitals and
punctuation always are. Cases written by hand from CWS wording."""

from __future__ import annotations

import pytest

from pipeline.diff.model import Op
from pipeline.diff.words import comparison_key, diff_words


@pytest.mark.parametrize(
    "old, new",
    [
        ("IP offices should  identify business\nproblems", "IP offices should identify business problems"),
        ("automated decision- making frameworks", "automated decision-making frameworks"),
        ("the “Committee” noted", 'the "Committee" noted'),
        ("other IP offices’ digitalization", "other IP offices' digitalization"),
        ("free-of-charge", "free-of- charge"),
        ("\u00a0such as\u00a0blockchain ", "such as blockchain"),
    ],
)
def test_layout_noise_is_no_change(old, new):
    assert comparison_key(old) == comparison_key(new)
    segments, similarity = diff_words(old, new)
    assert [s.op for s in segments] == [Op.equal] and similarity == 1.0


def _edits(old: str, new: str) -> list[tuple[Op, str, str]]:
    segments, _ = diff_words(old, new)
    return [(s.op, (s.old or "").strip(), (s.new or "").strip()) for s in segments if s.op != Op.equal]


@pytest.mark.parametrize(
    "old, new, edits",
    [
        ("the Global Identifier project", "the Global Identifier Project", [(Op.replace, "project", "Project")]),
        ("minimum documentation", "minimum documentation.", [(Op.insert, "", ".")]),
        ("data, and documentation", "data and documentation", [(Op.delete, ",", "")]),
        (
            "IP offices should develop",
            "IP offices are encouraged to develop",
            [(Op.replace, "should", "are encouraged to")],
        ),
        ("DRAFT RECOMMENDATIONS ON ICT", "RECOMMENDATIONS ON ICT", [(Op.delete, "DRAFT", "")]),
    ],
)
def test_real_changes_are_reported_word_by_word(old, new, edits):
    assert _edits(old, new) == edits


def test_semantic_cleanup_merges_a_short_equality_between_edits():
    # "the" kept between two rewritten clauses is noise: one replacement, not three pieces.
    assert _edits("IP offices should develop the plan quickly", "IP offices must build the plan slowly") == [
        (Op.replace, "should develop the plan quickly", "must build the plan slowly")
    ]


def test_long_equalities_are_kept():
    assert _edits(
        "IP offices should share their data governance framework where possible",
        "IP offices must share their data governance framework if possible",
    ) == [(Op.replace, "should", "must"), (Op.replace, "where", "if")]


def test_segments_rebuild_both_texts():
    old = "IP offices should  identify business problems, and best solutions."
    new = "IP Offices should identify business issues and possible solutions"
    segments, similarity = diff_words(old, new)
    assert "".join(s.old or "" for s in segments) == old
    assert "".join(s.new or "" for s in segments) == new
    assert 0.3 < similarity < 0.9
