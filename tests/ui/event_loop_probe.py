"""The window under attack (issue 15): a county rule file with a catastrophic regex and a slow
county template, or a slow regex that passes the load-time check, while a timer measures how long
the event loop ever stops.

Used by tests/ui/test_event_loop_under_attack.py and bench/bench_event_loop.py.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from drafting import paths

#: A template whose loops run about a second (a million steps) before it writes anything.
SLOW_TEMPLATE = "{% set s = 'x' * 2000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}慢模板。\n"
CATASTROPHIC_RULES = ("version: 1\nrules:\n  - id: county-aaa\n    kind: pattern\n    severity: warning\n"
                      "    regex: '^(a+)+$'\n    message: 重复的字母\n")

#: Cubic backtracking regex_safety lets through (two overlapping repeats side by side are allowed):
#: about 2 s on 400 a's, hours on SLOW_PARAGRAPH.
SLOW_REGEX = "a*a*a*b"
SLOW_RULES = ("version: 1\nrules:\n  - id: county-slow\n    kind: pattern\n    severity: warning\n"
              f"    regex: '{SLOW_REGEX}'\n    message: 缺少字母b\n")
SLOW_PARAGRAPH = "a" * 3000


def add_slow_rule(folder: Path) -> Path:
    """The county rule file with SLOW_REGEX, in the given checklist folder."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "county-slow.yml"
    path.write_text(SLOW_RULES, encoding="utf-8")
    return path


def county_files(folder: Path) -> Path:
    """A copy of templates/ with a slow measures.j2, and the rule file in the user's checklist folder."""
    templates = folder / "templates"
    shutil.copytree(paths.templates_dir(), templates)
    (templates / "measures.j2").write_text(SLOW_TEMPLATE, encoding="utf-8")
    rules = paths.user_checklists_dir()
    rules.mkdir(parents=True, exist_ok=True)
    (rules / "county.yml").write_text(CATASTROPHIC_RULES, encoding="utf-8")
    return templates


def longest_gap(action: Callable[[], None], done: Callable[[], bool], *, at_least: float = 1.5,
                at_most: float = 30.0, interval_ms: int = 10) -> float:
    """Seconds of the longest pause between timer ticks while action() runs and until done()."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(interval_ms)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    start = time.monotonic()
    ticks.append(start)
    action()
    while time.monotonic() - start < at_most and not (done() and time.monotonic() - start >= at_least):
        QCoreApplication.processEvents()
        time.sleep(0.002)
    timer.stop()
    ticks.append(time.monotonic())
    return max(b - a for a, b in zip(ticks, ticks[1:], strict=False))
