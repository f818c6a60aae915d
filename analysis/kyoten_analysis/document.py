"""The document model of a report: a title, facts and an ordered list of blocks (headings, paragraphs, tables,
charts). One model is rendered twice — as HTML through the Jinja2 template templates/report.html.j2 (which
headless Chromium prints to PDF) and, without a browser, as PDF pages drawn with matplotlib (report.py) — so the
two cannot drift apart."""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass
class Heading:
    text: str
    anchor: str | None = None
    level: int = 2
    first: bool = False  # the first section: no page-top margin


@dataclass
class Paragraph:
    text: str
    cls: str = "intro"
    anchor: str | None = None


@dataclass
class Table:
    headers: list
    rows: list  # cells are text, or (text, extra class)
    cls: str = ""
    num_cols: tuple = ()
    row_classes: list | None = None
    pdf_widths: list | None = None  # relative column widths on a matplotlib PDF page; equal when None
    pdf_size: float = 8.0

    def cells(self):
        """Rows of (text, classes) for the template: a numeric column is right-aligned (class num)."""
        out = []
        for i, r in enumerate(self.rows):
            cells = []
            for j, c in enumerate(r):
                text, extra = (c[0], c[1]) if isinstance(c, tuple) else (c, "")
                cls = " ".join(x for x in (extra, "num" if j in self.num_cols else "") if x)
                cells.append((text, cls))
            out.append((self.row_classes[i] if self.row_classes else "", cells))
        return out

    def plain_rows(self):
        return [[c[0] if isinstance(c, tuple) else c for c in r] for r in self.rows]


@dataclass
class Toc:
    heading: str
    entries: list  # (anchor, name) pairs


@dataclass
class Figure:
    fig: object  # a matplotlib figure made by charts._finish (metadata on fig.kyoten)
    number: int  # 1, 2, … in the document
    reading_label: str  # 読み方 / Reading

    @property
    def meta(self) -> dict:
        return self.fig.kyoten

    def png_base64(self) -> str:
        from . import charts, report
        return report.figure_png_base64(charts.without_title_and_reading(self.fig))


@dataclass
class Document:
    lang: str
    html_lang: str
    title: str  # <title>
    version: str  # kyoten's, in the generator meta tag
    blocks: list = field(default_factory=list)

    @property
    def figures(self) -> list:
        return [b for b in self.blocks if isinstance(b, Figure)]


def _escape(value) -> Markup:
    """Every value is escaped as html.escape does (quotes included), unless it is already markup."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape("" if value is None else str(value)))


def render_html(doc: Document, css: str, check_script: str, csp: str) -> str:
    """The document as one self-contained HTML page (charts embedded as base64 PNG)."""
    import jinja2
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, finalize=_escape,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.tests["heading"] = lambda b: isinstance(b, Heading)
    env.tests["paragraph"] = lambda b: isinstance(b, Paragraph)
    env.tests["table"] = lambda b: isinstance(b, Table)
    env.tests["figure"] = lambda b: isinstance(b, Figure)
    env.tests["toc"] = lambda b: isinstance(b, Toc)
    return env.get_template("report.html.j2").render(doc=doc, css=Markup(css), check_script=Markup(check_script),
                                                     csp=Markup(csp))
