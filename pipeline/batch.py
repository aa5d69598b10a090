"""Convert many files: plan the outputs (a mirror of the input tree), skip what
is unchanged, convert in a process pool; every failure is recorded and the batch
goes on."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extractors import READERS
from pipeline.errors import CwsError
from pipeline.serialize import write_atomic


@dataclass
class Job:
    """One input and the outputs it gives (format → path)."""

    source: Path
    key: str  # the source's path relative to the inputs' common folder, as in the manifest
    targets: dict[str, Path]
    sha256: str = ""


@dataclass
class Outcome:
    """What became of one input: written outputs, or why it failed or was skipped."""

    source: Path
    status: str  # "converted", "unchanged", "failed" or "skipped"
    reason: str = ""
    outputs: list[Path] = field(default_factory=list)


def collect_inputs(
    paths: Iterable[Path], follow_symlinks: bool = True, out_dir: Path | None = None
) -> tuple[list[tuple[Path, Path]], list[Outcome]]:
    """The files to read as (file, the folder it was found in), and the files not
    read, each with its reason. Folders are walked recursively (``out_dir`` left
    out); symbolic links to folders met on the way are not followed, links to
    files only when they stay inside the folder given (never with
    ``follow_symlinks`` off)."""
    found: list[tuple[Path, Path]] = []
    skipped: list[Outcome] = []
    for path in paths:
        if path.is_symlink() and not follow_symlinks:
            skipped.append(Outcome(path, "skipped", "symbolic link (--no-follow-symlinks)"))
        elif path.is_dir():
            _walk(path, follow_symlinks, out_dir.resolve() if out_dir else None, found, skipped)
        else:
            found.append((path, path.parent))
    return found, skipped


def _walk(root: Path, follow_symlinks: bool, out_dir: Path | None, found: list, skipped: list) -> None:
    real_root = root.resolve()
    for folder, subfolders, names in os.walk(root):
        for name in sorted(subfolders):
            why = _why_not_entered(Path(folder, name), out_dir)
            if why:
                skipped.append(Outcome(Path(folder, name), "skipped", why))
        subfolders[:] = sorted(name for name in subfolders if not _why_not_entered(Path(folder, name), out_dir))
        for name in sorted(names):
            path = Path(folder, name)
            why = _why_not_read(path, real_root, follow_symlinks)
            if why:
                skipped.append(Outcome(path, "skipped", why))
            else:
                found.append((path, root))


def _why_not_entered(folder: Path, out_dir: Path | None) -> str:
    if folder.name.startswith("."):
        return "hidden folder"
    if folder.is_symlink():
        return "symbolic link to a folder (not followed)"
    if out_dir is not None and folder.resolve() == out_dir:
        return "the output folder"
    return ""


def _why_not_read(path: Path, real_root: Path, follow_symlinks: bool) -> str:
    if path.is_symlink():
        if not follow_symlinks:
            return "symbolic link (--no-follow-symlinks)"
        if not path.resolve().is_relative_to(real_root):
            return "symbolic link leading outside the input folder"
    if path.name.startswith("."):
        return "hidden file"
    if path.suffix.lower() not in READERS:
        return f"not a readable format ({path.suffix or 'no extension'}; readable: {', '.join(sorted(READERS))})"
    if path.name.upper().startswith("README"):
        return "a README, not a meeting document"
    return ""


def plan_outputs(found: list[tuple[Path, Path]], out_dir: Path, formats: tuple[str, ...]) -> list[Job]:
    """One job per distinct input, its outputs mirroring the input tree under
    ``out_dir`` (relative to the inputs' common folder). Raises CwsError, before
    anything runs, when two inputs would write the same output."""
    distinct: dict[Path, Path] = {}  # absolute path → the path as given first
    for path, _ in found:
        distinct.setdefault(Path(os.path.abspath(path)), path)
    if not distinct:
        return []
    base = Path(os.path.commonpath(sorted({os.path.abspath(folder) for _, folder in found})))
    jobs, claimed = [], {}
    for absolute, source in distinct.items():
        relative = absolute.relative_to(base)
        targets = {fmt: out_dir / relative.parent / f"{relative.name}.{fmt}" for fmt in formats}
        for target in targets.values():
            key = str(target).casefold()  # also a collision on a case-insensitive file system
            if key in claimed:
                raise CwsError(f"{claimed[key]} and {source} would both write {target}", str(source))
            claimed[key] = source
        jobs.append(Job(source, relative.as_posix(), targets))
    return jobs


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes ('' when it cannot be read: the job reports why)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def convert_job(job: Job) -> Outcome:
    """Extract one input and write all its outputs; rendering comes first, so a
    failure writes none of them. Never raises: a bug is a failed file too."""
    from pipeline.api import extract_document, render

    try:
        document = extract_document(job.source)
        rendered = {fmt: render(document, fmt) for fmt in job.targets}
        for fmt, target in job.targets.items():
            write_atomic(target, rendered[fmt])
    except CwsError as error:
        return Outcome(job.source, "failed", f"{error.kind}: {error.message}")
    except Exception as error:  # a bug must not stop the other files
        return Outcome(job.source, "failed", f"internal error ({type(error).__name__}: {error}); please report it")
    return Outcome(job.source, "converted", outputs=list(job.targets.values()))


def warm_worker() -> None:
    """Build the spaCy pipeline once in each worker process, before its first file."""
    from pipeline.references.nlp import pipeline

    pipeline()


def run_jobs(jobs: list[Job], workers: int, on_done: Callable[[Outcome], None]) -> list[Outcome]:
    """Convert ``jobs`` with ``workers`` processes (in this process for 1), calling
    ``on_done`` as each finishes; outcomes in the jobs' order."""
    if workers <= 1 or len(jobs) <= 1:
        outcomes = []
        for job in jobs:
            outcomes.append(convert_job(job))
            on_done(outcomes[-1])
        return outcomes
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # forkserver: no fork of a process that may hold threads (rich's refresher);
    # the server imports the pipeline once, and each worker forked from it starts warm.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.api", "pipeline.references", "extractors.pdf", "extractors.docx"])
    results: dict[int, Outcome] = {}
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context, initializer=warm_worker) as pool:
        futures = {pool.submit(convert_job, job): index for index, job in enumerate(jobs)}
        for future in as_completed(futures):
            index = futures[future]
            try:
                outcome = future.result()
            except Exception as error:  # the worker itself died (killed, out of memory)
                outcome = Outcome(jobs[index].source, "failed", f"worker process failed ({type(error).__name__})")
            results[index] = outcome
            on_done(outcome)
    return [results[index] for index in range(len(jobs))]
