"""Read a report from a Word or WPS file (.docx; .doc/.wps through LibreOffice).

The importer's entry points: read_docx_paragraphs and read_docx_report for a
.docx, read_ole_report for an OLE file (.doc/.wps converted by LibreOffice, a
password-protected .docx refused with a message), both looked up by
drafting.reading.sources.load_source. The work is in three modules:
drafting.reading.word.safety opens the zip and parses its XML, refusing hostile files
(zip bombs, DTDs and entity expansion, deep nesting, truncated or fake zips,
password-protected files) with a Chinese DocxImportError before much work is
done; drafting.reading.word.autonumber rebuilds the automatic numbering Word shows but
python-docx does not (numbering.xml, direct or linked to a style); and
drafting.reading.word.body reads the body's paragraphs in order, table rows included,
with heading levels, tracked changes accepted and field results; page headers,
footers, comments and text boxes are left out. Here the paragraphs become a
report (drafting.reading.recognise: cleaned, then the structure recognised), with the 发文字号 line taken out and
the signature found above the date. Never imports PySide6.
"""

from __future__ import annotations

import logging
import re
import tempfile
from pathlib import Path

from drafting.errors import DocxImportError, DraftingError
from drafting.model import Block, Part, Report
from drafting.reading.recognise import recognise
from drafting.reading.structure import SourceParagraph
from drafting.reading.word.autonumber import read_numbering, read_styles
from drafting.reading.word.body import BodyReader
from drafting.reading.word.safety import W, main_part, open_zip, parse_xml, read_member, refuse_non_word_ole

logger = logging.getLogger(__name__)

#: Seconds a .doc/.wps conversion may take.
CONVERT_TIMEOUT = 90.0


def read_docx_paragraphs(data: bytes, name: str = "Word 文件") -> list[SourceParagraph]:
    """The body paragraphs of a .docx, labels of automatic numbering included.

    Raises:
        DocxImportError: damaged, hostile, encrypted or not a Word document.
    """
    archive = open_zip(data, name)
    main = main_part(archive, name)
    document = parse_xml(read_member(archive, main, name) or b"", main, name)
    folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
    styles_xml = read_member(archive, folder + "styles.xml", name)
    numbering_xml = read_member(archive, folder + "numbering.xml", name)
    reader = BodyReader(
        styles=read_styles(parse_xml(styles_xml, "styles.xml", name) if styles_xml else None),
        numbering=read_numbering(parse_xml(numbering_xml, "numbering.xml", name) if numbering_xml else None),
    )
    body = document.find(W + "body")
    if body is None:
        raise DocxImportError(f"“{name}”中没有正文内容，无法导入。请用 Word 或 WPS 打开确认。")
    reader.body(body)
    if reader.dropped_toc:
        logger.info("left out %d table-of-contents lines", reader.dropped_toc)
    return reader.paragraphs


def read_docx_report(path: Path, data: bytes | None = None) -> Report:
    """A report from a .docx (what load_source uses for zip files)."""
    path = Path(path)
    if data is None:
        from drafting.reading.text_reader import read_source_bytes

        data = read_source_bytes(path)
    paragraphs = read_docx_paragraphs(data, path.name)
    if not paragraphs:
        raise DocxImportError(f"“{path.name}”中没有文字，无法导入。请确认选择的文件是否正确。")
    doc_number = _take_doc_number(paragraphs)
    report = recognise(paragraphs, name=path.name)
    if doc_number:
        report.settings.doc_number = doc_number
    _find_signature(report)
    return report


_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,16}\s*[〔［\[﹝(（]\s*\d{4}\s*[〕］\]﹞)）]\s*\d{1,4}\s*号$")


def _take_doc_number(paragraphs: list[SourceParagraph]) -> str:
    """Remove the 发文字号 line (国发〔2024〕11号) of the 版头: it is not part of the title or the text."""
    for index, para in enumerate(paragraphs[:6]):
        if _DOC_NUMBER.match(para.text):
            del paragraphs[index]
            if index < len(paragraphs):
                paragraphs[index].blank_before = paragraphs[index].blank_before or para.blank_before
            return para.text
    return ""


def _find_signature(report: Report) -> None:
    """A short unpunctuated line right above the date is the signature (国务院, 某某镇党委)."""
    if report.part("date") is None or report.part("signature") is not None:
        return
    index = report.parts.index(report.part("date"))
    if index == 0 or not report.parts[index - 1].blocks:
        return
    before = report.parts[index - 1]
    last = before.blocks[-1]
    text = last.text.strip()
    if last.level == 0 and 0 < len(text) <= 20 and not re.search(r"[。，、；：:,;！？!?\d]", text) \
            and len(before.blocks) > 1:
        before.blocks.pop()
        report.parts.insert(index, Part("signature", [Block(text, 0, source_line=last.source_line)]))
        if not report.meta.org:
            report.meta.org = text


def read_ole_report(path: Path, data: bytes) -> Report:
    """A .doc/.wps (through LibreOffice) or a password-protected .docx (refused with a message)."""
    path = Path(path)
    refuse_non_word_ole(data, path.name)
    from drafting.files import libreoffice

    if libreoffice.find_soffice() is None:
        raise DocxImportError(
            f"“{path.name}”是旧版 Word/WPS 格式（.doc/.wps），需要 LibreOffice 才能读取，但本机没有安装。"
            "请在 Word 或 WPS 中把它另存为 .docx 后再导入，或安装 LibreOffice（https://zh-cn.libreoffice.org）。"
        )
    with tempfile.TemporaryDirectory(prefix="fazhi-import-") as folder:
        # Convert a copy: LibreOffice never gets to touch (or lock) the user's file.
        copy = Path(folder) / ("source" + (path.suffix.lower() if path.suffix.lower() in (".doc", ".wps") else ".doc"))
        copy.write_bytes(data)
        out_dir = Path(folder) / "out"
        out_dir.mkdir()
        try:
            converted = libreoffice.convert(copy, "docx", out_dir, timeout=CONVERT_TIMEOUT,
                                            action=f"导入“{path.name}”（旧版 Word/WPS 格式）")
        except DraftingError as exc:
            raise DocxImportError(exc.message) from None
        return read_docx_report(path, converted.read_bytes())

