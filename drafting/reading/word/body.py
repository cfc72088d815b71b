"""The body of a Word document as the paragraphs a reader sees on the page.

Walks word/document.xml in order, tables and content controls included, and
produces drafting.reading.structure.SourceParagraph lines: the text Word shows
(tracked changes accepted: w:ins in, w:del out; field results, not field
codes; hidden text and text boxes left out), the automatic numbering label
in front (drafting.reading.word.autonumber), and a heading level from w:outlineLvl,
the style's outline level or its name (标题 1, Heading 2), or "一、"/"（一）"
numbering. Table-of-contents lines are dropped. It is separate from
drafting.reading.word.reader, which opens the file and turns these paragraphs into a
report, because this is the one part that knows WordprocessingML's paragraph
and run model; it only ever sees trees drafting.reading.word.safety has parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from drafting.numbering import parse_numbering
from drafting.reading.structure import SourceParagraph
from drafting.reading.word.autonumber import Numbering, ParagraphStyle, StyleChain, style_chain, to_int, w_val
from drafting.reading.word.safety import W

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees that add nothing to a paragraph's visible text: deletions, text boxes (paragraphs of their
# own), field codes, note and comment marks, mc:AlternateContent's fallback copy (the choice is read),
# paragraph and run properties, ruby guide text and symbol-font characters.
_SKIP_SUBTREES = {W + "del", W + "moveFrom", W + "txbxContent", W + "instrText", W + "delText",
                  W + "commentReference", W + "footnoteReference", W + "endnoteReference", _MC_FALLBACK,
                  W + "pPr", W + "rPr", W + "rt", W + "sym"}
_TOC_STYLE = re.compile(r"^(toc|目录)\s*\d", re.IGNORECASE)
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_LEAVES = {W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen"}


@dataclass
class BodyReader:
    """Reads the body in document order into SourceParagraphs, numbering labels included."""

    styles: dict[str, ParagraphStyle]
    numbering: Numbering
    paragraphs: list[SourceParagraph] = field(default_factory=list)
    blank_before: bool = False
    dropped_toc: int = 0
    carried: str = ""  # text of a paragraph whose mark was deleted (tracked), waiting for the next one
    _chains: dict[str | None, StyleChain] = field(default_factory=dict)

    def add(self, text: str, level: int | None) -> None:
        text = text.strip().replace("\u00a0", " ")
        if not text:
            self.blank_before = True
            return
        self.paragraphs.append(SourceParagraph(text, len(self.paragraphs) + 1, 1, level, self.blank_before))
        self.blank_before = False

    def paragraph(self, element: etree._Element, in_table: bool = False) -> list[str]:
        """Read one w:p: its label and text lines; adds them unless in a table (then returns them)."""
        ppr = element[0] if len(element) and element[0].tag == W + "pPr" else element.find(W + "pPr")
        props = {child.tag: child for child in ppr} if ppr is not None else {}
        style = props.get(W + "pStyle")
        style_id = style.get(W + "val") if style is not None else None
        chain = self._chains.get(style_id)
        if chain is None:
            chain = self._chains[style_id] = style_chain(self.styles, style_id)
        if chain and _TOC_STYLE.match(chain[0][1].name):
            self.dropped_toc += 1
            return []
        label = self._label(props.get(W + "numPr"), chain)
        text = self.carried + _paragraph_text(element)
        self.carried = ""
        mark = props.get(W + "rPr")
        if mark is not None and mark.find(W + "del") is not None and not in_table:
            # The paragraph mark itself was deleted: accepted, this text runs on into the next paragraph.
            self.carried = text if not text.strip() else label + text
            return []
        outline = props.get(W + "outlineLvl")
        level = self._level(outline.get(W + "val") if outline is not None else None, chain, label + text)
        # A line break inside a heading is layout; in body text it may separate a signature from its date.
        lines = [text.replace("\n", "")] if level else text.split("\n")
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None:
            lines[first] = label + lines[first]
        if in_table:
            return lines
        for index, line in enumerate(lines):
            self.add(line, level if index == 0 else None)
        return lines

    def _label(self, numpr: etree._Element | None, chain: StyleChain) -> str:
        if numpr is not None:
            num_id = w_val(numpr, "numId")
            if num_id in (None, "0"):
                return ""
            return self.numbering.label(num_id, to_int(w_val(numpr, "ilvl"), 0) or 0)
        for style_id, style in chain:
            if style.num_id:
                return "" if style.num_id == "0" else self.numbering.label(style.num_id, style.ilvl)
            if style_id in self.numbering.style_links:
                return self.numbering.label(*self.numbering.style_links[style_id])
        return ""

    @staticmethod
    def _level(outline_value: str | None, chain: StyleChain, text: str) -> int | None:
        numbering = parse_numbering(text.strip())
        if numbering is not None and numbering.style in ("cn_dun", "cn_paren"):
            # "一、" and "（一）" say their level outright, whatever outline level the style carries.
            return numbering.standard_level
        outline = to_int(outline_value)
        for _, style in chain:
            if outline is not None:
                break
            outline = style.outline
            match = _HEADING_STYLE.match(style.name)
            if outline is None and match:
                outline = int(match.group(1)) - 1
        if outline is None or not 0 <= outline <= 8:
            return None  # 9 is "body text": let the numbering decide
        return min(outline + 1, 4)

    def table(self, element: etree._Element) -> None:
        """A table: one paragraph per cell paragraph in a one-column (layout) table, else one per row."""
        rows = [row for row in element.iter(W + "tr") if _owner_table(row) is element and not _row_deleted(row)]
        one_column = all(len(_cells(row)) <= 1 for row in rows)
        for row in rows:
            cells = _cells(row)
            if one_column:
                for cell in cells:
                    self.body(cell)
                continue
            texts = []
            for cell in cells:
                lines = [line.strip() for p in cell.iter(W + "p") for line in self.paragraph(p, in_table=True)]
                texts.append(" ".join(line for line in lines if line))
            self.add(" | ".join(texts), 0)

    def body(self, container: etree._Element) -> None:
        """Block-level content of the body or a table cell, in order (content controls opened)."""
        stack = list(reversed(list(container)))
        while stack:
            child = stack.pop()
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child)
            elif tag == W + "tbl":
                self.table(child)
            elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
                stack.extend(reversed(list(child)))


def _cells(row: etree._Element) -> list[etree._Element]:
    cells = []
    for child in row:
        if child.tag == W + "tc":
            cells.append(child)
        elif child.tag in (W + "sdt", W + "customXml"):
            cells.extend(child.iter(W + "tc"))
    return cells


def _row_deleted(row: etree._Element) -> bool:
    properties = row.find(W + "trPr")
    return properties is not None and properties.find(W + "del") is not None


def _owner_table(element: etree._Element) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != W + "tbl":
        parent = parent.getparent()
    return parent


def _hidden(run: etree._Element) -> bool:
    properties = run[0] if len(run) and run[0].tag == W + "rPr" else run.find(W + "rPr")
    vanish = properties.find(W + "vanish") if properties is not None else None
    return vanish is not None and vanish.get(W + "val") not in ("0", "false", "off")


def _paragraph_text(paragraph: etree._Element) -> str:
    """The text Word shows for a paragraph: insertions kept, deletions and field codes left out."""
    out: list[str] = []
    in_code: list[bool] = []  # complex fields: between "begin" and "separate" is the code, not the result
    stack = list(reversed(list(paragraph)))
    while stack:
        node = stack.pop()
        tag = node.tag
        if not isinstance(tag, str) or tag in _SKIP_SUBTREES:
            continue
        if tag == W + "fldChar":
            kind = node.get(W + "fldCharType")
            if kind == "begin":
                in_code.append(True)
            elif kind == "separate" and in_code:
                in_code[-1] = False
            elif kind == "end" and in_code:
                in_code.pop()
            continue
        if in_code and in_code[-1] and tag in _LEAVES:
            continue  # the field's code, not its result
        if tag == W + "t":
            out.append(node.text or "")
        elif tag == W + "tab" and node.getparent().tag == W + "r":
            out.append(" ")
        elif tag in (W + "br", W + "cr"):
            if node.get(W + "type") not in ("page", "column"):
                out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "p":
            continue  # a paragraph nested in something we do not read (shapes)
        elif tag == W + "r" and _hidden(node):
            continue  # hidden text (w:vanish) is not on the page
        else:
            stack.extend(reversed(list(node)))
    return "".join(out)
