"""Read a kyoten results directory (docs/results-format.md) — or its results.db — into pandas DataFrames."""
from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import labels, stats
from .format_check import ResultsError, check_complete_file, check_summary, check_tables
from .vocabulary import Vocabulary, load_vocabulary

TABLES = ("kpis", "monthly", "daily", "staff_utilisation", "costs", "budget")

# Columns each CSV must have (docs/results-format.md); extra columns are kept.
REQUIRED_COLUMNS = {
    "kpis": ["replication"],
    "monthly": ["replication", "month", "fiscal_year", "registrants_end", "registrations", "calls", "emergencies",
                "arranged", "unresolved", "assessments", "assessment_backlog_end", "experience_done",
                "experience_preempted", "cost_yen"],
    "daily": ["replication", "date", "hub_rooms_in_use_max", "hub_rooms_in_use_min", "emergency_beds_in_use_max",
              "short_stay_beds_in_use_mean"],
    "staff_utilisation": ["replication", "center", "duty", "hour_of_week", "weekday", "hour", "scheduled_hours",
                          "busy_hours", "overtime_hours", "utilisation"],
    "costs": ["replication", "fiscal_year", "line", "yen"],
    "budget": ["fiscal_year", "line", "yen"],
}


@dataclass
class Results:
    """One run of `kyoten run`: what was run (summary) and one DataFrame per table."""

    path: Path
    summary: dict
    kpis: pd.DataFrame
    monthly: pd.DataFrame
    daily: pd.DataFrame
    staff: pd.DataFrame
    costs: pd.DataFrame
    budget: pd.DataFrame
    vocab: Vocabulary  # the words kyoten wrote with the results (vocabulary.json)
    source: str = "csv"  # "csv" or "sqlite"
    _kpi_summary: pd.DataFrame | None = field(default=None, repr=False)

    # --- what was run -------------------------------------------------------------------------------
    @property
    def scenario(self) -> dict:
        return self.summary.get("scenario") or {}

    @property
    def name(self) -> str:
        return self.summary.get("scenario_name") or self.scenario.get("meta", {}).get("name") or self.path.name

    def title(self, lang: str) -> str:
        t = self.summary.get(f"title_{lang}") or self.scenario.get("meta", {}).get(f"title_{lang}")
        return t or self.name

    def period_total(self, lang: str) -> str:
        """How a period total is named: '期間合計（2024年4月1日〜2027年3月31日、36か月）' (labels.period_total_label)."""
        hz = self.summary.get("horizon") or {}
        if not hz.get("start") or not hz.get("end"):
            return labels.fmt("period_total", lang)
        return labels.period_total_label(hz["start"], hz["end"], lang)

    @property
    def replications(self) -> int:
        n = self.summary.get("replications")
        return int(n) if n else int(self.kpis["replication"].nunique()) if len(self.kpis) else 0

    @property
    def confidence_level(self) -> float:
        return float(self.summary.get("confidence_level") or 0.95)

    @property
    def replications_per_draw(self) -> int:
        """2 when replication pairs share a parameter draw (intervals then count pairs), else 1."""
        split = self.summary.get("variance_split") or {}
        return int(split.get("replications_per_draw") or 1)

    def mean_ci(self, values) -> stats.MeanCI:
        """Mean and confidence interval of per-replication values (in replication order), counting pairs as the
        independent units when they share a parameter draw."""
        return stats.mean_ci(values, self.confidence_level, self.replications_per_draw)

    @property
    def settings_used(self) -> dict:
        """The settings as kyoten ran them, defaults applied (summary.json `settings_used`)."""
        return self.summary.get("settings_used") or {}

    @property
    def hub_rooms(self) -> int:
        """Dedicated hub emergency rooms at the start (0 = no hub)."""
        return int(self.settings_used["hub_rooms"])

    @property
    def total_beds(self) -> int:
        return int(self.settings_used["beds"])

    @property
    def reserved_emergency_beds(self) -> int:
        return int(self.settings_used["reserved_emergency_beds"])

    @property
    def band_hours(self) -> dict:
        """The weekday hours at which the time bands begin: day_start, evening_start, night_start."""
        return dict(self.settings_used["band_hours"])

    # --- KPIs -----------------------------------------------------------------------------------------
    @property
    def kpi_summary(self) -> pd.DataFrame:
        """One row per KPI: key, label_ja, label_en, unit, headline, mean, ci_low, ci_high, n, p2_5, p50, p97_5,
        as summary.json (or results.db's kpi_summary) holds them: kyoten lists every KPI of kpis.csv there
        (format_check.check_tables refuses a folder where it does not)."""
        if self._kpi_summary is None:
            self._kpi_summary = _kpi_summary(self.summary["kpis"])
        return self._kpi_summary

    def kpi(self, key: str) -> dict:
        """Summary row of one KPI as a dict (mean, ci_low, ci_high, n, …)."""
        ks = self.kpi_summary
        row = ks[ks["key"] == key]
        if row.empty:
            raise KeyError(f"{self.path}: no KPI '{key}'")
        return row.iloc[0].to_dict()

    def kpi_ci(self, key: str) -> stats.MeanCI:
        """Mean and confidence interval of a KPI as summary.json holds them (kyoten computed them: cut at the
        bounds, pairs as units)."""
        for k in self.summary["kpis"]:
            if k.get("key") == key:
                return _summary_ci(k)
        raise KeyError(f"{self.path}: no KPI '{key}'")

    def cost_ci(self, fiscal_year: int, line: str | None = None) -> stats.MeanCI | None:
        """A fiscal year's cost of one line (summary.json `costs`) or of all lines (`cost_totals`, line None)
        with its interval; None when summary.json does not hold it (a year or line the run has no cost in)."""
        if line is None:
            rows = [c for c in self.summary.get("cost_totals") or [] if int(c.get("fiscal_year", -1)) == int(fiscal_year)]
        else:
            rows = [c for c in self.summary.get("costs") or []
                    if int(c.get("fiscal_year", -1)) == int(fiscal_year) and c.get("line") == line]
        return _summary_ci(rows[0]) if rows else None

    # --- costs ----------------------------------------------------------------------------------------
    def months_in_fiscal_year(self) -> dict:
        """How many months of the horizon fall in each fiscal year (a partial first or last year is < 12)."""
        if self.monthly.empty:
            return {}
        one = self.monthly[self.monthly["replication"] == self.monthly["replication"].iloc[0]]
        return {int(fy): int(n) for fy, n in one.groupby("fiscal_year")["month"].nunique().items()}


