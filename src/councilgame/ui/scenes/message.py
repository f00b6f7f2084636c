"""A modal message with one or two choices: a dialog is a function call."""

from __future__ import annotations

from collections.abc import Callable

from councilgame.ui import widgets as w
from councilgame.ui.scenes.base import WidgetScene


class MessageScene(WidgetScene):
    def __init__(self, heading: str, body: str, ok: str = "OK", on_ok: Callable[[], None] | None = None,
                 cancel: str | None = None, focus_cancel: bool = False):
        super().__init__()
        self.heading, self.body, self.ok, self.on_ok, self.cancel = heading, body, ok, on_ok, cancel
        self.focus_cancel = focus_cancel  # when going on loses something, the safe choice is the one Enter presses

    def build(self) -> None:
        self.widgets = [
            w.Panel((240, 150, 800, 420)),
            w.TextBlock((280, 180, 720, 50), self.heading, size=28, bold=True, fit=True),
            w.TextBlock((280, 250, 720, 210), self.body, size=20),
        ]
        if self.cancel:  # two choices share the panel's width: a choice may take a few words
            # Left to right as the focus moves: from the safe choice, Tab or an arrow reaches the other.
            self.widgets += [w.Button((280, 480, 340, 56), self.cancel, self.back),
                             w.Button((660, 480, 340, 56), self.ok, self._ok)]
        else:
            self.widgets.append(w.Button((540, 480, 200, 56), self.ok, self._ok))

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
