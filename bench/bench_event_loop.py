"""The window under attack (issue 15): the longest event-loop pause while a slow county template
generates and a county rule file with a catastrophic regex is loaded, beside an idle window's.

    QT_QPA_PLATFORM=offscreen python bench/bench_event_loop.py

Baseline: the longest pause of the same timer while the window sits idle for as long.
Prints both and, last, one JSON object for bench/run.py (target: under 0.5 s).
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

        gap = longest_gap(attack, step.generate_button.isEnabled)
        took = time.monotonic() - started
        idle = longest_gap(lambda: None, lambda: True, at_least=took)
        print(f"生成（慢模板）与加载含灾难性正则的规则期间，事件循环最长停顿 {gap * 1000:.0f} ms；空闲时 {idle * 1000:.0f} ms"
              f"（共 {took:.1f} s{'；模板出错：' + errors[0][:40] if errors else ''}）")
        window.close()
    figure = {"name": "event_loop_longest_gap_under_attack", "value": round(gap * 1000), "baseline": round(idle * 1000),
              "unit": "ms", "ratio": round(gap / idle, 1) if idle else None, "target_abs": 500,
              "baseline_name": "idle window"}
    print(json.dumps(figure, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
