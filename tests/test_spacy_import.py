"""spaCy is imported without its command line, and the command line still loads
when something asks for it. Each case runs in a fresh interpreter: the test
process may have imported spaCy already."""

import subprocess
import sys

import pytest

COMMAND_LINE_ONLY = ("typer", "weasel", "httpx", "requests", "jinja2")

BUILD = "from pipeline.references.nlp import pipeline; nlp = pipeline(); import spacy, sys\n"


def run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", BUILD + code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_pipeline_is_built_without_the_command_line_packages():
    loaded = run(f"print(sorted(m for m in {COMMAND_LINE_ONLY!r} if m in sys.modules))")
    assert loaded == "[]"


def test_the_pipeline_built_that_way_finds_references():
    labels = run('print([e.label_ for e in nlp("paragraphs 17 to 24 of document CWS/6/34 and Task No. 58").ents])')
    assert "DOCUMENT" in labels and "TASK" in labels


@pytest.mark.parametrize(
    "code, expected",
    [
        ("print(callable(spacy.cli.download), 'typer' in sys.modules)", "True True"),
        ("import spacy.cli.train; print(spacy.cli is sys.modules['spacy.cli'])", "True"),
        ("from spacy.cli import info; print(callable(info))", "True"),
        ("print('spacy_version' in spacy.info(silent=True))", "True"),
    ],
)
def test_the_command_line_loads_on_first_use(code, expected):
    assert run(code) == expected


def test_scanning_modules_for_their_file_does_not_load_the_command_line():
    code = "[getattr(m, '__file__', None) for m in list(sys.modules.values())]; print('typer' in sys.modules)"
    assert run(code) == "False"
