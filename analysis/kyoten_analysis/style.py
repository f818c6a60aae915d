"""matplotlib set-up: a CJK font so Japanese renders (no tofu), colours, and figure sizes."""
from __future__ import annotations

import io
import warnings

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure

# Figures are plain matplotlib.figure.Figure objects, not pyplot's: nothing is kept open behind the caller's back,
# no window is ever needed (tests, nbconvert, the CLI), and a notebook still shows a returned figure inline.
plt_rc = matplotlib.rcParams

CJK_FAMILY = "Noto Sans CJK JP"  # Debian fonts-noto-cjk
FALLBACK_FAMILIES = ["IPAexGothic", "IPAGothic", "Noto Sans JP"]  # fonts-ipaexfont, if that is what is installed

# Okabe–Ito colours: distinguishable by readers with colour-vision deficiency, and in greyscale print.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
           "#999999", "#8C564B", "#1F4E79", "#7F7F00"]
MAIN = "#0072B2"
ACCENT = "#D55E00"
GREY = "#BBBBBB"

FIG_WIDE = (9.0, 4.8)

_done = False


class FontMissing(RuntimeError):
    """No font that can draw Japanese is installed."""


def cjk_font_path() -> str:
    """Path of the font used for Japanese; raises FontMissing if none is installed."""
    for family in [CJK_FAMILY, *FALLBACK_FAMILIES]:
        try:
            return font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
        except ValueError:
            continue
    raise FontMissing(f"no Japanese font found: install Debian's fonts-noto-cjk (font family '{CJK_FAMILY}')")


def cjk_family() -> str:
    path = cjk_font_path()
    return font_manager.FontProperties(fname=path).get_name()


def setup() -> None:
    """Apply the kyoten style once per process (fonts, sizes, grid)."""
    global _done
    if _done:
        return
    family = cjk_family()
    plt_rc.update({
        "font.family": [family, "DejaVu Sans"],
        "axes.unicode_minus": False,  # U+2212 is in DejaVu but not every CJK font; keep ASCII '-'
        "figure.dpi": 100,
        "savefig.dpi": 110,
        "figure.figsize": FIG_WIDE,
        "axes.titlesize": 13,
        "axes.titleweight": "bold",
        "axes.labelsize": 10.5,
        "xtick.labelsize": 9,
        "ytick.labelsize": 9,
        "legend.fontsize": 9,
        "axes.grid": True,
        "grid.color": "#DDDDDD",
        "grid.linewidth": 0.6,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
        "pdf.fonttype": 42,  # TrueType in PDFs: text stays searchable
    })
    _done = True


def check_glyphs(sample: str = "世田谷区 緊急時バックアップセンター 安全確保までの平均時間（時間）令和6年度 −") -> list[str]:
    """Draw `sample` and return the 'Glyph … missing' warnings matplotlib gave (empty: everything rendered)."""
    setup()
    fig = Figure(figsize=(4, 1))
    ax = fig.add_subplot()
    ax.set_title(sample)
    ax.text(0.5, 0.5, sample)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
    return [str(w.message) for w in caught if "missing" in str(w.message).lower()]


def figure(size=FIG_WIDE, **kw):
    """A new figure with the kyoten style (constrained layout leaves room for the reading line)."""
    setup()
    return Figure(figsize=size, layout="constrained", **kw)


def to_png(fig, dpi: int = 110) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()
