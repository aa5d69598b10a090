"""``cws batch``: many inputs into a mirror of their tree, in parallel, with a
manifest for ``--incremental`` and a closing table."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from pipeline.cli_errors import EXIT_BAD_INPUT, PATH, Failure, reports_errors

BATCH_FORMATS = ("json", "xml")


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out-dir", type=click.Path(path_type=Path, file_okay=False), default=Path("output"), show_default=True)
@click.option("-f", "--format", "formats", type=click.Choice(BATCH_FORMATS), multiple=True, help="Default: json and xml.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes. Default: the machine's cores.")
@click.option("--incremental", is_flag=True, help="Skip inputs whose bytes and tool version match OUT_DIR's manifest.")
@click.option("--report", type=PATH, help="Also write the outcome of every input as JSON here.")
@click.option(
    "--no-follow-symlinks",
    "no_follow",
    is_flag=True,
    help="Skip every symbolic link. By default links to files inside an input folder are read "
    "and links leading outside it are skipped.",
)
@reports_errors
def batch(
    inputs: tuple[Path, ...],
    out_dir: Path,
    formats: tuple[str, ...],
    jobs: int | None,
    incremental: bool,
    report: Path | None,
    no_follow: bool,
) -> None:
    """Convert every file (or every readable file under a folder) into OUT_DIR,
    mirroring the inputs' folders; a bad file is reported and the batch goes on.
    Exit status 1 when any file failed."""
    from pipeline.batch import Outcome, collect_inputs, plan_outputs, run_jobs, sha256_of
    from pipeline.batch_manifest import is_unchanged, load_manifest, save_manifest, tool_version
    from pipeline.batch_report import closing_table, on_terminal, progress, write_report
    from pipeline.serialize import remove_stale_temporaries

    found, skipped = collect_inputs(inputs, follow_symlinks=not no_follow, out_dir=out_dir)
    planned = plan_outputs(found, out_dir, tuple(dict.fromkeys(formats)) or BATCH_FORMATS)
    if not planned:
        raise Failure(f"{' '.join(map(str, inputs))}: no readable input files (.txt, .md, .docx, .pdf)", EXIT_BAD_INPUT)
    if out_dir.is_dir():
        remove_stale_temporaries(out_dir)
    version = tool_version()
    manifest = load_manifest(out_dir)
    for job in planned:
        job.sha256 = sha256_of(job.source)
    unchanged = [job for job in planned if incremental and is_unchanged(job, manifest, version)]
    todo = [job for job in planned if job not in unchanged]
    with progress(len(todo), fancy=on_terminal()) as advance:
        done = run_jobs(todo, jobs or os.cpu_count() or 1, advance)
    save_manifest(out_dir, manifest, todo, done, version)
    outcomes = done + [Outcome(job.source, "unchanged", "same bytes and version as the manifest") for job in unchanged]
    outcomes += skipped
    click.echo(closing_table(outcomes, out_dir), nl=False)
    if report is not None:
        write_report(report, outcomes, out_dir, version)
    if any(outcome.status == "failed" for outcome in outcomes):
        sys.exit(1)
