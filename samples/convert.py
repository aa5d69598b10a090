"""Write the text other tools make of the sample documents into samples/converted/.

Users feed the pipeline text that pandoc or markitdown made of a DOCX, or that
``pdftotext -layout`` made of a PDF; these outputs are samples of that text, and
tests/test_converted_samples.py proves each gives the model of the DOCX. The
tools are installed when missing (pandoc and poppler-utils with apt-get on
Debian, markitdown with pip); this script is run by hand (``make converted``),
never in CI, and its outputs are committed.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent
OUT = SAMPLES / "converted"


def ensure_tools() -> None:
    """Install pandoc, pdftotext and markitdown where they are missing."""
    packages = [package for tool, package in (("pandoc", "pandoc"), ("pdftotext", "poppler-utils")) if not shutil.which(tool)]
    if packages:
        subprocess.run(["apt-get", "install", "-y", *packages], check=True)
    if importlib.util.find_spec("markitdown") is None:
        subprocess.run([sys.executable, "-m", "pip", "install", "markitdown[docx]"], check=True)


def convert_all() -> list[Path]:
    """Every converter's text of every sample DOCX and PDF; the paths written."""
    from markitdown import MarkItDown

    OUT.mkdir(exist_ok=True)
    written = []
    markitdown = MarkItDown()
    for docx in sorted(SAMPLES.glob("*.docx")):
        pandoc = OUT / f"{docx.stem}.pandoc.md"
        subprocess.run(["pandoc", "--wrap=none", "-t", "markdown", "-o", str(pandoc), str(docx)], check=True)
        markdown = OUT / f"{docx.stem}.markitdown.md"
        markdown.write_text(markitdown.convert(str(docx)).text_content, encoding="utf-8")
        written += [pandoc, markdown]
    for pdf in sorted(SAMPLES.glob("*.pdf")):
        text = OUT / f"{pdf.stem}.pdftotext.txt"
        subprocess.run(["pdftotext", "-layout", str(pdf), str(text)], check=True)
        written.append(text)
    return written


if __name__ == "__main__":
    ensure_tools()
    for path in convert_all():
        print(path.relative_to(SAMPLES.parent))
