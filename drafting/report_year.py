"""Which year's report a writer most likely means to start today.

The report on year Y is written from late in Y (offices start drafting in
November and December) until it is due in the first months of Y + 1. Kept
free of other imports: the start screen asks before anything heavy loads.
"""

from __future__ import annotations

import datetime as _dt

#: From this month on, the year under way is the one being reported on.
DRAFTING_STARTS_IN_MONTH = 11


def default_report_year(today: _dt.date | None = None) -> int:
    """The report year to offer on 新建报告: this year from November, else last year."""
    today = today or _dt.date.today()
    return today.year if today.month >= DRAFTING_STARTS_IN_MONTH else today.year - 1
