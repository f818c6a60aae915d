"""The report of one run: a self-contained HTML file (charts embedded as base64 PNG, no external resources) and
the same content as PDF — printed by headless Chromium when it is installed, otherwise drawn page by page
with matplotlib's PdfPages."""
from __future__ import annotations

import base64
import datetime as _dt
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import charts, labels, stress, style, tables, year_table
from . import document as D
from .results import Results, load_results

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-extensions", "--mute-audio",
                  "--no-default-browser-check"]
PDF_ENGINES = ("auto", "chromium", "matplotlib", "none")


@dataclass
class Report:
    html: Path
    pdf: Path | None
    pdf_engine: str | None
    charts: list = field(default_factory=list)  # chart ids, in order
    pdf_pages: int | None = None


def find_chromium() -> str | None:
    """Headless browser for printing: $KYOTEN_CHROMIUM, else chromium / chromium-browser on PATH or /usr/bin."""
    env = os.environ.get("KYOTEN_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def default_paths(res_dir: Path, lang: str, out) -> tuple[Path, Path]:
    """DIR/report_<lang>.html and .pdf; --out names the HTML file (a .html path) or a directory."""
    name = f"report_{lang}"
    if out is None:
        base = Path(res_dir) / name
    else:
        out = Path(out)
        base = out.with_suffix("") if out.suffix.lower() in (".html", ".htm", ".pdf") else out / name
    return base.with_suffix(".html"), base.with_suffix(".pdf")


def build_report(source, lang: str = "ja", out=None, pdf_engine: str = "auto") -> Report:
    """Write the HTML (and PDF) report of a results directory; returns their paths."""
    labels.check_lang(lang)
    if pdf_engine not in PDF_ENGINES:
        raise ValueError(f"pdf_engine must be one of {', '.join(PDF_ENGINES)}")
    res = source if isinstance(source, Results) else load_results(source)
    html_path, pdf_path = default_paths(res.path, lang, out)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    figs = charts.report_charts(res, lang)
    doc = render_html(res, lang, figs)
    _atomic_write(html_path, doc.encode("utf-8"))
    report = Report(html=html_path, pdf=None, pdf_engine=None, charts=[f.kyoten["id"] for f in figs])
    if pdf_engine == "none":
        return report
    if pdf_engine in ("auto", "chromium"):
        browser = find_chromium()
        if browser:
            if _print_without_a_near_empty_last_page(doc, html_path, pdf_path, browser):
                report.pdf, report.pdf_engine = pdf_path, "chromium"
                return report
        if pdf_engine == "chromium":
            raise RuntimeError("headless Chromium could not print the PDF" if browser else "Chromium is not installed")
    report.pdf_pages = pdf_with_matplotlib(one_run_document(res, lang, charts.report_charts(res, lang)), pdf_path)
    report.pdf, report.pdf_engine = pdf_path, "matplotlib"
    return report


def build_comparison_report(path, lang: str = "ja", out=None, pdf_engine: str = "auto") -> Report:
    """The report of a `kyoten compare --out DIR` folder (comparison_report.py), written like the one-run
    report: DIR/report_<lang>.html and .pdf."""
    from . import comparison_report as cr
    labels.check_lang(lang)
    cmp = cr.load_comparison(path)
    t, tr = cr.texts(lang), labels.REPORT[lang]
    d = cmp.data
    title = " ／ ".join(f"{cr._letter(j)} {cmp.title(o, lang)}" for j, o in enumerate(cmp.options))

    def body(figs):
        return [D.Heading(t["options"], "options", first=True),
                D.Paragraph(t["intro"].format(n=d.get("replications", "—"))),
                D.Table(*cr.options_rows(cmp, lang), "options", pdf_widths=[20, 40, 40]),
                D.Paragraph(str(d.get("minimum_meaningful_differences", ""))),
                D.Heading(tr["charts"], "charts"), *_figures(figs, lang),
                D.Heading(t["differences"], "differences"),
                D.Table(*cr.difference_rows(cmp, lang), "differences", (2, 3, 4), pdf_widths=[14, 22, 14, 14, 10, 26],
                        pdf_size=7.0),
                D.Heading(t["cost"], "costs"), D.Table(*cr.cost_rows(cmp, lang), "costs", (2, 3, 4))]

    return _write_decision_report(cmp.path, d, lang, out, pdf_engine, t["report"], title,
                                  lambda: cr.comparison_charts(cmp, lang), body)


def build_optimize_report(path, lang: str = "ja", out=None, pdf_engine: str = "auto") -> Report:
    """The report of a `kyoten optimize --out DIR` folder (optimize_report.py): the choice, its runners-up and
    every configuration."""
    from . import optimize_report as orp
    labels.check_lang(lang)
    opt = orp.load_optimize(path)
    t, tr = orp.texts(lang), labels.REPORT[lang]
    d = opt.data
    targets = ", ".join(str(x) for x in d.get("targets") or [])
    cost = opt.vocab.kpi_label(str(d.get("cost_kpi", "cost_total_yen")), lang)
    verdict = t["none"] if opt.choice is None else t["clearly"] if d.get("choice_clearly_cheapest") else t["not_clearly"]

    def body(figs):
        return [D.Heading(t["choice"], "choice", first=True),
                D.Paragraph(f'{t["intro"].format(targets=targets, cost=cost)} {verdict}'),
                D.Table(*orp.choice_rows(opt, lang), "choice", (2, 3, 4)),
                D.Heading(tr["charts"], "charts"), *_figures(figs, lang),
                D.Heading(t["all"], "configurations"),
                D.Table(*orp.configuration_rows(opt, lang), "configurations", (3, 4, 5))]

    return _write_decision_report(opt.path, d, lang, out, pdf_engine, t["report"], str(d.get("scenario_file", "")),
                                  lambda: [orp.optimize_costs(opt, lang)], body)


def build_sweep_report(path, lang: str = "ja", out=None, pdf_engine: str = "auto") -> Report:
    """The report of a `kyoten sweep` database (sweep_report.py), written beside it as
    <name>_report_<lang>.html/.pdf unless --out says otherwise."""
    from . import sweep_report as sr
    labels.check_lang(lang)
    sw = sr.load_sweep(path)
    t, tr = sr.texts(lang), labels.REPORT[lang]
    meta = sw.meta
    out = out or sw.path.with_name(f"{sw.path.stem}_report_{lang}.html")

    def body(figs):
        return [D.Heading(t["report"], "sweep", first=True),
                D.Paragraph(t["intro"].format(keys=", ".join(sw.varied_keys), n=meta.get("replications", "—"))),
                D.Heading(tr["charts"], "charts"), *_figures(figs, lang),
                D.Heading(t["points"], "points"), D.Table(*sr.point_rows(sw, lang), "points")]

    return _write_decision_report(sw.path.parent, meta, lang, out, pdf_engine, t["report"],
                                  str(meta.get("scenario_file", "")), lambda: sr.sweep_charts(sw, lang), body)


def _write_decision_report(folder, data: dict, lang, out, pdf_engine, heading, subtitle, make_figs, body) -> Report:
    """HTML (and PDF) of a compare, optimize or sweep report: heading, provenance, the body (document blocks)
    built around the charts."""
    html_path, pdf_path = default_paths(folder, lang, out)
    html_path.parent.mkdir(parents=True, exist_ok=True)

    def document(figs) -> D.Document:
        facts = [f"kyoten {data.get('kyoten_version', '—')}", str(data.get("command", "")), str(data.get("created", ""))]
        doc = D.Document(lang, labels.REPORT[lang]["html_lang"], f"{heading} — {subtitle}",
                         str(data.get("kyoten_version", "")))
        doc.blocks = [D.Heading(heading, level=1), D.Paragraph(subtitle, "subtitle"),
                      D.Paragraph(" ／ ".join(x for x in facts if x), "meta"), *body(figs)]
        return doc

    figs = make_figs()
    html = D.render_html(document(figs), CSS, CHECK_SCRIPT, CSP)
    _atomic_write(html_path, html.encode("utf-8"))
    report = Report(html=html_path, pdf=None, pdf_engine=None, charts=[f.kyoten["id"] for f in figs])
    if pdf_engine == "none":
        return report
    browser = find_chromium() if pdf_engine in ("auto", "chromium") else None
    if browser and print_pdf_chromium(html_path, pdf_path, browser):
        report.pdf, report.pdf_engine = pdf_path, "chromium"
        return report
    if pdf_engine == "chromium":
        raise RuntimeError("headless Chromium could not print the PDF" if browser else "Chromium is not installed")
    report.pdf_pages = pdf_with_matplotlib(document(make_figs()), pdf_path)
    report.pdf, report.pdf_engine = pdf_path, "matplotlib"
    return report


# Print sizes of the appendices (every indicator, every setting), tried in turn when the last page would hold less than half a
# page: the appendix ends the report, so its size decides how far the last page fills.
APPENDIX_SIZES_PT = (6.5, 7.0, 6.0, 7.5, 5.5, 8.0)
MIN_LAST_PAGE_FILL = 0.5


def _print_without_a_near_empty_last_page(doc: str, html_path: Path, pdf_path: Path, browser: str) -> bool:
    """Print with the appendix at each size of APPENDIX_SIZES_PT until the last page is at least half full
    (measured with poppler), keeping the layout with the fewest pages among those; without poppler, the first.
    The HTML left at html_path is the one printed."""
    from . import pdf_pages
    best = None  # (pages, -last fill, size)
    for size in APPENDIX_SIZES_PT:
        _atomic_write(html_path, _with_appendix_size(doc, size).encode("utf-8"))
        if not print_pdf_chromium(html_path, pdf_path, browser):
            return False
        if not pdf_pages.available():
            return True
        _, fills = pdf_pages.page_size_and_fill(pdf_path)
        key = (len(fills) if fills[-1] >= MIN_LAST_PAGE_FILL else 10_000, -fills[-1], size)
        best = min(best, key) if best else key
        if fills[-1] >= MIN_LAST_PAGE_FILL or len(fills) == 1:
            return True
    _atomic_write(html_path, _with_appendix_size(doc, best[2]).encode("utf-8"))
    return print_pdf_chromium(html_path, pdf_path, browser)


def _with_appendix_size(doc: str, size_pt: float) -> str:
    return doc.replace("</head>", f"<style>@media print {{ table.params, table.kpis.all {{ font-size: {size_pt:g}pt; }} }}</style></head>", 1)


def _figures(figs, lang: str) -> list:
    """The charts as numbered document blocks (each printed with its title and reading as text)."""
    return [D.Figure(f, i + 1, labels.text("reading", lang)) for i, f in enumerate(figs)]


def _atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary name in the same directory and rename, so no reader sees half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual permissions
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# --- HTML ------------------------------------------------------------------------------------------------
CSS = """
@page { size: A4; margin: 14mm 13mm; }
html { font-family: "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "Hiragino Sans", "Yu Gothic", sans-serif;
       color: #1a1a1a; line-height: 1.6; }
body { max-width: 1000px; margin: 0 auto; padding: 1.2em 1.5em 3em; font-size: 15px; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.3em; border-bottom: 2px solid #0072B2; padding-bottom: .15em; margin-top: 1.8em; }
h3 { font-size: 1.1em; margin: .3em 0 .4em; }
.subtitle { color: #444; margin: 0 0 1em; }
.banner { background: #FFF5E0; border-left: 4px solid #E69F00; padding: .4em .6em; font-weight: bold; }
.meta { font-size: .85em; color: #555; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; font-size: .9em; }
th, td { border: 1px solid #ccc; padding: .3em .5em; vertical-align: top; }
th { background: #eef4fa; text-align: left; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; background: #f7f7f7; }
tr.over td.diff { color: #b00020; font-weight: bold; }
.intro { font-size: .92em; color: #333; }
figure.chart { margin: 0 0 1.5em; page-break-inside: avoid; break-inside: avoid; }
figure.chart img { width: 100%; height: auto; display: block; border: 1px solid #e5e5e5; }
figcaption { font-size: .92em; margin-top: .35em; background: #f6f8fa; padding: .4em .6em; border-left: 4px solid #0072B2; }
figcaption b { margin-right: .3em; }
.toc ol { margin: .2em 0; }
.stress td:first-child { width: 28%; }
table.params { font-size: .78em; }
table.params td:nth-child(odd) { font-family: monospace; word-break: break-all; }
@media print {
  /* The pages fill in reading order: no forced page breaks, so no page holds two lines. A chart (heading,
     image, reading) is never split; at most 100 mm high, two fit on an A4 page. */
  body { max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.4; }
  h2 { margin-top: 1.1em; break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure.chart { margin: 0 0 .8em; }
  figure.chart img { max-height: 96mm; width: auto; max-width: 100%; margin: 0 auto; }
  figcaption { font-size: 8.5pt; padding: .25em .5em; }
  table { font-size: 8pt; margin: .3em 0 .6em; }
  th, td { padding: .15em .35em; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  table.params, table.kpis.all { font-size: 6.5pt; }
  table.fiscal-years { font-size: 7pt; }
  table.params td, table.params th, table.kpis.all td, table.kpis.all th { padding: .05em .3em; }
  .toc { display: none; }
  a { color: inherit; text-decoration: none; }
}
"""

# Records on <body> whether every chart image decoded (naturalWidth > 0); read by the browser test.
CHECK_SCRIPT = """
(function () {
  function check() {
    var imgs = document.images, ok = 0, broken = [];
    for (var i = 0; i < imgs.length; i++) {
      if (imgs[i].complete && imgs[i].naturalWidth > 0) { ok++; } else { broken.push(imgs[i].id || String(i)); }
    }
    document.body.setAttribute("data-images-total", String(imgs.length));
    document.body.setAttribute("data-images-rendered", String(ok));
    document.body.setAttribute("data-images-broken", broken.join(" "));
    document.body.setAttribute("data-check", "done");
  }
  if (document.readyState === "complete") { check(); } else { window.addEventListener("load", check); }
})();
"""

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


def figure_png_base64(fig) -> str:
    return base64.b64encode(style.to_png(fig)).decode("ascii")


def _budget_rows(bt: pd.DataFrame, t: dict):
    """Headers, rows and numeric columns of the budget table; the cost-lines column only when a row sums
    several cost lines (those no budget line covers)."""
    show_lines = not bt["same_name"].all()
    headers = [t["col_fy"], t["col_budget_line"]] + ([t["col_cost_lines"]] if show_lines else []) + \
        [t["col_budget"], t["col_cost"], t["col_cost_ci"], t["col_diff"]]
    rows = [[r["fiscal_year"], r["budget_line"]] + ([r["cost_lines"]] if show_lines else []) +
            [r["budget"], r["cost"], r["ci"], r["diff"]] for r in bt.to_dict("records")]
    first = 3 if show_lines else 2
    return headers, rows, tuple(range(first, first + 4))


def _risk_rows(rt: pd.DataFrame, t: dict):
    """Headers and rows of the budget-risk table (tables.budget_risk_table)."""
    headers = [t["col_fy"], t["col_budget_line"], t["col_budget_compared"], t["col_cost"], t["col_cost_range"],
               t["col_p_over"], t["col_flag"]]
    return headers, [[r["fiscal_year"], r["budget_line"], r["budget"], r["cost"], r["range"], r["p_over"], r["flag"]]
                     for r in rt.to_dict("records")]


def _kpi_headers(t: dict) -> list[str]:
    return [t["col_kpi"], t["col_mean"], t["col_ci"], t["col_range"], t["col_unit"], t["col_n"]]


def _kpi_rows(kt: pd.DataFrame):
    return [[r["label"], r["mean"], r["ci"], r["range"], r["unit"], r["n"]] for r in kt.to_dict("records")]


def _staff_headers(t: dict) -> list[str]:
    return [t["col_center"], t["col_duty"], t["col_utilisation"], t["col_overtime_per_year"]]


def _staff_rows(res: Results, lang: str):
    return [[r["center"], r["duty"], tables.percent(r["utilisation"]), f'{r["overtime_per_year"]:,.1f}']
            for r in tables.staff_table(res, lang).to_dict("records")]


def _variance_headers(t: dict) -> list[str]:
    return [t["col_kpi"], t["col_param_share"], t["col_sd_total"], t["col_sd_stochastic"], t["col_sd_parameter"],
            t["col_unit"]]


def _variance_rows(vt: pd.DataFrame):
    return [[r["label"], r["share"], r["sd_total"], r["sd_stochastic"], r["sd_parameter"], r["unit"]]
            for r in vt.to_dict("records")]


def _params_side_by_side(res: Results, t: dict):
    """Every setting as (key, value) pairs in two halves side by side: the appendix takes half the pages."""
    rows = tables.flatten(res.scenario)
    half = (len(rows) + 1) // 2
    left, right = rows[:half], rows[half:] + [["", ""]] * (half - len(rows[half:]))
    return ["key", t["col_value"], "key", t["col_value"]], [list(a) + list(b) for a, b in zip(left, right)]


def render_html(res: Results, lang: str, figs) -> str:
    """The one-run report as HTML (templates/report.html.j2)."""
    return D.render_html(one_run_document(res, lang, figs), CSS, CHECK_SCRIPT, CSP)


def one_run_document(res: Results, lang: str, figs) -> D.Document:
    """The one-run report as document blocks, in reading order; HTML and the matplotlib PDF both render it."""
    t = labels.REPORT[lang]
    title = res.title(lang)
    year_headers, year_rows = year_table.fiscal_year_rows(res, lang)
    sections = [("headline", t["headline"])] + ([("fiscal-years", t["fiscal_years"])] if year_rows else []) + [
                ("variance-split", t["variance_split"]), ("charts", t["charts"]), ("budget", t["budget_table"]),
                ("staff", t["staff_table"]), ("assumptions", t["assumptions"]), ("stress", t["stress"]),
                ("all-kpis", t["all_kpis"]), ("parameters", t["all_parameters"])]
    doc = D.Document(lang, t["html_lang"], f"{title} — {t['report']}", str(res.summary.get("kyoten_version", "")))
    b = doc.blocks
    b += [D.Heading(title, level=1), D.Paragraph(t["report"], "subtitle"),
          D.Paragraph(" ／ ".join(_run_facts(res, lang)), "meta")]
    if _overrides_banner(res, lang):
        b.append(D.Paragraph(_overrides_banner(res, lang), "banner", anchor="overrides"))
    b.append(D.Toc(t["toc"], sections))
    # headline KPIs
    kt = tables.kpi_table(res, lang, headline_only=True)
    b += [D.Heading(t["headline"], "headline", first=True),
          D.Paragraph(f'{t["headline_intro"]} {_period_sentence(res, lang)}'),
          D.Table(_kpi_headers(t), _kpi_rows(kt), "kpis headline", (1, 2, 3, 5), pdf_widths=[34, 12, 20, 20, 8, 6])]
    # per fiscal year
    if year_rows:
        n_years = len(year_headers) - 2
        b += [D.Heading(t["fiscal_years"], "fiscal-years"), D.Paragraph(t["fiscal_years_intro"]),
              D.Table(year_headers, year_rows, "fiscal-years", tuple(range(2, len(year_headers))),
                      pdf_widths=[26, 8] + [66 / n_years] * n_years, pdf_size=7.0)]
    # where the spread comes from
    vt = tables.variance_split_table(res, lang)
    b.append(D.Heading(t["variance_split"], "variance-split"))
    if vt.empty:
        b.append(D.Paragraph(t["variance_split_na"]))
    else:
        b += [D.Paragraph(t["variance_split_intro"]),
              D.Table(_variance_headers(t), _variance_rows(vt), "variance-split", (1, 2, 3, 4),
                      pdf_widths=[34, 14, 14, 14, 14, 10])]
    # charts
    b.append(D.Heading(t["charts"], "charts"))
    if not vt.empty:
        b.append(D.Paragraph(t["fan_with_parameters"]))
    b += _figures(figs, lang)
    # budget
    b.append(D.Heading(t["budget_table"], "budget"))
    bt = tables.budget_table(res, lang)
    if bt.empty:
        b.append(D.Paragraph(t["no_budget"]))
    else:
        headers, rows, num = _budget_rows(bt, t)
        rcls = [(("total" if r["total"] else "") + (" over" if r["over"] else "")).strip() for r in bt.to_dict("records")]
        b += [D.Paragraph(t["budget_intro"]),
              D.Table(headers, [r[:-1] + [(r[-1], "diff")] for r in rows], "budget", num, rcls,
                      pdf_widths=[16, 16, 22, 10, 10, 16, 10] if len(headers) == 7 else [18, 24, 12, 12, 20, 12])]
    rt = tables.budget_risk_table(res, lang)
    if not rt.empty:
        b += [D.Heading(t["budget_risk"], "budget-risk", level=3), D.Paragraph(t["budget_risk_intro"]),
              D.Table(*_risk_rows(rt, t), "budget-risk", (2, 3, 4, 5),
                      [(("total" if r["total"] else "") + (" over" if r["over"] else "")).strip()
                       for r in rt.to_dict("records")], pdf_widths=[12, 18, 18, 11, 17, 17, 7])]
    nt = tables.net_cost_table(res, lang)
    if not nt.empty:
        b += [D.Paragraph(t["net_cost_intro"]),
              D.Table([t["col_fy"], t["col_revenue"], t["col_net"], t["col_cost_range"]],
                      nt[["fiscal_year", "revenue", "net", "range"]].values.tolist(), "net-cost", (1, 2, 3))]
    # utilisation and overtime by center and duty
    b += [D.Heading(t["staff_table"], "staff"), D.Paragraph(t["staff_intro"]),
          D.Table(_staff_headers(t), _staff_rows(res, lang), "staff", (2, 3), pdf_widths=[34, 34, 14, 18])]
    # assumptions
    b += [D.Heading(t["assumptions"], "assumptions"), D.Paragraph(t["assumptions_intro"]),
          D.Table([t["col_item"], t["col_value"]], tables.assumption_rows(res, lang), "assumptions",
                  pdf_widths=[30, 70])]
    # STRESS-DES
    b += [D.Heading(t["stress"], "stress"), D.Paragraph(t["stress_intro"])]
    for heading, items in stress.stress_sections(res, lang):
        b += [D.Heading(heading, level=3), D.Table([t["col_item"], t["col_content"]], items, "stress", pdf_widths=[26, 74])]
    # appendices: printed small (the parameters at the size the appendix-size search sets in the browser)
    # Mechanisms the scenario does not use (0 or undefined in every replication) are left out, and counted.
    every_kpi = tables.kpi_table(res, lang, headline_only=False)
    shown_kpis = tables.kpi_table(res, lang, headline_only=False, omit_never_happened=True)
    left_out = len(every_kpi) - len(shown_kpis)
    b += [D.Heading(t["all_kpis"], "all-kpis"), D.Paragraph(_period_sentence(res, lang))]
    if left_out:
        b += [D.Paragraph(t["omitted_never_happened"].format(n=left_out))]
    b += [D.Table(_kpi_headers(t), _kpi_rows(shown_kpis), "kpis all",
                  (1, 2, 3, 5), pdf_widths=[34, 12, 20, 20, 8, 6], pdf_size=6.5)]
    b += [D.Heading(t["all_parameters"], "parameters"),
          D.Table(*_params_side_by_side(res, t), "params", pdf_widths=[26, 24, 26, 24], pdf_size=6.0)]
    return doc


def _overrides_banner(res: Results, lang: str) -> str:
    """A run with --set is not the scenario file as written: the report opens by saying what was changed."""
    overrides = [str(o) for o in res.summary.get("overrides") or []]
    if not overrides:
        return ""
    sep = labels.catalogue(lang)["tables"]["sep"]
    return labels.text("overrides_banner", lang).format(overrides=sep.join(overrides))


def _period_sentence(res: Results, lang: str) -> str:
    """What 期間合計 in the unit column means: the sum over the whole simulated period, which it names."""
    hz = res.summary.get("horizon") or {}
    if not hz.get("start") or not hz.get("end"):
        return labels.text("period_sentence_whole", lang)
    return labels.text("period_sentence", lang).format(period=labels.period_text(hz["start"], hz["end"], lang))


def _run_facts(res: Results, lang: str) -> list[str]:
    s = res.summary
    hz = s.get("horizon") or {}
    t = labels.catalogue(lang)["report"]
    facts = []
    if hz.get("start"):
        facts.append(t["fact_period"].format(start=hz.get("start"), end=hz.get("end")))
    facts.append(t["fact_replications"].format(n=res.replications))
    if s.get("seed") is not None:
        facts.append(t["fact_seed"].format(seed=s.get("seed")))
    if s.get("scenario_file"):
        facts.append(t["fact_scenario"].format(file=s["scenario_file"]))
    facts.append(f"{t['version']} {s.get('kyoten_version', '—')}")
    if s.get("created"):
        facts.append(t["fact_run"].format(created=s["created"]))
    facts.append(f"{labels.text('generated', lang)} {_dt.datetime.now().strftime('%Y-%m-%d %H:%M')}")
    return facts


# --- PDF -------------------------------------------------------------------------------------------------
def print_pdf_chromium(html_path: Path, pdf_path: Path, browser: str, timeout: float = 180.0) -> bool:
    """Print the HTML to PDF with headless Chromium (offline: the page loads nothing). True on success."""
    html_path, pdf_path = Path(html_path).resolve(), Path(pdf_path).resolve()
    with tempfile.TemporaryDirectory(prefix="kyoten-chromium-") as profile:
        tmp_pdf = Path(profile) / "out.pdf"
        cmd = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
               "--print-to-pdf-no-header", f"--print-to-pdf={tmp_pdf}", html_path.as_uri()]
        try:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return False
        if not tmp_pdf.exists() or tmp_pdf.stat().st_size == 0 or tmp_pdf.read_bytes()[:5] != b"%PDF-":
            return False
        _atomic_write(pdf_path, tmp_pdf.read_bytes())
    return True


