"""Shared fixtures: offscreen Qt, a private data folder, the sample reports."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Before any QApplication exists (pytest-qt creates it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
SAMPLES_DIR = SHARED / "samples"
FIXTURES_DIR = SHARED / "fixtures" / "docx"
SAMPLE_NAMES = ("taigong-2021", "shangjia-2021", "dasi-2021")
#: Set by .ci/run: a test that needs LibreOffice fails instead of skipping.
REQUIRE_LIBREOFFICE = os.environ.get("FAZHI_REQUIRE_LIBREOFFICE") == "1"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user data folder at a temporary one so tests never touch a real profile."""
    data_dir = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("FAZHI_DATA_DIR", str(data_dir))
    return data_dir


def sample_path(name: str) -> Path:
    path = SAMPLES_DIR / f"{name}.txt"
    if not path.is_file():
        pytest.skip(f"sample {path} not present")
    return path


@pytest.fixture(params=SAMPLE_NAMES)
def sample(request: pytest.FixtureRequest) -> Path:
    return sample_path(request.param)


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """The LibreOffice binary, or skip (fail in CI, where .ci/run installs it)."""
    path = soffice_path()
    if path is None:
        if REQUIRE_LIBREOFFICE:
            pytest.fail("LibreOffice (soffice) is required here (FAZHI_REQUIRE_LIBREOFFICE=1) but not installed")
        pytest.skip("LibreOffice not installed")
    return path


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python main.py ARGS`` in a real subprocess."""
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO_ROOT,
        timeout=timeout,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
