"""Checks a results directory against docs/results-format.md before anything is drawn from it.

Every problem is a ResultsError naming the file and what is wrong, so `kyoten report` exits 2 with a message —
never a traceback, never a report from partial data (a truncated CSV, a summary without KPIs)."""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

# The results format this analysis reads (summary.json `format_version`; absent in folders written before the
# field existed, which are version 1). Version 2 added vocabulary.json and `settings_used`, which the report reads
# instead of keeping lists and defaults of its own: a folder of version 1 is refused.
FORMAT_VERSION = 2
_SETTINGS_USED = ("band_hours", "warmup_days", "assessment", "experience", "hub_rooms", "beds",
                  "reserved_emergency_beds", "facilities")

PER_REPLICATION = ("kpis", "monthly", "daily", "staff_utilisation", "costs")
_KPI_NUMBERS = ("mean", "ci_low", "ci_high", "sd", "p2_5", "p50", "p97_5")


class ResultsError(Exception):
    """A results directory that cannot be read; the message names the file and what is wrong."""


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_whole(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _type_name(v) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}.get(
        type(v), "a number" if _is_number(v) else type(v).__name__)


def check_summary(summary, where: Path) -> None:
    """summary.json: an object with the keys the report reads, each of its documented type."""
    def bad(key: str, what: str):
        raise ResultsError(f"{where}: {key}: {what} (docs/results-format.md)")

    if not isinstance(summary, dict):
        raise ResultsError(f"{where}: expected a JSON object, found {_type_name(summary)} (docs/results-format.md)")
    version = summary.get("format_version", 1)
    if not _is_whole(version) or version < 1:
        bad("format_version", f"expected a whole number >= 1, found {version!r}")
    if version > FORMAT_VERSION:
        bad("format_version", f"{version} is newer than this analysis reads ({FORMAT_VERSION}); update kyoten")
    required = {"scenario": dict, "replications": int, "confidence_level": float, "horizon": dict, "kpis": list}
    for key in required:
        if key not in summary:
            bad(key, "missing")
    if version < FORMAT_VERSION:
        bad("format_version", f"{version}: written by an earlier kyoten, without vocabulary.json and settings_used; "
                              "run it again with this kyoten")
    if "settings_used" not in summary:
        bad("settings_used", "missing")
    if not isinstance(summary["scenario"], dict):
        bad("scenario", f"expected an object, found {_type_name(summary['scenario'])}")
    used = summary["settings_used"]
    if not isinstance(used, dict) or any(k not in used for k in _SETTINGS_USED):
        bad("settings_used", f"expected an object with {', '.join(_SETTINGS_USED)}")
    n = summary["replications"]
    if not _is_whole(n) or n < 1:
        bad("replications", f"expected a whole number >= 1, found {n!r}")
    level = summary["confidence_level"]
    if not _is_number(level) or not 0 < level < 1:
        bad("confidence_level", f"expected a number between 0 and 1, found {level!r}")
    horizon = summary["horizon"]
    if not isinstance(horizon, dict) or not all(isinstance(horizon.get(k), str) for k in ("start", "end")):
        bad("horizon", "expected {\"start\": \"YYYY-MM-DD\", \"end\": \"YYYY-MM-DD\"}")
    for key, kind in (("seed", "whole"), ("kyoten_version", str), ("scenario_name", str), ("title_ja", str),
                      ("title_en", str), ("costs", list), ("variance_split", dict)):
        if key in summary and summary[key] is not None:
            ok = _is_whole(summary[key]) if kind == "whole" else isinstance(summary[key], kind)
            if not ok:
                bad(key, f"wrong type: {_type_name(summary[key])}")
    kpis = summary["kpis"]
    if not isinstance(kpis, list) or not kpis:
        bad("kpis", "expected a non-empty list of KPIs, found " + (
            "an empty list" if isinstance(kpis, list) else _type_name(kpis)))
    for i, k in enumerate(kpis):
        if not isinstance(k, dict):
            bad(f"kpis[{i}]", f"expected an object, found {_type_name(k)}")
        if not isinstance(k.get("key"), str) or not k["key"]:
            bad(f"kpis[{i}].key", "missing or not a string")
        for field in _KPI_NUMBERS:
            if field in k and k[field] is not None and not _is_number(k[field]):
                bad(f"kpis[{i}].{field}", f"expected a number or null, found {_type_name(k[field])}")
        for field in ("mean", "ci_low", "ci_high"):
            if field not in k:
                bad(f"kpis[{i}].{field}", "missing")
        if "n" in k and not (_is_whole(k["n"]) and k["n"] >= 0):
            bad(f"kpis[{i}].n", f"expected a whole number >= 0, found {k['n']!r}")


