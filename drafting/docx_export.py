"""Write a report as a GB/T 9704-2012 Word file (.docx).

The only module that imports python-docx for writing. Page, grid and every
style come from templates/layout.yml (drafting.docx_layout); styles are Word's
built-in ones where they exist (正文, 标题, 标题 1-4, so a user restyling in
Chinese Word finds them) plus a few custom ones (主送机关, 发文机关署名,
成文日期, 页码, 标题后正文). Content is written with styles only, never with
per-run formatting. The XML python-docx has no proxy for (East Asian font
slot, document grid, character spacing, PAGE fields...) is written in one
commented helper section at the end. The only state kept between calls is
the styled blank document of the layout in use, as bytes (see _new_document).
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, StyleFactory
from docx.text.paragraph import Paragraph

from drafting.atomic import atomic_write_bytes
from drafting.docx_layout import Layout, StyleSpec, load_layout, place_signature
from drafting.errors import ExportError
from drafting.model import Block, Report
from drafting.title_split import split_title, text_width

logger = logging.getLogger(__name__)

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_RUN_IN_END = "。"


def write_docx(report: Report, path: Path, layout: Layout | None = None) -> None:
    """Build the Word file and save it atomically.

    Raises:
        ExportError: the file cannot be written (nothing is written then).
        DataFileError: templates/layout.yml is invalid.
    """
    path = Path(path)
    document = build_document(report, layout)
    buffer = io.BytesIO()
    document.save(buffer)
    try:
        atomic_write_bytes(path, buffer.getvalue())
    except FileNotFoundError:
        raise ExportError(f"无法写入“{path}”：所在文件夹不存在。请先创建该文件夹，或换一个保存位置。") from None
    except PermissionError:
        raise ExportError(
            f"没有权限写入“{path}”。如果该文件正在 Word 或 WPS 中打开，请先关闭；否则请换一个保存位置。"
        ) from None
    except IsADirectoryError:
        raise ExportError(f"“{path}”是文件夹。请写出完整的文件名，例如 报告.docx。") from None
    except OSError as exc:
        raise ExportError(f"无法写入“{path}”（{exc.strerror or exc}）。请换一个保存位置后再试。") from None
    logger.info("exported %s", path)


def build_document(report: Report, layout: Layout | None = None) -> DocxDocument:
    """The report as a python-docx Document, not yet saved."""
    layout = layout or load_layout()
    document, styles = _new_document(layout)
    _write_content(document, report, layout, styles)
    properties = document.core_properties
    properties.title = report.title
    properties.author = report.meta.org
    properties.last_modified_by = report.meta.org
    properties.comments = ""
    properties.language = "zh-CN"
    return document


# --------------------------------------------------------------------------- page and styles

#: The blank document of the layout in use: [layout, times built, .docx bytes, style ids by key].
_SKELETON: list = []


def _new_document(layout: Layout) -> tuple[DocxDocument, dict[str, BaseStyle]]:
    """A blank document with the layout's page, grid, styles and footers, and its styles by key.

    Defining every style and both footers costs as much as the rest of an export, so
    from the second export with the same layout on (the window's preview and export)
    the blank document is kept as bytes and reopened, which costs what
    docx.Document() costs. A one-shot CLI export builds it once and keeps nothing.
    Each call returns a new, independent document.
    """
    if _SKELETON and _SKELETON[0] is layout and _SKELETON[2] is not None:
        document = docx.Document(io.BytesIO(_SKELETON[2]))
        by_id = {element.styleId: element for element in document.styles.element.style_lst}
        return document, {key: StyleFactory(by_id[style_id]) for key, style_id in _SKELETON[3].items()}
    document = docx.Document()
    _setup_page(document, layout)
    styles = _setup_styles(document, layout)
    _write_footers(document, layout, styles["page_number"])
    if _SKELETON and _SKELETON[0] is layout:  # the second time: keep it
        buffer = io.BytesIO()
        document.save(buffer)
        _SKELETON[2:] = [buffer.getvalue(), {key: style.style_id for key, style in styles.items()}]
    else:
        _SKELETON[:] = [layout, 1, None, None]
    return document, styles


def _setup_page(document: DocxDocument, layout: Layout) -> None:
    page = layout.page
    section = document.sections[0]
    section.page_width = Mm(page.width_mm)
    section.page_height = Mm(page.height_mm)
    section.top_margin = Mm(page.margin_top_mm)
    section.bottom_margin = Mm(page.margin_bottom_mm)
    section.left_margin = Mm(page.margin_left_mm)
    section.right_margin = Mm(page.margin_right_mm)
    section.footer_distance = Mm(page.footer_distance_mm)
    section.header_distance = Mm(15)
    section.different_first_page_header_footer = False
    document.settings.odd_and_even_pages_header_footer = True
    _set_doc_grid(section._sectPr, layout)
    _set_east_asian_language(document)
    _drop_styles_with_effects(document)


def _setup_styles(document: DocxDocument, layout: Layout) -> dict[str, BaseStyle]:
    """Define every style once, from the layout; returns them by layout key."""
    by_name = _styles_by_name(document)
    styles = {key: _get_or_add_style(document, by_name, spec) for key, spec in layout.styles.items()}
    for style in styles.values():
        _reset_style(style)
    _drop_unused_styles(document, {style.style_id for style in styles.values()})
    _clean_theme_formatting(document, layout)
    for key, spec in layout.styles.items():
        _apply_style(styles[key], spec, layout)
    return styles


def _apply_style(style: BaseStyle, spec: StyleSpec, layout: Layout) -> None:
    font = style.font
    font.size = Pt(spec.size_pt)
    font.bold = spec.bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    _set_fonts(style.element.get_or_add_rPr(), spec.font, layout)
    if spec.size_pt == layout.grid.body_size_pt and layout.grid.char_spacing_pt:
        _set_char_spacing(style.element.get_or_add_rPr(), layout.grid.char_spacing_pt)
    _set_language(style.element.get_or_add_rPr())
    if spec.is_character:
        return
    fmt = style.paragraph_format
    fmt.alignment = _ALIGN[spec.align]
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if spec.line_spacing == "grid":
        fmt.line_spacing = Pt(layout.grid.line_pitch_pt)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.left_indent = Pt(0)
    fmt.right_indent = Pt(0)
    # Full pages of 22 lines: no widow/orphan control, headings may end a page.
    fmt.widow_control = False
    fmt.keep_with_next = False
    fmt.keep_together = False
    char_pt = _char_width(spec, layout)
    fmt.first_line_indent = Pt(spec.first_line_chars * char_pt)
    if spec.first_line_chars:
        _set_first_line_chars(style.element.get_or_add_pPr(), spec.first_line_chars)
    _set_snap_to_grid(style.element.get_or_add_pPr(), False)
    if spec.word_style.startswith("Heading "):
        _set_outline_level(style.element.get_or_add_pPr(), int(spec.word_style.split()[-1]) - 1)


def _char_width(spec: StyleSpec, layout: Layout) -> float:
    """One character of this style, for indents: a grid character for body-size text."""
    if spec.size_pt == layout.grid.body_size_pt:
        return layout.char_pitch_pt
    return spec.size_pt


# --------------------------------------------------------------------------- content


def _write_content(document: DocxDocument, report: Report, layout: Layout, styles: dict[str, BaseStyle]) -> None:
    signature_done = False
    for part in report.parts:
        blocks = [block for block in part.blocks if block.text.strip()]
        if part.id == "title":
            _write_title(document, blocks, layout, styles)
        elif part.id == "addressee":
            for block in blocks:
                _add_paragraph(document, block.text.strip(), styles["addressee"])
        elif part.id in ("signature", "date"):
            if not signature_done:
                _write_signature_block(document, report, layout, styles)
                signature_done = True
        else:
            for block in blocks:
                _write_block(document, block, styles)


def _write_title(document: DocxDocument, blocks: list[Block], layout: Layout, styles: dict[str, BaseStyle]) -> None:
    if not blocks:
        return
    rules = layout.title
    for block in blocks:
        for line in split_title(block.text.strip(), rules.max_line_chars, rules.break_before, rules.break_after,
                                rules.keep_together):
            _add_paragraph(document, line, styles["title"])
    # One empty line between the title and what follows (GB/T 9704 7.3.3).
    _add_empty_line(document, styles["body"])


def _write_block(document: DocxDocument, block: Block, styles: dict[str, BaseStyle]) -> None:
    text = block.text.strip()
    if not block.is_heading:
        _add_paragraph(document, text, styles["body"])
        return
    style = styles[f"heading{min(block.level, 4)}"]
    heading, rest = split_run_in(text)
    paragraph = _add_paragraph(document, heading, style)
    if rest:
        _add_run(paragraph, rest, styles["run_in_body"])


def split_run_in(text: str) -> tuple[str, str]:
    """A run-in heading's own words (up to its first 。) and the body text after them."""
    end = text.find(_RUN_IN_END)
    if end < 0 or not text[end + 1 :].strip():
        return text, ""
    return text[: end + 1], text[end + 1 :]


def _write_signature_block(
    document: DocxDocument, report: Report, layout: Layout, styles: dict[str, BaseStyle]
) -> None:
    """Signature and date per GB/T 9704 7.3.5.2 (no seal), in characters from the right margin."""
    signature = report.signature.replace("\n", "").strip()
    date = format_date(report.date_text.replace("\n", "").strip())
    rules = layout.signature_block
    for _ in range(rules.blank_lines_before):
        _add_empty_line(document, styles["body"])
    place = place_signature(text_width(signature), text_width(date), layout)
    pitch = layout.char_pitch_pt
    if signature:
        paragraph = _add_paragraph(document, signature, styles["signature"])
        paragraph.paragraph_format.right_indent = Pt(place.signature_right * pitch)
    if date:
        paragraph = _add_paragraph(document, date, styles["date"])
        fmt = paragraph.paragraph_format
        if place.date_left is not None:
            # Placed by its first character, so the rule holds whatever the digits' width.
            fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
            fmt.left_indent = Pt(place.date_left)
        else:
            fmt.right_indent = Pt(place.date_right * pitch)


_CN_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0, "O": 0}
_DATE_NUMERIC = re.compile(r"^[（(]?\s*(\d{4})\s*(?:年|[.．/\-])\s*(\d{1,2})\s*(?:月|[.．/\-])\s*(\d{1,2})\s*日?\s*[）)]?$")
_DATE_CHINESE = re.compile(r"^([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$")


