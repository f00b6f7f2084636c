"""What a laid-out screen shows, as the layout tests read it: every text's box and
lines, text that runs past its box or is cut short, texts that overlap, and chrome
(titles, labels) that does not grow with the text size. It reads the widgets'
rectangles, the rendered width of their lines and the sizes they chose, not pixels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame

# Pixels a line may pass its box by (anti-aliasing, a glyph's overhang).
SLACK = 2
ELLIPSIS = "…"
# Chrome grows at least this share of the body text's growth: at 200% text, 1.4 times its size at
# 100%. Panel titles and the crisis bars' labels, fitted into boxes of their 100% height, stayed at
# their 100% size, too small on a classroom's projector.
CHROME_GROWTH = 0.4
# The widgets that draw chrome, and so must report it (widgets.ChromeText) for the check above.
CHROME_KINDS = ("Panel", "Meter", "ScoreChart")


@dataclass(frozen=True)
class Text:
    widget: str  # the widget's kind
    rect: pygame.Rect  # where its text is drawn
    lines: tuple[str, ...]  # as laid out (a scrolling block: every line, shown or not)
    source: str  # the whole text it was given


def texts(scene: Any) -> list[Text]:
    """Every text a screen draws, with the box it is drawn in."""
    out = []
    for widget in getattr(scene, "widgets", []):
        kind = type(widget).__name__
        font = getattr(widget, "_font", None)
        title = str(getattr(widget, "title", ""))
        if kind == "Panel" and title and font is not None:
            width, height = font.size(widget._lines[0]) if widget._lines else (0, 0)
            band = pygame.Rect(widget.rect.left + 12, widget.rect.top + 5, width, height)
            out.append(Text(kind, band, tuple(widget._lines), title))
            continue
        lines = getattr(widget, "_lines", None)
        if not lines or font is None:
            continue
        source = getattr(widget, "text", None) or getattr(widget, "label", None) or getattr(widget, "name", "")
        out.append(Text(kind, widget.rect, tuple(lines), str(source)))
    return out


def problems(scene: Any) -> list[str]:
    """Text that runs past its box, is cut short, or lies over other text, in words."""
    found = []
    widgets = [w for w in getattr(scene, "widgets", []) if getattr(w, "_font", None) is not None]
    for widget in widgets:
        font = widget._font
        kind = type(widget).__name__
        lines = getattr(widget, "_lines", []) or []
        room = widget.rect.width - (24 + getattr(widget, "aside", 0) if kind == "Panel" else 0)  # a title's margins
        for line in lines:
            if font.size(line)[0] > room + SLACK:
                found.append(f"{kind} '{line[:40]}' is {font.size(line)[0]} px wide in a {room} px box")
        source = getattr(widget, "label", None) or getattr(widget, "name", None)
        if lines and isinstance(source, str) and lines[-1].endswith(ELLIPSIS) and not source.endswith(ELLIPSIS):
            found.append(f"{kind} '{source[:40]}' is cut short")
        if getattr(widget, "fits", True) is False:  # a widget that knows its own text does not fit (a seat chip)
            found.append(f"{kind} '{str(source)[:40]}' does not fit its box")
        if kind == "TextBlock" and getattr(widget, "fit", False):
            if len(lines) * font.get_linesize() > widget.rect.height + SLACK:
                found.append(f"TextBlock '{lines[0][:40]}' does not fit its box ({len(lines)} lines)")
    found += ungrown(scene)
    boxes = texts(scene)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a.rect.colliderect(b.rect) and not _nested(a, b):
                found.append(f"{a.widget} '{a.source[:30]}' overlaps {b.widget} '{b.source[:30]}'")
    return found


def _nested(a: Text, b: Text) -> bool:
    """A panel's title band sits above its contents: only its band counts, so nesting is never overlap
    unless the band itself is covered."""
    return False


def ungrown(scene: Any) -> list[str]:
    """Chrome drawn smaller than the text size asks (CHROME_GROWTH) where the larger size would fit
    its width, and chrome widgets that do not say what size they drew their text at."""
    from councilgame.ui import theme

    found = []
    for widget in getattr(scene, "widgets", []):
        kind = type(widget).__name__
        chrome = getattr(widget, "chrome", ())
        if kind in CHROME_KINDS and getattr(widget, "_lines", None) and not chrome:
            found.append(f"{kind} '{widget._lines[0][:40]}' does not report the size of its chrome")
        for line in chrome:
            wanted = round(line.nominal * (1 + (line.scale - 1) * CHROME_GROWTH))
            if line.px < wanted and theme.font(wanted, line.bold).size(line.text)[0] <= line.room:
                found.append(f"{kind} '{line.text[:40]}' is drawn at {line.px} px, not the {wanted} px its text size "
                             f"asks, though it would fit")
    return found
