"""The closed registry of rule kinds: kind name (as written in YAML) -> checker class.

A rule file can only use these kinds; the loader rejects any other and lists
these. Adding a kind means writing a Checker subclass and adding it here.
"""

from __future__ import annotations

from drafting.checklist.checkers.base import Checker, ParamError
from drafting.checklist.checkers.content import (
    CausePerItemChecker,
    NeedsFiguresChecker,
    PlansCoverProblemsChecker,
    RequiredWordsChecker,
    SimilarToLastYearChecker,
)
from drafting.checklist.checkers.facts import FactExpressionChecker, FactsUnusedChecker, NumberVsFactChecker
from drafting.checklist.checkers.parts import NestedPartChecker, PartBodyChecker
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
from drafting.checklist.checkers.wording import OrgKindChecker, PairedPunctuationChecker, StackedWordsChecker

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
        PartBodyChecker,
        NestedPartChecker,
        CausePerItemChecker,
        OrgKindChecker,
        StackedWordsChecker,
        PairedPunctuationChecker,
    )
}

__all__ = ["CHECKERS", "Checker", "ParamError"]
