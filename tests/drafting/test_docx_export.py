"""The GB/T 9704 Word writer, checked by reopening the .docx (python-docx and the XML)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from drafting.errors import DataFileError, ExportError
from drafting.export.layout import load_layout, place_signature
from drafting.export.writer import build_document, write_docx
from drafting.paths import templates_dir
from drafting.reading.text_reader import parse_text_report, read_text_report
from tests.conftest import (
    REPORT_NAMES,
    REQUIRE_SHARED,
    SAMPLE_NAMES,
    SAMPLES_DIR,
    STAND_IN_NAMES,
    report_path,
)

LAYOUT = load_layout()
TEXT_WIDTH_PT = (210 - 28 - 26) / 25.4 * 72  # 156 mm
PITCH_PT = TEXT_WIDTH_PT / 28
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: What GB/T 9704 and issue 2 ask of each style: name, East Asian font, size, alignment, first-line chars.
EXPECTED_STYLES = [
    ("Normal", "仿宋_GB2312", 16, "both", 2),
    ("Title", "方正小标宋简体", 22, "center", 0),
    ("Heading 1", "黑体", 16, "both", 2),
    ("Heading 2", "楷体_GB2312", 16, "both", 2),
    ("Heading 3", "仿宋_GB2312", 16, "both", 2),
    ("Heading 4", "仿宋_GB2312", 16, "both", 2),
    ("主送机关", "仿宋_GB2312", 16, "left", 0),
    ("发文机关署名", "仿宋_GB2312", 16, "right", 0),
    ("成文日期", "仿宋_GB2312", 16, "right", 0),
    ("页码", "宋体", 14, "right", 0),
]

SIGNED_TEXT = """某某县某某镇人民政府关于2023年度法治政府建设情况的报告

