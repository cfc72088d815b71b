"""Read a report from a Word or WPS file (.docx; .doc/.wps through LibreOffice).

Reads the body's paragraphs in order, table rows included, straight from the
zip with lxml: heading levels from w:outlineLvl and heading styles, the
automatic numbering Word shows but python-docx does not (rebuilt from
numbering.xml, direct or linked to a style), tracked changes as accepted
(w:ins in, w:del out), field results; page headers, footers, comments and
text boxes are left out. The paragraphs then go through
drafting.structure.build_report. Hostile files (zip bombs, DTDs and entity
expansion, deep nesting, truncated or fake zips, password-protected files)
end in a DocxImportError with a Chinese message, before much work is done.
Never imports PySide6; registers itself in drafting.sources.BINARY_READERS.
"""

from __future__ import annotations

import io
import logging
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from drafting.errors import DocxImportError, DraftingError
from drafting.model import Block, Part, Report
from drafting.numbering import parse_numbering, to_chinese_number
from drafting.sources import BINARY_READERS
from drafting.structure import SourceParagraph, build_report

logger = logging.getLogger(__name__)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: Largest uncompressed size of one zip member we read (document.xml of a long report is < 2 MB).
MAX_MEMBER_BYTES = 50 * 1024 * 1024
#: Largest total of declared sizes over the whole zip (pictures included).
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_MEMBERS = 5000
#: Seconds a .doc/.wps conversion may take.
CONVERT_TIMEOUT = 90.0
_SKIP_SUBTREES = {W + "del", W + "moveFrom", W + "txbxContent", W + "instrText", W + "delText",
                  W + "commentReference", W + "footnoteReference", W + "endnoteReference", _MC_FALLBACK,
                  W + "pPr", W + "rPr", W + "rt", W + "sym"}
_TOC_STYLE = re.compile(r"^(toc|目录)\s*\d", re.IGNORECASE)
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_LEAVES = {W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen"}


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None
    num_id: str | None = None
    ilvl: int = 0


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""


@dataclass
class _Numbering:
    """numbering.xml: list instances, their abstract definitions, and the running counters."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)  # (numId, ilvl) -> start
    style_links: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId -> (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> str:
        """The label Word shows for the next paragraph of this list at this level ("一、", "1）")."""
        abstract_id = self.nums.get(num_id)
        levels = self.abstract.get(abstract_id or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for (nid, lvl), start in self.overrides.items():
                if nid == num_id:
                    counters[lvl] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return ""

        def value(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            spec = levels.get(index, _Level())
            return format_number(counters.get(index, spec.start), spec.fmt)

        return re.sub(r"%([1-9])", value, level.text)


def format_number(value: int, fmt: str) -> str:
    """A list number in one of Word's numFmt styles (chineseCounting, decimal, lowerLetter...)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographDigital",
               "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseDigitalTenThousand"):
        return to_chinese_number(value) if 0 < value < 100 else str(value)
    if fmt == "ideographTraditional" and 0 < value <= len(_TIANGAN):
        return _TIANGAN[value - 1]
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalEnclosedCircle" and 0 < value <= 20:
        return chr(0x2460 + value - 1)
    if fmt == "decimalFullWidth":
        return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, value = divmod(value, number)
        out += letters * count
    return out


# --------------------------------------------------------------------------- safe zip and XML


def _open_zip(data: bytes, name: str) -> zipfile.ZipFile:
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


def _read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytes | None:
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
            while chunk := handle.read(1024 * 1024):
                total += len(chunk)
                if total > MAX_MEMBER_BYTES:
                    raise DocxImportError(_bomb_message(name))
                chunks.append(chunk)
    except DocxImportError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        logger.debug("zip member %s unreadable: %s", member, exc)
        raise DocxImportError(
            f"“{name}”已损坏（其中的 {member} 无法解压）。请用 Word 或 WPS 打开确认，另存为 .docx 后再导入。"
        ) from None
    return b"".join(chunks)


_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False, "dtd_validation": False,
                   "huge_tree": False, "remove_comments": True, "remove_pis": True}


_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"


def _parse_xml(data: bytes, member: str, name: str) -> etree._Element:
    if _STRICT_W in data[:4096]:
        # "Strict Open XML" (a Word save option) names the same elements in another namespace.
        data = data.replace(_STRICT_W, W[1:-1].encode())
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