def format_date(text: str) -> str:
    """A date as GB/T 9704 writes it: 2024年1月10日 (Arabic numerals, no leading zeros).

    Anything that is not recognisably a date is returned unchanged.
    """
    plain = text.translate(str.maketrans("０１２３４５６７８９", "0123456789")).strip()
    match = _DATE_NUMERIC.match(plain)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DATE_CHINESE.match(plain.replace(" ", ""))
        if not match:
            return text
        year = int("".join(str(_CN_DIGITS[ch]) for ch in match.group(1)))
        month, day = _chinese_number(match.group(2)), _chinese_number(match.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return text
    return f"{year}年{month}月{day}日"


def _chinese_number(text: str) -> int:
    """一 .. 三十一 as an int."""
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _add_empty_line(document: DocxDocument, style: BaseStyle) -> Paragraph:
    paragraph = _add_paragraph(document, "", style)
    paragraph.paragraph_format.first_line_indent = Pt(0)
    return paragraph


def _write_footers(document: DocxDocument, layout: Layout, style: BaseStyle) -> None:
    """Page numbers "— N —": odd pages on the right, even pages on the left, each one character in."""
    section = document.sections[0]
    edge = Pt(layout.page_number.edge_chars * layout.styles["page_number"].size_pt)
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = style
        fmt = paragraph.paragraph_format
        fmt.alignment = align
        fmt.first_line_indent = Pt(0)
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = edge
        else:
            fmt.left_indent = edge
        paragraph.add_run(layout.page_number.prefix)
        _add_page_field(paragraph)
        paragraph.add_run(layout.page_number.suffix)


# --------------------------------------------------------------------------- raw OOXML helpers
# python-docx has no proxy for the following; each helper writes one element the
# way Word itself writes it. Keep every such tweak here.


def _add_paragraph(document: DocxDocument, text: str, style: BaseStyle) -> Paragraph:
    """``document.add_paragraph(text, style)`` without its scan of every style to find the
    default one (about 1 ms a paragraph, most of the export time): the style id is set directly.
    """
    paragraph = document.add_paragraph(text)
    if not style.element.default:
        paragraph._p.get_or_add_pPr().style = style.style_id
    return paragraph


def _add_run(paragraph: Paragraph, text: str, style: BaseStyle) -> None:
    """``paragraph.add_run(text, style)`` with the character style id set directly (see above)."""
    run = paragraph.add_run(text)
    run._r.get_or_add_rPr().style = style.style_id


def _styles_by_name(document: DocxDocument) -> dict:
    """Style elements by internal name, in one pass: python-docx scans them all on every lookup."""
    name_tag, val = qn("w:name"), qn("w:val")
    result = {}
    for element in document.styles.element.iterchildren(qn("w:style")):
        name = element.find(name_tag)
        if name is not None:
            result[name.get(val)] = element
    return result


def _get_or_add_style(document: DocxDocument, by_name: dict, spec: StyleSpec) -> BaseStyle:
    if spec.is_builtin:
        element = by_name.get(BabelFish.ui2internal(spec.word_style))
        if element is None:
            raise ExportError(f"Word 模板中没有内置样式“{spec.word_style}”，请检查 templates/layout.yml。")
        return StyleFactory(element)
    element = by_name.get(spec.name)
    if element is None:
        kind = WD_STYLE_TYPE.CHARACTER if spec.is_character else WD_STYLE_TYPE.PARAGRAPH
        element = document.styles.element.add_style_of_type(spec.name, kind, False)
    element.styleId = spec.style_id
    if not spec.is_character:
        element.basedOn_val = "Normal"
    style = StyleFactory(element)
    style.quick_style = True
    return style


def _reset_style(style: BaseStyle) -> None:
    """Start from nothing: the default template's styles carry theme fonts, colours, borders, bold.

    The link to a "标题 1 字符"-style twin goes too: the template's twin keeps its own
    (bold, 14 pt) look, and Word would show it for character formatting.
    """
    style.element._remove_pPr()
    style.element._remove_rPr()
    for link in style.element.findall(qn("w:link")):
        style.element.remove(link)


def _set_doc_grid(sect_pr, layout: Layout) -> None:  # type: ignore[no-untyped-def]
    """<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"/>: Word's 22 × 28 grid."""
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(layout.grid.line_pitch_twips))
    grid.set(qn("w:charSpace"), str(layout.char_space))


