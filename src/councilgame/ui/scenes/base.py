"""Scenes on a stack. A scene lays out widgets in `build()`, answers
intentions in `handle()`, and only reads in `draw()`.

The stack draws the top scene and then, over every screen, the banner that
says the game is not being saved: no scene has to remember to show it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from councilgame.i18n import _
from councilgame.ui import widgets as w
from councilgame.ui.context import UiContext
from councilgame.ui.intents import Input, Intent

if TYPE_CHECKING:
    from councilgame.ui.play import Play

# The banner takes the top band of the screen, where screens put only their titles and headers (every
# control starts below 70): an in-game header moves under it (flow.header) and a screen's title too.
BANNER_HEIGHT = 44
BANNER_TEXT_SIZE = 17
BANNER_MARGIN = 16
FOCUS_RING = 4  # widgets.draw_focus draws this far outside a widget: text above one keeps clear of it
TITLE_TOP = 14  # a screen's title, when no banner shows


def presses(*handlers: Callable[[], None]) -> Callable[[w.Widget], bool]:
    """Whether a widget is a button that calls one of these handlers (a screen's own bound methods)."""
    return lambda widget: getattr(widget, "on_press", None) in handlers


def scroll_list(widgets: list[w.Widget], view: w.Scroll) -> w.ScrollList | None:
    """The ScrollList among widgets that scrolls by view (a screen keeps its lists' views), or None."""
    return next((x for x in widgets if isinstance(x, w.ScrollList) and x.view is view), None)


class Scene:
    stack: SceneStack
    ctx: UiContext

    def enter(self) -> None:
        """Called when pushed, and when the text size or palette changes."""

    def handle(self, event: Input) -> None:
        pass

    def update(self, seconds: float) -> None:
        pass

    @property
    def animating(self) -> bool:
        """Whether the screen changes by itself, with no input (a spinner, a roll call read out):
        the window redraws only on input, a new screen, or an animation."""
        return False

    def draw(self, surface) -> None:
        raise NotImplementedError


# Where a lesson's clock is drawn: right-aligned under the header's "You: ..." line and a private turn's
# "Done" (which ends at y 48), above every screen's content (from y 76); and its size at 100% text.
CLOCK_RECT = (890, 50, 366, 24)
CLOCK_TEXT_SIZE = 16


class SceneStack:
    def __init__(self, ctx: UiContext) -> None:
        self.ctx = ctx
        self.scenes: list[Scene] = []
        self.running = True
        self.play: Play | None = None  # the game being played (set when one opens): its save state shows on every screen
        self._banner: tuple | None = None  # the banner's lines, rendered: wrapping is too dear for every frame
        self.on_settings: Callable[[], None] | None = None  # the window's answer to a changed setting (set by the app)

    @property
    def warning(self) -> str | None:
        """What every screen must show over its top (the game is not being saved), or None."""
        return self.play.save_warning if self.play is not None else None

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        scene.stack = self
        scene.ctx = self.ctx
        self.scenes.append(scene)
        scene.enter()

    def pop(self) -> None:
        if self.scenes:
            self.scenes.pop()
        if not self.scenes:
            self.running = False
        elif self.top is not None:
            self.top.enter()

    def pop_silently(self) -> None:
        """Remove the top scene without re-entering the one below (it is about to be replaced)."""
        if self.scenes:
            self.scenes.pop()

    def replace(self, scene: Scene) -> None:
        if self.scenes:
            self.scenes.pop()
        self.push(scene)

    def reset(self, scene: Scene) -> None:
        """Back to a single scene (e.g. the title)."""
        self.scenes.clear()
        self.push(scene)

    def relayout(self) -> None:
        for scene in self.scenes:
            scene.enter()

    def quit(self) -> None:
        self.running = False

    def draw(self, surface) -> None:
        if self.top is not None:
            self.top.draw(surface)
        self._draw_clock(surface)
        warning = self.warning
        if warning:
            self._draw_banner(surface, warning)

    def tick(self, seconds: float) -> bool:
        """Run a lesson's phase clock; whether what it shows changed (the window then draws again, once a
        second: the clock is the only thing on a screen at rest that moves)."""
        play = self.play
        return bool(play is not None and play.timer is not None and play.timer.tick(seconds))

    def _draw_clock(self, surface) -> None:
        """A lesson's phase clock, on every game screen at the header's right end under the seat's name
        (CLOCK_RECT: a place the header keeps free), redrawn each second without rebuilding the screen."""
        play, top = self.play, self.top
        timer = play.timer if play is not None else None
        if timer is None or getattr(top, "play", None) is not play or self.warning:
            return  # the banner of a failing save takes the header's rows: what it says matters more
        p = self.ctx.palette
        box = pygame.Rect(CLOCK_RECT)
        colour = p.no if timer.up else p.text
        font, lines = w.fitting_font(self.ctx, CLOCK_TEXT_SIZE, True, timer.shown(), box.width, box.height)
        image = font.render(lines[0] if lines else "", True, colour)
        surface.blit(image, image.get_rect(topright=box.topright))

    def _draw_banner(self, surface, text: str) -> None:
        p = self.ctx.palette
        band = pygame.Rect(0, 0, surface.get_width(), BANNER_HEIGHT)
        key = (text, self.ctx.settings.scale, p)
        if self._banner is None or self._banner[0] != key:  # chrome: the text shrinks to fit the band
            font, lines = w.fitting_font(self.ctx, BANNER_TEXT_SIZE, True, text, band.width - 2 * BANNER_MARGIN,
                                         band.height - 4)
            self._banner = key, font.get_linesize(), [font.render(line, True, p.background) for line in lines]
        __, line_height, images = self._banner
        # Amber with the dark ground's colour for text: unlike any control, and legible in both palettes.
        pygame.draw.rect(surface, p.abstain, band)
        top = band.centery - len(images) * line_height // 2
        for i, image in enumerate(images):
            surface.blit(image, (BANNER_MARGIN, top + i * line_height))


class WidgetScene(Scene):
    """A screen of widgets with one focus shared by keyboard and mouse."""

    title = ""

    def __init__(self) -> None:
        self.widgets: list[w.Widget] = []
        self.focus: int | None = 0  # an index into focusable(); None: nothing yet (Tab starts at the first)
        self.tooltip: tuple[str, str, tuple[int, int]] | None = None
        self._focus_label: str | None = None
        # Where the focus was before the screen was last rebuilt, among the widgets it had then: a
        # screen tells a choice that is still what it was from one that now does the opposite.
        self.focus_was: w.Widget | None = None
        self.widgets_were: list[w.Widget] = []
        self._title_images: tuple | None = None  # the title, rendered to fit (see draw_background)

    # subclasses fill self.widgets here
    def build(self) -> None:
        raise NotImplementedError

    def enter(self) -> None:
        self.focus_was, self.widgets_were = self.focused if self.widgets else None, self.widgets
        self.widgets = []
        self.build()
        if getattr(self, "takes_turns", False):  # a game screen: the title must not pull in the game to start
            from councilgame.ui.scenes.flow import turn_controls

            self.widgets += turn_controls(self)  # a classroom seat's private turn ends from any of its screens
        for widget in self.widgets:
            widget.layout(self.ctx)
        self.focus = self.default_focus()
        self.tooltip = None

    def restored_focus(self) -> int | None:
        """The focusable widget with the label the focus was on before the screen was rebuilt, or None."""
        remembered = self._focus_label
        if remembered is None:
            return None
        return next((i for i, x in enumerate(self.focusable()) if getattr(x, "label", None) == remembered), None)

    def default_focus(self) -> int | None:
        """Where the focus goes when the screen is built or rebuilt: back where it was, else the first choice."""
        restored = self.restored_focus()
        return 0 if restored is None else restored

    def safe_focus(self, *starts: Callable[[w.Widget], bool], unsafe: Callable[[w.Widget], bool]) -> int | None:
        """A game screen's focus, which never lands on a choice that ends the phase, cannot be undone, or
        undoes what was just done (`unsafe`): back where it was if that is safe, else the first focusable
        widget meeting the first of `starts` that any meets, else nowhere (Tab then starts at the first)."""
        restored = self.restored_focus()
        if restored is not None and not unsafe(self.focusable()[restored]):
            return restored
        return self.first_focus(*starts, unsafe=unsafe)

    def first_focus(self, *starts: Callable[[w.Widget], bool], unsafe: Callable[[w.Widget], bool]) -> int | None:
        """The first focusable widget meeting the first of `starts` that any safe widget meets, or None."""
        items = self.focusable()
        for start in starts:
            index = next((i for i, x in enumerate(items) if start(x) and not unsafe(x)), None)
            if index is not None:
                return index
        return None

    pressing = staticmethod(presses)  # for safe_focus: self.pressing(self._continue)

    def focusable(self) -> list[w.Widget]:
        return [x for x in self.widgets if x.focusable and x.enabled]

    @property
    def focused(self) -> w.Widget | None:
        items = self.focusable()
        return items[self.focus % len(items)] if items and self.focus is not None else None

    def set_focus(self, widget: w.Widget) -> None:
        items = self.focusable()
        if widget in items:
            self.focus = items.index(widget)
            self._focus_label = getattr(widget, "label", None)

    def back(self) -> None:
        self.stack.pop()

    def handle(self, event: Input) -> None:
        items = self.focusable()
        intent = event.intent
        if intent is Intent.QUIT:
            self.stack.quit()
        elif intent in (Intent.NEXT, Intent.PREVIOUS) and items:
            step = 1 if intent is Intent.NEXT else -1
            self.focus = (0 if step > 0 else -1) if self.focus is None else self.focus + step
            self.focus %= len(items)
            self._focus_label = getattr(items[self.focus], "label", None)
            self.tooltip = None
        elif intent is Intent.ACTIVATE and self.focused is not None:
            self.focused.activate()
        elif intent is Intent.BACK:
            self.back()
        elif intent is Intent.GLOSSARY:
            from councilgame.ui.scenes.glossary import GlossaryScene

            if not isinstance(self, GlossaryScene):
                self.stack.push(GlossaryScene())
        elif intent is Intent.SCROLL:
            target = next((x for x in self.widgets if isinstance(x, w.TextBlock) and event.pos
                           and x.rect.collidepoint(event.pos)), None)
            if target is None and isinstance(self.focused, w.TextBlock):
                target = self.focused
            if target is None:
                target = next((x for x in self.widgets if isinstance(x, w.TextBlock) and x.overflows), None)
            if target is not None:
                target.scroll_by(event.amount)
        elif intent in (Intent.POINT, Intent.CLICK) and event.pos:
            self.tooltip = None
            for widget in self.widgets:
                term = widget.term_at(event.pos)
                if term:
                    self.tooltip = (term[0], term[1], event.pos)
                elif isinstance(widget, w.Button) and not widget.enabled and widget.hint \
                        and widget.rect.collidepoint(event.pos):  # what cannot be done says why
                    self.tooltip = (widget.label, widget.hint, event.pos)
            for widget in reversed(self.widgets):
                if widget.focusable and widget.enabled and widget.rect.collidepoint(event.pos):
                    self.set_focus(widget)
                    if intent is Intent.CLICK:
                        widget.activate()
                    break
        else:
            self.on_other(event)

    def on_other(self, event: Input) -> None:
        pass

    def draw_background(self, surface) -> None:
        surface.fill(self.ctx.palette.background)
        if not self.title:
            return
        # The title shrinks into the room left above the screen's first widget (below the banner if one
        # shows): at 200% text a title at full size would run under the screen's first panel.
        top = BANNER_HEIGHT + 2 if self.stack.warning else TITLE_TOP
        room = min((x.rect.top for x in self.widgets if x.rect.top > top), default=top + 40) - top - FOCUS_RING
        p = self.ctx.palette
        title = _(self.title)  # a class's title is a constant marked with N_(): translated where shown
        key = (title, self.ctx.settings.scale, p, top, room, surface.get_width())
        if self._title_images is None or self._title_images[0] != key:  # wrapping is too dear for every frame
            font, lines = w.fitting_font(self.ctx, 28, True, title, surface.get_width() - 64, room)
            self._title_images = key, font.get_linesize(), [font.render(line, True, p.text) for line in lines]
        __, line_height, images = self._title_images
        for i, image in enumerate(images):
            surface.blit(image, (32, top + i * line_height))

    def draw(self, surface) -> None:
        self.draw_background(surface)
        focused = self.focused
        for widget in self.widgets:
            widget.draw(surface, self.ctx, widget is focused)
        if focused is not None:
            w.draw_focus(surface, self.ctx, focused)
        tip, avoid = self.tooltip, None
        if tip is None and focused is not None:
            term = focused.focus_terms()
            if term:  # beside the focused text, never over it
                tip, avoid = (term[0], term[1], focused.rect.bottomleft), focused.rect
        if tip is not None:
            w.draw_tooltip(surface, self.ctx, tip[0], tip[1], tip[2], avoid)
