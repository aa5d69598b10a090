"""References, sessions, tasks, standards and member states of real CWS text as
other tools converted it (``../shared/corpus/cws-real/``), scored against the
hand annotation in its ``gold/`` folder (written by a person from the text).

Run ``python -m tests.test_real_references`` for the table of scores.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from functools import cache

import pytest

from pipeline.api import extract_document
from pipeline.model import Document, ReferenceKind
from pipeline.references.names import fold
from pipeline.symbols import parse_symbol
from tests.conftest import SHARED

REAL = SHARED / "corpus" / "cws-real"
GOLD_FILES = sorted((REAL / "gold").glob("*.json")) if REAL.is_dir() else []
pytestmark = pytest.mark.skipif(not GOLD_FILES, reason=f"the real CWS corpus is absent ({REAL})")


@dataclass
class Score:
    found: int
    right: int
    expected: int

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0


def _base(symbol: str) -> str:
    parsed = parse_symbol(symbol)
    return parsed.base if parsed else symbol


def document_reference_score(document: Document, gold: dict) -> Score:
    """Per occurrence: (symbol without suffixes, paragraph set); optional gold
    entries are neither required nor wrong."""
    required = Counter()
    optional = Counter()
    for entry in gold["document_references"]:
        key = (_base(entry["doc"]), frozenset(entry["paragraphs"]))
        (optional if entry.get("optional") else required)[key] += 1
    found = [
        (_base(reference.document), frozenset(reference.paragraphs))
        for reference in document.references
        if reference.document and not reference.internal
    ]
    right = wrong = 0
    for key in found:
        if required[key] > 0:
            required[key] -= 1
            right += 1
        elif optional[key] > 0:
            optional[key] -= 1
        else:
            wrong += 1
    expected = sum(1 for entry in gold["document_references"] if not entry.get("optional"))
    return Score(right + wrong, right, expected)


def internal_reference_score(document: Document, gold: dict) -> Score:
    expected = Counter(frozenset(entry["paragraphs"]) for entry in gold["internal_paragraph_references"])
    found = [
        frozenset(reference.paragraphs)
        for reference in document.references
        if reference.internal and reference.kind == ReferenceKind.paragraph
    ]
    return _set_like(found, expected)


def cws_session_score(document: Document, gold: dict) -> Score:
    expected = Counter({(entry["number"], entry["year"]): 1 for entry in gold["sessions_mentioned"]})
    found = [(record.number, record.year) for record in document.sessions if record.body == "CWS"]
    return _set_like(found, expected)


def _set_like(found: list, expected: Counter) -> Score:
    right = sum(1 for key in set(found) if expected[key])
    return Score(len(set(found)), right, len(expected))


def task_labels(document: Document) -> set[str]:
    return {task.label for task in document.tasks}


def member_state_score(document: Document, gold: dict) -> Score:
    expected = {fold(name) for name in gold["member_states"]}
    found = set()
    for entity in document.member_states:
        written = {fold(name) for name in (entity.name, *entity.aliases)}
        found.add(next(iter(written & expected), fold(entity.name)))
    return Score(len(found), len(found & expected), len(expected))


@cache
def _scored(gold_path) -> tuple[Document, dict]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return extract_document(REAL / gold["file"]), gold


@pytest.fixture(params=GOLD_FILES, ids=lambda path: path.stem)
def real(request):
    return _scored(request.param)


def test_document_references(real):
    document, gold = real
    score = document_reference_score(document, gold)
    assert score.recall >= 0.95 and score.precision >= 0.95, score


def test_no_wrong_internal_references(real):
    document, gold = real
    score = internal_reference_score(document, gold)
    assert score.recall >= 0.95 and score.precision >= 0.95, score


def test_cws_sessions(real):
    document, gold = real
    score = cws_session_score(document, gold)
    assert score.recall >= 0.95 and score.precision >= 0.95, (score, document.sessions)


def test_other_bodies_sessions_are_not_the_cws(real):
    document, gold = real
    for entry in gold.get("other_body_sessions", []):
        bodies = {record.body for record in document.sessions if record.number == entry["number"]}
        assert bodies and "CWS" not in bodies, entry


def test_tasks(real):
    document, gold = real
    assert task_labels(document) == set(gold["tasks"])


def test_standards(real):
    document, gold = real
    assert {entity.name for entity in document.standards} == set(gold["standards"])


@pytest.mark.parametrize(
    "gold_path",
    [path for path in GOLD_FILES if json.loads(path.read_text(encoding="utf-8"))["member_states"]],
    ids=lambda path: path.stem,
)
def test_member_states_of_a_list(gold_path):
    """Member states are annotated where the text lists them (the attendance)."""
    document, gold = _scored(gold_path)
    score = member_state_score(document, gold)
    assert score.recall >= 0.95 and score.precision >= 0.95, score


def test_no_task_force_where_none_is_named(real):
    document, gold = real
    assert [entity.name for entity in document.task_forces] == gold["task_forces"]


def main() -> None:
    """Print the scores of each file."""
    rows = [("file", "doc refs R/P", "internal R/P", "CWS sessions R/P", "tasks", "standards", "states R/P")]
    for path in GOLD_FILES:
        document, gold = _scored(path)
        cells = [path.stem]
        for scorer in (document_reference_score, internal_reference_score, cws_session_score):
            score = scorer(document, gold)
            cells.append(f"{score.recall:.2f}/{score.precision:.2f}")
        cells.append("ok" if task_labels(document) == set(gold["tasks"]) else "WRONG")
        cells.append("ok" if {e.name for e in document.standards} == set(gold["standards"]) else "WRONG")
        score = member_state_score(document, gold)
        cells.append(f"{score.recall:.2f}/{score.precision:.2f}")
        rows.append(tuple(cells))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        sys.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "\n")


if __name__ == "__main__":
    main()
