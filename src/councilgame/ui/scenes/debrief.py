"""Debrief: the seat's score and the Council's, each dimension beside what
the real Council did, a timeline of both, the reasons behind each computer
delegation's last vote, and the sources."""

from __future__ import annotations

import pygame

from councilgame.scoring import DIMENSIONS, council_score, lives_at_risk, seat_score
from councilgame.session.documented import documented_path
from councilgame.session.narration import decision_told
from councilgame.session.transcript import highlights
from councilgame.ui import widgets as w
from councilgame.ui.intents import Intent
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.flow import header


class ScoreChart(w.Widget):
    """Paired bars: your Council beside the documented one (or inaction)."""

    def __init__(self, rect, mine: dict[str, float], record: dict[str, float], record_label: str):
        super().__init__(rect)
        self.mine, self.record, self.record_label = mine, record, record_label

    def draw(self, surface, ctx, focused: bool) -> None:
        p = ctx.palette
        rows = len(DIMENSIONS)
        row_h = (self.rect.height - 30) // rows
        font, _ = w.fitting_font(ctx, 13, False, "Accountability", 140, row_h // 2)
        label_w = 150
        width = self.rect.width - label_w - 50
        for i, dim in enumerate(DIMENSIONS):
            y = self.rect.top + i * row_h
            surface.blit(font.render(dim.capitalize(), True, p.text), (self.rect.left, y + 4))
            for j, (values, colour) in enumerate(((self.mine, p.accent), (self.record, p.muted))):
                bar = pygame.Rect(self.rect.left + label_w, y + 4 + j * (row_h // 2 - 2), int(width * values[dim] / 100),
                                  row_h // 2 - 6)
                pygame.draw.rect(surface, colour, bar, border_radius=3)
                surface.blit(font.render(f"{values[dim]:.0f}", True, p.text), (bar.right + 6, bar.top - 2))
        x = self.rect.left
        for text, colour in (("your Council", p.accent), (self.record_label, p.muted)):
            pygame.draw.rect(surface, colour, (x, self.rect.bottom - 18, 12, 12), border_radius=2)
            image = font.render(text, True, p.muted)
            surface.blit(image, (x + 18, self.rect.bottom - 22))
            x += 18 + image.get_width() + 24


class DebriefScene(WidgetScene):
    def __init__(self, play: Play):
        super().__init__()
        self.play = play

    def build(self) -> None:
        play, game = self.play, self.play.game
        case = play.case
        path = documented_path(case)
        mine = council_score(case, game.state)
        record = council_score(case, path.state)
        seat = seat_score(case, game.state, play.seat, game.facts())
        label = "if it did nothing" if case.scenario.fictional else "the real Council"
        self.widgets = header(play, "Debrief")
        goals = "\n".join(f"{'+' if ok else '×'} {text}" for text, ok, _ in seat.goals) or "Your seat had no goals in this case."
        self.widgets += [
            w.Panel((24, 76, 400, 250), f"Your seat: {seat.score:.0f}/100"),
            w.TextBlock((40, 104, 370, 214), goals, size=15),
            w.Panel((436, 76, 420, 250), f"The Council: {mine.total:.0f} (real: {record.total:.0f})"),
            ScoreChart((452, 106, 392, 212), mine.dimensions, record.dimensions, label),
        ]
        timeline = []
        for d in game.state.decisions:
            timeline.append(f"{d.date}  {decision_told(game, d)}")  # what was adopted, not only the tally
        for entry in case.scenario.record:
            timeline.append(f"{entry.date}  real: {entry.symbol or entry.id}: {entry.summary}")
        for index, rnd in enumerate(case.scenario.rounds):
            moves = highlights(game, index)
            if moves:  # what the seats did, yours and the computer's, told from the game's log
                timeline.append(f"{rnd.start}  moves: " + "; ".join(moves) + ".")
        timeline.sort()
        estimate = lives_at_risk(case, game.state, path.state)
        outcomes = [f"{o.label}: " + (f"{o.low:,.0f}" if o.low == o.high else f"{o.low:,.0f} to {o.high:,.0f}")
                    + f" {o.unit}" + (" (contested)" if o.contested else "") for o in case.scenario.outcomes]
        if estimate:
            outcomes.append(f"Model estimate for your Council, not a fact: {estimate[0]:,.0f} to {estimate[1]:,.0f} "
                            "people killed")
        self.widgets += [
            w.Panel((868, 76, 388, 250), "What followed"),
            w.TextBlock((884, 104, 358, 214), "\n".join(outcomes) or "This case is fictional.", size=14),
            w.Panel((24, 338, 616, 300), "Timeline: your Council and the real one"),
            w.TextBlock((40, 366, 586, 264), "\n".join(timeline) or "No decisions.", size=14),
        ]
        last = next((d for d in reversed(game.state.decisions) if d.reasons), None)
        reasons = "\n".join(f"{case.name(m)}: {text}" for m, text in (last.reasons.items() if last else []))
        self.widgets += [
            w.Panel((652, 338, 604, 300), "Why the delegations voted as they did (last draft)"),
            w.TextBlock((668, 366, 574, 264), reasons or "No draft was weighed.", size=13),
            w.Button((24, 652, 200, 56), "Sources", self._sources),
            w.Button((956, 652, 300, 56), "Back to the title", self._title),
        ]

    def default_focus(self) -> int:
        return len(self.focusable()) - 1

    def back(self) -> None:
        self._title()

    def _sources(self) -> None:
        from councilgame.ui.scenes.sources import SourcesScene

        case = self.play.case
        ids = [s for e in case.scenario.record for s in e.sources] + [s for o in case.scenario.outcomes for s in o.sources]
        self.stack.push(SourcesScene(case, ids))

    def _title(self) -> None:
        from councilgame.ui.scenes.flow import to_title

        to_title(self.stack)

    def on_other(self, event) -> None:
        if event.intent is Intent.SOURCES:
            self._sources()
