"""查找和替换 in the core: matches across parts with their positions, replace-all and its counts."""

from __future__ import annotations

import pytest

from drafting.model import Block, Part, Report
from drafting.project import DraftProject
from drafting.search import (
    Cursor,
    Match,
    find_all,
    find_in_text,
    next_match,
    previous_match,
    replace_all,
    report_texts,
)

pytestmark = pytest.mark.core

PARTS = [
    ("title", "某某镇人民政府关于2024年度法治政府建设情况的报告"),
    ("preamble", "2024年，某某镇坚持依法行政。\n全镇开展法治宣传12场。"),
    ("measures", "一、主要举措和成效\n（一）推进依法行政。法治宣传进村入户，法治夜校办了3期。"),
    ("signature", "某某镇人民政府"),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # across parts, in document order: (part, line, column, length)
        ("某某镇", [("title", 0, 0, 3), ("preamble", 0, 6, 3), ("signature", 0, 0, 3)]),
        ("法治", [("title", 0, 15, 2), ("preamble", 1, 4, 2), ("measures", 1, 10, 2), ("measures", 1, 19, 2)]),
        ("法治宣传", [("preamble", 1, 4, 4), ("measures", 1, 10, 4)]),
        # the second line of a part counts its column from that line's start
        ("全镇", [("preamble", 1, 0, 2)]),
        ("（一）", [("measures", 1, 0, 3)]),
        ("2024", [("title", 0, 9, 4), ("preamble", 0, 0, 4)]),
        ("不存在的词", []),
        ("", []),
    ],
)
def test_find_all_positions(query: str, expected: list[tuple[str, int, int, int]]) -> None:
    found = find_all(PARTS, query)
    assert [(m.part_id, m.line, m.column, m.length) for m in found] == expected
    texts = dict(PARTS)
    for match in found:
        text = texts[match.part_id]
        assert text[match.offset:match.offset + match.length] == query
        assert text.split("\n")[match.line][match.column:match.column + match.length] == query


@pytest.mark.parametrize(
    ("text", "query", "case_sensitive", "offsets"),
    [
        ("PDCA 循环，pdca 闭环，Pdca", "pdca", False, [0, 8, 16]),
        ("PDCA 循环，pdca 闭环，Pdca", "pdca", True, [8]),
        ("aaa", "aa", False, [0]),  # no overlapping matches, as in an editor
        ("a.b a+b", ".", False, [1]),  # the query is text, not a pattern
        ("第（1）项（1）", "（1）", False, [1, 5]),
        ("Straße STRASSE", "straße", False, [0]),  # case folds per character: offsets stay true
    ],
)
def test_find_in_text_is_literal_and_case_blind_by_default(text: str, query: str, case_sensitive: bool,
                                                           offsets: list[int]) -> None:
    assert [m.offset for m in find_in_text("preamble", text, query, case_sensitive=case_sensitive)] == offsets


@pytest.mark.parametrize(
    ("query", "replacement", "count", "changed"),
    [
        ("某某镇", "某镇", 3, {"title": 1, "preamble": 1, "signature": 1}),
        ("法治", "法制", 4, {"title": 1, "preamble": 1, "measures": 2}),
        ("不存在的词", "x", 0, {}),
        ("", "x", 0, {}),
        ("法治宣传", "法治宣传", 0, {}),  # replacing a word by itself changes nothing
        ("3期", r"\1期", 1, {"measures": 1}),  # the replacement is inserted as typed
    ],
)
def test_replace_all_counts(query: str, replacement: str, count: int, changed: dict[str, int]) -> None:
    result = replace_all(PARTS, query, replacement)
    assert result.count == count
    assert result.counts == changed
    assert list(result.texts) == list(changed)  # only changed parts, in document order
    for part_id, new_text in result.texts.items():
        old_text = dict(PARTS)[part_id]
        assert new_text == old_text.replace(query, replacement)
        assert new_text.count("\n") == old_text.count("\n")


def test_find_in_report_reads_parts_as_their_editors_show_them() -> None:
    report = Report(parts=[
        Part("title", [Block("某某镇2024年报告")]),
        Part("measures", [Block("一、主要举措和成效", 1), Block("   "), Block("法治宣传到村。")]),
        Part("measures", [Block("法治宣传（重复的部分不算）")]),
    ])
    found = find_all(report_texts(report), "法治宣传")
    # the blank block is not a line in the editor, so the paragraph is on line 1; the repeated part is skipped
    assert found == [Match("measures", 1, 0, 4, 10)]