def _set_east_asian_language(document: DocxDocument) -> None:
    """Document defaults without theme fonts, in zh-CN; the theme language in settings too."""
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")


def _drop_unused_styles(document: DocxDocument, used_ids: set[str]) -> None:
    """Keep only the styles this document defines, the defaults and what they are based on.

    python-docx's template carries about 160 styles (mostly table styles) in 330 KB of
    XML; without them Word lists only the report's own styles, and saving is faster.
    """
    root = document.styles.element
    style_tag, style_id, default = qn("w:style"), qn("w:styleId"), qn("w:default")
    elements = list(root.iterchildren(style_tag))
    keep = set(used_ids)
    for element in elements:
        if element.get(default) in ("1", "true", "on") or element.get(style_id) in used_ids:
            keep.add(element.get(style_id))
            for link in element.iterchildren(qn("w:basedOn"), qn("w:next")):
                keep.add(link.get(qn("w:val")))
    for element in elements:
        if element.get(style_id) not in keep:
            root.remove(element)


def _drop_styles_with_effects(document: DocxDocument) -> None:
    """Leave out python-docx's stylesWithEffects.xml, a Word 2010 copy of the template's styles
    with their theme fonts: Word 2010 may read it, and the styles defined here must be the only ones.
    """
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(r_id)
    # Also the template's thumbnail (a picture of python-docx's blank page, not of this report).
    package_rels = part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            package_rels.pop(r_id)


