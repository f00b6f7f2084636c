"""The PIN that guards a classroom session's console and its end: asked each time, typed as dots (the
screen may be on the projector), checked against the session's salted hash."""

from __future__ import annotations

from collections.abc import Callable

from councilgame.i18n import N_, _, ngettext
from councilgame.classroom.session import PIN_DIGITS
from councilgame.ui import widgets as w
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.message import shade_below


class PinScene(WidgetScene):
    def __init__(self, play: Play, on_ok: Callable[[], None], purpose: str = N_("Instructor console")):
        super().__init__()
        self.play, self.on_ok, self.purpose = play, on_ok, purpose
        self.wrong = 0  # attempts that failed, said on screen so a mistyped digit is noticed
        self.typed = ""  # the digits in the field, kept across a rebuild (the text size changed)

    def build(self) -> None:
        said = _("The instructor's PIN for this session.") if not self.wrong else \
            ngettext("That is not this session's PIN ({count} wrong). Try again, or press Escape.",
                     "That is not this session's PIN ({count} wrong). Try again, or press Escape.", self.wrong
                     ).format(count=self.wrong)
        self.field = w.TextInput((440, 300, 400, 56), _("PIN"), text=self.typed, secret=True, max_length=PIN_DIGITS[1],
                                 accepts=str.isdigit, on_submit=self._check, on_change=self._keep, size=24)
        self.widgets = [
            w.Panel((340, 150, 600, 400)),
            w.TextBlock((380, 180, 520, 50), _(self.purpose), size=28, bold=True, fit=True),
            w.TextBlock((380, 240, 520, 50), said, size=16, colour="muted", fit=True),
            self.field,
            w.Button((380, 470, 240, 56), _("Back"), self.back),
            w.Button((660, 470, 240, 56), _("Go on"), self._check),
        ]

    def handle(self, event) -> None:
        if not w.typed(self, event, self.ctx):  # what is typed goes to the field with the focus
            super().handle(event)

    def default_focus(self) -> int | None:
        restored = self.restored_focus()
        return restored if restored is not None else self.first_focus(lambda x: x is self.field, unsafe=lambda x: False)

    def _keep(self, text: str) -> None:
        self.typed = text

    def _check(self) -> None:
        session = self.play.session
        if session is not None and session.checks(self.field.text):
            self.on_ok()
            return
        self.wrong += 1
        self.typed, self._focus_label = "", None  # a wrong PIN is typed again from scratch, in the field
        self.enter()

    def draw_background(self, surface) -> None:
        shade_below(self, surface)