县委、县政府：
2023年，我镇坚持以习近平法治思想为指导，现将有关情况报告如下：
一、主要举措和成效
（一）强化组织领导。全年召开专题会议4次。
二、存在的不足和原因
法治宣传形式较为单一。
三、下一年度推进法治政府建设的主要安排
持续深化法治宣传教育。
某某县某某镇人民政府
2024年01月10日
"""


def _reopen(report, tmp_path: Path, name: str = "out.docx") -> docx.document.Document:  # type: ignore[no-untyped-def]
    target = tmp_path / name
    write_docx(report, target)
    return docx.Document(str(target))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, docx.document.Document]:
    folder = tmp_path_factory.mktemp("export")
    result = {}
    for name in STAND_IN_NAMES + SAMPLE_NAMES:
        if name in SAMPLE_NAMES and not REQUIRE_SHARED and not (SAMPLES_DIR / f"{name}.txt").is_file():
            continue  # tests on this sample skip through report_path
        target = folder / f"{name}.docx"
        write_docx(read_text_report(report_path(name)), target)
        result[name] = docx.Document(str(target))
    return result


@pytest.fixture(scope="module")
def document(exported: dict[str, docx.document.Document]) -> docx.document.Document:
    return exported["qingshui-2021"]


def _style_xml(document, name: str):  # type: ignore[no-untyped-def]
    return document.styles[name].element


def _twips(value: float) -> int:
    return round(value * 20)


# --------------------------------------------------------------------------- page and grid


def test_page_is_a4_with_gbt9704_margins(document) -> None:  # type: ignore[no-untyped-def]
    section = document.sections[0]
    for actual, mm in (
        (section.page_width, 210),
        (section.page_height, 297),
        (section.top_margin, 37),
        (section.bottom_margin, 35),
        (section.left_margin, 28),
        (section.right_margin, 26),
    ):
        assert abs(actual - Mm(mm)) <= 635, (actual, mm)  # within one twip


def test_doc_grid_is_22_lines_of_28_characters(document) -> None:  # type: ignore[no-untyped-def]
    grid = document.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    assert grid.get(qn("w:linePitch")) == "579"
    char_space = int(grid.get(qn("w:charSpace")))
    pitch = 16 + char_space / 4096  # Word: body size plus charSpace/4096 pt
    assert 28 * pitch <= TEXT_WIDTH_PT + 0.05
    assert 29 * pitch > TEXT_WIDTH_PT
    assert 22 * 579 / 20 <= (297 - 37 - 35) / 25.4 * 72


def test_characters_fit_28_but_not_29_to_a_line(document) -> None:  # type: ignore[no-untyped-def]
    spacing = _style_xml(document, "Normal").find(f"{qn('w:rPr')}/{qn('w:spacing')}")
    width = 16 + int(spacing.get(qn("w:val"))) / 20
    assert 28 * width <= TEXT_WIDTH_PT < 29 * width


def test_body_line_spacing_exact_and_no_paragraph_spacing(document) -> None:  # type: ignore[no-untyped-def]
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "主送机关", "发文机关署名", "成文日期"):
        fmt = document.styles[name].paragraph_format
        assert fmt.line_spacing == Pt(28.95), name
        assert fmt.line_spacing_rule is not None and fmt.line_spacing_rule.name == "EXACTLY", name
        assert fmt.space_before == 0 and fmt.space_after == 0, name
        assert fmt.widow_control is False and fmt.keep_with_next is False, name
    defaults = document.styles.element.find(qn("w:docDefaults"))
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    assert spacing.get(qn("w:line")) == "579" and spacing.get(qn("w:lineRule")) == "exact"
    assert spacing.get(qn("w:after")) == "0"


# --------------------------------------------------------------------------- styles


@pytest.mark.parametrize(("name", "east_asia", "size", "jc", "indent_chars"), EXPECTED_STYLES)
def test_style_fonts_size_alignment_indent(document, name, east_asia, size, jc, indent_chars) -> None:  # type: ignore[no-untyped-def]
    style = document.styles[name]
    fonts = style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:eastAsia")) == east_asia
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Times New Roman"
    assert not [a for a in fonts.attrib if "Theme" in a or "theme" in a]
    assert style.font.size == Pt(size)
    assert style.font.bold is False
    color = style.element.find(f"{qn('w:rPr')}/{qn('w:color')}")
    assert color is not None and color.get(qn("w:val")) == "000000"
    lang = style.element.find(f"{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:eastAsia")) == "zh-CN"
    ppr = style.element.find(qn("w:pPr"))
    assert ppr.find(qn("w:jc")).get(qn("w:val")) == jc
    indent = style.paragraph_format.first_line_indent or 0
    expected = indent_chars * (PITCH_PT if size == 16 else size)
    assert abs(indent - Pt(expected)) <= 635, (name, indent)
    if indent_chars:
        assert ppr.find(qn("w:ind")).get(qn("w:firstLineChars")) == str(indent_chars * 100)


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_headings_keep_outline_level(document, level: int) -> None:  # type: ignore[no-untyped-def]
    ppr = document.styles[f"Heading {level}"].element.find(qn("w:pPr"))
    assert ppr.find(qn("w:outlineLvl")).get(qn("w:val")) == str(level - 1)


def test_run_in_character_style(document) -> None:  # type: ignore[no-untyped-def]
    style = document.styles["标题后正文"]
    assert style.type == docx.enum.style.WD_STYLE_TYPE.CHARACTER
    fonts = style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert style.font.size == Pt(16) and style.font.bold is False


def test_no_theme_fonts_or_colours_left_anywhere_in_styles(document) -> None:  # type: ignore[no-untyped-def]
    root = document.styles.element
    for fonts in root.iter(qn("w:rFonts")):
        assert not [a for a in fonts.attrib if "heme" in a], fonts.attrib
    for color in root.iter(qn("w:color")):
        assert color.get(qn("w:themeColor")) is None
        assert color.get(qn("w:val")) in ("000000", "auto")
    defaults = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert defaults.find(qn("w:sz")).get(qn("w:val")) == "32"
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_only_one_styles_part(tmp_path: Path) -> None:
    """No stylesWithEffects.xml left from python-docx's template (theme fonts Word 2010 could use)."""
    import zipfile

    target = tmp_path / "out.docx"
    write_docx(parse_text_report(SIGNED_TEXT), target)
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        content_types = archive.read("[Content_Types].xml").decode()
    assert "word/styles.xml" in names
    assert not [n for n in names if "stylesWithEffects" in n or "thumbnail" in n]
    assert "stylesWithEffects" not in content_types


