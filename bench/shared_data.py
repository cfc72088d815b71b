"""Where the benchmarks find the real sample reports and Word fixtures (the team's shared folder).

The shared folder is not part of the repository. In order:
  1. FAZHI_SHARED_DIR, when set;
  2. ``shared`` beside the repository (the working tree's usual place);
  3. ``shared`` beside the repository this one was cloned from (a fresh clone in a temporary
     folder: ``git clone /work/main /tmp/x/fresh``).
Without any of them a benchmark stops with a message saying how to point at the folder.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def _origin_dir() -> Path | None:
    try:
        url = subprocess.run(["git", "config", "--get", "remote.origin.url"], cwd=REPO_ROOT, capture_output=True,
                             text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    if not url or "://" in url or (":" in url and not url.startswith("/")):
        return None  # only a local clone has a folder beside it
    return Path(url.removeprefix("file://")).resolve()


def shared_dir() -> Path:
    """The shared folder holding samples/ and fixtures/docx/."""
    candidates = []
    if os.environ.get("FAZHI_SHARED_DIR"):
        candidates.append(Path(os.environ["FAZHI_SHARED_DIR"]))
    candidates.append(REPO_ROOT.parent / "shared")
    origin = _origin_dir()
    if origin is not None:
        candidates.append(origin.parent / "shared")
    for candidate in candidates:
        if any((candidate / "samples").glob("*.txt")):
            return candidate
    tried = "、".join(str(c) for c in candidates)
    raise SystemExit(f"错误：找不到样本报告（查找了 {tried}）。请把 FAZHI_SHARED_DIR 设为含 samples/ 和 fixtures/docx/ 的文件夹后再运行。")


SHARED = shared_dir()
SAMPLES = SHARED / "samples"
FIXTURES = SHARED / "fixtures" / "docx"
