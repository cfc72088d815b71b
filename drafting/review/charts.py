"""The review's two charts as inline SVG: problems per township stacked by kind, and parts present.

Plain SVG text (no script, no fonts fetched): the HTML page embeds it and the window shows the
same file through QSvgWidget. Labels are escaped; the charts scale to any number of townships by
growing in height (one bar a row).
"""

from __future__ import annotations

from html import escape

#: Fill colours per kind of finding, shared with the page's legend and the window.
KIND_COLOURS = {"error": "#d9534f", "warning": "#f0ad4e", "info": "#5bc0de"}
KIND_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
_FONT = "font-family:'Noto Sans CJK SC','Microsoft YaHei','SimHei',sans-serif;font-size:13px"
_LABEL_WIDTH = 150
_BAR_AREA = 420
_ROW = 24


def problems_chart(rows: list[tuple[str, dict[str, int]]], title: str = "各乡镇问题数（按级别）") -> str:
    """A horizontal stacked bar per township: errors, warnings, notes."""
    most = max((sum(counts.values()) for _label, counts in rows), default=0) or 1
    height = 60 + _ROW * max(1, len(rows)) + 30
    width = _LABEL_WIDTH + _BAR_AREA + 60
    out = [_open(width, height, title)]
    for index, (label, counts) in enumerate(rows):
        y = 40 + index * _ROW
        out.append(f'<text x="{_LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">{escape(label)}</text>')
        x = float(_LABEL_WIDTH)
        for kind, colour in KIND_COLOURS.items():
            value = counts.get(kind, 0)
            if not value:
                continue
            w = _BAR_AREA * value / most
            out.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{_ROW - 8}" fill="{colour}">'
                       f'<title>{escape(label)}：{KIND_LABELS[kind]} {value} 条</title></rect>')
            x += w
        out.append(f'<text x="{x + 6:.1f}" y="{y + 15}">{sum(counts.values())}</text>')
    out.append(_legend(width, height - 18))
    out.append("</svg>")
    return "\n".join(out)


def parts_chart(rows: list[tuple[str, int, int]], title: str = "法定部分齐全情况（有该部分的报告数）") -> str:
    """A horizontal bar per statutory part: how many of the reports read have it."""
    height = 60 + _ROW * max(1, len(rows))
    width = _LABEL_WIDTH + _BAR_AREA + 90
    out = [_open(width, height, title)]
    for index, (label, present, total) in enumerate(rows):
        y = 40 + index * _ROW
        share = present / total if total else 0.0
        colour = "#5cb85c" if share == 1 else "#f0ad4e" if share >= 0.5 else "#d9534f"
        out.append(f'<text x="{_LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">{escape(label)}</text>')
        out.append(f'<rect x="{_LABEL_WIDTH}" y="{y + 3}" width="{_BAR_AREA}" height="{_ROW - 8}" fill="#eeeeee"/>')
        out.append(f'<rect x="{_LABEL_WIDTH}" y="{y + 3}" width="{_BAR_AREA * share:.1f}" height="{_ROW - 8}" '
                   f'fill="{colour}"><title>{escape(label)}：{present}/{total}</title></rect>')
        out.append(f'<text x="{_LABEL_WIDTH + _BAR_AREA + 6}" y="{y + 15}">{present}/{total}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _open(width: int, height: int, title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" style="{_FONT}">\n'
            f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>\n'
            f'<text x="10" y="22" style="font-size:15px;font-weight:bold">{escape(title)}</text>')


def _legend(width: int, y: int) -> str:
    items = []
    x = _LABEL_WIDTH
    for kind, colour in KIND_COLOURS.items():
        items.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{x + 16}" y="{y}">{KIND_LABELS[kind]}</text>')
        x += 70
    return "".join(items)
