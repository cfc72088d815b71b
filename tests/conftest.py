"""Shared fixtures: offscreen Qt, a private data folder, the sample reports.

Reports for the tests come from two places:
- stand-ins written for the tests (tests/data/*.txt, STAND_IN_NAMES): always present;
- the real samples and Word fixtures in the team's shared folder (../shared, or FAZHI_SHARED_DIR):
  ``sample_path`` / ``fixture_path`` skip without them, and fail instead where
  FAZHI_REQUIRE_SHARED=1 (set by .ci/run), as ``require_soffice`` does for LibreOffice.
``report_path(name)`` resolves either kind, so a test parametrized over REPORT_NAMES runs on the
stand-ins everywhere and on the real samples where they exist. Word/WPS-like .docx files are made
by tests/fixtures_docx.py.
"""

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
SHARED = Path(os.environ.get("FAZHI_SHARED_DIR") or REPO_ROOT.parent / "shared")
SAMPLES_DIR = SHARED / "samples"
FIXTURES_DIR = SHARED / "fixtures" / "docx"
SAMPLE_NAMES = ("taigong-2021", "shangjia-2021", "dasi-2021")
#: Reports written for the tests (tests/data), each with the traits of one sample (tests/data/README.md).
DATA_DIR = Path(__file__).resolve().parent / "data"
STAND_IN_NAMES = ("qingshui-2021", "hexi-2021", "songlin-2021")
REPORT_NAMES = STAND_IN_NAMES + SAMPLE_NAMES
#: Set by .ci/run: a test that needs LibreOffice fails instead of skipping.
REQUIRE_LIBREOFFICE = os.environ.get("FAZHI_REQUIRE_LIBREOFFICE") == "1"
#: Set by .ci/run: a test that needs the shared samples or fixtures fails instead of skipping.
REQUIRE_SHARED = os.environ.get("FAZHI_REQUIRE_SHARED") == "1"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user data folder at a temporary one so tests never touch a real profile."""
    data_dir = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("FAZHI_DATA_DIR", str(data_dir))
    return data_dir


def require_shared(path: Path) -> Path:
    """A file from the shared folder, or skip (fail in CI, where FAZHI_REQUIRE_SHARED=1)."""
    if not path.is_file():
        if REQUIRE_SHARED:
            pytest.fail(f"{path} is required here (FAZHI_REQUIRE_SHARED=1) but not present")
        pytest.skip(f"{path} not present (the shared samples and fixtures are not in the repository)")
    return path


def sample_path(name: str) -> Path:
    """A real sample report: for tests whose assertions are about that report itself."""
    return require_shared(SAMPLES_DIR / f"{name}.txt")


def fixture_path(name: str) -> Path:
    """A real Word/WPS file from ../shared/fixtures/docx."""
    return require_shared(FIXTURES_DIR / name)


def stand_in_path(name: str) -> Path:
    return DATA_DIR / f"{name}.txt"


def report_path(name: str) -> Path:
    """A stand-in (always there) or a real sample (skip or fail without the shared folder)."""
    return stand_in_path(name) if name in STAND_IN_NAMES else sample_path(name)


@pytest.fixture(params=REPORT_NAMES)
def sample(request: pytest.FixtureRequest) -> Path:
    return report_path(request.param)


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
