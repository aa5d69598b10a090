"""What the cross-format sample tests share: the seeds and the model parts compared."""

from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
STEMS = ["task58_progress_report", "cws_12_22", "wo_ga_58_9", "c_cws_151"]
COMPARED = ["sections", "paragraphs", "content", "annexes", "recommendations", "footnotes"]


def without_provenance(value):
    """A dumped model with every provenance field removed."""
    if isinstance(value, dict):
        return {key: without_provenance(item) for key, item in value.items() if not key.endswith("provenance")}
    if isinstance(value, list):
        return [without_provenance(item) for item in value]
    return value
