"""PDF speed and memory: our pipeline beside the libraries it could sit on.

    .venv/bin/python bench/bench_pdf.py [--runs N] [--skip-slow]

Files: a WIPO-style sample (samples/cws_12_22.pdf, 7 pages), the 125-page PDF of
the robustness corpus (skipped if absent) and a PDF of at least 600 pages made
here by joining the sample PDFs with pypdfium2 (written to a temporary folder,
never committed). Tools, run on the same file one after the other within each
round (interleaved), median of N rounds, in this process after a warm-up:

- ``cws``: end to end — ``extract_document`` (PDFium reader, layout, structure,
  references) and the JSON text;
- ``cws blocks``: the reader and layout alone (``read_source``);
- ``pypdfium2``: raw text of every page (``get_textpage().get_text_range()``);
- ``pdfplumber``: ``extract_text`` of every page; ``pdfminer``: ``extract_text``
  (both slow: one round on the long files, left out with --skip-slow).

Peak RSS is measured in a fresh process per tool and file (the interpreter and
imports included), and its growth per 100 pages from the sample to the longest
file. Ratios are seconds over raw pypdfium2's in the same round. A second table
splits ``cws`` into its stages (median of N rounds, raw pypdfium2 timed in each
round beside them): the PDFium reader alone, reader and layout
(``read_source``), structure, references, JSON.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "samples" / "cws_12_22.pdf"
LONG = ROOT.parent / "shared" / "corpus" / "robustness" / "pdf" / "stanislaus-jail-log-2016-05-27.pdf"
JOINED_PAGES = 600


def cws(path: Path) -> None:
    from pipeline.api import extract_document
    from pipeline.serialize import to_json

    to_json(extract_document(path))


def cws_blocks(path: Path) -> None:
    from extractors import read_source

    read_source(path)


def raw_pypdfium2(path: Path) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    for page in document:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    document.close()


def pdfplumber_text(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def pdfminer_text(path: Path) -> None:
    from pdfminer.high_level import extract_text

    extract_text(str(path))


TOOLS = {
    "cws": cws,
    "cws blocks": cws_blocks,
    "pypdfium2": raw_pypdfium2,
    "pdfplumber": pdfplumber_text,
    "pdfminer": pdfminer_text,
}
SLOW = {"pdfplumber", "pdfminer"}

# The peak is read from /proc (VmHWM): ``ru_maxrss`` of a child process may
# still count the memory of the parent it was forked from.
_CHILD = """
import sys
sys.path.insert(0, {root!r})
import bench.bench_pdf as bench
bench.TOOLS[{tool!r}](bench.Path({path!r}))
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM")))
"""


def peak_rss_mb(tool: str, path: Path) -> float:
    """Peak resident memory of a fresh process running ``tool`` once on ``path``."""
    code = _CHILD.format(root=str(ROOT), tool=tool, path=str(path))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return int(done.stdout.split()[-1]) / 1024


def joined_pdf(folder: Path, pages: int) -> Path:
    """The sample PDFs joined over and over until the file has ``pages`` pages."""
    import pypdfium2 as pdfium

    samples = sorted((ROOT / "samples").glob("*.pdf"))
    joined = pdfium.PdfDocument.new()
    while len(joined) < pages:
        for sample in samples:
            joined.import_pages(pdfium.PdfDocument(sample))
    path = folder / f"joined_{len(joined)}.pdf"
    joined.save(path)
    return path


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(path))


def measure(path: Path, tools: list[str], runs: int) -> dict[str, float]:
    """Median seconds per tool, the tools interleaved round by round."""
    for tool in tools:  # warm-up: imports, caches, the file in the page cache
        TOOLS[tool](path)
    seconds: dict[str, list[float]] = {tool: [] for tool in tools}
    for round_number in range(runs):
        for tool in tools:
            if tool in SLOW and round_number and page_count(path) > 100:
                continue
            started = time.perf_counter()
            TOOLS[tool](path)
            seconds[tool].append(time.perf_counter() - started)
    return {tool: statistics.median(values) for tool, values in seconds.items()}


STAGES = ("reader", "reader+layout", "structure", "references", "json")


def stage_seconds(path: Path, runs: int) -> dict[str, float]:
    """Median seconds of each stage of ``cws`` and of raw pypdfium2, round by round."""
    from extractors import pdf_pdfium, read_source
    from extractors.pdf_budget import Budget
    from pipeline.memory import collector_paused
    from pipeline.references import annotate
    from pipeline.serialize import to_json
    from pipeline.structure import build_document

    data = path.read_bytes()
    seconds: dict[str, list[float]] = {name: [] for name in ("pypdfium2", *STAGES)}

    def timed(name: str, call):
        started = time.perf_counter()
        result = call()
        seconds[name].append(time.perf_counter() - started)
        return result

    for _ in range(runs + 1):  # the first round warms up and is dropped below
        timed("pypdfium2", lambda: raw_pypdfium2(path))
        with collector_paused():  # as extract_document runs the stages
            timed("reader", lambda: list(pdf_pdfium.read_pages(data, str(path), Budget(600, str(path), 10**5, 10**7))))
            source = timed("reader+layout", lambda: read_source(path))
            document = timed("structure", lambda: build_document(source))
            timed("references", lambda: annotate(document))
            timed("json", lambda: to_json(document))
    return {name: statistics.median(values[1:]) for name, values in seconds.items()}


def print_stages(files: list[Path], runs: int) -> None:
    """The stage table: seconds per stage, end to end pages/s and × raw."""
    print(f"\n{'file':36} {'pages':>5} " + " ".join(f"{name:>13}" for name in STAGES) + "   total pages/s  × raw")
    for path in files:
        pages = page_count(path)
        seconds = stage_seconds(path, runs)
        total = sum(seconds[name] for name in STAGES[1:])
        print(
            f"{path.name:36} {pages:5d} "
            + " ".join(f"{seconds[name]:13.3f}" for name in STAGES)
            + f" {total:7.3f} {pages / total:7.1f} {total / seconds['pypdfium2']:6.2f}"
            + f"   (reader {seconds['reader'] / seconds['pypdfium2']:.1f} × raw)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-slow", action="store_true", help="leave out pdfplumber and pdfminer")
    arguments = parser.parse_args()
    tools = [tool for tool in TOOLS if not (arguments.skip_slow and tool in SLOW)]
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as folder:
        files = [SAMPLE] + ([LONG] if LONG.exists() else []) + [joined_pdf(Path(folder), JOINED_PAGES)]
        print(f"{'file':36} {'pages':>5} {'tool':11} {'seconds':>8} {'pages/s':>8} {'× raw':>6} {'peak MB':>8}")
        peaks = {}
        for path in files:
            pages = page_count(path)
            seconds = measure(path, tools, arguments.runs)
            for tool in tools:
                peak = peak_rss_mb(tool, path)
                peaks[(path.name, tool)] = (pages, peak)
                print(
                    f"{path.name:36} {pages:5d} {tool:11} {seconds[tool]:8.3f} {pages / seconds[tool]:8.1f}"
                    f" {seconds[tool] / seconds['pypdfium2']:6.2f} {peak:8.1f}"
                )
        small, large = peaks[(files[0].name, "cws")], peaks[(files[-1].name, "cws")]
        growth = (large[1] - small[1]) / (large[0] - small[0]) * 100
        print(json.dumps({"cws peak MB growth per 100 pages": round(growth, 1)}))
        print_stages(files, arguments.runs)


if __name__ == "__main__":
    main()
