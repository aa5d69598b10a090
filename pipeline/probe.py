"""Run one file through the whole pipeline in a child process, bounded in time.

The child extracts the model (reader, structure, references) and checks that
its JSON and XML validate against the committed schemas. Used by the robustness
test and ``bench/robustness_table.py``: a child process means a hang can be
killed and a crash cannot take the caller down with it.
``python -m pipeline.probe FILE`` prints the outcome as one JSON line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

OK, REFUSED, CRASHED, HUNG = "ok", "refused", "crashed", "hung"


@dataclass(frozen=True)
class Outcome:
    """What happened to one file: ``ok`` (with what was read), ``refused`` (a
    typed error), ``crashed`` (any other exception) or ``hung`` (killed)."""

    status: str
    detail: str
    error: str | None = None
    seconds: float = 0.0


def probe(path: Path, timeout: float = 60.0) -> Outcome:
    """The outcome of reading ``path`` in a child process killed after ``timeout``
    seconds; the extractor's own time budget is set to half of it."""
    environment = dict(os.environ, CWS_TIME_LIMIT=str(timeout / 2))
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pipeline.probe", str(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=environment,
            cwd=Path(__file__).resolve().parents[1],
        )
    except subprocess.TimeoutExpired:
        return Outcome(HUNG, f"killed after {timeout:.0f} s", seconds=time.monotonic() - started)
    seconds = time.monotonic() - started
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        last = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
        return Outcome(CRASHED, last, seconds=seconds)
    report = json.loads(lines[-1])
    return Outcome(report["status"], report["detail"], report.get("error"), seconds)


def corpus_files(folder: Path) -> list[str]:
    """The PDF and DOCX files of ``folder``'s subfolders, relative to it; none
    where the folder is absent."""
    if not folder.is_dir():
        return []
    return sorted(str(path.relative_to(folder)) for path in folder.glob("*/*") if path.suffix in (".pdf", ".docx"))


def probe_all(folder: Path, names: list[str], timeout: float = 60.0) -> list[Outcome]:
    """The outcome of each of ``names`` in ``folder``, two child processes at a
    time (two cores)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda name: probe(folder / name, timeout), names))


def _main(argument: str) -> None:
    from pipeline.api import extract_document
    from pipeline.errors import CwsError
    from pipeline.schemas import validate_json, validate_xml
    from pipeline.serialize import to_json, to_xml

    try:
        document = extract_document(Path(argument))
        validate_json(to_json(document))
        validate_xml(to_xml(document))
    except CwsError as error:
        report = {"status": REFUSED, "error": type(error).__name__, "detail": error.message}
    else:
        units = len(document.paragraphs) + len(document.content) + len(document.unclassified)
        units += sum(len(annex.paragraphs) + len(annex.content) for annex in document.annexes)
        report = {"status": OK, "detail": f"{units} text units, {len(document.sections)} sections"}
    print(json.dumps(report))


if __name__ == "__main__":
    _main(sys.argv[1])
