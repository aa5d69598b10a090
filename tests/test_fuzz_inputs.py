"""Property tests: mutated text, DOCX and PDF inputs end in a valid model or a
documented one-line error, within the time limit. A bounded, derandomized run
here; ``make fuzz`` (bench/fuzz.py) runs many more examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz_inputs import check_file, mutated_docx, mutated_pdf, mutated_text

FUZZ = settings(
    max_examples=12, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


@pytest.fixture(autouse=True)
def short_time_limit(monkeypatch):
    monkeypatch.setenv("CWS_TIME_LIMIT", "20")


@FUZZ
@given(text=mutated_text())
def test_mutated_text(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "cws_12_22.txt"
    path.write_text(text, encoding="utf-8")
    check_file(path)


@FUZZ
@given(data=mutated_docx())
def test_mutated_docx(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "cws_12_22.docx"
    path.write_bytes(data)
    check_file(path)


@FUZZ
@given(data=mutated_pdf())
def test_mutated_pdf(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "cws_12_22.pdf"
    path.write_bytes(data)
    check_file(path)


FINDINGS = sorted((Path(__file__).parent / "fixtures" / "fuzz").glob("*.*"))


@pytest.mark.parametrize("path", FINDINGS, ids=[path.name for path in FINDINGS])
def test_fuzz_finding_stays_fixed(path, tmp_path):
    """Inputs bench/fuzz.py once found breaking the rule (tests/fixtures/fuzz/)."""
    copy = tmp_path / f"cws_12_22{path.suffix}"
    copy.write_bytes(path.read_bytes())
    check_file(copy)
