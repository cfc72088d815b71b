"""Open a Word file that may be hostile: the zip, XML and file-type checks of the importer.

A .docx a user picks may be damaged, a zip bomb, XML with a DTD and entity
expansion ("billion laughs"), XML nested deep enough to exhaust the parser, a
presentation or workbook renamed to .docx, or a password-protected file. Every
one of them ends here in a DocxImportError with a Chinese message, before much
memory or time is spent, so drafting.reading.word.reader and drafting.reading.word.body only
ever see bounded bytes and parsed trees. The checks are kept together, apart
from the reading of the text, so the limits can be reviewed (and raised) in
one place.
"""

from __future__ import annotations

import io
import logging
import zipfile
import zlib

from lxml import etree

from drafting.errors import DocxImportError

logger = logging.getLogger(__name__)

#: The WordprocessingML namespace every reader matches on (parse_xml maps Strict OOXML onto it).
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Largest uncompressed size of one zip member we read (document.xml of a long report is < 2 MB).
MAX_MEMBER_BYTES = 50 * 1024 * 1024
#: Largest total of declared sizes over the whole zip (pictures included).
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_MEMBERS = 5000
#: Largest XML part parsed (document.xml of a long report is under 2 MB) and most elements in one.
MAX_XML_BYTES = 16 * 1024 * 1024
MAX_XML_NODES = 1_000_000

# No DTDs, no entities, no network, and lxml's default depth and size limits (huge_tree off).
_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False, "dtd_validation": False,
                   "huge_tree": False, "remove_comments": True, "remove_pis": True}
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
# "EncryptedPackage" in UTF-16LE, the stream a password-protected Office file keeps its zip in.
_ENCRYPTED_PACKAGE = b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e"


def open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """The file as a zip, refused when damaged or when its declared sizes or member count are absurd."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise DocxImportError(
            f"“{name}”已损坏或不完整（无法按 Word 文件打开）。请用 Word 或 WPS 打开确认，另存为 .docx 后再导入。"
        ) from None
    if len(infos) > MAX_MEMBERS or sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
        raise DocxImportError(_bomb_message(name))
    return archive


def _bomb_message(name: str) -> str:
    return (f"“{name}”解压后的内容异常巨大，不像是正常的 Word 文件（可能是恶意构造的文件），已停止读取。"
            "请确认文件来源，或在 Word/WPS 中另存后再导入。")


def read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytes | None:
    """A zip member's bytes, or None when absent; stops at MAX_MEMBER_BYTES whatever the header says."""
    try:
        info = archive.getinfo(member)
    except KeyError:
        return None
    if info.file_size > MAX_MEMBER_BYTES:
        raise DocxImportError(_bomb_message(name))
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as handle:
            # Counted as it inflates: a crafted header can declare a few bytes for gigabytes.
            while chunk := handle.read(1024 * 1024):
                total += len(chunk)
                if total > MAX_MEMBER_BYTES:
                    raise DocxImportError(_bomb_message(name))
                chunks.append(chunk)
    except DocxImportError:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        logger.debug("zip member %s unreadable: %s", member, exc)
        raise DocxImportError(
            f"“{name}”已损坏（其中的 {member} 无法解压）。请用 Word 或 WPS 打开确认，另存为 .docx 后再导入。"
        ) from None
    return b"".join(chunks)


def parse_xml(data: bytes, member: str, name: str) -> etree._Element:
    """One XML part, parsed without DTDs or entities; a DOCTYPE, damage or deep nesting is refused."""
    if _STRICT_W in data[:4096]:
        # "Strict Open XML" (a Word save option) names the same elements in another namespace.
        data = data.replace(_STRICT_W, W[1:-1].encode())
    if len(data) > MAX_XML_BYTES:
        raise DocxImportError(
            f"“{name}”中的 {member} 解压后有 {len(data) / 1024 / 1024:.0f} MB，超过可读取的上限 "
            f"{MAX_XML_BYTES // 1024 // 1024} MB（一份报告通常不到 2 MB）。请确认文件是否正确，或只复制报告正文另存为新文件后再导入。"
        )
    # Every element opens with "<" (end tags "</" excepted): counted before lxml builds a tree.
    nodes = data.count(b"<") - data.count(b"</")
    if nodes > MAX_XML_NODES:
        raise DocxImportError(
            f"“{name}”中的 {member} 有约 {nodes // 10000} 万个 XML 元素，超过可读取的上限 {MAX_XML_NODES // 10000} 万个"
            "（可能是恶意构造的文件）。请在 Word 或 WPS 中另存为新文件后再导入。"
        )
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise DocxImportError(f"“{name}”中的 {member} 含有文档类型定义（DOCTYPE），Word 文件不会这样写，可能是恶意文件，已拒绝读取。")
    try:
        return etree.fromstring(data, etree.XMLParser(**_PARSER_OPTIONS))
    except etree.XMLSyntaxError as exc:
        logger.debug("xml error in %s: %s", member, exc)
        deep = "depth" in str(exc).lower() or "nest" in str(exc).lower()
        why = "嵌套层数过深（可能是恶意文件）" if deep else "内容已损坏"
        raise DocxImportError(f"“{name}”中的 {member} {why}，无法读取。请用 Word 或 WPS 打开并另存后再导入。") from None


def main_part(archive: zipfile.ZipFile, name: str) -> str:
    """The zip path of the main document part; a zip without one (a .pptx, .xlsx, any archive) is refused."""
    main = _main_part_target(archive, name)
    names = set(archive.namelist())
    if main not in names:
        hint = "演示文稿或表格" if {"ppt/presentation.xml", "xl/workbook.xml"} & names else "普通压缩包"
        raise DocxImportError(f"“{name}”不是 Word 文档（看起来是{hint}）。请选择报告的 .docx 文件。")
    return main


def _main_part_target(archive: zipfile.ZipFile, name: str) -> str:
    # The package relationships name the main part; WPS and some converters do not put it in word/.
    rels = read_member(archive, "_rels/.rels", name)
    if rels:
        root = parse_xml(rels, "_rels/.rels", name)
        for rel in root:
            if str(rel.get("Type", "")).endswith("/officeDocument"):
                return str(rel.get("Target", "")).lstrip("/")
    return "word/document.xml"


def refuse_non_word_ole(data: bytes, name: str) -> None:
    """Refuse an OLE compound file that is not a Word document: a password-protected .docx/.doc
    (its EncryptedPackage stream) or an Excel or PowerPoint file under a Word name.

    A stream name appears in UTF-16 in the compound file's directory, so a search of the bytes
    decides without an OLE parser, and before LibreOffice is started for nothing.
    """
    if _ENCRYPTED_PACKAGE in data:
        raise DocxImportError(f"“{name}”设置了打开密码，无法读取。请在 Word 或 WPS 中取消密码（文件→信息→保护文档）后另存，再导入。")
    streams = {stream: stream.encode("utf-16-le") in data
               for stream in ("WordDocument", "Workbook", "PowerPoint Document")}
    if not streams["WordDocument"] and (streams["Workbook"] or streams["PowerPoint Document"]):
        kind = "Excel 表格" if streams["Workbook"] else "PowerPoint 演示文稿"
        raise DocxImportError(f"“{name}”是{kind}，不是 Word 文档。请选择报告的 Word 文件。")
