"""The window's side of 从去年的报告开始: run the import flow, then open the result as a new draft.

The new draft has no file yet (saving asks for a name) and remembers the file
it was read from only so that it is never saved or exported over it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ui import import_dialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow

logger = logging.getLogger(__name__)


def start_from_last_year(window: MainWindow) -> bool:
    """Choose and review last year's report, then show the new draft; False when cancelled or failed.

    Errors are shown by the import flow (ui.messages); the open draft is closed
    (asking to save) only once there is a new one to show.
    """
    from drafting.project import DraftProject

    result = import_dialog.start_from_last_year_with_source(window)
    if result is None:
        return False
    report, source = result
    if not window.maybe_close_project():
        return False
    project = DraftProject(report, None, source_path=source)
    project.mark_modified()
    window.set_project(project)
    first = window.outline_panel.steps[0].id
    window.show_step(first)
    old = report.settings.carried_from_year or "去"
    window.statusBar().showMessage(
        f"已从“{source.name}”（{old} 年）开始 {report.meta.year} 年的新草稿。各部分左侧是去年的内容："
        "标为【未改】的段落请改写或确认沿用，正文中黄底的年份请核对。", 20000)
    logger.info("window opened a %s draft started from %s", report.meta.year, source.name)
    return True
