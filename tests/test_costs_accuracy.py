"""Precision, recall and kind accuracy of the cost extractor on the labelled documents.

The documents and their labels are in ``test_costs_documents``. Run with ``-s`` to see the
scores printed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from test_costs_documents import ABSOLUTE, DOCUMENTS, MERGED
from test_costs_documents_later import ELSEWHERE
from watcher.costs import find_cost_figures
from watcher.formats.text import ExtractedText


def _found(text: str, absolute: bool = False) -> list[tuple[str, str, str | None]]:
    pages = ExtractedText(pages=[text], format="text")
    found = find_cost_figures(pages, url="u", doc_date=None)
    amounts = [abs(f.amount) if absolute else f.amount for f in found]
    return [(format(a, "f"), f.kind, f.jurisdiction) for a, f in zip(amounts, found, strict=True)]


def _score() -> tuple[dict[str, float], list[str]]:
    tp = fp = kind_ok = wanted = others = 0
    misses: list[str] = []
    for name, (text, labels) in DOCUMENTS.items():
        figures = _found(text, name in ABSOLUTE)
        found = {amount: kind for amount, kind, _ in figures}
        placed = {amount for amount, _, place in figures if place}
        for amount, kind in labels.items():
            if (name, amount) in MERGED:
                continue
            if kind is None or kind == ELSEWHERE:
                others += 1
                if amount in found and not (kind == ELSEWHERE and amount in placed):
                    fp += 1
                    misses.append(f"{name}: reported {amount} (not 287(g))")
                continue
            wanted += 1
            if amount not in found:
                misses.append(f"{name}: missed {amount} ({kind})")
                continue
            tp += 1
            kind_ok += found[amount] == kind
            if found[amount] != kind:
                misses.append(f"{name}: {amount} read as {found[amount]}, is {kind}")
        fp += sum(1 for amount in found if amount not in labels)
        misses += [f"{name}: unlabelled {a}" for a in found if a not in labels]
    return {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / wanted,
        "kind_accuracy": kind_ok / tp if tp else 0.0,
        "false_positive_share": fp / others,
        "wanted": wanted,
        "others": others,
    }, misses


def test_precision_recall_and_kind_accuracy() -> None:
    score, misses = _score()
    print()
    print(
        f"cost figures: precision {score['precision']:.2f}, recall {score['recall']:.2f}, "
        f"kind accuracy {score['kind_accuracy']:.2f}, false-positive share "
        f"{score['false_positive_share']:.2f} ({score['wanted']:.0f} local 287(g) figures, "
        f"{score['others']:.0f} other figures, {len(DOCUMENTS)} documents)"
    )
    for miss in misses:
        print("  ", miss)
    assert score["wanted"] >= 30
    assert score["recall"] >= 0.8
    assert score["kind_accuracy"] >= 0.8
    assert score["false_positive_share"] <= 0.1


def test_the_labelled_sets_keep_the_scores_they_reach_now() -> None:
    # The targets above are the issue's; these floors are where the rules stand on the sets
    # they were fixed on, so a change that loses ground on them fails here first.
    score, misses = _score()
    assert score["recall"] >= 0.97, misses
    assert score["kind_accuracy"] >= 0.97, misses
    assert score["false_positive_share"] <= 0.02, misses


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_no_document_reports_a_figure_it_does_not_hold(name: str) -> None:
    text, labels = DOCUMENTS[name]
    for amount, _, _ in _found(text, name in ABSOLUTE):
        assert Decimal(amount) != 0
        assert amount in labels, amount
