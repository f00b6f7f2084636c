"""Debrief: what followed, the Council's score with each dimension beside what
the real Council did, how far the seat got what it sought (for the seat of a
government whose forces committed the atrocities, no score: what it sought and
how history judged it), a timeline of both Councils, the reasons behind each
computer delegation's last vote, and the sources."""

from __future__ import annotations

import pygame

from councilgame.i18n import N_, _, number, percent
from councilgame.scoring import DIMENSIONS, council_score, lives_estimate, seat_score
from councilgame.session.documented import documented_path
from councilgame.session.narration import decision_told
from councilgame.session.hindsight import decision_reasons
from councilgame.session.transcript import highlights
from councilgame.session.state import about
from councilgame.ui import theme, vocabulary
from councilgame.ui import widgets as w
from councilgame.ui.intents import Intent
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.briefing import JUDGED, judged_line, sought_line
from councilgame.ui.scenes.flow import header


# The chart's text at 100% (dimension names, numbers, legend); it grows with the text size as far as
# the chart's box allows, shrinking below that only where it would not fit.
CHART_TEXT = 13
LEGEND_SHARE = 6  # the legend's line takes at most a sixth of the chart's height
LEGEND_GAP = 12  # between the last row and the legend
LEGEND_SWATCH = 12  # the coloured square before each legend entry (a shape: it does not grow)
SWATCH_GAP = 6  # between a square and its words
LEGEND_SPACING = 24  # between one legend entry and the next
LABEL_SHARE = 0.4  # the dimension names take at most this share of the width, the bars the rest
LABEL_PAD = 14  # between the longest name and the bars
NUMBER_PAD = 6  # between a bar's end and its number
BAR_GAP = 3  # between a row's two bars
ROW_GAP = 6  # between one dimension's pair of bars and the next


# The score's dimensions (scoring.DIMENSIONS), as the chart names them.
DIMENSION_NAMES = {"timeliness": N_("Timeliness"), "strength": N_("Strength"), "legitimacy": N_("Legitimacy"),
                   "protection": N_("Protection"), "accountability": N_("Accountability")}


