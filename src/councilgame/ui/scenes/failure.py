"""When the game meets an error it did not expect, the window says so instead of vanishing: what happened, in
plain words; whether the game is saved, and where; and where the log is, for whoever looks after the machine.
The app shows this screen on a stack of its own, since the screens beneath may be what failed, and the only
way on is to quit or, the first time, to go back to the title (from which Continue opens the last save)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from councilgame.i18n import N_, _
from councilgame.ui import widgets as w
from councilgame.ui.intents import Input, Intent
from councilgame.ui.scenes.base import WidgetScene

if TYPE_CHECKING:
    from councilgame.ui.play import Play

HEADING = N_("Something went wrong")
# What happened and what is saved come first, and scroll if they must; where the log is and the kind of error
# follow them and stay in view at any text size (the log's line shrinks to fit LOG_HEIGHT, as chrome does).
LEFT, TOP, WIDTH = 64, 84, 1152
GAP = 16
LOG_HEIGHT = 120  # two lines at 200% text: a path wraps once
TEXT_SIZE, KIND_SIZE = 20, 16
BUTTONS_TOP, BUTTON_WIDTH, BUTTON_HEIGHT, BUTTON_GAP = 616, 400, 64, 40


class WindowFailed(Exception):
    """The error screen itself failed (or could not be shown): the window closes, and the message is the
    one line said on the terminal."""


@dataclass(frozen=True)
class Failure:
    """What the screen says: the kind of error (its exception's name, the one technical line), whether the
    game is saved, and the log file (None, with the reason, when none could be written)."""

    kind: str
    saved: str
    log: Path | None
    log_problem: str | None = None

    def story(self, spaced: bool = True) -> str:
        """What happened and what is saved (spaced: a blank line between the two)."""
        between = "\n\n" if spaced else "\n"
        return _("The game met an error it did not expect and stopped. It is a fault in the game, not something "
                 "you did.") + f"{between}{self.saved}"

    def where_logged(self) -> str:
        if self.log is not None:
            return _("What went wrong is written in the log, for whoever looks after the game: {log}").format(log=self.log)
        return _("No log could be written ({problem}).").format(problem=self.log_problem)

    def line(self, again: bool = False) -> str:
        """The one line for the terminal when the window closes on this error."""
        where = (_("the details are in {log}").format(log=self.log) if self.log is not None
                 else _("no log could be written ({problem})").format(problem=self.log_problem))
        if again:
            return _("councilgame: the game stopped on an error it did not expect ({kind}), and again while telling of "
                     "it; {where}").format(kind=self.kind, where=where)
        return _("councilgame: the game stopped on an error it did not expect ({kind}); {where}").format(
            kind=self.kind, where=where)


def saved_words(play: Play | None, saves: Path) -> str:
    """What is safe, truthfully: the game saves itself after every move (Play.autosave), each save written
    whole or not at all, so the newest good save holds the moment Play.saved_at names."""
    if play is None:
        return _("No game was open. Your saved games are as they were, in {saves}.").format(saves=saves)
    session = play.session is not None  # "the class's session" or "your game": whole sentences for each
    failure = play.save_failure
    if failure is None and play.saved_at:
        return (_("The class's session is safe: it is saved after every move, up to {moment}, and Continue on the "
                  "title screen picks it up there. Saves are kept in {saves}.") if session else
                _("Your game is safe: it is saved after every move, up to {moment}, and Continue on the title screen "
                  "picks it up there. Saves are kept in {saves}.")).format(moment=play.saved_at, saves=saves)
    if failure is not None and failure.saved_at:
        return (_("The class's session could not be saved lately ({reason}): the last save that worked, which holds "
                  "{moment}, is safe in {saves}.") if session else
                _("Your game could not be saved lately ({reason}): the last save that worked, which holds {moment}, "
                  "is safe in {saves}.")).format(reason=failure.reason, moment=failure.saved_at, saves=saves)
    if failure is not None:
        return (_("The class's session was never saved ({reason}), so nothing of it is kept.") if session else
                _("Your game was never saved ({reason}), so nothing of it is kept.")).format(reason=failure.reason)
    return (_("The class's session was never saved, so nothing of it is kept.") if session else
            _("Your game was never saved, so nothing of it is kept."))


class FailureScene(WidgetScene):
    title = HEADING

    def __init__(self, failure: Failure, on_title: Callable[[], None] | None, on_quit: Callable[[], None]):
        super().__init__()
        self.failure = failure
        self.on_title, self.on_quit = on_title, on_quit  # on_title: None where going back is not safe

    def build(self) -> None:
        failure = self.failure
        kind = _("Error: {kind}").format(kind=failure.kind)
        log_height = min(self._height(failure.where_logged(), TEXT_SIZE), LOG_HEIGHT)
        kind_height = self._height(kind, KIND_SIZE)
        room = BUTTONS_TOP - GAP - TOP - log_height - kind_height - 2 * GAP
        story = failure.story()
        if self._height(story, TEXT_SIZE) > room:  # at a large text size the blank line goes first
            story = failure.story(spaced=False)
        story_height = min(self._height(story, TEXT_SIZE), room)
        log_top = TOP + story_height + GAP
        kind_top = log_top + log_height + GAP
        self.widgets = [w.TextBlock((LEFT, TOP, WIDTH, story_height), story, size=TEXT_SIZE, glossary=False),
                        w.TextBlock((LEFT, log_top, WIDTH, log_height), failure.where_logged(), size=TEXT_SIZE,
                                    glossary=False, fit=True),
                        w.TextBlock((LEFT, kind_top, WIDTH, kind_height), kind, size=KIND_SIZE, colour="muted",
                                    glossary=False, fit=True)]
        buttons: list[tuple[str, Callable[[], None]]] = [(_("Quit"), self.on_quit)]
        if self.on_title is not None:
            buttons.insert(0, (_("Back to the title"), self.on_title))
        width = len(buttons) * BUTTON_WIDTH + (len(buttons) - 1) * BUTTON_GAP
        left = (1280 - width) // 2
        for i, (label, action) in enumerate(buttons):
            x = left + i * (BUTTON_WIDTH + BUTTON_GAP)
            self.widgets.append(w.Button((x, BUTTONS_TOP, BUTTON_WIDTH, BUTTON_HEIGHT), label, action, size=22))

    def _height(self, text: str, size: int) -> int:
        """How tall text is at this size and the chosen text size, wrapped as a TextBlock wraps it."""
        from councilgame.ui import text as textlib

        font = self.ctx.font(size)
        return len(textlib.wrap(text, font, WIDTH - 12)) * font.get_linesize()

    def default_focus(self) -> int | None:
        return self.first_focus(lambda x: isinstance(x, w.Button), unsafe=lambda x: False)

    def handle(self, event: Input) -> None:
        if event.intent in (Intent.BACK, Intent.GLOSSARY):
            return  # nothing opens over this screen, and Escape does not leave it by surprise
        if event.intent is Intent.QUIT:
            self.on_quit()
            return
        super().handle(event)
