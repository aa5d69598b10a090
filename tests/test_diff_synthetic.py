"""A synthetic earlier draft of CWS/12/22's annex, diffed against the real annex.

The earlier draft is built here from the real model by hand, so every expected
change below is known by construction (numbers are those a reader sees):

- earlier draft order: R9, R1, R2, R4, R3, R5, R6, X, R8, R10, numbered 1..10
  (Rn = the recommendation that is number n in CWS/12/22);
  * R9 stood first: moved, 1 → 9;
  * R3 and R4 stood swapped: one of the two is moved, not both;
  * X (made up) is gone: removed; R7 is new: added;
  * the rest shift: R1 2→1, R2 3→2, R3 5→3, R5 6→5, R6 7→6, R8 9→8 renumbered,
    R4 (4→4) and R10 (10→10) kept their numbers;
- R5 action (b) said "IP offices should support other IP offices' digitalization"
  where CWS/12/22 says "are encouraged to support … offices’": reworded, the
  verb only (a straight apostrophe is no change);
- R1's actions stood in the order A, D, B, C, E under letters a..e: D (now (d))
  moved from (b); B and C only changed letter (c→b, d→c);
- R10 action (a) carried a line-end hyphen ("tech- nologies"), a double space
  and a line break that the real text does not have: no change.
"""

from __future__ import annotations

import pytest

from pipeline.diff import diff_documents
from pipeline.diff.changes import changes
from pipeline.diff.model import NodeKind, Op, Status
from pipeline.model import Action, Document, Provenance, Recommendation


def _replaced(text: str, old: str, new: str) -> str:
    assert old in text, f"the real text no longer reads {old!r}"  # else the edit would be silently none
    return text.replace(old, new)


def _relabel(actions: list[Action]) -> list[Action]:
    return [action.model_copy(update={"label": "abcdefgh"[i]}) for i, action in enumerate(actions)]


def _earlier_draft(real: Document) -> Document:
    earlier = real.model_copy(deep=True)
    recs = {rec.number: rec for rec in earlier.recommendations if rec.annex == "annex1"}
    r1 = recs[1]
    a, b, c, d, e = r1.actions
    r1.actions = _relabel([a, d, b, c, e])
    r5b = recs[5].actions[1]
    r5b.text = _replaced(_replaced(r5b.text, "are encouraged to support", "should support"), "’", "'")
    r10a = recs[10].actions[0]
    r10a.text = _replaced(r10a.text, "technologies, such as", "tech- nologies,  such\nas")
    made_up = Recommendation(
        id="recX",
        number=0,
        annex="annex1",
        text="IP offices should publish their annual technical reports in a common open format.",
        actions=[
            Action(id="recX.a", label="a", text="IP offices are encouraged to translate them.", provenance=Provenance())
        ],
        related_recs=["R5"],
        provenance=Provenance(),
    )
    order = [recs[9], recs[1], recs[2], recs[4], recs[3], recs[5], recs[6], made_up, recs[8], recs[10]]
    earlier.recommendations = [rec.model_copy(update={"number": n}) for n, rec in enumerate(order, start=1)]
    return earlier


@pytest.fixture(scope="module")
def synthetic(draft):
    return diff_documents(_earlier_draft(draft), draft, old_annex=1, new_annex=1)


def _rec(diff, old_text_start: str):
    for node in diff.parts[0].recommendations:
        if (node.new_text or node.old_text).startswith(old_text_start):
            return node
    raise AssertionError(old_text_start)


def test_every_recommendation_pairs_by_content(synthetic):
    pairs = {(n.old_label, n.new_label) for n in synthetic.parts[0].recommendations}
    assert pairs == {
        ("1", "9"),
        ("2", "1"),
        ("3", "2"),
        ("4", "4"),
        ("5", "3"),
        ("6", "5"),
        ("7", "6"),
        ("8", None),
        ("9", "8"),
        ("10", "10"),
        (None, "7"),
    }


def test_moves_are_the_moved_one_and_one_of_the_swapped(synthetic):
    moved = {n.new_label for n in synthetic.parts[0].recommendations if n.moved}
    assert "9" in moved
    assert moved - {"9"} in ({"3"}, {"4"})


