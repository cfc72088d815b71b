"""One-line dialog helpers (file choosers and questions), each easy to monkeypatch in tests.

Nothing here decides anything: each helper asks one question and returns the answer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from ui import settings
from ui.messages import APP_TITLE

DRAFT_FILTER = "法治报告草稿 (*.fzbg)"
OPEN_FILTER = "报告草稿或文本 (*.fzbg *.txt);;法治报告草稿 (*.fzbg);;文本文件 (*.txt);;所有文件 (*)"
DOCX_FILTER = "Word 文档 (*.docx)"
REVIEW_FILTER = "Excel 工作簿 (*.xlsx);;网页 (*.html)"
PDF_FILTER = "PDF 文件 (*.pdf)"
LAST_YEAR_FILTER = ("去年的报告 (*.docx *.doc *.wps *.txt *.fzbg);;Word 文档 (*.docx *.doc);;WPS 文档 (*.wps);;"
                    "文本文件 (*.txt);;法治报告草稿 (*.fzbg);;所有文件 (*)")

#: Answers of ask_save_changes.
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def _chosen(name: str) -> Path | None:
    """The file the writer chose (its folder is where the next dialog opens), or None."""
    if not name:
        return None
    settings.remember_folder(Path(name).parent)
    return Path(name)


def _in_start_folder(suggested: str) -> str:
    """A bare file name goes into the dialogs' start folder (the last used, else the documents folder)."""
    if not suggested or Path(suggested).parent == Path("."):
        return str(settings.start_folder() / suggested)
    return suggested


def ask_open_path(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "打开草稿", str(settings.start_folder()), OPEN_FILTER)
    return _chosen(name)


def ask_last_year_path(parent: QWidget | None) -> Path | None:
    """Last year's report to start from (从去年的报告开始)."""
    name, _ = QFileDialog.getOpenFileName(parent, "选择去年的报告", str(settings.start_folder()), LAST_YEAR_FILTER)
    return _chosen(name)


def ask_review_folder(parent: QWidget | None) -> Path | None:
    """The folder holding the townships' reports (县级审阅)."""
    name = QFileDialog.getExistingDirectory(parent, "选择放有各乡镇报告的文件夹", str(settings.start_folder()))
    return _chosen(name)


def ask_save_path(parent: QWidget | None, suggested: str = "", file_filter: str = DRAFT_FILTER,
                  title: str = "保存草稿") -> Path | None:
    """Where to save; suggested is a file name (put in the start folder) or a full path."""
    name, _ = QFileDialog.getSaveFileName(parent, title, _in_start_folder(suggested), file_filter)
    return _chosen(name)


def ask_export_path(parent: QWidget | None, suggested: str = "") -> Path | None:
    return ask_save_path(parent, suggested, DOCX_FILTER, "导出 Word 文档")


def ask_pdf_path(parent: QWidget | None, suggested: str = "") -> Path | None:
    return ask_save_path(parent, suggested, PDF_FILTER, "导出 PDF 文件")


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """SAVE, DISCARD or CANCEL for a draft with unsaved changes."""
    box = QMessageBox(QMessageBox.Icon.Question, APP_TITLE, f"“{name}”有尚未保存的修改。关闭前要保存吗？",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.button(QMessageBox.StandardButton.Save).setText("保存")
    box.button(QMessageBox.StandardButton.Discard).setText("不保存")
    box.button(QMessageBox.StandardButton.Cancel).setText("取消")
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def confirm(parent: QWidget | None, question: str) -> bool:
    answer = QMessageBox.question(parent, APP_TITLE, question)
    return answer == QMessageBox.StandardButton.Yes


#: Answers of ask_after_export.
OPEN_FILE, OPEN_FOLDER = "file", "folder"


def confirm_export_with_errors(parent: QWidget | None, question: str) -> bool:
    """"仍有3个错误：……，仍要导出吗？": True to export anyway."""
    box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.button(QMessageBox.StandardButton.Yes).setText("仍要导出")
    box.button(QMessageBox.StandardButton.No).setText("先去修改")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_after_export(parent: QWidget | None, path: Path) -> str | None:
    """OPEN_FILE, OPEN_FOLDER or None (close) after a Word file was written."""
    box = QMessageBox(QMessageBox.Icon.Information, APP_TITLE, f"已导出：{path}", QMessageBox.StandardButton.Close, parent)
    open_file = box.addButton("打开文件", QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
    box.button(QMessageBox.StandardButton.Close).setText("关闭")
    box.exec()
    clicked = box.clickedButton()
    return OPEN_FILE if clicked is open_file else OPEN_FOLDER if clicked is open_folder else None


def open_in_system(path: Path) -> bool:
    """Open a file or folder with the system's program (Word/WPS, the file manager); False if none did."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def ask_restore(parent: QWidget | None, labels: list[str]) -> int | None:
    """Which autosaved copy to restore (index into labels), or None to restore nothing."""
    item, ok = QInputDialog.getItem(
        parent, APP_TITLE, "上次程序没有正常关闭，找到以下自动保存的草稿。要恢复哪一份？", labels, 0, False
    )
    return labels.index(item) if ok and item in labels else None


def confirm_regenerate(parent: QWidget | None, old_text: str, new_text: str) -> bool:
    """Show the text now and the text the facts give now side by side (ui.regeneration_view); True to regenerate."""
    from ui.regeneration_view import RegenerationDialog

    return run_modal(RegenerationDialog(old_text, new_text, parent))


def run_modal(dialog: QDialog) -> bool:
    """Run a dialog built elsewhere (e.g. the import review) modally; True when the writer accepts it."""
    return dialog.exec() == QDialog.DialogCode.Accepted
