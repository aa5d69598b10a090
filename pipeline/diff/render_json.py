"""The change tree as JSON, and its JSON Schema (committed as ``schemas/diff.schema.json``)."""

from __future__ import annotations

from pipeline.diff.model import DocumentDiff
from pipeline.schemas import SCHEMA_DIR, json_schema_text

DIFF_SCHEMA_PATH = SCHEMA_DIR / "diff.schema.json"


def render_json(diff: DocumentDiff) -> str:
    """Indented JSON, fields in model order, ending in a newline."""
    return diff.model_dump_json(indent=2) + "\n"


def generated_diff_schema() -> str:
    """The JSON Schema of ``DocumentDiff`` as the code defines it (the committed
    file must equal this text)."""
    return json_schema_text(DocumentDiff, "urn:cws-pipeline:diff:1")
