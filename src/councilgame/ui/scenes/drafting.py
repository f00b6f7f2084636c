"""Drafting: clause cards added to and removed from the draft, the
instrument chosen, and a live whip count that updates as the draft changes."""

from __future__ import annotations

from councilgame.i18n import N_, _, ngettext
from councilgame.session import actions as act
from councilgame.ui import theme, vocabulary
from councilgame.ui import widgets as w
from councilgame.ui.play import Play
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.flow import act as act_on, header, next_phase
from councilgame.ui.vocabulary import action_label

# The instrument buttons share the width of the two clause columns (24 to 876), whatever their number.
INSTRUMENT_ROW = (24, 852, 12)  # left, width, gap
DETAILS_SIZE = (126, 24)  # the whip count's Details button, at 100% text
DETAILS_TOP = 79  # the button's top, 3 px inside the panel's
ASIDE_GAP = 8  # between the whip count's title and the Details button beside it
EMPTY_HEIGHT = 60  # the line saying the draft is empty, at the top of its panel
# A member's likely vote in the whip count, by its Reasons.choice.
VOTE_WORDS = {"yes": N_("yes"), "no": N_("no"), "abstain": N_("abstain"), "veto": N_("no (a veto)"),
              "assent": N_("joins"), "object": N_("objects")}
CLAUSE_SIZE = (396, 52)


