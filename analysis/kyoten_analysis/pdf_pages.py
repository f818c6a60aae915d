"""How full each page of a PDF is, measured on the rendered pages with poppler (pdfinfo, pdftoppm): the share
of the page's height down to its lowest inked pixel. The report uses it to avoid a near-empty last page; the
tests use it to check that every page is at least half used."""
from __future__ import annotations

import re
import shutil
import subprocess

import numpy as np


def available() -> bool:
    return shutil.which("pdfinfo") is not None and shutil.which("pdftoppm") is not None


def page_size_and_fill(pdf, dpi: int = 20) -> tuple[tuple[float, float], list[float]]:
    """((width, height) in points, [fill of each page in 0…1]); a page with two lines at the top scores about
    0.1, a full page about 0.95."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    n = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    w, h = (float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    fills = []
    for i in range(1, n + 1):
        pgm = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(i), "-l", str(i), str(pdf)],
                             capture_output=True, check=True).stdout
        header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", pgm)
        cols, rows = int(header.group(1)), int(header.group(2))
        px = np.frombuffer(pgm[header.end():header.end() + cols * rows], dtype=np.uint8).reshape(rows, cols)
        inked = np.where((px < 230).any(axis=1))[0]
        fills.append(float(inked.max() + 1) / rows if len(inked) else 0.0)
    return (w, h), fills
