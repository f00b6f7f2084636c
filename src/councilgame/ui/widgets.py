"""A small widget set with a keyboard focus ring. (pygame_gui has no Tab
order and its buttons cannot be pressed from the keyboard, and every text
here must reflow from 100 to 200 percent, so the game draws its own.)

Widgets lay themselves out in `layout()` (fonts and wrapping depend on the
text size), answer input in `handle()`, and only read in `draw()`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from councilgame.i18n import _
from councilgame.safe_text import UNSAFE, UNSAFE_IN_LINE
from councilgame.ui import text as textlib
from councilgame.ui.context import UiContext
from councilgame.ui.intents import Edit, Input, Intent

SCROLLBAR_WIDTH = 5
# Rows of choices grow half as fast as the text: at 200% a row is half as tall again, its label
# shrinks a little to fit, and fewer rows show at once (the rest scroll) rather than all text shrinking.
ROW_GROWTH = 0.5
MORE_SIZE = (220, 40)  # a list's own "more" button at the foot of its box, at 100% text
UNPLACED = (0, 0, 0, 0)  # the rect of a list item until its ScrollList places it
MIN_CHROME = 9  # the smallest a title or label shrinks to: below it the font's strokes break up


def grown(size: int, ctx: UiContext) -> int:
    """A row's height (or an item's width) at the chosen text size."""
    return round(size * (1 + (ctx.settings.scale - 1) * ROW_GROWTH))


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


def one_line(ctx: UiContext, size: int, bold: bool, width: int, height: int, *texts: str):
    """(font, px): the largest font up to the chosen text size at which the texts fit side by side in
    `width` (the caller takes the gaps between them off it) and one line of at most `height`, for
    chrome that must not wrap."""
    from councilgame.ui import theme

    for px in range(max(MIN_CHROME, round(size * ctx.settings.scale)), MIN_CHROME, -1):
        font = theme.font(px, bold)
        if font.get_linesize() <= height and sum(font.size(t)[0] for t in texts) <= width:
            return font, px
    return theme.font(MIN_CHROME, bold), MIN_CHROME


@dataclass(frozen=True)
class ChromeText:
    """A line of chrome as laid out, for the layout inspector (ui/inspect.py), which checks that
    chrome grows with the text size: its size at 100% text, the size it is drawn at, and the width
    it had (it may stay smaller only where the larger size would not fit that width)."""

    text: str
    nominal: int
    px: int
    bold: bool
    room: int
    scale: float


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
    takes_text = False  # whether it is typed into while it has the focus (a TextInput): the app then takes text

    @property
    def focusable(self) -> bool:  # a property, so that a TextBlock can answer by its text (a Button: True)
        return False

    def __init__(self, rect) -> None:
        self.rect = pygame.Rect(rect)
        self.enabled = True
        self._images: dict = {}
        self.chrome: tuple[ChromeText, ...] = ()  # its titles and labels as laid out, for the inspector

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

    def spoken(self) -> str:
        """What self-voicing says for it (ui/speech.py): its words and what kind of thing it is."""
        return ""

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
        self._font: pygame.font.Font | None = None  # set by layout

    def layout(self, ctx: UiContext) -> None:
        size = self.size
        while True:
            self._font = font = ctx.font(size, bold=True)
            self._lines = textlib.wrap(self.label, font, self.rect.width - 16)
            height = len(self._lines) * font.get_linesize()
            if height <= self.rect.height - 6 or size <= 10:
                break
            size -= 1  # shrink a label that would not fit its button
        if len(self._lines) * font.get_linesize() > self.rect.height:
            fit = max(1, (self.rect.height - 6) // font.get_linesize())
            self._lines = self._lines[:fit]
            self._lines[-1] = self._lines[-1][:-1] + "…" if self._lines[-1] else "…"

    def activate(self) -> None:
        if self.enabled and self.on_press:
            self.on_press()

    def spoken(self) -> str:
        return self._spoken_as(self.label)

    def _spoken_as(self, words: str) -> str:
        said = _("{label}, button").format(label=words)
        if self.selected:
            said = _("{said}, selected").format(said=said)
        if not self.enabled:  # what cannot be done says why, as its tooltip does
            said = (_("{said}, unavailable: {why}").format(said=said, why=self.hint) if self.hint
                    else _("{said}, unavailable").format(said=said))
        return said

    def draw(self, surface, ctx: UiContext, focused: bool) -> None:
        p = ctx.palette
        fill = p.accent if self.selected else p.panel_light
        pygame.draw.rect(surface, fill if self.enabled else p.panel, self.rect, border_radius=8)
        if self.tone:
            pygame.draw.rect(surface, getattr(p, self.tone), self.rect, width=2, border_radius=8)
        colour = (p.background if self.selected else p.text) if self.enabled else p.disabled
        font = self._font
        assert font is not None, "a widget is laid out before it is drawn"
        line_height = font.get_linesize()
        top = self.rect.centery - len(self._lines) * line_height // 2
        for i, line in enumerate(self._lines):
            image = render(self._images, font, line, colour)
            surface.blit(image, image.get_rect(midtop=(self.rect.centerx, top + i * line_height)))


class Card(Button):
    """A choice with a heading, a line of details and a short body (a case, a seat), and an
    optional badge in its corner ("Your case") whose colour is its edge's `tone`."""

    def __init__(self, rect, heading: str, details: str, body: str, on_press, badge: str = "", tone: str | None = None):
        super().__init__(rect, heading, on_press, tone=tone)
        self.heading, self.details, self.body, self.badge = heading, details, body, badge

    def spoken(self) -> str:  # the whole body, which the card may show cut short
        words = ". ".join(x for x in (self.heading, self.badge, self.details, self.body) if x)
        return self._spoken_as(words)

    def layout(self, ctx: UiContext) -> None:
        width = self.rect.width - 28
        beside_badge = width
        if self.badge:  # the badge takes the heading's top right corner, up to half the width, on one line
            # On one line, shrinking with larger text down to its size at 100%, no smaller: a badge still too
            # long (a pack's long name) is cut there, and shows it is.
            from councilgame.ui import theme

            room = width // 2 - 12
            fonts = (theme.font(px, True) for px in range(max(13, round(13 * ctx.settings.scale)), 13, -1))
            font = next((f for f in fonts if f.size(self.badge)[0] <= room), theme.font(13, True))
            self._badge_font, self._badge_text = font, self.badge
            if font.size(self.badge)[0] > room:
                self._badge_text = self.badge[:textlib.chars_fitting(self.badge, font, room - font.size("…")[0])].rstrip() + "…"
            self._badge_size = (self._badge_font.size(self._badge_text)[0] + 12, self._badge_font.get_linesize() + 2)
            beside_badge = width - self._badge_size[0] - 10
        self._head_font, self._head = fitting_font(ctx, 22, True, self.heading, beside_badge, 64)
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
        if self.tone:
            pygame.draw.rect(surface, getattr(p, self.tone), self.rect, width=2, border_radius=10)
        if self.badge:  # placed as it is drawn: a list moves its cards without laying them out again
            box = pygame.Rect((0, 0), self._badge_size)
            box.topright = (self.rect.right - 12, self.rect.top + 12)
            pygame.draw.rect(surface, getattr(p, self.tone or "accent"), box, border_radius=6)
            image = render(self._images, self._badge_font, self._badge_text, p.background)
            surface.blit(image, image.get_rect(center=box.center))
        x, y = self.rect.left + 14, self.rect.top + 12
        for font, lines, colour in ((self._head_font, self._head, p.text), (self._detail_font, self._detail, p.accent),
                                    (self._body_font, self._body, p.muted)):
            for line in lines:
                surface.blit(render(self._images, font, line, colour), (x, y))
                y += font.get_linesize()
            y += 6


