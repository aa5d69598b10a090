"""Where the ``cws`` commands read and write: files, or ``-`` for stdin and stdout;
the output format from ``-o``'s extension; colour only where it belongs."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import CwsError, TooLarge

STDIO = "-"
# Source formats and the extension a reader is chosen by; json/xml are our outputs.
INPUT_FORMATS = ("txt", "md", "docx", "pdf", "json", "xml")
MAX_STDIN_BYTES = 100 * 1024 * 1024


def sniff_input_format(data: bytes) -> str:
    """The format of piped bytes: PDF and DOCX by their magic bytes, our XML and
    JSON outputs by their first character, anything else as text."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "xml"
    if head.startswith((b"{", b"[")):
        return "json"
    return "txt"


@contextmanager
def input_path(name: Path, input_format: str | None = None) -> Iterator[Path]:
    """``name`` itself, or for ``-`` a temporary file holding stdin, named
    ``stdin.<format>`` (``input_format`` or sniffed); an error about that file
    names ``-``."""
    if str(name) != STDIO:
        yield name
        return
    data = sys.stdin.buffer.read(MAX_STDIN_BYTES + 1)
    if len(data) > MAX_STDIN_BYTES:
        raise TooLarge(f"more than {MAX_STDIN_BYTES:,} bytes on stdin", STDIO)
    with tempfile.TemporaryDirectory(prefix="cws-stdin-") as folder:
        path = Path(folder) / f"stdin.{input_format or sniff_input_format(data)}"
        path.write_bytes(data)
        try:
            yield path
        except CwsError as error:
            if error.path == str(path):
                error.path = STDIO
            raise


def output_format(output: Path | None, chosen: str | None, by_extension: dict[str, str], default: str) -> str:
    """``-f`` when given, else the format ``-o``'s extension names, else ``default``."""
    if chosen:
        return chosen
    if output is not None and str(output) != STDIO:
        return by_extension.get(output.suffix.lower(), default)
    return default


def writes_to_stdout(output: Path | None) -> bool:
    return output is None or str(output) == STDIO


def emit(data: str | bytes, output: Path | None) -> None:
    """Write to ``output`` atomically, or to stdout for none or ``-``."""
    from pipeline.serialize import write_atomic

    if writes_to_stdout(output):
        sys.stdout.flush()
        stream = sys.stdout.buffer
        stream.write(data.encode("utf-8") if isinstance(data, str) else data)
        stream.flush()
    else:
        write_atomic(output, data)


def colour_wanted(output: Path | None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return writes_to_stdout(output) and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
