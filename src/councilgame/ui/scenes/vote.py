"""The vote: the player's own vote if it sits on the Council, then a roll
call, member by member, and the result against the rule (9 yes, no veto)."""

from __future__ import annotations

from councilgame.i18n import _
from councilgame.session import actions as act
from councilgame.ui import theme, vocabulary
from councilgame.ui import widgets as w
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.flow import act as act_on, header, next_phase
from councilgame.ui.vocabulary import action_label

REVEAL_SECONDS = 0.08
ADVICE_TOP, ADVICE_BOTTOM = 324, 592  # the advisers' suggestion: under the choices, above the waiting line
REASON_LEFT, REASON_WIDTH = 700, 320  # the reason's button, right of the three choices (200 wide, 20 apart, from 24)
REASON_WORDS = 500  # a student's reason: a few sentences (the engine keeps up to its own, longer limit)


class VoteScene(WidgetScene):
    takes_turns = True  # a classroom seat's private turn shows this screen

    def __init__(self, play: Play):
        super().__init__()
        self.play = play
        self.details = False  # the numbers behind the advisers' suggestion, shown when the player asks

    def build(self) -> None:
        play, game = self.play, self.play.game
        draft = game.draft  # the round's draft: every round starts with one
        # A statement is adopted by consensus, not voted on: its screen asks whether the seat joins it.
        self.widgets = header(play, _("Consensus") if draft.is_statement else _("Vote"))
        if draft.clauses:
            what = _("The draft {kind}: {clauses}").format(kind=vocabulary.instrument(draft.instrument),
                                                          clauses=play.case.titles(draft.clauses))
        else:
            what = _("No draft is before the Council.")
        self.widgets.append(w.TextBlock((24, 80, 1232, 90), what, size=18))
        mine = game.state.votes.get(play.seat)
        choices = [option for option in play.legal(act.CastVote) if option.allowed]  # the engine's choices for this draft
        if choices:
            ask = (_("Does your delegation join the statement? One objection blocks it.") if draft.is_statement
                   else _("How do you vote?"))
            self.widgets.append(w.TextBlock((24, 190, 1000, 36), ask, size=22, bold=True, fit=True))
            for i, legal in enumerate(choices):
                assert isinstance(legal.action, act.CastVote)  # play.legal(act.CastVote) lists only votes
                vote = legal.action.vote
                self.widgets.append(w.Button((24 + i * 220, 240, 200, 64), action_label(legal.action, game),
                                             self._cast(legal.action),
                                             selected=mine is vote, tone=vote.value))
            if mine is not None:  # the seat's reason for its vote, in its own words, for the room and the record
                said = game.state.vote_reasons.get(play.seat)
                self.widgets.append(w.Button((REASON_LEFT, 240, REASON_WIDTH, 64),
                                             _("Change your reason") if said else _("Say why, for the record"),
                                             self._reason, size=18))
            # What the seat's own delegation would weigh, in a sentence; the numbers when the player asks.
            advice = game.reasons(play.seat, said="advice")
            # From under the choices to above the waiting line: the warning a line, the details half, the advice the rest.
            warn = advice.veto_if_no
            warning_h = w.grown(28, self.ctx) if warn else 0
            details_h = (ADVICE_BOTTOM - ADVICE_TOP) // 2 if self.details else 0
            advice_h = ADVICE_BOTTOM - ADVICE_TOP - warning_h - details_h - 8 * (bool(warning_h) + bool(details_h))
            self.widgets.append(w.TextBlock((24, ADVICE_TOP, 1000, advice_h), advice.sentence, size=16, colour="muted"))
            if warn:  # a permanent member's no is a veto
                self.widgets.append(w.TextBlock((24, ADVICE_TOP + advice_h + 8, 1000, warning_h), play.case.phrases.veto_warning,
                                                size=16, fit=True))
            self.widgets.append(w.Button((1040, ADVICE_TOP, 200, w.grown(44, self.ctx)), _("Hide details") if self.details
                                         else _("Details"), self._toggle_details, size=16, selected=self.details))
            if self.details:
                self.widgets.append(w.TextBlock((24, ADVICE_BOTTOM - details_h, 1000, details_h),
                                                "\n".join(advice.details), size=14, colour="muted"))
        elif draft.clauses and play.seat not in game.members:  # a seat whose term has ended, or never on the Council
            self.widgets.append(w.TextBlock((24, 190, 1000, 60), _("{name} does not sit on the Council in this round: "
                                                                   "its fifteen members decide.")
                .format(name=play.case.local_name(play.seat)), size=18, colour="muted"))
        waiting = play.advance_refused()  # the roll waits until every seat a person holds has voted
        if waiting:
            self.widgets.append(w.TextBlock((24, 600, 900, 40), waiting[0].upper() + waiting[1:] + ".", size=15,
                                            colour="muted", fit=True))
        self.widgets.append(w.Button((956, 652, 300, 56), action_label(act.Advance(), game), None if waiting else self._roll))

    def default_focus(self) -> int | None:
        # On the player's vote (a vote may be changed until the roll), else the first choice; never on the roll.
        choices = {action_label(option.action, self.play.game) for option in self.play.legal(act.CastVote) if option.allowed}

        def is_choice(x) -> bool:
            return isinstance(x, w.Button) and x.label in choices

        return self.safe_focus(lambda x: is_choice(x) and getattr(x, "selected", False), is_choice,
                               unsafe=self.pressing(self._roll))

    def back(self) -> None:
        from councilgame.ui.scenes.menu import open_menu

        open_menu(self, self.play)  # Escape: the in-game menu, as on every game screen

    def _toggle_details(self) -> None:
        self.details = not self.details
        self._focus_label = _("Hide details") if self.details else _("Details")
        self.enter()

    def _cast(self, action):
        return lambda: act_on(self, self.play, action)

    def _reason(self) -> None:
        from councilgame.ui.scenes.words import WordsScene

        play = self.play
        vote = play.game.state.votes[play.seat]
        label = action_label(act.CastVote(seat=play.seat, vote=vote), play.game).lower()

        def said(words: str | None) -> None:
            act_on(self, play, act.CastVote(seat=play.seat, vote=vote, reason=words))

        self.stack.push(WordsScene(_("Why {label}?")
            .format(label=label), _("Your delegation's reason, in a sentence or two: the record keeps it "
                                   "beside your vote."), _("Keep this reason"), said, REASON_WORDS, standard=_("No reason"),
                                   text=play.game.state.vote_reasons.get(play.seat, "")))

    def _roll(self) -> None:
        from councilgame.ui.scenes.flow import confirm, label_of, turn_done

        if self.play.active is not None:  # a classroom seat's turn: its button ends the turn, not the phase
            turn_done(self, self.play)
            return

        draft = self.play.game.draft
        if not draft.clauses:
            heading, body = _("End the vote?"), _("Nothing is before the Council: the round goes on to its consequences.")
        elif draft.is_statement:
            heading, body = _("Seek consensus?"), _("Each member assents or objects; one objection and there is no "
                                                    "statement.")
        else:
            heading, body = _("Call the roll?"), _("The members vote in turn, and the result stands.")
        confirm(self.stack, heading, body, label_of(self, self._roll, action_label(act.Advance(), self.play.game)),
                lambda: next_phase(self, self.play))


def roll_call_lines(play: Play, decision) -> list[str]:
    lines = []
    if decision.votes:
        for code, vote in decision.votes.items():
            veto = _(" (veto)") if code in decision.vetoed_by else ""
            lines.append(_("{symbol} {name}: {vote}{veto}").format(symbol=theme.SYMBOL[vote.value],
                                                                  name=play.case.local_name(code),
                                                                  vote=vocabulary.vote_word(vote.value), veto=veto))
    elif decision.objectors:
        lines += [_("× {name} objects").format(name=play.case.local_name(code)) for code in decision.objectors]
    return lines
