"""The closed registry of rule kinds: kind name (as written in YAML) -> checker class.

A rule file can only use these kinds; the loader rejects any other and lists
these. Adding a kind means writing a Checker subclass and adding it here.
"""

from __future__ import annotations

from drafting.checklist.checkers.base import Checker, ParamError
from drafting.checklist.checkers.content import (
    NeedsFiguresChecker,
    PlansCoverProblemsChecker,
    RequiredWordsChecker,
    SimilarToLastYearChecker,
)
from drafting.checklist.checkers.facts import FactExpressionChecker, FactsUnusedChecker, NumberVsFactChecker
from drafting.checklist.checkers.structure import (
    DateFormatChecker,
    EarlyDateChecker,
    FrameElementChecker,
    HeadingNumberingChecker,
    OrgConsistencyChecker,
    RequiredPartsChecker,
    YearMismatchChecker,
)
from drafting.checklist.checkers.text import (
    CharsetChecker,
    DatedTermsChecker,
    EditingLeftoverChecker,
    PatternChecker,
    WordReplaceChecker,
)

CHECKERS: dict[str, type[Checker]] = {
    cls.KIND: cls
    for cls in (
        RequiredPartsChecker,
        FrameElementChecker,
        DateFormatChecker,
        HeadingNumberingChecker,
        YearMismatchChecker,
        OrgConsistencyChecker,
        EarlyDateChecker,
        PatternChecker,
        WordReplaceChecker,
        DatedTermsChecker,
        CharsetChecker,
        EditingLeftoverChecker,
        RequiredWordsChecker,
        PlansCoverProblemsChecker,
        NeedsFiguresChecker,
        SimilarToLastYearChecker,
        FactExpressionChecker,
        NumberVsFactChecker,
        FactsUnusedChecker,
    )
}

__all__ = ["CHECKERS", "Checker", "ParamError"]
