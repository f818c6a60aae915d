"""What the notebooks share: find the repository, put analysis/ on the path, and run the kyoten binary.

Environment (all optional):
  KYOTEN_BIN              the kyoten binary (default: build/default/app/kyoten under the repository root)
  KYOTEN_NB_OUT           where the notebooks write results directories (default: results/notebooks/)
  KYOTEN_NB_REPLICATIONS  replications per run (default: 20, so that each notebook runs in well under a minute)
"""
from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path


def repo_root() -> Path:
    here = Path(__file__).resolve().parent
    for d in (here, *here.parents):
        if (d / "analysis" / "kyoten_analysis").is_dir() and (d / "scenarios").is_dir():
            return d
    raise RuntimeError(f"cannot find the kyoten repository above {here}")


REPO = repo_root()
if str(REPO / "analysis") not in sys.path:
    sys.path.insert(0, str(REPO / "analysis"))

REPLICATIONS = int(os.environ.get("KYOTEN_NB_REPLICATIONS", "20"))


def kyoten_bin() -> Path:
    p = Path(os.environ.get("KYOTEN_BIN", "build/default/app/kyoten"))
    return p if p.is_absolute() else REPO / p


def out_root() -> Path:
    p = Path(os.environ.get("KYOTEN_NB_OUT", "results/notebooks"))
    return p if p.is_absolute() else REPO / p


def run(scenario: str, name: str, sets=(), replications: int | None = None, seed: int = 1) -> Path:
    """`kyoten run scenarios/SCENARIO --replications N --seed S --out OUT/NAME --set …`; returns the results
    directory. Raises with kyoten's own message if the scenario or a --set is rejected."""
    exe = kyoten_bin()
    if not exe.exists():
        raise FileNotFoundError(f"kyoten binary not found at {exe}: build it (scripts/build.sh) or set KYOTEN_BIN")
    out = out_root() / name
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [str(exe), "run", str(REPO / "scenarios" / scenario), "--replications", str(replications or REPLICATIONS),
           "--seed", str(seed), "--out", str(out), "--quiet"]
    for s in sets:
        cmd += ["--set", s]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if p.returncode != 0:
        raise RuntimeError(f"kyoten failed (exit {p.returncode}):\n  {shlex.join(cmd)}\n{p.stderr.strip()}")
    return out


def run_variants(scenario: str, prefix: str, variants: dict, replications: int | None = None, seed: int = 1) -> dict:
    """Run one scenario under several sets of --set overrides, all with the same seed (common random numbers).
    Returns {variant name: results directory}."""
    dirs = {}
    for i, (label, sets) in enumerate(variants.items()):
        dirs[label] = run(scenario, f"{prefix}/{i:02d}", sets, replications, seed)
        print(f"{label}: {dirs[label]}")
    return dirs
