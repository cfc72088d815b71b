"""Tell, before a rule runs, whether a user's regular expression can backtrack for minutes.

Python's re backtracks: ``^(a+)+$`` against 32 a's and "!" tries 2^32 ways and
holds the interpreter the whole time. The dangerous shapes are few and can be
seen in the parsed pattern (re's own parser):
- a repeated group holding a variable-length repeat with nothing required in
  between that could not also be matched by the inner repeat: ``(a+)+``, ``(a*)*``,
  ``(.*a){20}``, ``(\\w+\\s?)+`` (but ``(\\.\\d+)+`` is fine: every round needs a ".");
- a repeated alternation whose branches can start with the same character: ``(a|a)*``;
- more than a few overlapping unbounded repeats side by side: ``.*.*.*.*x``.
``catastrophic_reason(pattern)`` says which in Chinese, or returns None.
"""

from __future__ import annotations

import re
import re._parser as sre  # the parser re itself uses (Python >= 3.11)
from re._constants import (  # names of the parsed pattern's opcodes
    ANY,
    ASSERT,
    ASSERT_NOT,
    AT,
    ATOMIC_GROUP,
    BRANCH,
    IN,
    LITERAL,
    MAX_REPEAT,
    MAXREPEAT,
    MIN_REPEAT,
    NEGATE,
    NOT_LITERAL,
    POSSESSIVE_REPEAT,
    RANGE,
    SUBPATTERN,
)

#: A repeat with more rounds than this counts as "many" for an outer repeat.
MANY_ROUNDS = 9
#: Overlapping unbounded repeats allowed side by side in one sequence.
MAX_SIDE_BY_SIDE = 3

_REPEATS = (MAX_REPEAT, MIN_REPEAT)
#: Characters tried when deciding whether two character sets overlap.
_SAMPLES = "a0_ \n.,，。、-中文A9z（）:：%"
_ANYTHING = ("any",)


def catastrophic_reason(pattern: str) -> str | None:
    """Why the pattern can take exponential time (Chinese), or None when it looks safe."""
    try:
        parsed = sre.parse(pattern)
    except (re.error, OverflowError, RecursionError):
        return None  # re.compile reports it
    try:
        return _sequence(list(parsed))
    except RecursionError:
        return "嵌套层数过深"


def _sequence(items: list) -> str | None:
    overlapping: list[list] = []
    for op, av in items:
        reason = _item(op, av)
        if reason:
            return reason
        if op in _REPEATS and av[1] == MAXREPEAT:
            chars = _chars(av[2])
            if any(_overlap(chars, other) for other in overlapping):
                overlapping.append(chars)
                if len(overlapping) > MAX_SIDE_BY_SIDE:
                    return "有多个相互重叠的无限重复（如 .*.*.*.*）"
            else:
                overlapping = [chars]
        elif op in (LITERAL, NOT_LITERAL, IN, ANY) and overlapping and not any(
                _overlap(_chars([(op, av)]), other) for other in overlapping):
            overlapping = []
    return None


def _item(op: object, av: object) -> str | None:
    if op in _REPEATS or op == POSSESSIVE_REPEAT:
        low, high, body = av  # type: ignore[misc]
        if op != POSSESSIVE_REPEAT and (high == MAXREPEAT or high > MANY_ROUNDS):
            reason = _nested(list(body))
            if reason:
                return reason
        return _sequence(list(body))
    if op == SUBPATTERN:
        return _sequence(list(av[-1]))  # type: ignore[index]
    if op == BRANCH:
        for branch in av[1]:  # type: ignore[index]
            reason = _sequence(list(branch))
            if reason:
                return reason
    if op in (ASSERT, ASSERT_NOT):
        return _sequence(list(av[1]))  # type: ignore[index]
    if op == ATOMIC_GROUP:
        return _sequence(list(av))  # type: ignore[arg-type]
    return None


def _nested(body: list) -> str | None:
    """The body of a repeat with many rounds: ambiguous when a round can be split several ways."""
    items = _flatten(body)
    for op, av in items:
        if op == BRANCH and _branches_overlap(av[1]):
            return "在重复的分组中有可以匹配相同文字的选择项（如 (a|a)*）"
    variable = [(op, av) for op, av in items if _has_variable_repeat(op, av)]
    if not variable:
        return None
    inner = set().union(*(_chars([item]) for item in variable)) if all(
        _chars([item]) is not _ANYTHING for item in variable) else _ANYTHING
    for op, av in items:
        if (op, av) in variable or not _required(op, av):
            continue
        if not _overlap(_chars([(op, av)]), inner):
            return None  # a required character the inner repeat cannot take: rounds are delimited
    return "有嵌套的重复（如 (a+)+、(a*)*、(.*a){20}），遇到较长的文字可能运行几分钟"


