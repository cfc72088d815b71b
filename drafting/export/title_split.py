"""Split a long report title over lines the way GB/T 9704 asks (梯形 or 菱形).

A pure function: no I/O, no docx. The words to break before or after and the
words that must stay whole come from templates/layout.yml (``title:``); the
caller passes them in. A title is cut only where a reader expects it (before
关于, after 人民政府/办事处, before 情况的报告 ...), never inside a number, a
bracketed name or a protected word, into as few lines as fit, preferring
lines of similar length arranged as a trapezoid or a diamond.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

#: A break somewhere the data does not name; allowed only when nothing better fits.
_FALLBACK_COST = 6.0
_BRACKET_COST = 12.0
_MAX_LINES = 4
#: One line more than the fewest possible is worth it only for clearly better breaks.
_EXTRA_LINE_COST = 4.0
_MAX_CANDIDATES = 40
_OPENING = "《（(“‘〔【[「"
_CLOSING = "》）)”’〕】]」"
_NUMBER_UNITS = "年月日号期届次个项件%％余多万亿元"
_NO_LINE_START = "，。、；：？！,.;:?!》）)”’〕】]」—…·"


def text_width(text: str) -> float:
    """Width in full-width characters: ASCII letters, digits and spaces count half."""
    return sum(0.5 if ord(ch) < 0x2E80 and ch not in "—…“”‘’" else 1.0 for ch in text)


def split_title(
    title: str,
    max_chars: float = 20,
    break_before: Sequence[str] = (),
    break_after: Sequence[str] = (),
    keep_together: Sequence[str] = (),
) -> list[str]:
    """The title's lines; a title that fits on one line comes back unchanged.

    Args:
        title: the title on one line.
        max_chars: how many full-width characters fit on a line.
        break_before: words to start a new line with, best first.
        break_after: words to end a line with, best first.
        keep_together: words never to be cut.

    Returns:
        The lines, which joined give back ``title`` exactly.
    """
    title = title.strip()
    if text_width(title) <= max_chars or len(title) < 2:
        return [title]
    costs = _break_costs(title, break_before, break_after, keep_together)
    if not costs:
        return [title]
    # Keep the search small for absurdly long titles: the cheapest candidates only.
    positions = sorted(sorted(costs, key=lambda pos: (costs[pos], pos))[:_MAX_CANDIDATES])
    best: tuple[float, tuple[int, ...]] | None = None
    fewest: int | None = None
    for count in range(2, _MAX_LINES + 1):
        if fewest is not None and count > fewest + 1:
            break
        for cuts in itertools.combinations(positions, count - 1):
            lines = _cut(title, cuts)
            widths = [text_width(line) for line in lines]
            if max(widths) > max_chars:
                continue
            fewest = count if fewest is None else fewest
            score = sum(costs[pos] for pos in cuts) + _shape_penalty(widths, max_chars)
            score += _EXTRA_LINE_COST * (count - fewest)
            if best is None or score < best[0]:
                best = (score, cuts)
    if best is not None:
        return _cut(title, best[1])
    # Nothing fits even in four lines: cut greedily at allowed places.
    return _greedy(title, sorted(costs), max_chars)


def _cut(title: str, cuts: Sequence[int]) -> list[str]:
    bounds = [0, *cuts, len(title)]
    return [title[a:b] for a, b in itertools.pairwise(bounds)]


def _break_costs(
    title: str, break_before: Sequence[str], break_after: Sequence[str], keep_together: Sequence[str]
) -> dict[int, float]:
    """Allowed break positions (index of the first character of the new line) and their cost."""
    forbidden = _forbidden_positions(title, keep_together)
    bracketed = _bracketed_positions(title)
    costs: dict[int, float] = {}
    for pos in range(1, len(title)):
        if pos in forbidden:
            continue
        cost = _BRACKET_COST if pos in bracketed else _FALLBACK_COST
        for rank, word in enumerate(break_before):
            if title.startswith(word, pos):
                cost = min(cost, 0.2 * rank)
        for rank, word in enumerate(break_after):
            if title.endswith(word, 0, pos):
                cost = min(cost, 0.2 * rank)
        costs[pos] = cost
    return costs


def _forbidden_positions(title: str, keep_together: Sequence[str]) -> set[int]:
    forbidden: set[int] = set()
    for pos in range(1, len(title)):
        left, right = title[pos - 1], title[pos]
        if left.isascii() and right.isascii() and not (left.isspace() or right.isspace()):
            forbidden.add(pos)  # inside a number or a Latin word
        if left.isdigit() and right in _NUMBER_UNITS:
            forbidden.add(pos)  # 2021年度, 3号: a number keeps its unit
        if right in _NO_LINE_START or left in _OPENING or right.isspace() or left.isspace():
            forbidden.add(pos)
    for word in keep_together:
        start = title.find(word)
        while start >= 0:
            forbidden.update(range(start + 1, start + len(word)))
            start = title.find(word, start + 1)
    return forbidden


def _bracketed_positions(title: str) -> set[int]:
    """Positions inside 《…》 or （…）: cut there only when the name alone is longer than a line."""
    inside: set[int] = set()
    depth = 0
    for pos, ch in enumerate(title):
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            depth = max(0, depth - 1)
        elif depth and pos:
            inside.add(pos)
    return inside


def _shape_penalty(widths: list[float], max_chars: float) -> float:
    """Prefer similar lengths, a trapezoid or a diamond, and no stub lines."""
    penalty = 4.0 * (max(widths) - min(widths)) / max_chars
    penalty += sum(6.0 for width in widths if width < 4)
    if len(widths) >= 3:
        # Within one character counts as level: two stacked organisation names are fine.
        rising = all(a <= b + 1 for a, b in itertools.pairwise(widths))
        falling = all(a + 1 >= b for a, b in itertools.pairwise(widths))
        peak = widths.index(max(widths))
        diamond = all(a <= b + 1 for a, b in itertools.pairwise(widths[: peak + 1])) and all(
            a + 1 >= b for a, b in itertools.pairwise(widths[peak:])
        )
        if not (rising or falling or diamond):
            penalty += 4.0
    return penalty


def _greedy(title: str, positions: list[int], max_chars: float) -> list[str]:
    lines: list[str] = []
    start = 0
    while text_width(title[start:]) > max_chars:
        fitting = [pos for pos in positions if pos > start and text_width(title[start:pos]) <= max_chars]
        if not fitting:
            break
        lines.append(title[start : fitting[-1]])
        start = fitting[-1]
    lines.append(title[start:])
    return lines
