"""The ``cws`` command line: a thin layer over the library functions.

Every failure is one line on stderr, ``error: <file>: <message>``: exit status 2
for a bad input or option, 3 for a bug (``--debug`` shows its traceback). Heavy
libraries are imported inside the commands that need them, so ``cws --help``
and ``cws validate`` start fast."""

from __future__ import annotations

import json
from pathlib import Path

import click

from pipeline.cli_batch import batch
from pipeline.cli_errors import PATH, CwsGroup, Failure, reports_errors
from pipeline.cli_io import INPUT_FORMATS, colour_wanted, emit, input_path, output_format
from pipeline.errors import InputNotFound

DOCUMENT_FORMATS = ("json", "xml")  # = pipeline.api.OUTPUT_FORMATS, without importing it
DIFF_FORMATS = ("text", "json", "html")  # = pipeline.diff.FORMATS
SOURCE_FORMATS = INPUT_FORMATS[:4]
REFERENCE_FIELDS = {"references", "sessions", "tasks", "task_forces", "member_states", "standards", "dates"}


def output_option(help_text: str = "Write here instead of stdout (- for stdout); the extension picks the format."):
    return click.option("-o", "--output", type=PATH, help=help_text)


def input_format_option(choices: tuple[str, ...]):
    return click.option(
        "--input-format",
        type=click.Choice(choices),
        help="Format of a FILE given as - (stdin); sniffed from the content when absent.",
    )


@click.group(cls=CwsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cws-pipeline")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def main(debug: bool) -> None:
    """Structured data and meaning-level diffs from WIPO CWS documents.

    A FILE may be - for stdin; -o - writes to stdout. Exit status: 0 done,
    1 a batch with failed files, 2 a bad input or option, 3 an internal error.
    """


@main.command()
@click.argument("file", type=PATH)
@output_option()
@click.option("-f", "--format", "chosen_format", type=click.Choice(DOCUMENT_FORMATS), help="Default: from -o, else json.")
@input_format_option(SOURCE_FORMATS)
@click.option(
    "--pdf-backend", type=click.Choice(["pdfium", "pdfplumber"]), default="pdfium", show_default=True,
    help="PDF reader; pdfplumber is slower and also reads a tagged PDF's structure tree.",
)
@reports_errors
def extract(
    file: Path, output: Path | None, chosen_format: str | None, input_format: str | None, pdf_backend: str
) -> None:
    """Extract FILE (.txt, .md, .docx, .pdf) into the document model."""
    from pipeline.api import extract_document, render

    fmt = output_format(output, chosen_format, {".json": "json", ".xml": "xml"}, "json")
    with input_path(file, input_format) as path:
        document = extract_document(path, pdf_backend)
    emit(render(document, fmt), output)


@main.command()
@click.argument("file", type=PATH)
@input_format_option(("json", "xml"))
@reports_errors
def validate(file: Path, input_format: str | None) -> None:
    """Check a JSON or XML output against the committed schema."""
    from pipeline.schemas import validate_json, validate_xml

    with input_path(file, input_format) as path:
        if not path.is_file():
            raise InputNotFound("no such file" if not path.exists() else "not a regular file", str(path))
        data = path.read_bytes()
        if path.suffix.lower() == ".xml":
            validate_xml(data, str(file))
        else:
            validate_json(data, str(file))
    click.echo(f"{file}: valid")


@main.command()
@output_option("Write here instead of stdout (- for stdout).")
@reports_errors
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the document model (as generated from the code)."""
    from pipeline.schemas import generated_json_schema

    emit(generated_json_schema(), output)


@main.command()
@click.argument("old", type=PATH)
@click.argument("new", type=PATH)
@click.option("-f", "--format", "chosen_format", type=click.Choice(DIFF_FORMATS), help="Default: from -o, else text.")
@output_option()
@click.option("--old-annex", type=click.IntRange(min=1), help="Compare only this annex of OLD.")
@click.option("--new-annex", type=click.IntRange(min=1), help="Compare only this annex of NEW.")
@click.option("--full", is_flag=True, help="Text format: show added and removed texts whole, not cut.")
@input_format_option(INPUT_FORMATS)
@reports_errors
def diff(
    old: Path,
    new: Path,
    chosen_format: str | None,
    output: Path | None,
    old_annex: int | None,
    new_annex: int | None,
    full: bool,
    input_format: str | None,
) -> None:
    """Compare two versions of a document (sources or JSON/XML outputs) by meaning.

    With --old-annex/--new-annex (either implies annex 1 on the other side), a
    draft annex is compared with the annex of the document that adopted it.
    """
    from pipeline.api import load_document
    from pipeline.diff import diff_documents
    from pipeline.diff import render as render_diff

    fmt = output_format(output, chosen_format, {".json": "json", ".html": "html", ".htm": "html"}, "text")
    with input_path(old, input_format) as path:
        old_document = load_document(path)
    with input_path(new, input_format) as path:
        new_document = load_document(path)
    try:
        result = diff_documents(old_document, new_document, old_annex, new_annex)
    except ValueError as error:  # an annex that one side does not have
        side = old if old_document.source.file_name in str(error) else new
        raise Failure(f"{side}: {error}") from None
    emit(render_diff(result, fmt, color=colour_wanted(output), full=full), output)


@main.command()
@click.argument("file", type=PATH)
@click.option("-f", "--format", "chosen_format", type=click.Choice(("text", "json")), help="Default: from -o, else text.")
@output_option()
@input_format_option(INPUT_FORMATS)
@reports_errors
def refs(file: Path, chosen_format: str | None, output: Path | None, input_format: str | None) -> None:
    """List the references, sessions, tasks and named things found in FILE
    (a source or a JSON/XML output) and what each reference resolves to."""
    from pipeline.api import load_document
    from pipeline.references.report import report as references_report

    fmt = output_format(output, chosen_format, {".json": "json"}, "text")
    with input_path(file, input_format) as path:
        document = load_document(path)
    if fmt == "json":
        found = document.model_dump(mode="json", include=REFERENCE_FIELDS)
        emit(json.dumps(found, indent=2, ensure_ascii=False) + "\n", output)
    else:
        emit(references_report(document), output)


main.add_command(batch)
