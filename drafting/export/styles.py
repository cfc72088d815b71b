"""The blank GB/T 9704 page of the Word writer: page, grid, styles and footers from the layout.

drafting.export.writer writes the report's content with styles only, never with
per-run formatting; this module prepares what that content is written into:
the page size, margins and 22 × 28 grid, every style of templates/layout.yml
(Word's built-in 正文, 标题, 标题 1-4 where they exist, so a user restyling in
Chinese Word finds them, plus 主送机关, 发文机关署名, 成文日期, 页码, 标题后正文),
and the odd/even page-number footers. It is separate because it is the part
that fights python-docx's default template (theme fonts and colours, 160 unused
styles, stylesWithEffects.xml, a thumbnail) and depends on nothing in the
report; docx_export builds it once per layout and keeps it as bytes.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, StyleFactory

from drafting.errors import ExportError
from drafting.export.layout import Layout, StyleSpec
from drafting.export.oxml import (
    add_page_field,
    set_char_spacing,
    set_doc_grid,
    set_first_line_chars,
    set_fonts,
    set_language,
    set_outline_level,
    set_snap_to_grid,
)

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


# --------------------------------------------------------------------------- page


def setup_page(document: DocxDocument, layout: Layout) -> None:
    """Page size, margins, footer distance, odd/even footers and the document grid."""
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
    set_doc_grid(section._sectPr, layout.grid.line_pitch_twips, layout.char_space)
    _set_east_asian_language(document)
    _drop_styles_with_effects(document)


def write_footers(document: DocxDocument, layout: Layout, style: BaseStyle) -> None:
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
        add_page_field(paragraph)
        paragraph.add_run(layout.page_number.suffix)


def _set_east_asian_language(document: DocxDocument) -> None:
    """Document defaults without theme fonts, in zh-CN; the theme language in settings too."""
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")


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


# --------------------------------------------------------------------------- styles


def setup_styles(document: DocxDocument, layout: Layout) -> dict[str, BaseStyle]:
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
    set_fonts(style.element.get_or_add_rPr(), spec.font, _latin_font(spec.font, layout))
    if spec.size_pt == layout.grid.body_size_pt and layout.grid.char_spacing_pt:
        set_char_spacing(style.element.get_or_add_rPr(), layout.grid.char_spacing_pt)
    set_language(style.element.get_or_add_rPr())
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
        set_first_line_chars(style.element.get_or_add_pPr(), spec.first_line_chars)
    set_snap_to_grid(style.element.get_or_add_pPr(), False)
    if spec.word_style.startswith("Heading "):
        set_outline_level(style.element.get_or_add_pPr(), int(spec.word_style.split()[-1]) - 1)


def _char_width(spec: StyleSpec, layout: Layout) -> float:
    """One character of this style, for indents: a grid character for body-size text."""
    if spec.size_pt == layout.grid.body_size_pt:
        return layout.char_pitch_pt
    return spec.size_pt


def _latin_font(font: str, layout: Layout) -> str:
    """The font for Latin letters and digits: Times New Roman when the layout asks for it, else the style's."""
    return layout.latin_font if layout.latin_times_new_roman else font


def _styles_by_name(document: DocxDocument) -> dict[str, BaseOxmlElement]:
    """Style elements by internal name, in one pass: python-docx scans them all on every lookup."""
    name_tag, val = qn("w:name"), qn("w:val")
    result = {}
    for element in document.styles.element.iterchildren(qn("w:style")):
        name = element.find(name_tag)
        if name is not None:
            result[name.get(val)] = element
    return result


def _get_or_add_style(document: DocxDocument, by_name: dict[str, BaseOxmlElement], spec: StyleSpec) -> BaseStyle:
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
    set_fonts(r_pr, body.font, _latin_font(body.font, layout))
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), str(round(body.size_pt * 2)))
        r_pr.append(size)
    set_language(r_pr)
    p_pr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
    for child in list(p_pr):
        p_pr.remove(child)
    set_snap_to_grid(p_pr, False)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), str(layout.grid.line_pitch_twips))
    spacing.set(qn("w:lineRule"), "exact")
    p_pr.append(spacing)
