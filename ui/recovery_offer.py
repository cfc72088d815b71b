"""After a crash or kill: offer the autosaved copies and make a draft of the one the writer picks.

The window shows the draft (MainWindow.offer_recovery); this module only asks
(ui.dialogs) and builds it, so it needs nothing from the window but a parent
for its dialogs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui import dialogs, messages

if TYPE_CHECKING:
    from drafting.project import DraftProject


def recovered_project(parent: QWidget | None) -> DraftProject | None:
    """The autosaved copy the writer chooses, as a modified draft; None when there is none or none is chosen.

    Declining offers to delete the copies; a copy that cannot be read is said in plain words.
    """
    from drafting.errors import DraftingError
    from drafting.files import recovery
    from drafting.project import DraftProject

    entries = recovery.list_recoveries()
    if not entries:
        return None
    index = dialogs.ask_restore(parent, [e.label for e in entries])
    if index is None:
        if dialogs.confirm(parent, "不恢复的话，要删除这些自动保存的副本吗？（选“否”则下次启动时再问）"):
            for entry in entries:
                recovery.discard_recovery(entry.key)
        return None
    entry = entries[index]
    try:
        report = recovery.load_recovery(entry)
    except DraftingError as exc:
        messages.show_error(parent, exc)
        return None
    original = entry.original_path if entry.original_path and entry.original_path.is_file() else None
    project = DraftProject(report, original)
    project.recovery_key = entry.key  # keep autosaving into the same copy until saved
    try:
        project.acquire_lock()
    except DraftingError as exc:
        messages.show_error(parent, f"{exc}\n恢复的内容将作为未保存的新草稿打开，请另存为新文件。")
        project.path = None
    project.mark_modified()
    return project
