"""Draw the application icon (ui/icons/app.png and app.ico): a red seal-like square with 法 in white.

Run after changing the design, then build the Windows .ico from the sizes with ImageMagick:

    QT_QPA_PLATFORM=offscreen python scripts/make_icon.py
    convert ui/icons/app-{16,24,32,48,64,128,256}.png ui/icons/app.ico && rm ui/icons/app-*.png

The files are committed; the program only reads them (ui/app_identity.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

ICONS = Path(__file__).resolve().parent.parent / "ui" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size * 0.04
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c0272d"))
    painter.drawRoundedRect(box, size * 0.18, size * 0.18)
    if size >= 32:  # the seal's inner line
        inner = box.adjusted(size * 0.08, size * 0.08, -size * 0.08, -size * 0.08)
        painter.setPen(QPen(QColor("#ffffff"), max(1.0, size * 0.025)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(inner, size * 0.1, size * 0.1)
    font = QFont("Noto Serif CJK SC")
    font.setWeight(QFont.Weight.Black)
    font.setPixelSize(int(size * (0.62 if size >= 32 else 0.78)))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "法")
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv)
    ICONS.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(ICONS / "app.png"))
    for size in SIZES:
        draw(size).save(str(ICONS / f"app-{size}.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
