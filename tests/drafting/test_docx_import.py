"""Reading .docx (Word and WPS) files: numbering, tracked changes, fields, tables, real fixtures, hostile files."""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path

import docx
import pytest

from drafting.errors import InputError
from drafting.files import libreoffice
from drafting.reading.sources import load_source
from drafting.reading.word import reader as docx_import
from drafting.reading.word import safety as docx_safety
from tests import fixtures_docx
from tests.conftest import REPORT_NAMES, fixture_path, report_path, require_soffice

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="word/document.xml"/></Relationships>'
)


def make_docx(body: str, numbering: str = "", styles: str = "", extra: dict[str, str] | None = None) -> bytes:
    """A minimal .docx written by hand, so each test controls the exact XML."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
        if numbering:
            archive.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>')
        if styles:
            archive.writestr("word/styles.xml", f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>')
        for name, text in (extra or {}).items():
            archive.writestr(name, text)
    return buffer.getvalue()


def para(text: str, ppr: str = "") -> str:
    return f'<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def numbered(text: str, num_id: int, ilvl: int = 0) -> str:
    return para(text, f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')


def texts(data: bytes) -> list[str]:
    return [p.text for p in docx_import.read_docx_paragraphs(data, "测试.docx")]


GONGWEN_NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
    "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
)


def test_automatic_numbering_rebuilt_at_every_level() -> None:
    body = "".join([
        para("某某镇2021年法治政府建设情况报告"),
        numbered("主要举措和成效", 1, 0),
        numbered("深入学习贯彻习近平法治思想", 1, 1),
        numbered("开展专题学习", 1, 2),
        numbered("组织集中培训", 1, 2),
        numbered("健全依法行政制度体系", 1, 1),
        numbered("完善制度", 1, 2),
        numbered("存在的不足和原因", 1, 0),
        numbered("列表项不加编号", 2, 0),
    ])
    assert texts(make_docx(body, GONGWEN_NUMBERING)) == [
        "某某镇2021年法治政府建设情况报告",
        "一、主要举措和成效",
        "（一）深入学习贯彻习近平法治思想",
        "1.开展专题学习",
        "2.组织集中培训",
        "（二）健全依法行政制度体系",
        "1.完善制度",  # a deeper level restarts under a new parent
        "二、存在的不足和原因",
        "列表项不加编号",  # bullets are not numbering
    ]


def test_style_linked_numbering_and_heading_levels() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Chapter"><w:name w:val="章标题"/>'
        '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    )
    numbering = (
        '<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:pStyle w:val="H1"/>'
        '<w:numFmt w:val="japaneseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>'
    )
    body = para("工作开展情况", '<w:pStyle w:val="H1"/>') + para("正文。") + para("存在问题", '<w:pStyle w:val="H1"/>') \
        + para("小节", '<w:pStyle w:val="Chapter"/>')
    paragraphs = docx_import.read_docx_paragraphs(make_docx(body, numbering, styles))
    assert [(p.text, p.level) for p in paragraphs] == [
        ("一、工作开展情况", 1), ("正文。", None), ("二、存在问题", 1), ("小节", 2)]


def test_tracked_changes_read_as_accepted_and_fields_show_their_result() -> None:
    body = (
        '<w:p><w:r><w:t>全年开展培训</w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>10</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>12</w:t></w:r></w:ins>'
        '<w:r><w:t>场次。</w:t></w:r></w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy年M月d日" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2022年1月10日</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        '<w:p><w:fldSimple w:instr=" AUTHOR "><w:r><w:t>某某镇人民政府</w:t></w:r></w:fldSimple>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr>'
        '<w:del w:id="4" w:author="a"><w:r><w:delText>整段删除的文字。</w:delText></w:r></w:del></w:p>'
    )
    assert texts(make_docx(body)) == ["全年开展培训12场次。", "2022年1月10日", "某某镇人民政府"]


def test_deleted_paragraph_mark_joins_paragraphs_and_deleted_rows_dropped() -> None:
    body = (
        '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>全年开展培训</w:t></w:r></w:p>'
        + para("12场次。")
        + "<w:tbl><w:tr><w:tc>" + para("项目") + "</w:tc><w:tc>" + para("数量") + "</w:tc></w:tr>"
        '<w:tr><w:trPr><w:del w:id="2" w:author="a"/></w:trPr><w:tc>' + para("删除的行") + "</w:tc><w:tc>"
        + para("1") + "</w:tc></w:tr></w:tbl>"
    )
    assert texts(make_docx(body)) == ["全年开展培训12场次。", "项目 | 数量"]


def test_chinese_numbering_decides_the_level_over_the_style() -> None:
    body = para("（一）存在的问题", '<w:outlineLvl w:val="0"/>') + para("1.主要举措和成效", '<w:outlineLvl w:val="0"/>')
    paragraphs = docx_import.read_docx_paragraphs(make_docx(body))
    assert [p.level for p in paragraphs] == [2, 1]


def test_tables_kept_headers_footers_and_text_boxes_left_out() -> None:
    table = (
        "<w:tbl><w:tr><w:tc>" + para("项目") + "</w:tc><w:tc>" + para("2021年") + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + para("培训场次") + "</w:tc><w:tc>" + para("12") + "</w:tc></w:tr></w:tbl>"
    )
    textbox = ('<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
               + para("某某镇人民政府文件") + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
               "<w:r><w:t>正文第一段。</w:t></w:r></w:p>")
    header = f'<w:hdr xmlns:w="{W_NS}">' + para("页眉文字") + "</w:hdr>"
    data = make_docx(table + textbox, extra={"word/header1.xml": header})
    paragraphs = docx_import.read_docx_paragraphs(data)
    assert [(p.text, p.level) for p in paragraphs] == [("项目 | 2021年", 0), ("培训场次 | 12", 0), ("正文第一段。", None)]


def test_line_breaks_split_body_paragraphs() -> None:
    body = '<w:p><w:r><w:t>某某镇人民政府</w:t><w:br/><w:t>2022年1月10日</w:t></w:r></w:p>'
    assert texts(make_docx(body)) == ["某某镇人民政府", "2022年1月10日"]


def test_python_docx_heading_styles_give_levels(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("某某镇人民政府关于2021年度法治政府建设情况的报告")
    document.add_paragraph("县委、县政府：")
    document.add_paragraph("现将有关情况报告如下：")
    document.add_heading("一、主要举措和成效", 1)
    document.add_heading("（一）加强学习", 2)
    document.add_paragraph("全年学习12次。")
    document.add_heading("二、存在的不足和原因", 1)
    document.add_paragraph("执法力量不足。")
    document.add_paragraph("某某镇人民政府")
    document.add_paragraph("2022年1月10日")
    path = tmp_path / "报告.docx"
    document.save(path)
    report = load_source(path)
    assert [p.id for p in report.parts] == ["title", "addressee", "preamble", "measures", "shortcomings",
                                            "signature", "date"]
    assert [(b.text, b.level) for b in report.part("measures").blocks][:2] == [
        ("一、主要举措和成效", 1), ("（一）加强学习", 2)]
    assert report.meta.year == 2021


# --------------------------------------------------------------------------- Word/WPS files made here


def test_wps_report_made_here_read_as_word_shows_it(tmp_path: Path) -> None:
    """Style-linked automatic numbering, WPS run splitting, odd/even footers with PAGE fields, a table,
    tracked changes, a comment and a DATE field (tests/fixtures_docx.py)."""
    data = fixtures_docx.wps_report_docx()
    docx.Document(io.BytesIO(data))  # a package Word's own reader (python-docx) accepts
    paragraphs = docx_import.read_docx_paragraphs(data, "清水镇.docx")
    assert [(p.text, p.level) for p in paragraphs] == fixtures_docx.WPS_REPORT_TEXTS
    texts_read = " ".join(p.text for p in paragraphs)
    assert "批注" not in texts_read and "10次" not in texts_read and "— 1 —" not in texts_read
    path = tmp_path / "清水镇.docx"
    path.write_bytes(data)
    report = load_source(path)
    assert [p.id for p in report.parts] == ["title", "addressee", "preamble", "measures", "shortcomings",
                                            "leader_duty", "plans", "signature", "date"]
    assert report.meta.year == 2023 and report.date_text == "2024年1月10日"


def test_word_decision_made_here_frame_found(tmp_path: Path) -> None:
    path = tmp_path / "决定.docx"
    path.write_bytes(fixtures_docx.word_decision_docx())
    report = load_source(path)
    expected = fixtures_docx.WORD_DECISION
    assert (report.title, report.addressee, report.signature, report.date_text, report.settings.doc_number) == (
        expected["title"], expected["addressee"], expected["signature"], expected["date_text"], expected["doc_number"])


# --------------------------------------------------------------------------- real fixtures (../shared)

REAL_DOCX = ("nb_bianzhi_shuoming_pt12_wps.docx", "nb_standard_pt01_oddeven_wps.docx", "guowuyuan_jueding_word.docx")


def _headings(name: str) -> dict:
    entries = json.loads(fixture_path("headings.json").read_text("utf-8"))
    return next(e for e in entries if e["file"] == name)


@pytest.mark.parametrize("name", REAL_DOCX)
def test_real_word_and_wps_files_headings_found(name: str) -> None:
    entry = _headings(name)
    paragraphs = docx_import.read_docx_paragraphs(fixture_path(name).read_bytes(), name)
    found = {p.text: p.level for p in paragraphs}
    for heading in entry["headings"]:
        assert heading["display"] in found, heading["display"]
        if heading["level"] > 0:
            assert found[heading["display"]], heading["display"]
    # Page headers ("NB/T XXXXX—XXXX" on every page; once on the cover) and PAGE fields are not body text.
    assert sum(p.text == "NB/T XXXXX—XXXX" for p in paragraphs) <= 1
    assert not any(p.text.strip("— ") in ("1", "2", "3") for p in paragraphs)


def test_wps_fixture_levels_match() -> None:
    entry = _headings("nb_bianzhi_shuoming_pt12_wps.docx")
    paragraphs = docx_import.read_docx_paragraphs(fixture_path(entry["file"]).read_bytes())
    found = {p.text: p.level for p in paragraphs}
    assert [found[h["display"]] for h in entry["headings"]] == [h["level"] for h in entry["headings"]]


def test_standard_fixture_clauses_deeper_than_chapters_and_toc_left_out() -> None:
    paragraphs = docx_import.read_docx_paragraphs(fixture_path("nb_standard_pt01_oddeven_wps.docx").read_bytes())
    found = {p.text: p.level for p in paragraphs}
    assert found["5.1\u3000确定评价范围和内容"] > found["5\u3000定期安全评价的策划和准备"]
    assert sum(1 for p in paragraphs if p.text.startswith("5.1\u3000确定评价范围")) == 1  # not repeated by the TOC


def test_state_council_decision_frame_found() -> None:
    report = load_source(fixture_path("guowuyuan_jueding_word.docx"))
    assert report.title == "国务院关于调整完善工业产品生产许可证管理目录的决定"
    assert report.addressee == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
    assert report.signature == "国务院"
    assert report.date_text == "2024年5月3日"
    assert report.settings.doc_number == "国发〔2024〕11号"


def test_doc_through_libreoffice_matches_docx(tmp_path: Path) -> None:
    require_soffice()
    source = fixture_path("nb_bianzhi_shuoming_pt12_wps.doc")
    before = source.read_bytes()
    from_doc = load_source(source)
    from_docx = load_source(fixture_path("nb_bianzhi_shuoming_pt12_wps.docx"))
    assert [b.text for _, b in from_doc.iter_blocks()] == [b.text for _, b in from_docx.iter_blocks()]
    assert source.read_bytes() == before


# --------------------------------------------------------------------------- round trip through the exporter


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_round_trip_exported_sample(name: str, tmp_path: Path) -> None:
    export = pytest.importorskip("drafting.export.writer")
    original = load_source(report_path(name))
    path = tmp_path / f"{name}.docx"
    export.write_docx(original, path)
    again = load_source(path)
    assert again.title == original.title
    assert [p.id for p in again.parts if p.id not in ("signature", "date")] == [
        p.id for p in original.parts if p.id not in ("signature", "date")]
    for part in original.parts:
        if part.id in ("title", "signature", "date"):
            continue
        assert [(b.text, b.level) for b in again.part(part.id).blocks] == [(b.text, b.level) for b in part.blocks]


# --------------------------------------------------------------------------- bad and hostile files


def _assert_refused(path: Path, *words: str) -> None:
    before = set(path.parent.iterdir())
    with pytest.raises(InputError) as info:
        load_source(path)
    message = info.value.message
    assert all(word in message for word in words), message
    assert "Traceback" not in message
    assert set(path.parent.iterdir()) == before


def test_truncated_docx_refused(tmp_path: Path) -> None:
    data = make_docx(para("正文。" * 200))
    path = tmp_path / "坏.docx"
    path.write_bytes(data[: len(data) // 2])
    _assert_refused(path, "损坏")


def test_zip_that_is_not_word_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    path = tmp_path / "表格.docx"
    path.write_bytes(buffer.getvalue())
    _assert_refused(path, "不是 Word 文档")


@pytest.mark.parametrize(("content", "words"), [
    (b"%PDF-1.7\n1 0 obj\n", ("PDF",)),
    (b"<!DOCTYPE html><html><body>report</body></html>", ("网页",)),
])
def test_renamed_files_refused(tmp_path: Path, content: bytes, words: tuple[str, ...]) -> None:
    path = tmp_path / "报告.docx"
    path.write_bytes(content)
    _assert_refused(path, *words)


def test_renamed_text_file_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "报告.docx"
    path.write_bytes("某某镇2021年法治政府建设情况报告\n\n一、主要举措和成效\n正文。\n".encode())
    assert load_source(path).part("measures") is not None


def test_zip_bomb_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"<" * (1024 * 1024)
            for _ in range(300):  # 300 MB that compress to about 300 KB
                member.write(chunk)
    path = tmp_path / "炸弹.docx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 2 * 1024 * 1024
    _assert_refused(path, "异常巨大")


def test_zip_bomb_with_lying_header_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A header that declares a small size does not let a big member through: reading stops at the cap."""
    monkeypatch.setattr(docx_safety, "MAX_MEMBER_BYTES", 64 * 1024)
    data = make_docx(para("正文。" * 20000))
    _assert_refused(_write(tmp_path, "大.docx", data), "异常巨大")


