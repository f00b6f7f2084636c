"""Briefing: the round's date and situation, the news as it was known, and
the seat's private brief. Sources are one key (S) away."""

from __future__ import annotations

from councilgame.i18n import N_, _
from councilgame.ui import vocabulary
from councilgame.ui import widgets as w
from councilgame.ui.intents import Intent
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.flow import header, next_phase


def brief_of(play: Play):
    return play.case.brief(play.seat)


# A perpetrator seat's brief says what the government sought, never what "success" would be for it.
SOUGHT = N_("What this government sought")
JUDGED = N_("How history judged it")


def sought_line(success: str) -> str:
    """A perpetrator seat's brief: what the government sought, in the active language."""
    return _("What this government sought: {success}").format(success=success)


def judged_line(judged: str) -> str:
    """How history judged the government, in the active language."""
    return _("How history judged it: {judged}").format(judged=judged)


def brief_lines(brief, case=None) -> list[str]:
    """A seat's private brief, a line each: its interests, its red lines, what it counts as success (for a
    perpetrator seat, what the government sought) and, where the case gives it, how history judged it. With
    the case, a text its translation left in English is marked so."""
    def text(value: str) -> str:
        return vocabulary.case_text(case, value) if case is not None else value

    lines = [_("Your interests: {interests}").format(interests=text(brief.interests))]
    if brief.red_lines:
        lines.append(_("Your red lines: {red_lines}").format(red_lines=text(brief.red_lines)))
    lines.append(sought_line(text(brief.success)) if brief.perpetrator else _("Success for you: {success}")
        .format(success=text(brief.success)))
    if brief.judged:
        lines.append(judged_line(text(brief.judged)))
    return lines


# The members an advanced briefing names: those furthest from a yes, which is where a seat's work lies.
READING_NAMED = 5


def advisers_reading(play: Play) -> str:
    """An advanced briefing's reading of the Council on the penholder's draft: the likely count, and the
    members least likely to vote yes, each with its reason (unless the instructor hides the computer's)."""
    game = play.game
    tally = game.whip().tally
    doubtful = sorted((r for r in game.whip_reasons() if r.vote != "yes" and r.member != play.seat),
                      key=lambda r: r.vote != "no")[:READING_NAMED]  # those voting no first, then those abstaining
    lines = [_("Your advisers' reading of the penholder's draft: likely {yes} yes, {no} no, {abstain} abstain.")
             .format(yes=tally.yes, no=tally.no, abstain=tally.abstain)]
    lines += [r.sentence if play.shows_reasons else _("{name} leans {vote}.").format(
        name=play.name_of(r.member), vote=vocabulary.vote_word(r.vote)) for r in doubtful]
    return "\n".join(lines)


class BriefingScene(WidgetScene):
    takes_turns = True  # a classroom seat's private turn shows this screen

    def __init__(self, play: Play):
        super().__init__()
        self.play = play

    def build(self) -> None:
        play = self.play
        rnd = play.game.round
        view = play.game.view()
        news = list(view.feed)
        case = play.case
        feed = "\n".join(f"{item.when}  [{vocabulary.reliability(item.reliability)}]  {vocabulary.case_text(case, item.text)}"
                         + (_("  (content note: {note})").format(note=vocabulary.case_text(case, item.content_note))
                            if item.content_note else "")
                         for item in news) or _("No news this round.")
        brief = brief_of(play)
        private = "\n".join(brief_lines(brief, case)) if brief else _("You have no private brief in this case.")
        if play.advanced_briefings and play.game.draft.clauses:
            private += "\n\n" + advisers_reading(play)
        situation = w.Panel((24, 76, 720, 300), _("The situation"))
        known = w.Panel((24, 388, 720, 252), _("What is known (press S for sources)"))
        brief_panel = w.Panel((760, 76, 496, 564), _("Your private brief"))
        ctx = self.ctx
        self.widgets = header(play, _("Briefing")) + [
            situation,
            # What this Council did last round, and history beside it, before what the world did since.
            w.TextBlock(situation.inside(ctx), "\n\n".join([*view.last_round, vocabulary.case_text(case, rnd.briefing)]),
                        size=18),
            known,
            w.TextBlock(known.inside(ctx), feed, size=16),
            brief_panel,
            w.TextBlock(brief_panel.inside(ctx), private, size=17),
            w.Button((24, 652, 200, 56), _("Sources"), self._sources),
            w.Button((240, 652, 200, 56), _("Glossary"), self._glossary),
            w.Button((956, 652, 300, 56), _("To consultations"), self._continue),
        ]

    def default_focus(self) -> int | None:
        # On Sources, which changes nothing; never on the way out of the briefing.
        return self.safe_focus(self.pressing(self._sources), unsafe=self.pressing(self._continue))

    def back(self) -> None:
        from councilgame.ui.scenes.menu import open_menu

        open_menu(self, self.play, self._sources)  # Escape: the in-game menu, as on every game screen

    def _sources(self) -> None:
        from councilgame.ui.scenes.sources import SourcesScene

        ids = list(self.play.game.round.briefing_sources) + [s for f in self.play.game.view().feed for s in f.sources]
        brief = brief_of(self.play)
        ids += list(brief.judged_sources) if brief else []  # how history judged the seat, which its brief tells
        self.stack.push(SourcesScene(self.play.case, ids))

    def _glossary(self) -> None:
        from councilgame.ui.scenes.glossary import GlossaryScene

        self.stack.push(GlossaryScene())

    def _continue(self) -> None:
        from councilgame.ui.scenes.flow import confirm, label_of, turn_done

        if self.play.active is not None:  # a classroom seat's turn: its button ends the turn, not the phase
            turn_done(self, self.play)
            return

        confirm(self.stack, _("End the briefing?"), _("The consultations begin, and this round's briefing cannot be "
                "reopened. Your brief and the sources stay in the menu (Escape)."),
                label_of(self, self._continue, _("To consultations")), lambda: next_phase(self, self.play),
                cancel=_("Stay on the briefing"))

    def on_other(self, event) -> None:
        if event.intent is Intent.SOURCES:
            self._sources()
