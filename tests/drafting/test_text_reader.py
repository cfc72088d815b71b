"""The plain-text reader: encodings, structure of the real samples, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.errors import InputError
from drafting.reading.text_reader import decode_text, parse_text_report, read_text_report
from tests.conftest import report_path, sample_path

SMALL_REPORT = """某某镇人民政府关于2024年度法治政府建设情况的报告

县委、县政府：
2024年，我镇坚持以习近平法治思想为指导。现将有关情况报告如下：
一、主要举措和成效
（一）深入学习贯彻习近平法治思想
全年组织法治培训12场。
1.健全学法制度
（1）会前学法
二、存在的不足和原因
一是执法力量不足。主要原因是编制有限。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法。
四、下一年度推进法治政府建设的主要安排
一是充实执法力量。

某某镇人民政府
2025年1月10日
"""


def _source_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_decodes_common_chinese_encodings(encoding: str) -> None:
    data = SMALL_REPORT.encode(encoding)
    assert decode_text(data) == SMALL_REPORT


def test_big5_text_is_read_as_traditional_chinese() -> None:
    text = "大寺鎮2021年度法治政府建設情況報告\n今年以來，在區委、區政府的正確領導下，依法行政工作進一步規範。\n"
    assert decode_text(text.encode("big5")) == text


def test_gb18030_keeps_characters_outside_gbk() -> None:
    text = "䶮镇人民政府关于2024年度法治政府建设情况的报告\n正文𠀀。\n"
    assert decode_text(text.encode("gb18030")) == text


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "空文件"),
        (b"   \n\n", "空文件"),
        (bytes(range(256)) * 20, "二进制"),
        (b"\x89PNG\r\n\x1a\n" + bytes(500), "二进制"),
        (b"\x7fELF\x02\x01\x01" + bytes(range(1, 40)) * 10, "二进制"),
    ],
    ids=["empty", "blank", "all-bytes", "png", "elf"],
)
def test_rejects_empty_and_binary(data: bytes, words: str) -> None:
    with pytest.raises(InputError, match=words):
        decode_text(data, "x.txt")


def test_structure_of_a_standard_report() -> None:
    report = parse_text_report(SMALL_REPORT)
    assert [p.id for p in report.parts] == [
        "title", "addressee", "preamble", "measures", "shortcomings", "leader_duty", "plans", "signature", "date",
    ]
    assert report.title == "某某镇人民政府关于2024年度法治政府建设情况的报告"
    assert report.addressee == "县委、县政府："
    assert report.signature == "某某镇人民政府"
    assert report.date_text == "2025年1月10日"
    assert report.meta.year == 2024
    measures = report.part("measures")
    assert measures is not None
    assert [(b.level, b.text) for b in measures.blocks if b.level] == [
        (1, "一、主要举措和成效"), (2, "（一）深入学习贯彻习近平法治思想"), (3, "1.健全学法制度"), (4, "（1）会前学法"),
    ]
    # "一是……" starts a sentence, not a heading.
    shortcomings = report.part("shortcomings")
    assert shortcomings is not None and shortcomings.blocks[1].level == 0


UNUSUAL_HEADINGS = """关于红岩街道2023年法治政府建设工作的报告

区委、区政府：
现将红岩街道2023年法治政府建设工作报告如下。
一、聚焦主责主业，法治建设扎实推进
街道党工委理论学习中心组开展学法活动6次。
二、创新特色做法
打造基层协商品牌，全年协商解决群众关心事项37件。
三、对照目标找短板
一是依法决策意识还需强化，原因是部分干部习惯于凭经验办事。
四、压实领导责任
街道党工委书记切实履行推进法治建设第一责任人职责。
五、锚定目标，谋划来年
持续开展干部学法用法。

