"""What every chart test checks: texts in the chosen language, no missing glyph, legends off the data, whole
ticks for counts."""
import warnings

from kyoten_analysis import charts, labels, style


def axes_labels(fig):
    return {(ax.get_xlabel(), ax.get_ylabel()) for ax in fig.axes}


def check_texts(fig, chart_id, lang):
    t = labels.chart_text(chart_id, lang)
    assert fig.kyoten["id"] == chart_id
    assert fig.kyoten["title"].startswith(t["title"])  # a chart of totals adds its period
    assert fig._suptitle.get_text() == fig.kyoten["title"]
    assert fig.kyoten["reading"] == t["reading"]
    drawn = "".join(charts.figure_texts(fig))
    assert t["reading"][:12] in drawn.replace("\n", "")
    xs = {x for x, _ in axes_labels(fig)}
    ys = {y for _, y in axes_labels(fig)}
    assert t["xlabel"] in xs
    assert t["ylabel"] in ys


def render_without_missing_glyphs(fig):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = style.to_png(fig)
    missing = [str(w.message) for w in caught if "missing" in str(w.message).lower()]
    assert not missing, missing
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def assert_legend_off_the_data(fig):
    """The legend's box lies outside the plotting area of its axes (it hides no data)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    for ax in fig.axes:
        leg = ax.get_legend()
        if leg is None:
            continue
        lb, ab = leg.get_window_extent(renderer), ax.get_window_extent(renderer)
        overlap_w = min(lb.x1, ab.x1) - max(lb.x0, ab.x0)
        overlap_h = min(lb.y1, ab.y1) - max(lb.y0, ab.y0)
        assert overlap_w <= 1 or overlap_h <= 1, (lb, ab)


def assert_whole_number_ticks(ax, axis="y"):
    style.to_png(ax.figure)
    a = ax.yaxis if axis == "y" else ax.xaxis
    locs = [v for v in a.get_majorticklocs() if ax.get_ylim()[0] <= v <= ax.get_ylim()[1]]
    assert locs and all(float(v).is_integer() for v in locs), locs
    texts = [t.get_text() for t in a.get_ticklabels() if t.get_text()]
    assert len(texts) == len(set(texts)), texts  # no label repeats
    assert not any(t.startswith("-0") for t in texts), texts
