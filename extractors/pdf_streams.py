"""A PDF's compressed streams measured before any reader inflates them, so that
a small file cannot make a backend unpack gigabytes (a "Flate bomb").

Each ``stream`` keyword of the file is followed by its data; where that data is
Flate (zlib), it is inflated in bounded steps and thrown away, counting bytes,
until it ends or passes the limit. Data that is not zlib stops at once.
"""

from __future__ import annotations

import re
import zlib

from pipeline.errors import TooLarge

_STREAM_START = re.compile(rb"stream(?:\r\n|\n|\r)")  # a literal first: searched fast, unlike a look-behind
_CHUNK = 1 << 16  # compressed bytes fed at a time
_STEP = 1 << 20  # inflated bytes produced at a time


def refuse_stream_bombs(data: bytes, name: str, limit: int) -> None:
    """Raise ``TooLarge`` if any Flate stream of ``data`` inflates past ``limit`` bytes."""
    view = memoryview(data)
    for match in _STREAM_START.finditer(data):
        if data[max(match.start() - 3, 0) : match.start()] == b"end":
            continue
        size = inflated_size(view, match.end(), limit)
        if size > limit:
            raise TooLarge(
                f"a compressed stream at byte {match.end()} inflates past {limit // 2**20} MB; refusing", name
            )


def inflated_size(data: memoryview, start: int, limit: int) -> int:
    """How many bytes the zlib data at ``start`` inflates to, counted up to just
    past ``limit``; 0 where the bytes are not zlib."""
    inflater = zlib.decompressobj()
    total = 0
    position = start
    try:
        while total <= limit and not inflater.eof:
            if inflater.unconsumed_tail:
                piece = inflater.decompress(inflater.unconsumed_tail, _STEP)
            elif position < len(data):
                piece = inflater.decompress(data[position : position + _CHUNK], _STEP)
                position += _CHUNK
            else:
                break
            total += len(piece)
    except zlib.error:  # not Flate data, or damaged: the reader will say so
        pass
    return total
