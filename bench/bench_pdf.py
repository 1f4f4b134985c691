"""Benchmark: text extraction of a 500-page PDF, the project's reader beside pdftotext.

Run: /work/venv/bin/python bench/bench_pdf.py [--pages 500] [--repeat 3]
         [--pdf some.pdf | --replicate real.pdf]

Without --pdf it writes a budget-book-like PDF (50 lines a page, Flate-compressed, a few
287(g) figures on known pages) with tests/pdf_factory.py. --replicate copies the pages of a
real PDF (real fonts and layout) until there are --pages of them. Both readers run in the same
invocation on the same file; each timing is the best of --repeat runs and includes reading
the file. The project's reader runs in a child process so its peak RSS is its own; the
figure search (find_cost_figures) is timed separately. Target: within 1.5x of pdftotext.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.pdf_factory import filler_lines, make_pdf  # noqa: E402

from watcher.costs import extract_text, find_cost_figures  # noqa: E402

FIGURE_PAGES = {
    120: "Sheriff: the 287(g) Task Force unit costs $539,341 annually and $89,975 start-up.",
    340: "Revenue: Certification of Revenue of $302,500 for the DHS ICE 287(g) Task Force.",
}


def build(pages: int) -> bytes:
    content = []
    for n in range(1, pages + 1):
        lines = filler_lines(n, 50)
        if n in FIGURE_PAGES:
            lines[10] = FIGURE_PAGES[n]
        content.append(lines)
    return make_pdf(content, title="Adopted budget (benchmark)", compress=True)


def _child(path: str, out: Any) -> None:
    started = time.perf_counter()
    text = extract_text(Path(path).read_bytes(), content_type="application/pdf", url=path)
    extracted = time.perf_counter()
    figures = find_cost_figures(text, url=path, doc_date=None)
    searched = time.perf_counter()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out.send((extracted - started, searched - extracted, len(text.pages), len(figures), peak_kb))


def run_project(path: str) -> tuple[float, float, int, int, int]:
    ctx = mp.get_context("spawn")  # a fresh interpreter: RSS is the reader's, not ours
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(path, send))
    proc.start()
    result: tuple[float, float, int, int, int] = receive.recv()
    proc.join()
    return result


def replicate(source: Path, pages: int, target: Path) -> None:
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(source)
    dst = pdfium.PdfDocument.new()
    while len(dst) < pages:
        dst.import_pages(src)
    dst.save(target)


def run_pdftotext(path: str) -> tuple[float, int]:
    """Seconds and peak RSS (KB) of one pdftotext run, measured on that child alone."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        ["pdftotext", "-enc", "UTF-8", path, "-"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"pdftotext failed with exit code {proc.returncode}")
    return elapsed, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--pdf", type=Path, help="use this PDF instead of a generated one")
    parser.add_argument("--replicate", type=Path, help="repeat this PDF's pages to --pages")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = args.pdf or Path(tmp) / "budget.pdf"
        if args.replicate is not None:
            replicate(args.replicate, args.pages, path)
        elif args.pdf is None:
            path.write_bytes(build(args.pages))
        size_mb = path.stat().st_size / 1e6
        runs = [run_project(str(path)) for _ in range(args.repeat)]
        ours = min(r[0] for r in runs)
        search = min(r[1] for r in runs)
        pages, figures, peak_kb = runs[0][2], runs[0][3], max(r[4] for r in runs)
        print(f"file: {path.name}, {pages} pages, {size_mb:.1f} MB")
        print(f"watcher extract_text:   {ours:7.3f} s   peak RSS {peak_kb / 1024:6.1f} MB")
        print(f"watcher find_cost_figures: {search:4.3f} s   ({figures} figures)")
        if shutil.which("pdftotext") is None:
            print("pdftotext: not installed (apt-get install poppler-utils); no ratio")
            return
        their_runs = [run_pdftotext(str(path)) for _ in range(args.repeat)]
        theirs, their_kb = min(r[0] for r in their_runs), max(r[1] for r in their_runs)
        print(f"pdftotext:              {theirs:7.3f} s   peak RSS {their_kb / 1024:6.1f} MB")
        verdict = "within" if ours <= 1.5 * theirs else "OVER"
        print(f"ratio watcher/pdftotext: {ours / theirs:.2f}x ({verdict} the 1.5x target)")


if __name__ == "__main__":
    main()
