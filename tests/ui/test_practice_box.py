"""The practice ticks, 其他做法, 典型事例 and the shortcomings list store the writer's choices,
and the generated text then states exactly those."""

from __future__ import annotations

from drafting.project import DraftProject
from drafting.writing.new_report import new_report
from ui.practice_box import PracticeBox, ShortcomingPicker, practice_widget


def _project() -> DraftProject:
    return DraftProject(new_report("青山镇人民政府", 2024, "县委、县政府", areas=["study", "disputes"]))


def test_ticks_other_practices_and_cases_are_stored_and_written(qtbot) -> None:
    project = _project()
    box = PracticeBox(project, "study")
    qtbot.addWidget(box)
    with qtbot.waitSignal(box.changed):
        box.checks["court_visit"].setChecked(True)
    box.other.setPlainText("每月组织一次“以案释法”讨论")
    box.cases.setPlainText("新修订的条例施行前，组织执法人员逐条对照\n第二个事例")
    settings = project.report.settings
    assert settings.practices == {"study": ["court_visit"]}
    assert settings.other_practices == {"study": ["每月组织一次“以案释法”讨论"]}
    assert settings.cases["study"] == ["新修订的条例施行前，组织执法人员逐条对照", "第二个事例"]
    text = project.render("measures")
    assert "旁听" in text and "每月组织一次“以案释法”讨论" in text and "如：新修订的条例施行前" in text
    assert "会前学法" not in text  # not ticked, not written
    box.checks["court_visit"].setChecked(False)
    assert "study" not in project.report.settings.practices and project.is_modified


def test_a_box_shows_what_the_draft_holds(qtbot) -> None:
    project = _project()
    project.set_choices("practices", "disputes", ["fengqiao"])
    box = PracticeBox(project, "disputes")
    qtbot.addWidget(box)
    assert box.checks["fengqiao"].isChecked() and not box.checks["screening"].isChecked()


def test_shortcomings_are_picked_with_their_causes(qtbot) -> None:
    project = _project()
    picker = practice_widget(project, "shortcomings")
    assert isinstance(picker, ShortcomingPicker)
    qtbot.addWidget(picker)
    check, cause = picker.rows["pufa_targeting"]
    check.setChecked(True)
    cause.setText("普法力量只靠村干部兼职")
    assert project.report.settings.shortcomings == [{"kind": "pufa_targeting", "cause": "普法力量只靠村干部兼职"}]
    assert "普法力量只靠村干部兼职" in project.render("shortcomings")
    assert "针对普法针对性不强的问题，" in project.render("plans")
    assert isinstance(practice_widget(project, "leader_duty"), PracticeBox)
    assert practice_widget(project, "other") is None
