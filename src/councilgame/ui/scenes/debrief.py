"""Debrief: the seat's score and the Council's, each dimension beside what
the real Council did, a timeline of both, the reasons behind each computer
delegation's last vote, and the sources."""

from __future__ import annotations

import pygame

from councilgame.scoring import DIMENSIONS, council_score, lives_at_risk, seat_score
from councilgame.session.documented import documented_path
from councilgame.session.narration import decision_told
from councilgame.session.hindsight import decision_reasons
from councilgame.session.transcript import highlights
from councilgame.ui import theme
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


ROW_LABEL_MIN = 10  # the size a button's label shrinks to at the least (widgets.Button.layout)
# A member's vote on the last draft, by its Reasons.choice, as the debrief's lines say it.
VOTED = {"yes": "voted yes", "no": "voted no", "abstain": "abstained", "veto": "vetoed", "assent": "joined",
         "object": "objected"}


def reason_rows(play: Play, decision) -> list[tuple[str, str, str]]:
    """(line, heading, full text) for each computer member that gave its reasons in a decision: the line
    says how it voted and the reason that pushed it that way; the full text is the whole sentence, then
    the numbers behind it."""
    case, game = play.case, play.game
    weighed = decision_reasons(game, decision) or {}
    rows = []
    for member, given in decision.reasons.items():
        r = weighed.get(member)
        name = case.name(member)
        if r is None:  # the reasons as given, without their numbers
            rows.append((f"{name}: {given}", name, given))
            continue
        line = f"{theme.SYMBOL[r.vote]} {name}: {VOTED[r.choice]}, {r.reason}"
        text = r.sentence + "\n\nThe weights behind it (largest first):\n" + "\n".join(r.details)
        rows.append((line, f"Why {name} {VOTED[r.choice]}", text))
    return rows


class DebriefScene(WidgetScene):
    def __init__(self, play: Play):
        super().__init__()
        self.play = play
        self._rows: list[tuple[str, str, str]] | None = None  # the reasons panel's lines, made once
        self.reasons_first = 0  # the first of them shown
        self.reasons_shown = 0  # how many of them show at once

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
        # Why each computer delegation voted as it did on the last draft: a line each with the reason that
        # pushed it that way; choosing one shows the whole sentence and the numbers behind it.
        self.widgets.append(w.Panel((652, 338, 604, 300), "Why the delegations voted as they did (last draft)"))
        rows = self._reason_rows()
        if rows:
            self.widgets += self._reason_buttons(rows, pygame.Rect(664, 366, 580, 264))
        else:
            self.widgets.append(w.TextBlock((668, 366, 574, 264), "No draft was weighed.", size=13))
        self.widgets += [
            w.Button((24, 652, 200, 56), "Sources", self._sources),
            w.Button((956, 652, 300, 56), "Back to the title", self._title),
        ]

    def _reason_rows(self) -> list[tuple[str, str, str]]:
        """(line, heading, full text) for each computer member's vote on the last draft voted on."""
        if self._rows is None:
            game = self.play.game
            last = next((d for d in reversed(game.state.decisions) if d.reasons), None)
            self._rows = reason_rows(self.play, last) if last is not None else []
        return self._rows

    def _reason_buttons(self, rows: list[tuple[str, str, str]], box: pygame.Rect) -> list[w.Widget]:
        """The lines that fit the box, one button each, and a button for the next lines if they do not all fit.
        A row is as tall as the longest line needs at the smallest size a button's label shrinks to (at 200%
        text, two lines), so that no line is cut short."""
        from councilgame.ui import text as textlib

        gap, smallest = 4, self.ctx.font(ROW_LABEL_MIN, bold=True)
        lines = max(len(textlib.wrap(line, smallest, box.width - 16)) for line, _, _ in rows)
        height = max(w.grown(24, self.ctx), lines * smallest.get_linesize() + 8)
        fit = max(1, (box.height + gap) // (height + gap))
        shown = fit if len(rows) <= fit else max(1, fit - 1)
        self.reasons_first %= len(rows)
        self.reasons_shown = shown
        out: list[w.Widget] = []
        for i, (line, heading, text) in enumerate(rows[self.reasons_first:self.reasons_first + shown]):
            rect = (box.left, box.top + i * (height + gap), box.width, height)
            out.append(w.Button(rect, line, self._show_reason(heading, text), size=13))
        if len(rows) > shown:
            rest = len(rows) - self.reasons_first - shown
            label = f"{rest} more" if rest > 0 else "The first again"
            out.append(w.Button((box.left, box.top + shown * (height + gap), w.grown(200, self.ctx), height), label,
                                self._more_reasons, size=13))
        return out

    def _show_reason(self, heading: str, text: str):
        def show() -> None:
            from councilgame.ui.scenes.message import MessageScene

            self.stack.push(MessageScene(heading, text, ok="Back"))
        return show

    def _more_reasons(self) -> None:
        """The next lines, and after the last ones the first again."""
        following = self.reasons_first + self.reasons_shown
        self.reasons_first = following if following < len(self._reason_rows()) else 0
        self.enter()

    def default_focus(self) -> int | None:
        return self.safe_focus(self.pressing(self._sources), unsafe=lambda x: False)  # the case is over: nothing is lost

    def back(self) -> None:
        from councilgame.ui.scenes.menu import open_menu

        open_menu(self, self.play, self._sources)  # Escape: the in-game menu, as on every game screen

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
