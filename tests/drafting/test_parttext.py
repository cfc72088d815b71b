"""A part's editor text to blocks and back, and level-1 numbering by part position."""

from __future__ import annotations

import pytest

from drafting.model import Block
from drafting.writing.part_text import blocks_to_text, text_to_blocks


def levels(text: str) -> list[tuple[str, int]]:
    return [(b.text, b.level) for b in text_to_blocks(text)]


def test_headings_get_their_levels_and_blank_lines_are_dropped() -> None:
    text = "一、主要举措和成效\n\n（一）强化学习\n  全年组织培训12场。  \n1.抓好中心组学习。中心组学习12次。\n（1）会前学法\n\n"
    assert levels(text) == [
        ("一、主要举措和成效", 1),
        ("（一）强化学习", 2),
        ("全年组织培训12场。", 0),
        ("1.抓好中心组学习。中心组学习12次。", 3),
        ("（1）会前学法", 4),
    ]


def test_wrong_forms_are_judged_like_an_imported_report() -> None:
    # "1、" naming a statutory part is its level-1 heading; under （一） it stands where 1. belongs.
    assert levels("1、存在的问题\n（一）宣传不足\n1、形式单一")[0] == ("1、存在的问题", 1)
    assert levels("（一）宣传不足\n1、形式单一")[1] == ("1、形式单一", 3)


@pytest.mark.parametrize("text", ["", "\n\n  \n", "2024年，全镇……\n2021.12.18", "我写的不足\n存在的不足和原因"])
def test_plain_lines_are_paragraphs(text: str) -> None:
    assert all(level == 0 for _t, level in levels(text))


def test_blocks_to_text_round_trips() -> None:
    text = "二、存在的不足和原因\n（一）执法不够规范。主要原因是培训不足。\n其他说明。"
    assert blocks_to_text(text_to_blocks(text)) == text
    assert blocks_to_text([Block("甲"), Block("  "), Block("乙", 1)]) == "甲\n乙"

