"""Consequences: the roll call and result, what happened next as news, and
how the crisis indicators moved."""

from __future__ import annotations

from councilgame.i18n import _
from councilgame.ui import widgets as w
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.chamber import INDICATOR_LABELS
from councilgame.ui.scenes.flow import header, next_phase
from councilgame.ui.scenes.vote import REVEAL_SECONDS, roll_call_lines


# Causes named per indicator: the few that weighed most (the rest are small).
CAUSES_SHOWN = 3
WHY_GAP = 8  # between the last bar and the text on why they moved
WHY_BOTTOM = 632  # that text ends with the panel beside it, above the buttons


def why_it_moved(view) -> list[str]:
    """Why each indicator moved this round, its largest causes first, as the engine accounts for them."""
    lines = [_("Why the crisis moved (model estimates; chance is the model's uncertainty):")] if view.moved else []
    for key, label, __ in INDICATOR_LABELS:
        parts = sorted(view.moved.get(key, ()), key=lambda part: -abs(part[1]))
        if not parts:
            continue
        causes = ", ".join(f"{cause} {points:+.0f}" for cause, points in parts[:CAUSES_SHOWN] if round(points))
        lines.append(_("{dimension} {change}: {causes}.").format(dimension=_(label), change=f"{view.change(key):+.0f}",
                                                                 causes=causes or _("small changes")))
    return lines


class ConsequencesScene(WidgetScene):
    def __init__(self, play: Play):
        super().__init__()
        self.play = play
        self.revealed = 0 if not play.game.state.ended else 99
        self._clock = 0.0

    def build(self) -> None:
        play, game = self.play, self.play.game
        view = game.view()
        decision = view.decision
        self.widgets = header(play, _("Consequences"))
        self.lines = roll_call_lines(play, decision) if decision else []
        if self.ctx.settings.reduced_motion:
            self.revealed = len(self.lines)
        result = view.result or _("Nothing was decided.")
        self.widgets.append(w.TextBlock((24, 80, 1232, 40), _("Result: {result}")
            .format(result=result), size=22, bold=True, fit=True))
        quiet = _("No member objected.") if decision is not None and decision.adopted and decision.draft.is_statement \
            else _("No vote was taken.")
        self.roll = w.TextBlock((24, 130, 400, 500), "\n".join(self.lines[:self.revealed]) or quiet, size=16)
        self.widgets.append(self.roll)
        meters = w.meter_rects(self.ctx, 450, 130, 380, len(INDICATOR_LABELS))
        for rect, (key, label, good_high) in zip(meters, INDICATOR_LABELS):
            self.widgets.append(w.Meter(rect, _(label), view.indicators[key], view.before[key], good_high))
        news = [view.decided] if view.decided else []
        news += list(view.history)  # the real Council's decision beside this one, marked as history
        news += [_("{date}: {text}").format(date=f.when, text=f.text) for f in view.news]
        in_force = list(dict.fromkeys(play.case.clauses[c].title for c in view.in_force))
        if in_force:
            news.append(_("Measures in force (the model applies their effect every round): {measures}.")
                        .format(measures=play.case.phrases.listed_titles(in_force)))
        # Why the crisis moved, under the bars it explains (shorter as they grow with the text; it scrolls).
        why_top = meters[-1].bottom + WHY_GAP
        self.widgets.append(w.TextBlock((450, why_top, 380, WHY_BOTTOM - why_top), "\n".join(why_it_moved(view)), size=14))
        happened = w.Panel((850, 120, 406, 512), _("What happened next"))
        self.widgets += [
            happened,
            w.TextBlock(happened.inside(self.ctx, inset=14), "\n".join(news) or _("The crisis went on as the indicators show."),
                        size=15),
        ]
        self.widgets.append(w.Button((956, 652, 300, 56), _("To the debrief") if view.last else _("Next round"), self._next))

    @property
    def animating(self) -> bool:
        return self.revealed < len(self.lines)

    def update(self, seconds: float) -> None:
        if self.revealed >= len(self.lines):
            return
        self._clock += seconds
        while self._clock >= REVEAL_SECONDS and self.revealed < len(self.lines):
            self._clock -= REVEAL_SECONDS
            self.revealed += 1
        self.roll.text = "\n".join(self.lines[:self.revealed])
        self.roll.layout(self.ctx)

    def default_focus(self) -> int | None:
        # On text that scrolls, if any, else nowhere until Tab: never on the way to the next round.
        return self.safe_focus(lambda x: True, unsafe=self.pressing(self._next))

    def back(self) -> None:
        from councilgame.ui.scenes.menu import open_menu

        open_menu(self, self.play)  # Escape: the in-game menu, as on every game screen

    def _next(self) -> None:
        from councilgame.ui.scenes.flow import confirm, label_of

        if self.play.game.view().last:
            heading, body = _("End the case?"), _("The game ends here, and the debrief shows how your Council did.")
        else:
            heading, body = _("Go on to the next round?"), _("This round ends, and it cannot be played again.")
        confirm(self.stack, heading, body, label_of(self, self._next, _("Next round")), lambda: next_phase(self, self.play))
