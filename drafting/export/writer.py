"""Write a report as a GB/T 9704-2012 Word file (.docx).

The entry point of the Word writer (write_docx) and the document assembly:
title lines split by drafting.export.title_split, the addressee, headings with their
run-in body text, body paragraphs, and the signature block placed by
drafting.export.layout. Content is written with styles only, never with per-run
formatting. The blank page it is written into (page, grid, every style and
the page-number footers, all from templates/layout.yml) comes from
drafting.export.styles, and the raw XML python-docx has no proxy for from
drafting.export.oxml; those and this module are the only ones that import
python-docx for writing. The only state kept between calls is the styled
blank document of the layout in use, as bytes (see _new_document).
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles.style import BaseStyle, StyleFactory
from docx.text.paragraph import Paragraph

from drafting.data.outline import default_outline
from drafting.dates import standard_date
from drafting.errors import ExportError
from drafting.export.layout import Layout, load_layout, place_signature
from drafting.export.oxml import add_paragraph, add_run
from drafting.export.styles import setup_page, setup_styles, write_footers
from drafting.export.title_split import split_title, text_width
from drafting.files.atomic import atomic_write_bytes
from drafting.model import Block, Report
from drafting.numbering import parse_numbering, split_run_in, standard_prefix

logger = logging.getLogger(__name__)

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


# --------------------------------------------------------------------------- the blank document

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
    setup_page(document, layout)
    styles = setup_styles(document, layout)
    write_footers(document, layout, styles["page_number"])
    if _SKELETON and _SKELETON[0] is layout:  # the second time: keep it
        buffer = io.BytesIO()
        document.save(buffer)
        _SKELETON[2:] = [buffer.getvalue(), {key: style.style_id for key, style in styles.items()}]
    else:
        _SKELETON[:] = [layout, 1, None, None]
    return document, styles


# --------------------------------------------------------------------------- content


#: The longest last paragraph kept whole with the signature; a longer one may break across pages.
MOVED_WHOLE_LINES = 3


def _write_content(document: DocxDocument, report: Report, layout: Layout, styles: dict[str, BaseStyle]) -> None:
    signature_done = False
    # Statutory parts the outline allows to leave out (其他需要报告的情况): left out when empty.
    optional = {spec.id for spec in default_outline().statutory if not spec.required}
    dropped: list[int] = []  # numbers of the parts left out: later level-1 headings numbered above them move up
    for part in report.parts:
        blocks = [block for block in part.blocks if block.text.strip()]
        if part.id in optional and all(block.level == 1 for block in blocks):
            # 其他需要报告的情况 left empty is left out, never exported as a bare heading.
            numbering = parse_numbering(blocks[0].text.strip()) if blocks else None
            dropped.append(numbering.number if numbering and numbering.standard_level == 1 else 0)
            continue
        if dropped:
            blocks = [_renumbered(block, dropped) for block in blocks]
        if part.id == "title":
            _write_title(document, blocks, layout, styles)
        elif part.id == "addressee":
            for block in blocks:
                add_paragraph(document, block.text.strip(), styles["addressee"])
        elif part.id in ("signature", "date"):
            if not signature_done:
                _write_signature_block(document, report, layout, styles)
                signature_done = True
        else:
            for block in blocks:
                _write_block(document, block, styles)


def _renumbered(block: Block, dropped: list[int]) -> Block:
    """A level-1 heading numbered as if the dropped parts were never there (五、 → 四、)."""
    numbering = parse_numbering(block.text.strip()) if block.level == 1 else None
    if numbering is None or numbering.standard_level != 1:
        return block
    shift = sum(1 for number in dropped if 0 < number < numbering.number)
    if not shift:
        return block
    rest = block.text.strip()[len(numbering.prefix):]
    return Block(standard_prefix(1, numbering.number - shift) + rest, block.level)


def _write_title(document: DocxDocument, blocks: list[Block], layout: Layout, styles: dict[str, BaseStyle]) -> None:
    if not blocks:
        return
    rules = layout.title
    for block in blocks:
        for line in split_title(block.text.strip(), rules.max_line_chars, rules.break_before, rules.break_after,
                                rules.keep_together):
            add_paragraph(document, line, styles["title"])
    # One empty line between the title and what follows (GB/T 9704 7.3.3).
    _add_empty_line(document, styles["body"])


def _write_block(document: DocxDocument, block: Block, styles: dict[str, BaseStyle]) -> None:
    text = block.text.strip()
    if not block.is_heading:
        add_paragraph(document, text, styles["body"])
        return
    style = styles[f"heading{min(block.level, 4)}"]
    heading, rest = split_run_in(text)
    paragraph = add_paragraph(document, heading, style)
    if rest:  # text is stripped: anything after the 。 is body text
        add_run(paragraph, rest, styles["run_in_body"])


def _write_signature_block(
    document: DocxDocument, report: Report, layout: Layout, styles: dict[str, BaseStyle]
) -> None:
    """Signature and date per GB/T 9704 7.3.5.2 (no seal), in characters from the right margin.

    A joint report has one signature line per organisation, the lead one first, each ending
    where a single one would; the date is placed against the longest.
    """
    signatures = [line.strip() for line in report.signature.split("\n") if line.strip()]
    written = report.date_text.replace("\n", "").strip()
    date = standard_date(written) or written  # GB/T 9704: 2024年1月10日; anything else as written
    rules = layout.signature_block
    if not signatures and not date:
        return
    # The signature and date never stand alone on a page, yet the page before keeps its 22 lines
    # (GB/T 9704 7.3.5): only what must move moves. A short last paragraph goes over whole with
    # them (keep with next: LibreOffice moves a kept paragraph whole, whatever its length); a long
    # one may break across the pages, leaving at least two of its lines on each (widow/orphan control).
    content = [element for element in document.element.body if element.tag != qn("w:sectPr")]
    if content and content[-1].tag == qn("w:p"):
        last = Paragraph(content[-1], document)
        if _lines(last.text, layout) <= MOVED_WHOLE_LINES:
            last.paragraph_format.keep_with_next = True
        else:
            last.paragraph_format.widow_control = True
    for _ in range(rules.blank_lines_before):
        _add_empty_line(document, styles["body"]).paragraph_format.keep_with_next = True
    widest = max((text_width(line) for line in signatures), default=0)
    place = place_signature(widest, text_width(date), layout)
    pitch = layout.char_pitch_pt
    for index, line in enumerate(signatures):
        paragraph = add_paragraph(document, line, styles["signature"])
        paragraph.paragraph_format.right_indent = Pt(place.signature_right * pitch)
        paragraph.paragraph_format.keep_with_next = bool(date) or index < len(signatures) - 1
    if date:
        paragraph = add_paragraph(document, date, styles["date"])
        fmt = paragraph.paragraph_format
        if place.date_left is not None:
            # Placed by its first character, so the rule holds whatever the digits' width.
            fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
            fmt.left_indent = Pt(place.date_left)
        else:
            fmt.right_indent = Pt(place.date_right * pitch)


def _lines(text: str, layout: Layout) -> int:
    """About how many lines a body paragraph takes (its two-character indent included)."""
    per_line = layout.grid.chars_per_line
    return max(1, -(-round(2 + text_width(text)) // per_line))


def _add_empty_line(document: DocxDocument, style: BaseStyle) -> Paragraph:
    paragraph = add_paragraph(document, "", style)
    paragraph.paragraph_format.first_line_indent = Pt(0)
    return paragraph
