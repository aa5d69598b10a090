"""Print the robustness corpus outcome table (Markdown) for docs/robustness.md.

    .venv/bin/python bench/robustness_table.py [CORPUS_DIR] > table.md

Each file goes through the whole pipeline in a child process (``pipeline.probe``)
killed after 60 s, its own time budget being 30 s.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.probe import corpus_files, probe_all  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "robustness"


def main(corpus: Path) -> None:
    names = corpus_files(corpus)
    outcomes = probe_all(corpus, names)
    print("| file | outcome | error type | detail | seconds |")
    print("| --- | --- | --- | --- | ---: |")
    for name, outcome in zip(names, outcomes):
        detail = outcome.detail.replace("|", "\\|")
        print(f"| `{name}` | {outcome.status} | {outcome.error or ''} | {detail} | {outcome.seconds:.2f} |")
    counts = Counter(outcome.status for outcome in outcomes)
    print()
    print(", ".join(f"{count} {status}" for status, count in sorted(counts.items())) + f" of {len(names)} files.")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS)
