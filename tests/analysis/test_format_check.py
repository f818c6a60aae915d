"""`kyoten report` on a damaged results directory: every case the format check (format_check.py) must catch gives
exit 2 and a message naming the file and the problem — never a traceback, never a report from partial data.
Each case damages a private copy of a well-formed fixture in one way, as a crash, a copy cut short or a hand edit
would."""
import json
import subprocess

import pytest

from conftest import PYTHON, REPO, kyoten_binary
from kyoten_analysis import ResultsError, load_results


def _edit_summary(change):
    def damage(d):
        s = json.loads((d / "summary.json").read_text(encoding="utf-8"))
        s = change(s)
        (d / "summary.json").write_text(json.dumps(s, ensure_ascii=False), encoding="utf-8")
    return damage


def _set(key, value):
    def change(s):
        s[key] = value
        return s
    return _edit_summary(change)


def _drop(key):
    def change(s):
        del s[key]
        return s
    return _edit_summary(change)


def _kpi0(field, value):
    def change(s):
        s["kpis"][0][field] = value
        return s
    return _edit_summary(change)


def _write(name, text):
    def damage(d):
        (d / name).write_text(text, encoding="utf-8")
    return damage


def _cut_bytes(name, keep_fraction):
    """The file cut at a byte, as a copy stopped part way."""
    def damage(d):
        data = (d / name).read_bytes()
        cut = int(len(data) * keep_fraction)
        while data[cut - 1:cut] == b"\n":  # stop mid-row, not at a line break
            cut -= 1
        (d / name).write_bytes(data[:cut])
    return damage


def _drop_last_lines(name, n):
    """The file cut at a line break: whole rows missing at the end."""
    def damage(d):
        lines = (d / name).read_text(encoding="utf-8").splitlines(keepends=True)
        (d / name).write_text("".join(lines[:-n]), encoding="utf-8")
    return damage


def _header_only(name):
    def damage(d):
        header = (d / name).read_text(encoding="utf-8").splitlines(keepends=True)[0]
        (d / name).write_text(header, encoding="utf-8")
    return damage


def _kpis_cell(value):
    def damage(d):
        lines = (d / "kpis.csv").read_text(encoding="utf-8").splitlines(keepends=True)
        cells = lines[2].rstrip("\n").split(",")
        cells[1] = value
        lines[2] = ",".join(cells) + "\n"
        (d / "kpis.csv").write_text("".join(lines), encoding="utf-8")
    return damage