def check_complete_file(path: Path) -> None:
    """A CSV kyoten wrote ends with a line break; one that stops mid-row was cut short."""
    with path.open("rb") as f:
        f.seek(0, 2)
        if f.tell() == 0:
            raise ResultsError(f"{path}: empty file")
        f.seek(-1, 2)
        if f.read(1) != b"\n":
            raise ResultsError(f"{path}: ends in the middle of a row (cut short?)")


def check_tables(frames: dict, summary: dict, where: dict) -> None:
    """Every replication 0..n-1 is in every per-replication table, each with the same number of rows, and kpis.csv
    has one row per replication with a number (or nothing) in every KPI column summary.json lists."""
    n = summary["replications"]
    expected = set(range(n))
    for table in PER_REPLICATION:
        frame = frames[table]
        if frame.empty:
            raise ResultsError(f"{where[table]}: no rows, but summary.json says {n} replications")
        reps = pd.to_numeric(frame["replication"], errors="coerce")
        if reps.isna().any() or (reps % 1 != 0).any():
            row = int(reps.isna().to_numpy().argmax()) + 2 if reps.isna().any() else 0
            raise ResultsError(f"{where[table]}: replication is not a whole number" + (f" (line {row})" if row else ""))
        counts = reps.astype(int).value_counts()
        missing = sorted(expected - set(counts.index))
        extra = sorted(set(counts.index) - expected)
        if missing or extra:
            what = f"replications {_span(missing)} missing" if missing else f"replications {_span(extra)} not in the run"
            raise ResultsError(f"{where[table]}: {what}; summary.json says {n} replications (cut short?)")
        if counts.nunique() != 1 or (table == "kpis" and counts.iloc[0] != 1):
            raise ResultsError(f"{where[table]}: replications have different numbers of rows "
                               f"({counts.min()} to {counts.max()}; cut short?)")
    kpis = frames["kpis"]
    listed = {k["key"] for k in summary["kpis"]}
    unlisted = [c for c in kpis.columns if c != "replication" and c not in listed]
    if unlisted:
        raise ResultsError(f"{where['summary']}: kpis: no entry for KPI '{unlisted[0]}' that {where['kpis']} has "
                           "(kyoten lists every KPI in both; docs/results-format.md)")
    for k in summary["kpis"]:
        key = k["key"]
        if key not in kpis.columns:
            raise ResultsError(f"{where['kpis']}: no column for KPI '{key}' that summary.json lists")
        values = kpis[key]
        numbers = pd.to_numeric(values, errors="coerce")
        bad = numbers.isna() & values.notna()
        if bad.any():
            line = int(bad.to_numpy().argmax()) + 2
            raise ResultsError(f"{where['kpis']}: line {line}: {key} is not a number ({values[bad].iloc[0]!r})")
        finite = numbers.dropna()
        if not finite.map(math.isfinite).all():
            raise ResultsError(f"{where['kpis']}: {key} has an infinite value")


def _span(values: list) -> str:
    return ", ".join(str(v) for v in values[:5]) + (f", … ({len(values)} in all)" if len(values) > 5 else "")
