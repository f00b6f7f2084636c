"""The in-game menu: Escape on every game screen opens it, and Escape again closes it. It reaches
what a player may need mid-game without leaving the phase: their private brief, the sources of
what is on screen, the glossary, the settings, and leaving for the title (the game is saved after
every move, so Continue picks it up exactly there)."""

from __future__ import annotations

from collections.abc import Callable

from councilgame.i18n import N_, _
from councilgame.ui import widgets as w
from councilgame.ui.intents import Intent
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.message import shade_below

PANEL = (380, 76, 520, 552)
BUTTON_WIDTH, BUTTON_HEIGHT, BUTTON_GAP = 440, 56, 12
NOTE_HEIGHT = 48  # the line under the choices, and its margin


def open_menu(scene, play: Play, sources: Callable[[], None] | None = None) -> None:
    """Open the in-game menu over a game screen. sources: how that screen shows its sources
    (by default, those of the round's news)."""
    scene.stack.push(GameMenuScene(play, sources))


def feed_sources(stack, play: Play) -> None:
    """The sources of the news the round has brought so far."""
    from councilgame.ui.scenes.sources import SourcesScene

    stack.push(SourcesScene(play.case, [s for item in play.game.view().feed for s in item.sources]))


def brief_text(play: Play) -> str:
    """The seat's private brief, as the briefing shows it."""
    from councilgame.ui.scenes.briefing import brief_lines, brief_of
    from councilgame.ui.scenes.flow import seat_name

    brief = brief_of(play)
    if brief is None:
        return _("You have no private brief in this case.")
    return "\n".join([_("You play {name}.").format(name=seat_name(play, play.seat)), *brief_lines(brief, play.case)])


class GameMenuScene(WidgetScene):
    def __init__(self, play: Play, sources: Callable[[], None] | None = None):
        super().__init__()
        self.play = play
        self.sources = sources

    def build(self) -> None:
        left, top, width, __ = PANEL
        x = left + (width - BUTTON_WIDTH) // 2
        self.widgets = [
            w.Panel(PANEL),
            w.TextBlock((x, top + 22, BUTTON_WIDTH, 44), _("Menu"), size=28, bold=True, glossary=False, fit=True),
        ]
        play = self.play
        room = play.session is not None and play.active is None  # the room's view: no seat's brief is its to show
        choices = [(_("Back to the game"), self.back)]
        choices += [] if room else [(_("Your brief"), self._brief)]
        choices += [(_("Instructor console"), self._console)] if play.session is not None else []
        choices += [(_("Sources"), self._sources), (_("Glossary"), self._glossary), (_("Settings"), self._settings),
                    (_("Save and leave to the title"), self._leave)]
        # As many rows as there are choices, each as tall as the panel leaves room for (a classroom adds one).
        row = min(BUTTON_HEIGHT + BUTTON_GAP, (PANEL[3] - 80 - NOTE_HEIGHT) // len(choices))
        for i, (label, handler) in enumerate(choices):
            self.widgets.append(w.Button((x, top + 80 + i * row, BUTTON_WIDTH, row - BUTTON_GAP), label, handler, size=20))
        self.widgets.append(w.TextBlock((x, top + 80 + len(choices) * row, BUTTON_WIDTH, 40),
                                        _("Escape closes this menu. Your game is saved after every move."), size=15,
                                        colour="muted", glossary=False, fit=True))

    def _brief(self) -> None:
        self.stack.push(BriefScene(self.play))

    def _console(self) -> None:
        from councilgame.ui.scenes.console import open_console

        open_console(self.stack, self.play)

    def _sources(self) -> None:
        if self.sources is not None:
            self.sources()
        else:
            feed_sources(self.stack, self.play)

    def _glossary(self) -> None:
        from councilgame.ui.scenes.glossary import GlossaryScene

        self.stack.push(GlossaryScene())

    def _settings(self) -> None:
        from councilgame.ui.scenes.settings import SettingsScene

        self.stack.push(SettingsScene())

    def _leave(self) -> None:
        from councilgame.ui.scenes.flow import leave_game

        self.play.autosave()  # saved after every move already: this makes sure, and the dialog says how it went
        if self.play.session is not None:  # a class's session ends only with its instructor's PIN
            from councilgame.ui.scenes.pin import PinScene

            def leave() -> None:
                self.stack.pop()  # the PIN, then the question a player is asked too
                leave_game(self.stack, self.play)

            self.stack.push(PinScene(self.play, leave, purpose=_("End the lesson")))
            return
        leave_game(self.stack, self.play)

    def on_other(self, event) -> None:
        if event.intent is Intent.SOURCES:
            self._sources()

    def draw_background(self, surface) -> None:
        shade_below(self, surface)


class BriefScene(WidgetScene):
    """The seat's private brief, to re-read at any moment of the game."""

    title = N_("Your private brief")

    def __init__(self, play: Play):
        super().__init__()
        self.play = play

    def build(self) -> None:
        self.widgets = [
            w.Panel((32, 70, 1216, 560)),
            w.TextBlock((56, 90, 1168, 520), brief_text(self.play), size=20),
            w.Button((32, 648, 200, 56), _("Back"), self.back),
        ]
