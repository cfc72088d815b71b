"""The 从去年的报告开始 flow: review dialog, corrections, progress, cancel and error paths, last year's view."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from drafting.errors import InputError  # noqa: E402
from drafting.lastyear.carryover import carry_over, read_last_year  # noqa: E402
from tests.conftest import report_path  # noqa: E402
from ui import dialogs, messages  # noqa: E402
from ui.import_dialog import ImportReviewDialog, start_from_last_year  # noqa: E402
from ui.last_year_view import LastYearView  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _parent, message: shown.append(str(message)))
    return shown


def test_dialog_lists_every_paragraph_with_part_and_confidence(qtbot) -> None:
    imported = read_last_year(report_path("qingshui-2021"))
    dialog = ImportReviewDialog(imported, "taigong-2021.txt")
    qtbot.addWidget(dialog)
    rows = sum(len(p.blocks) for p in imported.report.parts)
    assert dialog.table.rowCount() == rows
    parts = {dialog.table.item(r, 2).text() for r in range(rows) if dialog.table.item(r, 2)}
    assert {"标题", "主送机关", "开头段"} <= parts
    assert len(dialog.part_boxes) == 3  # 一、二、三、 can be moved
    assert all(dialog.table.item(r, 3).text()[0] in "高中低" for r in range(rows))
    assert dialog.year() == 2022
    assert any("bookmark" in dialog.notes_list.item(i).text() for i in range(dialog.notes_list.count()))
    assert any("第一责任人" in dialog.notes_list.item(i).text() for i in range(dialog.notes_list.count()))


def test_writer_moves_a_heading(qtbot) -> None:
    imported = read_last_year(report_path("qingshui-2021"))
    dialog = ImportReviewDialog(imported, "taigong-2021.txt")
    qtbot.addWidget(dialog)
    index, box = sorted(dialog.part_boxes.items())[1]  # 二、存在的困难问题
    box.setCurrentIndex(box.findData("other"))
    fixed = dialog.corrected_report()
    assert fixed.part("shortcomings") is None
    assert fixed.part("other").heading == "二、存在的困难问题"
    assert imported.report.part("shortcomings") is not None


def test_duplicate_part_keeps_dialog_open(qtbot, errors: list[str]) -> None:
    dialog = ImportReviewDialog(read_last_year(report_path("qingshui-2021")), "x")
    qtbot.addWidget(dialog)
    boxes = [box for _, box in sorted(dialog.part_boxes.items())]
    boxes[1].setCurrentIndex(boxes[1].findData("measures"))
    dialog.buttons.accepted.emit()
    assert errors and "多个" in errors[0]
    assert dialog.result() != dialog.DialogCode.Accepted
    with pytest.raises(InputError):
        dialog.corrected_report()


def test_start_from_last_year_ok(qtbot, monkeypatch: pytest.MonkeyPatch, errors: list[str]) -> None:
    source = report_path("songlin-2021")
    monkeypatch.setattr(dialogs, "ask_last_year_path", lambda _parent: source)

    def accept(dialog: ImportReviewDialog) -> bool:
        dialog.year_spin.setValue(2023)
        return True

    monkeypatch.setattr(dialogs, "run_modal", accept)
    result = start_from_last_year(None)
    assert errors == []
    assert result is not None and result[1] == source
    report = result[0]
    assert report.meta.year == 2023
    assert "2023" in report.title
    assert report.last_year["measures"] and report.settings.started_from == "songlin-2021.txt"
    assert any("请核对" in note for note in report.settings.import_notes)


def test_start_from_last_year_cancelled(qtbot, monkeypatch: pytest.MonkeyPatch, errors: list[str]) -> None:
    monkeypatch.setattr(dialogs, "ask_last_year_path", lambda _parent: None)
    assert start_from_last_year(None) is None
    monkeypatch.setattr(dialogs, "ask_last_year_path", lambda _parent: report_path("songlin-2021"))
    monkeypatch.setattr(dialogs, "run_modal", lambda _dialog: False)
    assert start_from_last_year(None) is None
    assert errors == []


def test_start_from_last_year_bad_file(qtbot, monkeypatch: pytest.MonkeyPatch, errors: list[str],
                                       tmp_path: Path) -> None:
    bad = tmp_path / "去年.docx"
    bad.write_bytes(b"PK\x03\x04" + b"\0" * 64)
    monkeypatch.setattr(dialogs, "ask_last_year_path", lambda _parent: bad)
    monkeypatch.setattr(dialogs, "run_modal", lambda _dialog: pytest.fail("no review for a bad file"))
    assert start_from_last_year(None) is None
    assert len(errors) == 1 and "损坏" in errors[0]


def test_last_year_view_marks_unchanged_paragraphs(qtbot) -> None:
    new, _ = carry_over(read_last_year(report_path("qingshui-2021")).report, 2022)
    view = LastYearView()
    qtbot.addWidget(view)
    view.show_part(new, "shortcomings")
    assert view.paragraph_list.count() == 2
    assert view.unchanged_count == 2
    new.part("shortcomings").blocks[1].text = "今年重新写的一段：执法人员持证率偏低，原因是新进人员多。"
    view.refresh()
    assert view.unchanged_count == 1
    assert "1 段在草稿中仍未修改" in view.title_label.text()
    view.show_part(new, "leader_duty")
    assert view.paragraph_list.count() == 0 and "没有这一部分" in view.title_label.text()