def _clean_theme_formatting(document: DocxDocument, layout: Layout) -> None:
    """Remove theme fonts and colours everywhere in styles.xml, then set explicit document defaults.

    python-docx's default template uses asciiTheme/eastAsiaTheme attributes and
    theme colours; Word lets a theme attribute win over an explicit font name.
    """
    styles_el = document.styles.element
    for fonts in styles_el.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
    for color in list(styles_el.iter(qn("w:color"))):
        color.getparent().remove(color)
    body = layout.styles["body"]
    defaults = styles_el.find(qn("w:docDefaults"))
    r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    for child in list(r_pr):
        r_pr.remove(child)
    _set_fonts(r_pr, body.font, layout)
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), str(round(body.size_pt * 2)))
        r_pr.append(size)
    _set_language(r_pr)
    p_pr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
    for child in list(p_pr):
        p_pr.remove(child)
    _set_snap_to_grid(p_pr, False)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), str(layout.grid.line_pitch_twips))
    spacing.set(qn("w:lineRule"), "exact")
    p_pr.append(spacing)


def _set_fonts(r_pr, font: str, layout: Layout) -> None:  # type: ignore[no-untyped-def]
    """Explicit w:rFonts: the Chinese font in the eastAsia slot (font.name alone does not set it)."""
    latin = layout.latin_font if layout.latin_times_new_roman else font
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    fonts.attrib.clear()
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:cs"), latin)
    # Characters both scripts share (“ ” — …) take the Chinese font, full width, as in typed reports.
    fonts.set(qn("w:hint"), "eastAsia")


