"""The change tree as JSON, and its JSON Schema (committed as ``schemas/diff.schema.json``)."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.diff.model import DocumentDiff

DIFF_SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schemas" / "diff.schema.json"


def render_json(diff: DocumentDiff) -> str:
    """Indented JSON, fields in model order, ending in a newline."""
    return diff.model_dump_json(indent=2) + "\n"


def generated_diff_schema() -> str:
    """The JSON Schema of ``DocumentDiff`` as the code defines it (the committed
    file must equal this text)."""
    schema = DocumentDiff.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "urn:cws-pipeline:diff:1"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
