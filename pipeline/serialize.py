"""The document as JSON and XML text, read back from either, and atomic writes."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import CwsError, InvalidOutput

if TYPE_CHECKING:
    from lxml import etree
    from pydantic import ValidationError

    from pipeline.model import Document

# Temporary files of write_atomic: ".cws-<pid>-<random>.tmp", short whatever the
# target's name, and tied to the process that writes them (see remove_stale_temporaries).
TEMPORARY_PREFIX = ".cws-"
TEMPORARY_SUFFIX = ".tmp"


class UnwritableOutput(CwsError):
    """The output path cannot be written: a folder, under a file, read-only, too long."""

    kind = "unwritable"


def to_json(document: Document) -> bytes:
    """Indented UTF-8 JSON, fields in model order, ending in a newline. Bytes
    straight from the serializer: a text string of a long document would hold
    up to four bytes a character, and one more copy to encode it for writing."""
    return document.__pydantic_serializer__.to_json(document, indent=2) + b"\n"


def to_xml(document: Document) -> bytes:
    """UTF-8 XML with a declaration, in the project namespace."""
    from lxml import etree

    from pipeline.xmlcodec import to_element

    return etree.tostring(to_element(document), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def json_text(data: str | bytes, source: str | None = None) -> str:
    """The text of a JSON file: UTF-8, a leading byte-order mark ignored (as RFC 8259
    allows), so ``validate``, ``refs`` and ``diff`` accept and refuse the same files."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidOutput(f"not UTF-8 (byte {error.start}): not one of our JSON outputs", source) from None


def parse_json(data: str | bytes, source: str | None = None) -> object:
    """The JSON value of ``data``; InvalidOutput for anything that is not plain JSON
    (syntax, a number too long to convert, nesting deeper than the parser's stack)."""
    try:
        return json.loads(json_text(data, source))
    except json.JSONDecodeError as error:
        raise InvalidOutput(f"not JSON: {error}", source) from None
    except ValueError as error:  # an integer beyond Python's conversion limit
        raise InvalidOutput("not a JSON output of ours: a number with more than 4,300 digits", source) from None
    except RecursionError:
        raise InvalidOutput("not a JSON output of ours: nested too deeply", source) from None


def from_json(data: str | bytes, source: str | None = None) -> Document:
    """The document a JSON output describes; InvalidOutput when it does not fit the model."""
    from pydantic import ValidationError

    from pipeline.model import Document

    try:
        return Document.model_validate_json(json_text(data, source))
    except ValidationError as error:
        raise InvalidOutput(_first_error(error), source) from None


def parse_xml(data: bytes, source: str | None = None) -> etree._Element:
    """The root element of ``data`` (no entity expansion, no network); InvalidOutput
    when it is not well-formed or has a DOCTYPE (our outputs have none, and a DTD is
    where entities come from)."""
    from lxml import etree

    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise InvalidOutput(f"not well-formed XML: {error}", source) from None
    if root.getroottree().docinfo.doctype:
        raise InvalidOutput("XML with a DOCTYPE (DTD or entities) is not one of our outputs", source)
    return root


def from_xml(data: bytes, source: str | None = None) -> Document:
    """The document an XML output describes; InvalidOutput when it is not one."""
    from pydantic import ValidationError

    from pipeline.model import Document
    from pipeline.xmlcodec import from_element

    root = parse_xml(data, source)
    try:
        return from_element(root, Document)
    except ValidationError as error:
        raise InvalidOutput(_first_error(error), source) from None


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename, so a
    reader never sees a half-written file and a failure leaves the old one.

    Raises UnwritableOutput when the path cannot be written."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.is_dir():
            raise UnwritableOutput("is a folder; give a file name (or - for stdout)", str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f"{TEMPORARY_PREFIX}{os.getpid()}-", suffix=TEMPORARY_SUFFIX
        )
    except OSError as error:
        raise UnwritableOutput(_why_unwritable(error, path.parent), str(path)) from None
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes owner-only files
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise UnwritableOutput(_why_unwritable(error, path), str(path)) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete the temporary files under ``folder`` left by a write_atomic whose
    process is gone (killed mid-write); those of live processes stay."""
    removed = []
    for candidate in Path(folder).rglob(f"{TEMPORARY_PREFIX}*{TEMPORARY_SUFFIX}"):
        pid = candidate.name.removeprefix(TEMPORARY_PREFIX).split("-", 1)[0]
        if pid.isdigit() and not _process_alive(int(pid)):
            candidate.unlink(missing_ok=True)
            removed.append(candidate)
    return removed


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def _why_unwritable(error: OSError, where: Path) -> str:
    reasons = {
        errno.ENOTDIR: "a part of the path is a file, not a folder",
        errno.EEXIST: "a part of the path is a file, not a folder",
        errno.EISDIR: "is a folder; give a file name",
        errno.ENAMETOOLONG: "the name is too long for the file system",
        errno.EACCES: f"no permission to write in {where}",
        errno.EPERM: f"no permission to write in {where}",
        errno.EROFS: f"{where} is on a read-only file system",
        errno.ENOENT: f"cannot create files in {where}",
        errno.ENOSPC: "no space left on the device",
    }
    return reasons.get(error.errno, f"cannot write: {error.strerror or error}")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(root)"
    return f"does not match the document model at {where}: {first['msg']} ({error.error_count()} error(s))"
