"""Start the Qt application and show the main window."""

from __future__ import annotations

import sys


def run(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(argv)
    window = QLabel("法治报告助手")
    window.setWindowTitle("法治报告助手")
    window.resize(800, 600)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv))
