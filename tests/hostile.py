"""Generators of hostile input files for the robustness tests (issue 6).

Each generator writes one file into a folder and returns its path. Nothing
here is shipped data: the files are made fresh by every test run.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_with_document(document_xml: str | bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def minimal_docx_bytes(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return _docx_with_document(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')


def empty_file(folder: Path, name: str = "empty.txt") -> Path:
    path = folder / name
    path.write_bytes(b"")
    return path


def random_bytes(folder: Path, name: str, size: int = 64 * 1024, seed: int = 7) -> Path:
    path = folder / name
    path.write_bytes(random.Random(seed).randbytes(size))
    return path


def truncated_docx(folder: Path) -> Path:
    data = minimal_docx_bytes(["某某镇人民政府关于2024年度法治政府建设情况的报告"] + ["正文。" * 200] * 30)
    path = folder / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def damaged_deflate_docx(folder: Path) -> Path:
    """A .docx whose document.xml inflates to garbage: bytes flipped inside the compressed stream."""
    data = bytearray(minimal_docx_bytes(["正文内容。" * 400]))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    extra = int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
    start = info.header_offset + 30 + len(info.filename.encode()) + extra
    for offset in range(start + 2, start + info.compress_size - 2, 7):
        data[offset] ^= 0xFF
    path = folder / "damaged.docx"
    path.write_bytes(bytes(data))
    return path


def html_named_docx(folder: Path) -> Path:
    path = folder / "page.docx"
    path.write_text("<!DOCTYPE html><html><body><p>法治政府建设情况报告</p></body></html>", encoding="utf-8")
    return path


def pdf_named_docx(folder: Path) -> Path:
    path = folder / "scan.docx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return path


def encrypted_docx(folder: Path) -> Path:
    """What Word writes for a password-protected .docx: an OLE compound file with an EncryptedPackage stream."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    directory = "EncryptionInfo".encode("utf-16-le").ljust(128, b"\x00") + "EncryptedPackage".encode("utf-16-le").ljust(128, b"\x00")
    path = folder / "secret.docx"
    path.write_bytes(header + directory + random.Random(3).randbytes(4096))
    return path


def zip_bomb_docx(folder: Path, megabytes: int = 400) -> Path:
    """A .docx whose document.xml inflates to hundreds of MB (it compresses to well under 1 MB)."""
    path = folder / "bomb.docx"
    chunk = b"<w:p><w:r><w:t>" + "法治".encode() * 16 + b"</w:t></w:r></w:p>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>'.encode())
            block = chunk * (1024 * 1024 // len(chunk))
            for _ in range(megabytes):
                member.write(block)
            member.write(b"</w:body></w:document>")
    return path


def entity_expansion_docx(folder: Path) -> Path:
    """"Billion laughs" inside word/document.xml."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    )
    path = folder / "laughs.docx"
    path.write_bytes(_docx_with_document(xml))
    return path


def deep_nesting_docx(folder: Path, depth: int = 200_000) -> Path:
    xml = (
        f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>'
        + "<w:sdt><w:sdtContent>" * depth
        + "</w:sdtContent></w:sdt>" * depth
        + "</w:body></w:document>"
    )
    path = folder / "deep.docx"
    path.write_bytes(_docx_with_document(xml))
    return path


def huge_text(folder: Path, megabytes: int = 10) -> Path:
    path = folder / "huge.txt"
    line = ("依法行政" * 50 + "\n").encode("utf-8")
    with path.open("wb") as handle:
        for _ in range(megabytes * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    return path


REPORT_TEXT = (
    "某某镇人民政府关于2024年度法治政府建设情况的报告\n\n县委、县政府：\n"
    "2024年，我镇依法行政水平不断提高。现将有关情况报告如下：\n"
    "一、主要举措和成效\n全年开展法治培训12场。\n二、存在的不足和原因\n执法力量不足，原因是编制有限。\n"
    "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n"
    "四、下一年度推进法治政府建设的主要安排\n充实执法力量。\n\n某某镇人民政府\n2025年1月10日\n"
)


#: The same report in traditional characters, as a Big5 file would hold it.
REPORT_TEXT_TRADITIONAL = (
    "某某鎮人民政府關於2024年度法治政府建設情況的報告\n\n縣委、縣政府：\n"
    "2024年，我鎮依法行政水平不斷提高。現將有關情況報告如下：\n"
    "一、主要舉措和成效\n全年開展法治培訓12場。\n二、存在的不足和原因\n執法力量不足，原因是編制有限。\n"
    "三、黨政主要負責人履行推進法治建設第一責任人職責情況\n主要負責人帶頭學法。\n"
    "四、下一年度推進法治政府建設的主要安排\n充實執法力量。\n\n某某鎮人民政府\n2025年1月10日\n"
)


def encoded_report(folder: Path, encoding: str) -> Path:
    """The small report in one encoding (Big5 gets the traditional-character version)."""
    text = REPORT_TEXT_TRADITIONAL if encoding == "big5" else REPORT_TEXT
    path = folder / f"report-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    return path


def _good_draft_bytes() -> bytes:
    from drafting.files.storage import dump_draft
    from drafting.reading.text_reader import parse_text_report

    return dump_draft(parse_text_report(REPORT_TEXT))


def truncated_draft(folder: Path) -> Path:
    data = _good_draft_bytes()
    path = folder / "truncated.fzbg"
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def newer_draft(folder: Path) -> Path:
    path = folder / "newer.fzbg"
    path.write_bytes(_good_draft_bytes().replace(b"version: 1\n", b"version: 7\n", 1))
    return path


def hand_edited_draft(folder: Path) -> Path:
    """A draft someone edited in Notepad: a tab-indented line and a heading level that does not exist."""
    data = _good_draft_bytes().replace(b"- h1:", b"- h7:", 1).replace(b"\n  - p:", b"\n\t- p:", 1)
    path = folder / "edited.fzbg"
    path.write_bytes(data)
    return path


def malformed_checklist(folder: Path) -> Path:
    path = folder / "bad-syntax.yml"
    path.write_text("version: 1\nrules:\n  - id: x\n    kind: [unclosed\n", encoding="utf-8")
    return path


def python_tag_checklist(folder: Path) -> Path:
    path = folder / "python-tag.yml"
    path.write_text("version: 1\nrules: !!python/object/apply:os.system ['touch /tmp/pwned-fazhi']\n", encoding="utf-8")
    return path


def alias_bomb_checklist(folder: Path) -> Path:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    path = folder / "alias-bomb.yml"
    path.write_text("version: 1\n" + "\n".join(lines) + "\nrules: *i\n", encoding="utf-8")
    return path


def unknown_kind_checklist(folder: Path) -> Path:
    path = folder / "unknown-kind.yml"
    path.write_text(
        "version: 1\nrules:\n  - id: my-rule\n    kind: telepathy\n    severity: error\n    message: x\n",
        encoding="utf-8",
    )
    return path