def number(v) -> float:
    """A figure as summary.json or a CSV holds it, as a float; NaN where it is missing or not a number."""
    try:
        return float(v) if v is not None else math.nan
    except (TypeError, ValueError):
        return math.nan


def load_results(path) -> Results:
    """Read a results directory (summary.json and the CSVs), or a results.db file.

    In a directory, a missing CSV is read from results.db when that exists; a missing summary.json too. A directory
    is checked against docs/results-format.md first (format_check.py): anything missing, malformed or cut short is a
    ResultsError naming the file."""
    p = Path(path)
    try:
        return _load(p)
    except OSError as e:  # a path that cannot be read (permission, a name too long, a symbolic-link loop)
        raise ResultsError(f"{e.filename or p}: cannot be read: {e.strerror or e}") from e


def _load(p: Path) -> Results:
    if p.is_file() and p.suffix == ".db":
        return _load_db(p)
    if not p.exists():
        raise ResultsError(f"{p}: no such results directory")
    if not p.is_dir():
        raise ResultsError(f"{p}: not a results directory (expected the directory `kyoten run --out` wrote)")
    db = p / "results.db"
    summary_file = p / "summary.json"
    if not summary_file.exists():
        if db.exists():
            res = _load_db(db)
            res.path = p
            return res
        raise ResultsError(f"{summary_file}: missing (is {p} a kyoten results directory?)")
    try:
        summary = json.loads(summary_file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ResultsError(f"{summary_file}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}") from e
    except UnicodeDecodeError as e:
        raise ResultsError(f"{summary_file}: not UTF-8 text: {e}") from e
    check_summary(summary, summary_file)
    vocab = load_vocabulary(p)
    frames, where = {}, {"summary": summary_file}
    for table in TABLES:
        csv = p / f"{table}.csv"
        if csv.exists():
            check_complete_file(csv)
            frames[table], where[table] = _read_csv(csv), csv
        elif db.exists():
            frames[table], where[table] = _read_table(db, table), f"{db} table {table}"
        else:
            raise ResultsError(f"{csv}: missing (and no results.db to read it from)")
        _check_columns(frames[table], table, where[table])
    check_tables(frames, summary, where)
    return Results(path=p, summary=summary, kpis=frames["kpis"], monthly=_monthly(frames["monthly"]),
                   daily=_daily(frames["daily"]), staff=frames["staff_utilisation"], costs=frames["costs"],
                   budget=frames["budget"], vocab=vocab, source="csv")


def _read_csv(path: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(path, keep_default_na=True,
                           dtype={"month": str, "date": str, "line": str, "center": str, "duty": str})
    except pd.errors.EmptyDataError as e:
        raise ResultsError(f"{path}: empty file") from e
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as e:
        raise ResultsError(f"{path}: cannot be read as CSV: {e}") from e


def _read_table(db: Path, table: str) -> pd.DataFrame:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return pd.read_sql_query(f'SELECT * FROM "{table}"', con)
    except (sqlite3.DatabaseError, pd.errors.DatabaseError) as e:
        raise ResultsError(f"{db}: cannot read table '{table}': {e}") from e
    finally:
        con.close()


def _check_columns(frame: pd.DataFrame, table: str, where) -> None:
    missing = [c for c in REQUIRED_COLUMNS[table] if c not in frame.columns]
    if missing:
        raise ResultsError(f"{where}: missing column(s) {', '.join(missing)} (docs/results-format.md)")


def _monthly(m: pd.DataFrame) -> pd.DataFrame:
    m = m.copy()
    m["month"] = m["month"].astype(str)
    m["month_start"] = pd.to_datetime(m["month"] + "-01", format="%Y-%m-%d", errors="coerce")
    return m


def _daily(d: pd.DataFrame) -> pd.DataFrame:
    d = d.copy()
    d["date"] = pd.to_datetime(d["date"].astype(str), format="%Y-%m-%d", errors="coerce")
    return d


def _load_db(db: Path) -> Results:
    """Read results.db: the tables of the CSVs plus `run` (what was run) and `kpi_summary`."""
    if not db.exists():
        raise ResultsError(f"{db}: no such file")
    frames = {t: _read_table(db, t) for t in TABLES}
    for t in TABLES:
        _check_columns(frames[t], t, f"{db} table {t}")
    run = _read_table(db, "run")
    summary: dict = {}
    if not run.empty:
        r = run.iloc[0].to_dict()
        summary = {k: r[k] for k in ("kyoten_version", "created", "command", "scenario_file", "scenario_name",
                                     "title_ja", "title_en", "seed", "replications", "threads",
                                     "confidence_level") if k in r}
        for k in ("seed", "replications", "threads"):
            if k in summary and summary[k] is not None and not _isnan(summary[k]):
                summary[k] = int(summary[k])
        summary["horizon"] = {"start": r.get("horizon_start"), "end": r.get("horizon_end")}
        try:
            summary["scenario"] = json.loads(r.get("scenario") or "{}")
        except json.JSONDecodeError:
            summary["scenario"] = {}
        try:
            summary["settings_used"] = json.loads(r.get("settings_used") or "{}")
        except (json.JSONDecodeError, TypeError):
            summary["settings_used"] = {}
    ks = _read_table(db, "kpi_summary")
    summary["kpis"] = [{k: (None if _isnan(v) else v) for k, v in row.items()} for row in ks.to_dict("records")]
    return Results(path=db.parent, summary=summary, kpis=frames["kpis"], monthly=_monthly(frames["monthly"]),
                   daily=_daily(frames["daily"]), staff=frames["staff_utilisation"], costs=frames["costs"],
                   budget=frames["budget"], vocab=load_vocabulary(db.parent), source="sqlite")


def _isnan(v) -> bool:
    return isinstance(v, float) and math.isnan(v)


def _kpi_summary(summary_kpis: list) -> pd.DataFrame:
    rows = [dict(k, headline=bool(k.get("headline"))) for k in summary_kpis]
    cols = ["key", "label_ja", "label_en", "unit", "headline", "mean", "ci_low", "ci_high", "sd", "n", "p2_5",
            "p50", "p97_5"]
    df = pd.DataFrame(rows)
    for c in cols:
        if c not in df:
            df[c] = math.nan
    num = ["mean", "ci_low", "ci_high", "sd", "p2_5", "p50", "p97_5"]
    df[num] = df[num].apply(pd.to_numeric, errors="coerce")
    return df[cols + [c for c in df.columns if c not in cols]]


def load_many(paths) -> list[Results]:
    """Several results directories (a comparison or a sweep); Results objects are passed through."""
    return [p if isinstance(p, Results) else load_results(p) for p in paths]


def _summary_ci(row: dict) -> stats.MeanCI:
    def f(v):
        try:
            return float(v) if v is not None else math.nan
        except (TypeError, ValueError):
            return math.nan
    n = row.get("n")
    return stats.MeanCI(f(row.get("mean")), f(row.get("ci_low")), f(row.get("ci_high")), int(n) if n is not None else 0)
