"""What the one-folder program holds, shared by the PyInstaller recipe and packaging/check_bundle.py.

Qt's Chinese translations (qtbase_zh_CN*.qm and the qt_zh_CN.qm catalogue that loads it) come
from PySide6's translations folder and go where the frozen PySide6 looks for them,
PySide6/Qt/translations; every other language is left out. Images in ui/ (the window's icon)
are carried along when they exist.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

#: Qt's own Simplified Chinese catalogues (buttons of standard dialogs: 确定, 取消, 打开…).
QT_TRANSLATION_PATTERNS = ("qtbase_zh_CN*.qm", "qt_zh_CN.qm")
#: Where they sit inside the bundle's data folder.
QT_TRANSLATIONS_IN_BUNDLE = "PySide6/Qt/translations"
UI_IMAGE_PATTERNS = ("*.png", "*.svg", "*.ico")


def pyside_translations_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent / "Qt" / "translations"


def qt_translation_files() -> list[Path]:
    folder = pyside_translations_dir()
    return sorted({path for pattern in QT_TRANSLATION_PATTERNS for path in folder.glob(pattern)})


def is_chinese_translation(name: str) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in QT_TRANSLATION_PATTERNS)


def wanted_translation(destination: str) -> bool:
    """False for a Qt .qm file of another language (PyInstaller's Qt hooks collect them all)."""
    path = Path(destination)
    if path.suffix != ".qm":
        return True
    return is_chinese_translation(path.name)


def ui_image_files(root: Path) -> list[Path]:
    return sorted({path for pattern in UI_IMAGE_PATTERNS for path in (root / "ui").glob(pattern)})


def desktop_icon(root: Path) -> Path:
    """The icon for the menu entry: the window's own (ui/*icon*.svg|png) if there is one, else ours."""
    images = [path for path in ui_image_files(root) if path.suffix in (".svg", ".png")]
    named = [path for path in images if "icon" in path.stem.lower() or "fazhi" in path.stem.lower()]
    for path in sorted(named, key=lambda p: p.suffix != ".svg"):
        return path
    return root / "packaging" / "fazhi-report.svg"


#: Qt plugins a desktop window needs, by folder (Linux names; Windows keeps its own q*.dll set).
#: Left out: Wayland (Qt falls back to X11/XWayland), GTK's theme (it drags GTK 3 and cairo along),
#: the virtual keyboard (Qt Quick), embedded-device back ends, PDF/TIFF/WebP image readers.
QT_PLUGINS_KEPT = {
    "platforms": ("*qxcb*", "*qoffscreen*", "*qminimal.*", "qwindows*", "qminimal*.dll", "qoffscreen*.dll"),
    "platformthemes": ("*qxdgdesktopportal*",),
    "platforminputcontexts": ("*compose*", "*ibus*"),
    "imageformats": ("*qgif*", "*qico*", "*qjpeg*", "*qsvg*"),
    "iconengines": ("*qsvgicon*",),
    "xcbglintegrations": ("*",),
    "styles": ("*",),
    "tls": (),
    "networkinformation": (),
    "generic": (),
    "egldeviceintegrations": (),
    "wayland-decoration-client": (),
    "wayland-graphics-integration-client": (),
    "wayland-shell-integration": (),
}
#: Parts of jieba the checklist never uses (it only cuts words): part-of-speech tables, keyword
#: extraction and the paddle model.
JIEBA_UNUSED = ("jieba/posseg", "jieba/analyse", "jieba/lac_small")


def wanted_plugin(destination: str) -> bool:
    """False for a Qt plugin outside QT_PLUGINS_KEPT."""
    parts = Path(destination).parts
    if "plugins" not in parts or parts.index("plugins") + 3 != len(parts):
        return True
    folder, name = parts[-2], parts[-1]
    if folder not in QT_PLUGINS_KEPT:
        return True
    return any(fnmatch.fnmatch(name, pattern) for pattern in QT_PLUGINS_KEPT[folder])


def wanted_data(destination: str) -> bool:
    posix = Path(destination).as_posix()
    return (wanted_translation(destination) and "__pycache__" not in posix
            and not any(posix.startswith(prefix) for prefix in JIEBA_UNUSED))


def prune_libraries(binaries: list, needed_of) -> list:
    """Drop shared libraries no kept binary needs any more (those that came only with a dropped plugin).

    binaries are PyInstaller TOC entries (destination, source, typecode); needed_of(source) names the
    libraries a file links against. Python extensions and Qt plugins are roots; a library stays if a
    root reaches it.
    """
    by_name: dict[str, tuple] = {}
    for entry in binaries:
        by_name.setdefault(Path(entry[0]).name, entry)
    roots = [entry for entry in binaries if entry[2] == "EXTENSION" or "plugins" in Path(entry[0]).parts
             or Path(entry[0]).name.startswith(("libpython", "python"))]
    keep = {entry[0] for entry in roots}
    queue = list(roots)
    while queue:
        entry = queue.pop()
        for name in needed_of(entry[1]):
            found = by_name.get(Path(name).name)
            if found is not None and found[0] not in keep:
                keep.add(found[0])
                queue.append(found)
    return [entry for entry in binaries if entry[0] in keep]