class ScoreChart(w.Widget):
    """Paired bars: your Council beside the documented one (or inaction)."""

    def __init__(self, rect, mine: dict[str, float], record: dict[str, float], record_label: str):
        super().__init__(rect)
        self.mine, self.record, self.record_label = mine, record, record_label
        self._lines = [_(DIMENSION_NAMES[dim]) for dim in DIMENSIONS]  # the dimension names, as the inspector reads them
        self._legend = (_("your Council"), record_label)

    def spoken(self) -> str:
        """Self-voicing: each dimension's two numbers, yours first, as the bars show them."""
        rows = [_("{dimension}: {mine:.0f} and {record:.0f}").format(dimension=name, mine=self.mine.get(dim, 0),
                                                                      record=self.record.get(dim, 0))
                for dim, name in zip(DIMENSIONS, self._lines)]
        return ". ".join([_("Your Council beside {record}").format(record=self.record_label), *rows])

    def layout(self, ctx) -> None:
        from councilgame.ui import theme

        box, scale = self.rect, ctx.settings.scale
        swatches = len(self._legend) * (LEGEND_SWATCH + SWATCH_GAP) + (len(self._legend) - 1) * LEGEND_SPACING
        self._legend_font, legend_px = w.one_line(ctx, CHART_TEXT, False, box.width - swatches,
                                                  box.height // LEGEND_SHARE, *self._legend)
        self._row_h = (box.height - self._legend_font.get_linesize() - LEGEND_GAP) // len(DIMENSIONS)
        widest = max(self._lines, key=lambda line: theme.font(CHART_TEXT).size(line)[0])
        label_room = int(box.width * LABEL_SHARE) - LABEL_PAD
        self._font, label_px = w.one_line(ctx, CHART_TEXT, False, label_room, self._row_h, widest)
        self._label_w = max(self._font.size(line)[0] for line in self._lines) + LABEL_PAD
        self._bar_h = (self._row_h - ROW_GAP - BAR_GAP) // 2
        # A number stands by each of a row's two bars: the digits' ink (not the font's line, which has
        # room for accents and descenders that digits lack) must leave the other bar's number clear.
        for px in range(max(w.MIN_CHROME, round(CHART_TEXT * scale)), w.MIN_CHROME - 1, -1):
            self._number_font = theme.font(px)
            __, __, low, high, __ = self._number_font.metrics("0")[0]
            if high - low <= self._bar_h + BAR_GAP - 2:
                break
        self._ink_middle = self._number_font.get_ascent() - (high + low) // 2  # from the image's top to the digits' middle
        self._bar_w = box.width - self._label_w - NUMBER_PAD - self._number_font.size("100")[0]
        self.chrome = tuple(w.ChromeText(line, CHART_TEXT, label_px, False, label_room, scale) for line in self._lines)
        self.chrome += tuple(w.ChromeText(text, CHART_TEXT, legend_px, False, box.width - swatches, scale)
                             for text in self._legend)

    def draw(self, surface, ctx, focused: bool) -> None:
        p = ctx.palette
        font, row_h, bar_h = self._font, self._row_h, self._bar_h
        for i, (dim, name) in enumerate(zip(DIMENSIONS, self._lines)):
            y = self.rect.top + i * row_h
            image = w.render(self._images, font, name, p.text)
            surface.blit(image, image.get_rect(midleft=(self.rect.left, y + bar_h + BAR_GAP // 2)))
            for j, (values, colour) in enumerate(((self.mine, p.accent), (self.record, p.muted))):
                bar = pygame.Rect(self.rect.left + self._label_w, y + j * (bar_h + BAR_GAP), int(self._bar_w * values[dim] / 100),
                                  bar_h)
                pygame.draw.rect(surface, colour, bar, border_radius=3)
                number = w.render(self._images, self._number_font, f"{values[dim]:.0f}", p.text)
                surface.blit(number, (bar.right + NUMBER_PAD, bar.centery - self._ink_middle))
        x, legend = self.rect.left, self._legend_font
        middle = self.rect.bottom - legend.get_linesize() // 2
        for text, colour in zip(self._legend, (p.accent, p.muted)):
            pygame.draw.rect(surface, colour, (x, middle - LEGEND_SWATCH // 2, LEGEND_SWATCH, LEGEND_SWATCH), border_radius=2)
            image = w.render(self._images, legend, text, p.muted)
            surface.blit(image, image.get_rect(midleft=(x + LEGEND_SWATCH + SWATCH_GAP, middle)))
            x += LEGEND_SWATCH + SWATCH_GAP + image.get_width() + LEGEND_SPACING


ROW_LABEL_MIN = 10  # the size a button's label shrinks to at the least (widgets.Button.layout)
# A member's vote on the last draft, by its Reasons.choice, as the debrief's lines say it.
VOTED = {"yes": N_("voted yes"), "no": N_("voted no"), "abstain": N_("abstained"), "veto": N_("vetoed"),
         "assent": N_("joined"), "object": N_("objected")}
# The model's assumption behind its estimate of the toll for this Council, and the course it measures against.
ASSUMPTION = N_("It assumes the toll rises and falls in proportion to the model's harm index (violence times civilians "
                "at risk, day by day): this game's course did {share} of the harm of {baseline}, so the documented "
                "range is scaled by that share.")
AGAINST = {True: N_("the course without the Council"), False: N_("the real course of events")}
PEOPLE = N_("people")  # an outcome's unit when the case names none (the model's default)
# The heading of a member's reasons, by the same choice.
WHY_VOTED = {"yes": N_("Why {name} voted yes"), "no": N_("Why {name} voted no"), "abstain": N_("Why {name} abstained"),
             "veto": N_("Why {name} vetoed"), "assent": N_("Why {name} joined"), "object": N_("Why {name} objected")}


def reason_rows(play: Play, decision) -> list[tuple[str, str, str]]:
    """(line, heading, full text) for each computer member that gave its reasons in a decision: the line
    says how it voted and the reason that pushed it that way; the full text is the whole sentence, then
    the numbers behind it."""
    case, game = play.case, play.game
    weighed = decision_reasons(game, decision) or {}
    rows = []
    for member, given in decision.reasons.items():
        r = weighed.get(member)
        name = case.local_name(member)
        if r is None:  # the reasons as given, without their numbers
            rows.append((_("{name}: {reason}").format(name=name, reason=given), name, given))
            continue
        line = _("{symbol} {name}: {voted}, {reason}").format(symbol=theme.SYMBOL[r.vote], name=name,
                                                             voted=_(VOTED[r.choice]), reason=r.reason)
        text = _("{sentence}\n\nThe weights behind it (largest first):\n{details}").format(sentence=r.sentence,
                                                                                         details="\n".join(r.details))
        rows.append((line, _(WHY_VOTED[r.choice]).format(name=name), text))
    return rows


class DebriefScene(WidgetScene):
    def __init__(self, play: Play):
        super().__init__()
        self.play = play
        self._rows: list[tuple[str, str, str]] | None = None  # the reasons panel's lines, made once
        self.reasons_first = 0  # the first of them shown
        self.reasons_shown = 0  # how many of them show at once

    def build(self) -> None:
        play, game, ctx = self.play, self.play.game, self.ctx
        case = play.case
        path = documented_path(case, game.rounds)  # the real Council over the rounds this game ran
        mine = council_score(case, game.state)
        record = council_score(case, path.state)
        label = _("if it did nothing") if case.scenario.fictional else _("the real Council")
        self.widgets = header(play, _("Debrief"))
        other = _("if it did nothing") if case.scenario.fictional else _("real")  # a fictional case has no real Council
        council = w.Panel((436, 76, 420, 250), _("The Council: {total:.0f} ({other}: {total2:.0f})")
            .format(total=mine.total, other=other, total2=record.total))
        timeline = []
        for d in game.state.decisions:
            timeline.append(f"{d.date}  {decision_told(game, d)}")  # what was adopted, not only the tally
        for entry in case.scenario.record:
            if case.round_index_for(entry.date) >= game.rounds:
                continue  # after the lesson's last round: not what this game is compared with
            timeline.append(_("{date}  real: {record}: {summary}").format(date=about(str(entry.date), entry.approximate),
                                                                         record=entry.symbol or entry.id,
                                                                         summary=vocabulary.case_text(case, entry.summary)))
        for index, rnd in enumerate(case.scenario.rounds):
            moves = highlights(game, index)
            if moves:  # what the seats did, yours and the computer's, told from the game's log
                timeline.append(_("{date}  moves: {moves}.").format(date=rnd.start,
                                                                    moves=case.phrases.listed_titles(moves)))
        timeline.sort()
        # What followed comes first, and the seat's own result last, the Council between them: how far a
        # delegation got what it sought is never read beside a death toll as if it were an achievement.
        followed = w.Panel((24, 76, 400, 250), _("What followed"))
        seat_title, seat_text = self._seat(case)
        yours = w.Panel((868, 76, 388, 250), seat_title)
        told = w.Panel((24, 338, 616, 300), _("Timeline") if case.scenario.fictional
                       else _("Timeline: your Council and the real one"))
        self.widgets += [
            followed, w.TextBlock(followed.inside(ctx), "\n".join(self._followed(path)) or _("This case is fictional."),
                                  size=14),
            council, ScoreChart(council.inside(ctx), mine.dimensions, record.dimensions, label),
            yours, w.TextBlock(yours.inside(ctx), seat_text, size=15),
            told, w.TextBlock(told.inside(ctx), "\n".join(timeline) or _("No decisions."), size=14),
        ]
        # Why each computer delegation voted as it did on the last draft: a line each with the reason that
        # pushed it that way; choosing one shows the whole sentence and the numbers behind it.
        why = w.Panel((652, 338, 604, 300), _("Why the delegations voted as they did (last draft)"))
        self.widgets.append(why)
        rows = self._reason_rows() if play.shows_reasons else []
        if rows:
            self.widgets += self._reason_buttons(rows, why.inside(ctx, inset=12))
        else:
            self.widgets.append(w.TextBlock(why.inside(ctx), _("No draft was weighed.") if play.shows_reasons else
                                            _("The instructor has hidden the computer's reasons."), size=13))
        self.widgets += [
            w.Button((24, 652, 200, 56), _("Sources"), self._sources),
            w.Button((956, 652, 300, 56), _("Back to the title"), self._title),
        ]
        brief = case.brief(play.seat)
        if brief is not None and brief.perpetrator:  # its panel read whole, as large text needs it
            self.widgets.insert(-1, w.Button((240, 652, 400, 56), _(JUDGED), self._in_full(seat_title, seat_text)))

    def _followed(self, path) -> list[str]:
        """What followed, as the record counts it; under the toll the model scales, its estimate for this
        Council: a range, labelled as a model estimate, with the assumption it rests on."""
        case, game = self.play.case, self.play.game
        estimate = lives_estimate(case, game.state, path.state)
        lines = []
        for o in case.scenario.outcomes:
            label = vocabulary.case_text(case, o.label)
            # The unit the model gives when the case names none is the window's word, in its language.
            unit = o.unit if "unit" in o.model_fields_set else _(PEOPLE)
            figures = (number(o.low) if o.low == o.high
                       else _("{low} to {high}").format(low=number(o.low), high=number(o.high)))
            lines.append(_("{label}: {figures} {unit}").format(label=label, figures=figures, unit=unit)
                         + (_(" (contested)") if o.contested else ""))
            if estimate is not None and o.id == estimate.outcome:
                span = (_("about {low}").format(low=number(estimate.low)) if estimate.low == estimate.high
                        else _("{low} to {high}").format(low=number(estimate.low), high=number(estimate.high)))
                assumption = _(ASSUMPTION).format(share=percent(estimate.share * 100),
                                                  baseline=_(AGAINST[estimate.against_inaction]))
                lines.append(_("That toll, model estimate for your Council (not a fact): {span} {unit}. {assumption}")
                    .format(span=span, unit=unit, assumption=assumption))
        return lines

    def _seat(self, case) -> tuple[str, str]:
        """The seat panel's title and text: how far the delegation got what it sought, goal by goal. For the
        seat of a government whose forces committed the atrocities, no score and no goals met: what it sought,
        how history judged it, and what this Council did."""
        play, game = self.play, self.play.game
        brief = case.brief(play.seat)
        if brief is not None and brief.perpetrator:
            did = [_("{date}: {text}").format(date=d.date, text=decision_told(game, d))
                   for d in game.state.decisions if d.draft.clauses]
            # What it sought, then how history judged it (the button below opens the panel there, read whole),
            # then what this game's Council did, as the timeline tells it.
            parts = [sought_line(vocabulary.case_text(case, brief.success))] + (
                [judged_line(vocabulary.case_text(case, brief.judged))] if brief.judged else [])
            parts.append(_("What this game's Council did: {value}")
                         .format(value="\n".join(did) if did else _("it put no text to the vote.")))
            parts.append(_("This seat was played to understand the arguments that were made: it has no score."))
            return _("The government you played"), "\n\n".join(parts)
        seat = seat_score(case, game.state, play.seat, game.facts())
        if not seat.goals:
            return _("Your delegation's aims"), _("Your delegation's brief set no goals in this case, so it has no score.")
        goals = "\n".join(f"{'+' if ok else '×'} {vocabulary.case_text(case, text)}" for text, ok, __ in seat.goals)
        return (_("Your delegation's aims"),
                _("You got {score:.0f} of 100 of what you sought (your goals, weighted): a measure of your "
                  "negotiating, not of what followed.\n{goals}").format(score=seat.score, goals=goals))

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
        lines = max(len(textlib.wrap(line, smallest, box.width - 16)) for line, __, __ in rows)
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
            label = _("{count} more").format(count=rest) if rest > 0 else _("The first again")
            out.append(w.Button((box.left, box.top + shown * (height + gap), w.grown(200, self.ctx), height), label,
                                self._more_reasons, size=13))
        return out

    def _show_reason(self, heading: str, text: str):
        def show() -> None:
            from councilgame.ui.scenes.message import MessageScene

            self.stack.push(MessageScene(heading, text, ok=_("Back")))
        return show

    def _in_full(self, heading: str, text: str):
        def show() -> None:
            from councilgame.ui.scenes.message import MessageScene

            self.stack.push(MessageScene(heading, text, ok=_("Back"), tall=True))
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
        brief = case.brief(self.play.seat)
        ids += list(brief.judged_sources) if brief else []  # how history judged the seat, which the debrief tells
        self.stack.push(SourcesScene(case, ids))

    def _title(self) -> None:
        from councilgame.ui.scenes.flow import to_title

        to_title(self.stack)

    def on_other(self, event) -> None:
        if event.intent is Intent.SOURCES:
            self._sources()
