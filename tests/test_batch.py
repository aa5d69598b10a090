"""``cws batch`` at scale: a mirror of the input tree, collisions refused before
anything runs, symbolic links, a process pool, --incremental, the report."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import SEED_TEXTS


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def sha256_of_seed(name: str) -> str:
    return hashlib.sha256(SEED_TEXTS[name].read_bytes()).hexdigest()


def copy_seed(name: str, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(SEED_TEXTS[name].read_bytes())
    return target


def test_same_names_in_different_folders_give_two_outputs(tmp_path):
    a = copy_seed("circular", tmp_path / "A" / "x.txt")
    b = copy_seed("draft", tmp_path / "B" / "x.txt")
    out = tmp_path / "out"
    result = run("batch", a, b, "-o", out, "-f", "json", "--jobs", 1)
    assert result.exit_code == 0, result.output
    assert json.loads((out / "A" / "x.txt.json").read_text())["source"]["sha256"] == sha256_of_seed("circular")
    assert json.loads((out / "B" / "x.txt.json").read_text())["source"]["sha256"] == sha256_of_seed("draft")


def test_a_folder_is_mirrored_under_out(tmp_path):
    copy_seed("circular", tmp_path / "in" / "2024" / "c.txt")
    copy_seed("draft", tmp_path / "in" / "2025" / "deep" / "d.txt")
    out = tmp_path / "out"
    assert run("batch", tmp_path / "in", "-o", out, "-f", "xml", "--jobs", 1).exit_code == 0
    assert (out / "2024" / "c.txt.xml").is_file() and (out / "2025" / "deep" / "d.txt.xml").is_file()


def test_two_inputs_writing_one_output_is_an_error_before_anything_runs(tmp_path):
    copy_seed("circular", tmp_path / "in" / "Report.txt")
    copy_seed("draft", tmp_path / "in" / "report.txt")  # one file on a case-insensitive system
    out = tmp_path / "out"
    result = run("batch", tmp_path / "in", "-o", out)
    assert result.exit_code == 2 and "would both write" in result.stderr
    assert not out.exists()


def test_files_not_read_are_listed_as_skipped(tmp_path):
    copy_seed("circular", tmp_path / "in" / "c.txt")
    (tmp_path / "in" / "notes.odt").write_text("x")
    (tmp_path / "in" / ".hidden.txt").write_text("x")
    result = run("batch", tmp_path / "in", "-o", tmp_path / "out", "--jobs", 1)
    assert result.exit_code == 0
    assert "1 converted, 0 unchanged, 2 skipped, 0 failed" in result.stdout
    assert re.search(r"notes\.odt +not a readable format", result.stdout)
    assert re.search(r"\.hidden\.txt +hidden file", result.stdout)


def test_a_link_leaving_the_input_tree_is_refused_and_links_can_be_ignored(tmp_path):
    inputs = tmp_path / "in"
    copy_seed("circular", inputs / "c.txt")
    (inputs / "passwd.txt").symlink_to("/etc/passwd")
    (inputs / "again.txt").symlink_to(inputs / "c.txt")  # stays inside: read
    out = tmp_path / "out"
    result = run("batch", inputs, "-o", out, "-f", "json", "--jobs", 1)
    assert result.exit_code == 0, result.output
    assert re.search(r"passwd\.txt +symbolic link leading outside the input folder", result.stdout)
    assert sorted(p.name for p in out.iterdir()) == ["again.txt.json", "c.txt.json", "cws-manifest.json"]
    result = run("batch", inputs, "-o", tmp_path / "out2", "-f", "json", "--no-follow-symlinks", "--jobs", 1)
    assert "1 converted, 0 unchanged, 2 skipped" in result.stdout
    assert not (tmp_path / "out2" / "again.txt.json").exists()


def test_incremental_skips_unchanged_inputs_and_redoes_changed_ones(tmp_path):
    inputs = tmp_path / "in"
    copy_seed("circular", inputs / "c.txt")
    changed = copy_seed("draft", inputs / "d.txt")
    out = tmp_path / "out"
    assert run("batch", inputs, "-o", out, "--jobs", 1).exit_code == 0
    changed.write_bytes(SEED_TEXTS["report"].read_bytes())
    result = run("batch", inputs, "-o", out, "--incremental", "--jobs", 1, "--report", tmp_path / "r.json")
    assert result.exit_code == 0
    assert "1 converted, 1 unchanged, 0 skipped, 0 failed" in result.stdout
    report = json.loads((tmp_path / "r.json").read_text())
    assert {entry["source"]: entry["status"] for entry in report["inputs"]} == {
        str(inputs / "d.txt"): "converted",
        str(inputs / "c.txt"): "unchanged",
    }
    assert json.loads((out / "d.txt.json").read_text())["source"]["sha256"] == sha256_of_seed("report")
    (out / "c.txt.xml").unlink()  # a missing output is redone
    assert "1 converted, 1 unchanged" in run("batch", inputs, "-o", out, "--incremental", "--jobs", 1).stdout


def test_two_jobs_give_the_same_outputs_as_one(tmp_path):
    inputs = tmp_path / "in"
    for name in SEED_TEXTS:
        copy_seed(name, inputs / f"{name}.txt")
    (inputs / "bad.txt").write_bytes(b"")
    for jobs in (1, 2):
        result = run("batch", inputs, "-o", tmp_path / f"out{jobs}", "--jobs", jobs, "--report", tmp_path / f"{jobs}.json")
        assert result.exit_code == 1 and "4 converted, 0 unchanged, 0 skipped, 1 failed" in result.stdout
    one, two = (sorted(os.listdir(tmp_path / f"out{jobs}")) for jobs in (1, 2))
    assert one == two and len(one) == 9
    for name in one:
        if name != "cws-manifest.json":
            assert (tmp_path / "out1" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes()
    reports = [json.loads((tmp_path / f"{jobs}.json").read_text())["inputs"] for jobs in (1, 2)]
    assert [(e["status"], Path(e["source"]).name) for e in reports[0]] == [
        (e["status"], Path(e["source"]).name) for e in reports[1]
    ]


def test_an_output_folder_inside_the_inputs_is_not_read_back(tmp_path):
    inputs = tmp_path / "in"
    copy_seed("circular", inputs / "c.txt")
    for _ in range(2):
        result = run("batch", inputs, "-o", inputs / "out", "--jobs", 1)
        assert result.exit_code == 0, result.output
    assert "1 converted, 0 unchanged, 1 skipped, 0 failed" in result.stdout
    assert re.search(r"out +the output folder", result.stdout)


def test_the_progress_bar_still_names_each_failure(capsys):
    from pipeline.batch import Outcome
    from pipeline.batch_report import progress

    with progress(2, fancy=True) as advance:
        advance(Outcome(Path("a.txt"), "converted"))
        advance(Outcome(Path("b.txt"), "failed", "empty: the file is empty"))
    assert "failed  b.txt: empty: the file is empty" in capsys.readouterr().err
