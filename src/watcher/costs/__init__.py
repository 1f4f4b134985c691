"""287(g) cost figures from county documents, and the programs' own reference figures.

``extract_text`` turns a fetched document into pages of text (with notes on what could not be
read), ``find_cost_figures`` / ``scan_costs`` read the dollar figures of its 287(g) passages,
and ``reference_figures_for`` gives the program-level terms to show beside (never mixed with)
the local figures.

Modules: ``text`` (readers), ``extract`` (the search), ``figure`` (``CostFigure``), ``merge``
(the same money said twice, republished figures), ``passages`` (blocks, rows, bullets, what is
about 287(g)), ``amounts`` (dollar forms, ranges, hedges, rates), ``kinds`` (kind, period,
place, whole-budget totals), ``fiscal`` (fiscal years as written), ``reference``. ``amounts``
and ``fiscal`` import nothing of the package; ``passages`` and ``kinds`` only those two;
``figure`` only ``kinds`` and ``passages``; ``merge`` only ``figure``; ``extract`` the rest
and ``text``. Outside itself the package imports only ``watcher.errors`` and ``watcher.parse``.
"""

from __future__ import annotations

from watcher.costs.extract import (
    CostFigure,
    CostScan,
    cost_notes,
    document_date_from_text,
    find_cost_figures,
    merge_republished,
    scan_costs,
)
from watcher.costs.reference import ReferenceFigure, reference_figures_for
from watcher.costs.text import ExtractedText, extract_text

__all__ = [
    "CostFigure",
    "CostScan",
    "ExtractedText",
    "ReferenceFigure",
    "cost_notes",
    "document_date_from_text",
    "extract_text",
    "find_cost_figures",
    "merge_republished",
    "reference_figures_for",
    "scan_costs",
]
