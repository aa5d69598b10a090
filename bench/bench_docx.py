"""Time the DOCX extractor: the sample renditions, the robustness corpus's DOCX
files, and a large DOCX made by repeating the body of CWS/12/22 fifty times.

    .venv/bin/python bench/bench_docx.py

Prints one row per file: paragraphs read, blocks, and the median of several runs
of ``extractors.docx.extract`` (extraction only; the model is not built).
"""

from __future__ import annotations

import platform
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.docx import extract  # noqa: E402
from pipeline.errors import CwsError  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "robustness" / "docx"
RUNS = 5
REPEATS = 50


def large_copy(sample: Path, target: Path, repeats: int) -> Path:
    """``sample`` with its body content repeated ``repeats`` times."""
    with zipfile.ZipFile(sample) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    document = parts["word/document.xml"].decode()
    start = document.index("<w:body>") + len("<w:body>")
    end = document.rindex("<w:sectPr")
    parts["word/document.xml"] = (document[:start] + document[start:end] * repeats + document[end:]).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return target


def measure(path: Path) -> tuple[str, float]:
    """The outcome of extracting ``path`` and the median milliseconds it took."""
    times = []
    outcome = ""
    for _ in range(RUNS):
        started = time.perf_counter()
        try:
            source = extract(path)
            paragraphs = max((b.provenance.paragraph_index or 0) for b in source.blocks) + 1
            outcome = f"{paragraphs:>6} paragraphs {len(source.blocks):>6} blocks"
        except CwsError as error:
            outcome = f"refused: {error.kind}"
        times.append(time.perf_counter() - started)
    return outcome, statistics.median(times) * 1000


def main() -> None:
    files = sorted((ROOT / "samples").glob("*.docx"))
    files += sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []
    print(f"Python {platform.python_version()}, {platform.machine()}; median of {RUNS} runs")
    print(f"{'file':48} {'outcome':34} {'ms':>8}")
    with tempfile.TemporaryDirectory() as folder:
        large = large_copy(ROOT / "samples" / "cws_12_22.docx", Path(folder) / f"cws_12_22_x{REPEATS}.docx", REPEATS)
        for path in [*files, large]:
            outcome, milliseconds = measure(path)
            print(f"{path.name[:48]:48} {outcome:34} {milliseconds:8.1f}")


if __name__ == "__main__":
    main()
