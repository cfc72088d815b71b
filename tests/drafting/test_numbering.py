"""drafting.numbering: Chinese numerals both ways, run-in headings, and heading levels."""

from __future__ import annotations

import pytest

from drafting.numbering import (
    chinese_digits,
    chinese_small_number,
    infer_levels,
    split_run_in,
    to_chinese_digits,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("二〇二四", 2024),
        ("二〇二一", 2021),
        ("二零二三", 2023),
        ("二○二二", 2022),
        ("二Ｏ一九", 2019),
        ("一九九九", 1999),
        ("〇", 0),
    ],
)
def test_chinese_digits_read_digit_by_digit(text: str, value: int) -> None:
    assert chinese_digits(text) == value


@pytest.mark.parametrize("text", ["", "二十", "2024", "二〇二四年"])
def test_chinese_digits_reject_what_is_not_digits(text: str) -> None:
    with pytest.raises(ValueError):
        chinese_digits(text)


@pytest.mark.parametrize(("value", "text"), [(2024, "二〇二四"), (2030, "二〇三〇"), (1999, "一九九九"), (0, "〇")])
def test_to_chinese_digits(value: int, text: str) -> None:
    assert to_chinese_digits(value) == text
    assert chinese_digits(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("九", 9),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("三十一", 31),
        ("一十", 10),
        ("一十二", 12),
        ("九十九", 99),
        ("", None),
        ("一一", None),
        ("十十", None),
        ("二十十", None),
        ("百", None),
        ("12", None),
    ],
)
def test_chinese_small_number(text: str, value: int | None) -> None:
    assert chinese_small_number(text) == value


@pytest.mark.parametrize(
    ("text", "heading", "rest"),
    [
        ("（一）加强组织领导。镇党委召开会议4次。", "（一）加强组织领导。", "镇党委召开会议4次。"),
        ("一、主要举措和成效", "一、主要举措和成效", ""),
        ("1.抓好学习。", "1.抓好学习。", ""),
        ("（1）会前学法。 ", "（1）会前学法。", " "),
        ("。开头", "。", "开头"),
        ("", "", ""),
    ],
)
def test_split_run_in(text: str, heading: str, rest: str) -> None:
    assert split_run_in(text) == (heading, rest)
    assert heading + rest == text


def _parts(text: str) -> str | None:
    """A stand-in for Outline.part_for_heading: two statutory part wordings."""
    if "存在的问题" in text:
        return "shortcomings"
    if "主要举措" in text:
        return "measures"
    return None


@pytest.mark.parametrize(
    ("texts", "levels"),
    [
        # standard forms give their GB/T 9704 level; body text is 0
        (["一、主要举措", "（一）强化学习", "正文。", "1.抓好学习", "（1）会前学法"], [1, 2, 0, 3, 4]),
        # wrong forms: level 1 when naming a part, else one below the nearest heading of another style
        (["1、存在的问题", "（一）宣传不足", "1、形式单一"], [1, 2, 3]),
        (["（一）宣传不足", "1、形式单一"], [2, 3]),
        (["一.宣传不足"], [1]),
        (["（1）细项", "一.其他"], [4, 4]),
        # a wrong form naming a part but longer than a heading is judged by its context
        (["（一）宣传", "1、存在的问题" + "很" * 40], [2, 3]),
        ([], []),
    ],
)
def test_infer_levels(texts: list[str], levels: list[int]) -> None:
    assert infer_levels(texts, _parts) == levels


def test_preset_levels_are_kept() -> None:
    texts = ["主要举措和成效", "（一）强化学习", "正文"]
    assert infer_levels(texts, _parts, preset_levels=[1, None, 2]) == [1, 2, 2]


@pytest.mark.parametrize(
    ("texts", "bare", "levels"),
    [
        # no numbered part heading: a short unpunctuated line naming a part is one
        (["主要举措和成效", "正文。", "存在的问题"], True, [1, 0, 1]),
        (["主要举措和成效", "正文。", "存在的问题"], False, [0, 0, 0]),
        # with a numbered part heading, bare lines stay body text
        (["一、主要举措和成效", "存在的问题"], True, [1, 0]),
        # sentence punctuation, or an editing leftover in front, is no bare heading
        (["存在的问题，主要是", "**存在的问题"], True, [0, 0]),
    ],
)
def test_bare_headings(texts: list[str], bare: bool, levels: list[int]) -> None:
    assert infer_levels(texts, _parts, bare_headings=bare) == levels


def test_bare_heading_keeps_a_preset_body_level() -> None:
    assert infer_levels(["存在的问题"], _parts, preset_levels=[0], bare_headings=True) == [0]
