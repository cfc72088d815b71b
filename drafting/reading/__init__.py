"""Reading reports: any source (draft, .txt, Word) to a Report, cleaned, with its structure recognised.

sources dispatches by content; text_reader decodes text; cleanup removes what copying left behind;
structure sorts paragraphs into the outline's parts. Imports the ground, data/ and files/.
"""
