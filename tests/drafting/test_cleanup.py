"""Clean-up of imported reports: every change made is reported, nothing else is touched."""

from __future__ import annotations

import pytest

from drafting.reading.cleanup import clean_report
from drafting.reading.sources import load_source
from drafting.reading.text_reader import parse_text_report
from tests.conftest import SAMPLE_NAMES, sample_path

REPORT = """某某镇2021年法治政府建设情况报告

县委、县政府：
现将有关情况报告如下：
一、主要举措和成效
（一）加强学习。全年学习12次。
{body}
二、存在的不足和原因
执法力量不足。
"""


def _clean(body: str):
    return clean_report(parse_text_report(REPORT.format(body=body)))


def test_bookmark_and_markdown_marks_removed_and_reported() -> None:
    cleaned, notes = _clean("[bookmark: _GoBack]**开展普法活动**36场。\n## 组织培训12场。")
    texts = [b.text for b in cleaned.part("measures").blocks]
    assert "开展普法活动36场。" in texts
    assert "组织培训12场。" in texts
    whats = " ".join(n.what for n in notes)
    assert "[bookmark: _GoBack]" in whats and "**" in whats and "#" in whats
    assert all(n.part == "measures" and n.line for n in notes)


def test_source_report_not_changed() -> None:
    report = parse_text_report(REPORT.format(body="[bookmark: _GoBack]正文。"))
    clean_report(report)
    assert any("[bookmark" in b.text for _, b in report.iter_blocks())


@pytest.mark.parametrize(("heading", "fixed"), [
    ("(二)健全制度体系", "（二）健全制度体系"),
    ("（ 二 ）健全制度体系", "（二）健全制度体系"),
    ("１．健全制度体系", "1.健全制度体系"),
    ("2、 健全制度体系", "2、健全制度体系"),
])
def test_numbering_width_normalised(heading: str, fixed: str) -> None:
    cleaned, notes = _clean(heading + "\n正文。")
    assert fixed in [b.text for b in cleaned.part("measures").blocks]
    assert any("编号" in n.what for n in notes)


def test_standard_numbering_left_alone() -> None:
    _, notes = _clean("（二）健全制度体系\n1.完善制度。")
    assert notes == []


def test_trailing_repeat_dropped() -> None:
    body = "开展普法宣传活动36场，发放资料1200份。\n组织执法人员培训12场，参训460人次。"
    text = REPORT.format(body=body) + body + "\n"
    cleaned, notes = clean_report(parse_text_report(text))
    shortcomings = [b.text for b in cleaned.part("shortcomings").blocks]
    assert shortcomings == ["二、存在的不足和原因", "执法力量不足。"]
    assert len([n for n in notes if "重复" in n.what]) == 2


def test_short_repeats_kept() -> None:
    text = REPORT.format(body="无。") + "无。\n"
    cleaned, notes = clean_report(parse_text_report(text))
    assert cleaned.part("shortcomings").blocks[-1].text == "无。"
    assert notes == []


def _wrap(text: str, width: int) -> str:
    """Text as it comes out of a PDF: every line cut at the same width."""
    lines: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        lines += [line[i:i + width] for i in range(0, len(line), width)] or [""]
    return "\n".join(lines)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_lines_broken_by_pdf_joined(name: str) -> None:
    original, _ = clean_report(load_source(sample_path(name)))
    text = sample_path(name).read_text("utf-8").replace("[bookmark: _GoBack]", "")
    wrapped, notes = clean_report(parse_text_report(_wrap(text, 32)))
    assert [p.id for p in wrapped.parts] == [p.id for p in original.parts]
    want = [b.text.strip() for p in original.parts if p.id != "title" for b in p.blocks]
    got = {b.text.strip() for p in wrapped.parts for b in p.blocks}
    # A cut that happens to fall right after a full stop cannot be told from a paragraph end.
    assert sum(t in got for t in want) >= 0.8 * len(want)
    assert any("断开" in n.what for n in notes)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_samples_keep_their_text(name: str) -> None:
    report = load_source(sample_path(name))
    cleaned, notes = clean_report(report)
    assert not any("断开" in n.what or "重复" in n.what for n in notes)
    assert sum(len(p.blocks) for p in cleaned.parts) == sum(len(p.blocks) for p in report.parts)
    assert not any("[bookmark" in b.text or "**" in b.text for _, b in cleaned.iter_blocks())


def test_heading_behind_an_artifact_gets_its_level_and_part() -> None:
    text = REPORT.format(body="[bookmark: _GoBack]（二）健全制度体系。全年制定制度3项。").replace(
        "二、存在的不足和原因", "**二、存在的不足和原因**")
    report = parse_text_report(text)
    assert report.part("shortcomings") is None  # the structure could not see the heading
    cleaned, notes = clean_report(report)
    measures = cleaned.part("measures").blocks
    assert (measures[-1].text, measures[-1].level) == ("（二）健全制度体系。全年制定制度3项。", 2)
    assert [(b.text, b.level) for b in cleaned.part("shortcomings").blocks] == [
        ("二、存在的不足和原因", 1), ("执法力量不足。", 0)]
    assert sum("标题处理" in n.what for n in notes) == 2


def test_taigong_run_in_heading_after_bookmark_is_level_2() -> None:
    cleaned, _ = clean_report(load_source(sample_path("taigong-2021")))
    block = next(b for b in cleaned.part("measures").blocks if b.text.startswith("（三）规范综合行政执法"))
    assert block.level == 2
