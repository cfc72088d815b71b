"""Start-up: time from process start to the main window exposed, against a bare PySide6 window.

Both run as fresh processes in this same run, interleaved, with the same Qt
modules (QtCore, QtGui, QtWidgets) and the same platform plugin (offscreen
unless a DISPLAY is set). Each writes time.time() into a marker file when
its first window is exposed (the app through FAZHI_STARTUP_MARKER).
Prints every run, the medians and the ratio (target ≤ 1.5×), then one JSON line.

    python bench/bench_startup.py [runs]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5

BARE_WINDOW = '''
import sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Marker(QObject):
    done = False
    def eventFilter(self, watched, event):
        if not self.done and event.type() == QEvent.Type.Expose and watched.isExposed():
            self.done = True
            Path(sys.argv[1]).write_text(f"{time.time():.6f}\\n")
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.setCentralWidget(QLabel("bare PySide6 window"))
window.menuBar().addMenu("文件").addAction(QAction("x", window))
window.resize(1300, 820)
window.winId()
marker = Marker()
window.windowHandle().installEventFilter(marker)
window.show()
sys.exit(app.exec())
'''


def _time_once(command: list[str], marker: Path, env: dict[str, str]) -> float:
    marker.unlink(missing_ok=True)
    started = time.time()
    proc = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = started + 60
        while not marker.is_file() or not marker.read_text().strip():
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError(f"{command} did not show a window")
            time.sleep(0.005)
        return float(marker.read_text()) - started
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main(argv: list[str]) -> int:
    runs = int(argv[1]) if len(argv) > 1 else 11
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-start-") as tmp:
        work = Path(tmp)
        bare_script = work / "bare_window.py"
        bare_script.write_text(BARE_WINDOW, encoding="utf-8")
        marker = work / "exposed.txt"
        env = {**os.environ, "FAZHI_DATA_DIR": str(work / "data"), "FAZHI_NO_WARMUP": "1",
               "FAZHI_STARTUP_MARKER": str(marker)}
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        app_times: list[float] = []
        bare_times: list[float] = []
        # one warm-up of each so the file cache is equally warm for both
        _time_once([sys.executable, str(bare_script), str(marker)], marker, env)
        _time_once([sys.executable, str(REPO_ROOT / "main.py")], marker, env)
        for index in range(runs):
            bare_times.append(_time_once([sys.executable, str(bare_script), str(marker)], marker, env))
            app_times.append(_time_once([sys.executable, str(REPO_ROOT / "main.py")], marker, env))
            print(f"第 {index + 1} 次：本程序 {app_times[-1] * 1000:7.1f} ms　空白 PySide6 窗口 {bare_times[-1] * 1000:7.1f} ms")
    app_median = statistics.median(app_times)
    bare_median = statistics.median(bare_times)
    ratio = app_median / bare_median
    print(f"中位数：本程序 {app_median * 1000:.1f} ms，空白窗口 {bare_median * 1000:.1f} ms，"
          f"比值 {ratio:.2f}×（目标 ≤ {TARGET_RATIO}×）平台：{env.get('QT_QPA_PLATFORM', 'xcb')}")
    print(json.dumps({
        "name": "startup_to_window",
        "value": round(app_median, 4),
        "baseline": round(bare_median, 4),
        "baseline_name": "bare PySide6 QMainWindow, same Qt modules",
        "unit": "s",
        "ratio": round(ratio, 3),
        "target_ratio": TARGET_RATIO,
        "extra": {"runs": runs, "app_runs_s": [round(t, 4) for t in app_times],
                  "bare_runs_s": [round(t, 4) for t in bare_times],
                  "platform": env.get("QT_QPA_PLATFORM", "xcb")},
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
