"""The README's main job end to end: `kyoten run` on the Setagaya ward-wide scenario, then `kyoten report` (the C++
command handing over to analysis/) in Japanese and in English. Checks the files and their charts, not just that a
file exists: every chart the results call for is embedded and decodable, and the PDF carries the report's text."""
import base64
import re
import subprocess

import pytest

from conftest import REPO, kyoten_binary
from kyoten_analysis import charts, load_results

KYOTEN, WHY_NOT = kyoten_binary()
pytestmark = pytest.mark.skipif(KYOTEN is None, reason=WHY_NOT or "")

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def wardwide(tmp_path_factory):
    out = tmp_path_factory.mktemp("wardwide") / "run"
    p = subprocess.run([str(KYOTEN), "run", str(REPO / "scenarios" / "setagaya-wardwide.toml"), "--replications", "8",
                        "--out", str(out), "--quiet"], capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    return out


@pytest.mark.parametrize("lang, title_word", [("ja", "登録者数"), ("en", "Registrants")])
def test_report_command_writes_html_and_pdf_with_every_chart(wardwide, lang, title_word):
    p = subprocess.run([str(KYOTEN), "report", str(wardwide), "--lang", lang], capture_output=True, text=True,
                       timeout=600)
    assert p.returncode == 0, p.stderr
    html_path, pdf_path = wardwide / f"report_{lang}.html", wardwide / f"report_{lang}.pdf"
    assert str(html_path) in p.stdout and str(pdf_path) in p.stdout
    html = html_path.read_text(encoding="utf-8")
    expected = len(charts.report_charts(load_results(wardwide), lang))
    images = re.findall(r'<img[^>]+src="data:image/png;base64,([^"]+)"', html)
    assert len(images) == expected >= 8
    assert all(base64.b64decode(b)[:8] == PNG_MAGIC for b in images)
    assert "http://" not in html and "https://" not in html.replace("https://www.w3.org", "")
    assert title_word in html
    assert pdf_path.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, timeout=120).stdout
    assert title_word in text


def test_report_command_refuses_a_directory_without_results(tmp_path):
    p = subprocess.run([str(KYOTEN), "report", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and "summary.json" in p.stderr
    assert list(tmp_path.iterdir()) == []
