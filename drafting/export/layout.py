"""Load and validate templates/layout.yml: the GB/T 9704 page, grid and styles.

Everything the Word writer needs to know about the look of the document
(page size, margins, the 22 × 28 grid, each style's font, size, indent and
alignment, the title's line-break words, the signature block) comes from this
one file, so a county office can adapt it without touching code. Problems are
collected and raised together as one DataFileError naming the file and lines.
This module does not import docx.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from drafting.errors import DataFileError
from drafting.paths import templates_dir
from drafting.yamlio import LineDict, YamlSyntaxError, check_keys, read_yaml_file

LAYOUT_VERSION = 1
ALIGNMENTS = ("left", "center", "right", "justify")
LINE_SPACINGS = ("grid", "single")
LONG_DATE_MODES = ("centre", "shift")
#: The style keys the writer uses, each with whether it must be a character style.
STYLE_KEYS = {
    "body": False,
    "title": False,
    "heading1": False,
    "heading2": False,
    "heading3": False,
    "heading4": False,
    "addressee": False,
    "signature": False,
    "date": False,
    "page_number": False,
    "run_in_body": True,
}
_PAGE_KEYS = {
    "width_mm", "height_mm", "margin_top_mm", "margin_bottom_mm", "margin_left_mm", "margin_right_mm",
    "footer_distance_mm",
}
_GRID_KEYS = {"lines_per_page", "chars_per_line", "line_pitch_pt", "body_size_pt", "char_spacing_pt"}
_STYLE_ALLOWED = {"word_style", "name", "id", "type", "font", "size_pt", "bold", "align", "first_line_chars",
                  "line_spacing"}
_MM_PER_PT = 25.4 / 72


@dataclass(frozen=True)
class PageSpec:
    width_mm: float
    height_mm: float
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float
    footer_distance_mm: float

    @property
    def text_width_pt(self) -> float:
        return (self.width_mm - self.margin_left_mm - self.margin_right_mm) / _MM_PER_PT

    @property
    def text_height_pt(self) -> float:
        return (self.height_mm - self.margin_top_mm - self.margin_bottom_mm) / _MM_PER_PT


@dataclass(frozen=True)
class GridSpec:
    lines_per_page: int
    chars_per_line: int
    line_pitch_pt: float
    body_size_pt: float
    char_spacing_pt: float

    @property
    def line_pitch_twips(self) -> int:
        return round(self.line_pitch_pt * 20)

    @property
    def char_width_pt(self) -> float:
        """Width one body character takes on a line (size plus character spacing)."""
        return self.body_size_pt + self.char_spacing_pt


@dataclass(frozen=True)
class StyleSpec:
    """One style. ``word_style`` is a built-in Word style name, else ``name``/``id`` define a custom one."""

    key: str
    word_style: str
    name: str
    style_id: str
    is_character: bool
    font: str
    size_pt: float
    bold: bool
    align: str
    first_line_chars: float
    line_spacing: str

    @property
    def is_builtin(self) -> bool:
        return bool(self.word_style)

    @property
    def display_name(self) -> str:
        return self.word_style or self.name


@dataclass(frozen=True)
class TitleSpec:
    max_line_chars: float
    break_before: tuple[str, ...]
    break_after: tuple[str, ...]
    keep_together: tuple[str, ...]


@dataclass(frozen=True)
class SignatureSpec:
    blank_lines_before: int
    right_chars: float
    date_shift_chars: float
    long_date: str


@dataclass(frozen=True)
class PageNumberSpec:
    prefix: str
    suffix: str
    edge_chars: float


@dataclass(frozen=True)
class Layout:
    page: PageSpec
    grid: GridSpec
    latin_times_new_roman: bool
    latin_font: str
    styles: dict[str, StyleSpec]
    title: TitleSpec
    signature_block: SignatureSpec
    page_number: PageNumberSpec
    #: Font name in the document -> installed font LibreOffice shows instead (preview only).
    preview_fonts: dict[str, str]

    @property
    def char_pitch_pt(self) -> float:
        """One grid character: the text width divided by chars_per_line (the unit of indents)."""
        return self.page.text_width_pt / self.grid.chars_per_line

    @property
    def char_space(self) -> int:
        """w:docGrid/@w:charSpace: extra pitch per grid character, in 1/4096 pt, over the body size.

        Word's character grid pitch is the body font size plus charSpace/4096 pt;
        chars_per_line characters must fill the text width exactly.
        """
        return round((self.char_pitch_pt - self.grid.body_size_pt) * 4096)


class SignaturePlacement(NamedTuple):
    """Where the signature and the date go.

    Attributes:
        signature_right: the signature's right indent, in characters.
        date_right: the date's right indent, in characters (as far as its width is known).
        date_left: the date's left indent in points, when the date is placed by its first
            character (``date_shift_chars`` right of the signature's); else None.
    """

    signature_right: float
    date_right: float
    date_left: float | None


def place_signature(sig_width: float, date_width: float, layout: Layout) -> SignaturePlacement:
    """Signature and date per GB/T 9704 7.3.5.2 (no seal); widths in characters.

    The signature ends ``right_chars`` from the right; the date starts
    ``date_shift_chars`` right of the signature's first character. A date that
    would then come closer to the margin than ``right_chars`` is set
    ``right_chars`` from the right, and the signature is centred over it
    (``long_date: centre``) or kept ``date_shift_chars`` left of it (``shift``).
    """
    rules = layout.signature_block
    if not sig_width:
        return SignaturePlacement(0.0, rules.right_chars, None)
    if not date_width:
        return SignaturePlacement(rules.right_chars, 0.0, None)
    sig_right = rules.right_chars
    date_right = sig_right + sig_width - rules.date_shift_chars - date_width
    if date_right >= rules.right_chars:
        pitch = layout.char_pitch_pt
        sig_start = layout.page.text_width_pt - sig_right * pitch - sig_width * layout.grid.char_width_pt
        return SignaturePlacement(sig_right, date_right, sig_start + rules.date_shift_chars * pitch)
    date_right = rules.right_chars
    if rules.long_date == "centre":
        sig_right = date_right + (date_width - sig_width) / 2
    else:
        sig_right = date_right + date_width + rules.date_shift_chars - sig_width
    return SignaturePlacement(max(sig_right, 0.0), date_right, None)


def default_layout_path() -> Path:
    return templates_dir() / "layout.yml"


#: Parsed layouts by (path, modification time, size): the window exports and previews
#: many times, and parsing the YAML with line numbers costs more than building a document.
_CACHE: dict[tuple[str, int, int], Layout] = {}


def load_layout(path: Path | None = None) -> Layout:
    """Read and validate a layout file (the shipped one by default).

    A file already read and unchanged since (same mtime and size) is not parsed again.

    Raises:
        DataFileError: every problem found in the file, with line numbers.
    """
    path = Path(path) if path is not None else default_layout_path()
    try:
        stat = path.stat()
    except OSError:
        key = None
    else:
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        if key in _CACHE:
            return _CACHE[key]
    layout = _load_uncached(path)
    if key is not None:
        _CACHE.clear()  # one layout in use at a time; never grow
        _CACHE[key] = layout
    return layout


def _load_uncached(path: Path) -> Layout:
    try:
        data = read_yaml_file(path)
    except YamlSyntaxError as exc:
        raise DataFileError(str(path), [str(exc)]) from None
    problems: list[str] = []
    layout = _parse(data, problems)
    if problems or layout is None:
        raise DataFileError(str(path), problems or ["内容为空"])
    return layout


def _parse(data: Any, problems: list[str]) -> Layout | None:
    required = {"version", "page", "grid", "fonts", "styles", "title", "signature_block", "page_number"}
    if not check_keys(data, required | {"preview_fonts"}, required, "版式文件", problems):
        return None
    if data.get("version") != LAYOUT_VERSION:
        problems.append(f"第 {_line(data, 'version')} 行：不支持的版本“{data.get('version')}”（应为 {LAYOUT_VERSION}）")
    page = _numbers(data.get("page"), _PAGE_KEYS, "page", problems, positive=True)
    grid = _numbers(data.get("grid"), _GRID_KEYS, "grid", problems, positive=False)
    fonts = data.get("fonts")
    check_keys(fonts, {"latin_times_new_roman", "latin_font"}, {"latin_times_new_roman", "latin_font"},
               "fonts ", problems)
    styles = _styles(data.get("styles"), problems)
    title = data.get("title")
    title_keys = {"max_line_chars", "break_before", "break_after", "keep_together"}
    check_keys(title, title_keys, title_keys, "title ", problems)
    sig = data.get("signature_block")
    sig_keys = {"blank_lines_before", "right_chars", "date_shift_chars", "long_date"}
    check_keys(sig, sig_keys, sig_keys, "signature_block ", problems)
    pnum = data.get("page_number")
    check_keys(pnum, {"prefix", "suffix", "edge_chars"}, {"prefix", "suffix", "edge_chars"}, "page_number ", problems)
    if problems:
        return None
    preview = data.get("preview_fonts") or {}
    if not isinstance(preview, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip() for k, v in preview.items()
    ):
        problems.append(f"第 {_line(data, 'preview_fonts')} 行：preview_fonts 应是“公文字体: 预览字体”的映射")
    if sig["long_date"] not in LONG_DATE_MODES:
        problems.append(f"第 {_line(sig, 'long_date')} 行：long_date 只能是 {'、'.join(LONG_DATE_MODES)}")
    for key in ("break_before", "break_after", "keep_together"):
        if not isinstance(title[key], list) or not all(isinstance(w, str) and w for w in title[key]):
            problems.append(f"第 {_line(title, key)} 行：title 的 {key} 应是非空词语的列表")
    grid_spec = GridSpec(int(grid["lines_per_page"]), int(grid["chars_per_line"]), float(grid["line_pitch_pt"]),
                         float(grid["body_size_pt"]), float(grid["char_spacing_pt"]))
    page_spec = PageSpec(**{k: float(v) for k, v in page.items()})
    if grid_spec.lines_per_page * grid_spec.line_pitch_pt > page_spec.text_height_pt + 0.5:
        problems.append(f"第 {_line(data, 'grid')} 行：{grid_spec.lines_per_page} 行 × {grid_spec.line_pitch_pt} pt "
                        f"超过了版心高度 {page_spec.text_height_pt:.1f} pt")
    if grid_spec.chars_per_line * grid_spec.char_width_pt > page_spec.text_width_pt + 0.01:
        problems.append(f"第 {_line(data, 'grid')} 行：{grid_spec.chars_per_line} 个字 × "
                        f"{grid_spec.char_width_pt} pt 超过了版心宽度 {page_spec.text_width_pt:.1f} pt，请加大紧缩量")
    elif (grid_spec.chars_per_line + 1) * grid_spec.char_width_pt <= page_spec.text_width_pt:
        problems.append(f"第 {_line(data, 'grid')} 行：字间距紧缩过多，一行能放下 {grid_spec.chars_per_line + 1} 个字，"
                        "请减小 char_spacing_pt 的紧缩量")
    if problems:
        return None
    return Layout(
        page=page_spec,
        grid=grid_spec,
        latin_times_new_roman=bool(fonts["latin_times_new_roman"]),
        latin_font=str(fonts["latin_font"]),
        styles=styles,
        title=TitleSpec(float(title["max_line_chars"]), tuple(title["break_before"]), tuple(title["break_after"]),
                        tuple(title["keep_together"])),
        signature_block=SignatureSpec(int(sig["blank_lines_before"]), float(sig["right_chars"]),
                                      float(sig["date_shift_chars"]), str(sig["long_date"])),
        page_number=PageNumberSpec(str(pnum["prefix"]), str(pnum["suffix"]), float(pnum["edge_chars"])),
        preview_fonts={str(k).strip(): str(v).strip() for k, v in preview.items()},
    )


def _line(mapping: Any, key: str) -> int:
    return mapping.line_of(key) if isinstance(mapping, LineDict) else 0


def _numbers(mapping: Any, keys: set[str], where: str, problems: list[str], *, positive: bool) -> dict[str, float]:
    if not check_keys(mapping, keys, keys, f"{where} ", problems):
        return {}
    result: dict[str, float] = {}
    for key in keys & set(mapping):
        value = mapping[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or (positive and value <= 0):
            problems.append(f"第 {_line(mapping, key)} 行：{where} 的 {key} 应是{'正' if positive else ''}数，现为“{value}”")
        else:
            result[key] = value
    return result


def _styles(mapping: Any, problems: list[str]) -> dict[str, StyleSpec]:
    if not check_keys(mapping, set(STYLE_KEYS), set(STYLE_KEYS), "styles ", problems):
        return {}
    specs: dict[str, StyleSpec] = {}
    for key, is_character in STYLE_KEYS.items():
        entry = mapping.get(key)
        where = f"样式 {key} "
        required = {"font", "size_pt", "bold"} | (set() if is_character else {"align", "first_line_chars",
                                                                            "line_spacing"})
        if not check_keys(entry, _STYLE_ALLOWED, required, where, problems):
            continue
        line = entry.line if isinstance(entry, LineDict) else 0
        if bool(entry.get("word_style")) == bool(entry.get("name") and entry.get("id")):
            problems.append(f"第 {line} 行：{where}应写 word_style（Word 内置样式），或同时写 name 和 id（自定义样式）")
        if (entry.get("type") == "character") != is_character:
            problems.append(f"第 {line} 行：{where}的 type 应{'是 character' if is_character else '省略'}")
        align = entry.get("align", "left")
        if align not in ALIGNMENTS:
            problems.append(f"第 {_line(entry, 'align')} 行：{where}的 align 只能是 {'、'.join(ALIGNMENTS)}")
        spacing = entry.get("line_spacing", "grid")
        if spacing not in LINE_SPACINGS:
            problems.append(f"第 {_line(entry, 'line_spacing')} 行：{where}的 line_spacing 只能是 grid 或 single")
        size = entry.get("size_pt")
        if isinstance(size, bool) or not isinstance(size, int | float) or not 5 <= size <= 72:
            problems.append(f"第 {_line(entry, 'size_pt')} 行：{where}的 size_pt 应是 5 到 72 之间的数")
            continue
        if not isinstance(entry.get("font"), str) or not entry["font"].strip():
            problems.append(f"第 {_line(entry, 'font')} 行：{where}的 font 应是字体名称")
            continue
        specs[key] = StyleSpec(
            key=key,
            word_style=str(entry.get("word_style") or ""),
            name=str(entry.get("name") or ""),
            style_id=str(entry.get("id") or ""),
            is_character=is_character,
            font=entry["font"].strip(),
            size_pt=float(size),
            bold=bool(entry.get("bold")),
            align=str(align),
            first_line_chars=float(entry.get("first_line_chars") or 0),
            line_spacing=str(spacing),
        )
    return specs
