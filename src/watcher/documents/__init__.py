"""County documents (budgets, agendas, minutes): apply a fetched document to the archive: its
text by page, its record, its cost figures tied to a jurisdiction; and the meetings of agenda
platforms with the 287(g) agenda items found in their documents (``meetings``,
``agenda_items``).

May import ``config``, ``errors``, ``progress``, ``timestamps``, ``formats``, ``costs``,
``agendas`` (the meeting model) and ``store``; never fetches (sources hand it bytes).
"""
