"""Start the real app, as main.py does, and drive it for tests that run it in a subprocess.

    python tests/app_driver.py [--open new:ORG:YEAR | --open DRAFT] [--script FILE [--log FILE]]
                               [--restore-first] [--state-out FILE]

After the window's start-up restore offer (MainWindow.offer_recovery, wrapped here):
  --open           starts a new report through the start page, or opens a draft
  --script         a JSON list of {"after_ms", "part", "text"} typed at the end of that part's editor,
                   or {"after_ms", "step"} opening a step's page
  --log            the file each typing appends {"t", "part", "text"} to (fsynced: it survives a kill)
  --restore-first  answers the restore offer with the newest copy (ui.dialogs.ask_restore patched)
  --state-out      writes {"offered", "parts"} as JSON once start-up is done, then ends the app
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui import app, dialogs  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--open", dest="open_spec", default="")
    parser.add_argument("--script", type=Path)
    parser.add_argument("--log", type=Path)
    parser.add_argument("--restore-first", action="store_true")
    parser.add_argument("--state-out", type=Path)
    return parser.parse_args(argv)


def open_draft(window: MainWindow, spec: str) -> None:
    """A new report through the start page's signal, or a draft through 打开."""
    if not spec or window.project is not None:
        return
    if spec.startswith("new:"):
        _, org, year = spec.split(":", 2)
        window.start_page.new_requested.emit(org, int(year), "县委、县政府", "")
    else:
        window.open_path(Path(spec))


def run_script(window: MainWindow, script: Path, log: Path | None) -> None:
    for action in json.loads(script.read_text(encoding="utf-8")):
        def act(action: dict = action) -> None:
            if "step" in action:
                window.step_pages.show_step(action["step"])
                return
            editor = window.editor(action["part"])
            editor.moveCursor(editor.textCursor().MoveOperation.End)
            editor.insertPlainText(action["text"])
            if log is not None:
                line = {"t": time.time(), "part": action["part"], "text": editor.toPlainText()}
                with open(log, "a", encoding="utf-8") as handle:
                    handle.write(json.dumps(line, ensure_ascii=False) + "\n")
                    handle.flush()
                    os.fsync(handle.fileno())

        QTimer.singleShot(int(action["after_ms"]), act)


def write_state(window: MainWindow, out: Path, offered: list[str]) -> None:
    project = window.project
    state = {
        "offered": offered,
        "parts": {p.id: project.part_text(p.id) for p in project.report.parts} if project else {},
    }
    out.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    # exit(), not quit(): quit() closes the windows, and closing a restored draft would ask to save.
    QTimer.singleShot(0, lambda: QApplication.exit(0))


def main(argv: list[str]) -> int:
    args = parse_args(argv[1:])
    offered: list[str] = []
    if args.restore_first:
        def answer(_parent: object, labels: list[str]) -> int | None:
            offered.extend(labels)
            return 0 if labels else None

        dialogs.ask_restore = answer  # type: ignore[assignment]
    offer_recovery = MainWindow.offer_recovery

    def offer_then_drive(window: MainWindow) -> bool:
        restored = offer_recovery(window)
        open_draft(window, args.open_spec)
        if args.script is not None:
            run_script(window, args.script, args.log)
        if args.state_out is not None:
            write_state(window, args.state_out, offered)
        return restored

    MainWindow.offer_recovery = offer_then_drive  # type: ignore[method-assign]
    return app.run(argv[:1])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
