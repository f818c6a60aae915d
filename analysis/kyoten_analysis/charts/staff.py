"""Coordinator utilisation by hour of day and weekday."""
from __future__ import annotations

import math

import numpy as np

from .. import labels, style
from ..results import Results
from .data import staff_matrix
from .layout import _finish


def staff_heatmap(res: Results, lang: str = "ja"):
    """Coordinator utilisation by hour of day × weekday (mean over replications)."""
    t = labels.chart_text("staff_heatmap", lang)
    mat = staff_matrix(res.staff)
    fig = style.figure((7.2, 8.2))
    ax = fig.add_subplot()
    vals = mat.to_numpy(dtype=float) * 100
    finite = vals[np.isfinite(vals)]
    vmax = max(10.0, math.ceil((finite.max() if finite.size else 10.0) / 10.0) * 10.0)
    import matplotlib as mpl
    cmap = mpl.colormaps["YlOrRd"].copy()
    cmap.set_bad(style.GREY)
    im = ax.imshow(np.ma.masked_invalid(vals), cmap=cmap, vmin=0, vmax=vmax, aspect="auto", origin="upper")
    for h in range(24):
        for d in range(7):
            v = vals[h, d]
            if np.isfinite(v):
                ax.text(d, h, f"{v:.0f}", ha="center", va="center", fontsize=7,
                        color="white" if v > vmax * 0.6 else "#222222")
    ax.set_xticks(range(7), labels.WEEKDAYS[lang])
    ax.set_yticks(range(24), [f"{h}" for h in range(24)])
    ax.set_xlabel(t["xlabel"])
    ax.set_ylabel(t["ylabel"])
    ax.grid(False)
    for s in ax.spines.values():
        s.set_visible(False)
    cb = fig.colorbar(im, ax=ax, shrink=0.8, pad=0.02)
    cb.set_label(t["colorbar"])
    if np.isnan(vals).any():
        from matplotlib.patches import Patch
        ax.legend(handles=[Patch(color=style.GREY, label=t["off_duty"])], loc="upper center",
                  bbox_to_anchor=(0.5, -0.06), frameon=False, fontsize=8.5)
    return _finish(fig, "staff_heatmap", lang, mat)
