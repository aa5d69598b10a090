"""Property tests over the CLI's own surfaces: `cws validate` on mutated outputs and
`cws extract -o` on odd output paths end in success or one line `error: …` with
exit 2 — never a traceback, and never a half-written file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.cli import main

SEED = Path(__file__).resolve().parents[1] / "samples" / "c_cws_151.txt"
FUZZ = settings(
    max_examples=15, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
JSON_ODDITIES = [b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"9" * 5000, b"[" * 5000, b"{", b"}", b'"', b"\\u0000",
                 b"\\ud800", b"1e400", b"NaN", b"null", b"<!DOCTYPE a [<!ENTITY e 'x'>]>", b"&e;"]


@pytest.fixture(scope="module")
def model_json(tmp_path_factory) -> bytes:
    result = CliRunner().invoke(main, ["extract", str(SEED)])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def assert_one_line_outcome(result, path: Path) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if result.exit_code != 0:
        lines = result.stderr.strip().splitlines()
        assert result.exit_code == 2, result.stderr[-2000:]
        assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr[-2000:]


@st.composite
def mutated_output(draw, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        if draw(st.booleans()):
            data[at:at] = draw(st.sampled_from(JSON_ODDITIES))
        else:
            del data[at:at + draw(st.integers(1, 200))]
    return bytes(data)


@FUZZ
@given(data=st.data(), suffix=st.sampled_from([".json", ".xml"]))
def test_validate_of_a_mutated_output(model_json, tmp_path_factory, data, suffix):
    original = model_json
    if suffix == ".xml":
        from pipeline.serialize import from_json, to_xml

        original = to_xml(from_json(model_json))
    path = tmp_path_factory.mktemp("validate") / f"out{suffix}"
    path.write_bytes(data.draw(mutated_output(original)))
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert_one_line_outcome(result, path)


NAME_PARTS = st.sampled_from(["a", "b.json", "c.xml", "-", ".", "..", " ", "é", "x" * 120, "\u202e", ".tmp", "ü.XML"])


@FUZZ
@given(parts=st.lists(NAME_PARTS, min_size=1, max_size=4), under_file=st.booleans())
def test_extract_to_an_odd_output_path(tmp_path_factory, parts, under_file):
    folder = tmp_path_factory.mktemp("paths")
    (folder / "a").write_text("an existing file", encoding="utf-8")
    base = folder / "a" if under_file else folder
    target = base.joinpath(*parts) if parts != ["-"] else Path("-")
    before = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    result = CliRunner().invoke(main, ["extract", str(SEED), "-o", str(target)])
    assert_one_line_outcome(result, target)
    if result.exit_code == 0 and str(target) != "-":
        written = target.read_bytes()
        assert json.loads(written) if target.suffix.lower() != ".xml" else written.startswith(b"<?xml")
    else:
        for path, content in before.items():
            assert path.read_bytes() == content  # a refused write corrupts nothing
    assert not [path for path in folder.rglob("*.tmp") if path.name.startswith(".cws-")]
