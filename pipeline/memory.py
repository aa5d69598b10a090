"""Memory over an extraction: the cycle collector paused while it runs, and
freed memory handed back to the system between its stages.

An extraction makes hundreds of thousands of objects that live until it ends
and no reference cycles to speak of, so each pass of the cycle collector would
walk the ever growing model for nothing (about a tenth of the time on a long
PDF).

What PDFium, spaCy and Python's larger objects free goes back to the C
allocator, which keeps it for later; on a long PDF that is tens of megabytes
that the next stages, allocating mostly through Python's own arenas, do not
reuse, so the process's peak grows by it. glibc's ``malloc_trim`` returns the
free pages; where the C library has none (musl, macOS, Windows) nothing is done.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cycle collector off; it comes back on after
    (error or not) unless the caller had it off already."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
