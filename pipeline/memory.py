"""Freed memory handed back to the system between the stages of an extraction.

What PDFium, spaCy and Python's larger objects free goes back to the C
allocator, which keeps it for later; on a long PDF that is tens of megabytes
that the next stages, allocating mostly through Python's own arenas, do not
reuse, so the process's peak grows by it. glibc's ``malloc_trim`` returns the
free pages; where the C library has none (musl, macOS, Windows) nothing is done.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache


@cache
def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the symbols the process already has, its C library's among them
    except OSError:
        return None
    return getattr(libc, "malloc_trim", None)


def release_free_memory() -> bool:
    """Return the C heap's free pages to the system; whether it could."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
