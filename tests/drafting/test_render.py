"""The sandboxed Jinja2 environment: limits on hostile templates, errors naming file and line,
required facts, and how a part's text is put together."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.errors import TemplateRenderError
from drafting.model import Report
from drafting.writing.new_report import new_report
from drafting.writing.part_text import blocks_to_text, text_to_blocks
from drafting.writing.render import (
    join_paragraphs,
    part_heading,
    part_required_facts,
    render_part,
    render_template,
    required_facts,
)


def rendered(report: Report, part_id: str) -> str:
    """The part's generated text as its editor shows it."""
    return blocks_to_text(render_part(report, part_id))


def render_source(tmp_path: Path, source: str, context: dict | None = None, name: str = "t.j2") -> str:
    (tmp_path / name).write_text(source, encoding="utf-8")
    return render_template(name, context or {}, folder=tmp_path)


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("{% for i in range(5000) %}{% for j in range(5000) %}{% endfor %}{% endfor %}", "循环次数超过"),
        ("{% for i in range(100000000) %}x{% endfor %}", "range() 的参数过大"),
        ("{{ 'x' * 100000000 }}", "重复生成的文字过长"),
        ("{% set s = 'x' * 90000 %}{{ s + s }}", "拼接的文字过长"),
        ("{{ 'x'|center(100000000) }}", "过大"),
        ("{{ '{:>999999999}'.format(1) }}", "宽度过大"),
        ("{{ '%999999999s' % 'a' }}", "宽度过大"),
        ("{{ 9 ** 99999 }}", "指数过大"),
        ("{% for i in range(2000) %}{{ 'x' * 99 }}{% endfor %}", "生成的文字超过"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "模板“t.j2”"),
        ("{% for a in [1] %}{% for b in [1] %}{% for c in [1] %}{% for d in [1] %}{% endfor %}{% endfor %}"
         "{% endfor %}{% endfor %}", "循环嵌套超过 3 层"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "模板“t.j2”"),
    ],
)
def test_hostile_template_gets_a_clear_error(tmp_path: Path, source: str, words: str) -> None:
    with pytest.raises(TemplateRenderError) as info:
        render_source(tmp_path, source)
    assert words in str(info.value)
    assert "t.j2" in str(info.value)


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateRenderError) as info:
        render_source(tmp_path, "第一行\n第二行\n{% if x %}\n没有结束", {"x": 1}, name="broken.j2")
    message = str(info.value)
    assert "broken.j2" in message and "第 4 行" in message and "语法错误" in message


def test_undefined_name_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateRenderError) as info:
        render_source(tmp_path, "甲\n乙{{ nowhere }}\n", name="undef.j2")
    message = str(info.value)
    assert "undef.j2" in message and "第 2 行" in message and "nowhere" in message


def test_missing_included_template_is_named(tmp_path: Path) -> None:
    with pytest.raises(TemplateRenderError, match="missing.j2"):
        render_source(tmp_path, "{% include 'missing.j2' %}")


def test_paragraph_convention_joins_lines_and_drops_empty_paragraphs(tmp_path: Path) -> None:
    source = "第一句。\n{% if a %}\n第二句{{ a }}次。\n{% endif %}\n\n{% if b %}\n不会出现。\n{% endif %}\n\n第二段。\n"
    assert render_source(tmp_path, source, {"a": 3, "b": None}) == "第一句。第二句3次。\n第二段。"
    assert join_paragraphs("\n\n  甲\n乙 \n\n\n丙\n") == "甲乙\n丙"


def test_filters_format_percent_dates_and_items(tmp_path: Path) -> None:
    source = "{{ 98.0|pct }} {{ 97.25|pct }} {{ '2024-03-05'|cn_date }} {{ ('问题——原因。'|split_item)[1] }} {{ 12|ordinal }}"
    assert render_source(tmp_path, source) == "98% 97.2% 2024年3月5日 原因 十二"


def test_required_facts_lists_catalogue_ids_used_by_a_template(tmp_path: Path) -> None:
    assert {"training_sessions", "training_attendees", "exam_taken", "exam_passed", "exam_pass_rate"} <= required_facts(
        "area_study.j2"
    )
    assert "org" not in required_facts("area_study.j2")  # not a fact
    (tmp_path / "inner.j2").write_text("{{ lawsuits }}", encoding="utf-8")
    (tmp_path / "outer.j2").write_text("{{ penalty_cases }}{% include 'inner.j2' %}{{ not_a_fact }}", encoding="utf-8")
    assert required_facts("outer.j2", folder=tmp_path) == {"penalty_cases", "lawsuits"}


def test_measures_part_renders_picked_areas_in_the_writers_order() -> None:
    report = new_report("某某镇人民政府", 2024, "县委、县政府", areas=["pufa", "enforcement", "no_such_area"][:2])
    text = rendered(report, "measures")
    lines = text.splitlines()
    assert lines[0] == "一、主要举措和成效"
    assert lines[1] == "（一）深入开展法治宣传教育"
    assert "（二）健全行政执法工作体系" in lines
    report.settings.areas = ["enforcement", "no_such_area", "pufa"]
    lines = rendered(report, "measures").splitlines()
    assert lines[1] == "（一）健全行政执法工作体系"
    assert "（二）深入开展法治宣传教育" in lines


