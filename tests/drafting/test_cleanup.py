"""Clean-up before recognition: leftovers go before the structure is guessed, every change is reported,
nothing else is touched; the same cleaning on every path (open, check, export, import)."""

from __future__ import annotations

import pytest

from drafting.data.outline import default_outline
from drafting.reading.cleanup import clean_paragraphs, normalise_numbering, repeated_tail_length
from drafting.reading.sources import load_source
from drafting.reading.text_reader import parse_text_report, split_paragraphs
from tests.conftest import REPORT_NAMES, report_path

REPORT = """某某镇2021年法治政府建设情况报告

县委、县政府：
现将有关情况报告如下：
一、主要举措和成效
（一）加强学习。全年学习12次。
{body}
二、存在的不足和原因
执法力量不足。
"""


def _read(body: str):
    return parse_text_report(REPORT.format(body=body))


def test_bookmark_and_markdown_marks_removed_and_reported() -> None:
    report = _read("[bookmark: _GoBack]**开展普法活动**36场。\n## 组织培训12场。")
    texts = [b.text for b in report.part("measures").blocks]
    assert "开展普法活动36场。" in texts
    assert "组织培训12场。" in texts
    notes = report.source_notes
    assert [n.found.strip() for n in notes] == ["[bookmark: _GoBack]", "**", "##"]
    assert [n.count for n in notes] == [1, 2, 1]  # two ** in one paragraph: one note that counts them
    assert all(n.kind == "leftover" and n.part == "measures" and n.line for n in notes)


def test_the_list_given_is_not_changed() -> None:
    paragraphs = split_paragraphs(REPORT.format(body="[bookmark: _GoBack]正文。"))
    result = clean_paragraphs(paragraphs, default_outline().part_for_heading)
    assert any("[bookmark" in p.text for p in paragraphs)
    assert not any("[bookmark" in p.text for p in result.paragraphs)


@pytest.mark.parametrize(("heading", "fixed"), [
    ("(二)健全制度体系", "（二）健全制度体系"),
    ("（ 二 ）健全制度体系", "（二）健全制度体系"),
    ("１．健全制度体系", "1.健全制度体系"),
    ("2、 健全制度体系", "2、健全制度体系"),
])
def test_numbering_width_normalised_when_carried_into_a_new_draft(heading: str, fixed: str) -> None:
    report = _read(heading + "\n正文。")
    assert heading in [b.text for b in report.part("measures").blocks]  # reading keeps it: a check reports it
    notes = normalise_numbering(report)
    assert fixed in [b.text for b in report.part("measures").blocks]
    assert [(n.kind, n.part) for n in notes] == [("numbering", "measures")] and "编号" in notes[0].what


def test_standard_numbering_left_alone() -> None:
    report = _read("（二）健全制度体系\n1.完善制度。")
    assert report.source_notes == [] and normalise_numbering(report) == []


def test_trailing_repeat_dropped_as_one_note() -> None:
    body = "开展普法宣传活动36场，发放资料1200份。\n组织执法人员培训12场，参训460人次。"
    report = parse_text_report(REPORT.format(body=body) + body + "\n")
    shortcomings = [b.text for b in report.part("shortcomings").blocks]
    assert shortcomings == ["二、存在的不足和原因", "执法力量不足。"]
    repeats = [n for n in report.source_notes if n.kind == "repeat"]
    assert len(repeats) == 1 and repeats[0].count == 2 and "2 段" in repeats[0].what


def test_signature_and_date_found_before_a_pasted_tail() -> None:
    body = "开展普法宣传活动36场，发放资料1200份。"
    text = REPORT.format(body=body) + "\n某某镇人民政府\n2022年1月10日\n（一）加强学习。全年学习12次。\n" + body + "\n"
    report = parse_text_report(text)
    assert report.signature == "某某镇人民政府"
    assert report.date_text == "2022年1月10日"
    assert [n.kind for n in report.source_notes] == ["repeat"]


def test_short_repeats_kept() -> None:
    report = parse_text_report(REPORT.format(body="无。") + "无。\n")
    assert report.part("shortcomings").blocks[-1].text == "无。"
    assert report.source_notes == []


