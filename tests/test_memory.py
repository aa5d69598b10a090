"""The cycle collector is paused over an extraction, and freed memory goes
back to the system between its stages (glibc)."""

import gc
import platform
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.api import extract_document
from pipeline.memory import collector_paused
from tests.hand_pdf import one_page, text_content

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

# 200 MB freed in blocks too small for their own mapping; one block kept after
# them pins the heap's top, so only malloc_trim can hand the pages back.
FRAGMENTED = """
from pipeline.memory import release_free_memory
def rss():
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS")) // 1024
blocks = [bytearray(60_000) for _ in range(3_400)]
pin = bytearray(60_000)
del blocks
before = rss()
released = release_free_memory()
print(released, before - rss())
"""


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's; elsewhere nothing is released")
def test_freed_heap_pages_go_back_to_the_system():
    result = subprocess.run([sys.executable, "-c", FRAGMENTED], capture_output=True, text=True, check=True)
    released, dropped = result.stdout.split()
    assert released == "True"
    assert int(dropped) > 150  # MB of the 200 freed



def test_the_collector_is_paused_inside_and_back_on_after_an_error_too():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), collector_paused():
        1 / 0
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_extraction_runs_with_the_collector_paused(monkeypatch):
    seen = []
    import pipeline.structure

    build = pipeline.structure.build_document
    monkeypatch.setattr(pipeline.structure, "build_document", lambda source: seen.append(gc.isenabled()) or build(source))
    extract_document(SAMPLES / "cws_12_22.txt")
    assert seen == [False]
    assert gc.isenabled()


def _dense_page_pdf(folder: Path) -> Path:
    """One page of 6,000 characters: more than the reader's first text buffer holds."""
    path = folder / "dense.pdf"
    path.write_bytes(one_page(text_content(*[f"line {n} " + "word " * 20 for n in range(60)])))
    return path


@pytest.mark.parametrize("make", [lambda folder: SAMPLES / "cws_12_22.pdf", _dense_page_pdf], ids=["sample", "dense page"])
def test_an_extraction_leaves_no_cyclic_garbage(make, tmp_path):
    # The pause costs memory only where an extraction makes reference cycles
    # (ctypes casts and ctypes array types made in a loop did, several per page).
    path = make(tmp_path)
    extract_document(path)
    gc.collect()
    gc.disable()
    try:
        extract_document(path)
        assert gc.collect() == 0
    finally:
        gc.enable()
