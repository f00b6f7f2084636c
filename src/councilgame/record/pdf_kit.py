"""What the record's PDFs share: an A4 document in the game's Noto Sans, text
made safe to print, headings, and paired bars drawn with rectangles.

Noto Sans covers Latin, Greek and Cyrillic, so "Côte d'Ivoire" and what
students type print as written; a character the font lacks (an emoji, a
Chinese name) prints as "?" rather than as an empty box, and fpdf2 is
never asked for a glyph it would warn about. Without the font (a broken
install) the document falls back to Helvetica and Latin-1.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace, TTFFont

from councilgame import paths
from councilgame.safe_text import without_unsafe

FAMILY = "Noto"
FALLBACK = "Helvetica"
MISSING = "?"
# Sizes in points: body text reads at 10 on paper; headings step up in two sizes.
BODY, SMALL, H1, H2 = 10.0, 8.5, 16.0, 12.0
LINE = 5.0  # mm, body line height
MARGIN = 15.0  # mm
# Colours: this session in the game's blue, history in a grey of another lightness, so the two bars differ in
# print and for colour-blind readers; text in near-black, notes in grey.
SESSION_RGB = (31, 96, 160)
HISTORY_RGB = (165, 165, 165)
TEXT_RGB = (25, 25, 25)
MUTED_RGB = (95, 95, 95)
RULE_RGB = (200, 200, 200)
HEADING_RGB = (232, 236, 242)  # a table's heading row
# A table cell holds at most this many characters: fpdf2 cannot split a row across pages, and a 2,000-character
# speech in a narrow column would be taller than one. Speeches are printed whole below the table.
CELL_CHARS = 500
# A heading is never the last line of a page: at least this much (mm, a few lines) must fit under it.
KEEP_WITH_HEADING = 20.0


class Document(FPDF):
    """An A4 portrait page with a running head and "page n of N" at the foot."""

    def __init__(self, running_head: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.running_head = running_head
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 5)
        self.face, self._cmap = _fonts(self)
        self.set_title(running_head)
        self.set_creator("Council")

    def clean(self, text: object) -> str:
        """Text the font can print: no control characters, and "?" for what it has no glyph for."""
        raw = without_unsafe(str(text)).replace("\t", " ")
        if self._cmap is None:
            return raw.encode("latin-1", "replace").decode("latin-1")
        return "".join(ch if ch == "\n" or ord(ch) in self._cmap else MISSING for ch in raw)

    def header(self) -> None:
        self.set_font(self.face, "", SMALL)
        self.set_text_color(*MUTED_RGB)
        self.cell(0, 4, self.clean(self.running_head), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(*RULE_RGB)
        self.line(MARGIN, self.get_y() + 1, self.w - MARGIN, self.get_y() + 1)
        self.ln(5)
        self.set_text_color(*TEXT_RGB)

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.set_font(self.face, "", SMALL)
        self.set_text_color(*MUTED_RGB)
        self.cell(0, 4, "Scores are model estimates on a 0-100 scale, not facts.", align="L")
        self.set_x(MARGIN)
        self.cell(0, 4, f"page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(*TEXT_RGB)

    def heading(self, text: str, size: float = H1, keep: float = KEEP_WITH_HEADING) -> None:
        """A heading, on a new page if what follows it (keep, mm) would not fit under it."""
        if self.will_page_break(size * 1.2 + keep):
            self.add_page()
        self.set_font(self.face, "B", size)
        self.multi_cell(0, size * 0.5, self.clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)
        self.set_font(self.face, "", BODY)

    def para(self, text: str, size: float = BODY, muted: bool = False, bold: bool = False, indent: float = 0.0) -> None:
        self.set_font(self.face, "B" if bold else "", size)
        if muted:
            self.set_text_color(*MUTED_RGB)
        self.set_x(self.l_margin + indent)
        self.multi_cell(0, size * 0.5, self.clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*TEXT_RGB)
        self.set_font(self.face, "", BODY)

    def short(self, text: str | None) -> str:
        """A table cell's text, cut at CELL_CHARS."""
        if not text:
            return ""
        return self.clean(text if len(text) <= CELL_CHARS else text[:CELL_CHARS - 1].rstrip() + "…")

    def table_of(self, headings: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
                 size: float = SMALL + 0.5) -> None:
        """A table with its headings repeated on every page it runs onto."""
        self.set_font(self.face, "", size)
        self.set_draw_color(*RULE_RGB)
        self.set_fill_color(255, 255, 255)  # cells are filled with the current colour: a chart's bars leave theirs
        heading_style = FontFace(emphasis="BOLD", fill_color=HEADING_RGB)
        with self.table(col_widths=tuple(widths), text_align="LEFT", line_height=size * 0.48, padding=1.2,
                        first_row_as_headings=True, repeat_headings=1, width=self.epw, headings_style=heading_style) as table:
            head = table.row()
            for text in headings:
                head.cell(self.clean(text))
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(self.short(value))
        self.ln(3)
        self.set_font(self.face, "", BODY)