def test_area_headings_follow_the_plan_of_the_year() -> None:
    report = new_report("某某镇人民政府", 2019, "县委、县政府", areas=["enforcement"])
    assert "（一）坚持严格规范公正文明执法" in rendered(report, "measures").splitlines()
    # Past the plans and the year table: the latest plan's headings, never the 2015—2020 wording.
    for year in (2026, 2027):
        report = new_report("某某镇人民政府", year, "县委、县政府", areas=["enforcement"])
        assert "（一）健全行政执法工作体系" in rendered(report, "measures").splitlines()


def test_part_heading_is_numbered_by_position_and_keeps_the_writers_wording() -> None:
    report = new_report("某某镇人民政府", 2024, "县委、县政府")
    assert part_heading(report, "leader_duty") == "三、党政主要负责人履行推进法治建设第一责任人职责情况"
    # The writer moved the leader part second and reworded the plans heading.
    leader = report.part("leader_duty")
    report.parts.remove(leader)  # type: ignore[arg-type]
    report.parts.insert(4, leader)  # type: ignore[arg-type]
    report.part("plans").blocks[0].text = "四、下一步工作打算"  # type: ignore[union-attr]
    assert part_heading(report, "leader_duty") == "二、党政主要负责人履行推进法治建设第一责任人职责情况"
    assert rendered(report, "plans").splitlines()[0] == "四、下一步工作打算"
    assert rendered(report, "shortcomings").splitlines()[0] == "三、存在的不足和原因"


def test_part_required_facts_include_the_picked_areas() -> None:
    report = new_report("某某镇人民政府", 2024, "县委、县政府", areas=["pufa"])
    facts = part_required_facts(report, "measures")
    assert "pufa_events" in facts and "penalty_cases" not in facts
    report.settings.areas = ["enforcement"]
    assert "penalty_cases" in part_required_facts(report, "measures")
    assert "center_group_law_sessions" in part_required_facts(report, "leader_duty")


def test_loop_depth_counts_through_includes(tmp_path: Path) -> None:
    (tmp_path / "inner.j2").write_text("{% for a in [1] %}{% for b in [1] %}x{% endfor %}{% endfor %}", encoding="utf-8")
    (tmp_path / "self.j2").write_text("{% include 'self.j2' %}", encoding="utf-8")
    with pytest.raises(TemplateRenderError, match="循环嵌套超过 3 层"):
        render_source(tmp_path, "{% for i in [1, 2] %}{% for j in [1] %}{% include 'inner.j2' %}{% endfor %}{% endfor %}")
    assert render_source(tmp_path, "{% for i in [1, 2] %}{% include 'inner.j2' %}{% endfor %}") == "xx"
    with pytest.raises(TemplateRenderError, match="self.j2"):
        render_template("self.j2", {}, folder=tmp_path)


def test_an_edited_template_is_analysed_again(tmp_path: Path) -> None:
    path = tmp_path / "edit.j2"
    path.write_text("{{ lawsuits }}", encoding="utf-8")
    assert required_facts("edit.j2", folder=tmp_path) == {"lawsuits"}
    path.write_text("{{ penalty_cases }} {{ pufa_events }}", encoding="utf-8")
    assert required_facts("edit.j2", folder=tmp_path) == {"penalty_cases", "pufa_events"}
    assert render_template("edit.j2", {"penalty_cases": 1, "pufa_events": 2}, folder=tmp_path) == "1 2"


def test_templates_cannot_change_what_they_are_given(tmp_path: Path) -> None:
    items = ["甲"]
    with pytest.raises(TemplateRenderError, match="不允许的操作"):
        render_source(tmp_path, "{{ items.append('乙') }}", {"items": items})
    assert items == ["甲"]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("执法不规范——培训不足。", ("执法不规范", "培训不足")),
        ("执法不规范｜培训不足", ("执法不规范", "培训不足")),
        ("执法不规范，主要原因是培训不足。", ("执法不规范", "培训不足")),
        ("执法不规范。原因：培训不足", ("执法不规范", "培训不足")),
        ("执法不规范；原因在于培训不足", ("执法不规范", "培训不足")),
        ("执法不够规范。", ("执法不够规范", "")),
        ("查找原因不深入", ("查找原因不深入", "")),
    ],
)


def test_split_item(tmp_path: Path, item: str, expected: tuple[str, str]) -> None:
    text = render_source(tmp_path, "{% set a, b = item|split_item %}{{ a }}|{{ b }}", {"item": item})
    assert text == "|".join(expected)


def test_render_part_gives_each_paragraph_its_level() -> None:
    report = new_report("某某镇人民政府", 2024, "县委、县政府", areas=["pufa", "enforcement"])
    report.facts.update(shortcoming_items=["执法不够规范——培训不足", "宣传形式单一"], other_items=["1、本年度无其他情况"])
    measures = render_part(report, "measures")
    assert [(b.text, b.level) for b in measures if b.level] == [
        ("一、主要举措和成效", 1), ("（一）深入开展法治宣传教育", 2), ("（二）健全行政执法工作体系", 2),
    ]
    shortcomings = render_part(report, "shortcomings")
    assert [b.level for b in shortcomings] == [1, 0, 2, 2]  # the template's （一）（二） are run-in headings
    assert all(block.level == 0 for part_id in ("title", "preamble") for block in render_part(report, part_id))
    for part_id in ("measures", "shortcomings", "plans", "other", "leader_duty"):
        blocks = render_part(report, part_id)
        # The editor judges the same text the same way, so the first keystroke changes no level.
        assert [(b.text, b.level) for b in text_to_blocks(blocks_to_text(blocks))] == [(b.text, b.level) for b in blocks]
