"""County review: every township's report in a folder read, checked and compared in one run.

batch reads and checks the files (in parallel where that helps), summary measures each report,
fingerprint and copying find the paragraphs two townships share, table lays the summary out as
columns, and workbook / html_page / charts write it for the reviewer. Sits above the checklist and
the reader, below the facade (commands/review.py, the window). Never imports PySide6.
"""

from __future__ import annotations
