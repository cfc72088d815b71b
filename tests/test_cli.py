"""The command line frame: help, version, usage errors in Chinese, no tracebacks."""

from __future__ import annotations

from tests.conftest import run_cli


def test_help_lists_verbs_in_chinese() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "用法" in result.stdout and "export" in result.stdout and "导出" in result.stdout


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert "法治报告助手" in result.stdout


def test_usage_error_is_chinese_exit_2() -> None:
    result = run_cli("export")
    assert result.returncode == 2
    assert "缺少参数" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_verb() -> None:
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert "没有这个命令" in result.stderr


def test_output_cut_short_by_a_closed_pipe_is_not_an_error_message() -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import REPO_ROOT, report_path

    # `python main.py check … | head -1`: the reader is gone before the first line is written
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, str(REPO_ROOT / "main.py"), "check", str(report_path("songlin-2021"))],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in result.stderr and "内部出错" not in result.stderr
    assert "BrokenPipe" not in result.stderr and result.stderr.strip() == ""
