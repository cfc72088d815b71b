"""Open any source the CLI or the window is given: a draft, a .txt, a Word file.

The kind is recognised by content, not by name: a draft by its format
marker, a .docx by its zip signature, a .doc/.wps by the OLE signature, and
anything else is read as text. Word files go to drafting.reading.word.reader, imported only
when one is opened, so exporting a .txt never loads the XML parser.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from drafting.errors import InputError
from drafting.files.storage import load_draft_bytes, looks_like_draft
from drafting.model import Report
from drafting.reading.text_reader import check_text_size, decode_text, parse_text_report, read_source_bytes

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

def sniff_kind(data: bytes) -> str:
    """"draft", "docx" (any zip), "ole" (.doc/.wps and encrypted .docx), "pdf", "html" or "text"."""
    if data.startswith(ZIP_MAGIC):
        return "docx"
    if data.startswith(OLE_MAGIC):
        return "ole"
    if data.startswith(b"%PDF"):
        return "pdf"
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if looks_like_draft(data):
        return "draft"
    return "text"


def load_source(path: Path) -> Report:
    """Read a report from any supported file.

    Raises:
        InputError (or StorageError for a damaged draft): with a message for the user.
    """
    path = Path(path)
    data = read_source_bytes(path)
    kind = sniff_kind(data)
    if kind == "draft":
        return load_draft_bytes(data, path.name)
    if kind == "text":
        return parse_text_report(decode_text(check_text_size(data, path.name), path.name))
    if kind == "pdf":
        raise InputError(f"“{path.name}”是 PDF 文件，无法直接读取。请用原始的 Word 文件，或把文字复制到 .txt 文件中再导入。")
    if kind == "html":
        raise InputError(f"“{path.name}”是网页文件，不是 Word 或文本文件。请在浏览器中复制文字另存为 .txt 后再导入。")
    # Imported here, not at the top: exporting a .txt must not load the Word reader and lxml.
    from drafting.reading.word.reader import read_docx_report, read_ole_report

    readers: dict[str, Callable[[Path, bytes], Report]] = {"docx": read_docx_report, "ole": read_ole_report}
    reader = readers.get(kind)
    if reader is None:
        raise InputError(f"暂不支持读取“{path.name}”这种格式。请另存为 .docx 或 .txt 后再试。")
    return reader(path, data)
