"""The work budget of one PDF: a page count and a time limit, checked between
pages and, where signals allow, inside a slow page too; the time covers reading
and layout alike."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from pipeline.errors import ExtractionTimeout, TooLarge

MAX_PAGES = 2000
MAX_STREAM_BYTES = 256 * 2**20  # what one compressed stream may inflate to
TIME_LIMIT_SECONDS = 120.0  # CWS_TIME_LIMIT in the environment overrides it


def time_limit_seconds() -> float:
    """The time limit per file: ``CWS_TIME_LIMIT`` or the default."""
    return float(os.environ.get("CWS_TIME_LIMIT", TIME_LIMIT_SECONDS))


class Budget:
    """The time one file may take, counted from the budget's creation."""

    def __init__(self, seconds: float, name: str) -> None:
        self.seconds = seconds
        self.name = name
        self.started = time.monotonic()

    def check(self, where: str) -> None:
        """Raise ``ExtractionTimeout`` (saying ``where``) once the time is up."""
        if time.monotonic() - self.started > self.seconds:
            raise ExtractionTimeout(f"stopped after {self.seconds:.0f} s {where}; split the file", self.name)


def pages_within_budget(total: int, budget: Budget, max_pages: int) -> Iterator[int]:
    """Page indexes 0 … total-1, refusing a file over ``max_pages`` and stopping
    with ``ExtractionTimeout`` once the budget's time has passed."""
    if total > max_pages:
        raise TooLarge(f"{total} pages; the limit is {max_pages}", budget.name)
    for index in range(total):
        budget.check(f"at page {index + 1} of {total}")
        yield index


@contextmanager
def alarm(seconds: float, name: str) -> Iterator[None]:
    """Interrupt the work after ``seconds`` even inside one slow page (Unix, main
    thread only; elsewhere the checks between pages bound the work)."""
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