def test_replace_through_project_marks_it_modified_and_keeps_headings() -> None:
    report = Report(parts=[
        Part("title", [Block("某某镇人民政府关于2024年度法治政府建设情况的报告")]),
        Part("measures", [Block("一、主要举措和成效", 1), Block("某某镇开展法治宣传。")]),
        Part("signature", [Block("某某镇人民政府")]),
    ])
    project = DraftProject(report)
    assert not project.is_modified
    result = replace_all(report_texts(report), "某某镇", "城关镇")
    for part_id, text in result.texts.items():
        project.set_part_text(part_id, text)
    assert result.count == 3
    assert project.is_modified
    assert project.part_text("title").startswith("城关镇人民政府")
    assert project.part_text("measures") == "一、主要举措和成效\n城关镇开展法治宣传。"
    assert [b.level for b in report.part("measures").blocks] == [1, 0]
    assert find_all(report_texts(report), "某某镇") == []


def test_replace_with_no_match_changes_no_part() -> None:
    report = Report(parts=[Part("title", [Block("某某镇报告")])])
    result = replace_all(report_texts(report), "县", "区")
    assert result.count == 0 and result.texts == {}


# 下一个 / 上一个 from the writer's cursor. Occurrences of "法治" in PARTS, in document order:
# 1 title@15, 2 preamble@21 (line 1), 3 measures@20, 4 measures@29.
@pytest.mark.parametrize(
    ("forward", "cursor", "query", "case_sensitive", "expected"),
    [
        # next from the middle: the first occurrence at or after the selection's end
        (True, Cursor("preamble", 0, 0), "法治", False, ("preamble", 21, 2, False)),
        (True, Cursor("preamble", 21, 23), "法治", False, ("measures", 20, 3, False)),
        (True, Cursor("measures", 20, 20), "法治", False, ("measures", 20, 3, False)),
        # a part without occurrences: on to the next part that has one
        (True, Cursor("signature", 0, 0), "某某镇", False, ("signature", 0, 3, False)),
        # next from the end wraps to the first
        (True, Cursor("measures", 29, 31), "法治", False, ("title", 15, 1, True)),
        (True, Cursor("signature", 7, 7), "法治", False, ("title", 15, 1, True)),
        # no cursor (no editor, or a part not searched) stands before the first part
        (True, Cursor(), "法治", False, ("title", 15, 1, False)),
        (True, Cursor("no_such_part", 99, 99), "法治", False, ("title", 15, 1, False)),
        # previous: the last occurrence before the selection's start
        (False, Cursor("measures", 29, 31), "法治", False, ("measures", 20, 3, False)),
        (False, Cursor("measures", 0, 0), "法治", False, ("preamble", 21, 2, False)),
        (False, Cursor("signature", 0, 0), "法治", False, ("measures", 29, 4, False)),
        # previous from the start wraps to the last
        (False, Cursor("title", 15, 17), "法治", False, ("measures", 29, 4, True)),
        (False, Cursor("title", 0, 0), "法治", False, ("measures", 29, 4, True)),
        (False, Cursor(), "法治", False, ("measures", 29, 4, True)),
    ],
)
def test_next_and_previous_match(forward: bool, cursor: Cursor, query: str, case_sensitive: bool,
                                 expected: tuple[str, int, int, bool]) -> None:
    step = (next_match if forward else previous_match)(PARTS, query, cursor, case_sensitive=case_sensitive)
    assert step is not None
    assert (step.match.part_id, step.match.offset, step.number, step.wrapped) == expected
    assert step.total == len(find_all(PARTS, query))
    texts = dict(PARTS)
    assert texts[step.match.part_id][step.match.offset:step.match.offset + step.match.length] == query


@pytest.mark.parametrize("forward", [True, False])
@pytest.mark.parametrize("query", ["不存在的词", ""])
def test_next_and_previous_without_a_match(forward: bool, query: str) -> None:
    find = next_match if forward else previous_match
    assert find(PARTS, query, Cursor("preamble", 3, 3)) is None


CASED = [("a", "PDCA 循环"), ("b", "按 pdca 改进"), ("c", "Pdca")]


@pytest.mark.parametrize(
    ("forward", "case_sensitive", "cursor", "expected"),
    [
        (True, False, Cursor("a", 0, 4), ("b", 2, 2, 3, False)),
        (True, True, Cursor("a", 0, 4), ("b", 2, 1, 1, False)),  # "PDCA" and "Pdca" are not "pdca"
        (False, False, Cursor("c", 0, 0), ("b", 2, 2, 3, False)),
        (False, True, Cursor("b", 2, 6), ("b", 2, 1, 1, True)),
        (True, True, Cursor("b", 6, 6), ("b", 2, 1, 1, True)),
    ],
)
def test_next_and_previous_case_sensitivity(forward: bool, case_sensitive: bool, cursor: Cursor,
                                            expected: tuple[str, int, int, int, bool]) -> None:
    find = next_match if forward else previous_match
    step = find(CASED, "pdca", cursor, case_sensitive=case_sensitive)
    assert step is not None
    assert (step.match.part_id, step.match.offset, step.number, step.total, step.wrapped) == expected