@dataclass(frozen=True)
class Bar:
    value: float  # 0-100
    rgb: tuple[int, int, int]
    decimals: int = 0  # the number printed by the bar


def bars_height(rows: Sequence[tuple[str, Sequence[Bar]]], bar_height: float = 3.6) -> float:
    """How tall paired_bars draws these rows, with its scale and legend (mm)."""
    return len(rows) * _group(rows, bar_height) + 16


def _group(rows: Sequence[tuple[str, Sequence[Bar]]], bar_height: float) -> float:
    return max(1, max(len(bars) for _, bars in rows)) * (bar_height + 0.8) + 2.2


def paired_bars(doc: Document, rows: Sequence[tuple[str, Sequence[Bar]]], legend: Sequence[tuple[str, Bar]],
                label_width: float = 42.0, bar_height: float = 3.6) -> None:
    """A horizontal bar per value, 0 to 100, grouped by row label, each with its number; then the legend.
    Drawn with rectangles (no image), so it prints sharp and the numbers stay text."""
    scale_width = doc.epw - label_width - 12
    group = _group(rows, bar_height)
    if doc.will_page_break(bars_height(rows, bar_height)):
        doc.add_page()
    x0, y = doc.l_margin, doc.get_y()
    doc.set_draw_color(*RULE_RGB)
    for tick in (0, 25, 50, 75, 100):  # a light scale behind the bars
        tx = x0 + label_width + scale_width * tick / 100
        doc.line(tx, y, tx, y + len(rows) * group)
        doc.set_font(doc.face, "", SMALL - 1)
        doc.set_text_color(*MUTED_RGB)
        doc.set_xy(tx - 5, y + len(rows) * group + 0.5)
        doc.cell(10, 3, str(tick), align="C")
    for i, (label, bars) in enumerate(rows):
        top = y + i * group + 1.5
        doc.set_font(doc.face, "B", BODY - 1)
        doc.set_text_color(*TEXT_RGB)
        doc.set_xy(x0, top)
        doc.cell(label_width - 2, len(bars) * (bar_height + 0.8), doc.clean(label), align="L")
        for j, bar in enumerate(bars):
            by = top + j * (bar_height + 0.8)
            width = scale_width * max(0.0, min(100.0, bar.value)) / 100
            doc.set_fill_color(*bar.rgb)
            if width > 0:
                doc.rect(x0 + label_width, by, width, bar_height, style="F")
            doc.set_font(doc.face, "", SMALL)
            doc.set_xy(x0 + label_width + width + 1, by)
            doc.cell(12, bar_height, f"{bar.value:.{bar.decimals}f}", align="L")
    doc.set_xy(x0, y + len(rows) * group + 5)
    for text, bar in legend:
        doc.set_fill_color(*bar.rgb)
        doc.rect(doc.get_x(), doc.get_y() + 0.8, 3.5, 3.5, style="F")
        doc.set_x(doc.get_x() + 5)
        doc.set_font(doc.face, "", SMALL)
        width = doc.get_string_width(doc.clean(text)) + 8
        doc.cell(width, 5, doc.clean(text))
    doc.set_text_color(*TEXT_RGB)
    doc.ln(9)


def _fonts(doc: FPDF) -> tuple[str, Mapping[int, object] | None]:
    """The family to use and the characters it has (None: the core font, Latin-1 only)."""
    regular, bold = _font_file("NotoSans-Regular.ttf"), _font_file("NotoSans-Bold.ttf")
    if regular is None or bold is None:
        return FALLBACK, None
    doc.add_font(FAMILY, "", str(regular))
    doc.add_font(FAMILY, "B", str(bold))
    font = doc.fonts[FAMILY.lower()]
    if not isinstance(font, TTFFont):  # add_font makes a TTFFont; anything else has no map to check against
        return FAMILY, None
    return FAMILY, font.cmap  # the same characters in both weights


def _font_file(name: str) -> Path | None:
    path = paths.assets() / "fonts" / name
    return path if path.is_file() else None
