"""kyoten_analysis — read kyoten results directories, draw the planners' charts, build the HTML/PDF report.

    from kyoten_analysis import load_results, charts, build_report
    res = load_results("results/setagaya-fy2023")
    fig = charts.fan_chart(res, "registrants_end", lang="ja")
    build_report("results/setagaya-fy2023", lang="ja")   # report_ja.html + report_ja.pdf

Command line: `python3 -m kyoten_analysis report DIR [--lang ja|en] [--out PATH]`.
"""
from . import charts, labels, stats, style, tables
from .report import Report, build_report
from .results import Results, ResultsError, load_many, load_results

__all__ = ["Report", "Results", "ResultsError", "build_report", "charts", "labels", "load_many", "load_results",
           "stats", "style", "tables"]

__version__ = "0.1.0"
