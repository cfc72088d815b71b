"""Make the README's window screenshots the way a clerk sees the program (run under a real X server).

    LANG=zh_CN.UTF-8 xvfb-run -s "-screen 0 1366x768x24" python docs/make_screenshots.py [OUT_DIR]

The window is 1366×768 (a common office screen); Qt's Chinese translations are loaded as at
start-up. Writes screenshot-main.png (主要举措和成效 with its facts), screenshot-regeneration.png
(按事实生成 over edited text), screenshot-preview.png (预览, needs LibreOffice) and
screenshot-open-dialog.png (打开草稿) into OUT_DIR (docs/ by default). No file outside OUT_DIR
and a temporary data folder is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FAZHI_DATA_DIR", tempfile.mkdtemp(prefix="fazhi-shots-"))

from PySide6.QtWidgets import QApplication, QFileDialog  # noqa: E402

from tests.drafting.typical_facts import TYPICAL_RAW_FACTS  # noqa: E402
from ui import dialogs, settings  # noqa: E402
from ui.app_identity import apply_identity  # noqa: E402
from ui.translations import install_qt_translations  # noqa: E402


def settle(app: QApplication, seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(out: Path) -> int:
    app = QApplication(sys.argv)
    apply_identity(app)
    translators = install_qt_translations(app)  # noqa: F841 (kept alive)
    from drafting.project import DraftProject
    from drafting.writing.new_report import new_report
    from ui.main_window import MainWindow
    from ui.regeneration_view import RegenerationDialog

    window = MainWindow()
    window.resize(1366, 768 - 28)
    window.move(0, 0)
    window.show()
    settle(app)
    project = DraftProject(new_report("青山镇人民政府", 2024, "县委、县政府"))
    project.mark_modified()
    window.set_project(project)
    for fact_id, raw in TYPICAL_RAW_FACTS.items():
        project.set_fact(fact_id, raw)
    for part_id in ("preamble", "measures", "shortcomings", "leader_duty", "plans"):
        project.generate(part_id)
    window.step_pages.show_step("measures")
    page = window.step_pages.current_page()
    for form in page.forms:
        form.load({fid: project.fact_text(fid) for fid in form.fields})
    page.editors["measures"].load_text(project.part_text("measures"))
    window.refresh_status()
    settle(app, 3)
    window.grab().save(str(out / "screenshot-main.png"))

    old = project.part_text("shortcomings") + "\n我们还要补充说明：部分村（社区）法律顾问服务次数偏少。"
    project.set_fact("shortcoming_items", "基层执法力量不足——编制少、任务重\n法治宣传针对性不强——形式单一")
    view = RegenerationDialog(old, project.render("shortcomings"), window)
    view.show()
    settle(app, 1)
    view.grab().save(str(out / "screenshot-regeneration.png"))
    view.close()

    dialog = QFileDialog(window, "打开草稿", str(settings.start_folder()), dialogs.OPEN_FILTER)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.show()
    settle(app, 1)
    dialog.grab().save(str(out / "screenshot-open-dialog.png"))
    dialog.close()

    window.preview()
    deadline = time.monotonic() + 180
    while window.job_bar.isVisible() and time.monotonic() < deadline:
        settle(app, 0.2)
    settle(app, 2)
    window.grab().save(str(out / "screenshot-preview.png"))
    window.project.close()
    window.project = None
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"))
