"""The HTML report is self-contained and complete; the PDF has every chart on its own page; the CLI works."""
import base64
import re
import shutil
import subprocess

import pytest

from conftest import PYTHON, REPO, chromium_path
from kyoten_analysis import build_report, labels
from kyoten_analysis.__main__ import main as cli_main
from make_fixture import VOCAB  # the vocabulary the fixture folders hold

CHART_IDS = ["fan_registrants", "fan_calls", "fan_emergencies", "fan_cost", "arrange_by_band", "outcome_mix",
             "bed_occupancy", "hub_rooms", "staff_heatmap", "cost_vs_budget"]


@pytest.fixture(scope="module")
def html_reports(results_dir, tmp_path_factory):
    out = {}
    for lang in ("ja", "en"):
        d = tmp_path_factory.mktemp(f"html_{lang}")
        rep = build_report(results_dir, lang=lang, out=d / f"report_{lang}.html", pdf_engine="none")
        out[lang] = (rep, rep.html.read_text(encoding="utf-8"))
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_chart_is_an_embedded_png(html_reports, lang):
    rep, doc = html_reports[lang]
    assert rep.charts == CHART_IDS
    imgs = re.findall(r'<img id="img-([a-z_]+)" src="data:image/png;base64,([A-Za-z0-9+/=]+)"', doc)
    assert [i for i, _ in imgs] == CHART_IDS
    for _, b64 in imgs:
        png = base64.b64decode(b64)
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    assert doc.count("<img") == len(CHART_IDS)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_texts_in_the_chosen_language(html_reports, res, lang):
    _, doc = html_reports[lang]
    t = labels.REPORT[lang]
    assert f'<html lang="{lang}">' in doc
    for key in ("headline", "charts", "budget_table", "assumptions", "stress", "all_kpis", "all_parameters"):
        assert t[key] in doc
    for cid in CHART_IDS:
        ct = labels.chart_text(cid, lang)
        assert labels.text("reading", lang) in doc
        assert _html_text(ct["title"]) in doc
        assert _html_text(ct["reading"]) in doc
    for k in VOCAB.data["kpis"]:
        if k["headline"]:
            assert _html_text(k[f"label_{lang}"]) in doc
    assert _html_text(res.title(lang)) in doc
    other = "en" if lang == "ja" else "ja"
    assert labels.REPORT[other]["headline"] not in doc


def _html_text(s):
    import html
    return html.escape(s)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_external_resources(html_reports, lang):
    _, doc = html_reports[lang]
    for attr in re.findall(r'(?:src|href|action|poster|data)\s*=\s*"([^"]*)"', doc):
        assert attr.startswith(("data:", "#")), attr
    assert "http://" not in doc and "https://" not in doc and "//cdn" not in doc
    assert "@import" not in doc and "url(" not in doc
    assert "<link" not in doc and "<iframe" not in doc
    assert "default-src 'none'" in doc  # the CSP forbids any network fetch even if something slipped in


def test_headline_table_has_cis(html_reports, res):
    _, doc = html_reports["ja"]
    row = res.kpi("calls")
    lo, hi = labels.fmt_number(row["ci_low"], 0), labels.fmt_number(row["ci_high"], 0)
    assert f"[{lo}, {hi}]" in doc
    assert "95%信頼区間" in doc


def test_assumptions_and_stress(html_reports):
    _, ja = html_reports["ja"]
    assert "緊急時バックアップセンター" in ja and "毎日 0〜24時 2人" in ja
    assert "拠点の緊急居室" in ja and "3室" in ja
    for heading in ("1. 目的", "2. ロジック", "3. データ", "4. 実験条件", "5. 実装", "6. コードの入手"):
        assert heading in ja
    assert "スチューデント t" in ja and "自由度 n−1" in ja and "反復" in ja and "乱数の種" in ja
    assert "Monks" in ja and "55–67" in ja
    _, en = html_reports["en"]
    assert "Student-t" in en and "n − 1 degrees of freedom" in en and "5 independent replications" in en
    assert "Seed 1" in en and "kyoten 0.1.0" in en
    assert "facilities[0].beds" in en  # every parameter in the appendix


def test_budget_table(html_reports):
    _, doc = html_reports["ja"]
    assert VOCAB.budget_line_label("center", "ja") in doc and "59,877" in doc
    assert "予算科目なし" in doc  # cost lines with no budget line are shown apart


def test_report_of_a_run_without_hub_or_budget(results_no_hub, tmp_path):
    rep = build_report(results_no_hub, lang="ja", out=tmp_path / "r.html", pdf_engine="none")
    doc = rep.html.read_text(encoding="utf-8")
    assert "emergency_beds" in rep.charts
    assert labels.chart_text("emergency_beds", "ja")["title"] in doc
    assert labels.text("no_budget", "ja") in doc


