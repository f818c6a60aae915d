"""Command line: `python3 -m kyoten_analysis report DIR [--lang ja|en] [--out PATH]` and friends.

Exit codes follow `kyoten`: 0 success, 1 failure while writing, 2 bad input (no such directory, unreadable
results, bad option)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

BAD_INPUT = 2
FAILED = 1


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python3 -m kyoten_analysis",
                                description="Charts and reports from a kyoten results directory "
                                            "(docs/results-format.md). Japanese by default.")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("report", help="write DIR/report_<lang>.html and .pdf and print their paths")
    r.add_argument("dir", help="results directory written by `kyoten run --out DIR` (or its results.db), or the "
                               "folder `kyoten compare --out DIR` wrote (comparison.json): the options side by side")
    r.add_argument("--lang", choices=["ja", "en"], default="ja", help="language of the report (default: ja)")
    r.add_argument("--out", help="HTML file to write (the PDF goes next to it), or a directory "
                                 "(default: DIR/report_<lang>.html)")
    r.add_argument("--pdf-engine", choices=["auto", "chromium", "matplotlib", "none"], default="auto",
                   help="auto: headless Chromium if installed, else matplotlib; none: HTML only")
    c = sub.add_parser("charts", help="write every chart of the report as PNG (with title and reading)")
    c.add_argument("dir")
    c.add_argument("--lang", choices=["ja", "en"], default="ja")
    c.add_argument("--out", help="directory for the PNGs (default: DIR/charts_<lang>)")
    x = sub.add_parser("export", help="write the budget office's workbook (DIR/workbook_<lang>.xlsx) and/or its "
                                      "tables as CSV with a UTF-8 BOM (DIR/tables_<lang>/)")
    x.add_argument("dir")
    x.add_argument("--lang", choices=["ja", "en"], default="ja")
    x.add_argument("--xlsx", action="store_true", help="the .xlsx workbook (the default when neither is given)")
    x.add_argument("--csv-bom", action="store_true", help="each sheet as a CSV file with a UTF-8 BOM")
    x.add_argument("--out", help="folder for the files (default: DIR)")
    sub.add_parser("check-fonts", help="check that Japanese text renders (no missing glyphs)")
    return p


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    from . import charts, style
    from .report import build_report
    from .results import ResultsError, load_results

    if args.command == "check-fonts":
        try:
            path = style.cjk_font_path()
        except style.FontMissing as e:
            print(f"kyoten_analysis: {e}", file=sys.stderr)
            return FAILED
        missing = style.check_glyphs()
        print(f"font: {path}")
        if missing:
            print("missing glyphs:\n" + "\n".join(missing), file=sys.stderr)
            return FAILED
        print("ok: Japanese renders without missing glyphs")
        return 0
    if args.command == "report":
        from . import comparison_report, optimize_report, sweep_report
        from .report import build_comparison_report, build_optimize_report, build_sweep_report
        build = build_comparison_report if comparison_report.is_comparison_folder(args.dir) else \
            build_optimize_report if optimize_report.is_optimize_folder(args.dir) else \
            build_sweep_report if sweep_report.is_sweep_database(args.dir) else None
        if build is not None:
            try:
                rep = build(args.dir, lang=args.lang, out=args.out, pdf_engine=args.pdf_engine)
            except ResultsError as e:
                print(f"kyoten_analysis: {e}", file=sys.stderr)
                return BAD_INPUT
            except (OSError, RuntimeError) as e:
                print(f"kyoten_analysis: {e}", file=sys.stderr)
                return FAILED
            print(rep.html)
            if rep.pdf:
                print(rep.pdf)
            return 0
    try:
        res = load_results(args.dir)
    except ResultsError as e:
        print(f"kyoten_analysis: {e}", file=sys.stderr)
        return BAD_INPUT
    except (KeyError, TypeError, ValueError) as e:  # a case the checks missed: still a message, not a traceback
        print(f"kyoten_analysis: {args.dir}: does not follow docs/results-format.md ({type(e).__name__}: {e})",
              file=sys.stderr)
        return BAD_INPUT
    try:
        if args.command == "report":
            rep = build_report(res, lang=args.lang, out=args.out, pdf_engine=args.pdf_engine)
            print(rep.html)
            if rep.pdf:
                print(rep.pdf)
            return 0
        if args.command == "export":
            from . import workbook
            folder = Path(args.out) if args.out else Path(args.dir)
            if args.xlsx or not args.csv_bom:
                print(workbook.write_xlsx(res, folder / f"workbook_{args.lang}.xlsx", args.lang))
            if args.csv_bom:
                for p in workbook.write_csv_bom(res, folder / f"tables_{args.lang}", args.lang):
                    print(p)
            return 0
        if args.command == "charts":
            out = Path(args.out) if args.out else Path(args.dir) / f"charts_{args.lang}"
            out.mkdir(parents=True, exist_ok=True)
            for i, fig in enumerate(charts.report_charts(res, args.lang), start=1):
                path = out / f"{i:02d}_{fig.kyoten['id']}.png"
                fig.savefig(path)
                print(path)
            return 0
    except (OSError, RuntimeError) as e:
        print(f"kyoten_analysis: {e}", file=sys.stderr)
        return FAILED
    except (KeyError, TypeError, ValueError) as e:  # values the format allows but the drawing did not expect
        print(f"kyoten_analysis: cannot draw from {args.dir}: {type(e).__name__}: {e}", file=sys.stderr)
        return BAD_INPUT
    return BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