红岩街道办事处
2024年1月20日
"""


def test_headings_worded_in_no_known_way_are_placed_by_position_and_content() -> None:
    report = parse_text_report(UNUSUAL_HEADINGS)
    headings = {p.id: p.heading for p in report.parts if p.heading}
    assert headings == {
        "measures": "一、聚焦主责主业，法治建设扎实推进",   # the first section
        "shortcomings": "三、对照目标找短板",                # 短板 is in the wording table
        "leader_duty": "四、压实领导责任",                   # between 不足 and the end, speaks of 书记
        "plans": "五、锚定目标，谋划来年",                   # the last one left, speaks of what comes next
    }
    # an extra section without the marks of a statutory part stays in the part before it
    assert "二、创新特色做法" in report.part("measures").text


def test_an_unknown_heading_without_the_parts_marks_stays_where_it_is() -> None:
    text = UNUSUAL_HEADINGS.replace("四、压实领导责任\n街道党工委书记切实履行推进法治建设第一责任人职责。\n",
                                    "四、关于信息化建设\n建成网格化管理平台。\n")
    report = parse_text_report(text)
    assert report.part("leader_duty") is None
    assert "四、关于信息化建设" in report.part("shortcomings").text
    assert report.part("plans").heading == "五、锚定目标，谋划来年"


def test_part_headings_that_lost_their_numbers_are_still_found() -> None:
    """Word's automatic 一、 numbering is often lost when a report is pasted onto a web page."""
    import re

    text = re.sub(r"^[一二三四]、", "", SMALL_REPORT, flags=re.M)
    report = parse_text_report(text)
    assert [p.id for p in report.parts] == [
        "title", "addressee", "preamble", "measures", "shortcomings", "leader_duty", "plans", "signature", "date",
    ]
    assert report.part("shortcomings").heading == "存在的不足和原因"
    # a sentence that merely mentions a part's words is no heading
    report = parse_text_report(SMALL_REPORT.replace("主要负责人带头学法。", "存在的不足和原因已另行报告，此处不再重复。"))
    assert [b.level for b in report.part("leader_duty").blocks] == [1, 0]


def test_positions_point_into_the_source() -> None:
    text = "标题报告\n\n   一、主要举措和成效\n正文。\n"
    report = parse_text_report(text)
    block = report.part("measures").blocks[0]  # type: ignore[union-attr]
    assert (block.source_line, block.source_column) == (3, 4)
    line = text.splitlines()[block.source_line - 1]
    assert line[block.source_column - 1 :].startswith(block.text)


EXPECTED_PARTS = {
    "taigong-2021": ["title", "addressee", "preamble", "measures", "shortcomings", "plans"],
    "shangjia-2021": ["title", "preamble", "measures", "leader_duty", "shortcomings", "plans"],
    "dasi-2021": ["title", "preamble", "measures", "leader_duty", "shortcomings", "plans"],
    "qingshui-2021": ["title", "addressee", "preamble", "measures", "shortcomings", "plans"],
    "hexi-2021": ["title", "preamble", "measures", "leader_duty", "shortcomings", "plans"],
    "songlin-2021": ["title", "preamble", "measures", "leader_duty", "shortcomings", "plans"],
}


@pytest.mark.parametrize("name", sorted(EXPECTED_PARTS))
def test_samples_parts_and_every_line_kept(name: str) -> None:
    path = report_path(name)
    report = read_text_report(path)
    assert [p.id for p in report.parts] == EXPECTED_PARTS[name]
    assert report.meta.year == 2021
    # Every non-empty line of the source, in order, is one block's text, less the editing leftovers
    # the reader removed and reported (taigong's "[bookmark: _GoBack]").
    raw = path.read_text(encoding="utf-8").splitlines()
    for note in report.source_notes:
        assert note.kind == "leftover"
        raw[note.line - 1] = raw[note.line - 1].replace(note.found, "", 1)
    assert [b.text for _part, b in report.iter_blocks()] == [line.strip() for line in raw if line.strip()]
    assert len(report.source_notes) == (1 if name in ("taigong-2021", "qingshui-2021") else 0)


def test_sample_wrong_level1_numbering_still_a_level1_heading() -> None:
    report = read_text_report(report_path("hexi-2021"))
    measures = report.part("measures")
    assert measures is not None
    assert measures.blocks[0].level == 1 and measures.blocks[0].text.startswith("1、")
    assert measures.heading.startswith("1、")


def test_sample_levels_of_headings() -> None:
    report = read_text_report(sample_path("dasi-2021"))
    levels = [(b.level, b.text[:6]) for _p, b in report.iter_blocks() if b.level]
    assert levels[:3] == [(1, "一、主要举措"), (2, "（一）强化科"), (2, "（二）坚持体")]
    assert sum(1 for lv, _ in levels if lv == 1) == 4


def test_wrong_form_numbering_levels_by_context() -> None:
    text = "\n".join(
        [
            "报告",
            "",
            "一、主要举措和成效",
            "（一）依法决策",
            "1、合法性审查",
            "2、法律顾问",
            "（二）执法",
            "1、持证上岗",
            "二、存在的不足和原因",
            "不足。",
        ]
    )
    report = parse_text_report(text)
    measures = report.part("measures")
    assert measures is not None
    assert [(b.level, b.text[:3]) for b in measures.blocks] == [
        (1, "一、主"), (2, "（一）"), (3, "1、合"), (3, "2、法"), (2, "（二）"), (3, "1、持"),
    ]


def test_missing_file_message(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="找不到文件"):
        read_text_report(tmp_path / "nothing.txt")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="文件夹"):
        read_text_report(tmp_path)
