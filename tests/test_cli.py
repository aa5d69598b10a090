"""The ``cws`` command line: outputs, one-line errors, batches that go on."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from pipeline.batch import collect_inputs
from pipeline.cli import main
from tests.conftest import SAMPLES, SEED_TEXTS


@pytest.fixture
def cli():
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(arg) for arg in args])


def test_extract_prints_json_by_default(cli):
    result = cli("extract", SEED_TEXTS["draft"])
    assert result.exit_code == 0
    assert len(json.loads(result.output)["recommendations"]) == 10


def test_extract_writes_xml_and_validate_accepts_it(cli, tmp_path):
    target = tmp_path / "draft.xml"
    assert cli("extract", SEED_TEXTS["draft"], "--format", "xml", "-o", target).exit_code == 0
    result = cli("validate", target)
    assert result.exit_code == 0 and "valid" in result.output


def test_validate_refuses_a_broken_output(cli, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": "1.0", "source": {}}')
    result = cli("validate", broken)
    assert result.exit_code == 2
    assert result.output.startswith("error: ")


def test_schema_prints_the_json_schema(cli):
    result = cli("schema")
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "Document"


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\t\n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Comité des normes de l’OMPI".encode("cp1252"))
    unknown = tmp_path / "notes.odt"
    unknown.write_text("some text")
    return {
        "missing": (tmp_path / "missing.txt", "no such file"),
        "empty": (empty, "empty"),
        "blank": (blank, "only white space"),
        "binary": (binary, "binary file"),
        "not utf-8": (latin1, "not UTF-8"),
        "unknown extension": (unknown, "unknown extension"),
    }


@pytest.mark.parametrize(
    "case", ["missing", "empty", "blank", "binary", "not utf-8", "unknown extension"]
)
def test_bad_input_gives_one_line_and_exit_2(cli, tmp_path, case):
    path, message = _bad_inputs(tmp_path)[case]
    result = cli("extract", path)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
    assert "Traceback" not in result.output


def test_batch_goes_on_past_a_bad_file_and_reports_it(cli, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    bad = inputs / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x01" * 10)
    for name in ("circular", "draft"):
        (inputs / SEED_TEXTS[name].name).write_bytes(SEED_TEXTS[name].read_bytes())
    out = tmp_path / "out"
    result = cli("batch", inputs / "c_cws_151.txt", bad, inputs / "cws_12_22.txt", "-o", out, "--jobs", 1)
    assert result.exit_code == 1
    assert "2 converted, 0 unchanged, 0 skipped, 1 failed" in result.output
    assert f"failed    {bad}" in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "c_cws_151.txt.json",
        "c_cws_151.txt.xml",
        "cws-manifest.json",
        "cws_12_22.txt.json",
        "cws_12_22.txt.xml",
    ]


def test_a_failed_extract_leaves_an_existing_output_untouched(cli, tmp_path):
    target = tmp_path / "out.json"
    target.write_text("previous result")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert cli("extract", bad, "-o", target).exit_code == 2
    assert target.read_text() == "previous result"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_batch_on_the_samples_folder_reads_every_sample(cli, tmp_path):
    result = cli("batch", SAMPLES, "-o", tmp_path, "--format", "json")
    readable = [path for path, _ in collect_inputs([SAMPLES])[0]]
    assert len(readable) == 26  # the seeds as TXT, DOCX and PDF, CWS/12/22 in the WIPO layout, converted/ texts
    written = {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()}
    assert written == {f"{path.relative_to(SAMPLES)}.json" for path in readable} | {"cws-manifest.json"}
    assert "skipped   " + str(SAMPLES / "README.md") in result.output  # read by nobody, but said
    assert result.exit_code == 0, result.output


def test_outputs_follow_the_umask_like_any_new_file(cli, tmp_path):
    target = tmp_path / "out.json"
    previous = os.umask(0o022)
    try:
        assert cli("extract", SEED_TEXTS["circular"], "-o", target).exit_code == 0
    finally:
        os.umask(previous)
    assert target.stat().st_mode & 0o777 == 0o644