def _pdf_pages_text(pdf):
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                                           check=True).stdout).group(1))
    pages = [subprocess.run(["pdftotext", "-layout", "-f", str(i), "-l", str(i), str(pdf), "-"], capture_output=True,
                            text=True, check=True).stdout for i in range(1, n + 1)]
    return n, pages


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")


def _squash(s):
    return re.sub(r"\s+", "", s)


@needs_poppler
@pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed: the PDF falls back to matplotlib")
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_pdf_printed_by_chromium(fresh_copy, lang):
    rep = build_report(fresh_copy, lang=lang, pdf_engine="chromium")
    assert rep.pdf_engine == "chromium"
    assert rep.pdf == fresh_copy / f"report_{lang}.pdf" and rep.html == fresh_copy / f"report_{lang}.html"
    assert rep.pdf.read_bytes()[:5] == b"%PDF-"
    n, pages = _pdf_pages_text(rep.pdf)
    # the headline table first, then the charts in order and at most two a page, then budget, assumptions,
    # STRESS and appendices: the pages fill in order (issue 12: no page with a single chart and empty space)
    assert n <= 14
    assert _squash(labels.REPORT[lang]["headline"]) in _squash(pages[0])
    chart_pages = []
    for cid in CHART_IDS:
        title = _squash(labels.chart_text(cid, lang)["title"])
        found = [i for i, p in enumerate(pages) if title in _squash(p)]
        assert found, f"chart '{cid}' title not found in the PDF text"
        chart_pages.append(found[0])
    assert chart_pages == sorted(chart_pages), chart_pages
    assert max(chart_pages.count(p) for p in chart_pages) <= 2, chart_pages
    assert any(_squash(labels.REPORT[lang]["stress"]) in _squash(p) for p in pages)


@needs_poppler
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_pdf_drawn_by_matplotlib(fresh_copy, lang):
    rep = build_report(fresh_copy, lang=lang, pdf_engine="matplotlib")
    assert rep.pdf_engine == "matplotlib"
    n, pages = _pdf_pages_text(rep.pdf)
    assert n == rep.pdf_pages
    assert n <= 14
    assert _squash(labels.REPORT[lang]["headline"]) in _squash(pages[0])
    # pages 2 … 6 are the charts, in order, two a page, each with its title
    for i, cid in enumerate(CHART_IDS):
        page = 1 + i // 2
        assert _squash(labels.chart_text(cid, lang)["title"]) in _squash(pages[page]), (cid, pages[page][:200])
    assert any(_squash(labels.REPORT[lang]["stress"]) in _squash(p) for p in pages)


def test_auto_falls_back_to_matplotlib_without_chromium(fresh_copy, monkeypatch):
    monkeypatch.setenv("KYOTEN_CHROMIUM", str(fresh_copy / "no-such-browser"))
    rep = build_report(fresh_copy, lang="en")
    assert rep.pdf_engine == "matplotlib" and rep.pdf.exists()


def test_cli_report_prints_paths(fresh_copy, capsys):
    assert cli_main(["report", str(fresh_copy), "--lang", "en", "--pdf-engine", "none"]) == 0
    out = capsys.readouterr().out.split()
    assert out == [str(fresh_copy / "report_en.html")]


def test_cli_bad_input(tmp_path, capsys):
    assert cli_main(["report", str(tmp_path / "missing")]) == 2
    assert "no such results directory" in capsys.readouterr().err


