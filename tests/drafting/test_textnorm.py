"""drafting.textnorm: one folded form for matching, positions still in the original text."""

from __future__ import annotations

import pytest

from drafting.textnorm import fold

pytestmark = pytest.mark.core


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("“七五”普法", "七五普法"),
        ("‘八五’普法", "八五普法"),
        ('"七五"普法', "七五普法"),
        ("纲要（2021-2025年）", "纲要（2021—2025年）"),
        ("纲要(2021–2025年)", "纲要（2021—2025年）"),
        ("纲要（2021－2025）", "纲要（2021—2025）"),
        ("区委,区政府:", "区委,区政府："),
        ("法\u00ad制宣传", "法制宣传"),
        ("法\u200b制\u200d宣\ufeff传", "法制宣传"),
        ("法治宣传", "法治宣传"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text).text == folded


@pytest.mark.parametrize(
    ("text", "term", "original"),
    [
        ("开展“七五”普法活动", "七五普法", "七五”普法"),
        ("加强法\u00ad制宣传工作", "法制宣传", "法\u00ad制宣传"),
        ("对照纲要(2021-2025年)执行", "纲要（2021—2025年）", "纲要(2021-2025年)"),
    ],
)
def test_span_points_at_the_original(text: str, term: str, original: str) -> None:
    folded = fold(text)
    start = folded.text.index(term)
    begin, end = folded.span(start, start + len(term))
    assert text[begin:end] == original == folded.original_text(start, start + len(term))
    assert folded.changed


def test_unchanged_text_maps_one_to_one() -> None:
    folded = fold("依法行政")
    assert not folded.changed and folded.span(1, 3) == (1, 3) and folded.span(4, 4) == (4, 4)
