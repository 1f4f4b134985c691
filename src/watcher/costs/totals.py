"""Whole-budget totals written beside program money: "the sheriff's $48 million budget",
"overall budget of $42 million", "the jail's booking unit, which costs $3.2-million a year", a
"Department Total" row. Pure functions; imports only ``watcher.costs.amounts``.
"""

from __future__ import annotations

import re

from watcher.costs.amounts import Amount

__all__ = ["is_total"]

_I = re.I
# A whole department's or county's budget: "the sheriff's $48 million budget", "Department Total".
_OWNER = r"(?:sheriff'?s?|jail'?s?|county'?s?|department'?s?|office'?s?|overall|total|entire|whole"
_OWNER += r"|general\s+fund|agency'?s?|city'?s?|detention\s+center'?s?|corrections)"
_TOTAL_BEFORE = re.compile(
    rf"\b{_OWNER}\s+(?:(?!(?:is|was|were|are|been|be|has|had)\b)\w+\s+){{0,3}}?"
    # "spending" is a whole budget only as a noun: "the sheriff's spending", not "the sheriff
    # reported spending $120,000".
    r"(?:budget|(?<=s\s)spending|(?<=s'\s)spending|appropriations?|(?:fund\s+)?balance"
    r"|reserves?)\s*"
    r"(?:of|is|was|totals?|totaling|stands\s+at|for\s+\S+\s+(?:is|was))?\s*(?:about\s+|nearly\s+)?$"
    r"|\bwhose\s+(?:\w+\s+){0,2}?budget\s+(?:is|was|totals?)\s+(?:about\s+|nearly\s+)?$",
    _I,
)
# A whole unit's running cost: "the jail's booking unit, which costs about $3.2-million a year".
_UNIT_RUNS = re.compile(
    r"\b(?:jail|sheriff|county|department|office|detention\s+center)(?:'s|s')\s+(?:[\w-]+\s+){0,3}?"
    r"(?:unit|division|section|operations?|facility|center|department)\b,?\s+which\s+(?:costs?"
    r"|runs?|spends?)\s+(?:about\s+|roughly\s+|nearly\s+|more\s+than\s+)?$",
    _I,
)
_TOTAL_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:budget|general\s+fund)\b", _I)
_OWNED_AMOUNT = re.compile(rf"\b{_OWNER}\s+(?:\w+\s+){{0,2}}$", _I)
_TOTAL_ROW = re.compile(
    r"^\s*(?:grand\s+total|total\s+(?:department|division|sheriff|general\s+fund|expenditures"
    r"|revenues|appropriations|budget|county|fund)|(?:department|division|fund|sheriff(?:'s)?"
    r"(?:\s+office)?|agency|general\s+fund)\s+total)",
    _I,
)
_WHOLE_ROW = re.compile(
    r"^\s*(?:grand\s+total|total\s+(?:department|division|sheriff|general\s+fund|county|fund"
    r"|bureau|budget)|(?:department|division|fund|sheriff(?:'s)?(?:\s+office)?|agency|bureau"
    r"|general\s+fund)\s+(?:total|expenditures))",
    _I,
)


def is_total(text: str, amount: Amount, before: str, row: bool, *, program: bool = False) -> bool:
    """A whole budget written beside program money: "the sheriff's $48 million budget",
    "overall budget of $42 million", a "Department Total" row. Under a heading that names the
    program (``program``), "Total Expenditures" is the program's own total; only a
    department's, division's or fund's is a whole budget."""
    if row:
        return bool((_WHOLE_ROW if program else _TOTAL_ROW).match(text))
    if _TOTAL_BEFORE.search(before[-80:]) or _UNIT_RUNS.search(before[-120:]):
        return True
    after = text[amount.end : amount.end + 40]
    return bool(_TOTAL_AFTER.match(after) and _OWNED_AMOUNT.search(text[: amount.start][-60:]))
