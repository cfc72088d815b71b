"""The core stays free of Qt, and the export path stays light."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import drafting
from tests.conftest import REPO_ROOT


def _all_drafting_modules() -> list[str]:
    return sorted(
        info.name for info in pkgutil.walk_packages(drafting.__path__, prefix="drafting.") if not info.ispkg
    ) + ["drafting"]


def test_no_drafting_module_imports_pyside6() -> None:
    modules = _all_drafting_modules()
    assert "drafting.model" in modules and "drafting.cli" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"drafting imported Qt/ui modules: {result.stdout}"


def test_cli_parser_does_not_load_qt_or_jieba() -> None:
    code = (
        "import sys\n"
        "from drafting.cli import build_parser\n"
        "build_parser()\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'jieba', 'docx'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
