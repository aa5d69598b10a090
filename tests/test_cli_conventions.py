"""Unix conventions of ``cws``: -h, - for stdin and stdout, the format from -o's
extension, one-line errors for bad options, --debug, NO_COLOR, refs as JSON, diff --full."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import pipeline.cli_errors
from pipeline.cli import main
from tests.conftest import SEED_TEXTS


def run(*args, stdin: bytes | None = None, env: dict | None = None):
    return CliRunner().invoke(main, [str(arg) for arg in args], input=stdin, env=env)


def one_error_line(result, exit_code: int = 2) -> str:
    assert result.exit_code == exit_code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output and "Usage:" not in result.output
    return lines[0]


@pytest.mark.parametrize("args", [["-h"], ["extract", "-h"], ["batch", "-h"], ["diff", "-h"]])
def test_short_help(args):
    result = run(*args)
    assert result.exit_code == 0 and result.output.startswith("Usage: ")


@pytest.mark.parametrize("source", ["txt", "pdf", "docx"])
def test_extract_reads_stdin_and_sniffs_the_format(source):
    path = SEED_TEXTS["circular"].with_suffix(f".{source}")
    result = run("extract", "-", stdin=path.read_bytes())
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["source"]["format"] == {"txt": "text"}.get(source, source)
    assert document["metadata"]["symbol"] == "C.CWS.151"


def test_input_format_overrides_sniffing():
    text = SEED_TEXTS["circular"].read_bytes()
    result = run("extract", "-", "--input-format", "md", stdin=text)
    assert result.exit_code == 0 and json.loads(result.stdout)["source"]["file_name"] == "stdin.md"


def test_dash_output_is_stdout_not_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("extract", SEED_TEXTS["circular"], "-o", "-")
    assert result.exit_code == 0 and json.loads(result.stdout)["schema_version"]
    assert list(tmp_path.iterdir()) == []


def test_output_format_follows_the_extension(tmp_path):
    target = tmp_path / "y.xml"
    assert run("extract", SEED_TEXTS["circular"], "-o", target).exit_code == 0
    assert target.read_bytes().startswith(b"<?xml")
    assert run("validate", target).exit_code == 0
    html = tmp_path / "d.html"
    assert run("diff", SEED_TEXTS["draft"], SEED_TEXTS["report"], "-o", html).exit_code == 0
    assert html.read_text().lstrip().lower().startswith("<!doctype html")


def test_validate_and_diff_read_stdin(tmp_path):
    good = tmp_path / "c.json"
    assert run("extract", SEED_TEXTS["circular"], "-o", good).exit_code == 0
    assert run("validate", "-", stdin=good.read_bytes()).output == "-: valid\n"
    result = run("diff", "-", good, stdin=good.read_bytes())
    assert result.exit_code == 0 and "No differences." in result.stdout


def test_an_error_on_stdin_names_dash():
    line = one_error_line(run("extract", "-", stdin=b""))
    assert line.startswith("error: -: ")


@pytest.mark.parametrize(
    "args, names",
    [
        (["batch", "--jobs", "x", "samples"], "--jobs"),
        (["batch", "--jobs", "0", "samples"], "--jobs"),
        (["diff", "-f", "pdf", "a", "b"], "--format"),
        (["extract", "-f", "yaml", "a.txt"], "--format"),
        (["refs", "-f", "xml", "a.txt"], "--format"),
        (["diff", "--old-annex", "0", "a", "b"], "--old-annex"),
        (["extract"], "FILE"),
        (["extract", "--nonsense", "a.txt"], "--nonsense"),
        (["nonsense"], "nonsense"),
    ],
)
def test_a_bad_option_value_is_one_line_and_exit_2(args, names):
    assert names in one_error_line(run(*args))


def test_a_missing_annex_names_the_file():
    line = one_error_line(run("diff", SEED_TEXTS["circular"], SEED_TEXTS["draft"], "--old-annex", "3"))
    assert line.startswith(f"error: {SEED_TEXTS['circular']}: ") and "no annex 3" in line


def test_an_internal_error_is_one_line_and_debug_shows_the_traceback(monkeypatch):
    def broken(*_args, **_kwargs):
        raise KeyError("boom")

    monkeypatch.setattr("pipeline.api.extract_document", broken)
    line = one_error_line(run("extract", SEED_TEXTS["circular"]), exit_code=pipeline.cli_errors.EXIT_BUG)
    assert "internal error (KeyError" in line and "--debug" in line
    result = run("--debug", "extract", SEED_TEXTS["circular"])
    assert result.exit_code == pipeline.cli_errors.EXIT_BUG and "Traceback" in result.stderr


def test_no_colour_unless_a_terminal_and_never_with_no_color(monkeypatch):
    from pipeline.cli_io import colour_wanted

    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert colour_wanted(None)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not colour_wanted(None)
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr("sys.stdout.isatty", lambda: False, raising=False)
    assert not colour_wanted(None)


def test_diff_to_a_pipe_has_no_escape_codes():
    result = run("diff", SEED_TEXTS["draft"], SEED_TEXTS["report"], "--old-annex", "1", "--new-annex", "1")
    assert result.exit_code == 0 and "\x1b[" not in result.stdout


def test_refs_as_json():
    result = run("refs", SEED_TEXTS["progress_report"], "-f", "json")
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    assert set(found) == {"references", "sessions", "tasks", "task_forces", "member_states", "standards", "dates"}
    assert any(task["number"] == 58 for task in found["tasks"])


def test_diff_full_shows_a_long_insertion_whole(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    words = " ".join(f"word{n}" for n in range(60))
    old.write_text("1.\tThe Committee met.\n")
    new.write_text(f"1.\tThe Committee met.\n\n2.\tThe Committee noted {words} at length.\n")
    cut = run("diff", old, new)
    assert cut.exit_code == 0 and "word59" not in cut.stdout and "…" in cut.stdout
    whole = run("diff", old, new, "--full")
    assert whole.exit_code == 0 and f"{words} at length." in whole.stdout
