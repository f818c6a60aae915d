"""The words of a results folder as kyoten wrote them (vocabulary.json, docs/results-format.md): every KPI, cost
line, time band, outcome and duty with its ja/en label, and how each unit is shown. analysis/ keeps no copy of
these lists; it reads them from the folder it reports on."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .format_check import ResultsError

FILE_NAME = "vocabulary.json"
_LISTS = ("kpis", "cost_lines", "time_bands", "outcomes", "duties", "units")
LANGS = ("ja", "en")


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language must be one of {', '.join(LANGS)}, not {lang!r}")
    return lang


@dataclass(frozen=True)
class Vocabulary:
    """vocabulary.json, looked up by key."""

    data: dict

    def _by_key(self, name: str) -> dict:
        return {e["key"]: e for e in self.data[name]}

    # --- the keys, in the order the results use them ------------------------------------------------
    @property
    def kpi_keys(self) -> list[str]:
        return [e["key"] for e in self.data["kpis"]]

    @property
    def kpi_info(self) -> dict:
        """key → {label_ja, label_en, unit, headline, shown}."""
        return self._by_key("kpis")

    @property
    def cost_lines(self) -> list[str]:
        return [e["key"] for e in self.data["cost_lines"]]

    @property
    def time_bands(self) -> list[str]:
        return [e["key"] for e in self.data["time_bands"]]

    @property
    def outcomes(self) -> list[str]:
        return [e["key"] for e in self.data["outcomes"]]

    # --- labels and units -----------------------------------------------------------------------------
    def _label(self, name: str, key: str, lang: str) -> str:
        entry = self._by_key(name).get(key)
        return entry[f"label_{_check_lang(lang)}"] if entry else key

    def kpi_label(self, key: str, lang: str) -> str:
        return self._label("kpis", key, lang)

    def cost_line_label(self, line: str, lang: str) -> str:
        return self._label("cost_lines", line, lang)

    def budget_line_label(self, line: str, lang: str) -> str:
        """The budget lines are the cost lines (docs/results-format.md)."""
        return self.cost_line_label(line, lang)

    def band_label(self, band: str, lang: str) -> str:
        return self._label("time_bands", band, lang)

    def outcome_label(self, outcome: str, lang: str) -> str:
        return self._label("outcomes", outcome, lang)

    def duty_label(self, duty: str, lang: str) -> str:
        return self._label("duties", duty, lang)

    def unit_of(self, key: str) -> str | None:
        entry = self.kpi_info.get(key)
        return entry["unit"] if entry else None

    def _shown(self, key: str | None, unit: str | None) -> dict:
        entry = self.kpi_info.get(key) if key else None
        if entry and (unit is None or unit == entry["unit"]):
            return entry["shown"]
        units = {u["unit"]: u for u in self.data["units"]}
        return units.get(unit or "count", units["count"])

    def kpi_unit(self, key: str, unit: str | None, lang: str) -> str:
        """The unit a KPI is shown in (after `kpi_scale`): %, 分, 時間, 千円, or what a count counts."""
        return self._shown(key, unit)[_check_lang(lang)]

    def kpi_scale(self, unit: str | None, key: str | None = None) -> float:
        """Factor from the stored value to the shown one (share → %, yen → thousand yen)."""
        return float(self._shown(key, unit)["scale"])


def parse_vocabulary(text: str, where) -> Vocabulary:
    """vocabulary.json's text, checked: an object with every list, each entry with its key and labels."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ResultsError(f"{where}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}") from e
    if not isinstance(data, dict):
        raise ResultsError(f"{where}: expected a JSON object (docs/results-format.md)")
    for name in _LISTS:
        entries = data.get(name)
        if not isinstance(entries, list) or not entries:
            raise ResultsError(f"{where}: {name}: missing or empty (docs/results-format.md)")
        needed = ("unit", "scale", "ja", "en") if name == "units" else ("key", "label_ja", "label_en")
        for e in entries:
            if not isinstance(e, dict) or any(k not in e for k in needed):
                raise ResultsError(f"{where}: {name}: every entry needs {', '.join(needed)} (docs/results-format.md)")
    if "count" not in {u["unit"] for u in data["units"]}:
        raise ResultsError(f"{where}: units: no entry for `count` (docs/results-format.md)")
    return Vocabulary(data)


def load_vocabulary(folder) -> Vocabulary:
    """vocabulary.json of a results folder (or of the folder holding a results.db)."""
    path = Path(folder) / FILE_NAME
    if not path.exists():
        raise ResultsError(f"{path}: missing: the folder was written by an earlier kyoten (results format 1); "
                           "run it again with this kyoten")
    try:
        return parse_vocabulary(path.read_text(encoding="utf-8"), path)
    except UnicodeDecodeError as e:
        raise ResultsError(f"{path}: not UTF-8 text: {e}") from e