# --------------------------------------------------------------------------- styles and numbering


def _val(element: etree._Element | None, tag: str) -> str | None:
    if element is None:
        return None
    child = element.find(W + tag)
    return None if child is None else child.get(W + "val")


def _int(text: str | None, default: int | None = None) -> int | None:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _read_styles(root: etree._Element | None) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    if root is None:
        return styles
    for element in root.iter(W + "style"):
        if element.get(W + "type") not in (None, "paragraph"):
            continue
        ppr = element.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        styles[element.get(W + "styleId", "")] = _Style(
            name=_val(element, "name") or "",
            based_on=_val(element, "basedOn"),
            outline=_int(_val(ppr, "outlineLvl")),
            num_id=_val(numpr, "numId"),
            ilvl=_int(_val(numpr, "ilvl"), 0) or 0,
        )
    return styles


def _read_numbering(root: etree._Element | None) -> _Numbering:
    numbering = _Numbering()
    if root is None:
        return numbering
    style_abstract: dict[str, tuple[str, int]] = {}
    for abstract in root.iter(W + "abstractNum"):
        abstract_id = abstract.get(W + "abstractNumId", "")
        levels: dict[int, _Level] = {}
        for lvl in abstract.iter(W + "lvl"):
            ilvl = _int(lvl.get(W + "ilvl"), 0) or 0
            levels[ilvl] = _Level(_int(_val(lvl, "start"), 1) or 0, _val(lvl, "numFmt") or "decimal",
                                  _val(lvl, "lvlText") or "")
            style_id = _val(lvl, "pStyle")
            if style_id:
                style_abstract[style_id] = (abstract_id, ilvl)
        numbering.abstract[abstract_id] = levels
    for num in root.iter(W + "num"):
        num_id = num.get(W + "numId", "")
        numbering.nums[num_id] = _val(num, "abstractNumId") or ""
        for override in num.iter(W + "lvlOverride"):
            start = _int(_val(override, "startOverride"))
            if start is not None:
                numbering.overrides[(num_id, _int(override.get(W + "ilvl"), 0) or 0)] = start
    first_num = {abstract_id: num_id for num_id, abstract_id in reversed(list(numbering.nums.items()))}
    for style_id, (abstract_id, ilvl) in style_abstract.items():
        if abstract_id in first_num:
            numbering.style_links[style_id] = (first_num[abstract_id], ilvl)
    return numbering


def _style_chain(styles: dict[str, _Style], style_id: str | None) -> list[tuple[str, _Style]]:
    chain: list[tuple[str, _Style]] = []
    while style_id and style_id in styles and len(chain) < 20 and style_id not in (s for s, _ in chain):
        chain.append((style_id, styles[style_id]))
        style_id = styles[style_id].based_on
    return chain


# --------------------------------------------------------------------------- the body


