"""A small widget set with a keyboard focus ring. (pygame_gui has no Tab
order and its buttons cannot be pressed from the keyboard, and every text
here must reflow from 100 to 200 percent, so the game draws its own.)

Widgets lay themselves out in `layout()` (fonts and wrapping depend on the
text size), answer input in `handle()`, and only read in `draw()`."""

from __future__ import annotations

from typing import Callable

import pygame

from councilgame.ui import text as textlib
from councilgame.ui.context import UiContext
from councilgame.ui.intents import Input, Intent


def fitting_font(ctx: UiContext, size: int, bold: bool, text: str, width: int, height: int):
    """The largest font up to the chosen text size at which text fits the box
    (for chrome: titles and labels shrink, body text scrolls instead)."""
    scaled = max(8, round(size * ctx.settings.scale))
    from councilgame.ui import theme

    for px in range(scaled, 8, -1):
        font = theme.font(px, bold)
        lines = textlib.wrap(text, font, max(10, width))
        if len(lines) * font.get_linesize() <= height:
            return font, lines
    font = theme.font(9, bold)
    return font, textlib.wrap(text, font, max(10, width))


def render(cache: dict, font, text: str, colour):
    """A rendered line, kept: re-rendering every line every frame costs more than a frame."""
    key = (id(font), text, colour)
    image = cache.get(key)
    if image is None:
        if len(cache) > 512:
            cache.clear()
        image = cache[key] = font.render(text, True, colour)
    return image


class Widget:
    focusable = False

    def __init__(self, rect):
        self.rect = pygame.Rect(rect)
        self.enabled = True
        self._images: dict = {}

    def layout(self, ctx: UiContext) -> None:
        pass

    def handle(self, event: Input, ctx: UiContext) -> bool:
        return False

    def activate(self) -> None:
        pass

    def term_at(self, pos) -> tuple[str, str] | None:
        return None

    def focus_terms(self) -> tuple[str, str] | None:
        return None

    def draw(self, surface, ctx: UiContext, focused: bool) -> None:
        raise NotImplementedError


