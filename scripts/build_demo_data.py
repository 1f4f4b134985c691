"""Write the sample workbooks `watcher demo` ships (src/watcher/demo/*.xlsx).

    python scripts/build_demo_data.py

They are small lists in ICE's real 8-column participating and 5-column pending layouts,
built with the tests' workbook factory (openpyxl, a dev dependency), so the installed
package needs no spreadsheet writer. Four publications tell one story: a baseline, then a
new agreement (a pending agency signs), a renewal and a rename, then a withdrawal.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from ice_workbooks import MOA_BASE, make_workbook  # noqa: E402

OUT = ROOT / "src" / "watcher" / "demo"


def row(state: str, agency: str, kind: str, county: str, model: str, signed: dt.date | None,
        moa: str | None = None) -> dict[str, object]:  # fmt: skip
    data: dict[str, object] = {"state": state, "agency": agency, "type": kind,
                               "county": county, "support": model}  # fmt: skip
    if signed is not None:
        data["signed"] = signed
    if moa:
        data["moa_url"] = MOA_BASE + moa
    return data


ETOWAH = row(
    "ALABAMA",
    "Etowah County Sheriff's Office",
    "County",
    "Etowah County",
    "Jail Enforcement Model",
    dt.date(2022, 6, 9),
    "287gJEM_EtowahCoAL_06-09-2022.pdf",
)
FT_MYERS = row(
    "FLORIDA",
    "Ft. Myers Police Department",
    "Municipality",
    "#N/A",
    "Task Force Model",
    dt.date(2025, 5, 16),
    "FortMyersPD_FL_TFM_MOA_05162025.pdf",
)
KODIAK = row(
    "ALASKA",
    "Kodiak Police Department",
    "Municipality",
    "#N/A",
    "Warrant Service Officer",
    dt.date(2020, 7, 20),
    "287gWSO_KodiakPDAK_07-20-2020.pdf",
)
CANYON = row(
    "IDAHO",
    "Canyon County Sheriff's Office",
    "County",
    "Canyon County",
    "Task Force Model",
    dt.date(2025, 6, 5),
    "CanyonCoSOID_TFM_MOA_06052025.pdf",
)
GALVESTON_PENDING = row(
    "TEXAS",
    "Galveston County Sheriff's Office",
    "County",
    "Galveston County",
    "Task Force Model",
    None,
)
GALVESTON = row(
    "TEXAS",
    "Galveston County Sheriff's Office",
    "County",
    "Galveston County",
    "Task Force Model",
    dt.date(2026, 2, 10),
    "GalvestonCoSOTX_TFM_MOA_02102026.pdf",
)
ETOWAH_RENEWED = dict(ETOWAH, signed=dt.date(2026, 6, 9),
                      moa_url=MOA_BASE + "EtowahCoSOAL_JEM_MOA_06092026.pdf")  # fmt: skip
FORT_MYERS = dict(FT_MYERS, agency="Fort Myers Police Department")
NAMPA = row(
    "IDAHO",
    "Nampa Police Department",
    "Municipality",
    "Canyon County",
    "Task Force Model",
    dt.date(2026, 7, 1),
    None,
)
BOISE_PENDING = row(
    "IDAHO",
    "Boise Police Department",
    "Municipality",
    "Ada County",
    "Warrant Service Officer",
    None,
)

STEPS = [
    ([ETOWAH, FT_MYERS, KODIAK, CANYON], [GALVESTON_PENDING]),
    ([ETOWAH_RENEWED, FORT_MYERS, KODIAK, CANYON, GALVESTON], []),
    ([ETOWAH_RENEWED, FORT_MYERS, CANYON, GALVESTON], [BOISE_PENDING]),
    ([ETOWAH_RENEWED, FORT_MYERS, CANYON, GALVESTON, NAMPA], [BOISE_PENDING]),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for step, (participating, pending) in enumerate(STEPS, start=1):
        (OUT / f"participating_{step}.xlsx").write_bytes(
            make_workbook(participating, "participating-8col", blank_rows=3)
        )
        (OUT / f"pending_{step}.xlsx").write_bytes(
            make_workbook(pending, "pending-5col", blank_rows=3)
        )
    print(f"wrote {len(STEPS) * 2} workbooks to {OUT}")


if __name__ == "__main__":
    main()
