"""Figures written in a report's text, recognised by the words before them (templates/carryover.yml).

"受理矛盾纠纷203件，调解成功198件" holds two facts: a label word, a few
characters of the same clause, a number and a unit. Carry-over keeps last
year's figures found this way; the checklist compares the figures one
paragraph states (a rate against its counts). Within one text a span of
characters serves one fact only, so "排查化解矛盾纠纷82件" is the number
received, not also the number resolved (化解矛盾纠纷 is a label of both).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class FigureRule:
    """One fact's label words and units, compiled."""

    fact: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class FigureMatch:
    """A figure found in a text: its value, the words matched and where they stand."""

    fact: str
    value: int | float
    words: str
    start: int
    end: int


def figure_rule(fact: str, labels: Iterable[str], units: Iterable[str], max_gap: int) -> FigureRule:
    """The pattern: a label, up to max_gap characters of the same clause, the number, "余"/"多", the unit."""
    label = "|".join(map(re.escape, labels))
    # Longest units first, and not the start of a longer one ("32人次" is no count of 人).
    unit = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    return FigureRule(fact, re.compile(
        f"(?:{label})[^。；;，,：:！？\\d]{{0,{max_gap}}}?(\\d+(?:\\.\\d+)?)\\s*(余|多)?\\s*(?:{unit})(?!次)"))


def figures_in(text: str, rules: Sequence[FigureRule]) -> dict[str, FigureMatch]:
    """The first figure of each fact in text; rules earlier in the table claim their words first."""
    taken: list[tuple[int, int]] = []
    found: dict[str, FigureMatch] = {}
    for rule in rules:
        if rule.fact in found:
            continue
        for match in rule.pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            number = match.group(1)
            value: int | float = float(number) if "." in number else int(number)
            found[rule.fact] = FigureMatch(rule.fact, value, match.group(0), start, end)
            taken.append((start, end))
            break
    return found
