"""The reader against the real writer: run `kyoten run` on shipped scenarios and read, chart and report the
results directory. Skipped, with the reason, while there is no kyoten binary with `run`."""
import subprocess

import pytest

import make_fixture
from conftest import REPO, kyoten_binary
from kyoten_analysis import build_report, charts, load_results

KYOTEN, WHY_NOT = kyoten_binary()
pytestmark = pytest.mark.skipif(KYOTEN is None, reason=WHY_NOT or "")


@pytest.mark.parametrize("scenario, rooms", [("setagaya-fy2023.toml", 0), ("large-city-hub.toml", 3)])
def test_real_results_directory(scenario, rooms, tmp_path):
    out = tmp_path / "run"
    p = subprocess.run([str(KYOTEN), "run", str(REPO / "scenarios" / scenario), "--replications", "4", "--out", str(out),
                        "--quiet"], capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    res = load_results(out)
    assert res.replications == 4 and res.hub_rooms == rooms
    assert set(res.vocab.kpi_keys) <= set(res.kpis.columns)
    # The vocabulary the synthetic fixtures carry is kyoten's own, byte for byte.
    assert (out / "vocabulary.json").read_text(encoding="utf-8") == make_fixture.VOCABULARY_TEXT
    if scenario == "setagaya-fy2023.toml":
        # It states no [experience] section: kyoten used the default lead time, 14 days (scenarios/README.md),
        # and says so; the band hours and warm-up are as the file states them.
        assert res.settings_used["experience"] == {"lead_days": 14}
        assert res.band_hours == {"day_start": 9, "evening_start": 17, "night_start": 22}
        assert res.settings_used["warmup_days"] == 28
        assert res.total_beds == sum(f["beds"] for f in res.scenario["facilities"])
    db = load_results(out / "results.db")
    assert len(db.monthly) == len(res.monthly) and db.kpi("calls")["mean"] == pytest.approx(res.kpi("calls")["mean"])
    # summary.json's CIs are the Student-t intervals of kpis.csv's replications
    for key in ("calls", "staff_utilisation", "cost_total_yen"):
        row, ci = res.kpi(key), res.kpi_ci(key)
        assert row["mean"] == pytest.approx(ci.mean) and row["ci_high"] == pytest.approx(ci.ci_high, rel=1e-9)
    ids = [f.kyoten["id"] for f in charts.report_charts(res, "ja")]
    assert ("hub_rooms" in ids) == (rooms > 0)
    rep = build_report(res, lang="ja", pdf_engine="none")
    assert rep.html.exists() and rep.html.read_text(encoding="utf-8").count("<img") == len(ids)
