"""The window under attack (issue 15): the longest event-loop pause while a slow county template
generates and a county rule file with a catastrophic regex is loaded, and while a county rule whose
regex slips past the load-time check (a*a*a*b, cubic) runs on a paragraph of 3,000 a's (hours of
backtracking: the checklist's helper process stops the rule), each beside an idle window's.

    QT_QPA_PLATFORM=offscreen python bench/bench_event_loop.py

Baseline: the longest pause of the same timer while the window sits idle for as long.
Prints them and, last, a JSON list of the two figures for bench/run.py (target: under 0.5 s).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


SLOW_REGEX = "a*a*a*b"


def slow_regex_attack(window, panel, app) -> tuple[float, float, float, str]:  # type: ignore[no-untyped-def]
    """The rule file with SLOW_REGEX and a paragraph of a's: (longest gap, idle gap, seconds, what was reported)."""
    from drafting import paths
    from tests.ui.event_loop_probe import SLOW_PARAGRAPH, add_slow_rule, longest_gap

    project = window.project
    project.set_part_text("measures", project.part_text("measures") + "\n" + SLOW_PARAGRAPH)
    (paths.user_checklists_dir() / "county.yml").unlink()  # the rule refused at load: out of the way
    add_slow_rule(paths.user_checklists_dir())
    app.processEvents()
    started = time.monotonic()
    gap = longest_gap(panel.reload_and_check, lambda: not panel.checking, at_most=60.0)
    took = time.monotonic() - started
    idle = longest_gap(lambda: None, lambda: True, at_least=took)
    stopped = [f.message for f in panel.findings if f.rule == "county-slow"]
    reported = stopped[0] if stopped else panel.summary_label.text()[:60]
    return gap, idle, took, reported


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["FAZHI_DATA_DIR"] = str(Path(folder) / "data")
        from PySide6.QtWidgets import QApplication

        from drafting import paths
        from tests.ui.event_loop_probe import county_files, longest_gap
        from ui import dialogs, messages
        from ui.main_window import MainWindow

        app = QApplication.instance() or QApplication([])
        templates = county_files(Path(folder))
        paths.templates_dir = lambda: templates  # the county's copy of templates/
        errors: list[str] = []
        messages.show_error = lambda _parent, message: errors.append(str(message))
        dialogs.ask_save_changes = lambda *_args: dialogs.DISCARD  # closing at the end asks nothing
        window = MainWindow()
        window.show()
        page = window.start_page
        page.org_edit.setText("某某镇人民政府")
        page.addressee_edit.setText("县委、县政府")
        page.new_button.click()
        window.step_pages.show_step("measures")
        step = window.step_pages.current_page()
        panel = window.findings_dock.panel
        app.processEvents()
        started = time.monotonic()

        def attack() -> None:
            step.generate_button.click()
            if panel is not None:
                panel.reload_and_check()

        gap = longest_gap(attack, lambda: step.generate_button.isEnabled() and not (panel and panel.checking))
        took = time.monotonic() - started
        idle = longest_gap(lambda: None, lambda: True, at_least=took)
        print(f"生成（慢模板）与加载含灾难性正则的规则期间，事件循环最长停顿 {gap * 1000:.0f} ms；空闲时 {idle * 1000:.0f} ms"
              f"（共 {took:.1f} s{'；模板出错：' + errors[0][:40] if errors else ''}）")
        slow, slow_idle, slow_took, reported = slow_regex_attack(window, panel, app)
        print(f"县规则 {SLOW_REGEX}（加载时未被拦下）检查 3000 个 a 的段落期间，事件循环最长停顿 {slow * 1000:.0f} ms；"
              f"空闲时 {slow_idle * 1000:.0f} ms（共 {slow_took:.1f} s；{reported}）")
        window.close()
    figures = [
        {"name": "event_loop_longest_gap_under_attack", "value": round(gap * 1000), "baseline": round(idle * 1000),
         "unit": "ms", "ratio": round(gap / idle, 1) if idle else None, "target_abs": 500,
         "baseline_name": "idle window"},
        {"name": "event_loop_longest_gap_slow_regex", "value": round(slow * 1000), "baseline": round(slow_idle * 1000),
         "unit": "ms", "ratio": round(slow / slow_idle, 1) if slow_idle else None, "target_abs": 500,
         "baseline_name": "idle window"},
    ]
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
