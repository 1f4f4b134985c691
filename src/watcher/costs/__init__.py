"""287(g) cost figures found in document text, and the programs' own reference figures.

``find_cost_figures`` / ``scan_costs`` read the dollar figures of a document's 287(g) passages
(its text comes from :mod:`watcher.formats`), and ``reference_figures_for`` gives the
program-level terms to show beside (never mixed with) the local figures.

Modules: ``extract`` (the search), ``figure`` (``CostFigure``), ``merge`` (the same money said
twice, republished figures), ``lines`` (plain ``pdftotext`` tables rejoined into rows,
sentences), ``blocks`` (blocks, rows, bullets, headings), ``passages`` (what is about
287(g)), ``amounts`` (dollar forms, ranges, hedges, rates), ``words`` (the vocabulary of
kinds and periods), ``kinds`` (kind, period), ``totals`` (whole-budget totals), ``where`` (the
place a figure is tied to), ``fiscal`` (fiscal years as written), ``reference``. ``amounts``,
``fiscal``, ``words`` and ``where`` import nothing of the package; ``lines`` only ``fiscal``;
``totals`` only ``amounts``; ``blocks`` only ``amounts``, ``fiscal`` and ``lines``;
``passages`` only ``amounts`` and ``blocks``; ``kinds`` only ``amounts``, ``words`` and
``totals``; ``figure`` only ``kinds`` and ``passages``; ``merge`` only ``figure``; ``extract``
the rest; ``program`` gives the few reference figures that apply to one agency (its state,
kind, model and county population). Pure functions: outside itself the package may import
only ``errors``, ``formats`` and ``places``; no network, no archive.
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
