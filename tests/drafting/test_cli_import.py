"""``python main.py import LAST_REPORT --year Y -o DRAFT`` in a real subprocess."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from drafting.commands import importing
from drafting.files.storage import save_draft
from drafting.reading.sources import load_source
from tests import fixtures_docx
from tests.conftest import REPORT_NAMES, fixture_path, report_path, run_cli


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_sample_imported_for_next_year(name: str, tmp_path: Path) -> None:
    source = report_path(name)
    before = _digest(source)
    output = tmp_path / "2022.fzbg"
    result = run_cli("import", str(source), "--year", "2022", "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert "结构识别" in result.stdout and "已写入新草稿" in result.stdout
    draft = load_source(output)
    assert draft.meta.year == 2022
    assert "2022" in draft.title and "2021" not in draft.title
    original = load_draft_or_source(source)
    assert [p.id for p in draft.parts] == [p.id for p in original.parts]
    assert draft.last_year and draft.settings.carried_from_year == 2021
    assert not any("[bookmark" in b.text or "**" in b.text for _, b in draft.iter_blocks())
    assert _digest(source) == before


def load_draft_or_source(path: Path):
    from drafting.reading.sources import load_source

    return load_source(path)


def test_cleanup_and_year_notes_printed(tmp_path: Path) -> None:
    result = run_cli("import", str(report_path("qingshui-2021")), "--year", "2022", "-o", str(tmp_path / "a.fzbg"))
    assert "[bookmark: _GoBack]" in result.stdout  # reported as removed
    assert "请核对是否应改为 2022 年" in result.stdout
    assert "未找到：第一责任人职责" in result.stdout


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_imported_draft_flags_copied_paragraphs_until_edited(name: str, tmp_path: Path) -> None:
    check = pytest.importorskip("drafting.commands.check")
    assert check.VERB == "check"
    output = tmp_path / "2022.fzbg"
    assert run_cli("import", str(report_path(name)), "--year", "2022", "-o", str(output)).returncode == 0

    def copied() -> list[dict]:
        result = run_cli("check", "--json", str(output))
        return [f for f in json.loads(result.stdout)[0]["findings"] if f["rule"] == "copied-from-last-year"]

    before = copied()
    assert len(before) >= 5
    draft = load_source(output)
    edited = next(b for _, b in draft.iter_blocks() if b.text.strip().startswith(before[0]["match"]))
    edited.text = "今年新写的一段：" + "全镇组织开展法治培训二十场次，参训干部较去年明显增加，执法案卷评查全部合格。"
    save_draft(draft, output)
    assert len(copied()) == len(before) - 1


def test_docx_round_trip_through_import(tmp_path: Path) -> None:
    export = pytest.importorskip("drafting.export.writer")
    from drafting.reading.sources import load_source

    original = load_source(report_path("songlin-2021"))
    word = tmp_path / "dasi-2021.docx"
    export.write_docx(original, word)
    output = tmp_path / "2022.fzbg"
    result = run_cli("import", str(word), "--year", "2022", "-o", str(output))
    assert result.returncode == 0, result.stderr
    draft = load_source(output)
    assert [p.id for p in draft.parts if p.id not in ("signature", "date")] == [
        p.id for p in original.parts if p.id not in ("signature", "date")]
    assert draft.part("measures").heading == original.part("measures").heading


def test_real_word_file_imported(tmp_path: Path) -> None:
    output = tmp_path / "x.fzbg"
    result = run_cli("import", str(fixture_path("guowuyuan_jueding_word.docx")), "--year", "2025", "-o", str(output))
    assert result.returncode == 0, result.stderr
    draft = load_source(output)
    assert draft.signature == "国务院" and draft.date_text == "2025年5月3日"


def test_word_file_made_here_imported(tmp_path: Path) -> None:
    source = tmp_path / "决定.docx"
    source.write_bytes(fixtures_docx.word_decision_docx())
    output = tmp_path / "x.fzbg"
    result = run_cli("import", str(source), "--year", "2025", "-o", str(output))
    assert result.returncode == 0, result.stderr
    draft = load_source(output)
    assert draft.signature == "某某县人民政府" and draft.date_text == "2025年5月3日"


@pytest.mark.parametrize("same", ["same", "relative"])
def test_output_equal_to_source_refused(tmp_path: Path, same: str) -> None:
    source = tmp_path / "报告.txt"
    source.write_bytes(report_path("qingshui-2021").read_bytes())
    before = _digest(source)
    output = str(source) if same == "same" else "./报告.txt"
    result = run_cli("import", str(source), "--year", "2022", "-o", output, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("错误：") and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert _digest(source) == before


def test_existing_non_draft_output_not_overwritten(tmp_path: Path) -> None:
    other = tmp_path / "别的文件.docx"
    other.write_bytes(b"PK\x03\x04 not ours")
    result = run_cli("import", str(report_path("songlin-2021")), "--year", "2022", "-o", str(other))
    assert result.returncode == 2 and "不能覆盖" in result.stderr
    assert other.read_bytes() == b"PK\x03\x04 not ours"


def _bomb(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("word/document.xml", "w", force_zip64=True) as member:
        for _ in range(200):
            member.write(b"\0" * (1024 * 1024))
    path.write_bytes(buffer.getvalue())


@pytest.mark.parametrize(("make", "words"), [
    (lambda p: p.write_bytes(b"PK\x03\x04" + b"\0" * 100), "损坏"),
    (lambda p: p.write_bytes(b"%PDF-1.4\n"), "PDF"),
    (_bomb, "异常巨大"),
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le")), "密码"),
])
def test_bad_sources_one_line_nothing_written(tmp_path: Path, make, words: str) -> None:
    source = tmp_path / "去年.docx"
    make(source)
    output = tmp_path / "out.fzbg"
    result = run_cli("import", str(source), "--year", "2022", "-o", str(output))
    assert result.returncode == 2, result.stdout
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not output.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["去年.docx"]


@pytest.mark.parametrize("args", [["--year", "1800"], ["--year", "abc"], []])
def test_bad_year(tmp_path: Path, args: list[str]) -> None:
    result = run_cli("import", str(report_path("songlin-2021")), *args, "-o", str(tmp_path / "x.fzbg"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (tmp_path / "x.fzbg").exists()


def test_import_verb_loads_nothing_heavy() -> None:
    import subprocess
    import sys

    code = ("import sys, drafting.cli as c; c.command_modules(); "
            "print(any(m in sys.modules for m in ('PySide6', 'jieba', 'docx', 'lxml')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(importing.__file__).parents[2])
    assert out.stdout.strip() == "False", out.stderr


@pytest.mark.parametrize("made_here", [True, False])
def test_check_and_export_accept_word_files(tmp_path: Path, made_here: bool) -> None:
    pytest.importorskip("drafting.commands.check")
    if made_here:
        source = tmp_path / "清水镇.docx"
        source.write_bytes(fixtures_docx.wps_report_docx())
    else:
        source = fixture_path("nb_bianzhi_shuoming_pt12_wps.docx")
    checked = run_cli("check", "--json", str(source))
    assert checked.returncode in (0, 1), checked.stderr
    assert json.loads(checked.stdout)[0]["findings"]
    out = tmp_path / "out.docx"
    exported = run_cli("export", str(source), "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    import docx

    first_heading = "一、主要举措和成效" if made_here else "一、任务来源及计划要求"
    assert first_heading in [p.text for p in docx.Document(str(out)).paragraphs]
