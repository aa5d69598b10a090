"""Two versions of the same document: numbered paragraphs and metadata.

The next version is built by hand from the real CWS/12/22 model: paragraph 6
deleted (so 7-11 become 6-10), in paragraph 11 item (b) "consider and adopt"
became "consider and approve", a new closing paragraph 11, and a title and a date
that the first version lacked. Nothing else differs, the annex included.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.diff import diff_documents
from pipeline.diff.changes import changes
from pipeline.diff.model import Summary
from pipeline.model import Paragraph, Provenance


def _next_version(real):
    following = real.model_copy(deep=True)
    kept = [p for p in following.paragraphs if p.number != 6]
    for paragraph in kept:
        if paragraph.number > 6:
            paragraph.number -= 1
    kept[-1].items[1].text = kept[-1].items[1].text.replace("consider and adopt", "consider and approve")
    kept.append(
        Paragraph(id="p11", number=11, text="The Secretariat will report back in 2026.", provenance=Provenance())
    )
    following.paragraphs = kept
    following.metadata.title = "Revised draft recommendations on ICT"
    following.metadata.date = dt.date(2024, 7, 26)
    return following


@pytest.fixture(scope="module")
def paragraph_diff(draft):
    return diff_documents(draft, _next_version(draft))


def test_paragraph_and_metadata_changes(paragraph_diff):
    assert [(c.heading, c.what) for c in changes(paragraph_diff)] == [
        ("Title", ["changed"]),
        ("Date", ["changed"]),
        ("Main body: Paragraph 6", ["removed"]),
        ("Main body: Paragraph 7 → 6", ["renumbered"]),
        ("Main body: Paragraph 8 → 7", ["renumbered"]),
        ("Main body: Paragraph 9 → 8", ["renumbered"]),
        ("Main body: Paragraph 10 → 9", ["renumbered"]),
        ("Main body: Paragraph 11 → 10", ["renumbered"]),
        ("Main body: Paragraph 11 → 10, item b", ["reworded"]),
        ("Main body: Paragraph 11", ["added"]),
    ]


def test_metadata_values(paragraph_diff):
    assert [(f.field, f.old, f.new) for f in paragraph_diff.metadata] == [
        ("title", None, "Revised draft recommendations on ICT"),
        ("date", None, "2024-07-26"),
    ]


def test_same_document_has_no_differences(draft):
    result = diff_documents(draft, draft.model_copy(deep=True))
    assert changes(result) == []
    assert result.summary == Summary()
