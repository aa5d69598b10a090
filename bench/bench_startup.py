"""Start-up of the ``cws`` command: ``--help``, ``validate`` of an output, and a
one-page extract end to end, against the bare interpreter and against importing
spaCy (what every command paid before imports were made lazy). Rounds are
interleaved; the table gives the best and median wall time of each and its
ratio to the bare interpreter."""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CWS = Path(sys.executable).with_name("cws")
SAMPLE = ROOT / "samples" / "c_cws_151.txt"
ROUNDS = 15


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run; the CPU time is the
    steadier figure on a machine that other work shares."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "c.json"
        subprocess.run([CWS, "extract", SAMPLE, "-o", output], check=True)
        commands = {
            "python -c pass (bare interpreter)": [sys.executable, "-c", "pass"],
            "python -c 'import spacy' (the old floor)": [sys.executable, "-c", "import spacy"],
            "cws --help": [CWS, "--help"],
            "cws validate c.json": [CWS, "validate", output],
            "cws extract (1-page text)": [CWS, "extract", SAMPLE, "-o", Path(folder) / "x.json"],
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(ROUNDS):
            for name, command in commands.items():
                times[name].append(timed([str(part) for part in command]))
    floor = min(wall for wall, _ in times["python -c pass (bare interpreter)"])
    print(
        f"Start-up, {ROUNDS} interleaved rounds; {os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}"
    )
    print("| command | wall, best | wall, median | CPU, best | wall best / bare interpreter |")
    print("|---|---|---|---|---|")
    for name, runs in times.items():
        walls, cpus = [wall for wall, _ in runs], [cpu for _, cpu in runs]
        print(
            f"| {name} | {min(walls):.3f} s | {statistics.median(walls):.3f} s | {min(cpus):.3f} s "
            f"| {min(walls) / floor:.1f}× |"
        )


if __name__ == "__main__":
    main()