def test_renumbered_recommendations(synthetic):
    renumbered = {(n.old_label, n.new_label) for n in synthetic.parts[0].recommendations if n.renumbered}
    assert renumbered == {("1", "9"), ("2", "1"), ("3", "2"), ("5", "3"), ("6", "5"), ("7", "6"), ("9", "8")}


def test_added_and_removed(synthetic):
    recs = synthetic.parts[0].recommendations
    assert [(n.new_label, n.status) for n in recs if n.status == Status.added] == [("7", Status.added)]
    removed = [n for n in recs if n.status == Status.removed]
    assert [n.old_text for n in removed] == [
        "IP offices should publish their annual technical reports in a common open format."
    ]


def test_reworded_action(synthetic):
    r5 = _rec(synthetic, "IP offices should ensure that IP data")
    reworded = [a for a in r5.children if a.reworded]
    assert [(a.old_label, a.new_label) for a in reworded] == [("b", "b")]
    edits = [(s.op, s.old.strip(), s.new.strip()) for s in reworded[0].words if s.op != Op.equal]
    assert edits == [(Op.replace, "should", "are encouraged to")]
    assert not r5.reworded


def test_action_moved_to_another_letter(synthetic):
    r1 = _rec(synthetic, "IP offices should optimize")
    actions = [(a.old_label, a.new_label, a.moved, a.renumbered) for a in r1.children if a.kind == NodeKind.action]
    assert actions == [
        ("a", "a", False, False),
        ("c", "b", False, True),
        ("d", "c", False, True),
        ("b", "d", True, True),
        ("e", "e", False, False),
    ]


def test_layout_noise_is_not_a_change(synthetic):
    r10 = _rec(synthetic, "IP offices should ensure that the adoption")
    assert not r10.changed


def test_change_list_has_nothing_else(synthetic):
    found = {(c.heading, tuple(c.what)) for c in changes(synthetic)}
    swapped = {
        ("Recommendation 4", ("moved",)),
        ("Recommendation 5 → 3", ("renumbered",)),
        ("Recommendation 5 → 3", ("renumbered", "moved")),
    }
    assert found - swapped == {
        ("Recommendation 1 → 9", ("renumbered", "moved")),
        ("Recommendation 2 → 1", ("renumbered",)),
        ("Recommendation 2 → 1, action (c → b)", ("renumbered",)),
        ("Recommendation 2 → 1, action (d → c)", ("renumbered",)),
        ("Recommendation 2 → 1, action (b → d)", ("renumbered", "moved")),
        ("Recommendation 3 → 2", ("renumbered",)),
        ("Recommendation 6 → 5", ("renumbered",)),
        ("Recommendation 6 → 5, action (b)", ("reworded",)),
        ("Recommendation 7 → 6", ("renumbered",)),
        ("Recommendation 8", ("removed",)),
        ("Recommendation 7", ("added",)),
        ("Recommendation 9 → 8", ("renumbered",)),
    }
    # The swap of R3 and R4: R3 is renumbered either way, and exactly one of them moved.
    assert found & swapped in (
        {("Recommendation 4", ("moved",)), ("Recommendation 5 → 3", ("renumbered",))},
        {("Recommendation 5 → 3", ("renumbered", "moved"))},
    )


def test_related_recs_note_and_item_changes(draft):
    # A second earlier draft, by hand: R3 listed "R22 and R30" (CWS/12/22: "R22 and
    # R29"), R2's note read "Not applicable" (now "Not applicable as this is new"),
    # and R1 (e) item iii lacked "optionally".
    earlier = draft.model_copy(deep=True)
    recs = {rec.number: rec for rec in earlier.recommendations}
    recs[3].related_recs = ["R22", "R30"]
    recs[2].related_recs_note = "Not applicable"
    item = recs[1].actions[4].items[2]
    item.text = _replaced(item.text, "optionally using", "using")
    found = [(c.heading, c.what) for c in changes(diff_documents(earlier, draft, 1, 1))]
    assert found == [
        ("Recommendation 1, action (e), item iii", ["reworded"]),
        ("Recommendation 2, related RECs note", ["reworded"]),
        ("Recommendation 3, related REC R30", ["removed"]),
        ("Recommendation 3, related REC R29", ["added"]),
    ]
