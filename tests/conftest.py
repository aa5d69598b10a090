"""Shared fixtures: the real seed documents, parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import extract_document
from pipeline.model import Document, Metadata, Paragraph, Provenance, Source
from pipeline.references import annotate

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"

SEED_TEXTS = {
    "progress_report": SAMPLES / "task58_progress_report.txt",  # seed 000
    "draft": SAMPLES / "cws_12_22.txt",  # seed 001, CWS/12/22
    "report": SAMPLES / "wo_ga_58_9.txt",  # seed 002, WO/GA/58/9
    "circular": SAMPLES / "c_cws_151.txt",  # seed 003, C.CWS.151
}


@pytest.fixture(scope="session")
def seed_documents():
    """The model of each seed text, keyed as in SEED_TEXTS."""
    return {name: extract_document(path) for name, path in SEED_TEXTS.items()}


def _one_seed(name: str):
    @pytest.fixture(scope="session", name=name)
    def seed(seed_documents):
        return seed_documents[name]

    return seed


progress_report = _one_seed("progress_report")
draft = _one_seed("draft")
report = _one_seed("report")
circular = _one_seed("circular")


def annotated_sentence(sentence: str) -> Document:
    """A document whose only text is ``sentence`` as paragraph 20, annotated."""
    document = Document(
        source=Source(file_name="sentence.txt", format="text", sha256="0" * 64),
        metadata=Metadata(),
        paragraphs=[Paragraph(id="p20", number=20, text=sentence, provenance=Provenance())],
    )
    annotate(document)
    return document