def test_only_the_reports_styles_are_defined(document) -> None:  # type: ignore[no-untyped-def]
    names = {style.name for style in document.styles}
    expected = {name for name, *_ in EXPECTED_STYLES} | {"标题后正文"}
    assert expected <= names
    # Besides them only Word's defaults (Default Paragraph Font, Normal Table, No List).
    assert len(names - expected) <= 3, names - expected
    for name in expected:
        assert document.styles[name].element.find(qn("w:link")) is None


def test_latin_font_flag_off_uses_the_chinese_font(tmp_path: Path) -> None:
    text = (templates_dir() / "layout.yml").read_text(encoding="utf-8")
    changed = text.replace("latin_times_new_roman: true", "latin_times_new_roman: false")
    assert changed != text
    path = tmp_path / "layout.yml"
    path.write_text(changed, encoding="utf-8")
    document = build_document(parse_text_report(SIGNED_TEXT), load_layout(path))
    fonts = document.styles["Heading 1"].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:eastAsia")) == "黑体"


def test_layout_errors_name_file_and_line(tmp_path: Path) -> None:
    text = (templates_dir() / "layout.yml").read_text(encoding="utf-8")
    path = tmp_path / "layout.yml"
    path.write_text(text.replace("    align: center\n", "    align: middle\n    colour: red\n", 1), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_layout(path)
    message = str(info.value)
    assert "layout.yml" in message and "colour" in message and "align" in message and "第 " in message


# --------------------------------------------------------------------------- footers


def _footer_paragraph(footer):  # type: ignore[no-untyped-def]
    paragraphs = [p for p in footer.paragraphs if p.text.strip() or p._p.xpath(".//w:fldChar")]
    assert len(paragraphs) == 1
    return paragraphs[0]


def test_even_and_odd_footers_with_page_fields(document) -> None:  # type: ignore[no-untyped-def]
    assert document.settings.odd_and_even_pages_header_footer is True
    assert document.settings.element.find(qn("w:evenAndOddHeaders")) is not None
    section = document.sections[0]
    kinds = {ref.get(qn("w:type")) for ref in section._sectPr.findall(qn("w:footerReference"))}
    assert {"default", "even"} <= kinds
    for footer, align, side in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left"),
    ):
        paragraph = _footer_paragraph(footer)
        assert paragraph.style.name == "页码"
        assert paragraph.paragraph_format.alignment == align
        indent = paragraph.paragraph_format.right_indent if side == "right" else paragraph.paragraph_format.left_indent
        assert indent == Pt(14)
        sequence = [
            el.get(qn("w:fldCharType")) if el.tag == qn("w:fldChar") else el.text.strip()
            for el in paragraph._p.iter(qn("w:fldChar"), qn("w:instrText"))
        ]
        assert sequence == ["begin", "PAGE", "separate", "end"]
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
    style = document.styles["页码"]
    assert style.font.size == Pt(14)
    assert style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:eastAsia")) == "宋体"


# --------------------------------------------------------------------------- content


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_every_source_line_in_order(exported, name: str) -> None:  # type: ignore[no-untyped-def]
    source = report_path(name).read_text(encoding="utf-8-sig")
    # The reader removes editing leftovers before export (taigong's "[bookmark: _GoBack]"); nothing else.
    lines = [line.replace("[bookmark: _GoBack]", "").strip() for line in source.splitlines() if line.strip()]
    texts = [p.text.strip() for p in exported[name].paragraphs if p.text.strip()]
    assert texts == lines


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_heading_levels_become_heading_styles(exported, name: str) -> None:  # type: ignore[no-untyped-def]
    report = read_text_report(report_path(name))
    blocks = [(part.id, block) for part, block in report.iter_blocks() if block.text.strip()]
    paragraphs = [p for p in exported[name].paragraphs if p.text.strip()]
    assert len(blocks) == len(paragraphs)
    headings = 0
    for (part_id, block), paragraph in zip(blocks, paragraphs, strict=True):
        if block.level:
            headings += 1
            assert paragraph.style.name == f"Heading {block.level}", block.text
        elif part_id == "title":
            assert paragraph.style.name == "Title"
        elif part_id == "addressee":
            assert paragraph.style.name == "主送机关"
        else:
            assert paragraph.style.name == "Normal", block.text
    assert headings >= 3


