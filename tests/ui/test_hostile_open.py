"""Hostile files through the window (issue 6): 打开草稿 and 从去年的报告开始.

Every hostile file from tests/hostile.py (the HOSTILE_FILES table of tests/test_hostile_inputs.py)
is fed to both actions with the file pickers patched. Each must give exactly one error through
ui.messages, within 10 s and 1 GB, leave the window usable with its current draft open and
unmodified, write nothing next to the input and leave the input byte-identical. A draft that
another process holds (drafting.files.draftlock) is refused with a message.
"""

from __future__ import annotations

import hashlib
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafting.files.draftlock import lock_path_for
from drafting.files.storage import dump_draft, save_draft
from drafting.reading.text_reader import parse_text_report
from tests import hostile
from tests.conftest import REPO_ROOT
from tests.test_hostile_inputs import HOSTILE_FILES
from ui import dialogs, import_dialog, messages
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

TIME_LIMIT_S = 10.0
MEMORY_LIMIT_KB = 1024 * 1024


class Recorder:
    """Records every message and answers every picker with the path under test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.path: Path | None = None
        self.asked_save_changes = 0
        monkeypatch.setattr(messages, "show_error", lambda _p, m: self.errors.append(str(m)))
        monkeypatch.setattr(messages, "show_info", lambda _p, m: self.infos.append(str(m)))
        monkeypatch.setattr(dialogs, "ask_open_path", lambda *_a, **_k: self.path)
        monkeypatch.setattr(dialogs, "ask_last_year_path", lambda *_a, **_k: self.path)
        monkeypatch.setattr(dialogs, "run_modal", lambda _d: pytest.fail("a hostile file reached the review"))
        monkeypatch.setattr(dialogs, "ask_save_changes", self._ask_save_changes)
        monkeypatch.setattr(dialogs, "confirm", lambda *_a: False)

    def _ask_save_changes(self, _parent: object, _name: str) -> str:
        self.asked_save_changes += 1
        return dialogs.CANCEL


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile-window")
    return {key: make(folder) for key, make in HOSTILE_FILES.items()}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listing(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in folder.iterdir()}


def _window_with_saved_draft(qtbot, tmp_path: Path) -> tuple[MainWindow, Path]:  # type: ignore[no-untyped-def]
    draft = tmp_path / "current" / "本年报告.fzbg"
    draft.parent.mkdir()
    save_draft(parse_text_report(hostile.REPORT_TEXT), draft)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(draft)
    assert window.project is not None and not window.project.is_modified
    return window, draft


def _trigger_import(window: MainWindow, rec: Recorder) -> None:
    """The window's 从去年的报告开始; called directly while the window does not wire it yet."""
    infos = len(rec.infos)
    window.menus.last_year_action.trigger()
    if len(rec.infos) > infos and "即将提供" in rec.infos[-1]:
        rec.infos.pop()
        assert import_dialog.start_from_last_year(window) is None


def _assert_refused_cleanly(window: MainWindow, rec: Recorder, draft: Path, before: dict[str, object],
                            source: Path, elapsed: float) -> None:
    assert len(rec.errors) == 1, rec.errors
    message = rec.errors[0]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message) and "Traceback" not in message
    assert elapsed < TIME_LIMIT_S, f"took {elapsed:.1f} s"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < MEMORY_LIMIT_KB
    # the current draft is still open, unmodified, its file and lock untouched
    project = window.project
    assert project is before["project"]
    assert project is not None and project.path == draft and not project.is_modified
    assert dump_draft(project.report) == before["report"]
    assert _digest(draft) == before["draft"]
    assert project.is_locked and lock_path_for(draft).is_file()
    # nothing written next to the input, the input byte-identical
    assert _listing(source.parent) == before["listing"]
    assert _digest(source) == before["source"]
    # the window is still usable: it saves the current draft
    assert window.save()
    assert rec.errors == [message]


