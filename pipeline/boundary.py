"""One rule at every public entry point: whatever goes wrong inside ends as a
``CwsError`` with a one-line message, within the time limit.

``entry_point`` wraps a library function whose first argument names the input;
it checks the limits settings, runs the call under the time limit (``deadline``)
and turns any other exception into the nearest documented error, or into
``InternalError`` (a bug, still one line for the user).
"""

from __future__ import annotations

import signal
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import TypeVar

from pipeline import limits
from pipeline.errors import CorruptDocument, CwsError, ExtractionTimeout, InputNotFound, InternalError, TooLarge

_INT_DIGITS_ERROR = "integer string conversion"  # CPython's ValueError for int() of a huge digit string
_MESSAGE_LENGTH = 300
Result = TypeVar("Result")


def translate(error: BaseException, source: str | None) -> CwsError:
    """The documented error that best describes ``error`` raised while handling ``source``."""
    if isinstance(error, CwsError):
        if error.path is None:
            error.path = source
        return error
    if isinstance(error, RecursionError):
        return TooLarge("the file nests structures too deeply to read; refusing", source)
    if isinstance(error, MemoryError):
        return TooLarge("reading the file needs more memory than is available; split the file", source)
    if isinstance(error, ValueError) and _INT_DIGITS_ERROR in str(error):
        return TooLarge(f"a number in the file has too many digits (over {limits.current().max_digits}); refusing", source)
    if isinstance(error, UnicodeError):
        return CorruptDocument(f"text that is not valid Unicode ({_one_line(error)})", source)
    if isinstance(error, zipfile.BadZipFile):
        return CorruptDocument(f"a damaged ZIP package ({_one_line(error)})", source)
    if isinstance(error, (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError)):
        return InputNotFound(f"cannot read it ({error.strerror or type(error).__name__})", source)
    return InternalError(
        f"internal error ({type(error).__name__}: {_one_line(error)}); please report it with the file", source
    )


def entry_point(function: Callable[..., Result]) -> Callable[..., Result]:
    """Apply the boundary rule to ``function``; its first argument names the input."""

    @wraps(function)
    def guarded(*args, **kwargs):
        source = str(args[0]) if args and isinstance(args[0], (str, Path)) else None
        try:
            with deadline(limits.current().time_limit, source):
                return function(*args, **kwargs)
        except Exception as error:
            raise translate(error, source) from error

    return guarded


@contextmanager
def deadline(seconds: float, source: str | None) -> Iterator[None]:
    """Stop the work inside with ``ExtractionTimeout`` after ``seconds``.

    Uses SIGALRM (Unix, main thread only). Nested deadlines keep the sooner one:
    an inner call under an outer deadline leaves the outer timer running.
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    running, _ = signal.getitimer(signal.ITIMER_REAL)
    if running and running <= seconds:
        yield
        return

    def expire(signum, frame):
        raise ExtractionTimeout(
            f"stopped after {seconds:g} s (CWS_TIME_LIMIT); split the file or raise the limit", source
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= _MESSAGE_LENGTH else text[: _MESSAGE_LENGTH - 1] + "…"
