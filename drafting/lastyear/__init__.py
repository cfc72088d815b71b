"""Last year's report: carrying it into a new draft, and what is still the same as last year.

carryover moves titles, headings and dates to the new year and takes last year's figures;
similarity says when two paragraphs are (nearly) the same, for the window's last-year pane and the
checklist alike; confirmations records what the writer keeps from last year on purpose.
Imports the ground, data/, files/ and reading/.
"""
