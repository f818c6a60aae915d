"""`kyoten report` on an `optimize --out` folder: the choice with its runners-up (paired cost differences) and
every configuration, from a hand-written optimize.json in the documented format, in Japanese and English."""
import base64
import io
import json
import re

import pytest

from kyoten_analysis import optimize_report as orp
from kyoten_analysis.report import build_optimize_report
import make_fixture
from test_report import html_tables


def make_optimize(folder):
    folder.mkdir(parents=True)
    configs = []
    for i, (beds, status, cost) in enumerate(((0, "infeasible", 5.0e7), (1, "feasible", 5.6e7), (2, "feasible", 6.1e7),
                                              (3, "feasible", 6.6e7), (4, "undecided", 7.0e7))):
        configs.append({"index": i, "settings": {"facilities[0].reserved_beds": beds}, "status": status,
                        "dominated": False, "replications": 40,
                        "targets": [{"target": "p_no_bed<=0.05", "status": status, "mean": 0.1 - 0.02 * beds,
                                     "lower_bound": 0.0, "upper_bound": 0.2, "n": 40}],
                        "cost": {"mean": cost, "ci_low": cost - 1e6, "ci_high": cost + 1e6, "sd": 1e6, "n": 40},
                        "cost_vs_choice": {"difference": cost - 5.6e7, "ci_low": cost - 5.7e7,
                                           "ci_high": cost - 5.5e7, "n": 40},
                        "cost_per_emergency_yen": {"mean": 1e5}, "cost_by_fiscal_year": []})
    data = {"kyoten_version": "0.1.0", "command": "kyoten optimize …", "scenario_file": "scenarios/x.toml",
            "targets": ["p_no_bed<=0.05"], "cost_kpi": "cost_total_yen", "choice": 1,
            "choice_clearly_cheapest": True, "ranking": [1, 2, 3], "configurations": configs}
    (folder / "optimize.json").write_text(json.dumps(data), encoding="utf-8")
    (folder / "vocabulary.json").write_text(make_fixture.VOCABULARY_TEXT, encoding="utf-8")
    return folder


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_optimize_report(tmp_path, lang):
    import matplotlib.image as mpimg
    folder = make_optimize(tmp_path / "opt")
    rep = build_optimize_report(folder, lang=lang, pdf_engine="none")
    doc = rep.html.read_text(encoding="utf-8")
    imgs = re.findall(r'<img id="img-([a-z_]+)" src="data:image/png;base64,([A-Za-z0-9+/=]+)"', doc)
    assert [i for i, _ in imgs] == ["optimize_costs"]
    assert mpimg.imread(io.BytesIO(base64.b64decode(imgs[0][1])), format="png").shape[0] > 200
    found = {cls: (heads, rows) for cls, heads, rows in html_tables(doc)}
    for heads, rows in found.values():
        assert rows and all(len(r) == len(heads) for r in rows)
    heads, rows = found["choice"]
    # the choice (#1, 56,000 thousand yen) then the runners-up #2 and #3 with their paired differences
    assert [r[1].split()[0] for r in rows] == ["#1", "#2", "#3"]
    assert rows[0][2] == "56,000" and rows[1][4] == "5,000 [4,000, 6,000]"
    assert len(found["configurations"][1]) == 5
    assert orp.texts(lang)["clearly"] in doc


def test_no_choice_says_so(tmp_path):
    folder = make_optimize(tmp_path / "opt")
    data = json.loads((folder / "optimize.json").read_text())
    data.update(choice=None, ranking=[])
    (folder / "optimize.json").write_text(json.dumps(data))
    doc = build_optimize_report(folder, lang="en", pdf_engine="none").html.read_text(encoding="utf-8")
    assert orp.texts("en")["none"] in doc
