"""Read a report from plain text: decode, split into lines, recognise structure.

Accepts UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when its
NUL bytes show the layout), GB18030/GBK and Big5 (told apart by how Chinese the
result reads). Refuses binary
data with a clear message rather than producing mojibake.
"""

from __future__ import annotations

import stat
from pathlib import Path

from drafting.errors import InputError
from drafting.model import Report
from drafting.reading.recognise import recognise
from drafting.reading.structure import SourceParagraph

#: A report's text is a few dozen KB (the largest sample is 15 KB); 2 MB is some 300 pages.
MAX_TEXT_BYTES = 2 * 1024 * 1024
#: Any source file, Word files with pictures included.
MAX_SOURCE_BYTES = 60 * 1024 * 1024


def decode_text(data: bytes, name: str = "文件") -> str:
    """Decode report text in any common Chinese encoding.

    Raises:
        InputError: the bytes are empty, binary, or in no known encoding.
    """
    if not data.strip():
        raise InputError(f"“{name}”是空文件，没有可读取的内容。请选择写有报告内容的文件。")
    if data.startswith(b"\xef\xbb\xbf"):
        text = _strict(data[3:], "utf-8", name)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data, "utf-16", name)
    elif b"\x00" in data[:4096] and (encoding := _utf16_without_bom(data)) is not None:
        # Text editors never write NUL; UTF-16 without a BOM does (for ASCII), binary files do.
        text = _strict(data, encoding, name)
    elif data.count(b"\x00", 0, 65536) > _STRAY_NULS:
        raise InputError(_binary_message(name))
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data, name)
    if _is_binary(text):
        raise InputError(_binary_message(name))
    return text


def _binary_message(name: str) -> str:
    return f"“{name}”看起来是二进制文件，不是文字稿。请选择 .txt 文本文件，或直接选择 Word 文件（.docx）。"


#: Characters written the same in simplified and traditional Chinese, and frequent in reports,
#: plus full-width punctuation: text decoded with the right legacy codec is full of them.
_COMMON = set("的一是在不了有人和中大为上年工作法治政府行依要以会发委市区村，。、：；（）")


def _decode_legacy(data: bytes, name: str) -> str:
    """GB18030 (a superset of GBK) or Big5, whichever reads as Chinese text."""
    candidates: list[tuple[int, str]] = []
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((sum(1 for ch in text[:20000] if ch in _COMMON), text))
    if not candidates:
        raise InputError(
            f"“{name}”不是可识别的文本文件（既不是 UTF-8，也不是 GBK/GB18030 或 Big5 编码）。"
            "请确认选择的是报告的文字稿，或在记事本/WPS 中另存为 UTF-8 文本后再试。"
        )
    # max() keeps the first (GB18030) on a tie: mainland reports are GBK far more often.
    return max(candidates, key=lambda item: item[0])[1]


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"“{name}”的编码已损坏，无法按 {encoding.upper()} 读取。请重新另存后再试。") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the NULs sit where UTF-16 puts them, else None."""
    sample = data[:8192]
    if len(sample) % 2:
        sample = sample[:-1]
    half = max(1, len(sample) // 2)
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    # ASCII characters (digits, newlines) put a zero in every other byte, always on the same
    # side; CJK code points like U+4E00 add a few on the other side.
    if zeros_odd > half * 0.02 and zeros_odd > 4 * zeros_even:
        return "utf-16-le"
    if zeros_even > half * 0.02 and zeros_even > 4 * zeros_odd:
        return "utf-16-be"
    return None


#: NULs (and other control characters) a text file may hold by accident: removed on reading, with a note.
_STRAY_NULS = 3


def _is_binary(text: str) -> bool:
    sample = text[:20000]
    if sample.count("\x00") > _STRAY_NULS:
        return True
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f\v")
    return controls > max(3, len(sample) // 200)


def split_paragraphs(text: str) -> list[SourceParagraph]:
    """Non-empty lines as paragraphs, with their line and column and a blank-before flag."""
    paragraphs: list[SourceParagraph] = []
    blank_before = False
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            blank_before = True
            continue
        column = len(raw) - len(raw.lstrip()) + 1
        paragraphs.append(SourceParagraph(stripped, number, column, None, blank_before))
        blank_before = False
    return paragraphs


def parse_text_report(text: str, name: str = "文字稿") -> Report:
    """A report from its text (already decoded), cleaned and recognised."""
    return recognise(split_paragraphs(text), name=name)


def read_text_report(path: Path) -> Report:
    """Read a .txt report from disk.

    Raises:
        InputError: missing, unreadable, too large, empty or binary file.
    """
    data = read_source_bytes(path)
    return parse_text_report(decode_text(check_text_size(data, path.name), path.name), path.name)


def check_text_size(data: bytes, name: str) -> bytes:
    """Refuse text far longer than any report before spending time on it."""
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(
            f"“{name}”有 {len(data) / 1024 / 1024:.1f} MB 文字，超过可读取的上限 {MAX_TEXT_BYTES // 1024 // 1024} MB"
            "（一份报告通常不到 100 KB）。"
            "请确认选择的文件是否正确，或只复制报告正文另存后再试。"
        )
    return data


def read_source_bytes(path: Path, limit: int = MAX_SOURCE_BYTES) -> bytes:
    """Read a source file's bytes with errors a clerk can act on."""
    path = Path(path)
    try:
        if path.is_dir():
            raise InputError(f"“{path}”是文件夹，不是文件。请选择报告文件。")
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            # Never opened: a named pipe would wait forever, a device would never end.
            raise InputError(f"“{path}”不是普通文件（可能是设备或管道）。请选择保存在磁盘上的报告文件。")
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                f"“{path.name}”太大（{size / 1024 / 1024:.0f} MB），不像是一份报告。请确认选择的文件是否正确。"
            )
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(f"找不到文件“{path}”。请检查文件名和路径是否正确。") from None
    except PermissionError:
        raise InputError(f"没有权限读取“{path}”。请检查文件权限，或先把文件复制到自己的文件夹。") from None
    except OSError as exc:
        raise InputError(f"无法读取“{path}”（{exc.strerror}）。") from None
