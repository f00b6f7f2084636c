"""A seat's own words: a public statement in the student's language, or the reason for its vote, typed
into a field and kept in the record. Leaving the field empty keeps the game's standard words."""

from __future__ import annotations

from collections.abc import Callable

from councilgame.i18n import N_, _
from councilgame.ui import widgets as w
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.message import shade_below

FIELD = (160, 250, 960, 200)  # room for three or four sentences at 100% text; it scrolls beyond


class WordsScene(WidgetScene):
    def __init__(self, heading: str, prompt: str, ok: str, on_words: Callable[[str | None], None], max_length: int,
                 standard: str | None = N_("Use the standard words"), text: str = "", note: str | None = None):
        super().__init__()
        self.heading, self.prompt, self.ok, self.on_words = heading, prompt, ok, on_words
        self.max_length, self.standard, self.typed = max_length, standard, text
        self.note = note or _("At most {count} characters. The whole class hears it, and the record keeps it.").format(
            count=max_length)

    def build(self) -> None:
        self.field = w.TextInput(FIELD, _("Your words"), text=self.typed, max_length=self.max_length, multiline=True,
                                 size=20, placeholder=_("Type here"), on_change=self._keep)
        self.widgets = [
            w.Panel((120, 90, 1040, 560)),
            w.TextBlock((160, 110, 960, 50), self.heading, size=28, bold=True, fit=True),
            w.TextBlock((160, 170, 960, 70), self.prompt, size=17, colour="muted", fit=True),
            self.field,
            w.TextBlock((160, 460, 960, 30), self.note, size=14, colour="muted", fit=True),
            w.Button((160, 560, 240, 56), _("Back"), self.back),
            w.Button((760, 560, 360, 56), self.ok, self._say),
        ]
        if self.standard:
            self.widgets.insert(-1, w.Button((420, 560, 320, 56), _(self.standard), self._standard))

    def default_focus(self) -> int | None:
        restored = self.restored_focus()  # a rebuild (the text size changed) leaves the focus where it was
        return restored if restored is not None else self.first_focus(lambda x: x is self.field, unsafe=lambda x: False)

    def handle(self, event) -> None:
        if not w.typed(self, event, self.ctx):  # what is typed goes to the field with the focus
            super().handle(event)

    def _keep(self, text: str) -> None:
        self.typed = text  # kept across a rebuild (the text size changed)

    def _standard(self) -> None:
        self.stack.pop()
        self.on_words(None)

    def _say(self) -> None:
        words = " ".join(self.field.text.split())
        self.stack.pop()
        self.on_words(words or None)

    def draw_background(self, surface) -> None:
        shade_below(self, surface)
