"""预览 (LibreOffice → PDF → pages, or a clear note without it) and the generated facts form."""

from __future__ import annotations

import shutil

import pytest

from drafting.data.facts import default_fact_catalog
from drafting.files import libreoffice
from tests.conftest import require_soffice
from tests.ui.test_main_window import Recorder, make_window, start_new, type_text
from ui.fact_form import FactForm
from ui.preview import PreviewPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def rec(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    return Recorder(monkeypatch)


def test_preview_without_libreoffice_shows_a_clear_note(qtbot, rec: Recorder, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: None)
    window = make_window(qtbot)
    start_new(qtbot, window)
    window.menus.preview_action.trigger()
    panel = window.preview_dock.widget()
    assert isinstance(panel, PreviewPanel)
    qtbot.waitUntil(lambda: not window.job_bar.isVisible(), timeout=30000)
    assert "没有找到 LibreOffice" in panel.note_label.text()
    assert panel.page_count() == 0
    assert rec.errors == []  # a note in the panel, not an error box


@pytest.mark.render
def test_preview_shows_pages_rendered_by_libreoffice(qtbot, rec: Recorder, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The PDF LibreOffice made is shown with QtPdf: pdftoppm (poppler) is not needed."""
    require_soffice()
    real_which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name == "pdftoppm" else real_which(name, *a, **k))
    window = make_window(qtbot)
    start_new(qtbot, window)
    window.editor("preamble").setPlainText("今年以来，镇党委镇政府坚持依法行政。" * 40)
    window.menus.preview_action.trigger()
    panel = window.preview_dock.widget()
    qtbot.waitUntil(lambda: not window.job_bar.isVisible(), timeout=180000)
    assert rec.errors == []
    assert panel.page_count() >= 2
    size = panel.document.pagePointSize(0)
    assert abs(size.width() - 595) < 3 and abs(size.height() - 842) < 3  # A4 portrait, in points
    assert panel.view is not None and panel.view.isVisibleTo(panel)
    assert f"共 {panel.page_count()} 页" in panel.note_label.text()


def test_fact_form_is_generated_from_the_catalogue(qtbot) -> None:  # type: ignore[no-untyped-def]
    catalog = default_fact_catalog()
    specs = catalog.for_group("study") + catalog.for_group("leader_duty") + (catalog.spec("law_work_plan"),)
    form = FactForm(specs)
    qtbot.addWidget(form)
    assert list(form.fields) == [s.id for s in specs]
    count = form.fields["training_sessions"]
    assert count.unit_label.text() == "场"
    assert catalog.spec("training_sessions").example in count.input.placeholderText()
    topics = form.fields["leader_study_topics"]
    assert "每行一项" in topics.input.placeholderText()  # a list: one item per line
    edited: list[tuple[str, str]] = []
    form.fact_edited.connect(lambda fid, raw: edited.append((fid, raw)))
    type_text(count.input, "12")
    assert edited[-1] == ("training_sessions", "12")
    form.load({"training_sessions": "30"})
    assert count.input.text() == "30" and edited[-1] == ("training_sessions", "12")  # loading is not an edit
    form.set_messages({"training_sessions": "请填写整数"})
    assert count.message_label.text() == "请填写整数" and "b00020" in count.message_label.styleSheet()
    form.set_messages({})
    assert count.message_label.text() == catalog.spec("training_sessions").hint
    form.set_computed({"exam_pass_rate": 97.7})
    assert "97.7%" in form.fields["exam_pass_rate"].computed_label.text()