def test_a_date_under_the_title_and_at_the_end_is_no_repeat() -> None:
    text = REPORT.replace("\n\n县委", "\n2022年1月10日\n\n县委").format(body="") + "某某镇人民政府\n2022年1月10日\n"
    report = parse_text_report(text)
    assert report.date_text == "2022年1月10日"
    assert not any(n.kind == "repeat" for n in report.source_notes)


@pytest.mark.parametrize(("keys", "expected"), [
    ([], 0),
    (["甲" * 10], 0),
    (["甲" * 10, "乙" * 10, "甲" * 10], 1),
    (["甲" * 10, "乙" * 10, "丙" * 10, "甲" * 10, "乙" * 10], 2),
    (["甲" * 10, "乙" * 10, "丙" * 10, "乙" * 10, "丙" * 10], 2),
    (["甲" * 10, "乙" * 10, "甲" * 10, "乙" * 10], 2),
    (["甲" * 10, "乙" * 10, "乙" * 10, "乙" * 10], 1),  # the tail may not overlap what it repeats
    (["甲" * 10, "短", "甲" * 10, "短"], 0),  # a short paragraph may repeat on purpose
    (["甲" * 10, "乙" * 10, "丙" * 10], 0),
])
def test_repeated_tail_length(keys: list[str], expected: int) -> None:
    assert repeated_tail_length(keys) == expected


def test_repeated_tail_agrees_with_the_plain_search_on_many_lists() -> None:
    import random

    def plain(keys: list[str]) -> int:
        best = 0
        for length in range(1, len(keys) // 2 + 1):
            tail = keys[len(keys) - length:]
            if any(len(k) < 10 for k in tail):
                break
            head = keys[: len(keys) - length]
            if any(head[i:i + length] == tail for i in range(len(head) - length + 1)):
                best = length
        return best

    chance = random.Random(7)
    for _ in range(2000):
        keys = [chance.choice("甲乙丙丁") * chance.choice((3, 10, 10, 10)) for _ in range(chance.randint(0, 12))]
        assert repeated_tail_length(keys) == plain(keys), keys


def _wrap(text: str, width: int) -> str:
    """Text as it comes out of a PDF: every line cut at the same width."""
    lines: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        lines += [line[i:i + width] for i in range(0, len(line), width)] or [""]
    return "\n".join(lines)


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_lines_broken_by_pdf_joined(name: str) -> None:
    original = load_source(report_path(name))
    text = report_path(name).read_text("utf-8").replace("[bookmark: _GoBack]", "")
    wrapped = parse_text_report(_wrap(text, 32))
    assert [p.id for p in wrapped.parts] == [p.id for p in original.parts]
    want = [b.text.strip() for p in original.parts if p.id != "title" for b in p.blocks]
    got = {b.text.strip() for p in wrapped.parts for b in p.blocks}
    # A cut that happens to fall right after a full stop cannot be told from a paragraph end.
    assert sum(t in got for t in want) >= 0.8 * len(want)
    assert any(n.kind == "joined" and "断开" in n.what for n in wrapped.source_notes)


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_samples_keep_their_text(name: str) -> None:
    report = load_source(report_path(name))
    assert not any(n.kind in ("joined", "repeat") for n in report.source_notes)
    lines = [line.strip() for line in report_path(name).read_text("utf-8").splitlines() if line.strip()]
    assert sum(len(p.blocks) for p in report.parts) == len(lines)
    assert not any("[bookmark" in b.text or "**" in b.text for _, b in report.iter_blocks())


def test_heading_behind_an_artifact_is_recognised_as_a_heading() -> None:
    text = REPORT.format(body="[bookmark: _GoBack]（二）健全制度体系。全年制定制度3项。").replace(
        "二、存在的不足和原因", "**二、存在的不足和原因**")
    report = parse_text_report(text)
    measures = report.part("measures").blocks
    assert (measures[-1].text, measures[-1].level) == ("（二）健全制度体系。全年制定制度3项。", 2)
    assert [(b.text, b.level) for b in report.part("shortcomings").blocks] == [
        ("二、存在的不足和原因", 1), ("执法力量不足。", 0)]
    assert {n.part for n in report.source_notes} == {"measures", "shortcomings"}


def test_taigong_run_in_heading_after_bookmark_is_level_2() -> None:
    report = load_source(report_path("qingshui-2021"))
    block = next(b for b in report.part("measures").blocks if b.text.startswith("（三）规范综合行政执法"))
    assert block.level == 2
