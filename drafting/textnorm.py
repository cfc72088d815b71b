"""Text folded for matching terms, with every position still pointing at the original text.

Reports copied from web pages, PDFs and Word write the same term many ways: “七五”普法 and 七五普法,
2021-2025年 and 2021—2025年, (2021－2025) and （2021—2025）, 法<soft hyphen>制. ``fold`` writes
one form for matching: quotes dropped, every dash an em-dash (—), brackets and colons full-width,
soft hyphens and zero-width characters dropped. A term table is folded the same way, so one entry
matches every variant; ``Folded.span`` turns a match in the folded text back into the original's
offsets, so a finding still marks (and a fix still replaces) what the writer typed.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Dropped for matching: quotes, soft hyphen, zero-width characters, BOM.
_DROPPED = frozenset("“”‘’\"'「」『』\u00ad\u200b\u200c\u200d\u2060\ufeff")
#: Written one way for matching.
_SAME = {
    "-": "—", "–": "—", "－": "—", "‐": "—", "‑": "—", "‒": "—", "―": "—", "─": "—", "﹣": "—",
    "(": "（", ")": "）", "［": "【", "］": "】", ":": "：", "︰": "：",
}


@dataclass(frozen=True)
class Folded:
    """The folded text and, for each of its characters, the offset of that character in the original."""

    text: str
    original: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original's (start, end) for folded[start:end] (end exclusive; empty spans allowed)."""
        if start >= len(self.offsets):
            return len(self.original), len(self.original)
        begin = self.offsets[start]
        finish = self.offsets[end - 1] + 1 if end > start else begin
        return begin, finish

    def original_text(self, start: int, end: int) -> str:
        """What the writer typed where folded[start:end] stands."""
        begin, finish = self.span(start, end)
        return self.original[begin:finish]

    @property
    def changed(self) -> bool:
        return self.text != self.original


def fold(text: str) -> Folded:
    """Fold text for matching (see the module's docstring); positions map back with Folded.span."""
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char in _DROPPED:
            continue
        chars.append(_SAME.get(char, char))
        offsets.append(index)
    return Folded("".join(chars), text, tuple(offsets))


def fold_text(text: str) -> str:
    """Just the folded text (for folding a term table once)."""
    return fold(text).text