class Button(Widget):
    focusable = True

    def __init__(self, rect, label: str, on_press: Callable[[], None] | None, size: int = 20, hint: str = "",
                 selected: bool = False, tone: str | None = None):
        super().__init__(rect)
        self.label = label
        self.on_press = on_press
        self.size = size
        self.hint = hint
        self.selected = selected
        self.tone = tone  # "yes" / "no" / "abstain" colours a button's edge
        self.enabled = on_press is not None
        self._lines: list[str] = []
        self._font = None

    def layout(self, ctx: UiContext) -> None:
        size = self.size
        while True:
            self._font = ctx.font(size, bold=True)
            self._lines = textlib.wrap(self.label, self._font, self.rect.width - 16)
            height = len(self._lines) * self._font.get_linesize()
            if height <= self.rect.height - 6 or size <= 10:
                break
            size -= 1  # shrink a label that would not fit its button
        if len(self._lines) * self._font.get_linesize() > self.rect.height:
            fit = max(1, (self.rect.height - 6) // self._font.get_linesize())
            self._lines = self._lines[:fit]
            self._lines[-1] = self._lines[-1][:-1] + "…" if self._lines[-1] else "…"

    def activate(self) -> None:
        if self.enabled and self.on_press:
            self.on_press()

    def draw(self, surface, ctx: UiContext, focused: bool) -> None:
        p = ctx.palette
        fill = p.accent if self.selected else p.panel_light
        pygame.draw.rect(surface, fill if self.enabled else p.panel, self.rect, border_radius=8)
        if self.tone:
            pygame.draw.rect(surface, getattr(p, self.tone), self.rect, width=2, border_radius=8)
        colour = (p.background if self.selected else p.text) if self.enabled else p.disabled
        line_height = self._font.get_linesize()
        top = self.rect.centery - len(self._lines) * line_height // 2
        for i, line in enumerate(self._lines):
            image = render(self._images, self._font, line, colour)
            surface.blit(image, image.get_rect(midtop=(self.rect.centerx, top + i * line_height)))


class Card(Button):
    """A choice with a heading, a line of details and a short body (a case, a seat)."""

    def __init__(self, rect, heading: str, details: str, body: str, on_press):
        super().__init__(rect, heading, on_press)
        self.heading, self.details, self.body = heading, details, body

    def layout(self, ctx: UiContext) -> None:
        width = self.rect.width - 28
        self._head_font, self._head = fitting_font(ctx, 22, True, self.heading, width, 64)
        self._detail_font, self._detail = fitting_font(ctx, 15, False, self.details, width, 44)
        used = len(self._head) * self._head_font.get_linesize() + len(self._detail) * self._detail_font.get_linesize()
        room = self.rect.height - used - 36
        self._body_font = ctx.font(15)
        lines = textlib.wrap(self.body, self._body_font, width)
        fit = max(0, room // self._body_font.get_linesize())
        if len(lines) > fit:
            lines = lines[:fit]
            if lines:
                lines[-1] = lines[-1].rstrip(" .,;:") + "…"
        self._body = lines

    def draw(self, surface, ctx: UiContext, focused: bool) -> None:
        p = ctx.palette
        pygame.draw.rect(surface, p.panel_light, self.rect, border_radius=10)
        x, y = self.rect.left + 14, self.rect.top + 12
        for font, lines, colour in ((self._head_font, self._head, p.text), (self._detail_font, self._detail, p.accent),
                                    (self._body_font, self._body, p.muted)):
            for line in lines:
                surface.blit(font.render(line, True, colour), (x, y))
                y += font.get_linesize()
            y += 6


class TextBlock(Widget):
    """Wrapped text that scrolls when it overflows (mouse wheel, or arrows
    when focused), with glossary terms underlined and explained on hover."""

    def __init__(self, rect, text: str, size: int = 18, bold: bool = False, colour: str = "text",
                 centred: bool = False, glossary: bool = True, fit: bool = False):
        super().__init__(rect)
        self.fit = fit  # chrome: shrink to fit rather than scroll
        self.text = text
        self.size = size
        self.bold = bold
        self.colour = colour
        self.centred = centred
        self.use_glossary = glossary
        self.scroll = 0
        self._lines: list[str] = []
        self._terms: list[list[tuple[int, int, str]]] = []
        self._font = None
        self._glossary: dict[str, str] = {}

    @property
    def focusable(self) -> bool:  # only text that overflows needs the keyboard
        return self.overflows

    @property
    def overflows(self) -> bool:
        return self._font is not None and len(self._lines) * self._font.get_linesize() > self.rect.height

    def layout(self, ctx: UiContext) -> None:
        if self.fit:
            self._font, self._lines = fitting_font(ctx, self.size, self.bold, self.text, self.rect.width - 4, self.rect.height)
        else:
            self._font = ctx.font(self.size, self.bold)
            self._lines = textlib.wrap(self.text, self._font, max(20, self.rect.width - 12))
        self._glossary = ctx.glossary if self.use_glossary else {}
        self._terms = [textlib.terms_in(line, self._glossary) for line in self._lines]
        self.scroll = min(self.scroll, self.max_scroll)

    @property
    def visible_lines(self) -> int:
        return max(1, self.rect.height // self._font.get_linesize()) if self._font else 1

    @property
    def max_scroll(self) -> int:
        return max(0, len(self._lines) - self.visible_lines)

    def handle(self, event: Input, ctx: UiContext) -> bool:
        if event.intent is Intent.SCROLL and event.pos and self.rect.collidepoint(event.pos):
            self.scroll = max(0, min(self.max_scroll, self.scroll + event.amount))
            return True
        return False

    def scroll_by(self, lines: int) -> None:
        self.scroll = max(0, min(self.max_scroll, self.scroll + lines))

    def term_at(self, pos) -> tuple[str, str] | None:
        if not self._font or not self.rect.collidepoint(pos):
            return None
        line_height = self._font.get_linesize()
        row = (pos[1] - self.rect.top) // line_height + self.scroll
        if not 0 <= row < len(self._lines):
            return None
        line = self._lines[row]
        x0 = self._line_x(line)
        for start, end, term in self._terms[row]:
            left = x0 + self._font.size(line[:start])[0]
            right = x0 + self._font.size(line[:end])[0]
            if left <= pos[0] <= right:
                return term, self._glossary[term]
        return None

    def focus_terms(self) -> tuple[str, str] | None:
        for row in range(self.scroll, min(len(self._lines), self.scroll + self.visible_lines)):
            if self._terms[row]:
                term = self._terms[row][0][2]
                return term, self._glossary[term]
        return None

    def _line_x(self, line: str) -> int:
        if self.centred:
            return self.rect.centerx - self._font.size(line)[0] // 2
        return self.rect.left

    def draw(self, surface, ctx: UiContext, focused: bool) -> None:
        colour = getattr(ctx.palette, self.colour)
        line_height = self._font.get_linesize()
        clip = surface.get_clip()
        surface.set_clip(self.rect)
        shown = self._lines[self.scroll:self.scroll + self.visible_lines]
        for i, line in enumerate(shown):
            y = self.rect.top + i * line_height
            x = self._line_x(line)
            surface.blit(render(self._images, self._font, line, colour), (x, y))
            for start, end, _ in self._terms[self.scroll + i]:
                left = x + self._font.size(line[:start])[0]
                right = x + self._font.size(line[:end])[0]
                pygame.draw.line(surface, ctx.palette.accent, (left, y + line_height - 3), (right, y + line_height - 3), 1)
        surface.set_clip(clip)
        if self.overflows:  # a slim scrollbar inside the box: where we are, how much there is
            track = pygame.Rect(self.rect.right - 5, self.rect.top, 5, self.rect.height)
            pygame.draw.rect(surface, ctx.palette.panel_light, track, border_radius=2)
            total = len(self._lines)
            thumb = track.copy()
            thumb.height = max(12, track.height * self.visible_lines // total)
            thumb.top = track.top + (track.height - thumb.height) * self.scroll // max(1, self.max_scroll)
            pygame.draw.rect(surface, ctx.palette.accent, thumb, border_radius=2)


class Panel(Widget):
    def __init__(self, rect, title: str = ""):
        super().__init__(rect)
        self.title = title

    def layout(self, ctx: UiContext) -> None:
        if self.title:
            self._font, self._lines = fitting_font(ctx, 16, True, self.title.upper(), 10_000, 22)
            while self._font.size(self._lines[0])[0] > self.rect.width - 24 and self._font.get_height() > 9:
                from councilgame.ui import theme

                self._font = theme.font(self._font.get_height() - 2, True)

    def draw(self, surface, ctx: UiContext, focused: bool) -> None:
        pygame.draw.rect(surface, ctx.palette.panel, self.rect, border_radius=10)
        if self.title:
            image = self._font.render(self.title.upper(), True, ctx.palette.muted)
            surface.blit(image, (self.rect.left + 12, self.rect.top + 5))


class Meter(Widget):
    """A labelled 0-100 bar for a crisis indicator, with the change since last round."""

    def __init__(self, rect, label: str, value: float, previous: float | None = None, good_high: bool = False):
        super().__init__(rect)
        self.label, self.value, self.previous, self.good_high = label, value, previous, good_high

    def layout(self, ctx: UiContext) -> None:
        self._font, _ = fitting_font(ctx, 14, False, self.label, self.rect.width - 70, self.rect.height - 14)

    def draw(self, surface, ctx: UiContext, focused: bool) -> None:
        p = ctx.palette
        font = self._font
        label = font.render(self.label, True, p.muted)
        surface.blit(label, self.rect.topleft)
        bar = pygame.Rect(self.rect.left, self.rect.top + label.get_height() + 1, self.rect.width - 60, 10)
        pygame.draw.rect(surface, p.panel_light, bar, border_radius=4)
        filled = bar.copy()
        filled.width = int(bar.width * max(0.0, min(100.0, self.value)) / 100)
        bad = (self.value < 40) if self.good_high else (self.value > 60)
        pygame.draw.rect(surface, p.no if bad else p.accent, filled, border_radius=4)
        delta = "" if self.previous is None else f" {self.value - self.previous:+.0f}"
        number = font.render(f"{self.value:.0f}{delta}", True, p.text)
        surface.blit(number, (bar.right + 8, bar.top - 4))


def draw_focus(surface, ctx: UiContext, widget: Widget) -> None:
    pygame.draw.rect(surface, ctx.palette.focus, widget.rect.inflate(6, 6), width=3, border_radius=10)


def draw_tooltip(surface, ctx: UiContext, term: str, meaning: str, anchor) -> None:
    font = ctx.font(16)
    width = min(520, surface.get_width() - 20)
    lines = textlib.wrap(f"{term}: {meaning}", font, width - 20)
    height = len(lines) * font.get_linesize() + 16
    box = pygame.Rect(0, 0, width, height)
    box.topleft = (anchor[0] + 12, anchor[1] + 18)
    box.clamp_ip(surface.get_rect())
    pygame.draw.rect(surface, ctx.palette.panel_light, box, border_radius=8)
    pygame.draw.rect(surface, ctx.palette.accent, box, width=2, border_radius=8)
    for i, line in enumerate(lines):
        surface.blit(font.render(line, True, ctx.palette.text), (box.left + 10, box.top + 8 + i * font.get_linesize()))
