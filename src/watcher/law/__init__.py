"""State law on 287(g) agreements and on public records, from the shipped table.

``get_state_law`` / ``all_states`` read the table; ``legal_context`` words it for an alert;
``withdrawal_debounce`` weighs withdrawals by state law; ``records_request_letter`` and
``statutory_due_date`` serve public-records requests, tracked in ``law.requests``. Information,
not legal advice. May import ``errors``, ``states`` and ``store`` only.
"""

from __future__ import annotations

from watcher.law.context import DISCLAIMER, LegalContext, legal_context, withdrawal_debounce
from watcher.law.data import (
    RecordsLaw,
    StateLaw,
    StateLawError,
    UnknownStateError,
    all_states,
    get_state_law,
    has_state_law,
)
from watcher.law.deadlines import DueDate, statutory_due_date
from watcher.law.letter import records_request_letter

__all__ = [
    "DISCLAIMER",
    "DueDate",
    "LegalContext",
    "RecordsLaw",
    "StateLaw",
    "StateLawError",
    "UnknownStateError",
    "all_states",
    "get_state_law",
    "has_state_law",
    "legal_context",
    "records_request_letter",
    "statutory_due_date",
    "withdrawal_debounce",
]
