"""A longer fuzz run than the test suite's, and the peak memory of the hostile inputs.

    .venv/bin/python bench/fuzz.py [EXAMPLES_PER_TARGET]    # make fuzz

For each target (mutated text, DOCX, PDF) runs EXAMPLES_PER_TARGET (default 300)
random examples through ``tests.fuzz_inputs.check_file``; an example that breaks
the rule is saved under tests/fixtures/fuzz/ (tests/test_fuzz_inputs.py reads every
file there as a regression test). Then runs each input of tests/hostile_inputs.py
through ``cws extract`` in a child process and prints its outcome, time and peak RSS.
"""

from __future__ import annotations

import collections
import hashlib
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.fuzz_inputs import check_file, mutated_docx, mutated_pdf, mutated_text  # noqa: E402
from tests.hostile_inputs import HOSTILE_INPUTS, run_cws  # noqa: E402

FINDINGS = ROOT / "tests" / "fixtures" / "fuzz"
TIME_LIMIT = "20"


def fuzz(name: str, strategy, suffix: str, examples: int, folder: Path) -> collections.Counter:
    outcomes: collections.Counter = collections.Counter()

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(payload=strategy)
    def run(payload):
        data = payload.encode("utf-8") if isinstance(payload, str) else payload
        path = folder / f"cws_12_22{suffix}"
        path.write_bytes(data)
        try:
            outcomes[check_file(path)] += 1
        except Exception as error:  # a finding: keep the input as a regression fixture
            outcomes["FINDING"] += 1
            FINDINGS.mkdir(parents=True, exist_ok=True)
            kept = FINDINGS / f"{name}-{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
            kept.write_bytes(data)
            print(f"  finding {kept.name}: {' '.join(str(error).split())[:200]}", flush=True)

    run()
    return outcomes


def main(examples: int) -> None:
    os.environ["CWS_TIME_LIMIT"] = TIME_LIMIT
    with tempfile.TemporaryDirectory() as folder:
        print("| target | examples | outcomes | seconds |\n|---|---|---|---|")
        for name, strategy, suffix in (("text", mutated_text(), ".txt"), ("docx", mutated_docx(), ".docx"),
                                       ("pdf", mutated_pdf(), ".pdf")):
            started = time.monotonic()
            outcomes = fuzz(name, strategy, suffix, examples, Path(folder))
            shown = ", ".join(f"{key} {count}" for key, count in outcomes.most_common())
            print(f"| {name} | {sum(outcomes.values())} | {shown} | {time.monotonic() - started:.0f} |", flush=True)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\npeak RSS of the fuzz process: {peak:.0f} MB\n")
        print("| hostile input | exit | seconds | peak RSS MB | last line |\n|---|---|---|---|---|")
        for name, build in HOSTILE_INPUTS.items():
            run = run_cws(["extract", str(build(Path(folder)))], 300, {"CWS_TIME_LIMIT": TIME_LIMIT})
            last = (run.stderr.strip().splitlines() or [""])[-1][:100].replace("|", "/")
            print(f"| {name} | {run.returncode} | {run.seconds:.1f} | {run.peak_rss / 2**20:.0f} | {last} |", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
