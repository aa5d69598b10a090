"""Nothing lost: every word of every non-blank source line lands in the model.

A line's words must be found in the model units whose provenance covers that
line (so the test checks provenance too). The only text allowed to be missing is
the furniture the pipeline drops on purpose, each kind named here:

- ``[bookmark: …]`` and ``[footnoteRef:N]`` conversion noise (DOCX-derived text);
- a recommendation table's header row (its words are kept once as the annex's
  ``table_columns``; the repeats after page breaks are furniture), with its
  footnote mark;
- the word "Recommendation" before a recommendation's number, which the model
  keeps as the ``number`` field;
- header lines (the metadata's provenance covers them, or no unit does), whose
  words must be in the metadata; a circular's "Re:" label and a date's month name
  are the only exceptions (the date is kept as ISO 8601);
- running headers and page numbers, which the model keeps as ``furniture``.
"""

from __future__ import annotations

import re

import pytest

from pipeline.dates import MONTHS
from tests.conftest import SEED_TEXTS

WORD = re.compile(r"[A-Za-z]+|\d+")
CONVERSION_NOISE = re.compile(r"\[bookmark:[^\]]*\]|\[footnoteRef:\d+\]")
RECOMMENDATION_LABEL = re.compile(r"\bRecommendation(?=\s+\d+\s*:)")
HEADER_LABEL = re.compile(r"^Re:")


def _words(text: str) -> list[str]:
    return [word.lower() for word in WORD.findall(text)]


def _tokens(value) -> set[str]:
    """The words of every string and number in a dumped model unit, its
    provenance excluded."""
    if isinstance(value, dict):
        return set().union(*(_tokens(v) for k, v in value.items() if k != "provenance"))
    if isinstance(value, list):
        return set().union(*(_tokens(v) for v in value))
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return set(_words(str(value)))
    return set()


def _units(value):
    """(first line, last line, words) of every unit with a line provenance."""
    if isinstance(value, dict):
        for key in ("provenance", "related_recs_provenance"):
            provenance = value.get(key)
            if provenance and provenance.get("line_start"):
                yield provenance["line_start"], provenance["line_end"], _tokens(value)
        for child in value.values():
            yield from _units(child)
    elif isinstance(value, list):
        for child in value:
            yield from _units(child)


def _is_table_header(line: str, columns: set[str]) -> bool:
    words = _words(line)
    return bool(words) and all(word in columns or word.isdigit() for word in words)


def uncovered_words(document, source_text: str) -> list[tuple[int, list[str]]]:
    """(line number, missing words) for each source line whose words are not all
    in the model units covering it."""
    data = document.model_dump(mode="json")
    units = list(_units({key: value for key, value in data.items() if key != "metadata"}))
    metadata = _tokens(data["metadata"]) | set(MONTHS)
    header = data["metadata"].get("provenance") or {}
    columns = _tokens([annex["table_columns"] for annex in data["annexes"]])
    problems = []
    for number, line in enumerate(source_text.splitlines(), start=1):
        line = CONVERSION_NOISE.sub(" ", line)
        line = RECOMMENDATION_LABEL.sub(" ", line)
        words = _words(line)
        if not words or _is_table_header(line, columns):
            continue
        covering = [words_ for first, last, words_ in units if first <= number <= last]
        in_header = header.get("line_start") is not None and header["line_start"] <= number <= header["line_end"]
        if in_header or not covering:
            covering.append(metadata)
            words = _words(HEADER_LABEL.sub(" ", line))
        pool = set().union(*covering)
        missing = [word for word in words if word not in pool]
        if missing:
            problems.append((number, missing))
    return problems


@pytest.mark.parametrize("name", SEED_TEXTS)
def test_every_source_word_lands_in_the_model(seed_documents, name):
    source = SEED_TEXTS[name].read_text(encoding="utf-8")
    assert uncovered_words(seed_documents[name], source) == []


def test_the_check_notices_dropped_text(seed_documents):
    """A sentence the model never saw is reported, with its line."""
    source = SEED_TEXTS["draft"].read_text(encoding="utf-8")
    lines = source.splitlines()
    lines[60] = lines[60] + " Zanzibar quokka"
    problems = uncovered_words(seed_documents["draft"], "\n".join(lines))
    assert problems == [(61, ["zanzibar", "quokka"])]
