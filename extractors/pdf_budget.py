"""The work budget of one PDF: a page count and a time limit (their values come
from ``pipeline.limits``), checked between pages and during the layout;
``pipeline.boundary.deadline`` interrupts a slow page where signals allow."""

from __future__ import annotations

import time
from collections.abc import Iterator

from pipeline.errors import ExtractionTimeout, TooLarge


class Budget:
    """What one file may take: time (counted from the budget's creation), pages
    and characters per page."""

    def __init__(self, seconds: float, name: str, max_pages: int, max_chars_per_page: int) -> None:
        self.seconds = seconds
        self.name = name
        self.max_pages = max_pages
        self.max_chars_per_page = max_chars_per_page
        self.started = time.monotonic()

    def check(self, where: str) -> None:
        """Raise ``ExtractionTimeout`` (saying ``where``) once the time is up."""
        if time.monotonic() - self.started > self.seconds:
            raise ExtractionTimeout(f"stopped after {self.seconds:.0f} s {where}; split the file", self.name)

    def check_characters(self, count: int, page: int) -> None:
        """Refuse a page of more characters than the limit (before reading them)."""
        if count > self.max_chars_per_page:
            raise TooLarge(
                f"page {page} holds {count:,} characters; the limit is {self.max_chars_per_page:,}"
                " (CWS_MAX_CHARS_PER_PAGE)",
                self.name,
            )


def pages_within_budget(total: int, budget: Budget) -> Iterator[int]:
    """Page indexes 0 … total-1, refusing a file over the page limit and stopping
    with ``ExtractionTimeout`` once the budget's time has passed."""
    if total > budget.max_pages:
        raise TooLarge(f"{total} pages; the limit is {budget.max_pages}", budget.name)
    for index in range(total):
        budget.check(f"at page {index + 1} of {total}")
        yield index
