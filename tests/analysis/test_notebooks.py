"""Every notebook in notebooks/ runs from top to bottom on Debian's Python kernel (nbconvert --execute), with the
real kyoten binary, and draws its charts. Skipped, with the reason, while there is no kyoten binary with `run`."""
import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import PYTHON, REPO, kyoten_binary

NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
KYOTEN, WHY_NOT = kyoten_binary()

# charts each notebook must show at least (image outputs)
MIN_IMAGES = {"01_baseline_forecast": 8, "02_staffing_vs_budget": 4, "03_one_vs_several_centers": 7,
              "04_24h_coverage": 5}


def test_the_four_notebooks_exist():
    assert [p.stem for p in NOTEBOOKS] == sorted(MIN_IMAGES)


def test_scenario_keys_only_in_the_marked_cell():
    """--set keys live in one clearly marked cell, so they can be adjusted in one place."""
    for nb in NOTEBOOKS:
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        marked = [c for c in cells if c["cell_type"] == "code" and "==== --set" in "".join(c["source"])]
        assert len(marked) == 1, nb.name
        for c in cells:
            if c["cell_type"] == "code" and c is not marked[0]:
                src = "".join(c["source"])
                assert "centers[" not in src and "--set" not in src, (nb.name, src[:200])
        assert all(not c.get("outputs") for c in cells if c["cell_type"] == "code"), f"{nb.name}: clear outputs"


@pytest.mark.skipif(KYOTEN is None, reason=WHY_NOT or "")
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(notebook, tmp_path):
    env = dict(os.environ)
    env.update({"KYOTEN_BIN": str(KYOTEN), "KYOTEN_NB_OUT": str(tmp_path / "results"),
                "KYOTEN_NB_REPLICATIONS": env.get("KYOTEN_NB_REPLICATIONS", "20"),
                "PYDEVD_DISABLE_FILE_VALIDATION": "1"})
    cmd = [PYTHON, "-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=600",
           "--output-dir", str(tmp_path), str(notebook)]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=REPO, timeout=900)
    assert p.returncode == 0, p.stderr[-4000:]
    executed = json.loads((tmp_path / notebook.name).read_text(encoding="utf-8"))
    code = [c for c in executed["cells"] if c["cell_type"] == "code"]
    assert all(c.get("execution_count") for c in code), "some cells did not run"
    outputs = [o for c in code for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"]
    images = [o for o in outputs if o["output_type"] in ("display_data", "execute_result") and "image/png" in o["data"]]
    assert len(images) >= MIN_IMAGES[notebook.stem], f"{notebook.name}: {len(images)} charts shown"
    assert any(Path(tmp_path / "results").rglob("summary.json"))