# (damage, the file the message must name, a word of the problem)
CASES = {
    "summary is a list": (_write("summary.json", "[]"), "summary.json", "found a list"),
    "summary is null": (_write("summary.json", "null"), "summary.json", "found null"),
    "summary is a string": (_write("summary.json", '"x"'), "summary.json", "found a string"),
    "summary is empty object": (_write("summary.json", "{}"), "summary.json", "missing"),
    "no kpis": (_drop("kpis"), "summary.json", "kpis: missing"),
    "kpis empty": (_set("kpis", []), "summary.json", "empty list"),
    "kpis an object": (_set("kpis", {}), "summary.json", "found an object"),
    "kpis null": (_set("kpis", None), "summary.json", "found null"),
    "a kpi is a number": (_set("kpis", [1]), "summary.json", "kpis[0]"),
    "kpi mean text": (_kpi0("mean", "12"), "summary.json", "kpis[0].mean"),
    "kpi without key": (_kpi0("key", None), "summary.json", "kpis[0].key"),
    "replications text": (_set("replications", "5"), "summary.json", "replications"),
    "replications zero": (_set("replications", 0), "summary.json", "replications"),
    "replications true": (_set("replications", True), "summary.json", "replications"),
    "confidence level 95": (_set("confidence_level", 95), "summary.json", "confidence_level"),
    "horizon null": (_set("horizon", None), "summary.json", "horizon"),
    "scenario a list": (_set("scenario", []), "summary.json", "scenario"),
    "seed text": (_set("seed", "1"), "summary.json", "seed"),
    "costs an object": (_set("costs", {}), "summary.json", "costs"),
    "format newer": (_set("format_version", 99), "summary.json", "newer"),
    "format text": (_set("format_version", "1"), "summary.json", "format_version"),
    "format 1, before the vocabulary": (_set("format_version", 1), "summary.json", "run it again"),
    "no settings used": (_drop("settings_used"), "summary.json", "settings_used"),
    "settings used without band hours": (_set("settings_used", {"hub_rooms": 0}), "summary.json", "band_hours"),
    "vocabulary missing": (lambda d: (d / "vocabulary.json").unlink(), "vocabulary.json", "run it again"),
    "vocabulary not JSON": (_write("vocabulary.json", "{"), "vocabulary.json", "not valid JSON"),
    "vocabulary without cost lines": (_write("vocabulary.json", '{"kpis": []}'), "vocabulary.json", "kpis"),
    "kpis.csv empty": (_write("kpis.csv", ""), "kpis.csv", "empty"),
    "kpis.csv header only": (_header_only("kpis.csv"), "kpis.csv", "no rows"),
    "kpis.csv cut mid-row": (_cut_bytes("kpis.csv", 0.7), "kpis.csv", "cut short"),
    "kpis.csv last row missing": (_drop_last_lines("kpis.csv", 1), "kpis.csv", "missing"),
    "kpis.csv a word for a number": (_kpis_cell("many"), "kpis.csv", "not a number"),
    "monthly.csv cut mid-row": (_cut_bytes("monthly.csv", 0.5), "monthly.csv", "cut short"),
    "monthly.csv rows missing": (_drop_last_lines("monthly.csv", 3), "monthly.csv", "different numbers of rows"),
    "daily.csv header only": (_header_only("daily.csv"), "daily.csv", "no rows"),
    "staff cut at a line": (_drop_last_lines("staff_utilisation.csv", 200), "staff_utilisation.csv", "cut short"),
    "costs.csv cut mid-row": (_cut_bytes("costs.csv", 0.9), "costs.csv", "cut short"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_damaged_folder_is_refused_naming_the_file(fresh_copy, case):
    damage, file, word = CASES[case]
    (fresh_copy / "results.db").unlink()  # a missing CSV would otherwise be read from it
    damage(fresh_copy)
    with pytest.raises(ResultsError) as e:
        load_results(fresh_copy)
    assert file in str(e.value) and word in str(e.value), str(e.value)


@pytest.mark.parametrize("case", ["summary is a list", "no kpis", "kpis.csv header only", "kpis.csv cut mid-row",
                                  "kpi mean text"])
def test_report_command_exits_2_without_a_traceback_or_a_report(fresh_copy, case):
    damage, file, _ = CASES[case]
    damage(fresh_copy)
    p = subprocess.run([PYTHON, "-m", "kyoten_analysis", "report", str(fresh_copy), "--pdf-engine", "none"],
                       capture_output=True, text=True, timeout=300, cwd=REPO,
                       env={"PYTHONPATH": str(REPO / "analysis"), "PATH": "/usr/bin:/bin"})
    assert p.returncode == 2, p.stderr
    assert "Traceback" not in p.stderr and file in p.stderr, p.stderr
    assert not list(fresh_copy.glob("report_*")), "no report from partial data"


def test_a_well_formed_folder_passes_and_a_missing_version_reads_as_1_and_is_refused(fresh_copy):
    # Format 2 added vocabulary.json and settings_used; a folder without the field is format 1, written before.
    assert load_results(fresh_copy).replications == 5
    _drop("format_version")(fresh_copy)
    with pytest.raises(ResultsError, match="1: written by an earlier kyoten"):
        load_results(fresh_copy)


KYOTEN, WHY_NOT = kyoten_binary()


@pytest.mark.skipif(KYOTEN is None, reason=WHY_NOT or "")
def test_kyoten_report_on_a_damaged_folder_exits_2(fresh_copy, tmp_path):
    _write("summary.json", "[]")(fresh_copy)
    p = subprocess.run([str(KYOTEN), "report", str(fresh_copy)], capture_output=True, text=True, timeout=300)
    assert p.returncode == 2 and "summary.json" in p.stderr and "Traceback" not in p.stderr, p.stderr
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    p = subprocess.run([str(KYOTEN), "report", str(loop)], capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and "loop" in p.stderr, p.stderr
