"""Word and WPS files made by the tests themselves: complete OOXML packages, written part by part.

The real files in ../shared/fixtures/docx are not in the repository; these carry the same traps,
so the importer is tested from a fresh clone:

- ``wps_report_docx()``: a township report as WPS writes it: heading numbers that exist only in
  numbering.xml (levels linked to heading styles through w:pStyle), text cut into many runs with
  proofing marks and bookmarks between them, odd and even page footers with PAGE fields, a table,
  tracked changes, a comment, and a DATE field for the 成文日期.
- ``word_decision_docx()``: a 公文 as Word writes it after pasting from a web page: every paragraph
  in "Normal (Web)", the title over two paragraphs, a 发文字号, 主送机关, an attachment note and a
  落款 padded with U+3000 and U+2002 spaces.

Each comes with what a reader must find in it (WPS_REPORT_TEXTS, WORD_DECISION), written from what
Word and WPS show for these files, not from what the importer returns.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
PARTS = {  # part name -> (content type, relationship type)
    "styles.xml": (f"{WML}.styles+xml", f"{DOC_TYPE}/styles"),
    "numbering.xml": (f"{WML}.numbering+xml", f"{DOC_TYPE}/numbering"),
    "settings.xml": (f"{WML}.settings+xml", f"{DOC_TYPE}/settings"),
    "comments.xml": (f"{WML}.comments+xml", f"{DOC_TYPE}/comments"),
    "footer1.xml": (f"{WML}.footer+xml", f"{DOC_TYPE}/footer"),
    "footer2.xml": (f"{WML}.footer+xml", f"{DOC_TYPE}/footer"),
}


def package(body: str, parts: dict[str, str], application: str) -> bytes:
    """A .docx zip: [Content_Types], relationships, app properties, the document and the given parts."""
    overrides = "".join(f'<Override PartName="/word/{name}" ContentType="{PARTS[name][0]}"/>' for name in parts)
    rels = "".join(f'<Relationship Id="r{name.split(".")[0]}" Type="{PARTS[name][1]}" Target="{name}"/>'
                   for name in parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{WML}.document.main+xml"/>'
            '<Override PartName="/docProps/app.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
            f"{overrides}</Types>"))
        archive.writestr("_rels/.rels", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{REL_NS}">'
            f'<Relationship Id="rId1" Type="{DOC_TYPE}/officeDocument" Target="word/document.xml"/>'
            f'<Relationship Id="rId2" Type="{DOC_TYPE}/extended-properties" Target="docProps/app.xml"/>'
            "</Relationships>"))
        archive.writestr("docProps/app.xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties '
            'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"<Application>{escape(application)}</Application></Properties>"))
        archive.writestr("word/_rels/document.xml.rels",
                         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{REL_NS}">'
                         f"{rels}</Relationships>")
        archive.writestr("word/document.xml", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
            f"<w:body>{body}</w:body></w:document>"))
        for name, xml in parts.items():
            archive.writestr(f"word/{name}", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{xml}')
    return buffer.getvalue()


def run(text: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def wps_runs(*pieces: str) -> str:
    """Text the way WPS saves it: a run per edit, each with its own fonts, proofing marks between."""
    out = []
    lang = '<w:lang w:val="en-US" w:eastAsia="zh-CN"/>'
    for index, piece in enumerate(pieces):
        out.append(run(piece, '<w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/>'
                              '<w:sz w:val="32"/>' + lang * (index % 2)))
        if index == 0:
            out.append('<w:proofErr w:type="spellStart"/>')
        if index == 1:
            out.append('<w:proofErr w:type="spellEnd"/><w:bookmarkStart w:id="0" w:name="_GoBack"/>'
                       '<w:bookmarkEnd w:id="0"/>')
    return "".join(out)


def paragraph(content: str, style: str = "", extra_ppr: str = "") -> str:
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    return f"<w:p><w:pPr>{style_xml}{extra_ppr}</w:pPr>{content}</w:p>"


def field(instruction: str, result: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


WPS_STYLES = (
    f'<w:styles xmlns:w="{W_NS}">'
    '<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/></w:style>'
    # WPS numbers its style ids; the numbering is attached to the heading styles, not the paragraphs.
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 1"/><w:basedOn w:val="1"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 2"/><w:basedOn w:val="1"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="4"><w:name w:val="footer"/></w:style>'
    "</w:styles>"
)
WPS_NUMBERING = (
    f'<w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="2"/>'
    '<w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="3"/>'
    '<w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    "</w:numbering>"
)


def _footer(align: str) -> str:
    return (f'<w:ftr xmlns:w="{W_NS}">'
            + paragraph(run("— ") + field("PAGE \\* MERGEFORMAT", "1") + run(" —"), "4", f'<w:jc w:val="{align}"/>')
            + "</w:ftr>")


def wps_report_docx() -> bytes:
    """A township report saved by WPS (see the module docstring for what it holds)."""
    body = "".join([
        paragraph(wps_runs("某某县清水镇人民政府关于", "2023", "年度法治政府建设情况的报告")),
        paragraph(wps_runs("县委、", "县政府：")),
        paragraph(wps_runs("2023年，我镇坚持以习近平法治思想为指导，", "现将有关情况报告如下。")),
        paragraph(wps_runs("主要举措和成效"), "2"),
        paragraph(wps_runs("深入学习贯彻习近平法治思想"), "3"),
        # A tracked change (10 → 12) and a comment on the figure: Word shows the accepted text only.
        '<w:p><w:pPr/>' + run("全年组织集中学法")
        + '<w:del w:id="11" w:author="办公室"><w:r><w:delText>10</w:delText></w:r></w:del>'
        + '<w:ins w:id="12" w:author="办公室">' + run("12") + "</w:ins>"
        + '<w:commentRangeStart w:id="0"/>' + run("次，领导干部带头讲法治课4次。") + '<w:commentRangeEnd w:id="0"/>'
        + '<w:r><w:commentReference w:id="0"/></w:r></w:p>',
        paragraph(wps_runs("健全依法行政制度体系"), "3"),
        paragraph(wps_runs("重大行政决策全部经过合法性审查，", "法律顾问列席会议15次。")),
        "<w:tbl><w:tblPr/><w:tr><w:tc>" + paragraph(run("项目")) + "</w:tc><w:tc>" + paragraph(run("2023年"))
        + "</w:tc></w:tr><w:tr><w:tc>" + paragraph(run("合法性审查")) + "</w:tc><w:tc>" + paragraph(run("15"))
        + "</w:tc></w:tr></w:tbl>",
        paragraph(wps_runs("存在的不足和原因"), "2"),
        paragraph(wps_runs("执法人员专业化水平不高，", "主要原因是培训不够系统。")),
        paragraph(wps_runs("党政主要负责人履行推进法治建设第一责任人职责情况"), "2"),
        paragraph(wps_runs("镇党委书记、镇长带头学法，", "全年主持召开专题会议4次。")),
        paragraph(wps_runs("下一年度主要安排"), "2"),
        paragraph(wps_runs("加强执法人员培训，", "2024年组织全员轮训。")),
        paragraph(wps_runs("某某县清水镇人民政府"), "", '<w:jc w:val="right"/>'),
        paragraph(field('DATE \\@ "yyyy年M月d日"', "2024年1月10日"), "", '<w:jc w:val="right"/>'),
        '<w:sectPr><w:footerReference w:type="default" r:id="rfooter1"/>'
        '<w:footerReference w:type="even" r:id="rfooter2"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>',
    ])
    parts = {
        "styles.xml": WPS_STYLES,
        "numbering.xml": WPS_NUMBERING,
        "settings.xml": f'<w:settings xmlns:w="{W_NS}"><w:evenAndOddHeaders/></w:settings>',
        "comments.xml": (f'<w:comments xmlns:w="{W_NS}"><w:comment w:id="0" w:author="审核人">'
                         + paragraph(run("批注：请核实学法次数")) + "</w:comment></w:comments>"),
        "footer1.xml": _footer("right"),
        "footer2.xml": _footer("left"),
    }
    return package(body, parts, "WPS Office_12.1.0.15374_F1E327BC-269C-435d-A152-05C5408002CA")


#: The paragraphs and heading levels Word and WPS show for wps_report_docx(), in order.
WPS_REPORT_TEXTS = [
    ("某某县清水镇人民政府关于2023年度法治政府建设情况的报告", None),
    ("县委、县政府：", None),
    ("2023年，我镇坚持以习近平法治思想为指导，现将有关情况报告如下。", None),
    ("一、主要举措和成效", 1),
    ("（一）深入学习贯彻习近平法治思想", 2),
    ("全年组织集中学法12次，领导干部带头讲法治课4次。", None),
    ("（二）健全依法行政制度体系", 2),
    ("重大行政决策全部经过合法性审查，法律顾问列席会议15次。", None),
    ("项目 | 2023年", 0),
    ("合法性审查 | 15", 0),
    ("二、存在的不足和原因", 1),
    ("执法人员专业化水平不高，主要原因是培训不够系统。", None),
    ("三、党政主要负责人履行推进法治建设第一责任人职责情况", 1),
    ("镇党委书记、镇长带头学法，全年主持召开专题会议4次。", None),
    ("四、下一年度主要安排", 1),
    ("加强执法人员培训，2024年组织全员轮训。", None),
    ("某某县清水镇人民政府", None),
    ("2024年1月10日", None),
]


def word_decision_docx() -> bytes:
    """A 公文 (a county government's decision) as Word saves it after pasting from a web page."""
    web = "a"  # style id of "Normal (Web)"
    lines = [
        "某某县人民政府关于调整完善乡镇", "法治政府建设考核指标的决定", "某政发〔2024〕3号", "",
        "各乡镇人民政府，县政府各部门：",
        "为推进乡镇法治政府建设，县人民政府决定调整完善乡镇法治政府建设考核指标，现将有关事项决定如下。",
        "各乡镇要对照调整后的指标，于2024年6月底前完成自查，并将自查情况报县司法局。",
        "附件：乡镇法治政府建设考核指标（2024年版）", "", "",
        "某某县人民政府\u3000\u3000\u2002",
        "2024年5月3日",
    ]
    # Empty paragraphs space the frame out, as in a typed 公文.
    body = "".join(paragraph(run(text) if text else "", web) for text in lines) + "<w:sectPr/>"
    styles = (f'<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
              '<w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="a">'
              '<w:name w:val="Normal (Web)"/><w:basedOn w:val="Normal"/></w:style></w:styles>')
    return package(body, {"styles.xml": styles, "settings.xml": f'<w:settings xmlns:w="{W_NS}"/>'},
                   "Microsoft Office Word")


#: What the 公文 frame of word_decision_docx() is.
WORD_DECISION = {
    "title": "某某县人民政府关于调整完善乡镇法治政府建设考核指标的决定",
    "doc_number": "某政发〔2024〕3号",
    "addressee": "各乡镇人民政府，县政府各部门：",
    "signature": "某某县人民政府",
    "date_text": "2024年5月3日",
}
