"""Consultations: choose a member, ask for its vote or offer support
elsewhere, and see its answer and its stated reasons; brief with an NGO;
make a statement; signal a veto (as a permanent member)."""

from __future__ import annotations

from councilgame.delegations.consult import amendments_sought
from councilgame.scenario.model import ActorKind
from councilgame.session import actions as act
from councilgame.ui import theme
from councilgame.ui import widgets as w
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.flow import act as act_on, header, seat_name


class ConsultScene(WidgetScene):
    def __init__(self, play: Play, member: str | None = None):
        super().__init__()
        self.play = play
        others = [m for m in play.game.members if m != play.seat]
        self.member = member if member in others else others[0]

    def build(self) -> None:
        play, game = self.play, self.play.game
        self.widgets = header(play, "Consultations")
        others = [m for m in game.members if m != play.seat]
        for i, code in enumerate(others):
            col, row = divmod(i, 7)
            self.widgets.append(w.Button((24 + col * 200, 80 + row * 62, 188, 54), play.case.name(code), self._choose(code),
                                         size=15, selected=code == self.member))
        count = game.whip()
        assessment = count.assessments[self.member]
        has_draft = bool(game.state.draft and game.state.draft.clauses)
        if has_draft:
            position = assessment.position.value
            lines = [f"{play.case.name(self.member)}: {theme.SYMBOL[position]} {position} on the current draft "
                     f"(score {assessment.score:+.2f})", "Its reasons:"]
            lines += [f"  {f}" for f in assessment.reasons(5)]
            if assessment.red_line:
                from councilgame.delegations.speech import red_line_title

                lines.append("Red line: " + red_line_title(assessment.red_line, play.case.clauses))
            wanted = amendments_sought(self.member, game.profiles()[self.member], game.state.draft, play.case.clauses,
                                       game.moment())
            if wanted:
                old, new, _ = wanted[0]
                lines.append("It would like: " + (f"'{play.case.clauses[new].title}' instead of "
                                                   if new else "to drop ") + f"'{play.case.clauses[old].title}'")
        else:
            lines = [f"{play.case.name(self.member)}: there is no draft to weigh yet."]
        said = [f"{seat_name(play, e.seat)}: {e.text}" for e in game.state.exchanges
                if e.round == game.state.round_index and (e.seat == self.member or e.target == self.member)]
        self.widgets += [
            w.Panel((440, 76, 816, 300), "Position"),
            w.TextBlock((456, 104, 786, 264), "\n".join(lines), size=16),
            w.Panel((440, 388, 816, 160), "What was said"),
            w.TextBlock((456, 416, 786, 124), "\n".join(said[::-1]) or "Nothing yet.", size=15),
        ]
        capital = game.state.capital.get(play.seat, 0)
        actions = [("Ask for its vote (1)", self._lobby(False), capital >= 1),
                   ("Offer support elsewhere (2)", self._lobby(True), capital >= 2),
                   ("Statement: protect civilians (1)", self._statement("protect"), capital >= 1),
                   ("Statement: respect sovereignty (1)", self._statement("sovereignty"), capital >= 1)]
        if play.seat in game.permanent:
            actions.append(("Signal a veto (1)", self._veto, capital >= 1 and play.seat not in game.state.veto_signals))
        for ngo in [a for a in play.case.scenario.actors if a.kind is ActorKind.ngo][:2]:
            actions.append((f"Brief with {ngo.name} (1)", self._brief(ngo.id), capital >= 1))
        for i, (label, handler, ok) in enumerate(actions[:8]):
            self.widgets.append(w.Button((440 + (i % 4) * 204, 560 + (i // 4) * 60, 196, 52), label, handler if ok else None,
                                         size=14))
        self.widgets.append(w.Button((24, 652, 200, 56), "Back to chamber", self.back))

    def _choose(self, code):
        def choose() -> None:
            self.member = code
            self._focus_label = self.play.case.name(code)
            self.enter()
        return choose

    def _do(self, action) -> None:
        act_on(self, self.play, action)

    def _lobby(self, offer: bool):
        return lambda: self._do(act.Lobby(self.play.seat, self.member, offer))

    def _statement(self, line: str):
        return lambda: self._do(act.Statement(self.play.seat, line))

    def _veto(self) -> None:
        self._do(act.SignalVeto(self.play.seat))

    def _brief(self, actor: str):
        return lambda: self._do(act.BriefWithNgo(self.play.seat, actor))
