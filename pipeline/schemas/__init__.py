"""The committed schemas: the JSON Schema generated from the model, the hand-written
XSD, and validation of output files against them.

The schema files live in this package and are found with ``importlib.resources``,
so an editable install, a wheel and a pipx install read the same files."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from pipeline.errors import InvalidOutput
from pipeline.serialize import parse_json, parse_xml

if TYPE_CHECKING:  # imported when used: `cws validate` needs neither pydantic nor the model
    import jsonschema
    from lxml import etree
    from pydantic import BaseModel

SCHEMA_DIR = files(__name__)
JSON_SCHEMA_PATH = SCHEMA_DIR / "document.schema.json"
XSD_PATH = SCHEMA_DIR / "document.xsd"


def json_schema_text(model: type[BaseModel], schema_id: str) -> str:
    """The JSON Schema (draft 2020-12) of ``model`` as indented text."""
    schema = model.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = schema_id
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def generated_json_schema() -> str:
    """The JSON Schema of ``Document`` as the code defines it (the committed file
    must equal this text)."""
    from pipeline.model import Document

    return json_schema_text(Document, "urn:cws-pipeline:document:1")


@cache
def _json_validator() -> jsonschema.Draft202012Validator:
    import jsonschema

    return jsonschema.Draft202012Validator(json.loads(JSON_SCHEMA_PATH.read_text(encoding="utf-8")))


@cache
def _xml_schema() -> etree.XMLSchema:
    from lxml import etree

    return etree.XMLSchema(etree.fromstring(XSD_PATH.read_bytes()))


def validate_json(text: str | bytes, source: str | None = None) -> None:
    """Raise InvalidOutput unless ``text`` is JSON valid against the committed schema."""
    from jsonschema.exceptions import best_match

    data = parse_json(text, source)
    try:
        error = best_match(_json_validator().iter_errors(data))
    except RecursionError:
        raise InvalidOutput("not a JSON output of ours: nested too deeply", source) from None
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        raise InvalidOutput(f"JSON Schema violation at {where}: {error.message}", source)


def validate_xml(data: bytes, source: str | None = None) -> None:
    """Raise InvalidOutput unless ``data`` is XML valid against the committed XSD."""
    schema = _xml_schema()
    if not schema.validate(parse_xml(data, source)):
        first = schema.error_log[0]
        raise InvalidOutput(f"XSD violation at line {first.line}: {first.message}", source)
