"""The writer's confirmations that a paragraph carried over from last year is kept on purpose.

Stored in the draft as Report.settings.confirmed_last_year: stable keys of
the confirmed paragraphs' wording, so any later edit makes the paragraph an
ordinary changed one. The checklist rule copied-from-last-year and the window's
last-year pane skip confirmed paragraphs. Pure Python, no heavy imports.
"""

from __future__ import annotations

import hashlib
import re

from drafting.data.figure_table import default_figure_table
from drafting.lastyear.similarity import is_similar
from drafting.model import Report


def paragraph_key(text: str) -> str:
    """A stable key of a paragraph's wording (white space ignored): any edit gives a new key."""
    return hashlib.sha1(re.sub(r"\s+", "", text).encode("utf-8")).hexdigest()[:16]


def confirmed_keys(report: Report) -> set[str]:
    """Keys of the paragraphs the writer confirmed."""
    return set(report.settings.confirmed_last_year)


def is_confirmed(report: Report, text: str) -> bool:
    return paragraph_key(text) in confirmed_keys(report)


def confirm_paragraphs(report: Report, texts: list[str]) -> int:
    """Record that these draft paragraphs are kept from last year on purpose; how many were new.

    Keys of paragraphs no longer in the draft are dropped, so the list does not grow with edits.
    """
    present = {paragraph_key(b.text) for _part, b in report.iter_blocks() if b.text.strip()}
    keys = confirmed_keys(report) & present
    new = {paragraph_key(t) for t in texts if t.strip()} - keys
    report.settings.confirmed_last_year = sorted(keys | new)
    return len(new)


UNCHANGED, CONFIRMED, CHANGED = "unchanged", "confirmed", "changed"


def paragraph_states(report: Report, part_id: str, threshold: float | None = None) -> list[str]:
    """For each of last year's paragraphs of this part: UNCHANGED, CONFIRMED or CHANGED in the draft.

    UNCHANGED: some draft paragraph is still (nearly) the same and not confirmed;
    CONFIRMED: every such draft paragraph was confirmed by the writer; CHANGED: none is left.
    """
    threshold = default_figure_table().similarity_threshold if threshold is None else threshold
    part = report.part(part_id)
    current = [b.text for b in part.blocks if b.text.strip()] if part else []
    confirmed = confirmed_keys(report)
    states = []
    for old in report.last_year.get(part_id, []):
        same = [text for text in current
                if abs(len(text) - len(old)) < len(old) and is_similar(old, text, threshold)]
        if not same:
            states.append(CHANGED)
        elif all(paragraph_key(text) in confirmed for text in same):
            states.append(CONFIRMED)
        else:
            states.append(UNCHANGED)
    return states


def carried_paragraphs(report: Report, part_id: str, threshold: float | None = None) -> list[str]:
    """The draft paragraphs of a part still (nearly) the same as one of last year's, not yet confirmed."""
    threshold = default_figure_table().similarity_threshold if threshold is None else threshold
    part = report.part(part_id)
    old_texts = report.last_year.get(part_id, [])
    confirmed = confirmed_keys(report)
    found = []
    for block in part.blocks if part else []:
        text = block.text
        if not text.strip() or block.level == 1 or paragraph_key(text) in confirmed:
            continue
        if any(abs(len(text) - len(old)) < len(old) and is_similar(old, text, threshold) for old in old_texts):
            found.append(text)
    return found
