"""Find LibreOffice and convert documents with it, headless.

Used for the window's 预览 (.docx → .pdf, through drafting.export.pdf), the .doc/.wps importer
(→ .docx) and the render tests. Every run gets a private, throw-away user profile
(``-env:UserInstallation``) so parallel conversions, or a LibreOffice the user
has open, never collide, and a timeout so a hung soffice cannot hang the app.
Failures become a LibreOfficeError with a Chinese message.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from xml.sax.saxutils import escape

from drafting.errors import DraftingError

logger = logging.getLogger(__name__)

#: Set to the full path of soffice to use a LibreOffice that is not on PATH.
ENV_VAR = "FAZHI_SOFFICE"
DEFAULT_TIMEOUT = 180.0
_MAC_CANDIDATES = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",)
_MISSING = (
    "没有找到 LibreOffice，无法{action}。请从 https://zh-cn.libreoffice.org 安装 LibreOffice 后再试"
    "（如已安装在其他位置，可设置环境变量 FAZHI_SOFFICE 指向 soffice 程序）。"
)


class LibreOfficeError(DraftingError):
    """LibreOffice is missing, failed, or took too long."""


def find_soffice() -> str | None:
    """Path of the soffice program, or None when LibreOffice is not installed."""
    override = os.environ.get(ENV_VAR)
    if override:
        return override if Path(override).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in soffice_candidates():
        if Path(candidate).is_file():
            return candidate
    return None


def soffice_candidates(platform: str = sys.platform, environ: Mapping[str, str] = os.environ) -> list[str]:
    """Where LibreOffice installs itself when it is not on PATH (Windows never puts it there).

    On Windows the Program Files folders come from the environment, not a fixed C:\\ (another
    drive, another language's Windows), plus a per-user install under %LOCALAPPDATA%\\Programs.
    """
    if platform == "win32":
        roots = [environ.get(name) for name in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        roots += [r"C:\Program Files", r"C:\Program Files (x86)"]
        if environ.get("LOCALAPPDATA"):
            roots.append(environ["LOCALAPPDATA"] + r"\Programs")
        found: list[str] = []
        for root in roots:
            if root and (candidate := root.rstrip("\\") + r"\LibreOffice\program\soffice.exe") not in found:
                found.append(candidate)
        return found
    if platform == "darwin":
        return list(_MAC_CANDIDATES)
    return []


def convert(source: Path, target_format: str, out_dir: Path, *, timeout: float = DEFAULT_TIMEOUT,
            action: str = "转换文件", font_substitutes: Mapping[str, str] | None = None) -> Path:
    """Convert ``source`` with LibreOffice; returns the new file in ``out_dir``.

    Args:
        source: the file to convert (left untouched).
        target_format: soffice's --convert-to argument, e.g. "pdf" or "docx".
        out_dir: an existing folder for the result (named like the source).
        timeout: seconds before the conversion is abandoned.
        action: what the user asked for, for messages ("生成预览", "导入 .doc 文件").
        font_substitutes: font name -> installed font to render it with (LibreOffice's
            replacement table, in the private profile only; the file is not changed).

    Raises:
        LibreOfficeError: LibreOffice missing, failing, timing out or writing nothing.
    """
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeError(_MISSING.format(action=action))
    source = Path(source).resolve()
    out_dir = Path(out_dir).resolve()
    extension = target_format.split(":", 1)[0]
    target = out_dir / f"{source.stem}.{extension}"
    with tempfile.TemporaryDirectory(prefix="fazhi-lo-profile-") as profile:
        if font_substitutes:
            _write_font_substitutes(Path(profile), font_substitutes)
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            target_format,
            "--outdir",
            str(out_dir),
            str(source),
        ]
        logger.debug("running %s", command)
        try:
            result = subprocess.run(command, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise LibreOfficeError(
                f"LibreOffice 在 {timeout:.0f} 秒内没有完成{action}，已停止。请关闭其他 LibreOffice 窗口后重试。"
            ) from None
        except OSError as exc:
            raise LibreOfficeError(f"无法启动 LibreOffice（{exc.strerror or exc}），无法{action}。请检查 LibreOffice 是否安装完整。") from None
    if result.returncode != 0 or not target.is_file():
        logger.warning("soffice exit %s: %s", result.returncode, result.stderr.decode("utf-8", "replace")[-500:])
        raise LibreOfficeError(
            f"LibreOffice 未能{action}（“{source.name}”可能已损坏或受密码保护）。请用 Word 或 WPS 打开检查后再试。"
        )
    return target


def _write_font_substitutes(profile: Path, substitutes: Mapping[str, str]) -> None:
    """LibreOffice's font replacement table (Tools > Options > Fonts) in a fresh profile."""
    pairs = []
    for index, (font, replacement) in enumerate(substitutes.items()):
        props = (("Always", "true"), ("OnScreenOnly", "false"), ("ReplaceFont", font), ("SubstituteFont", replacement))
        body = "".join(
            f'<prop oor:name="{name}" oor:op="fuse"><value>{escape(value)}</value></prop>' for name, value in props
        )
        pairs.append(
            '<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">'
            f'<node oor:name="_{index}" oor:op="replace">{body}</node></item>'
        )
    xcu = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Office.Common/Font/Substitution">'
        '<prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>\n'
        + "\n".join(pairs)
        + "\n</oor:items>\n"
    )
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(xcu, encoding="utf-8")