def test_damaged_compressed_data_refused(tmp_path: Path) -> None:
    """Bytes flipped inside document.xml's deflate stream (a download cut and patched): 已损坏, no zlib error."""
    data = bytearray(make_docx(para("正文内容。" * 400)))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    name_length = len(info.filename.encode())
    extra_length = int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_length + extra_length
    for offset in range(start + 2, start + info.compress_size - 2, 7):
        data[offset] ^= 0xFF
    _assert_refused(_write(tmp_path, "损坏.docx", bytes(data)), "已损坏")


def test_doctype_and_entities_refused(tmp_path: Path) -> None:
    laughs = (f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
              f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("word/document.xml", laughs)
    _assert_refused(_write(tmp_path, "实体.docx", buffer.getvalue()), "DOCTYPE")


def test_deep_nesting_refused(tmp_path: Path) -> None:
    body = "<w:sdt><w:sdtContent>" * 5000 + para("正文。") + "</w:sdtContent></w:sdt>" * 5000
    _assert_refused(_write(tmp_path, "嵌套.docx", make_docx(body)), "无法读取")


def test_encrypted_docx_refused(tmp_path: Path) -> None:
    _assert_refused(_write(tmp_path, "加密.docx", _ole_file(["EncryptionInfo", "EncryptedPackage"])), "密码")


def test_excel_file_named_doc_refused(tmp_path: Path) -> None:
    _assert_refused(_write(tmp_path, "表格.doc", _ole_file(["Workbook", "SummaryInformation"])), "Excel")


def test_doc_without_libreoffice_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: None)
    path = tmp_path / "旧报告.doc"
    path.write_bytes(_ole_file(["WordDocument", "1Table"]))
    _assert_refused(path, "LibreOffice", ".docx")


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _ole_file(stream_names: list[str]) -> bytes:
    """A minimal OLE compound file header plus one directory sector naming these streams."""
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
    entries = b""
    for name in ["Root Entry", *stream_names]:
        encoded = (name + "\0").encode("utf-16-le")
        entry = bytearray(128)
        entry[: len(encoded)] = encoded
        struct.pack_into("<H", entry, 64, len(encoded))
        entry[66] = 5 if name == "Root Entry" else 2
        entries += bytes(entry)
    return bytes(header) + entries.ljust(512, b"\0")


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_exported_sample_through_binary_word_format(tmp_path: Path, suffix: str) -> None:
    """A report saved as Word 97-2003 (.doc; WPS's .wps is the same OLE format) reads like the .docx."""
    soffice = require_soffice()
    export = pytest.importorskip("drafting.export.writer")
    import subprocess

    original = load_source(report_path("songlin-2021"))
    word = tmp_path / "dasi.docx"
    export.write_docx(original, word)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(word)], capture_output=True, timeout=120, check=True)
    binary = tmp_path / f"dasi{suffix}"
    (tmp_path / "dasi.doc").rename(binary)
    before = binary.read_bytes()
    from_binary = load_source(binary)
    from_docx = load_source(word)
    assert [(p.id, [(b.text, b.level) for b in p.blocks]) for p in from_binary.parts] == [
        (p.id, [(b.text, b.level) for b in p.blocks]) for p in from_docx.parts]
    assert binary.read_bytes() == before


def test_strict_open_xml_read() -> None:
    """Word's "Strict Open XML" option writes the same elements in another namespace."""
    source = zipfile.ZipFile(io.BytesIO(make_docx(para("严格格式保存的正文。"))))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            data = source.read(info).replace(W_NS.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            archive.writestr(info.filename, data)
    assert texts(buffer.getvalue()) == ["严格格式保存的正文。"]
