"""Time the references stage (``pipeline.references.annotate``) on the real seeds.

    .venv/bin/python bench/bench_references.py

Prints the one-off cost of building the spaCy pipeline, then one row per seed:
text units, matches, and the median time of several ``annotate`` runs on an
already built document (structure building excluded). A last row annotates a
synthetic document made of every seed's paragraphs repeated 50 times.
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors import read_source  # noqa: E402
from pipeline.references import annotate  # noqa: E402
from pipeline.references.find import find  # noqa: E402
from pipeline.references.nlp import pipeline  # noqa: E402
from pipeline.references.units import text_units  # noqa: E402
from pipeline.structure import build_document  # noqa: E402

SEEDS = ["task58_progress_report.txt", "cws_12_22.txt", "wo_ga_58_9.txt", "c_cws_151.txt"]
RUNS = 5
REPEAT = 50


def _median_ms(document) -> float:
    times = []
    for _ in range(RUNS):
        copy = document.model_copy(deep=True)
        start = time.perf_counter()
        annotate(copy)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    start = time.perf_counter()
    pipeline()
    print(f"python {platform.python_version()}, pipeline built in {(time.perf_counter() - start) * 1000:.0f} ms\n")
    print(f"{'document':<32} {'units':>6} {'matches':>8} {'annotate ms':>12}")
    documents = {name: build_document(read_source(ROOT / "samples" / name)) for name in SEEDS}
    for name, document in documents.items():
        units = list(text_units(document))
        print(f"{name:<32} {len(units):>6} {len(find(units)):>8} {_median_ms(document):>12.1f}")
    big = documents[SEEDS[0]].model_copy(deep=True)
    big.paragraphs = [
        paragraph.model_copy(update={"id": f"p{index}", "number": index, "items": []})
        for index, paragraph in enumerate(
            (p for _ in range(REPEAT) for d in documents.values() for p in d.paragraphs), 1
        )
    ]
    units = list(text_units(big))
    print(f"{f'all seed paragraphs x {REPEAT}':<32} {len(units):>6} {len(find(units)):>8} {_median_ms(big):>12.1f}")


if __name__ == "__main__":
    main()
