"""The project as a user installs it: build the wheel, install it into a fresh
venv (dependencies taken from this venv, no network), and run the commands from
a folder outside the checkout, where only the installed package can answer."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_TEXTS

SOURCES = ("pyproject.toml", "README.md", "LICENSE", "pipeline", "extractors")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a fresh venv holding the wheel and nothing of the checkout."""
    work = tmp_path_factory.mktemp("wheel")
    tree = work / "src"  # a copy, so that building leaves nothing in the checkout
    tree.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, tree / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    subprocess.run(
        [*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--wheel-dir", work / "dist", tree],
        check=True,
        capture_output=True,
    )
    (wheel,) = (work / "dist").glob("cws_pipeline-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    fresh = Path(sysconfig.get_path("purelib", vars={"base": venv, "platbase": venv}))
    # Dependencies from this venv's site-packages as a plain path entry: its .pth
    # files (the editable install of the checkout) are not processed there.
    (fresh / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run(
        [*pip, "--python", venv / "bin" / "python", "install", "--quiet", "--no-deps", "--no-index", wheel],
        check=True,
        capture_output=True,
    )
    return venv / "bin"


def cws(bin_dir: Path, cwd: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([bin_dir / "cws", *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, tmp_path):
    found = subprocess.run(
        [installed / "python", "-c", "import pipeline.schemas as s; print(s.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(installed.parent) in found and str(ROOT) not in found


def test_extract_validate_diff_and_batch_from_outside_the_checkout(installed, tmp_path):
    for name in ("draft", "report"):
        shutil.copy(SEED_TEXTS[name], tmp_path)
    extracted = cws(installed, tmp_path, "extract", "cws_12_22.txt", "-o", "draft.xml")
    assert extracted.returncode == 0, extracted.stderr
    validated = cws(installed, tmp_path, "validate", "draft.xml")
    assert validated.returncode == 0 and validated.stdout == "draft.xml: valid\n", validated.stderr
    compared = cws(installed, tmp_path, "diff", "draft.xml", "wo_ga_58_9.txt", "--old-annex", "1", "--new-annex", "1", "-f", "json")
    assert compared.returncode == 0, compared.stderr
    assert json.loads(compared.stdout)["summary"]["reworded"] > 0
    batched = cws(installed, tmp_path, "batch", ".", "-o", "out", "--jobs", "2", "-f", "json")
    assert batched.returncode == 0, batched.stderr + batched.stdout
    assert (tmp_path / "out" / "cws_12_22.txt.json").is_file() and (tmp_path / "out" / "wo_ga_58_9.txt.json").is_file()
    for output in (tmp_path / "out").glob("*.txt.json"):
        assert cws(installed, tmp_path, "validate", output).returncode == 0
