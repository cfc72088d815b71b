"""The GB/T 9704-2012 Word writer: page and styles, the title split into lines, the signature block.

writer builds the .docx from a Report; layout reads templates/layout.yml; styles sets up the page,
styles and footers; oxml holds the raw-XML helpers python-docx lacks; title_split breaks a long title.
Imports the ground, data/ and files/.
"""
