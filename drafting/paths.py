"""Where the app finds its data and keeps the user's files.

Every path lookup goes through this module so that tests (and a frozen build)
can redirect them. The user data folder can be moved with the environment
variable FAZHI_DATA_DIR; tests point it at a temporary folder.

Run from source, the program's data (templates/, checklists/, pyproject.toml) sits in the
checkout's root. In a frozen build (packaging/build.py, PyInstaller) it sits in the bundle's
data folder, ``sys._MEIPASS``, or failing that beside the executable. The user's own files
stay where they are for a source run: the per-user data folder below.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding templates/, checklists/ and pyproject.toml."""
    if getattr(sys, "frozen", False):
        bundle = getattr(sys, "_MEIPASS", None)
        return Path(bundle) if bundle else Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


APP_ROOT = app_root()
TEMPLATES_DIR = APP_ROOT / "templates"
CHECKLISTS_DIR = APP_ROOT / "checklists"

#: Suffix of the app's own draft files (drafts are recognised by content, not name).
DRAFT_SUFFIX = ".fzbg"


def templates_dir() -> Path:
    return TEMPLATES_DIR


def checklists_dir() -> Path:
    return CHECKLISTS_DIR


def user_data_dir() -> Path:
    """The per-user folder for recovery copies, user checklists and settings."""
    override = os.environ.get("FAZHI_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "fazhi-report"


def recovery_dir() -> Path:
    """Autosave copies of open drafts live here until the draft is saved or closed."""
    return user_data_dir() / "recovery"


def user_checklists_dir() -> Path:
    """A county office drops its own checklist YAML files here."""
    return user_data_dir() / "checklists"
