"""Every reader-facing text of the report exists in both languages; dates and numbers read as a reader says them.
(The labels of KPIs, cost lines, bands and outcomes are kyoten's, read from the results folder: test_vocabulary.py.)"""
import re
import unicodedata

import pytest

from kyoten_analysis import labels
from make_fixture import VOCAB  # the vocabulary the fixture folders hold


def _has_japanese(s: str) -> bool:
    return any(unicodedata.name(c, "").startswith(("CJK", "HIRAGANA", "KATAKANA")) for c in s)


@pytest.mark.parametrize("chart_id", sorted(labels.CHARTS))
def test_every_chart_has_both_languages(chart_id):
    ja, en = labels.CHARTS[chart_id]["ja"], labels.CHARTS[chart_id]["en"]
    assert set(ja) == set(en)
    for key in ("title", "xlabel", "ylabel", "reading"):
        assert key in ja
    assert ja["title"] and ja["reading"] and en["title"] and en["reading"]
    assert _has_japanese(ja["title"]) and _has_japanese(ja["reading"])
    assert not _has_japanese(en["title"]) and not _has_japanese(en["reading"])


def test_axis_labels_state_units():
    for chart_id, texts in labels.CHARTS.items():
        for lang in labels.LANGS:
            y = texts[lang]["ylabel"]
            if chart_id in ("scenario_comparison", "outcome_mix", "frontier"):
                continue  # units are per panel / categorical / given by the caller
            assert re.search(r"[（(].+[）)]", y), f"{chart_id} {lang}: y label without a unit: {y}"


def test_report_texts_in_both_languages():
    assert set(labels.REPORT["ja"]) == set(labels.REPORT["en"])
    assert _has_japanese(labels.REPORT["ja"]["headline"])


def test_units_and_formats():
    assert labels.fiscal_year_label(2024, "ja") == "令和6年度（2024年度）"
    assert labels.fiscal_year_label(2024, "en") == "FY2024"
    assert labels.fmt_number(1234.4) == "1,234" and labels.fmt_number(3.14159) == "3.14"
    assert labels.fmt_number(float("nan")) == "—"
    with pytest.raises(ValueError):
        labels.check_lang("fr")


def test_fiscal_years_in_the_japanese_era_with_gannen_for_the_first_year():
    # 令和 began on 1 May 2019; budgets call April 2019 – March 2020 令和元年度 (first year: 元, never 1).
    assert labels.fiscal_year_short(2019, "ja") == "令和元年度"
    assert labels.fiscal_year_label(2019, "ja") == "令和元年度（2019年度）"
    assert labels.fiscal_year_short(2020, "ja") == "令和2年度"
    assert labels.fiscal_year_short(2026, "ja") == "令和8年度"
    assert labels.fiscal_year_short(2018, "ja") == "平成30年度"
    assert labels.fiscal_year_short(1989, "ja") == "平成元年度"
    assert labels.fiscal_year_short(2019, "en") == "FY2019"


def test_period_totals_name_their_period():
    # hand-picked: sums over the horizon are totals; states at its end, means, percentiles and ratios are not
    for key in ("calls", "emergencies", "outcome_unresolved", "overtime_hours", "emergency_bed_days", "cost_total_yen"):
        assert labels.is_period_total(key, VOCAB.unit_of(key)), key
    for key in ("registrants_end", "assessment_backlog_mean", "arrange_mean_h", "arrange_p90_h", "p_no_bed",
                "contacts_per_search", "cost_per_emergency_yen", "assessment_wait_days_mean", "staff_utilisation"):
        assert not labels.is_period_total(key, VOCAB.unit_of(key)), key
    # [2024-04-01, 2027-04-01): the end date is not simulated; 36 whole months
    assert labels.period_text("2024-04-01", "2027-04-01", "ja") == "2024年4月1日〜2027年3月31日（36か月）"
    assert labels.period_text("2024-04-01", "2027-04-01", "en") == "1 April 2024 – 31 March 2027 (36 months)"
    assert labels.period_total_label("2022-10-01", "2023-10-01", "ja") == "期間合計（2022年10月1日〜2023年9月30日、12か月）"
    assert labels.period_text("2024-04-10", "2024-05-01", "ja") == "2024年4月10日〜2024年4月30日"


def test_meta_texts_in_the_readers_language_or_marked():
    both = {"description_ja": "全区展開", "description_en": "Ward-wide"}
    assert labels.meta_text(both, "description", "ja") == "全区展開"
    assert labels.meta_text(both, "description", "en") == "Ward-wide"
    english_only = {"source": "Setagaya ward report 2023"}
    assert labels.meta_text(english_only, "source", "en") == "Setagaya ward report 2023"
    assert labels.meta_text(english_only, "source", "ja") == "Setagaya ward report 2023（英語のみ）"
    japanese_only = {"description": "世田谷区の資料"}
    assert labels.meta_text(japanese_only, "description", "en") == "世田谷区の資料 (in Japanese only)"
    assert labels.meta_text({}, "description", "ja") == ""


def _shape(x):
    """The keys of a catalogue entry, recursively (lists by length and their entries' shapes); texts as 'text' with
    the names of the placeholders they fill in."""
    import string
    if isinstance(x, dict):
        return {k: _shape(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_shape(v) for v in x]
    return ("text", sorted({f for _, f, _, _ in string.Formatter().parse(x) if f}))


def test_the_ja_and_en_catalogues_have_the_same_keys_and_placeholders():
    ja, en = labels.CATALOGUE["ja"], labels.CATALOGUE["en"]
    assert _shape(ja) == _shape(en)
    assert _has_japanese(ja["stress"]["sections"][0]["items"][0][1])
    assert not _has_japanese(en["stress"]["sections"][1]["items"][0][1])
