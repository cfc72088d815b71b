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
