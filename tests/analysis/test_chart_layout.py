"""charts/layout.py: tick labels, the Japanese font, wrapping the reading under a figure."""

from kyoten_analysis import charts, labels, style


def test_tick_labels_differ_and_never_read_minus_zero():
    # hand-worked: ticks 94.0, 94.2, 94.4 need one decimal; 0.25 steps need two; -0.0 is printed 0
    assert [charts.tick_text(v, [94.0, 94.2, 94.4]) for v in (94.0, 94.2, 94.4)] == ["94.0", "94.2", "94.4"]
    assert charts.tick_text(0.25, [0, 0.25, 0.5]) == "0.25"
    assert charts.tick_text(-0.0, [-0.0, 1.0]) == "0" and charts.tick_text(-1e-12, [-1e-12, 2.0]) == "0"
    assert charts.tick_text(12500, [10000, 12500, 15000]) == "12,500"
    assert charts.tick_text(-3, [-3, 0, 3]) == "-3"


def test_japanese_font_is_found_and_renders():
    assert "NotoSansCJK" in style.cjk_font_path() or "ipaex" in style.cjk_font_path().lower()
    assert style.check_glyphs() == []


def test_wrap_keeps_lines_short_and_text_whole():
    s = labels.chart_text("emergency_beds", "ja")["reading"]
    lines = charts.wrap(s, 30)
    assert "".join(lines).replace(" ", "") == s.replace(" ", "")
    assert all(charts._text_width(l) <= 30.5 for l in lines)
    assert not any(l[0] in "、。）" for l in lines)
    assert "hub.rooms" in "".join(lines)


def test_report_charts_order(res, res_no_hub):
    ids = [f.kyoten["id"] for f in charts.report_charts(res)]
    assert ids == ["fan_registrants", "fan_calls", "fan_emergencies", "fan_cost", "arrange_by_band", "outcome_mix",
                   "bed_occupancy", "hub_rooms", "staff_heatmap", "cost_vs_budget"]
    ids2 = [f.kyoten["id"] for f in charts.report_charts(res_no_hub)]
    assert "emergency_beds" in ids2 and "hub_rooms" not in ids2
