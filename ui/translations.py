"""Qt's own words in Chinese: the file dialogs, message-box buttons and editors' context menus.

PySide6 ships Qt's translations (qtbase_zh_CN.qm ...) in its translations folder,
which QLibraryInfo names (in a PyInstaller bundle too: its qt.conf points there).
The program's own texts are Chinese already; this loads Qt's for a Chinese system
locale, and also when the locale says nothing (C/POSIX, as on a bare Linux desktop
or a service account), since the program is written for Chinese offices.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

logger = logging.getLogger(__name__)

#: The Qt catalogues loaded, in order (qtbase holds the widgets' and dialogs' texts).
CATALOGUES = ("qtbase",)
CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
#: Texts of Qt's widgets that the shipped qtbase_zh_CN.qm lacks (their English changed since it was
#: translated), as (context, source) -> Chinese.
MISSING_WORDS = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
}


class MissingWordsTranslator(QTranslator):
    """Qt's texts that its own catalogue misses (MISSING_WORDS); everything else is left to qtbase."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # type: ignore[override]
                  n: int = -1) -> str | None:
        return MISSING_WORDS.get((context, source))  # type: ignore[return-value]  # None: not ours, ask the next

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False


def translations_dir() -> Path | None:
    """PySide6's translations folder (None when it cannot be found)."""
    candidates = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    try:
        import PySide6

        root = Path(PySide6.__file__).resolve().parent
        candidates += [root / "Qt" / "translations", root / "translations"]
    except (ImportError, TypeError):  # a frozen build without the package's __file__
        pass
    for folder in candidates:
        if folder.is_dir() and any(folder.glob("qtbase_*.qm")):
            return folder
    return None


def wants_chinese(locale: QLocale) -> bool:
    """Chinese for a Chinese locale and for one that says nothing (C/POSIX); not for, say, en_US."""
    return locale.language() in (QLocale.Language.Chinese, QLocale.Language.C, QLocale.Language.AnyLanguage)


def install_qt_translations(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load Qt's Chinese catalogues into app when locale (the system's by default) asks for Chinese.

    Returns the translators installed (keep them alive; empty when none applies or none is found).
    """
    locale = QLocale.system() if locale is None else locale
    if not wants_chinese(locale):
        logger.info("locale %s: Qt's own texts stay untranslated", locale.name())
        return []
    if locale.language() != QLocale.Language.Chinese:
        QLocale.setDefault(CHINESE)  # dates and numbers in Qt's widgets the Chinese way too
    folder = translations_dir()
    if folder is None:
        logger.warning("Qt's translations folder not found: Qt's own texts stay in English")
        return []
    installed = []
    for name in CATALOGUES:
        translator = QTranslator(app)
        if translator.load(CHINESE, name, "_", str(folder)) and app.installTranslator(translator):
            installed.append(translator)
        else:
            logger.warning("could not load %s for zh_CN from %s", name, folder)
    missing = MissingWordsTranslator(app)
    if app.installTranslator(missing):  # installed last, so asked first
        installed.append(missing)
    return installed