_A4 = (8.27, 11.69)


class _TextPages:
    """Text laid out on A4 pages with matplotlib: headings, paragraphs and simple tables."""

    def __init__(self, pdf, title: str):
        self.pdf, self.title = pdf, title
        self.fig = None
        self.y = 0.0
        self.pages = 0
        self.left, self.right, self.top, self.bottom = 0.07, 0.95, 0.94, 0.05

    def _new_page(self):
        self.flush()
        from matplotlib.figure import Figure
        self.fig = Figure(figsize=_A4)
        self.fig.text(self.left, 0.975, self.title, fontsize=8, color="#666666", va="top")
        self.y = self.top

    def flush(self):
        if self.fig is not None:
            self.pdf.savefig(self.fig)
            self.pages += 1
            self.fig = None

    def _need(self, h: float):
        if self.fig is None or self.y - h < self.bottom:
            self._new_page()

    def heading(self, text: str, size: float = 14):
        h = size * 2.0 / 72 / _A4[1]
        self._need(h * 3)
        self.fig.text(self.left, self.y, text, fontsize=size, fontweight="bold", va="top")
        self.y -= h

    def paragraph(self, text: str, size: float = 9.5):
        width_em = (self.right - self.left) * _A4[0] * 72 / size
        for line in charts.wrap(text, width_em):
            h = size * 1.5 / 72 / _A4[1]
            self._need(h)
            self.fig.text(self.left, self.y, line, fontsize=size, va="top")
            self.y -= h
        self.y -= size * 0.6 / 72 / _A4[1]

    def table(self, headers, rows, widths, size: float = 8.0, num_cols=()):
        total = sum(widths)
        xs, x = [], self.left
        for w in widths:
            xs.append(x)
            x += w / total * (self.right - self.left)
        col_w = [w / total * (self.right - self.left) for w in widths]
        line_h = size * 1.45 / 72 / _A4[1]

        def draw(cells, bold=False):
            wrapped = [charts.wrap(str(c), max(4.0, cw * _A4[0] * 72 / size - 1)) or [""] for c, cw in zip(cells, col_w)]
            n = max(len(w) for w in wrapped)
            self._need(n * line_h + line_h * 0.4)
            for j, lines in enumerate(wrapped):
                if j in num_cols and not bold:
                    self.fig.text(xs[j] + col_w[j] - 0.005, self.y, "\n".join(lines), fontsize=size, va="top",
                                  ha="right", linespacing=1.3)
                else:
                    self.fig.text(xs[j], self.y, "\n".join(lines), fontsize=size, va="top",
                                  fontweight="bold" if bold else "normal", linespacing=1.3)
            self.y -= n * line_h + line_h * 0.35
            self.fig.add_artist(_hline(self.left, self.right, self.y + line_h * 0.2))

        draw(headers, bold=True)
        for r in rows:
            draw(r)
        self.y -= line_h


