"""Paragraph styles of a DOCX package (styles.xml): properties through ``basedOn``."""

from __future__ import annotations

from lxml import etree

from pipeline.limits import read_int

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAX_CHAIN = 20  # a basedOn chain this long is a loop in a damaged file


def w_val(element: etree._Element | None, default: str | None = None) -> str | None:
    """The ``w:val`` attribute of ``element``, or ``default`` when either is missing."""
    if element is None:
        return default
    return element.get(f"{W}val", default)


def w_int(element: etree._Element | None, default: int, attribute: str = "val") -> int:
    """An integer attribute (``w:val`` by default); ``default`` when missing,
    malformed or longer than the digit limit."""
    raw = None if element is None else element.get(f"{W}{attribute}")
    if raw is None:
        return default
    raw = raw.strip()
    sign = -1 if raw.startswith("-") else 1
    value = read_int(raw[1:] if sign < 0 else raw)
    return default if value is None else sign * value


def w_on(element: etree._Element | None) -> bool:
    """Whether an on/off property (``w:vanish``, ``w:isLgl``…) is present and not switched off."""
    return element is not None and w_val(element, "true") not in ("0", "false", "off")


def heading_level(outline: etree._Element) -> int | None:
    """The 0-based heading level a ``w:outlineLvl`` gives; None for 9 (body text)."""
    level = w_int(outline, 9)
    return level if level < 9 else None


class Styles:
    """Styles by id (paragraph and numbering styles), with lookups that follow
    the ``basedOn`` chain."""

    def __init__(self, root: etree._Element | None):
        self.by_id: dict[str, etree._Element] = {}
        self.default: str | None = None
        if root is None:
            return
        for style in root.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            self.by_id[style_id] = style
            paragraph = style.get(f"{W}type", "paragraph") == "paragraph"
            if paragraph and style.get(f"{W}default") in ("1", "true", "on"):
                self.default = style_id

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and the styles it is based on, nearest first."""
        found: list[etree._Element] = []
        current = style_id if style_id in self.by_id else self.default
        while current in self.by_id and len(found) < _MAX_CHAIN:
            style = self.by_id[current]
            if style in found:
                break
            found.append(style)
            current = w_val(style.find(f"{W}basedOn"))
        return found

    def find(self, style_id: str | None, path: str) -> tuple[etree._Element, str] | None:
        """The first element at ``path`` (under the style element) along the chain,
        with the id of the style that holds it."""
        for style in self.chain(style_id):
            element = style.find(path)
            if element is not None:
                return element, style.get(f"{W}styleId")
        return None

    def outline_level(self, style_id: str | None) -> int | None:
        """The heading level (0-based outline level) the style gives, if any."""
        found = self.find(style_id, f"{W}pPr/{W}outlineLvl")
        if found is not None:
            return heading_level(found[0])
        for style in self.chain(style_id):
            name = (w_val(style.find(f"{W}name")) or "").lower()
            number = read_int(name[8:]) if name.startswith("heading ") else None
            if number:
                return number - 1
        return None
