"""``python main.py check``: JSON and table output, exit codes, user checklists, drafts, bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting.files.storage import save_draft
from drafting.reading.text_reader import read_text_report
from tests.conftest import report_path, run_cli, sample_path
from tests.drafting.test_checklist_samples import CLEAN_2024, EXPECTED

pytestmark = pytest.mark.core


def test_json_for_the_three_samples() -> None:
    names = sorted(EXPECTED)
    result = run_cli("check", "--json", *(str(sample_path(n)) for n in names))
    assert result.returncode == 1, result.stderr  # every sample has error-level findings
    data = json.loads(result.stdout)
    assert [Path(item["source"]).stem for item in data] == names
    for item, name in zip(data, names, strict=True):
        assert set(item) == {"source", "year", "org", "parts", "findings"}
        assert item["year"] == 2021 and item["org"]
        assert [p["id"] for p in item["parts"]] == EXPECTED[name]["parts"]
        assert all(set(p) == {"id", "heading"} for p in item["parts"])
        keys = {"rule", "severity", "part", "line", "column", "match", "message", "suggestion"}
        assert all(set(f) == keys for f in item["findings"])
        assert {(f["rule"], f["part"], f["line"]) for f in item["findings"]} == EXPECTED[name]["findings"]
    dasi = data[names.index("dasi-2021")]
    assert next(p["heading"] for p in dasi["parts"] if p["id"] == "measures") == "一、主要举措和成效"


def test_clean_report_exits_zero_with_a_readable_table(tmp_path: Path) -> None:
    clean = tmp_path / "青石镇2024.txt"
    clean.write_text(CLEAN_2024, encoding="utf-8")
    result = run_cli("check", str(clean))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2024年度" in result.stdout and "青石镇人民政府" in result.stdout
    assert "错误" not in result.stdout and "警告" not in result.stdout


def test_table_shows_positions_severities_and_suggestions() -> None:
    result = run_cli("check", str(sample_path("shangjia-2021")))
    assert result.returncode == 1
    out = result.stdout
    assert "17:61" in out and "fazhi-term" in out and "“法制观念”应写作“法治观念”" in out
    assert "错误" in out and "警告" in out and "建议：" in out
    assert "共 11 条" in out


def test_unreadable_source_exit_2_others_still_checked(tmp_path: Path) -> None:
    binary = tmp_path / "坏文件.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    result = run_cli("check", "--json", str(tmp_path / "没有这个文件.txt"), str(binary), str(report_path("songlin-2021")))
    assert result.returncode == 2
    assert "找不到文件" in result.stderr and "二进制" in result.stderr and "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    assert [Path(item["source"]).stem for item in data] == ["songlin-2021"]


def test_checklist_option_changes_rules(tmp_path: Path) -> None:
    mine = tmp_path / "本县规则.yml"
    mine.write_text(
        "version: 1\nrules:\n"
        "  - id: fazhi-term\n    enabled: false\n"
        "  - id: signature-missing\n    severity: info\n"
        "  - id: date-missing\n    severity: warning\n"
        "  - id: heading-numbering\n    severity: warning\n"
        "  - id: causes-missing\n    severity: warning\n"
        "  - id: no-banner\n    kind: pattern\n    severity: warning\n    regex: 摆摊摊\n    message: 口语化：{match}\n",
        encoding="utf-8",
    )
    result = run_cli("check", "--json", "--checklist", str(mine), str(sample_path("shangjia-2021")))
    assert result.returncode == 0, result.stdout + result.stderr  # no error-level finding is left
    (item,) = json.loads(result.stdout)
    rules = {f["rule"]: f for f in item["findings"]}
    assert "fazhi-term" not in rules
    assert rules["signature-missing"]["severity"] == "info"
    assert rules["no-banner"]["match"] == "摆摊摊" and rules["no-banner"]["line"] == 13


def test_user_checklist_folder_is_read() -> None:
    from drafting import paths

    folder = paths.user_checklists_dir()
    folder.mkdir(parents=True)
    (folder / "off.yml").write_text("version: 1\nrules:\n  - id: causes-missing\n    enabled: false\n", encoding="utf-8")
    result = run_cli("check", "--json", str(report_path("qingshui-2021")))
    (item,) = json.loads(result.stdout)
    assert "causes-missing" not in {f["rule"] for f in item["findings"]}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("version: 1\nrules:\n  - id: x\n    kind: nope\n    severity: info\n    message: m\n", ["第 4 行", "规则 x", "未知的 kind"]),
        ("version: 1\nrules: [\n", ["YAML 格式错误"]),
    ],
)
def test_bad_checklist_exit_2_with_file_and_line(tmp_path: Path, text: str, words: list[str]) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(text, encoding="utf-8")
    result = run_cli("check", "--checklist", str(bad), str(report_path("songlin-2021")))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("错误：") and str(bad) in result.stderr and "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr


def test_missing_checklist_file(tmp_path: Path) -> None:
    result = run_cli("check", "--checklist", str(tmp_path / "none.yml"), str(report_path("songlin-2021")))
    assert result.returncode == 2 and "找不到检查规则文件" in result.stderr


def test_draft_positions_are_paragraph_based(tmp_path: Path) -> None:
    report = read_text_report(report_path("hexi-2021"))
    for _part, block in report.iter_blocks():
        block.source_line = None  # a draft edited in the window has no source lines
    draft = tmp_path / "商家镇.fzbg"
    save_draft(report, draft)
    result = run_cli("check", "--json", str(draft))
    (item,) = json.loads(result.stdout)
    (fazhi,) = [f for f in item["findings"] if f["rule"] == "fazhi-term"]
    paragraphs = [block.text for _part, block in report.iter_blocks()]
    assert paragraphs[fazhi["line"] - 1][fazhi["column"] - 1 :].startswith("法制观念")
    assert fazhi["line"] == len(paragraphs)  # the last paragraph of the report


def test_check_does_not_import_qt() -> None:
    import subprocess
    import sys

    from tests.conftest import REPO_ROOT

    code = (
        "import sys\nfrom drafting.cli import main\n"
        f"main(['check', '--json', {str(report_path('songlin-2021'))!r}])\n"
        "sys.stderr.write(','.join(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)
    assert result.stderr.strip() == ""


def test_word_file_checked_like_its_text(tmp_path: Path) -> None:
    export = pytest.importorskip("drafting.export.writer")
    word = tmp_path / "dasi.docx"
    export.write_docx(read_text_report(report_path("songlin-2021")), word)
    result = run_cli("check", "--json", str(word), str(report_path("songlin-2021")))
    from_word, from_text = json.loads(result.stdout)
    assert [p["id"] for p in from_word["parts"]] == [p["id"] for p in from_text["parts"]]
    assert sorted((f["rule"], f["part"], f["match"]) for f in from_word["findings"]) == sorted(
        (f["rule"], f["part"], f["match"]) for f in from_text["findings"]
    )
