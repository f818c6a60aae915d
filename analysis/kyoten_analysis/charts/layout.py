"""Text and figure layout shared by every chart: wrapping a reading under the figure (Japanese between
characters, English between words), the title and `fig.kyoten` metadata, plain tick labels, month axes with
fiscal-year lines, the legend above the plot."""
from __future__ import annotations

import re
import unicodedata

import matplotlib.dates as mdates
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd

from .. import labels


_READING_FONT = 9.0


def _text_width(s: str) -> float:
    """Width in 'em' of a string: full-width (CJK) characters 1, others about 0.55."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in s)


def wrap(s: str, width_em: float) -> list[str]:
    """Wrap text for a figure: between words in English, between characters in Japanese (keeping ASCII words
    such as `hub.rooms` whole), never starting a line with a space, closing bracket or Japanese punctuation."""
    tokens = re.findall(r"[!-~]+|\s+|.", s)
    no_start = set("、。）」』，．・：%)")
    lines, line = [], ""
    for tok in tokens:
        if not line and tok.isspace():
            continue
        candidate = line + tok
        if _text_width(candidate.rstrip()) > width_em and line.strip() and tok[0] not in no_start:
            lines.append(line.rstrip())
            line = "" if tok.isspace() else tok
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _finish(fig, chart_id: str, lang: str, data, texts: dict | None = None, title: str | None = None,
            reading: str | None = None, **extra):
    """Title at the top, the reading at the bottom, and the metadata on `fig.kyoten`."""
    t = dict(labels.CHARTS[chart_id][labels.check_lang(lang)]) if chart_id in labels.CHARTS else {}
    if texts:
        t.update(texts)
    title = title or t["title"]
    reading = reading or t["reading"]
    title_artist = fig.suptitle(title, x=0.01, ha="left", fontsize=13, fontweight="bold")
    prefix = labels.fmt("reading_prefix", lang, reading=labels.text("reading", lang))
    width_in = fig.get_figwidth()
    width_em = width_in * 72.0 / _READING_FONT * 0.97
    lines = wrap(prefix + reading, width_em)
    line_h = _READING_FONT * 1.45 / 72.0
    bottom = (len(lines) * line_h + 0.12) / fig.get_figheight()
    reading_artist = fig.text(0.01, 0.02 / fig.get_figheight(), "\n".join(lines), ha="left", va="bottom",
                              fontsize=_READING_FONT, color="#333333", linespacing=1.35)
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.set(rect=(0.0, bottom, 1.0, 1.0 - bottom))
    fig.kyoten = {"id": chart_id, "lang": lang, "title": title, "xlabel": t.get("xlabel", ""),
                  "ylabel": t.get("ylabel", ""), "reading": reading, "data": data,
                  "_title_artist": title_artist, "_reading_artist": reading_artist, **extra}
    return fig


def without_title_and_reading(fig):
    """The figure for a page that prints its title and reading as text (the HTML report): both are hidden
    from the image and the plot takes the freed space. Returns the same figure."""
    meta = getattr(fig, "kyoten", {})
    for k in ("_title_artist", "_reading_artist"):
        if meta.get(k) is not None:
            meta[k].set_visible(False)
            meta[k].set_in_layout(False)
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.set(rect=(0.0, 0.0, 1.0, 1.0))
    return fig


def figure_texts(fig) -> list[str]:
    """Every text drawn on a figure (titles, labels, tick labels, annotations), for tests."""
    from matplotlib.text import Text
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def _month_axis(ax, lang: str):
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(4, 10)))
    ax.xaxis.set_minor_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter(labels.fmt("month_axis", lang)))
    for label in ax.get_xticklabels():
        label.set_rotation(0)


def _fiscal_year_lines(ax, start, end):
    """Dotted line at each 1 April inside the plotted span: fiscal years begin there."""
    if pd.isna(start) or pd.isna(end):
        return
    for y in range(start.year, end.year + 1):
        d = pd.Timestamp(year=y, month=4, day=1)
        if start < d <= end:
            ax.axvline(d, color="#999999", lw=0.8, ls=":", zorder=0)


class PlainTicks(mticker.Formatter):
    """Tick labels with thousands separators and as many decimals as the ticks need to differ (never
    '94 94 94 95'), and never '-0' or '-0.0'."""

    def __call__(self, x, pos=None):
        return tick_text(x, self.locs)


def tick_text(x: float, locs) -> str:
    finite = [float(v) for v in locs if np.isfinite(v)]
    digits = 0
    while digits < 4 and any(abs(round(v, digits) - v) > 1e-9 * max(1.0, abs(v)) for v in finite):
        digits += 1
    text = f"{x:,.{digits}f}"
    return text[1:] if text.startswith("-") and float(text[1:].replace(",", "")) == 0 else text


def _thousands(ax, axis="y", integer: bool = False):
    """Plain tick labels on an axis; `integer`: ticks only at whole numbers (for counts of people, cases, beds)."""
    a = ax.yaxis if axis == "y" else ax.xaxis
    if integer:
        a.set_major_locator(mticker.MaxNLocator(integer=True))
    a.set_major_formatter(PlainTicks())


def legend_above(ax, ncol: int = 4, **kw):
    """The legend in a row above the plotting area, where it cannot hide data."""
    return ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), ncol=ncol, frameon=False, borderaxespad=0.0,
                     **kw)