@pytest.mark.parametrize("action", ["open", "import"])
@pytest.mark.parametrize("key", sorted(HOSTILE_FILES))
def test_window_refuses_hostile_file(action: str, key: str, hostile_dir: dict[str, Path], qtbot,  # type: ignore[no-untyped-def]
                                     monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    rec = Recorder(monkeypatch)
    window, draft = _window_with_saved_draft(qtbot, tmp_path)
    source = hostile_dir[key]
    rec.path = source
    before = {"project": window.project, "report": dump_draft(window.project.report), "draft": _digest(draft),
              "listing": _listing(source.parent), "source": _digest(source)}
    started = time.monotonic()
    if action == "open":
        window.menus.open_action.trigger()
    else:
        _trigger_import(window, rec)
    elapsed = time.monotonic() - started
    _assert_refused_cleanly(window, rec, draft, before, source, elapsed)
    assert rec.asked_save_changes == 0  # a file that cannot be read never asks about the current draft
    window.close()


_HOLD_LOCK = """
import sys, time
sys.path.insert(0, {root!r})
from drafting.files.draftlock import DraftLock
DraftLock({draft!r}).acquire()
print("held", flush=True)
time.sleep(60)
"""


def test_open_refuses_draft_held_by_another_process(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rec = Recorder(monkeypatch)
    window, draft = _window_with_saved_draft(qtbot, tmp_path)
    other = tmp_path / "other" / "另一份.fzbg"
    other.parent.mkdir()
    save_draft(parse_text_report(hostile.REPORT_TEXT.replace("某某镇", "清河镇")), other)
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK.format(root=str(REPO_ROOT), draft=str(other))],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        lock_before = lock_path_for(other).read_bytes()
        before = {"project": window.project, "report": dump_draft(window.project.report), "draft": _digest(draft),
                  "listing": _listing(other.parent), "source": _digest(other)}
        rec.path = other
        started = time.monotonic()
        window.menus.open_action.trigger()
        _assert_refused_cleanly(window, rec, draft, before, other, time.monotonic() - started)
        assert "另一个窗口或程序" in rec.errors[0] and other.name in rec.errors[0]
        assert lock_path_for(other).read_bytes() == lock_before  # the other process keeps its lock
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    # once the other process is gone, its stale lock is taken over and the draft opens
    rec.errors.clear()
    assert window.open_path(other)
    assert rec.errors == [] and window.project is not None and window.project.path == other
    window.close()


def test_reopening_the_open_draft_keeps_it_open(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Opening the draft this window already has open is not refused as locked by 'another window'."""
    rec = Recorder(monkeypatch)
    window, draft = _window_with_saved_draft(qtbot, tmp_path)
    rec.path = draft
    window.menus.open_action.trigger()
    assert rec.errors == []
    assert window.project is not None and window.project.path == draft and window.project.is_locked
    window.close()
    assert not lock_path_for(draft).exists()


def test_unreadable_file_never_asks_about_unsaved_changes(hostile_dir: dict[str, Path], qtbot,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With unsaved changes, a file that cannot be read is refused before any question: the changes stay."""
    rec = Recorder(monkeypatch)
    window, draft = _window_with_saved_draft(qtbot, tmp_path)
    project = window.project
    assert project is not None
    project.set_part_text("measures", project.part_text("measures") + "\n写作者刚补充、尚未保存的一段。")
    assert project.is_modified
    rec.path = hostile_dir["truncated.docx"]
    window.menus.open_action.trigger()
    assert len(rec.errors) == 1 and rec.asked_save_changes == 0
    assert window.project is project and project.is_modified
    assert "尚未保存的一段" in project.part_text("measures")
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_a: dialogs.DISCARD)
    window.close()


def test_cancelled_open_releases_the_other_drafts_lock(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A readable draft is locked while the writer is asked about unsaved changes; 取消 releases it."""
    rec = Recorder(monkeypatch)
    window, draft = _window_with_saved_draft(qtbot, tmp_path)
    project = window.project
    assert project is not None
    project.mark_modified()
    other = tmp_path / "other.fzbg"
    save_draft(parse_text_report(hostile.REPORT_TEXT), other)
    rec.path = other
    window.menus.open_action.trigger()  # the recorder answers 取消
    assert rec.asked_save_changes == 1 and rec.errors == []
    assert window.project is project and project.path == draft and project.is_locked
    assert not lock_path_for(other).exists()
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_a: dialogs.DISCARD)
    window.close()
