"""County documents (budgets, agendas, minutes): apply a fetched document to the archive: its
text by page, its record, its cost figures tied to a jurisdiction.

May import ``config``, ``errors``, ``progress``, ``formats``, ``costs`` and ``store``; never
fetches (sources hand it bytes).
"""