@dataclass
class _Reader:
    styles: dict[str, _Style]
    numbering: _Numbering
    paragraphs: list[SourceParagraph] = field(default_factory=list)
    blank_before: bool = False
    dropped_toc: int = 0
    carried: str = ""  # text of a paragraph whose mark was deleted (tracked), waiting for the next one
    _chains: dict[str | None, list[tuple[str, _Style]]] = field(default_factory=dict)

    def add(self, text: str, level: int | None) -> None:
        text = text.strip().replace("\u00a0", " ")
        if not text:
            self.blank_before = True
            return
        self.paragraphs.append(SourceParagraph(text, len(self.paragraphs) + 1, 1, level, self.blank_before))
        self.blank_before = False

    def paragraph(self, element: etree._Element, in_table: bool = False) -> list[str]:
        """Read one w:p: its label and text lines; adds them unless in a table (then returns them)."""
        ppr = element[0] if len(element) and element[0].tag == W + "pPr" else element.find(W + "pPr")
        props = {child.tag: child for child in ppr} if ppr is not None else {}
        style = props.get(W + "pStyle")
        style_id = style.get(W + "val") if style is not None else None
        chain = self._chains.get(style_id)
        if chain is None:
            chain = self._chains[style_id] = _style_chain(self.styles, style_id)
        if chain and _TOC_STYLE.match(chain[0][1].name):
            self.dropped_toc += 1
            return []
        label = self._label(props.get(W + "numPr"), chain)
        text = self.carried + _paragraph_text(element)
        self.carried = ""
        mark = props.get(W + "rPr")
        if mark is not None and mark.find(W + "del") is not None and not in_table:
            # The paragraph mark itself was deleted: accepted, this text runs on into the next paragraph.
            self.carried = text if not text.strip() else label + text
            return []
        outline = props.get(W + "outlineLvl")
        level = self._level(outline.get(W + "val") if outline is not None else None, chain, label + text)
        # A line break inside a heading is layout; in body text it may separate a signature from its date.
        lines = [text.replace("\n", "")] if level else text.split("\n")
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None:
            lines[first] = label + lines[first]
        if in_table:
            return lines
        for index, line in enumerate(lines):
            self.add(line, level if index == 0 else None)
        return lines

    def _label(self, numpr: etree._Element | None, chain: list[tuple[str, _Style]]) -> str:
        if numpr is not None:
            num_id = _val(numpr, "numId")
            if num_id in (None, "0"):
                return ""
            return self.numbering.label(num_id, _int(_val(numpr, "ilvl"), 0) or 0)
        for style_id, style in chain:
            if style.num_id:
                return "" if style.num_id == "0" else self.numbering.label(style.num_id, style.ilvl)
            if style_id in self.numbering.style_links:
                return self.numbering.label(*self.numbering.style_links[style_id])
        return ""

    @staticmethod
    def _level(outline_value: str | None, chain: list[tuple[str, _Style]], text: str) -> int | None:
        numbering = parse_numbering(text.strip())
        if numbering is not None and numbering.style in ("cn_dun", "cn_paren"):
            # "一、" and "（一）" say their level outright, whatever outline level the style carries.
            return numbering.standard_level
        outline = _int(outline_value)
        for _, style in chain:
            if outline is not None:
                break
            outline = style.outline
            match = _HEADING_STYLE.match(style.name)
            if outline is None and match:
                outline = int(match.group(1)) - 1
        if outline is None or not 0 <= outline <= 8:
            return None  # 9 is "body text": let the numbering decide
        return min(outline + 1, 4)

    def table(self, element: etree._Element) -> None:
        """A table: one paragraph per cell paragraph in a one-column (layout) table, else one per row."""
        rows = [row for row in element.iter(W + "tr") if _owner_table(row) is element and not _row_deleted(row)]
        one_column = all(len(_cells(row)) <= 1 for row in rows)
        for row in rows:
            cells = _cells(row)
            if one_column:
                for cell in cells:
                    self.body(cell)
                continue
            texts = []
            for cell in cells:
                lines = [line.strip() for p in cell.iter(W + "p") for line in self.paragraph(p, in_table=True)]
                texts.append(" ".join(line for line in lines if line))
            self.add(" | ".join(texts), 0)

    def body(self, container: etree._Element) -> None:
        """Block-level content of the body or a table cell, in order (content controls opened)."""
        stack = list(reversed(list(container)))
        while stack:
            child = stack.pop()
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child)
            elif tag == W + "tbl":
                self.table(child)
            elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
                stack.extend(reversed(list(child)))


def _cells(row: etree._Element) -> list[etree._Element]:
    cells = []
    for child in row:
        if child.tag == W + "tc":
            cells.append(child)
        elif child.tag in (W + "sdt", W + "customXml"):
            cells.extend(child.iter(W + "tc"))
    return cells


def _row_deleted(row: etree._Element) -> bool:
    properties = row.find(W + "trPr")
    return properties is not None and properties.find(W + "del") is not None


def _owner_table(element: etree._Element) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != W + "tbl":
        parent = parent.getparent()
    return parent


def _hidden(run: etree._Element) -> bool:
    properties = run[0] if len(run) and run[0].tag == W + "rPr" else run.find(W + "rPr")
    vanish = properties.find(W + "vanish") if properties is not None else None
    return vanish is not None and vanish.get(W + "val") not in ("0", "false", "off")


