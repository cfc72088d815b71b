"""The self-contained program: one version number everywhere, frozen paths, the bundle's contents,
the Linux menu entry and MIME type, and (FAZHI_BUILD_BUNDLE=1) a real build checked by check_bundle."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import main as main_module
from drafting import __version__, paths, version
from tests.conftest import REPO_ROOT, run_cli

sys.path.insert(0, str(REPO_ROOT / "packaging"))
import build  # noqa: E402
import bundle_layout  # noqa: E402
import check_bundle  # noqa: E402

PYPROJECT_VERSION = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_one_version_in_about_cli_and_package_names() -> None:
    assert __version__ == PYPROJECT_VERSION == build.project_version()
    assert run_cli("--version").stdout.strip() == f"法治报告助手 {PYPROJECT_VERSION}"
    from ui.help_menu import about_text

    assert f"版本 {PYPROJECT_VERSION}" in about_text()
    names = build.package_names(PYPROJECT_VERSION, "amd64")
    assert names["deb"] == f"fazhi-report_{PYPROJECT_VERSION}_amd64.deb"
    assert all(f"_{PYPROJECT_VERSION}_" in name for name in names.values())


def test_version_read_from_the_pyproject_beside_the_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "fazhi-report"\nversion = "9.8.7"\n', "utf-8")
    monkeypatch.setattr(version, "app_root", lambda: tmp_path)
    version.app_version.cache_clear()
    try:
        assert version.app_version() == "9.8.7"
        (tmp_path / "pyproject.toml").unlink()  # then the installed metadata, or a visible "unknown"
        version.app_version.cache_clear()
        assert version.app_version() not in ("", "9.8.7")
    finally:
        version.app_version.cache_clear()


def test_frozen_program_finds_its_data_in_the_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert paths.app_root() == REPO_ROOT
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.app_root() == tmp_path
    monkeypatch.delattr(sys, "_MEIPASS")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "fazhi-report"))
    assert paths.app_root() == tmp_path / "bin"


def test_a_double_clicked_draft_opens_the_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = tmp_path / "2024年报告.fzbg"
    draft.write_text("format: fazhi-report-draft\n", "utf-8")
    assert main_module.opens_a_file([str(draft)])
    assert not main_module.opens_a_file([str(tmp_path / "没有.fzbg")])
    assert not main_module.opens_a_file(["--version"])
    assert not main_module.opens_a_file([str(draft), "-o", "x"])
    monkeypatch.chdir(tmp_path)
    (tmp_path / "export").write_text("", "utf-8")  # a file named like a verb: the verb wins
    assert not main_module.opens_a_file(["export"])


# ---- what goes into the bundle -------------------------------------------------------------------


def test_only_chinese_qt_translations_and_needed_plugins_kept() -> None:
    assert bundle_layout.wanted_translation("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not bundle_layout.wanted_translation("PySide6/Qt/translations/qtbase_de.qm")
    assert bundle_layout.wanted_translation("templates/outline.yml")
    assert bundle_layout.wanted_plugin("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert bundle_layout.wanted_plugin("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so")
    assert not bundle_layout.wanted_plugin("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not bundle_layout.wanted_plugin("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so")
    assert not bundle_layout.wanted_data("jieba/lac_small/model_baseline/crf.pdparams")
    assert bundle_layout.wanted_data("jieba/dict.txt")


def test_libraries_only_a_dropped_plugin_needed_are_dropped() -> None:
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/src/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/src/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/lib/libxcb-cursor.so.0", "BINARY"),
        ("libgtk-3.so.0", "/lib/libgtk-3.so.0", "BINARY"),  # came with the GTK theme plugin, now dropped
    ]
    needs = {"/src/QtWidgets.abi3.so": ["libQt6Widgets.so.6"], "/src/libQt6Widgets.so.6": ["libQt6Core.so.6"],
             "/src/libqxcb.so": ["libxcb-cursor.so.0", "libQt6Core.so.6"]}
    kept = bundle_layout.prune_libraries(binaries, lambda source: needs.get(source, []))
    assert [entry[0] for entry in kept] == [entry[0] for entry in binaries[:5]]


def _fake_bundle(folder: Path) -> Path:
    data = folder / "_internal"
    for name in ("templates", "checklists"):
        shutil.copytree(REPO_ROOT / name, data / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO_ROOT / "pyproject.toml", data / "pyproject.toml")
    for image in bundle_layout.ui_image_files(REPO_ROOT):
        (data / "ui").mkdir(exist_ok=True)
        shutil.copy(image, data / "ui" / image.name)
    translations = data / bundle_layout.QT_TRANSLATIONS_IN_BUNDLE
    translations.mkdir(parents=True)
    (translations / "qtbase_zh_CN.qm").write_bytes(b"qm")
    return folder


def test_bundle_check_finds_what_is_missing_or_extra(tmp_path: Path) -> None:
    folder = _fake_bundle(tmp_path / "fazhi-report")
    assert check_bundle.check_bundle(folder, PYPROJECT_VERSION, run=False) == []
    (folder / "_internal" / "templates" / "outline.yml").unlink()
    (folder / "_internal" / bundle_layout.QT_TRANSLATIONS_IN_BUNDLE / "qtbase_zh_CN.qm").rename(
        folder / "_internal" / bundle_layout.QT_TRANSLATIONS_IN_BUNDLE / "qtbase_fr.qm")
    (folder / "_internal" / "tests").mkdir()
    problems = check_bundle.check_bundle(folder, "99.0", run=False)
    assert any("templates/outline.yml" in p for p in problems)
    assert any("qtbase_zh_CN.qm" in p for p in problems) and any("qtbase_fr.qm" in p for p in problems)
    assert any("tests" in p for p in problems) and any("99.0" in p for p in problems)


# ---- the Linux menu entry ------------------------------------------------------------------------


def test_menu_entry_opens_drafts_of_the_declared_mime_type() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(REPO_ROOT / "packaging" / "linux" / "fazhi-report.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name"] == "法治报告助手" and desktop["Exec"] == "fazhi-report %f"
    assert desktop["Icon"] == "fazhi-report" and desktop["Terminal"] == "false"
    mime = ET.parse(REPO_ROOT / "packaging" / "linux" / "fazhi-report-mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    (mime_type,) = mime.findall("m:mime-type", ns)
    assert desktop["MimeType"] == mime_type.get("type") + ";"
    assert [g.get("pattern") for g in mime_type.findall("m:glob", ns)] == [f"*{paths.DRAFT_SUFFIX}"]
    from drafting.files.storage import FORMAT_NAME

    (match,) = mime_type.findall("m:magic/m:match", ns)
    assert match.get("value") == f"format: {FORMAT_NAME}"
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(REPO_ROOT / "packaging/linux/fazhi-report.desktop")],
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_deb_control_names_version_and_architecture() -> None:
    control = build.deb_control(PYPROJECT_VERSION, "amd64", 1234)
    fields = dict(line.split(": ", 1) for line in control.splitlines() if line and not line.startswith(" "))
    assert fields["Package"] == "fazhi-report" and fields["Version"] == PYPROJECT_VERSION
    assert fields["Architecture"] == "amd64" and fields["Installed-Size"] == "1234"
    assert "libxcb-cursor0" in fields["Depends"]


# ---- a real build (minutes): only when asked -------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("FAZHI_BUILD_BUNDLE") != "1", reason="set FAZHI_BUILD_BUNDLE=1 to build the bundle")
def test_built_bundle_passes_its_check() -> None:
    result = subprocess.run([sys.executable, str(REPO_ROOT / "packaging" / "build.py"), "--no-packages"],
                            capture_output=True, text=True, cwd=REPO_ROOT, timeout=1800, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "检查通过" in result.stdout
    assert check_bundle.check_bundle(REPO_ROOT / "dist" / "fazhi-report", PYPROJECT_VERSION) == []
