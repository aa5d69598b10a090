"""Paragraph numbering of real CWS texts converted by document-sharing sites,
scored against the hand-made gold of ../shared/corpus/cws-real/.

Each file is scored on what the gold says of its numbering: the true numbers
(``paragraph_numbers``), what the text printed (``paragraph_numbers_as_printed``),
whether they were inferred or renumbered, and the annex's numbers. For the task
list the gold's annex numbers are the numbered fields of each entry ("2.Task
Leader", "3.Scheduled actions"), which the model reads into ``task_list``; its
tasks are scored there. The floor each file must reach is below: a file scoring
less is a regression.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.api import extract_document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cws-real"
GOLD = CORPUS / "gold"
FILES = sorted(path.name for path in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason=f"the real-document corpus is not here ({CORPUS})")

TASK_LIST_FILES = {"cws_3_12_annex_docsbay.txt", "wipo_cws_work_program_overview.txt"}


def score(path: Path) -> dict[str, bool]:
    """Each numbering fact of the gold, and whether the model gets it right."""
    gold = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))
    model = extract_document(path)
    paragraphs = model.paragraphs
    sources = {paragraph.number_source.value for paragraph in paragraphs}
    printed = [int(p.printed_number.rstrip(".")) for p in paragraphs if p.printed_number]
    facts = {
        "paragraph_numbers": [p.number for p in paragraphs] == gold["paragraph_numbers"],
        "inferred": ("inferred" in sources or "renumbered" in sources) == gold["paragraph_numbers_inferred"],
        "renumbered": ("renumbered" in sources) == gold["renumbered_by_converter"],
        "no phantom annex": bool(gold["annex_paragraph_numbers"]) or all(not annex.paragraphs for annex in model.annexes),
    }
    if "paragraph_numbers_as_printed" in gold:
        facts["as_printed"] = printed == gold["paragraph_numbers_as_printed"]
    if path.name in TASK_LIST_FILES:
        facts["task_list"] = [entry.number for entry in model.task_list] == gold["tasks"]
    else:
        annex_numbers = [p.number for annex in model.annexes for p in annex.paragraphs]
        facts["annex_paragraph_numbers"] = annex_numbers == gold["annex_paragraph_numbers"]
    return facts


# Share of the facts each file must get right.
FLOOR = {
    "cws_1_9_docest.txt": 1.0,
    "cws_2_13_docsbay.txt": 1.0,
    "cws_3_12_annex_docsbay.txt": 1.0,
    "cws_5_22_prov_docest.txt": 1.0,
    "cws_7_29_prov_docslib.txt": 1.0,
    "wipo_cws_work_program_overview.txt": 1.0,
}


@pytest.mark.parametrize("name", FILES)
def test_numbering_scores_against_the_gold(name):
    facts = score(CORPUS / name)
    ratio = sum(facts.values()) / len(facts)
    assert ratio >= FLOOR[name], {fact: right for fact, right in facts.items() if not right}


def test_task_list_entries_keep_their_fields_as_printed():
    model = extract_document(CORPUS / "cws_3_12_annex_docsbay.txt")
    entry = model.task_list[0]
    assert entry.number == "18"
    assert entry.description.startswith("Identify areas for standardization")
    assert entry.task_leader == "The International Bureauis designated as the Task Leader."
    assert entry.scheduled_actions.startswith("The International Bureau should coordinate reporting")
    assert model.paragraphs == [] and model.annexes == []


if __name__ == "__main__":  # python tests/test_real_structure.py: the table of scores
    for name in FILES:
        facts = score(CORPUS / name)
        print(f"{name:40} {sum(facts.values())}/{len(facts)}  missed: {[f for f, ok in facts.items() if not ok]}")
