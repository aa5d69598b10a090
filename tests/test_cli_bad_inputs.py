"""Every subcommand against bad inputs, real (the robustness corpus) and made up:
one line ``error: <file>: <message>`` and exit 2, never a traceback; outputs that
cannot be written are bad inputs too."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.serialize import write_atomic
from tests.conftest import SEED_TEXTS, SHARED
from tests.test_robustness import EXPECTED_ERRORS

CORPUS = SHARED / "corpus" / "robustness"


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def assert_one_error_line(result, path) -> str:
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def made_up_inputs(folder: Path) -> dict[str, Path]:
    """Hostile files, each as a user could hand them over."""
    cases = {
        "invalid-utf8.json": b'{"schema_version": "\xff"}',
        "huge-integer.json": b'{"schema_version": ' + b"9" * 5000 + b"}",
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
        "entity.xml": b'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY e "x">]>\n'
        b'<document xmlns="urn:cws-pipeline:document:1">&e;</document>\n',
        "not-xml.xml": b"<document",
        "binary.txt": bytes(range(256)) * 4,
        "latin1.txt": "Comité des normes".encode("cp1252"),
        "empty.txt": b"",
        "fake.pdf": b"%PDF-1.7\n garbage",
        "fake.docx": b"PK\x03\x04 garbage",
        "notes.odt": b"text",
    }
    paths = {}
    for name, data in cases.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    paths["missing.txt"] = folder / "missing.txt"
    paths["a-folder.txt"] = folder / "a-folder.txt"
    paths["a-folder.txt"].mkdir()
    return paths


def corpus_bad_inputs() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"the robustness corpus is not at {CORPUS}")
    return [CORPUS / name for name in EXPECTED_ERRORS]


def commands_for(path: Path) -> list[list]:
    good = SEED_TEXTS["circular"]
    return [["extract", path], ["refs", path], ["diff", path, good], ["diff", good, path], ["validate", path]]


def test_made_up_bad_inputs_in_every_command(tmp_path):
    for name, path in made_up_inputs(tmp_path).items():
        for args in commands_for(path):
            if args[0] == "validate" and name.endswith(".txt") and not name.startswith(("missing", "a-folder")):
                continue  # validate reads JSON or XML: a .txt is taken as JSON, refused below
            assert_one_error_line(run(*args), path)


def test_validate_refuses_what_is_not_an_output(tmp_path):
    inputs = made_up_inputs(tmp_path)
    messages = {name: assert_one_error_line(run("validate", inputs[name]), inputs[name]) for name in inputs}
    assert "not UTF-8" in messages["invalid-utf8.json"]
    assert "4,300 digits" in messages["huge-integer.json"]
    assert "nested too deeply" in messages["deep.json"]
    assert "DOCTYPE" in messages["entity.xml"]


def test_the_robustness_corpus_bad_files_in_every_command():
    for path in corpus_bad_inputs():
        for args in commands_for(path):
            assert_one_error_line(run(*args), path)


def test_a_json_output_with_a_byte_order_mark_is_accepted_by_every_command(tmp_path):
    plain = tmp_path / "plain.json"
    assert run("extract", SEED_TEXTS["circular"], "-o", plain).exit_code == 0
    marked = tmp_path / "marked.json"
    marked.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    assert run("validate", marked).exit_code == 0
    assert run("refs", marked).exit_code == 0
    result = run("diff", plain, marked)
    assert result.exit_code == 0 and "No differences." in result.stdout


def test_batch_reports_every_corpus_bad_file_and_goes_on(tmp_path):
    bad = corpus_bad_inputs()
    result = run("batch", *bad, SEED_TEXTS["circular"], "-o", tmp_path / "out", "--jobs", 1)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"1 converted, 0 unchanged, 0 skipped, {len(bad)} failed" in result.stdout


def unwritable_outputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    folder = tmp_path / "folder"
    folder.mkdir()
    return {
        "under a file": (a_file / "out.json", "is a file, not a folder"),
        "an existing folder": (folder, "is a folder"),
        "in /proc": (Path("/proc/out.json"), "cannot create files in /proc"),
        "an unwritable folder": (Path("/sys/out.json"), "no permission to write in /sys"),
        "a name past 255 bytes": (tmp_path / ("n" * 256 + ".json"), "too long"),
    }


@pytest.mark.parametrize(
    "case", ["under a file", "an existing folder", "in /proc", "an unwritable folder", "a name past 255 bytes"]
)
@pytest.mark.parametrize("command", ["extract", "diff", "refs", "schema"])
def test_an_output_that_cannot_be_written_is_one_line(tmp_path, case, command):
    target, message = unwritable_outputs(tmp_path)[case]
    good = SEED_TEXTS["circular"]
    args = {"extract": [good], "diff": [good, good], "refs": [good], "schema": []}[command]
    line = assert_one_error_line(run(command, *args, "-o", target), target)
    assert message in line


def test_a_249_character_name_is_written_and_its_temporary_fits_too(tmp_path):
    target = tmp_path / ("n" * 244 + ".json")  # 249 characters: the old temporary name passed 255
    assert len(target.name) == 249
    assert run("extract", SEED_TEXTS["circular"], "-o", target).exit_code == 0
    assert json.loads(target.read_text())["metadata"]["symbol"] == "C.CWS.151"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_a_killed_writer_leaves_a_temporary_that_the_next_batch_removes(tmp_path):
    out = tmp_path / "out"
    pid = os.fork()
    if pid == 0:  # pragma: no cover - a writer killed between writing its temporary and the rename
        import pipeline.serialize as serialize

        serialize.os.replace = lambda *_: os.kill(os.getpid(), 9)
        write_atomic(out / "x.txt.json", "{}")
        os._exit(0)
    os.waitpid(pid, 0)
    left = [p.name for p in out.iterdir()]
    assert len(left) == 1 and left[0].startswith(".cws-") and left[0].endswith(".tmp")
    live = out / f".cws-{os.getpid()}-live.tmp"  # a running writer's temporary stays
    live.write_text("")
    result = run("batch", SEED_TEXTS["circular"], "-o", out, "-f", "json")
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([live.name, "c_cws_151.txt.json", "cws-manifest.json"])
