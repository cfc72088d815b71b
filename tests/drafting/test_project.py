"""DraftProject, the facade the window owns: facts, text, generation, status, regeneration, saving."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafting.errors import StorageError
from drafting.project import DraftProject
from drafting.reading.sources import load_source
from drafting.writing.generation import APPLY, ASK, NOTHING, diff_lines
from drafting.writing.new_report import new_report
from tests.conftest import report_path


@pytest.fixture
def project() -> DraftProject:
    return DraftProject(new_report("某某镇人民政府", 2024, "县委、县政府", areas=["study", "enforcement"]))


def test_a_new_project_is_unsaved_and_unmodified(project: DraftProject) -> None:
    assert project.path is None and not project.is_modified
    assert project.display_name == "未命名草稿"
    project.mark_modified()
    assert project.is_modified


def test_set_fact_stores_valid_values_and_returns_inline_messages(project: DraftProject) -> None:
    assert project.set_fact("training_sessions", "12") is None
    assert project.report.facts["training_sessions"] == 12 and project.is_modified
    assert project.set_fact("training_sessions", "十二") == "请填写整数"
    assert project.report.facts["training_sessions"] == 12  # a bad entry keeps the stored value
    assert project.fact_text("training_sessions") == "12"
    assert project.set_fact("training_sessions", "") is None
    assert "training_sessions" not in project.report.facts
    with pytest.raises(KeyError):
        project.set_fact("no_such_fact", "1")


def test_last_years_value_as_the_form_shows_it(project: DraftProject) -> None:
    project.report.last_year_facts.update({"training_sessions": 9, "exam_pass_rate": 97.5, "exam_taken": "乱填"})
    assert project.last_year_fact_text("training_sessions") == "9"
    assert project.last_year_fact_text("exam_pass_rate") == "97.5"
    assert project.last_year_fact_text("exam_passed") == ""  # unknown last year
    assert project.last_year_fact_text("exam_taken") == "乱填"  # a hand-edited value is shown as it is, never raises


def test_computed_rates_and_problems_are_visible(project: DraftProject) -> None:
    project.set_fact("exam_taken", "84")
    project.set_fact("exam_passed", "90")
    assert project.effective_facts()["exam_pass_rate"] == 107.1
    assert "exam_passed" in project.fact_problems()


def test_generate_fills_the_part_and_status_follows(project: DraftProject) -> None:
    assert project.part_status("measures") == "未开始"
    project.generate("measures")
    # A picked sub-area without any fact gets a placeholder asking for its data.
    assert project.part_status("measures") == "有问题"
    project.set_fact("training_sessions", "12")
    project.set_fact("penalty_cases", "41")
    text = project.generate("measures")
    assert text.startswith("一、主要举措和成效\n（一）深入学习贯彻习近平法治思想")
    assert project.part_text("measures") == text
    part = project.report.part("measures")
    assert part is not None and [b.level for b in part.blocks[:2]] == [1, 2]
    assert project.part_status("measures") == "草稿"
    project.set_done("measures")
    assert project.part_status("measures") == "已完成"
    project.findings["measures"] = ["有一处口号式表述"]
    assert project.part_status("measures") == "有问题"
    project.findings.clear()
    project.set_fact("enforcement_staff", "10")
    project.set_fact("enforcement_certified", "12")  # 持证 > 在岗
    assert project.part_status("measures") == "有问题"
    assert project.part_status("leader_duty") == "未开始"  # not its facts


def test_placeholders_mark_a_part_as_having_problems(project: DraftProject) -> None:
    project.generate("shortcomings")
    assert "【请填写" in project.part_text("shortcomings")
    assert project.part_status("shortcomings") == "有问题"
    project.set_part_text("shortcomings", "二、存在的不足和原因\n（一）执法不够规范。主要原因是培训不足。")
    assert project.part_status("shortcomings") == "草稿"


def test_frame_parts_have_status_too(project: DraftProject) -> None:
    assert project.part_status("title") == "草稿"
    assert project.part_status("preamble") == "未开始"
    project.generate("preamble")
    assert project.part_text("preamble").endswith("现将有关情况报告如下：")
    assert project.part_status("preamble") == "有问题"  # nothing entered yet: the overview is asked for
    project.set_fact("pufa_events", "6")
    project.generate("preamble")
    assert "【请填写" not in project.part_text("preamble")
    assert project.part_status("preamble") == "草稿"
    done, total = project.progress()
    assert done == 0 and total == 10
    project.set_done("preamble")
    assert project.progress() == (1, 10)


def test_regeneration_is_offered_only_when_facts_changed_and_text_was_edited(project: DraftProject) -> None:
    project.set_fact("penalty_cases", "41")
    project.generate("measures")
    assert project.regeneration("measures").action == NOTHING
    # Facts change but the writer has not touched the text: nothing to protect, the new text applies directly.
    project.set_fact("penalty_cases", "45")
    direct = project.regeneration("measures")
    assert direct.action == APPLY and "办理行政处罚案件45件" in direct.new_text
    # The writer edits the text: now a regeneration must be offered, never applied.
    edited = project.part_text("measures") + "\n另外，我镇还开展了执法案卷评查。"
    project.set_part_text("measures", edited)
    pending = project.regeneration("measures")
    assert pending.action == ASK and pending.asks
    assert pending.old_text == edited and "办理行政处罚案件45件" in pending.new_text and "另外" not in pending.new_text
    assert project.part_text("measures") == edited  # untouched
    diff = pending.diff()
    assert any(line.startswith("+") and "45件" in line for line in diff)
    assert any(line.startswith("-") and "另外" in line for line in diff)
    # Accepting means generating again; then nothing is pending.
    project.generate("measures")
    assert project.regeneration("measures").action == NOTHING


def test_edited_text_without_fact_changes_is_not_offered(project: DraftProject) -> None:
    project.generate("leader_duty")
    project.set_part_text("leader_duty", project.part_text("leader_duty") + "\n补充一句。")
    assert project.regeneration("leader_duty").action == NOTHING


def test_changing_the_areas_counts_as_a_change_for_measures(project: DraftProject) -> None:
    project.generate("measures")
    project.set_part_text("measures", project.part_text("measures") + "\n补充。")
    project.set_areas(["enforcement", "study"])
    pending = project.regeneration("measures")
    assert pending.action == ASK and pending.new_text.splitlines()[1] == "（一）健全行政执法工作体系"


def test_save_needs_a_path_then_round_trips(project: DraftProject, tmp_path: Path) -> None:
    project.set_fact("penalty_cases", "41")
    project.generate("measures")
    with pytest.raises(StorageError, match="请选择保存位置"):
        project.save()
    target = project.save(tmp_path / "报告.fzbg")
    assert project.path == target and not project.is_modified
    reopened = DraftProject.open(target)
    assert reopened.path == target and not reopened.is_modified
    assert reopened.part_text("measures") == project.part_text("measures")
    assert reopened.report.facts == {"penalty_cases": 41}
    # The generation record travels with the draft, so regeneration offers survive a restart.
    reopened.set_part_text("measures", reopened.part_text("measures") + "\n补充。")
    reopened.set_fact("penalty_cases", "50")
    assert reopened.regeneration("measures").action == ASK
    project.set_fact("penalty_cases", "42")
    project.save()
    assert load_source(target).facts == {"penalty_cases": 42}
    assert target.with_name(target.name + ".bak").is_file()


def test_an_imported_text_file_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "去年.txt"
    shutil.copy(report_path("songlin-2021"), source)
    original = source.read_bytes()
    project = DraftProject.open(source)
    assert project.path is None and project.source_path == source and project.is_modified
    assert "导入" in project.display_name
    assert project.report.has_part("measures")
    with pytest.raises(StorageError, match="请选择保存位置"):
        project.save()
    with pytest.raises(StorageError, match="不能保存到导入的原文件"):
        project.save(source)
    saved = project.save(tmp_path / "新草稿.fzbg")
    assert source.read_bytes() == original
    assert DraftProject.open(saved).part_text("measures") == project.part_text("measures")


def test_set_part_text_creates_a_missing_part_in_outline_order(project: DraftProject) -> None:
    project.report.parts = [p for p in project.report.parts if p.id not in ("preamble", "other")]
    project.set_part_text("preamble", "2024年，全镇……现将有关情况报告如下：")
    project.set_part_text("other", "五、其他需要报告的情况\n无。")
    ids = [p.id for p in project.report.parts]
    assert ids.index("addressee") < ids.index("preamble") < ids.index("measures")
    assert ids.index("plans") < ids.index("other") < ids.index("signature")
    project.set_part_text("title", "一、奇怪的标题")
    assert project.report.part("title").blocks[0].level == 0  # type: ignore[union-attr]


def test_unchanged_text_does_not_mark_modified(tmp_path: Path) -> None:
    project = DraftProject(new_report("某某镇人民政府", 2024, "县委、县政府"))
    project.set_part_text("measures", project.part_text("measures"))
    assert not project.is_modified


def test_diff_lines() -> None:
    assert diff_lines("甲\n乙", "甲\n丙")[-2:] == ["-乙", "+丙"]
    assert diff_lines("甲", "甲") == []


def test_a_list_shared_by_facts_and_settings_saves_readably(project: DraftProject, tmp_path: Path) -> None:
    """yaml would write a shared list as an alias, which the strict loader refuses: the draft must stay readable."""
    items = ["执法不够规范——培训不足"]
    project.report.facts["shortcoming_items"] = items
    project.report.settings.extra["note"] = items
    project.generate("shortcomings")
    path = project.save(tmp_path / "shared.fzbg")
    assert "*id" not in path.read_text(encoding="utf-8")
    assert DraftProject.open(path).report.settings.extra["note"] == items


def test_a_locked_draft_cannot_be_opened_or_overwritten_by_another_window(tmp_path: Path) -> None:
    first = DraftProject(new_report("某某镇人民政府", 2024, "县委、县政府"))
    path = first.save(tmp_path / "a.fzbg")
    first = DraftProject.open(path, lock=True)
    assert first.is_locked
    with pytest.raises(StorageError, match="已在另一个窗口或程序中打开"):
        DraftProject.open(path, lock=True)
    # Without asking for the lock (e.g. a read-only preview) opening still works.
    assert DraftProject.open(path).path == path
    # 另存为 onto a draft another window holds is refused before anything is written.
    second = DraftProject(new_report("另一镇人民政府", 2024, "县委、县政府"))
    other = second.save(tmp_path / "b.fzbg")
    second = DraftProject.open(other, lock=True)
    before = path.read_bytes()
    with pytest.raises(StorageError, match="已在另一个窗口或程序中打开"):
        second.save(path)
    assert path.read_bytes() == before and second.path == other
    # Saving under a new name moves the lock there.
    moved = second.save(tmp_path / "c.fzbg")
    assert second.is_locked
    assert DraftProject.open(other, lock=True).is_locked  # b.fzbg is free again
    with pytest.raises(StorageError):
        DraftProject.open(moved, lock=True)
    first.close()
    second.close()
    assert DraftProject.open(path, lock=True).is_locked


def test_last_years_figures_count_as_facts_for_regeneration(project: DraftProject) -> None:
    project.set_fact("training_sessions", "12")
    project.generate("measures")
    project.set_part_text("measures", project.part_text("measures") + "\n补充。")
    assert project.regeneration("measures").action == NOTHING
    project.report.last_year_facts["training_sessions"] = 9
    pending = project.regeneration("measures")
    assert pending.action == ASK and "比上年增加3场" in pending.new_text



def test_apply_fix_changes_the_text_through_the_project_and_marks_it_modified(project: DraftProject,
                                                                               tmp_path: Path) -> None:
    from drafting.checklist import default_checklist

    project.set_part_text("measures", "一、主要举措和成效\n加强法制宣传，共12次。")
    project.save(tmp_path / "d.fzbg")
    [finding] = [f for f in default_checklist().run(project.report) if f.rule == "fazhi-term"]
    assert project.apply_fix(finding)
    assert project.part_text("measures") == "一、主要举措和成效\n加强法治宣传，共12次。"
    assert project.is_modified
    project.save()
    assert not project.apply_fix(finding)  # stale: the flagged words are gone, nothing changes
    assert not project.is_modified and project.part_text("measures").endswith("加强法治宣传，共12次。")


def test_generate_on_request_asks_only_before_replacing_the_writers_own_words(project: DraftProject) -> None:
    # Never generated and nothing but the heading: generate directly.
    assert project.regeneration("leader_duty", requested=True).action == APPLY
    # Never generated but the writer wrote there: show the change and ask.
    project.set_part_text("leader_duty", project.part_text("leader_duty") + "\n我自己写的一段。")
    asked = project.regeneration("leader_duty", requested=True)
    assert asked.action == ASK and asked.old_text.endswith("我自己写的一段。") and "我自己写的一段。" not in asked.new_text
    project.generate("leader_duty")
    # Generated and untouched: generating again applies, even when the text would be the same.
    assert project.regeneration("leader_duty", requested=True).action == APPLY
    project.set_fact("leader_meetings", "3")
    assert project.regeneration("leader_duty", requested=True).action == APPLY
    # Edited since: ask, unless the new text is exactly what is there.
    project.set_part_text("leader_duty", project.part_text("leader_duty") + "\n补充。")
    assert project.regeneration("leader_duty", requested=True).action == ASK
    project.set_part_text("leader_duty", project.render("leader_duty"))
    assert project.regeneration("leader_duty", requested=True).action == APPLY
    # The title is never the writer's own words to protect.
    project.set_part_text("title", "我改过的标题")
    assert project.regeneration("title", requested=True).action == APPLY


def test_regeneration_without_a_change_of_text_is_nothing(project: DraftProject) -> None:
    project.generate("leader_duty")
    project.set_part_text("leader_duty", project.part_text("leader_duty") + "\n补充。")
    project.set_fact("honors", "被评为先进")  # a fact the part does not use
    assert project.regeneration("leader_duty").action == NOTHING
    assert project.regeneration("shortcomings").action == NOTHING  # never generated
