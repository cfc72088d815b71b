"""Raw OOXML for the Word writer: the elements python-docx has no proxy for.

drafting.export.writer and drafting.export.styles write a GB/T 9704 document through
python-docx, but a few things it needs exist only as XML: the East Asian font
slot of w:rFonts, the document grid, character spacing, snap-to-grid, outline
levels, PAGE fields, and paragraphs whose style id is set without python-docx's
style lookup. Each helper here writes one element the way Word itself writes it,
and takes plain values, not the layout, so this XML is kept in one place and
reviewed against the schema in one place (tests/drafting/test_docx_export.py
checks ORDER on every exported part). Word refuses a file whose property
children are out of the schema's sequence, hence insert_in_order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafting.model import xml_safe

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.section import CT_SectPr
    from docx.oxml.text.font import CT_RPr
    from docx.oxml.text.parfmt import CT_PPr
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.styles.style import BaseStyle
    from docx.text.paragraph import Paragraph


# --------------------------------------------------------------------------- fast paragraphs and runs


def add_paragraph(document: DocxDocument, text: str, style: BaseStyle) -> Paragraph:
    """``document.add_paragraph(text, style)`` without its scan of every style to find the
    default one (about 1 ms a paragraph, most of the export time): the style id is set directly.
    """
    paragraph = document.add_paragraph(xml_safe(text))  # a control character typed or pasted: left out
    if not style.element.default:
        paragraph._p.get_or_add_pPr().style = style.style_id
    return paragraph


def add_run(paragraph: Paragraph, text: str, style: BaseStyle) -> None:
    """``paragraph.add_run(text, style)`` with the character style id set directly (see above)."""
    run = paragraph.add_run(xml_safe(text))
    run._r.get_or_add_rPr().style = style.style_id


def add_page_field(paragraph: Paragraph) -> None:
    """A real PAGE field: fldChar begin, instrText PAGE, fldChar separate, a cached 1, fldChar end."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text


# --------------------------------------------------------------------------- section


def set_doc_grid(sect_pr: CT_SectPr, line_pitch_twips: int, char_space: int) -> None:
    """<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"/>: Word's 22 × 28 grid."""
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(line_pitch_twips))
    grid.set(qn("w:charSpace"), str(char_space))


# --------------------------------------------------------------------------- run properties (w:rPr)


def set_fonts(r_pr: CT_RPr, east_asian: str, latin: str) -> None:
    """Explicit w:rFonts: the Chinese font in the eastAsia slot (font.name alone does not set it)."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    fonts.attrib.clear()
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:cs"), latin)
    # Characters both scripts share (“ ” — …) take the Chinese font, full width, as in typed reports.
    fonts.set(qn("w:hint"), "eastAsia")


def set_language(r_pr: CT_RPr) -> None:
    """<w:lang>: East Asian text in zh-CN (Latin en-US, complex scripts ar-SA), as Chinese Word writes it."""
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        insert_in_order(r_pr, lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")


def set_char_spacing(r_pr: CT_RPr, points: float) -> None:
    """<w:spacing w:val="-5"/> in a run's properties: condensed by 0.25 pt per character."""
    spacing = r_pr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        insert_in_order(r_pr, spacing)
    spacing.set(qn("w:val"), str(round(points * 20)))


# --------------------------------------------------------------------------- paragraph properties (w:pPr)


def set_snap_to_grid(p_pr: CT_PPr, snap: bool) -> None:
    """<w:snapToGrid w:val="0"/>: lay characters out at their own (condensed) width.

    The section keeps its 22 × 28 linesAndChars grid (Word's 页面设置 shows it), but
    LibreOffice 7.4 puts a 16 pt character into two 15.79 pt grid cells when it
    snaps, giving 14 characters a line. Unsnapped, 16 pt minus the layout's
    character spacing gives 28 characters in both Word and LibreOffice, and the
    exact 28.95 pt line spacing keeps 22 lines a page.
    """
    element = p_pr.find(qn("w:snapToGrid"))
    if element is None:
        element = OxmlElement("w:snapToGrid")
        insert_in_order(p_pr, element)
    element.set(qn("w:val"), "1" if snap else "0")


def set_first_line_chars(p_pr: CT_PPr, chars: float) -> None:
    """w:ind/@w:firstLineChars (hundredths of a character): Word indents by grid characters."""
    ind = p_pr.find(qn("w:ind"))
    if ind is None:
        ind = p_pr.get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(round(chars * 100)))


def set_outline_level(p_pr: CT_PPr, level: int) -> None:
    """<w:outlineLvl w:val="0"/> keeps headings in Word's navigation pane."""
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    insert_in_order(p_pr, outline)


# --------------------------------------------------------------------------- schema order

# Schema order of the children we add (CT_RPr and CT_PPr are sequences; Word rejects disorder).
ORDER = {
    qn("w:rPr"): ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
                  "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
                  "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
                  "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
                  "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"),
    qn("w:pPr"): ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
                  "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
                  "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
                  "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                  "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
                  "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
                  "w:sectPr", "w:pPrChange"),
}


_RANKS = {parent: {qn(tag): rank for rank, tag in enumerate(tags)} for parent, tags in ORDER.items()}


def insert_in_order(parent: BaseOxmlElement, child: BaseOxmlElement) -> None:
    """Insert child before the first sibling the schema puts after it (append when there is none)."""
    ranks = _RANKS[parent.tag]
    rank = ranks[child.tag]
    for index, existing in enumerate(parent):
        if ranks.get(existing.tag, -1) > rank:
            parent.insert(index, child)
            return
    parent.append(child)
