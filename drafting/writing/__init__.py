"""Writing: a new report, and each part's text filled from the facts by its Jinja2 template.

render is the one place Jinja2 is configured (sandbox holds the guarded environment); part_text turns
a part's editor text into blocks and back; new_report starts an empty report. Imports the ground,
data/ and files/.
"""
