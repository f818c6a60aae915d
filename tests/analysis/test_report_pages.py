"""The Setagaya ward-wide report prints on at most 14 A4 pages, every one at least half used (issue 12): measured
on the PDF itself with poppler (pdfinfo for the page count and size, pdftoppm for the pixels)."""
import shutil
import subprocess
import pytest

from conftest import REPO, chromium_path, kyoten_binary
from kyoten_analysis import build_report, pdf_pages

KYOTEN, WHY_NOT = kyoten_binary()
pytestmark = [pytest.mark.skipif(KYOTEN is None, reason=WHY_NOT or ""),
              pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")]

MAX_PAGES = 14
MIN_USED = 0.5


def page_fill(pdf):
    return pdf_pages.page_size_and_fill(pdf)


def test_page_fill_measures_what_it_should(tmp_path):
    # hand-made PDFs: text at the top only, and text down to the bottom
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure
    pdf = tmp_path / "t.pdf"
    with PdfPages(pdf) as pp:
        for y in (0.95, 0.05):
            f = Figure(figsize=(8.27, 11.69))
            f.text(0.1, 0.97, "top")
            f.text(0.1, y, "line")
            pp.savefig(f)
    size, fills = page_fill(pdf)
    assert fills[0] < 0.1 and fills[1] > 0.9


@pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed")
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_setagaya_wardwide_pdf_fits_14_pages_each_at_least_half_used(tmp_path_factory, lang):
    out = tmp_path_factory.mktemp("wardwide") / "run"
    p = subprocess.run([str(KYOTEN), "run", str(REPO / "scenarios" / "setagaya-wardwide.toml"), "--replications", "6",
                        "--out", str(out), "--quiet"], capture_output=True, text=True, timeout=900)
    assert p.returncode == 0, p.stderr
    rep = build_report(out, lang=lang, pdf_engine="chromium")
    (w, h), fills = page_fill(rep.pdf)
    assert (round(w), round(h)) == (595, 842)  # A4 in points
    assert len(fills) <= MAX_PAGES, fills
    assert min(fills) >= MIN_USED, [round(f, 2) for f in fills]
