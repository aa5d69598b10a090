"""Time ``diff_documents``: the real pair, and synthetic 1,000 × 1,000 recommendations.

    .venv/bin/python bench/bench_diff.py

Prints one row per case: the median of several runs of the diff alone (the
documents are built or extracted beforehand).
"""

from __future__ import annotations

import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.api import extract_document  # noqa: E402
from pipeline.diff import diff_documents  # noqa: E402
from pipeline.diff.changes import changes  # noqa: E402
from pipeline.diff.words import comparison_key  # noqa: E402
from pipeline.model import Action, Document, Metadata, Provenance, Recommendation, Source  # noqa: E402

WORDS = (
    "IP offices should encourage share develop data standards exchange digital strategy policy security "
    "framework services cooperation international bureau task force documentation publication machine "
    "readable format quality efficiency business processes technologies artificial intelligence cloud "
    "governance evaluation annual members observers implementation plan survey experience"
).split()
RUNS = 5


def _sentence(rng: random.Random, length: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(length)).capitalize() + "."


def _recommendation(rng: random.Random, number: int) -> Recommendation:
    actions = [
        Action(id=f"rec{number}.{label}", label=label, text=_sentence(rng, 22), provenance=Provenance())
        for label in "abc"
    ]
    return Recommendation(
        id=f"rec{number}", number=number, text=_sentence(rng, 30), actions=actions, provenance=Provenance()
    )


def _document(recommendations: list[Recommendation]) -> Document:
    renumbered = [rec.model_copy(update={"number": n, "id": f"rec{n}"}) for n, rec in enumerate(recommendations, 1)]
    source = Source(file_name="synthetic.json", format="json", sha256="0" * 64)
    return Document(source=source, metadata=Metadata(), recommendations=renumbered)


def synthetic_pair(size: int, edited: float, seed: int = 58) -> tuple[Document, Document]:
    """Two versions of ``size`` recommendations; ``edited`` of them moved, reworded,
    removed or added (a quarter each)."""
    rng = random.Random(seed)
    old = [_recommendation(rng, n) for n in range(1, size + 1)]
    new = [rec.model_copy(deep=True) for rec in old]
    quarter = int(size * edited / 4)
    for rec in rng.sample(new, quarter):
        rec.actions[0].text = rec.actions[0].text.replace(" ", " also ", 1)
        rec.text = "In principle, " + rec.text
    for _ in range(quarter):
        new.insert(rng.randrange(len(new)), new.pop(rng.randrange(len(new))))
    for _ in range(quarter):
        new.pop(rng.randrange(len(new)))
    for n in range(quarter):
        new.insert(rng.randrange(len(new)), _recommendation(rng, size + n + 1))
    return _document(old), _document(new)


def _median_seconds(old: Document, new: Document, **kwargs) -> tuple[float, object]:
    times = []
    for _ in range(RUNS):
        comparison_key.cache_clear()  # time a cold run, as the command line does
        start = time.perf_counter()
        result = diff_documents(old, new, **kwargs)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    draft = extract_document(ROOT / "samples" / "cws_12_22.txt")
    report = extract_document(ROOT / "samples" / "wo_ga_58_9.txt")
    cases = [
        ("real pair: CWS/12/22 annex vs WO/GA/58/9 annex", draft, report, {"old_annex": 1, "new_annex": 1}),
        ("real pair: whole documents", draft, report, {}),
        ("synthetic 1,000 x 1,000, 8% edited", *synthetic_pair(1000, 0.08), {}),
        ("synthetic 1,000 x 1,000, every one reworded", *synthetic_pair(1000, 0.0), {}),
    ]
    # The last case rewords every recommendation of the new side, so no pair is exact.
    for rec in cases[-1][2].recommendations:
        rec.text = rec.text.replace(" ", " also ", 2)
    print(
        f"diff_documents, median of {RUNS} runs  ({platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()})"
    )
    print(f"{'case':<50} {'recs old':>8} {'recs new':>8} {'changes':>8} {'seconds':>8}")
    for name, old, new, kwargs in cases:
        seconds, result = _median_seconds(old, new, **kwargs)
        total = len(changes(result))  # as the summary line counts them
        print(f"{name:<50} {len(old.recommendations):>8} {len(new.recommendations):>8} {total:>8} {seconds:>8.3f}")


if __name__ == "__main__":
    main()
