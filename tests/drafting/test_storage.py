"""The draft file: round trip, atomic save with backup, clear errors for damaged files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafting.draft_settings import DraftSettings
from drafting.errors import StorageError
from drafting.files import atomic
from drafting.files.storage import FORMAT_VERSION, dump_draft, load_draft_bytes, save_draft
from drafting.model import Block, Part, Report, ReportMeta
from drafting.reading.sources import load_source, sniff_kind
from drafting.reading.text_reader import read_text_report
from tests.conftest import REPORT_NAMES, report_path


def _report() -> Report:
    return Report(
        meta=ReportMeta(org="某某镇人民政府", year=2024, plan="法治政府建设实施纲要（2021—2025年）"),
        parts=[
            Part("title", [Block("某某镇人民政府关于2024年度法治政府建设情况的报告")]),
            Part("measures", [Block("一、主要举措和成效", 1), Block("全年开展培训12场。"), Block("（一）学法", 2)]),
        ],
        facts={"training_sessions": 12, "exam_pass_rate": 98.5, "problems": ["执法力量不足"]},
        last_year_facts={"training_sessions": 10},
        settings=DraftSettings(areas=["study", "pufa"]),
    )


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    report = _report()
    path = tmp_path / "报告.fzbg"
    save_draft(report, path)
    loaded = load_source(path)
    assert loaded == report


def test_file_is_readable_chinese_yaml(tmp_path: Path) -> None:
    path = tmp_path / "d.fzbg"
    save_draft(_report(), path)
    text = path.read_text(encoding="utf-8")
    assert "某某镇人民政府关于2024年度法治政府建设情况的报告" in text
    assert "\\u" not in text
    assert f"version: {FORMAT_VERSION}" in text
    assert "- h1: 一、主要举措和成效" in text


def test_draft_recognised_by_content_not_name(tmp_path: Path) -> None:
    path = tmp_path / "anything.txt"
    path.write_bytes(dump_draft(_report()))
    assert sniff_kind(path.read_bytes()) == "draft"
    assert load_source(path) == _report()


def test_second_save_keeps_backup(tmp_path: Path) -> None:
    path = tmp_path / "d.fzbg"
    first = _report()
    save_draft(first, path)
    second = _report()
    second.meta.org = "另一个镇人民政府"
    save_draft(second, path)
    assert load_source(path).meta.org == "另一个镇人民政府"
    assert load_source(path.with_name("d.fzbg.bak")).meta.org == "某某镇人民政府"


def test_failed_save_leaves_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "d.fzbg"
    save_draft(_report(), path)
    before = path.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    changed = _report()
    changed.meta.org = "改动"
    with pytest.raises(StorageError, match="原文件未被改动"):
        save_draft(changed, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_save_into_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="不存在"):
        save_draft(_report(), tmp_path / "nope" / "d.fzbg")


@pytest.mark.parametrize(
    ("mutate", "words"),
    [
        (lambda b: b[: len(b) // 2] + b"\n  - {", "已损坏"),
        (lambda b: b.replace(b"version: 1", b"version: 99"), "更新版本"),
        (lambda b: b.replace(b"format: fazhi-report-draft", b"format: other"), "不是本软件的草稿"),
        (lambda b: b.replace(b"year: 2024", b"year: abc"), "报告年度"),
        (lambda b: b.replace(b"- h1:", b"- h9:"), "无效的段落"),
        (lambda b: b.replace(b"- id: measures", b"- id: nonsense"), "编号无效"),
        (lambda b: b + b"unknown_key: 1\n", "无法识别"),
        (lambda b: b"\xff\xfe" + b, "不是 UTF-8"),
        (lambda b: b + b"x: &a [1]\ny: *a\n", "别名"),
        (lambda b: b + b"evil: !!python/object/apply:os.system ['echo hi']\n", "标签"),
    ],
    ids=["truncated", "newer", "not-draft", "bad-year", "bad-block", "bad-part", "unknown-key", "encoding",
         "alias", "python-tag"],
)
def test_damaged_drafts_give_clear_errors(mutate, words: str) -> None:  # type: ignore[no-untyped-def]
    data = mutate(dump_draft(_report()))
    with pytest.raises(StorageError, match=words):
        load_draft_bytes(data, "d.fzbg")


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_samples_survive_a_round_trip(tmp_path: Path, name: str) -> None:
    report = read_text_report(report_path(name))
    path = tmp_path / f"{name}.fzbg"
    save_draft(report, path)
    assert load_source(path).parts == report.parts


def test_atomic_write_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "x.bin"
    atomic.atomic_write_bytes(target, b"one")
    atomic.atomic_write_bytes(target, b"two", keep_backup=True)
    assert target.read_bytes() == b"two"
    assert (tmp_path / "x.bin.bak").read_bytes() == b"one"
    assert sorted(os.listdir(tmp_path)) == ["x.bin", "x.bin.bak"]


def test_atomic_write_gives_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "new.docx"
    umask = os.umask(0o022)
    try:
        atomic.atomic_write_bytes(target, b"x")
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644
    target.chmod(0o640)
    atomic.atomic_write_bytes(target, b"y")
    assert target.stat().st_mode & 0o777 == 0o640
