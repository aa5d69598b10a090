"""What a batch tells its user: progress while it runs (a rich bar on a terminal,
one plain line per file otherwise), a closing table, and a JSON report."""

from __future__ import annotations

import json
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import click

from pipeline.batch import Outcome
from pipeline.serialize import write_atomic

STATUSES = ("converted", "unchanged", "skipped", "failed")


@contextmanager
def progress(total: int, fancy: bool):
    """A callable taking each Outcome as it comes: advances a rich progress bar
    on stderr when ``fancy``, else prints one plain line per file."""
    if not fancy:
        yield _plain_line
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    columns = (TextColumn("converting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("", total=total)

        def advance(outcome: Outcome) -> None:
            if outcome.status == "failed":
                console.print(f"failed  {outcome.source}: {outcome.reason}", markup=False, highlight=False)
            bar.update(task, advance=1, description=outcome.source.name)

        yield advance


def _plain_line(outcome: Outcome) -> None:
    detail = f": {outcome.reason}" if outcome.reason else ""
    click.echo(f"{outcome.status:<9} {outcome.source}{detail}", err=outcome.status == "failed")


def closing_table(outcomes: list[Outcome], out_dir: Path) -> str:
    """Counts per status, then every input not converted, with its reason."""
    counts = Counter(outcome.status for outcome in outcomes)
    lines = [", ".join(f"{counts[status]} {status}" for status in STATUSES) + f" -> {out_dir}"]
    rest = [outcome for outcome in outcomes if outcome.status in ("skipped", "failed")]
    if rest:
        width = max(len(str(outcome.source)) for outcome in rest)
        lines.append(f"{'status':<8}  {'input':<{width}}  reason")
        lines.extend(f"{o.status:<8}  {str(o.source):<{width}}  {o.reason}" for o in rest)
    return "\n".join(lines) + "\n"


def write_report(path: Path, outcomes: list[Outcome], out_dir: Path, version: str) -> None:
    """The outcome of every input as JSON, for other tools."""
    report = {
        "tool": "cws-pipeline",
        "version": version,
        "out_dir": str(out_dir),
        "counts": {status: sum(o.status == status for o in outcomes) for status in STATUSES},
        "inputs": [
            {"source": str(o.source), "status": o.status, "reason": o.reason or None, "outputs": [str(p) for p in o.outputs]}
            for o in outcomes
        ],
    }
    write_atomic(path, json.dumps(report, indent=2, ensure_ascii=False) + "\n")


def on_terminal() -> bool:
    return sys.stderr.isatty()
