"""`kyoten report` on a `compare --out` folder: the options side by side, paired differences with their intervals
and minimum meaningful differences, cost by fiscal year per option — all from comparison.json (a hand-written
one here, in the documented format), in Japanese and English, every chart a decodable PNG and every table's
headers matching its rows."""
import base64
import io
import json
import re

import pytest

from kyoten_analysis import comparison_report as cr
from kyoten_analysis.__main__ import main as cli_main
from kyoten_analysis.report import build_comparison_report
import make_fixture
from test_report import html_tables

KEYS = {"answer_mean_min": "minutes", "arrange_mean_h": "hours", "arrange_within_4h": "share", "p_no_bed": "share",
        "staff_utilisation": "share", "overtime_hours": "hours", "cost_total_yen": "yen"}


def _kpis(shift):
    return [{"key": k, "unit": u, "mean": 10.0 + shift if u != "share" else 0.5 + shift / 100,
             "ci_low": 9.0 + shift if u != "share" else 0.45 + shift / 100,
             "ci_high": 11.0 + shift if u != "share" else 0.55 + shift / 100, "sd": 1.0, "n": 20}
            for k, u in KEYS.items()]


def _diff(k, u, d, mmd):
    return {"key": k, "label_ja": k + "（日本語）", "label_en": k + " (en)", "unit": u, "mean_versus": 10.0,
            "mean_scenario": 10.0 + d, "difference": d, "ci_low": d - 0.5, "ci_high": d + 0.5, "n": 20, "mmd": mmd,
            "verdict": "higher" if d > 0.5 else "not_clear", "sentence_ja": f"{k}の差", "sentence_en": f"{k} differs"}


