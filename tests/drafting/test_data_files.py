"""Every shipped data file under templates/ loads; malformed ones are rejected with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.data.outline import default_outline, load_outline
from drafting.errors import DataFileError
from drafting.numbering import chinese_number, parse_numbering, standard_prefix, to_chinese_number
from drafting.paths import templates_dir
from drafting.yamlio import YamlSyntaxError, parse_yaml_text, read_yaml_file


def test_shipped_outline_has_every_part() -> None:
    outline = default_outline()
    assert [p.id for p in outline.parts] == [
        "title", "addressee", "preamble", "measures", "leader_duty", "shortcomings", "plans", "other",
        "signature", "date",
    ]
    assert not outline.spec("other").required
    assert all(outline.spec(i).required for i in ("measures", "shortcomings", "leader_duty", "plans"))


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        ("一、工作开展情况", "measures"),
        ("一、主要措施和成效", "measures"),
        ("一、基本情况和主要成效", "measures"),
        ("二、存在的困难问题", "shortcomings"),
        ("三、存在问题", "shortcomings"),
        ("三、下步打算", "plans"),
        ("四、2022年工作措施", "plans"),
        ("四、下一步工作计划", "plans"),
        ("二、党政主要负责人履行推进法治建设第一责任人职责情况", "leader_duty"),
        ("五、其他需要报告的情况", "other"),
        ("五、关于信息化建设", None),
        # words a few characters apart ("存在…问题" in the table)
        ("二、存在的主要问题", "shortcomings"),
        ("二、存在的突出问题及原因", "shortcomings"),
        ("三、党政主要负责人履职情况", "leader_duty"),
        ("三、镇主要负责人切实履行法治建设职责", "leader_duty"),
        ("一、法治政府建设推进情况", "measures"),
        ("一、2023年主要做法及成效", "measures"),
        ("四、下一阶段工作安排", "plans"),
        ("二、问题", None),  # too little to say which part
    ],
)
def test_heading_wordings_map_to_parts(heading: str, part: str | None) -> None:
    assert default_outline().part_for_heading(heading) == part


def test_a_gap_wording_needs_words_on_both_sides(tmp_path: Path) -> None:
    shipped = (templates_dir() / "outline.yml").read_text(encoding="utf-8")
    bad = tmp_path / "outline.yml"
    bad.write_text(shipped.replace("wordings: [不足,", "wordings: […问题, 不足,"), encoding="utf-8")
    with pytest.raises(DataFileError, match="只能写在两个词之间"):
        load_outline(bad)


def test_every_yaml_under_templates_parses() -> None:
    files = sorted(templates_dir().glob("*.yml"))
    assert files, "no data files found"
    for path in files:
        data = read_yaml_file(path)
        assert isinstance(data, dict) and data.get("version") == 1, path


def test_outline_errors_name_line_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "outline.yml"
    bad.write_text(
        "version: 1\nparts:\n  - id: title\n    name: 标题\n    kind: frame\n    required: true\n    colour: red\n"
        "  - id: nonsense\n    name: x\n    kind: frame\n    required: true\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as info:
        load_outline(bad)
    message = str(info.value)
    assert str(bad) in message
    assert "第 7 行" in message and "colour" in message
    assert "第 8 行" in message and "nonsense" in message


def test_yaml_rejects_aliases_and_python_tags() -> None:
    with pytest.raises(YamlSyntaxError, match="别名"):
        parse_yaml_text("a: &x [1, 2]\nb: *x\n")
    with pytest.raises(YamlSyntaxError, match="标签"):
        parse_yaml_text("a: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(YamlSyntaxError, match="第 2 行"):
        parse_yaml_text("a: 1\na: 2\n")


@pytest.mark.parametrize(
    ("text", "style", "number"),
    [
        ("一、总体情况", "cn_dun", 1),
        ("十二、其他", "cn_dun", 12),
        ("（三）依法决策", "cn_paren", 3),
        ("(三)依法决策", "cn_paren", 3),
        ("1.健全制度", "ar_dot", 1),
        ("１．健全制度", "ar_dot", 1),
        ("（2）会前学法", "ar_paren", 2),
        ("1、 推进法治", "ar_dun", 1),
        ("二. 问题", "cn_dot", 2),
        ("2021.12.18", None, 0),
        ("1.5万人次参加", None, 0),
        ("一是加强学习", None, 0),
        ("一、", None, 0),
    ],
)
def test_numbering_forms(text: str, style: str | None, number: int) -> None:
    found = parse_numbering(text)
    if style is None:
        assert found is None
    else:
        assert found is not None and (found.style, found.number) == (style, number)


def test_chinese_numerals_round_trip() -> None:
    for value in range(1, 100):
        assert chinese_number(to_chinese_number(value)) == value
    assert standard_prefix(1, 3) == "三、" and standard_prefix(2, 11) == "（十一）"
    assert standard_prefix(3, 2) == "2." and standard_prefix(4, 5) == "（5）"
