"""Time and peak memory of extraction, per sample and format.

    .venv/bin/python bench/bench_extract.py [--runs N] [EXTRA_FILE ...]

Each measurement runs in a fresh child process: it imports the readers, notes its
peak resident memory, reads the file with ``extractors.read_source`` and reports
the seconds taken and how far the peak grew. The table shows the median seconds
of N runs (default 3), the peak memory growth and the whole process's peak.
Extra files (e.g. a long PDF of the robustness corpus) get rows of their own.
Each PDF is read twice: by the default reader (PDFium) and by the pdfplumber
backend, which feeds the same layout code. ``bench/bench_pdf.py`` compares the
whole pipeline with the PDF libraries themselves.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STEMS = ["task58_progress_report", "cws_12_22", "wo_ga_58_9", "c_cws_151"]
FORMATS = ["txt", "docx", "pdf"]

_CHILD = """
import json, resource, sys, time
from pathlib import Path
import extractors.text, extractors.docx, extractors.pdf
from extractors import read_source
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
path = Path(sys.argv[1])
source = extractors.pdf.extract(path, backend="pdfplumber") if sys.argv[2] == "pdfplumber" else read_source(path)
seconds = time.perf_counter() - started
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "growth_kb": after - before, "peak_kb": after, "blocks": len(source.blocks)}))
"""


def measure(path: Path, reader: str, runs: int) -> dict:
    results = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path), reader], capture_output=True, text=True, cwd=ROOT, check=True
        )
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {
        "seconds": statistics.median(result["seconds"] for result in results),
        "growth_mb": max(result["growth_kb"] for result in results) / 1024,
        "peak_mb": max(result["peak_kb"] for result in results) / 1024,
        "blocks": results[0]["blocks"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("extra", nargs="*", type=Path)
    arguments = parser.parse_args()
    files = [ROOT / "samples" / f"{stem}.{fmt}" for stem in STEMS for fmt in FORMATS] + arguments.extra
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}")
    print(f"{'file':45} {'reader':10} {'blocks':>7} {'seconds':>9} {'growth MB':>10} {'peak MB':>8}")
    for path in files:
        readers = ["default", "pdfplumber"] if path.suffix == ".pdf" else ["default"]
        for reader in readers:
            row = measure(path, reader, arguments.runs)
            print(
                f"{path.name:45} {reader:10} {row['blocks']:7d} {row['seconds']:9.3f}"
                f" {row['growth_mb']:10.1f} {row['peak_mb']:8.1f}"
            )


if __name__ == "__main__":
    main()