def test_title_then_one_empty_line(document) -> None:  # type: ignore[no-untyped-def]
    paragraphs = document.paragraphs
    titles = [p.text for p in paragraphs[:3]]
    assert titles == ["某某县清水镇人民政府", "关于报送2021年度法治政府建设工作情况", "报     告"]
    assert all(p.style.name == "Title" for p in paragraphs[:3])
    assert paragraphs[3].text == ""
    assert paragraphs[4].text == "县委、县政府：" and paragraphs[4].style.name == "主送机关"


def test_run_in_heading_is_one_paragraph_with_body_run(document) -> None:  # type: ignore[no-untyped-def]
    paragraph = next(p for p in document.paragraphs if p.text.startswith("（一）加强党委统筹"))
    assert paragraph.style.name == "Heading 2"
    assert paragraph.runs[0].text == "（一）加强党委统筹，深入学习贯彻习近平法治思想。"
    assert paragraph.runs[0].style.name != "标题后正文"
    assert paragraph.runs[1].text.startswith("一是落实党委理论学习中心组学法制度")
    assert paragraph.runs[1].style.name == "标题后正文"


def test_long_one_line_title_is_split(tmp_path: Path) -> None:
    document = _reopen(parse_text_report(SIGNED_TEXT), tmp_path)
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert titles == ["某某县某某镇人民政府", "关于2023年度法治政府建设情况的报告"]


def test_signature_and_date_placement(tmp_path: Path) -> None:
    document = _reopen(parse_text_report(SIGNED_TEXT), tmp_path)
    paragraphs = document.paragraphs
    signature, date = paragraphs[-2], paragraphs[-1]
    assert paragraphs[-3].text == "" and paragraphs[-4].text == "持续深化法治宣传教育。"
    assert signature.text == "某某县某某镇人民政府" and signature.style.name == "发文机关署名"
    assert date.text == "2024年1月10日" and date.style.name == "成文日期"
    assert signature.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert abs(signature.paragraph_format.right_indent - Pt(2 * PITCH_PT)) <= 635
    # The date's first character two characters right of the signature's first character.
    sig_start = TEXT_WIDTH_PT - 2 * PITCH_PT - 10 * LAYOUT.grid.char_width_pt
    assert date.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert abs(date.paragraph_format.left_indent - Pt(sig_start + 2 * PITCH_PT)) <= 635
    # kept together on one page, with the body's last paragraph: the chain ends at the date
    assert [p.paragraph_format.keep_with_next for p in paragraphs[-5:]] == [None, True, True, True, None]


def test_a_joint_report_has_one_signature_line_per_organisation(tmp_path: Path) -> None:
    text = SIGNED_TEXT.replace("\n某某县某某镇人民政府\n", "\n中共某某县某某镇委员会\n某某县某某镇人民政府\n")
    report = parse_text_report(text)
    assert [b.text for b in report.part("signature").blocks] == ["中共某某县某某镇委员会", "某某县某某镇人民政府"]
    assert report.meta.org == "某某县某某镇人民政府"  # the government writes the report
    paragraphs = _reopen(report, tmp_path).paragraphs
    party, government, date = paragraphs[-3:]
    assert (party.text, government.text) == ("中共某某县某某镇委员会", "某某县某某镇人民政府")
    assert party.style.name == government.style.name == "发文机关署名"
    # both end two characters from the right; the date starts two characters right of the longer one
    assert party.paragraph_format.right_indent == government.paragraph_format.right_indent
    assert abs(party.paragraph_format.right_indent - Pt(2 * PITCH_PT)) <= 635
    party_start = TEXT_WIDTH_PT - 2 * PITCH_PT - 11 * LAYOUT.grid.char_width_pt
    assert abs(date.paragraph_format.left_indent - Pt(party_start + 2 * PITCH_PT)) <= 635
    assert [p.paragraph_format.keep_with_next for p in paragraphs[-3:]] == [True, True, None]


def test_long_date_is_two_from_the_right_and_signature_centred_over_it() -> None:
    place = place_signature(4, 8, LAYOUT)  # 某镇政府 / 2024年12月31日
    assert place.date_right == 2 and place.date_left is None
    assert place.signature_right == 2 + (8 - 4) / 2
    normal = place_signature(10, 7, LAYOUT)
    assert normal.signature_right == 2 and normal.date_left is not None


