"""Finding LibreOffice where installers put it: Windows (registry, Program Files) and UOS/Kylin folders."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from drafting.files import libreoffice

pytestmark = pytest.mark.core


@pytest.fixture
def no_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing on PATH and no override: only the installers' folders can be found."""
    monkeypatch.delenv(libreoffice.ENV_VAR, raising=False)
    monkeypatch.setattr(libreoffice.shutil, "which", lambda _name: None)


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize("folder", [
    "opt/libreoffice7.6/program/soffice",  # LibreOffice.org's .deb on UOS/Kylin
    "opt/apps/org.libreoffice.libreoffice/files/program/soffice",  # UOS app store
    "usr/lib/libreoffice/program/soffice",  # Kylin's own package
])
def test_found_in_uos_and_kylin_folders(no_path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, folder: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(libreoffice, "ROOT", tmp_path)
    assert libreoffice.find_soffice() is None
    expected = _touch(tmp_path / folder)
    assert libreoffice.find_soffice() == str(expected)


def test_newest_of_several_versions(no_path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(libreoffice, "ROOT", tmp_path)
    _touch(tmp_path / "opt/libreoffice7.4/program/soffice")
    newest = _touch(tmp_path / "opt/libreoffice7.6/program/soffice")
    assert libreoffice.find_soffice() == str(newest)


def test_found_under_program_files_on_windows(no_path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "winreg", None)  # no registry entry to read
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    monkeypatch.delenv("ProgramW6432", raising=False)
    monkeypatch.delenv("ProgramFiles(x86)", raising=False)
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    assert libreoffice.find_soffice() is None
    expected = _touch(tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe")
    assert libreoffice.find_soffice() == str(expected)


def test_found_through_the_windows_registry(no_path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An install in a folder of its own (D:\\LibreOffice) is named by the UNO InstallPath key."""
    program = tmp_path / "D" / "LibreOffice" / "program"
    expected = _touch(program / "soffice.exe")
    opened: list[str] = []

    class Key:
        def __init__(self, name: str) -> None:
            self.name = name

        def __enter__(self) -> Key:
            return self

        def __exit__(self, *_exc: object) -> None:
            return None

    def open_key(hive: int, name: str) -> Key:
        opened.append(name)
        if hive != 1 or "WOW6432Node" in name:
            raise OSError("no such key")
        return Key(name)

    winreg = types.SimpleNamespace(HKEY_LOCAL_MACHINE=1, HKEY_CURRENT_USER=2, OpenKey=open_key,
                                   QueryValueEx=lambda key, _value: (str(program), 1))
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "winreg", winreg)
    for variable in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA"):
        monkeypatch.setenv(variable, str(tmp_path / "nothing-here"))
    assert libreoffice.find_soffice() == str(expected)
    assert r"SOFTWARE\LibreOffice\UNO\InstallPath" in opened


def test_the_override_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    chosen = _touch(tmp_path / "my" / "soffice")
    monkeypatch.setenv(libreoffice.ENV_VAR, str(chosen))
    assert libreoffice.find_soffice() == str(chosen)
