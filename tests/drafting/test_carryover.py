"""Carrying last year's report into a new year: titles, headings, dates, figures, mapping corrections."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.data.figure_table import load_figure_table
from drafting.errors import DataFileError, InputError
from drafting.lastyear.carryover import (
    apply_mapping,
    body_blocks,
    carry_over,
    part_confidence,
    read_last_year,
)
from drafting.lastyear.confirmations import CHANGED, UNCHANGED, paragraph_states
from drafting.model import STATUTORY
from drafting.reading.text_reader import parse_text_report
from tests.conftest import report_path

REPORT = """某某镇人民政府关于2021年度法治政府建设情况的报告

县委、县政府：
现将我镇2021年法治政府建设情况报告如下：
一、主要举措和成效
（一）加强学习。全年开展普法活动36场，发放普法资料12000份，调解成功率达98.5%。
1.落实第一责任人制度。镇党委书记履行第一责任人职责。
二、党政主要负责人履行推进法治建设第一责任人职责情况
中心组法治专题学习4次，会前学法18次。
三、存在的不足和原因
执法力量不足。
四、2022年工作打算
加强执法队伍建设，组织法治培训不少于4场。
某某镇人民政府
2022年1月10日
"""


@pytest.fixture
def report():
    return parse_text_report(REPORT)


def test_title_headings_and_date_move_to_the_new_year(report) -> None:
    new, notes = carry_over(report, 2022)
    assert new.meta.year == 2022
    assert new.title == "某某镇人民政府关于2022年度法治政府建设情况的报告"
    assert new.part("plans").heading == "四、2023年工作打算"
    assert new.date_text == "2023年1月10日"
    moved = [n for n in notes if n.kind == "year" and "已改为" in n.what]
    assert {n.part for n in moved} == {"title", "plans", "date"}


def test_two_years_ahead(report) -> None:
    new, _ = carry_over(report, 2023)
    assert "2023年度" in new.title and new.part("plans").heading == "四、2024年工作打算"


def test_body_text_kept_and_old_year_listed_for_review(report) -> None:
    new, notes = carry_over(report, 2022)
    assert new.part("preamble").blocks[0].text == "现将我镇2021年法治政府建设情况报告如下："
    review = [n for n in notes if n.kind == "year" and "请核对" in n.what]
    assert [(n.part, n.line) for n in review] == [("preamble", 4)]


def test_last_year_parts_kept_for_the_checklist(report) -> None:
    new, _ = carry_over(report, 2022)
    assert set(new.last_year) == {"preamble", "measures", "leader_duty", "shortcomings", "plans"}
    assert new.last_year["shortcomings"] == ["执法力量不足。"]  # the part heading repeats by design
    assert new.last_year["measures"][0].startswith("（一）加强学习")  # sub-headings carry text: kept
    assert new.facts == {}
    assert new.settings.structure_confidence["leader_duty"] >= 0.85
    assert paragraph_states(new, "shortcomings") == [UNCHANGED]
    new.part("shortcomings").blocks[1].text = "执法人员持证率偏低，新进人员多，培训不足。"
    assert paragraph_states(new, "shortcomings") == [CHANGED]


def test_figures_become_last_year_facts(report) -> None:
    new, notes = carry_over(report, 2022)
    assert new.last_year_facts == {
        "pufa_events": 36, "pufa_materials": 12000, "dispute_success_rate": 98.5,
        "center_group_law_sessions": 4, "pre_meeting_law_sessions": 18,
    }
    assert len([n for n in notes if n.kind == "fact"]) == 5  # the plans' 40场 is a target, not last year's figure


def test_facts_of_a_draft_are_kept_as_last_year_values(report) -> None:
    report.facts = {"pufa_events": 40, "legal_advisers": 2}
    new, _ = carry_over(report, 2022)
    assert new.last_year_facts["pufa_events"] == 40  # what was entered beats what the text shows
    assert new.last_year_facts["legal_advisers"] == 2


def test_level3_first_responsible_item_inside_measures_is_not_leader_duty(report) -> None:
    assert [p.id for p in report.parts if p.id in STATUTORY] == ["measures", "leader_duty", "shortcomings", "plans"]
    assert report.part("measures").blocks[2].text.startswith("1.落实第一责任人制度")


def test_earlier_year_refused(report) -> None:
    with pytest.raises(InputError, match="早于"):
        carry_over(report, 2020)


def test_unknown_year_noted() -> None:
    new, notes = carry_over(parse_text_report("情况报告\n\n一、主要举措和成效\n正文。\n"), 2022)
    assert new.meta.year == 2022
    assert any("未能" in n.what for n in notes)


def test_confidence_per_part(report) -> None:
    scores = part_confidence(report)
    assert set(scores) == {p.id for p in report.parts}
    assert scores["leader_duty"] >= 0.85  # standard wording, numbering and position
    shangjia = read_last_year(report_path("hexi-2021"))
    assert shangjia.confidence["measures"] < scores["measures"]  # "1、" where "一、" belongs


def test_writer_moves_a_heading_to_another_part(report) -> None:
    rows = body_blocks(report)
    leader = next(i for i, (_, b) in enumerate(rows) if b.text.startswith("二、"))
    plans = next(i for i, (_, b) in enumerate(rows) if b.text.startswith("四、"))
    fixed = apply_mapping(report, {leader: "", plans: "other"})
    assert [p.id for p in fixed.parts] == ["title", "addressee", "preamble", "measures", "shortcomings", "other",
                                           "signature", "date"]
    assert fixed.part("measures").blocks[-2].text.startswith("二、")
    assert [b.text for _, b in fixed.iter_blocks()] == [b.text for _, b in report.iter_blocks()]
    assert report.part("leader_duty") is not None  # the original is unchanged
    with pytest.raises(InputError, match="多个"):
        apply_mapping(report, {plans: "shortcomings"})


def test_sample_imported_for_next_year() -> None:
    imported = read_last_year(report_path("qingshui-2021"))
    new, _ = carry_over(imported.report, 2022)
    assert new.meta.year == 2022 and "2022年度" in new.title
    assert [p.id for p in new.parts] == [p.id for p in imported.report.parts]
    assert not any("[bookmark" in b.text for _, b in new.iter_blocks())


def test_rules_file_validated(tmp_path: Path) -> None:
    bad = tmp_path / "carryover.yml"
    bad.write_text("version: 1\nsimilarity_threshold: 2\nmax_gap: 5\nfigures:\n"
                   "  - {fact: no_such_fact, labels: [x], units: [次]}\n  - {fact: pufa_events, labels: [], units: [次], x: 1}\n",
                   "utf-8")
    with pytest.raises(DataFileError) as info:
        load_figure_table(bad)
    problems = " ".join(info.value.problems)
    assert "similarity_threshold" in problems and "no_such_fact" in problems and "未知的键" in problems
    assert load_figure_table().figures  # the shipped file is valid


def test_carried_draft_saves_loads_and_saves_again(report, tmp_path: Path) -> None:
    from drafting.files.storage import save_draft
    from drafting.reading.sources import load_source

    new, _ = carry_over(report, 2022)
    path = tmp_path / "2022.fzbg"
    save_draft(new, path)
    again = load_source(path)
    assert again.last_year == new.last_year and again.last_year_facts == new.last_year_facts
    assert again.settings.structure_confidence == new.settings.structure_confidence
    save_draft(again, path)  # nested mappings read back from the file can be written again
    assert load_source(path).settings == again.settings


def test_old_year_mentions_for_highlighting(report) -> None:
    from drafting.lastyear.carryover import old_year_spans

    def mentions(new):
        return [(part.id, index, start, end) for part in new.parts if part.id in ("preamble", *STATUTORY)
                for index, block in enumerate(part.blocks) for start, end in old_year_spans(block.text, 2021)]

    new, _ = carry_over(report, 2022)
    assert mentions(new) == [("preamble", 0, 4, 8)]
    part_id, index, start, end = mentions(new)[0]
    assert new.part(part_id).blocks[index].text[start:end] == "2021"
    new.part("preamble").blocks[0].text = "现将我镇2022年法治政府建设情况报告如下："
    assert mentions(new) == []


def test_run_in_heading_moves_only_its_own_words() -> None:
    text = REPORT.replace("（一）加强学习。全年开展普法活动36场",
                          "（一）2021年重点工作。计划2022年开展普法活动36场").replace("2022年1月10日", "二〇二二年一月十日")
    new, notes = carry_over(parse_text_report(text), 2022)
    block = new.part("measures").blocks[1]
    assert block.text.startswith("（一）2022年重点工作。计划2022年开展")  # the body after 。 is not rewritten
    assert new.date_text == "二〇二三年一月十日"
    assert any(n.line == 6 and "已改为" in n.what for n in notes)


def test_plan_in_force_for_the_new_year(report) -> None:
    from drafting.data.plans import plan_for_year

    new, notes = carry_over(report, 2022)
    assert new.meta.plan == plan_for_year(2022).name and new.settings.plan_id == plan_for_year(2022).id
    report.meta.plan = plan_for_year(2020).name
    new, notes = carry_over(report, 2022)
    assert any("纲要已由" in n.what for n in notes)
    if plan_for_year(2031) is None:
        new, notes = carry_over(report, 2031)
        assert new.meta.plan == "" and any("没有已知的" in n.what for n in notes)


# --------------------------------------------------------------------------- confirmations (issue 5, "confirm")


def _copied(report) -> list[str]:  # type: ignore[no-untyped-def]
    """Texts of the paragraphs the shipped rule copied-from-last-year flags."""
    from drafting.checklist.engine import default_checklist

    findings = default_checklist().run(report)
    blocks = [b.text for _p, b in report.iter_blocks()]
    return [blocks[f.block_index] for f in findings if f.rule == "copied-from-last-year"]


def test_paragraph_key_ignores_white_space_and_changes_with_any_edit() -> None:
    from drafting.lastyear.confirmations import paragraph_key

    assert paragraph_key("加强 执法\u3000队伍。") == paragraph_key("加强执法队伍。")
    assert paragraph_key("加强执法队伍。") != paragraph_key("加强执法队伍建设。")


def test_confirmed_paragraph_is_stored_and_shown_as_confirmed(report) -> None:
    from drafting.lastyear.confirmations import (
        CONFIRMED,
        UNCHANGED,
        carried_paragraphs,
        confirm_paragraphs,
        paragraph_states,
    )

    new, _ = carry_over(report, 2022)
    assert carried_paragraphs(new, "shortcomings") == ["执法力量不足。"]
    assert paragraph_states(new, "shortcomings") == [UNCHANGED]
    assert confirm_paragraphs(new, ["执法力量不足。"]) == 1
    assert confirm_paragraphs(new, ["执法力量不足。"]) == 0  # once is enough
    assert len(new.settings.confirmed_last_year) == 1
    assert paragraph_states(new, "shortcomings") == [CONFIRMED]
    assert carried_paragraphs(new, "shortcomings") == []
    # A confirmed paragraph edited later is simply judged again: here it is changed.
    new.part("shortcomings").blocks[1].text = "执法人员持证率偏低，新进人员多，培训不足。"
    assert paragraph_states(new, "shortcomings") == ["changed"]
    confirm_paragraphs(new, [])
    assert new.settings.confirmed_last_year == []  # keys of paragraphs gone from the draft are dropped


def test_confirmations_survive_save_and_load(report, tmp_path: Path) -> None:
    from drafting.files.storage import save_draft
    from drafting.lastyear.confirmations import confirm_paragraphs, is_confirmed
    from drafting.reading.sources import load_source

    new, _ = carry_over(report, 2022)
    confirm_paragraphs(new, ["执法力量不足。"])
    save_draft(new, tmp_path / "d.fzbg")
    again = load_source(tmp_path / "d.fzbg")
    assert is_confirmed(again, "执法力量不足。") and not is_confirmed(again, "加强执法队伍建设。")


def test_checker_skips_confirmed_paragraphs_only() -> None:
    from drafting.lastyear.confirmations import confirm_paragraphs

    new, _ = carry_over(read_last_year(report_path("qingshui-2021")).report, 2022)
    copied = _copied(new)
    assert len(copied) >= 3
    confirm_paragraphs(new, [copied[0]])
    after = _copied(new)
    assert copied[0] not in after and after == copied[1:]
    # Editing the confirmed paragraph a little makes it an ordinary paragraph again: flagged if still similar.
    block = next(b for _p, b in new.iter_blocks() if b.text == copied[0])
    block.text = copied[0] + "。"
    assert block.text in _copied(new)


def test_confirmations_setting_of_the_wrong_type_counts_as_none(report) -> None:
    from drafting.files.storage import dump_draft, load_draft_bytes
    from drafting.lastyear.confirmations import confirmed_keys

    new, _ = carry_over(report, 2022)
    data = dump_draft(new)
    assert b"\nsettings:\n" in data
    not_a_list = data.replace(b"\nsettings:\n", b"\nsettings:\n  confirmed_last_year: not a list\n")
    assert confirmed_keys(load_draft_bytes(not_a_list)) == set()
    mixed = data.replace(b"\nsettings:\n", b"\nsettings:\n  confirmed_last_year:\n  - 1\n  - abc\n")
    assert confirmed_keys(load_draft_bytes(mixed)) == {"abc"}


def test_old_year_spans_in_one_paragraph() -> None:
    from drafting.lastyear.carryover import old_year_spans

    assert old_year_spans("2021年比2020年多，20212不算，2021", 2021) == [(0, 4), (21, 25)]


def test_run_in_sub_heading_copied_from_last_year_is_flagged_until_confirmed(report) -> None:
    from drafting.lastyear.confirmations import carried_paragraphs, confirm_paragraphs

    new, _ = carry_over(report, 2022)
    run_in = "（一）加强学习。全年开展普法活动36场，发放普法资料12000份，调解成功率达98.5%。"
    assert run_in in _copied(new) and run_in in carried_paragraphs(new, "measures")
    assert "一、主要举措和成效" not in _copied(new)  # part headings repeat every year by design
    confirm_paragraphs(new, carried_paragraphs(new, "measures"))
    assert run_in not in _copied(new)


def test_fast_similarity_test_agrees_with_similarity() -> None:
    from drafting.lastyear.similarity import is_similar, similarity

    new, _ = carry_over(read_last_year(report_path("songlin-2021")).report, 2022)
    old = [t for texts in new.last_year.values() for t in texts]
    drafts = [b.text for _p, b in new.iter_blocks()] + [t[: len(t) * 9 // 10] for t in old] + [t + "今年新增。" for t in old]
    pairs = [(a, b) for a in old for b in drafts]
    for threshold in (0.6, 0.85, 0.9):
        assert [is_similar(a, b, threshold) for a, b in pairs] == [similarity(a, b) >= threshold for a, b in pairs]
    assert any(is_similar(a, b, 0.9) for a, b in pairs) and not all(is_similar(a, b, 0.6) for a, b in pairs)


def test_start_new_year_is_one_path_for_the_cli_and_the_window(tmp_path: Path) -> None:
    from drafting.lastyear.carryover import start_new_year

    source = tmp_path / "去年.txt"
    source.write_text(REPORT.replace("（一）加强学习。", "[bookmark: _GoBack]（一）加强学习。"), encoding="utf-8")
    imported = read_last_year(source)
    new, notes = start_new_year(imported, 2022, source.name)
    assert new.meta.year == 2022 and new.settings.started_from == "去年.txt"
    assert new.settings.import_notes == [str(n) for n in [*imported.cleanup, *notes]]
    assert any("书签" in note for note in new.settings.import_notes)
    # The writer's correction of which heading starts which part is applied before carrying over.
    heading = next(i for i, (_p, b) in enumerate(body_blocks(imported.report)) if b.text.startswith("二、"))
    moved, _ = start_new_year(imported, 2022, source.name, {heading: ""})
    assert moved.part("leader_duty") is None
