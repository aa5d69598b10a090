"""Word automatic numbering, rebuilt as Word prints it (numbering.xml).

A paragraph is numbered by a ``w:numPr`` (numId + ilvl) of its own or of its
paragraph style and the styles that style is ``basedOn``. A ``w:num`` points to a
``w:abstractNum`` whose ``w:lvl`` elements give each level's ``start``,
``numFmt`` and ``lvlText`` ("%1.%2." names the counters of levels 1 and 2).

The rules followed here, each tested in tests/test_docx_numbering.py:

- counters belong to the abstractNum, so two ``w:num`` on the same abstractNum
  continue one count;
- a ``w:lvlOverride/w:startOverride`` restarts its level at the given value the
  first time that ``w:num`` is used; a ``w:lvlOverride/w:lvl`` replaces the level;
- using a level restarts every deeper level (``w:lvlRestart`` can delay or
  prevent that: 0 means never);
- numId 0 removes numbering a style would give;
- a style named in a level's ``w:pStyle`` gets that level when its numPr has no ilvl;
- an abstractNum with ``w:numStyleLink`` takes its levels from the numbering style;
- formats: decimal, decimalZero, lowerLetter/upperLetter (a … z, aa …),
  lowerRoman/upperRoman, bullet (the symbol as printed), none; ``w:isLgl`` prints
  every counter in decimal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from extractors.bullets import SYMBOL_BULLETS
from extractors.docx_styles import W, Styles, w_int, w_on, w_val

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_MAX_LEVELS = 9
# Word's dialog takes a few dozen characters of number format; a label longer
# than this is damage, and the paragraph is read unnumbered.
_MAX_LABEL_LENGTH = 255
_PLACEHOLDER = re.compile(r"%([1-9])")  # "%2" in lvlText: the counter of level 2


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: 0 never; n after level n (1-based); None: any shallower level
    legal: bool = False
    style: str | None = None


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # startOverride by level
    levels: dict[int, Level] = field(default_factory=dict)  # whole-level overrides
    used: set[int] = field(default_factory=set)


def format_number(value: int, fmt: str) -> str:
    """``value`` in one of Word's number formats."""
    if value < 1 or (fmt.endswith("Letter") and value > 780) or (fmt.endswith("Roman") and value > 3999):
        return str(value)  # beyond what Word spells out in letters or roman numerals
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = ""
        rest = value
        for amount, digits in _ROMAN:
            while rest >= amount:
                roman += digits
                rest -= amount
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


def _level(element: etree._Element) -> Level:
    restart = element.find(f"{W}lvlRestart")
    text = w_val(element.find(f"{W}lvlText"), "")
    return Level(
        start=w_int(element.find(f"{W}start"), 1),
        fmt=w_val(element.find(f"{W}numFmt"), "decimal"),
        text=text,
        restart=None if restart is None else w_int(restart, 0),
        legal=w_on(element.find(f"{W}isLgl")),
        style=w_val(element.find(f"{W}pStyle")),
    )


class Numbering:
    """Numbering state of one document: call ``label`` on each paragraph in order."""

    def __init__(self, root: etree._Element | None, styles: Styles):
        self.styles = styles
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # abstractNum id -> numbering style it links to
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.iter(f"{W}abstractNum"):
            key = abstract.get(f"{W}abstractNumId")
            self.abstracts[key] = {w_int(lvl, 0, "ilvl"): _level(lvl) for lvl in abstract.iter(f"{W}lvl")}
            if (link := abstract.find(f"{W}numStyleLink")) is not None:
                self.links[key] = w_val(link)
        for num in root.iter(f"{W}num"):
            entry = _Num(abstract=w_val(num.find(f"{W}abstractNumId"), ""))
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = w_int(override, 0, "ilvl")
                if (start := override.find(f"{W}startOverride")) is not None:
                    entry.starts[ilvl] = w_int(start, 1)
                if (lvl := override.find(f"{W}lvl")) is not None:
                    entry.levels[ilvl] = _level(lvl)
            self.nums[num.get(f"{W}numId")] = entry

    def label(self, paragraph: etree._Element) -> tuple[str, int] | None:
        """The number Word prints before ``paragraph`` and its level (0-based), or None."""
        found = self._num_pr(paragraph)
        if found is None:
            return None
        num_id, ilvl = found
        num = self.nums.get(num_id)
        if num is None or not 0 <= ilvl < _MAX_LEVELS:
            return None
        abstract = self._abstract_id(num.abstract)
        levels = {**self.abstracts.get(abstract, {}), **num.levels}
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(abstract, {})
        if ilvl in num.starts and ilvl not in num.used:
            counters[ilvl] = num.starts[ilvl]
        else:
            counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else levels[ilvl].start
        num.used.add(ilvl)
        for deeper in [level for level in counters if level > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart and ilvl < restart):
                del counters[deeper]
        text = self._text(levels, counters, ilvl)
        return (text, ilvl) if len(text) <= _MAX_LABEL_LENGTH else None

    def _num_pr(self, paragraph: etree._Element) -> tuple[str, int] | None:
        ppr = paragraph.find(f"{W}pPr")
        own = ppr.find(f"{W}numPr") if ppr is not None else None
        style_id = w_val(ppr.find(f"{W}pStyle")) if ppr is not None else None
        num_id = w_val(own.find(f"{W}numId")) if own is not None else None
        ilvl = w_val(own.find(f"{W}ilvl")) if own is not None else None
        if num_id is None:
            inherited = self.styles.find(style_id, f"{W}pPr/{W}numPr/{W}numId")
            if inherited is None:
                return None
            num_id, holder = w_val(inherited[0]), inherited[1]
            if ilvl is None:
                style_ilvl = self.styles.find(style_id, f"{W}pPr/{W}numPr/{W}ilvl")
                ilvl = w_val(style_ilvl[0]) if style_ilvl else self._level_of_style(num_id, holder)
        if num_id in (None, "0"):
            return None
        try:
            return num_id, int(ilvl or 0)
        except ValueError:
            return None

    def _level_of_style(self, num_id: str, style_id: str) -> str:
        num = self.nums.get(num_id)
        levels = self.abstracts.get(self._abstract_id(num.abstract), {}) if num else {}
        return next((str(ilvl) for ilvl, level in levels.items() if level.style == style_id), "0")

    def _abstract_id(self, abstract: str) -> str:
        """Follow ``numStyleLink`` to the abstractNum that defines the levels."""
        link = self.links.get(abstract)
        if link is None:
            return abstract
        found = self.styles.find(link, f"{W}pPr/{W}numPr/{W}numId")
        num = self.nums.get(w_val(found[0])) if found else None
        return num.abstract if num and num.abstract != abstract else abstract

    @staticmethod
    def _text(levels: dict[int, Level], counters: dict[int, int], ilvl: int) -> str:
        level = levels[ilvl]
        if len(level.text) > _MAX_LABEL_LENGTH:
            return level.text  # too long to be a number format: not expanded
        if level.fmt == "bullet":
            return "".join(SYMBOL_BULLETS.get(ch, ch) for ch in level.text)

        def counter(placeholder: re.Match) -> str:
            index = int(placeholder.group(1)) - 1
            shown = levels.get(index, Level())
            fmt = "decimal" if level.legal and shown.fmt != "none" else shown.fmt
            return format_number(counters.get(index, shown.start), fmt)

        return _PLACEHOLDER.sub(counter, level.text)