def _flatten(items: list) -> list:
    """Groups opened: the elements one round of a repeat consists of, in order."""
    flat: list = []
    for op, av in items:
        if op == SUBPATTERN:
            flat.extend(_flatten(list(av[-1])))
        elif op == ATOMIC_GROUP:
            flat.extend(_flatten(list(av)))
        else:
            flat.append((op, av))
    return flat


def _has_variable_repeat(op: object, av: object) -> bool:
    if op in _REPEATS:
        low, high, body = av  # type: ignore[misc]
        return high != low or any(_has_variable_repeat(o, a) for o, a in body)
    if op == SUBPATTERN:
        return any(_has_variable_repeat(o, a) for o, a in av[-1])  # type: ignore[index]
    if op == BRANCH:
        return any(_has_variable_repeat(o, a) for branch in av[1] for o, a in branch)  # type: ignore[index]
    return False


def _required(op: object, av: object) -> bool:
    """True when the element must take at least one character in every round."""
    if op in (LITERAL, NOT_LITERAL, IN, ANY):
        return True
    if op in _REPEATS or op == POSSESSIVE_REPEAT:
        return av[0] >= 1 and any(_required(o, a) for o, a in av[2])  # type: ignore[index]
    if op == BRANCH:
        return all(any(_required(o, a) for o, a in branch) for branch in av[1])  # type: ignore[index]
    return False


def _branches_overlap(branches: list) -> bool:
    firsts = [_first(list(branch)) for branch in branches]
    return any(_overlap(a, b) for i, a in enumerate(firsts) for b in firsts[i + 1:])


def _first(items: list) -> set | tuple:
    """Characters the sequence may start with (approximate: unknown shapes count as anything)."""
    found: set = set()
    for op, av in items:
        if op in (AT, ASSERT, ASSERT_NOT):
            continue
        if op in (LITERAL, NOT_LITERAL, IN, ANY):
            chars = _chars([(op, av)])
            return _ANYTHING if chars is _ANYTHING else found | chars  # type: ignore[operator]
        if op == SUBPATTERN:
            chars = _first(list(av[-1]))
            if chars is _ANYTHING:
                return chars
            return found | chars
        if op in _REPEATS or op == POSSESSIVE_REPEAT:
            chars = _first(list(av[2]))
            if chars is _ANYTHING:
                return chars
            found |= chars
            if av[0] >= 1:
                return found
            continue
        return _ANYTHING
    return found or _ANYTHING


def _chars(items: list) -> set | tuple:
    """The character atoms ((LITERAL, code) or (IN, items)) any element in items may match, or _ANYTHING."""
    found: set = set()
    for op, av in items:
        if op == LITERAL:
            found.add((LITERAL, av))
        elif op in (NOT_LITERAL, ANY):
            return _ANYTHING
        elif op == IN:
            if any(o == NEGATE for o, _a in av):
                return _ANYTHING
            found.add((IN, tuple(av)))
        elif op in _REPEATS or op == POSSESSIVE_REPEAT:
            sub = _chars(list(av[2]))
            if sub is _ANYTHING:
                return sub
            found |= sub
        elif op in (SUBPATTERN, ATOMIC_GROUP):
            sub = _chars(list(av[-1] if op == SUBPATTERN else av))
            if sub is _ANYTHING:
                return sub
            found |= sub
        elif op == BRANCH:
            for branch in av[1]:
                sub = _chars(list(branch))
                if sub is _ANYTHING:
                    return sub
                found |= sub
        elif op in (AT, ASSERT, ASSERT_NOT):
            continue
        else:
            return _ANYTHING  # back-references and the like: assume the worst
    return found


def _matches(atoms: set, ch: str) -> bool:
    for op, av in atoms:
        if op == LITERAL and chr(av) == ch:
            return True
        if op == IN and _class(av).match(ch):
            return True
    return False


def _class(av: tuple) -> re.Pattern[str]:
    return re.compile("[" + "".join(_class_part(op, arg) for op, arg in av) + "]")


def _candidates(atoms: set) -> set[str]:
    """Characters worth trying: the literals and range ends the atoms name."""
    found: set[str] = set()
    for op, av in atoms:
        if op == LITERAL:
            found.add(chr(av))
        else:
            for sub_op, arg in av:
                if sub_op == LITERAL:
                    found.add(chr(arg))
                elif sub_op == RANGE:
                    found |= {chr(arg[0]), chr(arg[1])}
    return found


def _class_part(op: object, arg: object) -> str:
    if op == LITERAL:
        return re.escape(chr(arg))  # type: ignore[arg-type]
    if op == RANGE:
        return f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}"  # type: ignore[index]
    names = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
             "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}
    return names.get(str(arg), r"\s\S")


def _overlap(a: set | tuple, b: set | tuple) -> bool:
    if a is _ANYTHING or b is _ANYTHING:
        return bool(a) and bool(b)
    tries = set(_SAMPLES) | _candidates(a) | _candidates(b)  # type: ignore[arg-type]
    return any(_matches(a, ch) and _matches(b, ch) for ch in tries)  # type: ignore[arg-type]
