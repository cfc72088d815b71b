"""``python main.py export SOURCE -o OUT.docx`` end to end, in real subprocesses."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from drafting.checklist import Severity
from drafting.reading.text_reader import read_text_report
from tests.conftest import REPO_ROOT, REPORT_NAMES, report_path, run_cli
from tests.drafting.checklist_helpers import findings


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_samples_export(name: str, tmp_path: Path) -> None:
    source = report_path(name)
    before = _digest(source)
    output = tmp_path / f"{name}.docx"
    result = run_cli("export", str(source), "-o", str(output))
    assert result.returncode == 0, result.stderr
    # every sample has errors a reviewer returns it for: counted on stderr, the file still written
    errors = [f for f in findings(read_text_report(source)) if f.severity is Severity.ERROR]
    assert f"仍有{len(errors)}个错误" in result.stderr and "Traceback" not in result.stderr
    assert "已导出" in result.stdout
    with zipfile.ZipFile(output) as archive:
        assert "word/document.xml" in archive.namelist()
        assert "word/footer1.xml" in archive.namelist() or any("footer" in n for n in archive.namelist())
    assert _digest(source) == before
    assert [p.name for p in tmp_path.iterdir()] == [output.name]


def _missing(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "没有这个文件.txt", tmp_path / "out.docx"


def _empty(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    return source, tmp_path / "out.docx"


def _binary(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "report.txt"
    source.write_bytes(bytes(range(256)) * 64)
    return source, tmp_path / "out.docx"


def _missing_folder(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "report.txt"
    source.write_bytes(report_path("hexi-2021").read_bytes())
    return source, tmp_path / "no-such-folder" / "out.docx"


def _same_as_source(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "report.txt"
    source.write_bytes(report_path("hexi-2021").read_bytes())
    return source, source


@pytest.mark.parametrize(
    "make", [_missing, _empty, _binary, _missing_folder, _same_as_source], ids=lambda f: f.__name__.strip("_")
)
def test_bad_input_or_output_exits_2_with_one_chinese_line(make, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, output = make(tmp_path)
    listing_before = sorted(p.name for p in tmp_path.rglob("*"))
    digest_before = _digest(source) if source.exists() else None
    result = run_cli("export", str(source), "-o", str(output))
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert _chinese(lines[0]) and "Traceback" not in result.stderr
    assert result.stdout == ""
    # Nothing written: no output, no temporary file, the source untouched.
    assert sorted(p.name for p in tmp_path.rglob("*")) == listing_before
    if digest_before is not None:
        assert _digest(source) == digest_before


def test_export_does_not_import_qt_or_jieba(tmp_path: Path) -> None:
    output = tmp_path / "out.docx"
    code = (
        "import json, sys\n"
        "from drafting.cli import main\n"
        f"rc = main(['export', {str(report_path('songlin-2021'))!r}, '-o', {str(output)!r}])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'jieba', 'shiboken6'))\n"
        "print(json.dumps({'rc': rc, 'heavy': heavy}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"rc": 0, "heavy": []}
    assert output.is_file()


def test_strict_refuses_a_report_with_errors_and_writes_nothing(tmp_path: Path) -> None:
    output = tmp_path / "out.docx"
    result = run_cli("export", "--strict", str(report_path("hexi-2021")), "-o", str(output))
    assert result.returncode == 1
    assert "仍有" in result.stderr and "个错误" in result.stderr and "--strict" in result.stderr
    assert "没有发文机关署名" in result.stderr  # says which errors, not only how many
    assert not output.exists() and list(tmp_path.iterdir()) == []


def test_a_clean_report_exports_silently_even_with_strict(tmp_path: Path) -> None:
    from tests.drafting.test_checklist_samples import CLEAN_2024

    source = tmp_path / "clean.txt"
    source.write_text(CLEAN_2024, encoding="utf-8")
    output = tmp_path / "clean.docx"
    result = run_cli("export", "--strict", str(source), "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and output.is_file()