class Scroll:
    """Which rows of a taller column a box shows: lines of text in a TextBlock, rows of choices
    in a ScrollList. A screen that rebuilds itself after every action keeps its Scroll objects,
    so that the player keeps their place."""

    def __init__(self) -> None:
        self.first = 0  # the first row shown
        self.total = 0
        self.shown = 1

    def fit(self, total: int, shown: int) -> None:
        self.total, self.shown = total, max(1, shown)
        self.first = min(self.first, self.last)

    @property
    def last(self) -> int:
        """The highest first row (the column's end at the bottom of the box)."""
        return max(0, self.total - self.shown)

    @property
    def overflows(self) -> bool:
        return self.total > self.shown

    def by(self, rows: int) -> None:
        self.first = max(0, min(self.last, self.first + rows))

    def reveal(self, row: int) -> None:
        """Scroll as little as shows row."""
        if row < self.first:
            self.first = row
        elif row >= self.first + self.shown:
            self.first = row - self.shown + 1
        self.by(0)

    def draw(self, surface, ctx: UiContext, box) -> None:
        """A slim bar inside the right edge of box: where we are, how much there is."""
        track = pygame.Rect(box.right - SCROLLBAR_WIDTH, box.top, SCROLLBAR_WIDTH, box.height)
        pygame.draw.rect(surface, ctx.palette.panel_light, track, border_radius=2)
        thumb = track.copy()
        thumb.height = max(12, track.height * self.shown // max(1, self.total))
        thumb.top = track.top + (track.height - thumb.height) * self.first // max(1, self.last)
        pygame.draw.rect(surface, ctx.palette.accent, thumb, border_radius=2)


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
        self.view = Scroll()
        self._lines: list[str] = []
        self._terms: list[list[tuple[int, int, str]]] = []
        self._font: pygame.font.Font | None = None  # set by layout
        self._glossary: dict[str, str] = {}

    @property
    def focusable(self) -> bool:  # only text that overflows needs the keyboard
        return self.overflows

    @property
    def overflows(self) -> bool:
        return self._font is not None and len(self._lines) * self._font.get_linesize() > self.rect.height

    def layout(self, ctx: UiContext) -> None:
        if self.fit:
            font, self._lines = fitting_font(ctx, self.size, self.bold, self.text, self.rect.width - 4, self.rect.height)
        else:
            font = ctx.font(self.size, self.bold)
            self._lines = textlib.wrap(self.text, font, max(20, self.rect.width - 12))
        self._font = font
        self._glossary = ctx.glossary if self.use_glossary else {}
        self._terms = [textlib.terms_in(line, self._glossary) for line in self._lines]
        self.view.fit(len(self._lines), self.rect.height // font.get_linesize())

    @property
    def scroll(self) -> int:
        """The first line shown."""
        return self.view.first

    @property
    def visible_lines(self) -> int:
        return self.view.shown

    @property
    def max_scroll(self) -> int:
        return self.view.last

    def handle(self, event: Input, ctx: UiContext) -> bool:
        if event.intent is Intent.SCROLL and event.pos and self.rect.collidepoint(event.pos):
            self.view.by(event.amount)
            return True
        return False

    def scroll_by(self, lines: int) -> None:
        self.view.by(lines)

    def spoken(self) -> str:  # all of it, shown or scrolled out of view
        return self.text

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
            assert self._font is not None, "a widget is laid out before it is drawn or pointed at"
            return self.rect.centerx - self._font.size(line)[0] // 2
        return self.rect.left

    def draw(self, surface, ctx: UiContext, focused: bool) -> None:
        colour = getattr(ctx.palette, self.colour)
        font = self._font
        assert font is not None, "a widget is laid out before it is drawn"
        line_height = font.get_linesize()
        clip = surface.get_clip()
        surface.set_clip(self.rect)
        shown = self._lines[self.scroll:self.scroll + self.visible_lines]
        for i, line in enumerate(shown):
            y = self.rect.top + i * line_height
            x = self._line_x(line)
            surface.blit(render(self._images, font, line, colour), (x, y))
            for start, end, __ in self._terms[self.scroll + i]:
                left = x + font.size(line[:start])[0]
                right = x + font.size(line[:end])[0]
                pygame.draw.line(surface, ctx.palette.accent, (left, y + line_height - 3), (right, y + line_height - 3), 1)
        surface.set_clip(clip)
        if self.overflows:
            self.view.draw(surface, ctx, self.rect)


class ScrollList(Widget):
    """Choices in rows inside a box (one column, or as many as fit). The rows that fit are shown;
    the others scroll into view when the focus moves past the last row shown, by the wheel over
    the list, by Page Up / Page Down while the focus is in it, or by its own "more" button.

    Only what it shows is on the screen's widget list (see `arrange` and `route`), so that a
    choice out of view can be neither drawn nor clicked. The screen's own focus ring, click and
    hover handling then work on the shown items as on any button."""

    def __init__(self, rect, items: Sequence[Widget], size: tuple[int, int], view: Scroll | None = None, more: str = "",
                 more_rect=None, more_size: int = 15, gap: int = 8, columns: int | None = None):
        super().__init__(rect)
        self.items = list(items)
        self.size = size  # an item's least width and least height, at 100% text
        self.fixed_columns = columns  # else as many as the width allows at the text size
        self.view = view or Scroll()
        self.gap = gap
        self.more = Button(more_rect or UNPLACED, more, self.page, size=more_size) if more else None
        self._more_inside = bool(more) and more_rect is None  # at the foot of the box, else where the screen put it
        self.columns = 1
        self._cell = (0, 0)
        self._rows_box = self.rect.copy()
        self._laid_out_for: tuple[int, tuple[int, ...]] | None = None  # (text size, box) of the last layout

    def layout(self, ctx: UiContext) -> None:
        key = (ctx.settings.text_size, tuple(self.rect))
        if key == self._laid_out_for:  # a screen lays out its list when it builds, then again with every widget
            return
        self._laid_out_for = key
        gap, box = self.gap, self.rect
        width, height = grown(self.size[0], ctx), min(grown(self.size[1], ctx), box.height)
        self.columns = self.fixed_columns or max(1, (box.width + gap) // (width + gap))
        rows = -(-len(self.items) // self.columns)
        self._rows_box = box.copy()
        if self._more_inside and self.more is not None and rows > (box.height + gap) // (height + gap):
            more_height = grown(MORE_SIZE[1], ctx)
            self._rows_box.height = max(height, box.height - more_height - gap)
            self.more.rect = pygame.Rect(box.left, box.bottom - more_height, min(box.width, grown(MORE_SIZE[0], ctx)),
                                         more_height)
        self.view.fit(rows, (self._rows_box.height + gap) // (height + gap))
        height = (self._rows_box.height + gap) // self.view.shown - gap  # the rows shown fill the box
        room = box.width - (SCROLLBAR_WIDTH + gap if self.view.overflows else 0)
        self._cell = ((room - gap * (self.columns - 1)) // self.columns, height)
        for item in self.items:
            item.rect.size = self._cell
            item.layout(ctx)
        if self.more and self.view.overflows:
            self.more.layout(ctx)
        self._place()

    def _place(self) -> None:
        width, height = self._cell
        for i, item in enumerate(self.items):
            row, col = divmod(i, self.columns)
            item.rect.topleft = (self.rect.left + col * (width + self.gap),
                                 self.rect.top + (row - self.view.first) * (height + self.gap))

    def shown(self) -> list[Widget]:
        start = self.view.first * self.columns
        shown = self.items[start:start + self.view.shown * self.columns]
        return shown + [self.more] if self.more and self.view.overflows else shown

    def arrange(self, ctx: UiContext, focus_label: str | None = None) -> list[Widget]:
        """Lay out; scroll into view the item labelled focus_label (the focus a rebuilt screen
        gives back); return the list and what it shows, to add to the screen's widgets."""
        self.layout(ctx)
        index = next((i for i, x in enumerate(self.items) if focus_label and getattr(x, "label", None) == focus_label), None)
        if index is not None:
            self.reveal(self.items[index])
        return [self, *self.shown()]

    def reveal(self, item: Widget) -> None:
        self.view.reveal(self.items.index(item) // self.columns)
        self._place()

    def page(self) -> None:
        """The "more" button: the next rows, and after the last ones the first again."""
        self.view.first = 0 if self.view.first >= self.view.last else self.view.first + self.view.shown
        self.view.by(0)
        self._place()

    def holds(self, widget: Widget | None) -> bool:
        return widget is not None and (widget is self.more or any(x is widget for x in self.items))

    def step(self, focused: Widget | None, forward: bool) -> Widget | None:
        """Tab or an arrow from an item whose next (or previous) choice is out of view: scroll it
        into view and return it. None when the screen's focus ring can move on by itself."""
        if focused is self.more or not self.holds(focused):
            return None
        i = next(k for k, x in enumerate(self.items) if x is focused)
        onward = self.items[i + 1:] if forward else self.items[:i][::-1]
        target = next((x for x in onward if x.focusable and x.enabled), None)
        if target is None or any(x is target for x in self.shown()):
            return None
        self.reveal(target)
        return target

    def scroll_for(self, event: Input, focused: Widget | None) -> Widget | None:
        """Scroll for the wheel (a row a turn) or Page Up / Down (a page); return where the focus
        goes: where it was, or the nearest choice shown if it was on one that scrolled away."""
        sign = (event.amount > 0) - (event.amount < 0)
        self.view.by(sign * (self.view.shown if event.pos is None else 1))
        self._place()
        shown = self.shown()
        if not self.holds(focused) or any(x is focused for x in shown):
            return focused
        choices = [x for x in shown if x is not self.more and x.focusable and x.enabled]
        return (choices[0] if sign > 0 else choices[-1]) if choices else None

    def draw(self, surface, ctx: UiContext, focused: bool) -> None:
        if self.view.overflows:
            self.view.draw(surface, ctx, self._rows_box)


def spliced(widgets: list[Widget]) -> list[Widget]:
    """widgets with each ScrollList followed by exactly the items it shows now."""
    lists = [x for x in widgets if isinstance(x, ScrollList)]
    out: list[Widget] = []
    for widget in widgets:
        if any(lst.holds(widget) for lst in lists):
            continue
        out.append(widget)
        if isinstance(widget, ScrollList):
            out += widget.shown()
    return out


def _list_to_scroll(widgets: list[Widget], event: Input, focused: Widget | None) -> ScrollList | None:
    lists = [x for x in widgets if isinstance(x, ScrollList) and x.view.overflows]
    if event.pos is not None:  # the wheel: the list under the pointer
        return next((x for x in lists if x.rect.collidepoint(event.pos)), None)
    holding = next((x for x in lists if x.holds(focused)), None)
    if holding is not None or any(isinstance(x, TextBlock) and x.overflows for x in widgets):
        return holding  # Page Up / Down: the list with the focus, else text that overflows
    return lists[0] if lists else None


def route(scene, event: Input, focus_ring: Callable[[Input], None]) -> None:
    """Answer an input on a screen (scene: its `widgets`, `focused`, `set_focus`) whose choices
    sit in ScrollLists: the lists take the moves that scroll them, everything else goes to the
    screen's own focus ring; then the screen shows what its lists show, and the focus stays
    on the widget it is on."""
    focused = scene.focused
    target, taken = None, False
    if event.intent in (Intent.NEXT, Intent.PREVIOUS):
        lists = [x for x in scene.widgets if isinstance(x, ScrollList)]
        target = next((t for t in (x.step(focused, event.intent is Intent.NEXT) for x in lists) if t), None)
        taken = target is not None
    elif event.intent is Intent.SCROLL:
        chosen = _list_to_scroll(scene.widgets, event, focused)
        if chosen is not None:
            target, taken = chosen.scroll_for(event, focused), True
    if not taken:
        focus_ring(event)  # which may press a list's "more" button
        target = scene.focused
    widgets = spliced(scene.widgets)
    if taken or len(widgets) != len(scene.widgets) or any(a is not b for a, b in zip(widgets, scene.widgets)):
        scene.widgets = widgets
        if target is not None:
            scene.set_focus(target)


# A panel's title at 100% text, in a band that grows as rows do (`grown`): at 200% the title is
# half as large again, where it was held to 16 px, and the panel's content starts under the taller band.
TITLE_SIZE = 16
TITLE_BAND = 22
TITLE_TOP = 5  # from the panel's edge to its title
TITLE_GAP = 3  # from the title's band to the panel's content
TITLE_INSET = 12  # the title's margin left and right
CONTENT_TOP = 8  # an untitled panel's content, from its edge


class Panel(Widget):
    def __init__(self, rect, title: str = "", aside: int = 0):
        super().__init__(rect)
        self.title = title
        self.aside = aside  # the width a button takes at the right of the title's row (Details), kept clear
        self._lines: list[str] = []

    def spoken(self) -> str:
        return self.title

    def content_top(self, ctx: UiContext) -> int:
        """Where the panel's content starts at the chosen text size: under the title's band."""
        if not self.title:
            return self.rect.top + CONTENT_TOP
        return self.rect.top + TITLE_TOP + grown(TITLE_BAND, ctx) + TITLE_GAP

    def inside(self, ctx: UiContext, inset: int = 16, foot: int = 8) -> pygame.Rect:
        """The box for the panel's content: under the title, `inset` in from either side, `foot` above its bottom."""
        top = self.content_top(ctx)
        return pygame.Rect(self.rect.left + inset, top, self.rect.width - 2 * inset, self.rect.bottom - foot - top)

    def layout(self, ctx: UiContext) -> None:
        if self.title:
            text, room = self.title.upper(), self.rect.width - 2 * TITLE_INSET - self.aside
            self._font, px = one_line(ctx, TITLE_SIZE, True, room, grown(TITLE_BAND, ctx), text)
            self._lines = [text]
            self.chrome = (ChromeText(text, TITLE_SIZE, px, True, room, ctx.settings.scale),)

    def draw(self, surface, ctx: UiContext, focused: bool) -> None:
        pygame.draw.rect(surface, ctx.palette.panel, self.rect, border_radius=10)
        if self.title:
            image = render(self._images, self._font, self._lines[0], ctx.palette.muted)
            surface.blit(image, (self.rect.left + TITLE_INSET, self.rect.top + TITLE_TOP))


# A meter at 100% text: a line with its label and its number, and the bar under it. The row grows as
# rows do (`grown`) and the line's text with it; the bar is a shape, not text, and keeps its height.
METER_SIZE = 14
METER_HEIGHT = 32  # a 14 px line (20), the gap, the bar
METER_BAR = 10
METER_GAP = 2  # between the line and its bar, and between one meter and the next
NUMBER_GAP = 12  # the least room between a label and its number


def meter_rects(ctx: UiContext, left: int, top: int, width: int, count: int) -> list[pygame.Rect]:
    """The rows of `count` meters stacked from top down, as tall as the text size needs."""
    height = grown(METER_HEIGHT, ctx)
    return [pygame.Rect(left, top + i * (height + METER_GAP), width, height) for i in range(count)]


class Meter(Widget):
    """A labelled 0-100 bar for a crisis indicator, with the change since last round: the label on
    the left and the number on the right of one line, the bar under both across the whole width."""

    def __init__(self, rect, label: str, value: float, previous: float | None = None, good_high: bool = False):
        super().__init__(rect)
        self.label, self.value, self.previous, self.good_high = label, value, previous, good_high
        delta = "" if previous is None else f" {value - previous:+.0f}"
        self.number = f"{value:.0f}{delta}"
        self._lines: list[str] = []
        self._font: pygame.font.Font | None = None  # set by layout
        self._number_font: pygame.font.Font | None = None

    def layout(self, ctx: UiContext) -> None:
        from councilgame.ui import theme

        room = self.rect.height - METER_BAR - METER_GAP
        # The number in bold: its + and - are strokes one pixel thin in the regular face at 100%,
        # which a window scaled below 1280x720 with nearest-neighbour sampling can drop (a + read as -).
        self._font, px = one_line(ctx, METER_SIZE, False, self.rect.width - NUMBER_GAP, room, self.label)
        while px > MIN_CHROME and (self._font.size(self.label)[0] + NUMBER_GAP
                                   + theme.font(px, True).size(self.number)[0] > self.rect.width):
            px -= 1
            self._font = theme.font(px)
        self._number_font = theme.font(px, True)
        self._lines = [self.label]
        label_w, number_w = self._font.size(self.label)[0], self._number_font.size(self.number)[0]
        scale = ctx.settings.scale
        self.chrome = (ChromeText(self.label, METER_SIZE, px, False, self.rect.width - NUMBER_GAP - number_w, scale),
                       ChromeText(self.number, METER_SIZE, px, True, self.rect.width - NUMBER_GAP - label_w, scale))

    def spoken(self) -> str:
        return _("{label}: {number}").format(label=self.label, number=self.number)

    @property
    def fits(self) -> bool:
        """Whether the label, its number and the bar fit the row side by side and one above the other."""
        assert self._font is not None and self._number_font is not None, "a widget is laid out before it is measured"
        wide = self._font.size(self.label)[0] + NUMBER_GAP + self._number_font.size(self.number)[0]
        return wide <= self.rect.width and self._font.get_linesize() + METER_GAP + METER_BAR <= self.rect.height

    def draw(self, surface, ctx: UiContext, focused: bool) -> None:
        p = ctx.palette
        font, number_font = self._font, self._number_font
        assert font is not None and number_font is not None, "a widget is laid out before it is drawn"
        surface.blit(render(self._images, font, self.label, p.muted), self.rect.topleft)
        number = render(self._images, number_font, self.number, p.text)
        surface.blit(number, number.get_rect(topright=self.rect.topright))
        bar = pygame.Rect(self.rect.left, self.rect.top + font.get_linesize() + METER_GAP, self.rect.width, METER_BAR)
        pygame.draw.rect(surface, p.panel_light, bar, border_radius=4)
        filled = bar.copy()
        filled.width = int(bar.width * max(0.0, min(100.0, self.value)) / 100)
        bad = (self.value < 40) if self.good_high else (self.value > 60)
        pygame.draw.rect(surface, p.no if bad else p.accent, filled, border_radius=4)


# A text field. Its box is the caller's (a row grows with `grown`); the text shrinks to fit the box's
# height, as a button's label does, rather than run out of it.
FIELD_PAD = 10  # from the box's edge to the text, left and right
FIELD_PAD_Y = 4  # the least room above and below a one-line field's text
FIELD_MIN_SIZE = 10  # the least a field's text shrinks to
CARET_WIDTH = 2
SECRET_DOT = "\u2022"  # what a secret field shows for each character: how many were typed, never which
FIELD_LENGTH = 200  # a file's path or a sentence; a name has its own, shorter limit


def _spans(text: str, font, width: int) -> list[tuple[int, int]]:
    """Where each wrapped line of text starts and ends (as offsets into text, so that a caret can be
    placed in it): a line breaks at its last space that fits, a word longer than the line anywhere."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        at = 0
        while True:
            rest = paragraph[at:]
            if font.size(rest)[0] <= width:
                spans.append((offset + at, offset + len(paragraph)))
                break
            cut = textlib.chars_fitting(rest, font, width)
            space = rest.rfind(" ", 0, cut + 1)
            if space > 0:  # the space itself ends neither line
                spans.append((offset + at, offset + at + space))
                at += space + 1
            else:
                spans.append((offset + at, offset + at + cut))
                at += cut
        offset += len(paragraph) + 1
    return spans


class TextInput(Widget):
    """A field to type in: one line that scrolls sideways to keep the caret in view, or with
    `multiline` lines that wrap and scroll. While it has the focus it takes what is typed
    (Intent.TYPE) and the editing keys (Intent.EDIT: Backspace, Delete, Left, Right, Home, End);
    Enter calls `on_submit` (in a multi-line field it starts a new line). Tab, Escape, Up and Down
    stay the focus ring's (intents.translate).

    What is typed loses control and direction characters (a pasted name must not reorder what is
    around it), keeps only the characters `accepts` allows (a PIN: digits), and stops at
    `max_length`. `secret` draws a dot for each character (a PIN typed in front of a room).
    `label` names the field for the focus ring and for tests; the screen draws its caption."""

    focusable = True
    takes_text = True

    def __init__(self, rect, label: str, text: str = "", max_length: int = FIELD_LENGTH, secret: bool = False,
                 placeholder: str = "", size: int = 20, multiline: bool = False,
                 accepts: Callable[[str], bool] | None = None, on_submit: Callable[[], None] | None = None,
                 on_change: Callable[[str], None] | None = None):
        super().__init__(rect)
        self.label, self.max_length, self.secret, self.placeholder = label, max_length, secret, placeholder
        self.size, self.multiline, self.accepts = size, multiline, accepts
        self.on_submit, self.on_change = on_submit, on_change
        self.text = ""
        self.caret = 0  # an offset into text: the caret stands before that character
        self._first = 0  # one line: the first character shown
        self.view = Scroll()  # several lines: the first line shown
        self._font: pygame.font.Font | None = None  # set by layout
        self._lines: list[str] = []  # what is drawn (the inspector reads them)
        self._spans: list[tuple[int, int]] = []  # where each line drawn starts and ends in the shown text
        self.set_text(text)

    # --- the text -----------------------------------------------------------------------------------

    def _clean(self, typed: str) -> str:
        typed = str(typed)
        if self.multiline:
            typed = UNSAFE.sub("", typed.replace("\r\n", "\n").replace("\r", "\n")).replace("\t", " ")
        else:
            typed = UNSAFE_IN_LINE.sub("", typed)
        if self.accepts is not None:
            typed = "".join(c for c in typed if self.accepts(c))
        return typed

    def set_text(self, text: str) -> None:
        """Replace the text (as typed, so cleaned and cut the same way), the caret at its end."""
        self.text = self._clean(text)[:self.max_length]
        self.caret = len(self.text)
        self._refresh()

    def insert(self, typed: str) -> None:
        typed = self._clean(typed)[:max(0, self.max_length - len(self.text))]
        if typed:
            self.text = self.text[:self.caret] + typed + self.text[self.caret:]
            self.caret += len(typed)
            self._refresh()
            self._changed()

    def _edit(self, edit: Edit) -> None:
        text, caret = self.text, self.caret
        if edit is Edit.BACKSPACE and caret > 0:
            self.text, self.caret = text[:caret - 1] + text[caret:], caret - 1
            self._changed()
        elif edit is Edit.DELETE and caret < len(text):
            self.text = text[:caret] + text[caret + 1:]
            self._changed()
        elif edit is Edit.LEFT:
            self.caret = max(0, caret - 1)
        elif edit is Edit.RIGHT:
            self.caret = min(len(text), caret + 1)
        elif edit is Edit.HOME:
            self.caret = 0
        elif edit is Edit.END:
            self.caret = len(text)

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change(self.text)

    def spoken(self) -> str:
        """Its label, and what it holds: a secret field (a PIN typed in front of a room) only how many
        characters, as it shows them."""
        if self.secret:
            held = _("{count} characters").format(count=len(self.text)) if self.text else _("empty")
        else:
            held = self.text or _("empty")
        said = _("{label}, text field, {text}").format(label=self.label, text=held)
        return said if self.enabled else _("{said}, unavailable").format(said=said)

    # --- input --------------------------------------------------------------------------------------

    def handle(self, event: Input, ctx: UiContext) -> bool:
        if not self.enabled:
            return False
        if event.intent is Intent.TYPE:
            self.insert(event.text)
        elif event.intent is Intent.EDIT and event.edit is not None:
            self._edit(event.edit)
        elif event.intent is Intent.ACTIVATE and self.multiline:
            self.insert("\n")
        elif event.intent is Intent.ACTIVATE and self.on_submit is not None:
            self.on_submit()
        elif event.intent is Intent.CLICK and event.pos and self.rect.collidepoint(event.pos):
            self.caret = self._index_at(event.pos)
            self._refresh()
            return False  # the screen still moves the focus here
        else:
            return False
        self._refresh()
        return True

    def _index_at(self, pos) -> int:
        """The caret's place nearest a point in the field."""
        font = self._font
        if font is None or not self._spans:
            return len(self.text)
        row = 0
        if self.multiline:
            row = self.view.first + (pos[1] - self.rect.top - FIELD_PAD_Y) // font.get_linesize()
            row = max(0, min(len(self._spans) - 1, row))
        start, end = self._spans[row]
        shown = self._shown()
        x = pos[0] - self.rect.left - FIELD_PAD
        return min(range(start, end + 1), key=lambda i: abs(font.size(shown[start:i])[0] - x))

    # --- layout and drawing -------------------------------------------------------------------------

    def _shown(self) -> str:
        return SECRET_DOT * len(self.text) if self.secret else self.text

    def layout(self, ctx: UiContext) -> None:
        size = self.size
        while True:  # a one-line field's text shrinks to its box, as a button's label does
            font = ctx.font(size)
            if self.multiline or font.get_linesize() <= self.rect.height - 2 * FIELD_PAD_Y or size <= FIELD_MIN_SIZE:
                break
            size -= 1
        self._font = font
        self._refresh()

    def _refresh(self) -> None:
        """What is drawn, now that the text, the caret or the font changed: the part of a long line
        around the caret, or the wrapped lines."""
        font = self._font
        if font is None:
            return
        room = max(20, self.rect.width - 2 * FIELD_PAD - CARET_WIDTH)
        shown = self._shown()
        if not shown:
            self._spans = [(0, 0)]
            self._lines = [self._fitted_placeholder(font, room)] if self.placeholder else []
            self.view.fit(1, 1)
            self._first = 0
            return
        if self.multiline:
            self._spans = _spans(shown, font, room)
            row = max(i for i, (start, __) in enumerate(self._spans) if start <= self.caret)
            self.view.fit(len(self._spans), (self.rect.height - 2 * FIELD_PAD_Y) // font.get_linesize())
            self.view.reveal(row)
            self._lines = [shown[start:end] for start, end in self._spans]
            return
        first = min(self._first, self.caret)
        while first < self.caret and font.size(shown[first:self.caret])[0] > room:
            first += 1  # the caret ran off the right: what is before it slides out on the left
        while first > 0 and font.size(shown[first - 1:])[0] <= room:
            first -= 1  # text deleted: what slid out comes back while it fits
        self._first = first
        rest = shown[first:]
        end = first + (len(rest) if font.size(rest)[0] <= room else textlib.chars_fitting(rest, font, room))
        self._spans = [(first, end)]
        self._lines = [shown[first:end]]

    def _fitted_placeholder(self, font, room: int) -> str:
        if font.size(self.placeholder)[0] <= room:
            return self.placeholder
        return self.placeholder[:max(0, textlib.chars_fitting(self.placeholder, font, room) - 1)].rstrip() + "\u2026"

    def caret_rect(self) -> pygame.Rect:
        """Where the caret is drawn (an input method's window opens beside it)."""
        font = self._font
        assert font is not None, "a widget is laid out before it is drawn"
        height = font.get_linesize()
        row = 0
        if self.multiline:
            row = max(i for i, (start, __) in enumerate(self._spans) if start <= self.caret)
        start = self._spans[row][0] if self._spans else 0
        x = self.rect.left + FIELD_PAD + font.size(self._shown()[start:self.caret])[0]
        if self.multiline:
            y = self.rect.top + FIELD_PAD_Y + (row - self.view.first) * height
        else:
            y = self.rect.centery - height // 2
        return pygame.Rect(x, y, CARET_WIDTH, height)

    def draw(self, surface, ctx: UiContext, focused: bool) -> None:
        p = ctx.palette
        font = self._font
        assert font is not None, "a widget is laid out before it is drawn"
        # Sunk into the screen's ground, unlike a button's raised fill: a field is typed in, not pressed.
        pygame.draw.rect(surface, p.background, self.rect, border_radius=6)
        pygame.draw.rect(surface, p.accent if focused else p.muted, self.rect, width=2, border_radius=6)
        colour = (p.text if self.text else p.muted) if self.enabled else p.disabled
        clip = surface.get_clip()
        surface.set_clip(self.rect.inflate(-4, -4))
        height = font.get_linesize()
        if self.multiline:
            first = self.view.first if self.text else 0
            for i, line in enumerate(self._lines[first:first + self.view.shown]):
                surface.blit(render(self._images, font, line, colour),
                             (self.rect.left + FIELD_PAD, self.rect.top + FIELD_PAD_Y + i * height))
        elif self._lines:
            surface.blit(render(self._images, font, self._lines[0], colour),
                         (self.rect.left + FIELD_PAD, self.rect.centery - height // 2))
        if focused and self.enabled:  # a steady caret: a blinking one would redraw the window twice a second
            pygame.draw.rect(surface, p.text, self.caret_rect())
        surface.set_clip(clip)
        if self.multiline and self.view.overflows:
            self.view.draw(surface, ctx, self.rect.inflate(-4, -8))


def typed(scene, event: Input, ctx: UiContext) -> bool:
    """Give a screen's text fields their input: what is typed, the editing keys and Enter to the field
    with the focus, a click to the field under it (to place the caret; the screen then moves the focus
    there as for any widget). True when a field took the input and the screen should do nothing more."""
    focused = scene.focused
    if isinstance(focused, TextInput) and event.intent in (Intent.TYPE, Intent.EDIT, Intent.ACTIVATE):
        return focused.handle(event, ctx)
    if event.intent is Intent.CLICK and event.pos:
        for widget in scene.widgets:
            if isinstance(widget, TextInput) and widget.enabled and widget.rect.collidepoint(event.pos):
                widget.handle(event, ctx)
    return False


def screen_title(text: str, top: int, width: int, bottom: int = 66) -> TextBlock:
    """A screen's title as chrome, from top down to just above the controls: it shrinks to fit
    (a case's title may be long, the text at 200%) rather than run under them."""
    return TextBlock((32, top, width, bottom - top), text, size=28, bold=True, glossary=False, fit=True)


def _beside(box: pygame.Rect, avoid: pygame.Rect, screen: pygame.Rect) -> pygame.Rect:
    """The box moved beside `avoid` (below, above, right, left), in the window; the least overlap if none is clear."""
    gap = 6
    spots = [(avoid.left, avoid.bottom + gap), (avoid.left, avoid.top - gap - box.height),
             (avoid.right + gap, avoid.top), (avoid.left - gap - box.width, avoid.top)]
    moved = [box.move(x - box.left, y - box.top) for x, y in spots]
    placed = [r.clamp(screen) for r in moved]
    clear = [r for r in placed if not r.colliderect(avoid)]
    if clear:
        return clear[0]
    return min(placed, key=lambda r: r.clip(avoid).width * r.clip(avoid).height)


def draw_focus(surface, ctx: UiContext, widget: Widget) -> None:
    pygame.draw.rect(surface, ctx.palette.focus, widget.rect.inflate(6, 6), width=3, border_radius=10)


def draw_tooltip(surface, ctx: UiContext, term: str, meaning: str, anchor, avoid: pygame.Rect | None = None) -> None:
    """A glossary term's meaning in a box by the anchor; with `avoid` (the text in focus), beside that
    text rather than over it: below, above, right or left of it, whichever fits the window."""
    font = ctx.font(16)
    width = min(520, surface.get_width() - 20)
    lines = textlib.wrap(_("{term}: {meaning}").format(term=term, meaning=meaning), font, width - 20)
    height = len(lines) * font.get_linesize() + 16
    box = pygame.Rect(0, 0, width, height)
    box.topleft = (anchor[0] + 12, anchor[1] + 18)
    box.clamp_ip(surface.get_rect())
    if avoid is not None:
        box = _beside(box, avoid, surface.get_rect())
    pygame.draw.rect(surface, ctx.palette.panel_light, box, border_radius=8)
    pygame.draw.rect(surface, ctx.palette.accent, box, width=2, border_radius=8)
    for i, line in enumerate(lines):
        surface.blit(font.render(line, True, ctx.palette.text), (box.left + 10, box.top + 8 + i * font.get_linesize()))
