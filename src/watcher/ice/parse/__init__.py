"""Pure parsers of ICE's publications: workbooks, the landing page, headers, names."""
