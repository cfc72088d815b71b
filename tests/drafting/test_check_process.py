"""The checklist's helper process (drafting.checklist.worker): the window's checks, killable.

A slow regex that passes the load-time check (a*a*a*b on 3,000 a's backtracks for hours) is
stopped in the helper and named; one owner's new check cancels its running one, another owner's
waits its turn; rule files are read in the helper, with their errors sent back as the message.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from drafting.checklist import worker
from drafting.checklist.loader import default_checklist_path
from drafting.checklist.worker import CheckEvent, CheckProcess, CheckRequest
from drafting.model import Block, Report
from drafting.reading.text_reader import read_text_report
from tests.conftest import report_path

SLOW_RULES = ("version: 1\nrules:\n  - id: county-slow\n    kind: pattern\n    severity: warning\n"
              "    regex: 'a*a*a*b'\n    message: 缺少字母b\n")


def _report(slow: bool = False) -> Report:
    report = read_text_report(report_path("shangjia-2021"))
    if slow:
        report.part("measures").blocks.append(Block("a" * 3000))
    return report


def _wait(process: CheckProcess, token: int, seconds: float = 60.0) -> CheckEvent:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        event = process.poll(token)
        if event is not None:
            return event
        time.sleep(0.01)
    raise AssertionError("no answer from the helper process")


@pytest.fixture
def process():  # type: ignore[no-untyped-def]
    helper = CheckProcess()
    yield helper
    helper.kill()


def test_a_slow_rule_is_stopped_and_named_and_the_next_check_skips_it(
        process: CheckProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = tmp_path / "county.yml"
    rules.write_text(SLOW_RULES, encoding="utf-8")
    monkeypatch.setattr(worker, "rule_seconds", lambda _paragraphs: 0.5)
    monkeypatch.setattr(worker, "RULE_GRACE_SECONDS", 0.5)
    event = _wait(process, process.start_check(CheckRequest(_report(slow=True), default_checklist_path(), [rules])))
    assert event.kind == "timeout" and event.rule == "county-slow"
    assert not process.busy
    request = CheckRequest(_report(slow=True), default_checklist_path(), [rules], skip=frozenset({"county-slow"}))
    event = _wait(process, process.start_check(request))
    assert event.kind == "done"
    assert [f.message for f in event.findings if f.rule == "county-slow"] == [
        "检查规则“county-slow”上次检查时运行过久，已停止并跳过这条规则"]


def test_one_owner_cancels_its_own_check_and_another_owner_waits(
        process: CheckProcess, tmp_path: Path) -> None:
    rules = tmp_path / "county.yml"
    rules.write_text(SLOW_RULES, encoding="utf-8")
    slow = process.start_check(CheckRequest(_report(slow=True), default_checklist_path(), [rules]), owner="panel")
    quick = process.start_check(CheckRequest(_report(), default_checklist_path(), [rules]), owner="panel")
    assert process.poll(slow) == CheckEvent("cancelled")
    other = process.start_check(CheckRequest(_report(), default_checklist_path(), []), owner="other")
    assert process.poll(other) is None  # waits for the panel's check
    first, second = _wait(process, quick), _wait(process, other)
    assert first.kind == second.kind == "done"
    assert "county-slow" not in {f.rule for f in first.findings}  # no a's in that report: nothing to find


def test_a_broken_rule_file_is_read_in_the_helper_and_named(process: CheckProcess, tmp_path: Path) -> None:
    rules = tmp_path / "county.yml"
    rules.write_text("version: 1\nrules:\n  - id: county-x\n    kind: nosuchkind\n", encoding="utf-8")
    event = _wait(process, process.start_check(CheckRequest(_report(), default_checklist_path(), [rules])))
    assert event.kind == "error" and "county.yml" in event.message and "第 4 行" in event.message, event.message