def _hline(x0, x1, y):
    from matplotlib.lines import Line2D
    return Line2D([x0, x1], [y, y], color="#CCCCCC", lw=0.5)


def _chart_page(figs, header: str, lang: str):
    """An A4 page with up to two charts, one above the other: each its title and reading as text (searchable
    in the PDF) around the chart's image."""
    import matplotlib.image as mpimg
    import io
    from matplotlib.figure import Figure

    page = Figure(figsize=_A4)
    page.text(0.07, 0.975, header, fontsize=8, color="#666666", va="top")
    slot_h = 0.47
    for k, fig in enumerate(figs):
        meta = fig.kyoten
        top = 0.955 - k * slot_h
        page.text(0.07, top, meta["title"], fontsize=11.5, fontweight="bold", va="top")
        reading = labels.fmt("reading_prefix", lang, reading=labels.text("reading", lang)) + meta["reading"]
        lines = charts.wrap(reading, (0.86 * _A4[0] * 72) / 8.5)
        reading_h = len(lines) * 8.5 * 1.4 / 72 / _A4[1]
        img = mpimg.imread(io.BytesIO(style.to_png(charts.without_title_and_reading(fig))), format="png")
        box_top, box_bottom = top - 0.03, top - slot_h + reading_h + 0.02
        ax = page.add_axes((0.07, box_bottom, 0.86, box_top - box_bottom))
        ax.imshow(img)
        ax.set_anchor("N")
        ax.axis("off")
        page.text(0.07, box_bottom - 0.008, "\n".join(lines), fontsize=8.5, va="top", linespacing=1.35,
                  color="#333333")
    return page


