"""Convert many files: every failure is recorded and the batch goes on."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extractors import READERS
from pipeline.api import OUTPUT_FORMATS, convert
from pipeline.errors import CwsError


@dataclass
class BatchResult:
    converted: dict[Path, list[Path]] = field(default_factory=dict)
    failed: dict[Path, CwsError] = field(default_factory=dict)


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """The readable files among ``paths``; a folder contributes its readable files
    (sorted, recursively, README files excluded)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    child
                    for child in path.rglob("*")
                    if child.is_file() and child.suffix.lower() in READERS and not child.name.upper().startswith("README")
                )
            )
        else:
            found.append(path)
    return found


def run_batch(
    inputs: list[Path],
    out_dir: Path,
    formats: tuple[str, ...] = OUTPUT_FORMATS,
    on_done: Callable[[Path, CwsError | None], None] | None = None,
) -> BatchResult:
    """Convert each input into ``out_dir``; a bad file is recorded, not fatal."""
    result = BatchResult()
    for path in inputs:
        try:
            result.converted[path] = convert(path, out_dir, formats)
            error = None
        except CwsError as failure:
            result.failed[path] = error = failure
        except Exception as failure:  # a bug must not stop the other files
            error = CwsError(f"internal error ({type(failure).__name__}: {failure}); please report it", str(path))
            result.failed[path] = error
        if on_done:
            on_done(path, error)
    return result
