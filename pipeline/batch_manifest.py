"""The manifest a batch writes in its output folder: per input, the SHA-256 and
the tool version that produced its outputs, so ``--incremental`` can skip it."""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pipeline.batch import Job, Outcome
from pipeline.serialize import write_atomic

MANIFEST_NAME = "cws-manifest.json"


def tool_version() -> str:
    """The installed version of the project."""
    try:
        return version("cws-pipeline")
    except PackageNotFoundError:
        return "unknown"


def load_manifest(out_dir: Path) -> dict[str, dict]:
    """The entries of ``out_dir``'s manifest by input key; empty when there is none
    or it cannot be read (then nothing is skipped)."""
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
        return dict(data["inputs"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def is_unchanged(job: Job, manifest: dict[str, dict], current_version: str) -> bool:
    """True when the manifest saw this input with the same bytes and tool version,
    and every output it needs is still there."""
    entry = manifest.get(job.key)
    return (
        isinstance(entry, dict)
        and bool(job.sha256)
        and entry.get("sha256") == job.sha256
        and entry.get("version") == current_version
        and all(target.is_file() for target in job.targets.values())
    )


def save_manifest(
    out_dir: Path, manifest: dict[str, dict], jobs: list[Job], outcomes: list[Outcome], current_version: str
) -> None:
    """Record the converted inputs (the entries of a failed input are dropped, so
    it is tried again next time)."""
    entries = dict(manifest)
    for job, outcome in zip(jobs, outcomes):
        if outcome.status == "converted":
            entries[job.key] = {"sha256": job.sha256, "version": current_version, "formats": sorted(job.targets)}
        elif outcome.status == "failed":
            entries.pop(job.key, None)
    text = json.dumps({"tool": "cws-pipeline", "inputs": dict(sorted(entries.items()))}, indent=2) + "\n"
    write_atomic(out_dir / MANIFEST_NAME, text)