def make_comparison(folder):
    folder.mkdir(parents=True)
    options = []
    for j, (label, shift) in enumerate((("base", 0.0), ("more-staff", 2.0), ("reserved-beds", -1.0))):
        options.append({"label": label, "file": f"scenarios/{label}.toml", "name": label,
                        "title_ja": f"案{j + 1}", "title_en": f"Option {j + 1}", "kpis": _kpis(shift),
                        "cost_by_fiscal_year": [{"fiscal_year": 2024, "mean": 6.0e7 + shift * 1e6, "ci_low": 5.9e7,
                                                 "ci_high": 6.1e7 + shift * 1e6, "sd": 1e5, "n": 20,
                                                 "budget_yen": 6.2e7}], "costs": []})
    diffs = [{"scenario": o["label"], "versus": "base",
              "kpis": [_diff(k, u, 2.0 if o["label"] == "more-staff" else -1.0, 0.1 if u != "yen" else 6e5)
                       for k, u in KEYS.items()],
              "cost_by_fiscal_year": [dict(_diff("cost_fy2024_yen", "yen", 2e6, 6e5), fiscal_year=2024)],
              "fiscal_years_not_shared": []} for o in options[1:]]
    data = {"kyoten_version": "0.1.0", "created": "2026-11-30T00:00:00Z", "command": "kyoten compare …", "seed": 1,
            "threads": 2, "replications": 20, "confidence_level": 0.95, "scenarios": options, "differences": diffs,
            "minimum_meaningful_differences": "Minimum meaningful differences (defaults): 1 min, …"}
    (folder / "comparison.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (folder / "vocabulary.json").write_text(make_fixture.VOCABULARY_TEXT, encoding="utf-8")
    return folder, data


@pytest.fixture(scope="module")
def comparison(tmp_path_factory):
    return make_comparison(tmp_path_factory.mktemp("cmp") / "cmp")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_comparison_report_charts_decode_and_tables_match(comparison, lang):
    import matplotlib.image as mpimg
    folder, data = comparison
    rep = build_comparison_report(folder, lang=lang, pdf_engine="none")
    assert rep.html == folder / f"report_{lang}.html"
    doc = rep.html.read_text(encoding="utf-8")
    assert rep.charts == ["options_side_by_side", "paired_differences", "option_costs"]
    imgs = re.findall(r'<img id="img-([a-z_]+)" src="data:image/png;base64,([A-Za-z0-9+/=]+)"', doc)
    assert [i for i, _ in imgs] == rep.charts
    for _, b64 in imgs:
        img = mpimg.imread(io.BytesIO(base64.b64decode(b64)), format="png")
        assert img.shape[0] > 200 and img.shape[1] > 400
    found = html_tables(doc)
    assert {c for c, _, _ in found} == {"options", "differences", "costs"}
    for cls, heads, rows in found:
        assert rows and all(len(r) == len(heads) for r in rows), cls
    assert cr.texts(lang)["report"] in doc and f'<html lang="{lang}">' in doc
    assert ("案2" if lang == "ja" else "Option 2") in doc


def test_differences_are_comparison_json_s_with_their_mmd(comparison):
    folder, data = comparison
    cmp = cr.load_comparison(folder)
    d = cr.paired_differences(cmp, "en").kyoten["data"].set_index(["option", "key"])
    # hours are drawn as they are; shares in %: a difference of 2.0 with ±0.5, MMD 0.1 → 200 ±50, MMD 10 points
    assert d.loc[("more-staff", "arrange_mean_h"), "difference"] == 2.0
    assert d.loc[("more-staff", "arrange_mean_h"), "mmd"] == pytest.approx(0.1)
    assert d.loc[("reserved-beds", "p_no_bed"), "ci_low"] == pytest.approx(-150.0)
    heads, rows = cr.difference_rows(cmp, "ja")
    row = [r for r in rows if r[0] == "more-staff" and r[1] == "arrange_mean_h（日本語）"][0]
    assert row[2] == "2.00 時間" and row[3] == "[1.50, 2.50]" and row[4] == "±0.10" and row[5] == "arrange_mean_hの差"
    costs = cr.option_costs(cmp, "ja").kyoten["data"]
    assert set(costs["budget"]) == {6.2e7}


def write_bands(folder, options):
    """monthly_bands.csv as compare writes it (docs/planning.md): 12 months from April 2024 for each option, with
    values no recomputation could give; emergencies of 1–3 a month, so they are drawn per quarter."""
    lines = ["scenario,series,period,start,months,n,mean,q05,q25,q50,q75,q95"]
    for j, o in enumerate(options):
        for m in range(12):
            start = f"{2024 + (m + 3) // 12}-{(m + 3) % 12 + 1:02d}"
            for series, base in (("registrants_end", 100 + 10 * j + m), ("calls", 20), ("emergencies", 2),
                                 ("cost_yen", 5e6 + 1e5 * j)):
                lines.append(f"{o},{series},month,{start},1,20,{base},{base - 4},{base - 1.5},{base},{base + 1.5},"
                             f"{base + 4}")
        for q, start in enumerate(("2024-04", "2024-07", "2024-10", "2025-01")):
            for series, base in (("calls", 60), ("emergencies", 6 + j + q)):
                lines.append(f"{o},{series},quarter,{start},3,20,{base},{base - 3},{base - 1},{base},{base + 1},"
                             f"{base + 3}")
    (folder / "monthly_bands.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_options_fans_are_overlaid_from_monthly_bands(comparison, tmp_path, lang):
    import matplotlib.image as mpimg
    import shutil
    folder = tmp_path / "cmp"
    shutil.copytree(comparison[0], folder)
    write_bands(folder, ["base", "more-staff", "reserved-beds"])
    rep = build_comparison_report(folder, lang=lang, pdf_engine="none")
    assert rep.charts == ["options_side_by_side", "paired_differences", "overlay_registrants", "overlay_emergencies",
                          "overlay_cost", "option_costs"]
    doc = rep.html.read_text(encoding="utf-8")
    for _, b64 in re.findall(r'<img id="img-([a-z_]+)" src="data:image/png;base64,([A-Za-z0-9+/=]+)"', doc):
        assert mpimg.imread(io.BytesIO(base64.b64decode(b64)), format="png").shape[0] > 200
    cmp = cr.load_comparison(folder)
    reg = cr.overlaid_fan(cmp, "registrants_end", "overlay_registrants", lang).kyoten["data"]
    row = reg[(reg["scenario"] == "more-staff") & (reg["start"] == "2024-06")].iloc[0]
    assert (row["q25"], row["q50"], row["q95"]) == (110.5, 112.0, 116.0)  # the file's figures, drawn as they are
    emerg = cr.overlaid_fan(cmp, "emergencies", "overlay_emergencies", lang).kyoten["data"]
    assert set(emerg["period"]) == {"quarter"}  # 2 a month: drawn per quarter, as the one-run report does
    assert emerg[(emerg["scenario"] == "reserved-beds") & (emerg["start"] == "2024-10")]["q50"].iloc[0] == 10


def test_a_cut_short_monthly_bands_file_is_bad_input(comparison, tmp_path, capsys):
    import shutil
    folder = tmp_path / "cmp"
    shutil.copytree(comparison[0], folder)
    (folder / "monthly_bands.csv").write_text("scenario,series,period,start\nbase,calls,mo", encoding="utf-8")
    assert cli_main(["report", str(folder), "--pdf-engine", "none"]) == 2
    assert "monthly_bands.csv" in capsys.readouterr().err


def test_cli_report_on_a_comparison_folder(comparison, capsys):
    folder, _ = comparison
    assert cli_main(["report", str(folder), "--lang", "en", "--pdf-engine", "none"]) == 0
    assert capsys.readouterr().out.split() == [str(folder / "report_en.html")]


def test_a_malformed_comparison_is_bad_input(tmp_path, capsys):
    d = tmp_path / "bad"
    d.mkdir()
    (d / "comparison.json").write_text('{"scenarios": []}', encoding="utf-8")
    assert cli_main(["report", str(d), "--pdf-engine", "none"]) == 2
    assert "scenarios" in capsys.readouterr().err