def test_cli_as_a_module_with_the_debian_interpreter(fresh_copy, tmp_path):
    """What `kyoten report DIR` will run: $KYOTEN_PYTHON -m kyoten_analysis report DIR."""
    out = tmp_path / "out" / "r.html"
    env = {"PYTHONPATH": str(REPO / "analysis"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    p = subprocess.run([PYTHON, "-m", "kyoten_analysis", "report", str(fresh_copy), "--out", str(out)],
                       capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.split()
    assert lines[0] == str(out)
    assert out.exists()
    if len(lines) > 1:
        assert lines[1] == str(out.with_suffix(".pdf")) and out.with_suffix(".pdf").exists()


def test_cli_charts_and_fonts(fresh_copy, capsys):
    assert cli_main(["charts", str(fresh_copy), "--lang", "ja"]) == 0
    pngs = sorted((fresh_copy / "charts_ja").glob("*.png"))
    assert [p.stem.split("_", 1)[1] for p in pngs] == CHART_IDS
    assert cli_main(["check-fonts"]) == 0


def test_one_replication_and_a_short_horizon(tmp_path):
    """No CI can be computed from one replication: the report says '—' instead of failing."""
    import make_fixture
    d = make_fixture.make_fixture(tmp_path / "one", replications=1, months=5, hub_rooms=0, with_budget=False)
    rep = build_report(d, lang="en", pdf_engine="none")
    doc = rep.html.read_text(encoding="utf-8")
    assert doc.count("<img") == 10 and "—" in doc


def test_staff_table_by_center_and_duty(html_reports, res):
    # The fixture's busy time splits 0.3 / 0.5 / 0.2 between the duties, and its overtime is 2% of 150 scheduled
    # coordinator-hours at each weekday hour 18–20 (10 hours of the week): 30 hours per replication over its three
    # years, 10 a year, split in the same shares.
    from kyoten_analysis import tables
    st = tables.staff_table(res, "en").set_index("duty")
    assert list(st.index) == ["All duties", "Inquiries", "Emergency coordination", "Assessments"]
    assert (st["utilisation"] <= 1).all()
    assert st.loc["Inquiries", "utilisation"] == pytest.approx(0.3 * st.loc["All duties", "utilisation"])
    assert st.loc["All duties", "overtime_per_year"] == pytest.approx(10.0)
    assert st.loc["Emergency coordination", "overtime_per_year"] == pytest.approx(5.0)
    _, doc = html_reports["en"]
    assert 'id="staff"' in doc and "Emergency coordination" in doc


def html_tables(doc):
    """Each <table> of a document as (class, headers, rows of cell texts), read with the standard HTML parser."""
    from html.parser import HTMLParser

    class P(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tables, self.cell, self.row = [], None, None

        def handle_starttag(self, tag, attrs):
            if tag == "table":
                self.tables.append((dict(attrs).get("class", ""), [], []))
            elif tag == "tr":
                self.row = []
            elif tag in ("th", "td"):
                self.cell = ""

        def handle_endtag(self, tag):
            if tag in ("th", "td") and self.cell is not None:
                self.row.append((tag, self.cell))
                self.cell = None
            elif tag == "tr" and self.row is not None:
                kind = self.row[0][0] if self.row else "td"
                (self.tables[-1][1] if kind == "th" else self.tables[-1][2]).append([c for _, c in self.row])
                self.row = None

        def handle_data(self, data):
            if self.cell is not None:
                self.cell += data

    p = P()
    p.feed(doc)
    return [(cls, heads[0] if heads else [], rows) for cls, heads, rows in p.tables]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_table_has_as_many_headers_as_cells_and_the_kpi_appendix_its_own_headers(html_reports, lang):
    _, doc = html_reports[lang]
    t = labels.REPORT[lang]
    found = html_tables(doc)
    assert len(found) >= 6
    for cls, heads, rows in found:
        assert heads, cls
        for r in rows:
            assert len(r) == len(heads), (cls, heads, r)
    kpi_heads = [t["col_kpi"], t["col_mean"], t["col_ci"], t["col_range"], t["col_unit"], t["col_n"]]
    appendix = [h for cls, h, _ in found if cls == "kpis all"]
    assert appendix == [kpi_heads]  # not the budget table's 年度｜予算科目｜… (issue 12)
    assert t["col_budget_line"] not in appendix[0]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_total_says_period_total_with_its_period(html_reports, lang):
    _, doc = html_reports[lang]
    head = [rows for cls, _, rows in html_tables(doc) if cls == "kpis headline"][0]
    unit = {r[0]: r[4] for r in head}
    calls = VOCAB.kpi_label("calls", lang)
    ends = VOCAB.kpi_label("registrants_end", lang)
    assert unit[calls] == ("件（期間合計）" if lang == "ja" else "cases (period total)")
    assert "期間合計" not in unit[ends] and "period total" not in unit[ends]  # a state at the end is no total
    # the fixture runs 36 months from April 2024
    assert ("2024年4月1日〜2027年3月31日（36か月）" if lang == "ja" else "1 April 2024 – 31 March 2027 (36 months)") in doc


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_set_run_opens_with_a_banner_listing_every_override(fresh_copy, lang):
    import json
    s = json.loads((fresh_copy / "summary.json").read_text(encoding="utf-8"))
    s["overrides"] = ["hub.rooms=2", "calls.per_registrant_per_year=0.6"]
    (fresh_copy / "summary.json").write_text(json.dumps(s, ensure_ascii=False), encoding="utf-8")
    doc = build_report(fresh_copy, lang=lang, pdf_engine="none").html.read_text(encoding="utf-8")
    banner = re.search(r'<p class="banner" id="overrides">([^<]*)</p>', doc).group(1)
    assert "hub.rooms=2" in banner and "calls.per_registrant_per_year=0.6" in banner and "--set" in banner
    assert doc.index('id="overrides"') < doc.index('id="headline"')


def test_no_banner_without_overrides(html_reports):
    assert 'id="overrides"' not in html_reports["ja"][1]
