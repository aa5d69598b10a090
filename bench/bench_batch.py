"""``cws batch`` on 40 files with 1 and 2 worker processes, interleaved rounds:
wall time of each and the speed-up. The inputs are the seed PDFs copied ten
times each (PDF reading dominates a batch, as in real use)."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CWS = Path(sys.executable).with_name("cws")
COPIES = 10
ROUNDS = 3


def run_batch(inputs: Path, out: Path, jobs: int) -> float:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([CWS, "batch", inputs, "-o", out, "--jobs", str(jobs)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    seeds = sorted((ROOT / "samples").glob("*.pdf"))
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "in"
        for copy in range(COPIES):
            (inputs / f"copy{copy}").mkdir(parents=True)
            for seed in seeds:
                shutil.copy(seed, inputs / f"copy{copy}" / seed.name)
        count = sum(1 for _ in inputs.rglob("*.pdf"))
        times: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(ROUNDS):
            for jobs in times:
                times[jobs].append(run_batch(inputs, Path(folder) / "out", jobs))
    print(
        f"cws batch, {count} PDF files, {ROUNDS} interleaved rounds, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} (a speed-up needs the second core free)"
    )
    print("| jobs | best | median | speed-up (best) |")
    print("|---|---|---|---|")
    for jobs, values in times.items():
        print(f"| {jobs} | {min(values):.2f} s | {statistics.median(values):.2f} s | {min(times[1]) / min(values):.2f}× |")


if __name__ == "__main__":
    main()
