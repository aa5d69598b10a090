"""The work budget of one PDF: a page count and a time limit, checked between
pages and, where signals allow, inside a slow page too."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from pipeline.errors import ExtractionTimeout, TooLarge


def pages_within_budget(total: int, time_limit: float, max_pages: int, name: str) -> Iterator[int]:
    """Page indexes 0 … total-1, refusing a file over ``max_pages`` and stopping
    with ``ExtractionTimeout`` once ``time_limit`` seconds have passed."""
    if total > max_pages:
        raise TooLarge(f"{total} pages; the limit is {max_pages}", name)
    started = time.monotonic()
    for index in range(total):
        if time.monotonic() - started > time_limit:
            raise ExtractionTimeout(
                f"stopped after {time_limit:.0f} s at page {index + 1} of {total}; split the file", name
            )
        yield index


@contextmanager
def alarm(seconds: float, name: str) -> Iterator[None]:
    """Interrupt reading after ``seconds`` even inside one slow page (Unix, main
    thread only; elsewhere the check between pages bounds the work)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise ExtractionTimeout(f"stopped after {seconds:.0f} s inside a page; split the file", name)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
