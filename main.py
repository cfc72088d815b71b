"""法治报告助手 — start the window, or run a command headless.

    python main.py                 open the window
    python main.py export|check|import ...   run the core without a screen

The CLI path never imports PySide6 or jieba unless a verb needs them.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    if len(argv) <= 1:
        from ui.app import run

        return run(argv)
    from drafting.cli import main as cli_main

    return cli_main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