def test_report_without_signature_or_date_gets_none(exported) -> None:  # type: ignore[no-untyped-def]
    for document in exported.values():
        names = {p.style.name for p in document.paragraphs}
        assert "发文机关署名" not in names and "成文日期" not in names


@pytest.mark.parametrize(
    ("written", "exported_as"),
    [
        ("2024年01月10日", "2024年1月10日"),
        ("2021.12.18", "2021年12月18日"),
        ("二〇二四年一月十日", "2024年1月10日"),
        ("二〇二一年十二月三十一日", "2021年12月31日"),
        ("２０２４年１月５日", "2024年1月5日"),
        ("2024年13月40日", "2024年13月40日"),
        ("某某镇", "某某镇"),
    ],
)
def test_date_line_is_written_the_gb_way(written: str, exported_as: str) -> None:
    report = parse_text_report(SIGNED_TEXT)
    report.part("date").blocks[0].text = written
    document = build_document(report)
    assert [p.text for p in document.paragraphs if p.style.name == "成文日期"] == [exported_as]


# --------------------------------------------------------------------------- saving


def test_unwritable_output_raises_export_error_and_writes_nothing(tmp_path: Path) -> None:
    report = parse_text_report(SIGNED_TEXT)
    with pytest.raises(ExportError) as info:
        write_docx(report, tmp_path / "missing" / "out.docx")
    assert "不存在" in str(info.value)
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    with pytest.raises(ExportError):
        write_docx(report, folder)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.docx"]
    assert list(folder.iterdir()) == []


def test_overwrites_atomically_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    write_docx(parse_text_report(SIGNED_TEXT), target)
    assert target.read_bytes().startswith(b"PK")
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_repeated_exports_are_identical_and_independent(tmp_path: Path) -> None:
    """The blank document is reused from the third export on: same XML, no content carried over."""
    from drafting.export import writer as docx_export

    docx_export._SKELETON.clear()  # start cold: built, built and kept, then reopened twice
    report = parse_text_report(SIGNED_TEXT)
    short = parse_text_report("某镇报告\n\n县委：\n正文一段。\n")
    parts = []
    for index, current in enumerate((report, short, report, report)):
        target = tmp_path / f"{index}.docx"
        write_docx(current, target)
        document = docx.Document(str(target))
        parts.append(
            (
                document.element.xml,
                document.styles.element.xml,
                document.sections[0].footer._element.xml,
                document.sections[0].even_page_footer._element.xml,
            )
        )
    assert parts[0] == parts[2] == parts[3]
    assert "正文一段" in parts[1][0] and "正文一段" not in parts[3][0]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  char_spacing_pt: -0.5", "  char_spacing_pt: -1.0", "29 个字"),  # 29 characters would fit
        ("  char_spacing_pt: -0.5", "  char_spacing_pt: 0", "超过了版心宽度"),  # 28 would not
        ("  lines_per_page: 22", "  lines_per_page: 23", "超过了版心高度"),
        ("  long_date: centre", "  long_date: middle", "long_date"),
    ],
)
def test_layout_grid_is_checked(tmp_path: Path, old: str, new: str, expected: str) -> None:
    text = (templates_dir() / "layout.yml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "layout.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_layout(path)
    assert expected in str(info.value)


def test_properties_in_schema_order(tmp_path: Path) -> None:
    """Word refuses a file whose w:pPr / w:rPr children are out of the schema's sequence."""
    import zipfile

    from lxml import etree

    from drafting.export.oxml import ORDER

    target = tmp_path / "out.docx"
    write_docx(parse_text_report(SIGNED_TEXT), target)
    checked = 0
    with zipfile.ZipFile(target) as archive:
        for name in ("word/styles.xml", "word/document.xml", "word/footer1.xml", "word/footer2.xml"):
            root = etree.fromstring(archive.read(name))
            for tag, order in ORDER.items():
                ranks = {qn(t): i for i, t in enumerate(order)}
                for element in root.iter(tag):
                    seen = [ranks.get(child.tag) for child in element]
                    assert None not in seen, (name, [child.tag for child in element])
                    assert seen == sorted(seen), (name, [child.tag for child in element])
                    checked += 1
    assert checked > 20
