"""The header block of real CWS texts converted by document-sharing sites
(../shared/corpus/cws-real/), scored against the hand-made gold of each file:
``symbol``, ``document_kind``, and the session with its year where the gold
takes it from the header's session line ("Fifth Session / Geneva, May 29 to
June 2, 2017"). No header line may become a section.
"""

from __future__ import annotations

import json
import re

import pytest

from pipeline.api import extract_document
from pipeline.header import is_header_line
from pipeline.model import DocumentKind
from tests.conftest import SHARED

CORPUS = SHARED / "corpus" / "cws-real"
FILES = sorted(path.name for path in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason=f"the real CWS corpus is not at {CORPUS}")

# How the gold's free-text document_kind names our kinds (first match wins).
GOLD_KINDS = [
    ("Summary by the Chair", DocumentKind.summary_by_the_chair),
    ("draft report", DocumentKind.draft_report),
    ("Task list", DocumentKind.task_list),
    ("'TASK NO.' entries", DocumentKind.task_list),  # the work-program page lists the tasks
    ("working document", DocumentKind.working_document),
]
HEADER_SESSION = re.compile(r"^\w+ Session\b")  # the raw text of a session the gold read from the header


@pytest.fixture(scope="module")
def documents():
    return {name: extract_document(CORPUS / name) for name in FILES}


def _gold(name: str) -> dict:
    return json.loads((CORPUS / "gold" / name.replace(".txt", ".json")).read_text(encoding="utf-8"))


def _gold_kind(text: str) -> DocumentKind:
    return next(kind for words, kind in GOLD_KINDS if words in text)


@pytest.mark.parametrize("name", FILES)
def test_symbol(documents, name):
    metadata = documents[name].metadata
    assert not metadata.symbol_inferred
    assert metadata.symbol == _gold(name)["symbol"]


@pytest.mark.parametrize("name", FILES)
def test_kind(documents, name):
    assert documents[name].metadata.kind == _gold_kind(_gold(name)["document_kind"])


@pytest.mark.parametrize("name", FILES)
def test_session_and_year_from_the_header(documents, name):
    from_header = [s for s in _gold(name)["sessions_mentioned"] if HEADER_SESSION.match(s["raw"])]
    session = documents[name].metadata.session
    if not from_header:
        assert session is None
    else:
        (expected,) = from_header
        assert (session.number, session.year) == (expected["number"], expected["year"])


@pytest.mark.parametrize("name", FILES)
def test_no_header_line_is_a_section(documents, name):
    titles = [section.title for section in documents[name].sections]
    assert not [title for title in titles if is_header_line(title)]


def test_the_scores(documents):
    """Of the six files: symbols, kinds and header sessions all right."""
    right = sum(
        documents[name].metadata.symbol == _gold(name)["symbol"]
        and documents[name].metadata.kind == _gold_kind(_gold(name)["document_kind"])
        for name in FILES
    )
    assert right == len(FILES)
