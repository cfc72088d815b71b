"""Recovery copies: written atomically under the user data folder, listed, loaded, discarded."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from drafting import paths
from drafting.files.recovery import (
    discard_recovery,
    list_recoveries,
    load_recovery,
    recovery_path,
    write_recovery,
)
from drafting.project import DraftProject
from drafting.writing.new_report import new_report


def test_write_list_load_discard(tmp_path: Path) -> None:
    report = new_report("某某镇人民政府", 2024, "县委、县政府")
    report.facts["penalty_cases"] = 41
    draft = tmp_path / "报告.fzbg"
    path = write_recovery(report, draft, "abc123")
    assert path.parent == paths.recovery_dir() and path.is_file()
    assert path == recovery_path("abc123")
    write_recovery(new_report("另一镇人民政府", 2023, "县委、县政府"), None, "unsaved1")
    entries = list_recoveries()
    assert {e.key for e in entries} == {"abc123", "unsaved1"}
    entry = next(e for e in entries if e.key == "abc123")
    assert entry.original_path == draft.resolve()
    assert entry.org == "某某镇人民政府" and entry.year == 2024
    assert "某某镇人民政府 2024年度报告" in entry.label and "报告.fzbg" in entry.label
    other = next(e for e in entries if e.key == "unsaved1")
    assert other.original_path is None and "未保存的新草稿" in other.label
    loaded = load_recovery(entry)
    assert loaded.facts == {"penalty_cases": 41}
    assert loaded.title == report.title
    discard_recovery("abc123")
    assert [e.key for e in list_recoveries()] == ["unsaved1"]
    discard_recovery("abc123")  # discarding twice is harmless


def test_rewriting_replaces_the_copy() -> None:
    report = new_report("某某镇人民政府", 2024, "县委、县政府")
    write_recovery(report, None, "k1")
    report.facts["lawsuits"] = 2
    write_recovery(report, None, "k1")
    (entry,) = list_recoveries()
    assert load_recovery(entry).facts == {"lawsuits": 2}
    assert not [p for p in paths.recovery_dir().iterdir() if p.name.endswith(".tmp")]


def test_damaged_copies_are_skipped_not_fatal() -> None:
    folder = paths.recovery_dir()
    folder.mkdir(parents=True)
    (folder / "junk.fzbg-recovery").write_bytes(b"\x00\x01 not a recovery copy")
    (folder / "bad.fzbg-recovery").write_text('#FZRECOVERY {"saved": "x"\n', encoding="utf-8")
    write_recovery(new_report("某某镇人民政府", 2024, "县委、县政府"), None, "good")
    assert [e.key for e in list_recoveries()] == ["good"]


def test_no_folder_means_no_recoveries() -> None:
    assert not paths.recovery_dir().exists()
    assert list_recoveries() == []


@pytest.mark.parametrize("key", ["../escape", "", "a/b", "x" * 65])
def test_keys_cannot_escape_the_folder(key: str) -> None:
    with pytest.raises(ValueError):
        recovery_path(key)


def test_project_writes_and_discards_its_copy(tmp_path: Path) -> None:
    project = DraftProject(new_report("某某镇人民政府", 2024, "县委、县政府"))
    project.set_part_text("preamble", "刚刚输入的开头段。")
    project.write_recovery()
    (entry,) = list_recoveries()
    assert entry.key == project.recovery_key
    restored = DraftProject(load_recovery(entry))
    assert restored.part_text("preamble") == "刚刚输入的开头段。"
    project.save(tmp_path / "a.fzbg")
    project.discard_recovery()
    assert list_recoveries() == []


@pytest.mark.slow
def test_a_killed_process_leaves_a_loadable_copy(tmp_path: Path) -> None:
    """SIGKILL a process that keeps rewriting its copy: what is left is the old or the new copy, whole."""
    script = textwrap.dedent(
        """
        import sys
        from drafting.writing.new_report import new_report
        from drafting.files.recovery import write_recovery
        report = new_report("某某镇人民政府", 2024, "县委、县政府")
        n = 0
        while True:
            n += 1
            report.facts["penalty_cases"] = n
            report.parts[2].blocks = []
            write_recovery(report, None, "killed")
            if n == 3:
                print("ready", flush=True)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    finally:
        proc.kill()
        proc.wait(timeout=30)
        if proc.stdout is not None:
            proc.stdout.close()
    (entry,) = list_recoveries()
    assert load_recovery(entry).facts["penalty_cases"] >= 3


def test_copies_of_a_window_still_open_in_another_process_are_not_offered() -> None:
    path = write_recovery(new_report("某某镇人民政府", 2024, "县委、县政府"), None, "other")
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        data = path.read_bytes()
        head, rest = data.split(b"\n", 1)
        head = head.replace(f'"pid": {os.getpid()}'.encode(), f'"pid": {other.pid}'.encode())
        assert f'"pid": {other.pid}'.encode() in head
        path.write_bytes(head + b"\n" + rest)
        assert list_recoveries() == []
        (live,) = list_recoveries(include_live=True)
        assert live.writer_alive and live.pid == other.pid
    finally:
        other.kill()
        other.wait(timeout=30)
    # Once that process is gone, its copy is offered.
    (entry,) = list_recoveries()
    assert entry.key == "other" and not entry.writer_alive
