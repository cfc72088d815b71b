"""A county rule file with a catastrophic regex, a slow regex that passes the load-time check and a
slow template never stop the window (issue 15).

The one timing bound here is generous on purpose, so that a busy machine never fails it while the
faults it guards against always do: rendering on the UI thread stops the loop for the template's
whole run (4 million loop steps: several seconds), a background render for a few milliseconds at
a time; a regex that backtracks in a thread of the window's process stops it until the regex ends
(hours for a*a*a*b on 3,000 a's), in the checklist's helper process not at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from drafting import paths
from tests.ui.event_loop_probe import county_files, longest_gap
from tests.ui.test_main_window import Recorder, make_window, start_new

pytestmark = pytest.mark.gui

#: Far below the slow template's seconds on the UI thread, far above a thread switch on a busy machine.
MAX_GAP_S = 2.0


def test_slow_template_and_catastrophic_rule_do_not_stop_the_event_loop(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    rec = Recorder(monkeypatch)
    templates = county_files(tmp_path)
    monkeypatch.setattr(paths, "templates_dir", lambda: templates)
    window = make_window(qtbot)
    start_new(qtbot, window)
    window.step_pages.show_step("measures")
    page = window.step_pages.current_page()
    panel = window.findings_dock.panel
    assert panel is not None

    def attack() -> None:
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
        panel.reload_and_check()

    gap = longest_gap(attack, lambda: page.generate_button.isEnabled() and not panel.checking)
    print(f"longest event-loop gap: {gap * 1000:.0f} ms")
    assert page.generate_button.isEnabled()
    assert "慢模板" in window.project.part_text("measures") or rec.errors
    assert "county-aaa" in panel.summary_label.text()
    assert gap < MAX_GAP_S, f"event loop stopped for {gap:.2f} s"


def test_slow_regex_past_the_load_check_is_stopped_in_the_helper_process(
        qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """a*a*a*b on 3,000 a's backtracks for hours: the window kills the check, names the rule, keeps its findings."""
    from drafting.checklist import worker
    from drafting.checklist.regex_safety import catastrophic_reason
    from drafting.model import Block
    from drafting.project import DraftProject
    from drafting.reading.text_reader import read_text_report
    from tests.conftest import report_path
    from tests.ui.event_loop_probe import SLOW_PARAGRAPH, SLOW_REGEX, add_slow_rule
    from ui.findings_panel import FindingsPanel

    assert catastrophic_reason(SLOW_REGEX) is None  # the load-time check lets it through
    report = read_text_report(report_path("shangjia-2021"))
    report.part("measures").blocks.append(Block(SLOW_PARAGRAPH))
    panel = FindingsPanel(DraftProject(report))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.findings_changed, timeout=60000) as blocker:
        panel.check_now()
    before = blocker.args[0]
    assert before and not any(f.rule == "county-slow" for f in before)

    add_slow_rule(paths.user_checklists_dir())
    # The window's watchdog, not the helper's own timer, must stop it: a rule silent for 1 s is killed.
    monkeypatch.setattr(worker, "rule_seconds", lambda _paragraphs: 0.5)
    monkeypatch.setattr(worker, "RULE_GRACE_SECONDS", 0.5)
    gap = longest_gap(panel.reload_and_check, lambda: not panel.checking)
    print(f"longest event-loop gap while a slow regex is stopped: {gap * 1000:.0f} ms")
    summary = panel.summary_label.text()
    assert "county-slow" in summary and "运行过久" in summary, summary
    assert panel.findings == sorted(before)  # the previous findings stay on show
    assert gap < MAX_GAP_S, f"event loop stopped for {gap:.2f} s"

    # The next check skips the rule that was stopped and says so; the other rules run as before.
    with qtbot.waitSignal(panel.findings_changed, timeout=60000) as blocker:
        panel.check_now()
    skipped = [f for f in blocker.args[0] if f.rule == "county-slow"]
    assert len(skipped) == 1 and "运行过久" in skipped[0].message
    assert {f.rule for f in before} <= {f.rule for f in blocker.args[0]}


def test_banner_check_renders_a_slow_template_off_the_ui_thread(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A fact changed for a part already generated: the banner's render (4 million loop steps, seconds on the UI thread)
    never stops the loop."""
    Recorder(monkeypatch)
    templates = county_files(tmp_path)
    slow = "{% set s = 'x' * 3000 %}{% set t = 'x' * 1000 %}{% for a in s %}{% for b in t %}{% endfor %}{% endfor %}"
    (templates / "leader_duty.j2").write_text(slow + "中心组学法{{ center_group_law_sessions }}次。\n", encoding="utf-8")
    monkeypatch.setattr(paths, "templates_dir", lambda: templates)
    window = make_window(qtbot)
    start_new(qtbot, window)
    window.step_pages.show_step("leader_duty")
    page = window.step_pages.current_page()
    form = page.form_for("center_group_law_sessions")
    form.set_field_text("center_group_law_sessions", "4")
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.generate_button.isEnabled, timeout=30000)
    assert "中心组学法4次" in window.project.part_text("leader_duty")
    assert page.banner.isHidden()

    gap = longest_gap(lambda: form.set_field_text("center_group_law_sessions", "6"),
                      lambda: page.banner.isVisibleTo(page) and page.banner_button.isEnabled(), at_least=0.5)
    print(f"longest event-loop gap while the banner's check renders: {gap * 1000:.0f} ms")
    assert page.banner.isVisibleTo(page)
    qtbot.mouseClick(page.banner_button, Qt.MouseButton.LeftButton)  # not edited since: applied at once
    assert "中心组学法6次" in window.project.part_text("leader_duty")
    assert gap < MAX_GAP_S, f"event loop stopped for {gap:.2f} s"


def test_export_gate_checks_in_the_helper_process(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """导出Word asks about open errors: that check runs in the helper too, so an error-level slow rule
    never stops the loop (on the UI thread it held it until the rule's 4 s budget ran out)."""
    from drafting.checklist import worker
    from tests.ui.event_loop_probe import SLOW_PARAGRAPH, SLOW_RULES

    rec = Recorder(monkeypatch)
    folder = paths.user_checklists_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "county-slow.yml").write_text(SLOW_RULES.replace("severity: warning", "severity: error"),
                                            encoding="utf-8")
    monkeypatch.setattr(worker, "rule_seconds", lambda _paragraphs: 0.5)
    monkeypatch.setattr(worker, "RULE_GRACE_SECONDS", 0.5)
    window = make_window(qtbot)
    start_new(qtbot, window)
    panel = window.findings_dock.panel
    qtbot.waitUntil(lambda: not panel.checking, timeout=60000)
    window.project.set_part_text("measures", window.project.part_text("measures") + "\n" + SLOW_PARAGRAPH)
    rec.export_path = tmp_path / "报告.docx"
    gap = longest_gap(window.menus.export_action.trigger, lambda: not panel.checking)
    print(f"longest event-loop gap while the export gate's check is stopped: {gap * 1000:.0f} ms")
    assert len(rec.errors) == 1 and "county-slow" in rec.errors[0] and "运行过久" in rec.errors[0], rec.errors
    qtbot.waitUntil(lambda: not window.job_bar.isVisible(), timeout=60000)
    assert rec.export_path.is_file()  # said, then exported all the same (as with a broken rule file)
    assert gap < MAX_GAP_S, f"event loop stopped for {gap:.2f} s"
