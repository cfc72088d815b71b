"""Splitting long titles over lines (drafting.export.title_split), with the shipped break words."""

from __future__ import annotations

import pytest

from drafting.export.layout import load_layout
from drafting.export.title_split import split_title, text_width

RULES = load_layout().title


def _split(title: str, max_chars: float | None = None) -> list[str]:
    return split_title(
        title,
        RULES.max_line_chars if max_chars is None else max_chars,
        RULES.break_before,
        RULES.break_after,
        RULES.keep_together,
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Fits on one line (digits count half): unchanged.
        ("大寺镇2021年度法治政府建设情况报告", ["大寺镇2021年度法治政府建设情况报告"]),
        ("商家镇2021年法治政府建设年度报告", ["商家镇2021年法治政府建设年度报告"]),
        # Break before 关于, after 人民政府.
        (
            "某某县某某镇人民政府关于2023年度法治政府建设情况的报告",
            ["某某县某某镇人民政府", "关于2023年度法治政府建设情况的报告"],
        ),
        # After 办事处.
        (
            "某某市某某区某某街道办事处2023年度法治政府建设情况报告",
            ["某某市某某区某某街道办事处", "2023年度法治政府建设情况报告"],
        ),
        # Three lines: after 委员会 and after 人民政府, then 关于 ...
        (
            "中共某某县某某镇委员会某某县某某镇人民政府关于2024年度法治政府建设工作情况的报告",
            ["中共某某县某某镇委员会", "某某县某某镇人民政府", "关于2024年度法治政府建设工作情况的报告"],
        ),
        # Too long for two lines broken before 关于: a diamond, cut before 工作情况的报告.
        (
            "广元市昭化区太公镇人民政府关于报送2021年度法治政府建设工作情况的报告",
            ["广元市昭化区太公镇人民政府", "关于报送2021年度法治政府建设", "工作情况的报告"],
        ),
    ],
)
def test_split_table(title: str, expected: list[str]) -> None:
    assert _split(title) == expected


@pytest.mark.parametrize(
    "title",
    [
        "某某县某某镇人民政府关于2023年度法治政府建设情况的报告",
        "关于印发《某某县某某镇2021年度法治政府建设工作要点和考核细则》的报告",
        "某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某2021年12345号",
        "某某县某某镇人民政府2022年度法治政府建设年度报告及2023年工作打算",
    ],
)
def test_lines_fit_rejoin_and_never_cut_numbers_or_words(title: str) -> None:
    lines = _split(title)
    assert "".join(lines) == title
    assert all(text_width(line) <= RULES.max_line_chars for line in lines)
    for before, after in zip(lines, lines[1:], strict=False):
        assert not (before[-1].isdigit() and (after[0].isdigit() or after[0] in "年月日号")), lines
        joined = before + after
        for word in RULES.keep_together:
            at = joined.find(word)
            if at >= 0:
                assert at + len(word) <= len(before) or at >= len(before), (word, lines)


def test_three_lines_make_a_trapezoid_or_diamond() -> None:
    lines = _split("中共某某县某某镇委员会某某县某某镇人民政府关于2024年度法治政府建设工作情况的报告")
    widths = [text_width(line) for line in lines]
    assert len(lines) == 3
    # Never an hourglass (within one character counts as level).
    assert not (widths[1] + 1 < widths[0] and widths[1] + 1 < widths[2])


def test_digits_count_half() -> None:
    assert text_width("2021年") == 3
    assert text_width("法治") == 2


def test_narrow_line_splits_more() -> None:
    lines = _split("某某县某某镇人民政府关于2023年度法治政府建设情况的报告", max_chars=12)
    assert len(lines) >= 3
    assert all(text_width(line) <= 12 for line in lines)
