"""The STRESS-DES summary of a run (Monks T, Currie CSM, Onggo BS, Robinson S, Kunc M, Taylor SJE (2019)
"Strengthening the reporting of empirical simulation studies: Introducing the STRESS guidelines",
Journal of Simulation 13(1):55–67): objectives, logic, data, experimentation, implementation, code access.
The texts are the catalogue's (`stress`, one per language); this module only fills in the run's facts."""
from __future__ import annotations

import pandas as pd

from . import labels
from .results import Results

CITATION = ("Monks T, Currie CSM, Onggo BS, Robinson S, Kunc M, Taylor SJE (2019). Strengthening the reporting of "
            "empirical simulation studies: Introducing the STRESS guidelines. Journal of Simulation 13(1):55–67.")


def _horizon(res: Results):
    hz = res.summary.get("horizon") or (res.scenario.get("horizon") or {})
    start, end = hz.get("start"), hz.get("end")
    try:
        days = (pd.Timestamp(end) - pd.Timestamp(start)).days
    except (TypeError, ValueError):
        days = None
    return start, end, days


def stress_sections(res: Results, lang: str = "ja") -> list[tuple[str, list[tuple[str, str]]]]:
    """[(section heading, [(item, text), …]), …] following the STRESS-DES checklist."""
    t = labels.catalogue(lang)["stress"]
    s = res.summary
    start, end, days = _horizon(res)
    n = res.replications
    meta = res.scenario.get("meta", {}) or {}
    descr = labels.meta_text(meta, "description", lang)
    # Uncertain parameters: pairs of replications share one draw, and intervals count pairs (docs/uncertainty.md).
    paired = bool((s.get("variance_split") or {}).get("applicable"))
    facts = {"n": n, "pairs": n // 2, "start": start, "end": end, "days": days}
    facts.update(
        descr_note=t["descr_note"].format(descr=descr) if descr else "",
        pairs_note=t["pairs_note"].format(**facts) if paired else "",
        parameters_note=t["parameters_note"] if paired else "",
        run_length=t["run_length" if days else "run_length_unknown"].format(**facts),
        replications_text=t["replications_paired" if paired else "replications"].format(**facts),
        level_pct=f"{res.confidence_level * 100:g}%",
        scenario_file=s.get("scenario_file", "—"),
        source=labels.meta_text(meta, "source", lang) or "—",
        warm=res.settings_used["warmup_days"],
        version=s.get("kyoten_version", "—"), seed=s.get("seed", "—"), threads=s.get("threads", "—"),
        command=s.get("command", "—"), created=s.get("created", "—"), citation=CITATION)
    return [(section["heading"], [(item, text.format(**facts)) for item, text in section["items"]])
            for section in t["sections"]]
