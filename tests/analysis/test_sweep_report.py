"""`kyoten report SWEEP.db`: the KPIs over the varied key and the cost–service frontier, from a hand-made
database with the tables docs/planning.md documents."""
import base64
import io
import json
import re
import sqlite3

import pytest

from kyoten_analysis import sweep_report as sr
from kyoten_analysis.report import build_sweep_report
import make_fixture
from test_report import html_tables


def make_sweep(path):
    con = sqlite3.connect(path)
    con.executescript("""
      CREATE TABLE sweep_meta (scenario_file TEXT, scenario_name TEXT, scenario TEXT, set_overrides TEXT, vary TEXT,
        seed INTEGER, replications INTEGER, points INTEGER, confidence_level REAL, kyoten_version TEXT, created TEXT,
        command TEXT);
      CREATE TABLE points (point INTEGER, overrides TEXT, label TEXT, finished TEXT);
      CREATE TABLE point_kpis (point INTEGER, kpi TEXT, mean REAL, ci_low REAL, ci_high REAL, sd REAL, n INTEGER);
      CREATE TABLE vocabulary (json TEXT NOT NULL);
    """)
    con.execute("INSERT INTO vocabulary VALUES (?)", (make_fixture.VOCABULARY_TEXT,))
    con.execute("INSERT INTO sweep_meta VALUES ('s.toml','s','{}','{}','{}',1,10,3,0.95,'0.1.0','now','kyoten sweep')")
    for p, beds in enumerate((0, 1, 2)):
        con.execute("INSERT INTO points VALUES (?,?,?,?)", (p, json.dumps({"facilities[0].reserved_beds": beds}),
                                                            f"reserved_beds={beds}", "now"))
        # more reserved beds: better service at a higher cost; point 2 costs more for no better service
        service = {0: 0.80, 1: 0.90, 2: 0.90}[beds]
        cost = 5e7 + beds * 4e6
        for kpi, m in (("arrange_within_4h", service), ("cost_total_yen", cost), ("p_no_bed", 0.1 - 0.03 * beds)):
            con.execute("INSERT INTO point_kpis VALUES (?,?,?,?,?,?,?)", (p, kpi, m, m * 0.98, m * 1.02, 0.0, 10))
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_sweep_report(tmp_path, lang):
    import matplotlib.image as mpimg
    db = make_sweep(tmp_path / "s-sweep.db")
    assert sr.is_sweep_database(db)
    rep = build_sweep_report(db, lang=lang, pdf_engine="none")
    assert rep.html == tmp_path / f"s-sweep_report_{lang}.html"
    doc = rep.html.read_text(encoding="utf-8")
    imgs = re.findall(r'<img id="img-([a-z_]+)" src="data:image/png;base64,([A-Za-z0-9+/=]+)"', doc)
    assert [i for i, _ in imgs] == ["sweep_kpis", "frontier"]
    for _, b64 in imgs:
        assert mpimg.imread(io.BytesIO(base64.b64decode(b64)), format="png").shape[0] > 200
    (cls, heads, rows), = html_tables(doc)
    assert cls == "points" and len(rows) == 3 and all(len(r) == len(heads) for r in rows)


def test_frontier_of_a_sweep_leaves_out_the_dominated_point(tmp_path):
    from kyoten_analysis import charts
    sw = sr.load_sweep(make_sweep(tmp_path / "s.db"))
    eff = charts.pareto_front(sr.frontier_frame(sw))
    assert list(eff) == [True, True, False]  # 2 beds cost more than 1 for the same service
    assert sw.varied_keys == ["facilities[0].reserved_beds"]
