"""When is a paragraph still last year's? One measure for the window and the checklist.

Two paragraphs are compared character by character (difflib's ratio), white space ignored: a
report's wording is what is copied, and jieba's segmentation would cost more than it tells. The
window's last-year pane marks paragraphs with it after each pause in typing and the rule
copied-from-last-year reports them, so both always agree. The threshold comes from the figure table
(templates/carryover.yml) unless a rule sets its own.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

_SPACE = re.compile(r"\s+")


def similarity(a: str, b: str) -> float:
    """Character-level similarity 0-1 of two paragraphs, white space ignored."""
    a, b = _SPACE.sub("", a), _SPACE.sub("", b)
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def ratio_if_similar(a: str, b: str, threshold: float) -> float:
    """similarity(a, b) when it reaches threshold, else 0.0, with difflib's cheap upper bounds first.

    Most pairs are ruled out by their lengths or by quick_ratio() before the costly ratio() runs,
    which keeps re-marking a part after each pause in typing fast.
    """
    a, b = _SPACE.sub("", a), _SPACE.sub("", b)
    if not a or not b or 2 * min(len(a), len(b)) < threshold * (len(a) + len(b)):
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.quick_ratio() < threshold:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= threshold else 0.0


def is_similar(a: str, b: str, threshold: float) -> bool:
    """similarity(a, b) >= threshold, computed cheaply."""
    return ratio_if_similar(a, b, threshold) > 0.0


def best_similarity(text: str, pool: Iterable[str], threshold: float) -> float:
    """The highest similarity of text to any paragraph of pool that reaches threshold, else 0.0."""
    best = 0.0
    for other in pool:
        best = max(best, ratio_if_similar(text, other, threshold))
        if best >= threshold:
            break
    return best
