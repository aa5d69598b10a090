"""JSON and XML outputs: committed schemas, validation, round trips, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from pipeline.api import convert, extract_document, load_document
from pipeline.batch import collect_inputs
from pipeline.errors import InvalidOutput
from pipeline.schemas import JSON_SCHEMA_PATH, generated_json_schema, validate_json, validate_xml
from pipeline.serialize import from_json, from_xml, to_json, to_xml
from tests.conftest import ROOT, SAMPLES, SEED_TEXTS

CLI = "from pipeline.cli import main; main()"
SAMPLE_FILES = sorted(path for suffix in ("txt", "docx", "pdf") for path in SAMPLES.glob(f"*.{suffix}"))


def test_committed_json_schema_matches_the_model():
    committed = JSON_SCHEMA_PATH.read_text(encoding="utf-8")
    assert committed == generated_json_schema(), "run `cws schema -o pipeline/schemas/document.schema.json` and commit"


@pytest.mark.parametrize("name", SEED_TEXTS)
def test_outputs_validate_against_both_schemas(seed_documents, name):
    document = seed_documents[name]
    validate_json(to_json(document))
    validate_xml(to_xml(document))


@pytest.mark.parametrize("name", SEED_TEXTS)
def test_xml_and_json_read_back_into_an_equal_model(seed_documents, name):
    document = seed_documents[name]
    assert from_xml(to_xml(document)) == document
    assert from_json(to_json(document)) == document


@pytest.mark.parametrize("name", SEED_TEXTS)
def test_json_is_utf8_bytes_with_the_model_s_indented_text(seed_documents, name):
    document = seed_documents[name]
    data = to_json(document)
    assert isinstance(data, bytes) and data.endswith(b"}\n")
    assert data.decode("utf-8") == document.model_dump_json(indent=2) + "\n"


def test_every_field_counts_as_set_and_the_outputs_do_not_depend_on_it(seed_documents):
    document = seed_documents["draft"]
    assert document.model_fields_set == set(type(document).model_fields)
    assert document.model_dump(exclude_unset=True) == document.model_dump()
    paragraph = document.paragraphs[0]
    other = document.paragraphs[1]
    assert paragraph.model_fields_set is other.model_fields_set  # one set per class, not per instance
    paragraph.text = paragraph.text + " "
    assert other.model_fields_set == set(type(other).model_fields)
    assert from_json(to_json(document)).model_fields_set == set(type(document).model_fields)


def test_two_runs_give_byte_identical_files(tmp_path):
    """Two processes with different hash seeds (set and dict order must not leak
    into the output) convert every sample, TXT, DOCX and PDF."""
    for run, seed in (("first", "1"), ("second", "2")):
        subprocess.run(
            [sys.executable, "-c", CLI, "batch", str(SAMPLES), "-o", str(tmp_path / run)],
            check=True,
            capture_output=True,
            env=dict(os.environ, PYTHONHASHSEED=seed),
            cwd=ROOT,
        )
    first = sorted(path for path in (tmp_path / "first").rglob("*") if path.is_file())
    assert len(first) == 2 * len(collect_inputs([SAMPLES])[0]) + 1  # and the batch manifest
    for path in first:
        twin = tmp_path / "second" / path.relative_to(tmp_path / "first")
        assert path.read_bytes() == twin.read_bytes(), path.name


def test_load_document_reads_both_outputs(tmp_path):
    written = convert(SEED_TEXTS["draft"], tmp_path)
    documents = [load_document(path) for path in written]
    assert documents[0] == documents[1]
    assert len(documents[0].recommendations) == 10


def test_xsd_rejects_a_document_that_breaks_the_contract(seed_documents):
    # A recommendation number must be an integer.
    xml = to_xml(seed_documents["draft"]).replace(b"<number>6</number>", b"<number>six</number>", 1)
    with pytest.raises(InvalidOutput, match="XSD violation"):
        validate_xml(xml)


def test_json_schema_rejects_a_missing_required_field(seed_documents):
    data = json.loads(to_json(seed_documents["draft"]))
    del data["recommendations"][0]["text"]
    with pytest.raises(InvalidOutput, match="text"):
        validate_json(json.dumps(data))


def test_malformed_outputs_are_refused_with_a_clear_error():
    with pytest.raises(InvalidOutput, match="not well-formed XML"):
        from_xml(b"<document><source>")
    with pytest.raises(InvalidOutput, match="does not match the document model"):
        from_json('{"schema_version": "1.0"}')


@pytest.mark.parametrize("path", [p for p in SAMPLE_FILES if p.suffix != ".txt"], ids=lambda path: path.name)
def test_docx_and_pdf_outputs_validate_and_read_back(path):
    document = extract_document(path)
    validate_json(to_json(document))
    validate_xml(to_xml(document))
    assert from_xml(to_xml(document)) == document
