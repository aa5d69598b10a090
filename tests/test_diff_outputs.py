"""The three renderings of the real pair (CWS/12/22 annex against WO/GA/58/9
annex) and the ``cws diff`` command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from pipeline.cli import main
from pipeline.diff import diff_documents, render_html, render_text
from pipeline.diff.changes import changes
from tests.conftest import SEED_TEXTS
from tools.screenshot_html import CHROMIUM, open_in_chromium


@pytest.fixture(scope="module")
def real_diff(draft, report):
    return diff_documents(draft, report, old_annex=1, new_annex=1)


@pytest.fixture(scope="module")
def page(real_diff):
    return lxml_html.document_fromstring(render_html(real_diff))


def test_html_is_self_contained(page):
    assert page.xpath("//script | //link | //iframe | //img | //object") == []
    for element in page.xpath("//*[@src or @href]"):
        reference = element.get("src") or element.get("href")
        assert reference.startswith("#"), reference
    assert page.xpath("//style")


def test_change_list_links_to_elements_on_the_page(page, real_diff):
    links = page.xpath("//nav[@id='changes']//a/@href")
    assert len(links) == len(changes(real_diff)) == 4
    for link in links:
        assert len(page.xpath(f"//*[@id='{link[1:]}']")) == 1, link


def test_html_marks_the_real_changes(page):
    assert [el.text_content() for el in page.xpath("//del")][:3] == ["deleted words", "DRAFT", "IP"]
    inserted = [el.text_content() for el in page.xpath("//ins")]
    assert "INTELLECTUAL PROPERTY" in inserted and "Such" in inserted and "." in inserted
    assert len(page.xpath("//div[contains(@class, 'block')]/h3[starts-with(., 'Recommendation')]")) == 10


def test_anchors_are_unique(page):
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)")
def test_chromium_opens_the_page_without_console_errors(real_diff, tmp_path):
    target = tmp_path / "diff.html"
    target.write_text(render_html(real_diff), encoding="utf-8")
    assert open_in_chromium(target) == []


def test_text_is_plain_unless_coloured(real_diff):
    plain = render_text(real_diff)
    assert "\x1b[" not in plain
    assert plain.splitlines()[:2] == [
        "CWS/12/22 (annex 1)  →  WO/GA/58/9 (annex 1)",
        "4 changes: 1 added, 1 removed, 1 reworded, 1 title/metadata",
    ]
    assert "[-such-]{+Such+} as the Global Identifier [-project-]{+Project+}" in plain
    assert "\x1b[31m[-DRAFT-]" in render_text(real_diff, color=True)


@pytest.fixture
def cli():
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(arg) for arg in args])


def test_cli_writes_each_format(cli, tmp_path):
    old, new = SEED_TEXTS["draft"], SEED_TEXTS["report"]
    for output_format, name in (("json", "d.json"), ("html", "d.html"), ("text", "d.txt")):
        result = cli("diff", old, new, "--old-annex", 1, "--new-annex", 1, "-f", output_format, "-o", tmp_path / name)
        assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "d.json").read_text())["summary"]["added"] == 1
    assert (tmp_path / "d.html").read_text().startswith("<!DOCTYPE html>")
    assert "Footnote 2: reworded" in (tmp_path / "d.txt").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.html", "d.json", "d.txt"]  # no temporary left


def test_cli_prints_text_by_default(cli):
    result = cli("diff", SEED_TEXTS["draft"], SEED_TEXTS["draft"])
    assert result.exit_code == 0
    assert result.output.splitlines()[1] == "No differences."


def test_cli_reports_a_missing_annex(cli):
    result = cli("diff", SEED_TEXTS["draft"], SEED_TEXTS["report"], "--old-annex", 2)
    assert result.exit_code == 2
    assert "cws_12_22.txt has no annex 2" in result.output


def test_cli_reports_a_bad_input(cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = cli("diff", empty, SEED_TEXTS["draft"])
    assert result.exit_code == 2 and result.output.startswith("error: ")
