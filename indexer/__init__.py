"""Reading UN reports and writing the paraindex index: file -> pages -> paragraphs -> index.

Never imports ``search``: the library below the CLI and the web page.
"""
