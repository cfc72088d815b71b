"""The Word reader: .docx (and .doc/.wps through LibreOffice) to paragraphs, safely.

safety opens the zip and parses XML, refusing hostile files; autonumber rebuilds Word's automatic
numbering; body walks the document's paragraphs; reader ties them together.
"""
