"""The ``cws`` command line: a thin layer over the library functions."""

from __future__ import annotations

import sys
from functools import wraps
from pathlib import Path

import click

from pipeline.api import OUTPUT_FORMATS, extract_document, load_document, render
from pipeline.batch import collect_inputs, run_batch
from pipeline.diff import FORMATS as DIFF_FORMATS
from pipeline.diff import diff_documents
from pipeline.diff import render as render_diff
from pipeline.errors import CwsError, InputNotFound
from pipeline.references.report import report as references_report
from pipeline.schemas import generated_json_schema, validate_json, validate_xml
from pipeline.serialize import write_atomic

EXIT_BAD_INPUT = 2


def reports_errors(command):
    """Turn a ``CwsError`` into one line on stderr and exit status 2."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except CwsError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(EXIT_BAD_INPUT)

    return wrapper


def emit(data: str | bytes, output: Path | None) -> None:
    """Write to ``output`` atomically, or to stdout."""
    if output is None:
        click.echo(data, nl=False)
    else:
        write_atomic(output, data)


@click.group()
@click.version_option(package_name="cws-pipeline")
def main() -> None:
    """Structured data and meaning-level diffs from WIPO CWS documents."""


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here instead of stdout.")
@click.option("-f", "--format", "output_format", type=click.Choice(OUTPUT_FORMATS), default="json", show_default=True)
@click.option(
    "--pdf-backend", type=click.Choice(["pdfium", "pdfplumber"]), default="pdfium", show_default=True,
    help="PDF reader; pdfplumber is slower and also reads a tagged PDF's structure tree.",
)
@reports_errors
def extract(file: Path, output: Path | None, output_format: str, pdf_backend: str) -> None:
    """Extract FILE (.txt, .md, .docx, .pdf) into the document model."""
    emit(render(extract_document(file, pdf_backend), output_format), output)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@reports_errors
def validate(file: Path) -> None:
    """Check a JSON or XML output against the committed schema."""
    if not file.is_file():
        raise InputNotFound("no such file", str(file))
    data = file.read_bytes()
    if file.suffix.lower() == ".xml":
        validate_xml(data, str(file))
    else:
        validate_json(data, str(file))
    click.echo(f"{file}: valid")


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here instead of stdout.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the document model (as generated from the code)."""
    emit(generated_json_schema(), output)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out-dir", type=click.Path(path_type=Path), default=Path("output"), show_default=True)
@click.option(
    "-f", "--format", "formats", type=click.Choice(OUTPUT_FORMATS), multiple=True, help="Default: json and xml."
)
def batch(inputs: tuple[Path, ...], out_dir: Path, formats: tuple[str, ...]) -> None:
    """Convert every file (or every readable file in a folder) into OUT_DIR."""
    files = collect_inputs(inputs)
    if not files:
        click.echo("error: no readable input files (.txt, .md, .docx, .pdf)", err=True)
        sys.exit(EXIT_BAD_INPUT)

    def report(path: Path, error: CwsError | None) -> None:
        if error is None:
            click.echo(f"ok      {path}")
        else:
            click.echo(f"failed  {error}", err=True)

    result = run_batch(files, out_dir, formats or OUTPUT_FORMATS, on_done=report)
    click.echo(f"{len(result.converted)} converted, {len(result.failed)} failed -> {out_dir}")
    if result.failed:
        sys.exit(1)


@main.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("-f", "--format", "output_format", type=click.Choice(DIFF_FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here instead of stdout.")
@click.option("--old-annex", type=click.IntRange(min=1), help="Compare only this annex of OLD.")
@click.option("--new-annex", type=click.IntRange(min=1), help="Compare only this annex of NEW.")
@reports_errors
def diff(
    old: Path, new: Path, output_format: str, output: Path | None, old_annex: int | None, new_annex: int | None
) -> None:
    """Compare two versions of a document (sources or JSON/XML outputs) by meaning.

    With --old-annex/--new-annex (either implies annex 1 on the other side), a
    draft annex is compared with the annex of the document that adopted it.
    """
    old_document, new_document = load_document(old), load_document(new)
    try:
        result = diff_documents(old_document, new_document, old_annex, new_annex)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    color = output is None and sys.stdout.isatty()
    emit(render_diff(result, output_format, color=color), output)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@reports_errors
def refs(file: Path) -> None:
    """List the references, sessions, tasks and named things found in FILE
    (a source or a JSON/XML output) and what each reference resolves to."""
    click.echo(references_report(load_document(file)), nl=False)
