"""What the cross-format sample tests share: the seeds and the model parts compared."""

from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
STEMS = ["task58_progress_report", "cws_12_22", "wo_ga_58_9", "c_cws_151"]
COMPARED = ["sections", "paragraphs", "content", "annexes", "recommendations", "footnotes"]


# How a paragraph's number was printed: a text conversion may lose what Word
# printed (the TAB-led lines of the .txt seeds), leaving the number inferred.
PRINTING = ("printed_number", "number_source")


def without_provenance(value, also: tuple[str, ...] = ()):
    """A dumped model with every provenance field (and the ``also`` fields) removed."""
    if isinstance(value, dict):
        return {
            key: without_provenance(item, also)
            for key, item in value.items()
            if not key.endswith("provenance") and key not in also
        }
    if isinstance(value, list):
        return [without_provenance(item, also) for item in value]
    return value
