"""A modal message with one or two choices: a dialog is a function call."""

from __future__ import annotations

from collections.abc import Callable

from councilgame.i18n import N_, _
from councilgame.ui import widgets as w
from councilgame.ui.scenes.base import WidgetScene


# The dialog's panel, and a tall one for a text to be read whole before going on (a content note) when
# the usual panel would not hold it: at 200% text that shows three lines of it.
PANEL = (240, 150, 800, 420)
TALL_PANEL = (140, 40, 1000, 640)
BODY_SIZE = 20


def body_rect(panel: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """Where a dialog's text goes in its panel: under the heading, above the buttons."""
    left, top, width, height = panel
    return left + 40, top + 100, width - 80, height - 210


class MessageScene(WidgetScene):
    def __init__(self, heading: str, body: str, ok: str = N_("OK"), on_ok: Callable[[], None] | None = None,
                 cancel: str | None = None, focus_cancel: bool = False, tall: bool = False):
        super().__init__()
        self.heading, self.body, self.ok, self.on_ok, self.cancel = heading, body, ok, on_ok, cancel
        self.focus_cancel = focus_cancel  # when going on loses something, the safe choice is the one Enter presses
        self.tall = tall  # may grow to the tall panel, if the text needs it

    def _box(self) -> tuple[int, int, int, int]:
        """The panel: the usual one, or the tall one if it may grow and its text would overflow the usual one."""
        if not self.tall:
            return PANEL
        from councilgame.ui import text as textlib

        font = self.ctx.font(BODY_SIZE)
        __, __, width, height = body_rect(PANEL)
        lines = textlib.wrap(self.body, font, width - 12)  # as the TextBlock wraps it
        return PANEL if len(lines) * font.get_linesize() <= height else TALL_PANEL

    def build(self) -> None:
        panel = self._box()
        left, top, width, height = panel
        buttons = top + height - 90
        self.widgets = [
            w.Panel(panel),
            w.TextBlock((left + 40, top + 30, width - 80, 50), self.heading, size=28, bold=True, fit=True),
            w.TextBlock(body_rect(panel), self.body, size=BODY_SIZE),
        ]
        middle = left + width // 2
        if self.cancel:  # two choices share the panel's width: a choice may take a few words
            # Left to right as the focus moves: from the safe choice, Tab or an arrow reaches the other.
            self.widgets += [w.Button((middle - 360, buttons, 340, 56), _(self.cancel), self.back),
                             w.Button((middle + 20, buttons, 340, 56), _(self.ok), self._ok)]
        else:
            self.widgets.append(w.Button((middle - 100, buttons, 200, 56), _(self.ok), self._ok))

    def default_focus(self) -> int | None:
        chosen = self.back if self.focus_cancel and self.cancel else self._ok
        return self.first_focus(self.pressing(chosen), unsafe=lambda x: False)

    def _ok(self) -> None:
        if self.on_ok is None:
            self.stack.pop()
            return
        # What follows a choice (the next phase, the title) shows anew or replaces the screen beneath, or
        # rebuilds it (a move): building it here as well would only cost the frame a few milliseconds.
        self.stack.pop_silently()
        self.on_ok()

    def draw_background(self, surface) -> None:
        shade_below(self, surface)


def shade_below(scene, surface) -> None:
    """A dialog's background: the screen beneath it, dimmed."""
    stack = scene.stack
    below = stack.scenes[stack.scenes.index(scene) - 1] if scene in stack.scenes[1:] else None
    if below is not None:
        below.draw(surface)
    shade = surface.copy()
    shade.fill((0, 0, 0))
    shade.set_alpha(150)
    surface.blit(shade, (0, 0))
