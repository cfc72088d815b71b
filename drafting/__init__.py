"""法治政府建设情况报告写作助手的核心（纯 Python，不依赖 PySide6）。

The core: report model, outline, readers, storage, rendering, checklist and
export. Nothing in this package may import PySide6 (tests/test_architecture.py
enforces it), so the CLI and the tests run it without a screen.
"""

from __future__ import annotations

from drafting.version import app_version

#: pyproject.toml's [project] version, the one number 关于, --version and the packages show.
__version__ = app_version()
APP_NAME = "法治报告助手"