def _set_language(r_pr) -> None:  # type: ignore[no-untyped-def]
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        _insert_in_order(r_pr, lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")


def _set_char_spacing(r_pr, points: float) -> None:  # type: ignore[no-untyped-def]
    """<w:spacing w:val="-5"/> in a run's properties: condensed by 0.25 pt per character."""
    spacing = r_pr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        _insert_in_order(r_pr, spacing)
    spacing.set(qn("w:val"), str(round(points * 20)))


def _set_snap_to_grid(p_pr, snap: bool) -> None:  # type: ignore[no-untyped-def]
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
        _insert_in_order(p_pr, element)
    element.set(qn("w:val"), "1" if snap else "0")


def _set_first_line_chars(p_pr, chars: float) -> None:  # type: ignore[no-untyped-def]
    """w:ind/@w:firstLineChars (hundredths of a character): Word indents by grid characters."""
    ind = p_pr.find(qn("w:ind"))
    if ind is None:
        ind = p_pr.get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(round(chars * 100)))


def _set_outline_level(p_pr, level: int) -> None:  # type: ignore[no-untyped-def]
    """<w:outlineLvl w:val="0"/> keeps headings in Word's navigation pane."""
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    _insert_in_order(p_pr, outline)


# Schema order of the children we add (CT_RPr and CT_PPr are sequences; Word rejects disorder).
_ORDER = {
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


_RANKS = {parent: {qn(tag): rank for rank, tag in enumerate(tags)} for parent, tags in _ORDER.items()}


def _insert_in_order(parent, child) -> None:  # type: ignore[no-untyped-def]
    ranks = _RANKS[parent.tag]
    rank = ranks[child.tag]
    for index, existing in enumerate(parent):
        if ranks.get(existing.tag, -1) > rank:
            parent.insert(index, child)
            return
    parent.append(child)


def _add_page_field(paragraph: Paragraph) -> None:
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