class DraftScene(WidgetScene):
    takes_turns = True  # a classroom seat's private turn shows this screen

    def __init__(self, play: Play):
        super().__init__()
        self.play = play
        self.draft_view, self.cards_view = w.Scroll(), w.Scroll()
        self.details = False  # each member's numbers in the whip count, shown when the player asks

    def build(self) -> None:
        play, game = self.play, self.play.game
        draft = game.draft
        # Every button is a move the engine lists for this seat; one it refuses shows disabled.
        legal = play.legal()
        instruments = {option.action.instrument: option for option in legal if isinstance(option.action, act.SetInstrument)}
        removals = {option.action.clause: option for option in legal if isinstance(option.action, act.RemoveClause)}
        additions = [option for option in legal if isinstance(option.action, act.AddClause) and option.allowed]
        withdrawal = next((option for option in legal if isinstance(option.action, act.Withdraw) and option.allowed), None)
        can_edit = any(option.allowed for option in instruments.values())
        self.widgets = header(play, _("Drafting") if can_edit else _("Drafting (you follow as a non-member)"))
        left, row, gap = INSTRUMENT_ROW
        each = (row - gap * (len(instruments) - 1)) // max(1, len(instruments))
        for i, (instrument, option) in enumerate(instruments.items()):
            self.widgets.append(w.Button((left + i * (each + gap), 72, each, 56), action_label(option.action, game),
                                         self._do_later(option),
                                         size=15, selected=draft.instrument is instrument))
        in_draft = [w.Button(w.UNPLACED, vocabulary.case_text(play.case, play.case.clauses[cid].title),
                             self._do_later(removals[cid]) if cid in removals else None, size=14) for cid in draft.clauses]
        drafted = w.Panel((24, 132, 420, 500), _("In the draft: {count} (choose to remove)").format(count=len(in_draft)))
        self.widgets.append(drafted)
        self.widgets += w.ScrollList(drafted.inside(self.ctx, inset=12), in_draft, CLAUSE_SIZE, self.draft_view,
                                     more=_("More of the draft"), gap=6).arrange(self.ctx, self._focus_label)
        if not draft.clauses:
            empty = drafted.inside(self.ctx)
            empty.height = EMPTY_HEIGHT
            self.widgets.append(w.TextBlock(empty, _("The draft is empty: nothing will be put to the Council."), size=15,
                                            colour="muted"))
        available = [w.Button(w.UNPLACED, action_label(option.action, game), self._do_later(option), size=14)
                     for option in additions]
        cards = w.Panel((456, 132, 420, 500), _("Clause cards: {count} (choose to add)").format(count=len(available)))
        self.widgets.append(cards)
        self.widgets += w.ScrollList(cards.inside(self.ctx, inset=12), available, CLAUSE_SIZE, self.cards_view,
                                     more=_("More cards"), gap=6).arrange(self.ctx, self._focus_label)
        count = game.whip()
        lines = [_("Likely: {yes} yes, {no} no, {abstain} abstain").format(yes=count.tally.yes, no=count.tally.no,
                                                                          abstain=count.tally.abstain)]
        if draft.is_statement:
            objectors = [play.case.local_name(m) for m in count.objectors]
            lines[0] = (_("Consensus likely") if not objectors else
                        ngettext("No consensus: {names} objects", "No consensus: {names} object", len(objectors))
                        .format(names=_(" and ").join(objectors)))
        else:
            vetoed = ", ".join(play.case.local_name(m) for m in count.tally.vetoed_by)
            lines.append(_("Adopted if put to the vote now") if count.adopted else
                         _("Fails now: vetoed by {vetoed}").format(vetoed=vetoed) if vetoed else _("Fails now: {why_not}")
                             .format(why_not=count.tally.why_not))
        if count.veto_threats and not draft.is_statement:
            lines.append(_("May veto: {names}").format(names=", ".join(play.case.local_name(m) for m in count.veto_threats)))
        if count.pivotal:
            lines.append(_("Pivotal: {names}").format(names=", ".join(play.case.local_name(m) for m in count.pivotal[:6])))
        # Each member's likely vote with the reason that pushed it that way; its numbers on request (the
        # Details button sits in the panel's title row, and grows with the text).
        details = (w.grown(DETAILS_SIZE[0], self.ctx), w.grown(DETAILS_SIZE[1], self.ctx))
        for r in game.whip_reasons():
            lines.append(_("{symbol} {name}{p5}: {vote}, {reason}").format(
                symbol=theme.SYMBOL[r.vote], name=play.case.local_name(r.member), p5=_(" (P5)") if r.permanent else "",
                vote=_(VOTE_WORDS[r.choice]), reason=r.reason))
            if self.details:
                lines.append("      " + r.numbers)
        whip = w.Panel((888, 76, 368, 556), _("Whip count"), aside=details[0] + ASIDE_GAP)
        counted = whip.inside(self.ctx, inset=12)
        counted.top = max(counted.top, DETAILS_TOP + details[1] + 3)  # under the title and the button beside it
        counted.height = whip.rect.bottom - 8 - counted.top
        self.widgets += [
            whip,
            w.TextBlock(counted, "\n".join(lines), size=14),
            w.Button((1246 - details[0], DETAILS_TOP, *details), _("Hide details") if self.details else _("Details"),
                     self._toggle_details, size=14, selected=self.details),
            w.Button((24, 652, 200, 56), _("Back to chamber"), self._chamber),
            w.Button((956, 652, 300, 56), _("Put to the vote") if draft.clauses else _("Take no action"), self._vote),
        ]
        if withdrawal is not None and draft.clauses:
            self.widgets.append(w.Button((700, 652, 240, 56), action_label(withdrawal.action, game), self._do_later(withdrawal),
                                         size=16))

    def default_focus(self) -> int | None:
        # A clause's title labels it in the draft (choosing it there removes it) and as a card (choosing it
        # adds it). The focus never comes back to a clause in the draft, nor to a card that was not a card a
        # moment ago (the clause just removed: choosing it would undo that), nor to a kind of text not chosen
        # (changing it drops the clauses it cannot hold), nor to the way out of drafting. It starts on the
        # first card shown (not the clause just removed), else on the way back to the chamber.
        from councilgame.ui.scenes.base import scroll_list

        game = self.play.game
        in_draft, cards = scroll_list(self.widgets, self.draft_view), scroll_list(self.widgets, self.cards_view)
        cards_were = scroll_list(self.widgets_were, self.cards_view)
        kinds = {action_label(option.action, game) for option in self.play.legal(act.SetInstrument)}
        withdraw = action_label(act.Withdraw(seat=self.play.seat), game)

        def is_card(x) -> bool:
            return cards is not None and any(x is item for item in cards.items)

        def unsafe(x) -> bool:
            label = getattr(x, "label", None)
            if self.pressing(self._vote)(x) or (in_draft is not None and any(x is item for item in in_draft.items)):
                return True
            return isinstance(x, w.Button) and not is_card(x) and (label == withdraw or (label in kinds and not x.selected))

        restored = self.restored_focus()
        if restored is not None:
            widget = self.focusable()[restored]
            if not unsafe(widget) and (not is_card(widget) or (cards_were is not None and cards_were.holds(self.focus_was))):
                return restored
        return self.first_focus(lambda x: is_card(x) and getattr(x, "label", None) != self._focus_label,
                                self.pressing(self._chamber), unsafe=unsafe)

    def back(self) -> None:
        from councilgame.ui.scenes.menu import open_menu

        open_menu(self, self.play)  # Escape: the in-game menu, as on every game screen

    def _toggle_details(self) -> None:
        self.details = not self.details
        self._focus_label = _("Hide details") if self.details else _("Details")
        self.enter()

    def _do(self, action) -> None:
        if isinstance(action, act.Withdraw):  # the one drafting move that cannot be taken back: ask once
            from councilgame.ui.scenes.flow import confirm

            confirm(self.stack, _("Withdraw the draft?"), _("The draft is taken off the table, and this cannot be undone."),
                    action_label(action, self.play.game), lambda: act_on(self, self.play, action), cancel=_("Keep the draft"))
            return
        act_on(self, self.play, action)

    def _do_later(self, legal):
        """A button's handler: the move if the rules allow it now, else none (the button is disabled)."""
        return (lambda: self._do(legal.action)) if legal.allowed else None

    def handle(self, event) -> None:
        w.route(self, event, super().handle)

    def _chamber(self) -> None:
        from councilgame.ui.scenes.chamber import ChamberScene

        self.stack.push(ChamberScene(self.play, visiting=True))

    def _vote(self) -> None:
        from councilgame.ui.scenes.flow import confirm, label_of, turn_done

        if self.play.active is not None:  # a classroom seat's turn: its button ends the turn, not the phase
            turn_done(self, self.play)
            return

        label = label_of(self, self._vote, _("Put to the vote"))
        if self.play.game.draft.clauses:
            heading, body = _("Put the draft to the vote?"), _("Drafting ends for this round: the text goes to the vote "
                                                               "as it stands.")
        else:
            heading, body = _("Take no action?"), _("Drafting ends for this round, and nothing is put to the Council.")
        confirm(self.stack, heading, body, label, lambda: next_phase(self, self.play), cancel=_("Stay in drafting"))

