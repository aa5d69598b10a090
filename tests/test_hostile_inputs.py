"""Each hostile input of tests/hostile_inputs.py ends in a valid model or one
line ``error: <file>: <message>`` with exit status 2 — never a traceback, an
internal error or a timeout — and, all in one child process, stays under the
memory limit."""

from __future__ import annotations

import time

import pytest
from click.testing import CliRunner

from pipeline import limits
from pipeline.cli import main
from pipeline.schemas import validate_json, validate_xml
from pipeline.serialize import from_json, to_xml
from tests.hostile_inputs import AWAITING_FIXES, HOSTILE_INPUTS, run_cws

TIME_LIMIT = 30.0  # seconds, for each input (CWS_TIME_LIMIT)
READ_NOW = [name for name in HOSTILE_INPUTS if name not in AWAITING_FIXES]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("hostile")


def check_outcome(exit_code: int, stdout: bytes, stderr: str, path) -> str:
    """'read' or 'refused', after asserting the outcome follows the rule."""
    if exit_code == 0:
        validate_json(stdout, str(path))
        validate_xml(to_xml(from_json(stdout)), str(path))
        return "read"
    lines = stderr.strip().splitlines()
    assert exit_code == 2, stderr[-2000:]
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}: "), stderr[-2000:]
    assert "internal error" not in lines[0] and "stopped after" not in lines[0], lines[0]
    return "refused"


@pytest.mark.parametrize("name", READ_NOW)
def test_hostile_input_is_read_or_refused_in_one_line(name, folder, monkeypatch):
    monkeypatch.setenv("CWS_TIME_LIMIT", str(TIME_LIMIT))
    path = HOSTILE_INPUTS[name](folder)
    started = time.monotonic()
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert time.monotonic() - started < TIME_LIMIT
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    check_outcome(result.exit_code, result.stdout_bytes, result.stderr, path)


def test_awaiting_fixes_name_real_inputs():
    assert set(AWAITING_FIXES) <= set(HOSTILE_INPUTS)


def test_every_input_in_one_child_process_stays_under_the_memory_limit(folder, tmp_path):
    paths = [HOSTILE_INPUTS[name](folder) for name in READ_NOW]
    run = run_cws(["batch", *map(str, paths), "-o", str(tmp_path / "out")], timeout=600, environment={
        "CWS_TIME_LIMIT": str(TIME_LIMIT)
    })
    assert run.returncode in (0, 1), run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert run.peak_rss < limits.current().memory_limit, f"peak {run.peak_rss / 2**20:.0f} MB"
    for written in (tmp_path / "out").glob("*.*.json"):  # outputs, not the manifest
        validate_json(written.read_bytes(), str(written))
