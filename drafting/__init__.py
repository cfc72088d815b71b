"""法治政府建设情况报告写作助手的核心（纯 Python，不依赖 PySide6）。

The core: report model, outline, readers, storage, rendering, checklist and
export. Nothing in this package may import PySide6 (tests/test_architecture.py
enforces it), so the CLI and the tests run it without a screen.
"""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "法治报告助手"