def _paragraph_text(paragraph: etree._Element) -> str:
    """The text Word shows for a paragraph: insertions kept, deletions and field codes left out."""
    out: list[str] = []
    in_code: list[bool] = []  # complex fields: between "begin" and "separate" is the code, not the result
    stack = list(reversed(list(paragraph)))
    while stack:
        node = stack.pop()
        tag = node.tag
        if not isinstance(tag, str) or tag in _SKIP_SUBTREES:
            continue
        if tag == W + "fldChar":
            kind = node.get(W + "fldCharType")
            if kind == "begin":
                in_code.append(True)
            elif kind == "separate" and in_code:
                in_code[-1] = False
            elif kind == "end" and in_code:
                in_code.pop()
            continue
        if in_code and in_code[-1] and tag in _LEAVES:
            continue  # the field's code, not its result
        if tag == W + "t":
            out.append(node.text or "")
        elif tag == W + "tab" and node.getparent().tag == W + "r":
            out.append(" ")
        elif tag in (W + "br", W + "cr"):
            if node.get(W + "type") not in ("page", "column"):
                out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "p":
            continue  # a paragraph nested in something we do not read (shapes)
        elif tag == W + "r" and _hidden(node):
            continue  # hidden text (w:vanish) is not on the page
        else:
            stack.extend(reversed(list(node)))
    return "".join(out)


# --------------------------------------------------------------------------- entry points


def read_docx_paragraphs(data: bytes, name: str = "Word 文件") -> list[SourceParagraph]:
    """The body paragraphs of a .docx, labels of automatic numbering included.

    Raises:
        DocxImportError: damaged, hostile, encrypted or not a Word document.
    """
    archive = _open_zip(data, name)
    names = set(archive.namelist())
    main = _main_part(archive, name)
    if main is None or main not in names:
        hint = "演示文稿或表格" if {"ppt/presentation.xml", "xl/workbook.xml"} & names else "普通压缩包"
        raise DocxImportError(f"“{name}”不是 Word 文档（看起来是{hint}）。请选择报告的 .docx 文件。")
    document = _parse_xml(_read_member(archive, main, name) or b"", main, name)
    folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
    styles_xml = _read_member(archive, folder + "styles.xml", name)
    numbering_xml = _read_member(archive, folder + "numbering.xml", name)
    reader = _Reader(
        styles=_read_styles(_parse_xml(styles_xml, "styles.xml", name) if styles_xml else None),
        numbering=_read_numbering(_parse_xml(numbering_xml, "numbering.xml", name) if numbering_xml else None),
    )
    body = document.find(W + "body")
    if body is None:
        raise DocxImportError(f"“{name}”中没有正文内容，无法导入。请用 Word 或 WPS 打开确认。")
    reader.body(body)
    if reader.dropped_toc:
        logger.info("left out %d table-of-contents lines", reader.dropped_toc)
    return reader.paragraphs


def _main_part(archive: zipfile.ZipFile, name: str) -> str | None:
    rels = _read_member(archive, "_rels/.rels", name)
    if rels:
        root = _parse_xml(rels, "_rels/.rels", name)
        for rel in root:
            if str(rel.get("Type", "")).endswith("/officeDocument"):
                return str(rel.get("Target", "")).lstrip("/")
    return "word/document.xml"


def read_docx_report(path: Path, data: bytes | None = None) -> Report:
    """A report from a .docx (the BINARY_READERS entry for zip files)."""
    path = Path(path)
    if data is None:
        from drafting.text_reader import read_source_bytes

        data = read_source_bytes(path)
    paragraphs = read_docx_paragraphs(data, path.name)
    if not paragraphs:
        raise DocxImportError(f"“{path.name}”中没有文字，无法导入。请确认选择的文件是否正确。")
    doc_number = _take_doc_number(paragraphs)
    report = build_report(paragraphs)
    if doc_number:
        report.settings["doc_number"] = doc_number
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
    if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
        raise DocxImportError(f"“{path.name}”设置了打开密码，无法读取。请在 Word 或 WPS 中取消密码（文件→信息→保护文档）后另存，再导入。")
    streams = {name: name.encode("utf-16-le") in data for name in ("WordDocument", "Workbook", "PowerPoint Document")}
    if not streams["WordDocument"] and (streams["Workbook"] or streams["PowerPoint Document"]):
        kind = "Excel 表格" if streams["Workbook"] else "PowerPoint 演示文稿"
        raise DocxImportError(f"“{path.name}”是{kind}，不是 Word 文档。请选择报告的 Word 文件。")
    from drafting import libreoffice

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


BINARY_READERS["docx"] = read_docx_report
BINARY_READERS["ole"] = read_ole_report
