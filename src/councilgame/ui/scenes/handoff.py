"""A class on one machine: the hand-off between private turns, and the room's view between them.

The hand-off shows nothing private: only whose turn it is, and who holds that seat. The room's view
(the projector) shows what the whole room may see: the phase, the public statements, whose turn is
done and whose is still to come, never a seat's brief or what it said in private."""

from __future__ import annotations

from councilgame.i18n import _, ngettext
from councilgame.session.actions import Advance
from councilgame.session.view import PUBLIC
from councilgame.ui import vocabulary
from councilgame.ui import widgets as w
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.flow import end_phase, header, scene_for, seat_name, seat_note
from councilgame.ui.vocabulary import action_label


class HandoffScene(WidgetScene):
    def __init__(self, play: Play, seat: str):
        super().__init__()
        self.play, self.seat = play, seat

    def build(self) -> None:
        play = self.play
        phase = play.game.state.phase.value
        self.widgets = [
            w.Panel((140, 120, 1000, 440)),
            w.TextBlock((180, 150, 920, 60), _("Pass to {name}")
                .format(name=play.holder(self.seat)), size=30, bold=True, fit=True),
            w.TextBlock((180, 230, 920, 200), _("Round {value}, {phase}. Press Enter when only {name} is looking: what "
                                                "follows is for its "
                                                "delegation alone.")
            .format(value=play.game.state.round_index + 1, phase=phase, name=play.name_of(self.seat)), size=20),
            w.Button((440, 460, 400, 64), _("I am {name}: show my screen").format(name=play.name_of(self.seat)), self._take),
        ]

    def default_focus(self) -> int | None:
        return self.first_focus(self.pressing(self._take), unsafe=lambda x: False)

    def back(self) -> None:
        from councilgame.ui.scenes.menu import open_menu

        open_menu(self, self.play)  # Escape: the in-game menu, as on every game screen

    def _take(self) -> None:
        self.play.hand_to(self.seat)
        self.stack.replace(scene_for(self.play))
        seat_note(self.stack, self.play, self.seat)  # the seat's own content note, before its first briefing


class ProjectorScene(WidgetScene):
    """What the room sees between private turns, and where the phase ends once every turn is taken."""

    def __init__(self, play: Play):
        super().__init__()
        self.play = play

    def build(self) -> None:
        play, game = self.play, self.play.game
        self.widgets = header(play, _("{capitalize} (the room's view)")
            .format(capitalize=vocabulary.phase(game.state.phase.value)), room=True)
        draft = game.draft
        said = [_("The draft before the Council ({kind}): {clauses}.").format(
            kind=vocabulary.instrument(draft.instrument), clauses=play.case.titles(draft.clauses))
        ] if draft.clauses else []
        if game.state.phase.value == "vote" and draft.clauses:
            voters = [s for s in game.members if game.is_human(s)]
            cast = sum(1 for s in voters if s in game.state.votes)
            said.append(ngettext("Votes cast: {cast} of {count} seat the class holds. How each voted is shown when the "
                                 "roll is called, so that early votes do not sway late ones.",
                                 "Votes cast: {cast} of {count} seats the class holds. How each voted is shown when the "
                                 "roll is called, so that early votes do not sway late ones.", len(voters))
                        .format(cast=cast, count=len(voters)))
        said += [f"{seat_name(play, e.seat)}: {e.text}" for e in game.view().exchanges if e.target == PUBLIC]
        news = [_("{date}: {text}").format(date=f.when, text=f.text) for f in game.view().feed]
        turns = [f"+ {play.holder(s)}" if s in play.done else _("· {holder}: still to come").format(holder=play.holder(s))
                 for s in play.turns]
        public = w.Panel((24, 80, 800, 560), _("Said in public this round"))
        room = w.Panel((840, 80, 416, 560), _("Turns this phase"))
        self.widgets += [
            public, w.TextBlock(public.inside(self.ctx), "\n".join(said + news) or _("Nothing yet."), size=18),
            room, w.TextBlock(room.inside(self.ctx), "\n".join(turns) or _("No seat acts in private in this phase."),
                              size=18),
        ]
        pending = play.pending
        if pending:
            self.widgets.append(w.Button((956, 652, 300, 56), _("Pass to {name}")
                .format(name=play.name_of(pending[0])), self._next))
        else:
            self.widgets.append(w.Button((956, 652, 300, 56), action_label(Advance(), game), self._end))

    def default_focus(self) -> int | None:
        return self.safe_focus(lambda x: isinstance(x, w.TextBlock), unsafe=self.pressing(self._end))

    def back(self) -> None:
        from councilgame.ui.scenes.menu import open_menu

        open_menu(self, self.play)

    def _next(self) -> None:
        self.stack.replace(HandoffScene(self.play, self.play.pending[0]))

    def _end(self) -> None:
        end_phase(self, self.play, self._end, _("End the phase for the whole Council?"),
                  _("Every seat has taken its turn. The Council moves on, and this phase cannot be played again."))