def pdf_with_matplotlib(doc: D.Document, pdf_path: Path) -> int:
    """A document as PDF without a browser: text pages (headings, paragraphs, tables) in reading order, the
    charts two to a page, each with its title and reading. A heading directly above charts is left out (the
    chart pages carry their own titles). Returns the page count."""
    from matplotlib.backends.backend_pdf import PdfPages

    header = doc.title
    pdf_path = Path(pdf_path)
    fd, tmp = tempfile.mkstemp(prefix=f".{pdf_path.name}.", dir=pdf_path.parent)
    os.close(fd)
    try:
        with PdfPages(tmp, metadata={"Title": header, "Creator": "kyoten_analysis"}) as pdf:
            tp = _TextPages(pdf, header)
            chart_pages = 0
            waiting = []  # charts not yet printed

            def print_charts():
                nonlocal chart_pages
                if not waiting:
                    return
                tp.flush()
                for i in range(0, len(waiting), 2):
                    pdf.savefig(_chart_page(waiting[i:i + 2], header, doc.lang))
                    chart_pages += 1
                waiting.clear()

            blocks = doc.blocks
            for i, block in enumerate(blocks):
                if isinstance(block, D.Figure):
                    waiting.append(block.fig)
                    continue
                print_charts()
                if isinstance(block, D.Heading):
                    if i + 1 < len(blocks) and isinstance(blocks[i + 1], D.Figure):
                        continue
                    tp.heading(block.text, {1: 16, 2: 14}.get(block.level, 11))
                elif isinstance(block, D.Paragraph):
                    tp.paragraph(block.text)
                elif isinstance(block, D.Table):
                    tp.table(block.headers, block.plain_rows(), block.pdf_widths or [1] * len(block.headers),
                             size=block.pdf_size, num_cols=block.num_cols)
            print_charts()
            tp.flush()
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, pdf_path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return tp.pages + chart_pages
