"""Settings: text size, colour-blind-safe palette, reduced motion, window or full screen."""

from __future__ import annotations

from councilgame.ui import settings as store
from councilgame.ui import widgets as w
from councilgame.ui.scenes.base import WidgetScene


TOGGLES = (("Colour-blind-safe colours", "colour_safe"), ("Reduced motion", "reduced_motion"), ("Full screen", "fullscreen"))


def toggle_label(label: str, on: bool) -> str:
    return f"{label}: {'on' if on else 'off'}"


class SettingsScene(WidgetScene):
    title = "Settings"

    def build(self) -> None:
        s = self.ctx.settings
        self.widgets.append(w.TextBlock((80, 100, 400, 40), "Text size", size=22, bold=True, fit=True))
        for i, size in enumerate(store.TEXT_SIZES):
            self.widgets.append(w.Button((80 + i * 150, 150, 130, 56), f"{size}%", self._size(size),
                                         selected=s.text_size == size))
        for i, (label, name) in enumerate(TOGGLES):
            on = getattr(s, name)
            self.widgets.append(w.Button((80, 260 + i * 90, 520, 64), toggle_label(label, on), self._toggle(label, name),
                                         selected=on))
        self.widgets.append(w.TextBlock(
            (680, 260, 520, 240),
            "Every screen can be played with the keyboard alone: Tab and Shift-Tab (or the arrows) move the focus, "
            "Enter chooses, Escape goes back (in a game it opens the menu, and closes it), Page Up and Page Down scroll, "
            "S shows sources, G opens the glossary. "
            "Underlined words explain themselves when you point at them or focus them.", size=18))
        self.widgets.append(w.Button((80, 600, 240, 60), "Back", self.back))

    def _size(self, size: int):
        def choose() -> None:
            self.ctx.settings.text_size = size
            self._changed()
        return choose

    def _toggle(self, label: str, name: str):
        def flip() -> None:
            on = not getattr(self.ctx.settings, name)
            setattr(self.ctx.settings, name, on)
            # The focus stays on the toggle, whose label has changed: it used to fall back to "100%", so a
            # second Enter to undo the toggle reset the text size.
            self._focus_label = toggle_label(label, on)
            self._changed()
        return flip

    def _changed(self) -> None:
        store.save(self.ctx.settings)
        self.stack.relayout()
        on_change = getattr(self.stack, "on_settings", None)
        if on_change:
            on_change()
