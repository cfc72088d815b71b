"""法治报告助手 — start the window, or run a command headless.

    python main.py                 open the window
    python main.py 草稿.fzbg        open the window with that draft (a double-clicked file)
    python main.py export|check|import ...   run the core without a screen

The CLI path never imports PySide6 or jieba unless a verb needs them.
"""

from __future__ import annotations

import sys
from pathlib import Path


def opens_a_file(args: list[str]) -> bool:
    """One argument naming an existing file, not a verb: the desktop opening a draft with the app."""
    if len(args) != 1 or args[0].startswith("-"):
        return False
    from drafting.cli import command_modules

    return args[0] not in command_modules() and Path(args[0]).is_file()


def main(argv: list[str]) -> int:
    if len(argv) <= 1 or opens_a_file(argv[1:]):
        from ui.app import run

        return run(argv)
    from drafting.cli import main as cli_main

    return cli_main(argv[1:])


if __name__ == "__main__":
    # The window's checks run in a helper process started with 'spawn': a frozen build must let the
    # executable act as that helper when it is started as one.
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main(sys.argv))
