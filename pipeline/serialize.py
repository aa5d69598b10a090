"""The document as JSON and XML text, read back from either, and atomic writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lxml import etree
from pydantic import ValidationError

from pipeline.errors import InvalidOutput
from pipeline.model import Document
from pipeline.xmlcodec import from_element, to_element


def to_json(document: Document) -> str:
    """Indented JSON, fields in model order, ending in a newline."""
    return document.model_dump_json(indent=2) + "\n"


def to_xml(document: Document) -> bytes:
    """UTF-8 XML with a declaration, in the project namespace."""
    return etree.tostring(to_element(document), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def from_json(text: str | bytes, source: str | None = None) -> Document:
    """The document a JSON output describes; InvalidOutput when it does not fit the model."""
    try:
        return Document.model_validate_json(text)
    except ValidationError as error:
        raise InvalidOutput(_first_error(error), source) from None


def parse_xml(data: bytes, source: str | None = None) -> etree._Element:
    """The root element of ``data`` (no entity expansion, no network);
    InvalidOutput when it is not well-formed."""
    try:
        return etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise InvalidOutput(f"not well-formed XML: {error}", source) from None


def from_xml(data: bytes, source: str | None = None) -> Document:
    """The document an XML output describes; InvalidOutput when it is not one."""
    root = parse_xml(data, source)
    try:
        return from_element(root, Document)
    except ValidationError as error:
        raise InvalidOutput(_first_error(error), source) from None


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename, so a
    reader never sees a half-written file and a failure leaves the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes owner-only files
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(root)"
    return f"does not match the document model at {where}: {first['msg']} ({error.error_count()} error(s))"
