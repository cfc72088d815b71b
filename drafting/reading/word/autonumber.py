"""Rebuild the automatic numbering Word shows, from styles.xml and numbering.xml.

A heading typed as "一、" is text, but one numbered by Word's 编号 button is
not: the document only says "list 3, level 0", and Word computes "一、" when
it lays the page out (python-docx does not). Numbering that comes with a
paragraph style (标题 1 linked to a list) is the same, so the paragraph
styles are read here too: their basedOn chain, the list they link to and the
outline level they give headings. drafting.reading.word.body asks Numbering.label for
each paragraph in document order. It is separate from the body reader
because it is a small interpreter of Word's list model (abstract lists,
instances, start overrides, counters that restart deeper levels, numFmt
styles) with no knowledge of paragraphs or text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from drafting.numbering import to_chinese_number
from drafting.reading.word.safety import W

_TIANGAN = "甲乙丙丁戊己庚辛壬癸"


@dataclass
class ParagraphStyle:
    """What a paragraph style in styles.xml says about levels and numbering."""

    name: str = ""
    based_on: str | None = None
    outline: int | None = None
    num_id: str | None = None
    ilvl: int = 0


#: A style and the styles it is based on, nearest first, as (styleId, style).
StyleChain = list[tuple[str, ParagraphStyle]]


#: Highest list number honoured: a start or override beyond it is clamped (a crafted
#: w:start="2000000000" must not make "aaaa…" letters hundreds of MB long).
MAX_LIST_NUMBER = 10_000


def _list_number(value: int | None, default: int | None = None) -> int | None:
    return default if value is None else min(max(value, 0), MAX_LIST_NUMBER)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""


@dataclass
class Numbering:
    """numbering.xml: list instances, their abstract definitions, and the running counters."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)  # (numId, ilvl) -> start
    style_links: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId -> (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> str:
        """The label Word shows for the next paragraph of this list at this level ("一、", "1）")."""
        abstract_id = self.nums.get(num_id)
        levels = self.abstract.get(abstract_id or "")
        if not levels or ilvl not in levels:
            return ""
        # Counters belong to the abstract list: two instances of one list continue each other
        # unless an instance overrides its start, which applies when that instance is first used.
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for (nid, lvl), start in self.overrides.items():
                if nid == num_id:
                    counters[lvl] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return ""

        def value(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            spec = levels.get(index, _Level())
            return format_number(counters.get(index, spec.start), spec.fmt)

        return re.sub(r"%([1-9])", value, level.text)


def format_number(value: int, fmt: str) -> str:
    """A list number in one of Word's numFmt styles (chineseCounting, decimal, lowerLetter...)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographDigital",
               "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseDigitalTenThousand"):
        return to_chinese_number(value) if 0 < value < 100 else str(value)
    if fmt == "ideographTraditional" and 0 < value <= len(_TIANGAN):
        return _TIANGAN[value - 1]
    if fmt in ("lowerLetter", "upperLetter") and 0 < value <= 26 * 4:  # beyond "zzzz": the number itself
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalEnclosedCircle" and 0 < value <= 20:
        return chr(0x2460 + value - 1)
    if fmt == "decimalFullWidth":
        return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, value = divmod(value, number)
        out += letters * count
    return out


# --------------------------------------------------------------------------- reading the parts


def w_val(element: etree._Element | None, tag: str) -> str | None:
    """The w:val of element's child w:<tag>, or None (no element, no child, no value)."""
    if element is None:
        return None
    child = element.find(W + tag)
    return None if child is None else child.get(W + "val")


def to_int(text: str | None, default: int | None = None) -> int | None:
    """An attribute as an int; default when absent or not a number (hand-edited files have both)."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def read_styles(root: etree._Element | None) -> dict[str, ParagraphStyle]:
    """The paragraph styles of styles.xml by styleId (none when the part is missing)."""
    styles: dict[str, ParagraphStyle] = {}
    if root is None:
        return styles
    for element in root.iter(W + "style"):
        if element.get(W + "type") not in (None, "paragraph"):
            continue
        ppr = element.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        styles[element.get(W + "styleId", "")] = ParagraphStyle(
            name=w_val(element, "name") or "",
            based_on=w_val(element, "basedOn"),
            outline=to_int(w_val(ppr, "outlineLvl")),
            num_id=w_val(numpr, "numId"),
            ilvl=to_int(w_val(numpr, "ilvl"), 0) or 0,
        )
    return styles


def read_numbering(root: etree._Element | None) -> Numbering:
    """The lists of numbering.xml, with counters at their start (empty when the part is missing)."""
    numbering = Numbering()
    if root is None:
        return numbering
    style_abstract: dict[str, tuple[str, int]] = {}
    for abstract in root.iter(W + "abstractNum"):
        abstract_id = abstract.get(W + "abstractNumId", "")
        levels: dict[int, _Level] = {}
        for lvl in abstract.iter(W + "lvl"):
            ilvl = to_int(lvl.get(W + "ilvl"), 0) or 0
            levels[ilvl] = _Level(_list_number(to_int(w_val(lvl, "start"), 1)) or 0, w_val(lvl, "numFmt") or "decimal",
                                  w_val(lvl, "lvlText") or "")
            style_id = w_val(lvl, "pStyle")
            if style_id:
                style_abstract[style_id] = (abstract_id, ilvl)
        numbering.abstract[abstract_id] = levels
    for num in root.iter(W + "num"):
        num_id = num.get(W + "numId", "")
        numbering.nums[num_id] = w_val(num, "abstractNumId") or ""
        for override in num.iter(W + "lvlOverride"):
            start = _list_number(to_int(w_val(override, "startOverride")))
            if start is not None:
                numbering.overrides[(num_id, to_int(override.get(W + "ilvl"), 0) or 0)] = start
    # A level linked to a style (w:pStyle) numbers that style's paragraphs through the first
    # list instance of its abstract list.
    first_num = {abstract_id: num_id for num_id, abstract_id in reversed(list(numbering.nums.items()))}
    for style_id, (abstract_id, ilvl) in style_abstract.items():
        if abstract_id in first_num:
            numbering.style_links[style_id] = (first_num[abstract_id], ilvl)
    return numbering


def style_chain(styles: dict[str, ParagraphStyle], style_id: str | None) -> StyleChain:
    """The style and those it is based on, nearest first; stops at 20 or at a loop (hostile files)."""
    chain: StyleChain = []
    while style_id and style_id in styles and len(chain) < 20 and style_id not in (s for s, _ in chain):
        chain.append((style_id, styles[style_id]))
        style_id = styles[style_id].based_on
    return chain
