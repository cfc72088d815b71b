"""A county rule file with a catastrophic regex and a slow template never stop the window (issue 15).

The one timing bound here is generous on purpose: rendering on the UI thread stops the loop for
the template's whole second, a background render for a few milliseconds at a time.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from drafting import paths
from tests.ui.event_loop_probe import county_files, longest_gap
from tests.ui.test_main_window import Recorder, make_window, start_new

pytestmark = pytest.mark.gui

#: Far below the slow template's second, far above a thread switch.
MAX_GAP_S = 0.5


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

    gap = longest_gap(attack, page.generate_button.isEnabled)
    print(f"longest event-loop gap: {gap * 1000:.0f} ms")
    assert page.generate_button.isEnabled()
    assert "慢模板" in window.project.part_text("measures") or rec.errors
    assert "county-aaa" in panel.summary_label.text()
    assert gap < MAX_GAP_S, f"event loop stopped for {gap:.2f} s"
