"""287(g) cost figures found in document text, and the programs' own reference figures.

``find_cost_figures`` / ``scan_costs`` read a document's text (from :mod:`watcher.formats`) for
dollar figures in passages about 287(g); ``reference_figures_for`` gives the program-level terms
to show beside (never mixed with) the local figures. Pure functions: may import ``errors`` and
``formats`` only; no network, no archive.
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
from watcher.formats.text import ExtractedText, extract_text

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
