"""The report's words and defaults come from the results folder (vocabulary.json, summary.json `settings_used`),
not from lists or defaults of its own: change them in a folder and the report says what the folder says."""
import html as html_lib
import json

import pytest

from kyoten_analysis import build_report, charts, load_results, tables
from make_fixture import VOCAB  # the vocabulary the fixture folders hold


def test_units_are_shown_as_the_vocabulary_says():
    # docs/results-format.md: shares in %, yen in 千円, a count by what it counts (persons, cases)
    assert VOCAB.kpi_unit("arrange_within_4h", "share", "ja") == "%"
    assert VOCAB.kpi_unit("cost_total_yen", "yen", "ja") == "千円"
    assert VOCAB.kpi_unit("registrants_end", "count", "ja") == "人"
    assert VOCAB.kpi_unit("calls", "count", "en") == "cases"
    assert VOCAB.kpi_unit("cost_fy2024", "yen", "en") == "thousand yen"  # not a KPI: by its unit
    assert VOCAB.kpi_unit("unknown_count", None, "ja") == "件"
    assert VOCAB.kpi_scale("share") == 100 and VOCAB.kpi_scale("yen") == 1e-3 and VOCAB.kpi_scale("count") == 1
    assert VOCAB.band_label("weekend_holiday", "ja") == "土日祝"
    assert VOCAB.cost_line_label("no_such_line", "en") == "no_such_line"
    with pytest.raises(ValueError):
        VOCAB.kpi_label("calls", "fr")


def _edit_json(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def _relabel(vocabulary, list_name, key, ja, en):
    for e in vocabulary[list_name]:
        if e["key"] == key:
            e["label_ja"], e["label_en"] = ja, en


def test_a_changed_label_in_the_folder_is_the_label_the_report_shows(fresh_copy, tmp_path):
    def relabel(v):
        _relabel(v, "kpis", "calls", "電話と来所の相談件数", "Calls and visits")
        _relabel(v, "cost_lines", "center", "センター委託費", "Center contract")
        _relabel(v, "time_bands", "weekday_night", "平日の真夜中", "Weekday small hours")
        _relabel(v, "outcomes", "short_stay", "短期入所施設へ", "To a short-stay home")
    _edit_json(fresh_copy / "vocabulary.json", relabel)
    for lang, new, old in (("ja", ("電話と来所の相談件数", "センター委託費", "平日の真夜中", "短期入所施設へ"),
                            ("拠点・センター運営（人件費・委託）",)),
                           ("en", ("Calls and visits", "Center contract", "Weekday small hours", "To a short-stay home"),
                            ("Center (staff, on call, contract)",))):
        rep = build_report(fresh_copy, lang=lang, out=tmp_path / f"r_{lang}.html", pdf_engine="none")
        doc = html_lib.unescape(rep.html.read_text(encoding="utf-8"))
        res = load_results(fresh_copy)
        texts = " ".join(charts.figure_texts(charts.arrange_by_band(res, lang)) +
                         charts.figure_texts(charts.outcome_mix(res, lang)) +
                         charts.figure_texts(charts.cost_vs_budget(res, lang)))
        for word in new:
            assert word in doc + texts, (lang, word)
        for word in old:
            assert word not in doc + texts, (lang, word)


def test_defaults_are_the_ones_kyoten_used_not_re_derived_from_the_scenario(fresh_copy):
    # The scenario says grace 90 days and bands from 9/17/22 h; kyoten's settings_used says otherwise (as after a
    # default the report cannot know): the report follows settings_used.
    def used(s):
        s["settings_used"]["assessment"]["grace_days"] = 77
        s["settings_used"]["band_hours"] = {"day_start": 8, "evening_start": 18, "night_start": 23}
        s["settings_used"]["hub_rooms"] = 5
        s["settings_used"]["beds"] = 99
    _edit_json(fresh_copy / "summary.json", used)
    (fresh_copy / "results.db").unlink()
    res = load_results(fresh_copy)
    assert res.hub_rooms == 5 and res.total_beds == 99
    rows = dict(tables.assumption_rows(res, "ja"))
    assert "猶予 77日" in rows["アセスメント"]
    assert rows["時間帯の区切り"].startswith("日中 8時〜、夜間 18時〜、深夜 23時〜")
    ticks = " ".join(charts.figure_texts(charts.arrange_by_band(res, "en")))
    assert "8–18 h" in ticks and "23–8 h" in ticks, ticks


def test_the_fixture_vocabulary_lists_every_kpi_column_of_the_fixture(res):
    assert VOCAB.kpi_keys == [c for c in res.kpis.columns if c != "replication"]
