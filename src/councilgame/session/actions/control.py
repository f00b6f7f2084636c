"""Phase control: the chair ends each phase; on the documented path it enacts
what the real Council decided."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from councilgame.delegations.speech import fill, joined
from councilgame.i18n import N_
from councilgame.scenario.model import Organ
from councilgame.session.actions.base import CHAIR, Action
from councilgame.session.state import Phase

if TYPE_CHECKING:
    from councilgame.session.game import Game

PLAYED = (Phase.briefing, Phase.consultations, Phase.drafting, Phase.vote, Phase.consequences)


class Advance(Action):
    """End the current phase (at the vote: call the roll, then see the consequences)."""

    type: Literal["advance"] = "advance"
    seat: Literal["chair"] = CHAIR
    PHASES = PLAYED
    FOR_PEOPLE = False

    def check(self, game: Game) -> str | None:
        if game.state.phase is Phase.vote and game.draft.clauses and not game.telling:
            waiting = [m for m in game.members if game.is_human(m) and m not in game.state.votes]
            if waiting:
                refusals = game.case.phrases.refusals
                names = joined(game.case.phrases, [game.case.name(m) for m in waiting])
                return fill(refusals.waiting_answer if game.draft.is_statement else refusals.waiting_vote, names=names)
        return None

    def apply(self, game: Game) -> None:
        from councilgame.session import phases

        phases.advance(game)

    def label(self, game: Game) -> str:
        if game.state.phase is Phase.vote:
            # A statement is adopted by consensus: nobody calls a roll, the chair asks whether anyone objects.
            if not game.draft.clauses:
                return N_("Continue")
            return N_("Seek consensus") if game.draft.is_statement else N_("Call the roll")
        ending = N_("Next round") if not game.last_round else N_("To the debrief")
        return {Phase.briefing: N_("To consultations"), Phase.consultations: N_("To drafting"),
                Phase.drafting: N_("Put to the vote")}.get(game.state.phase, ending)

    @classmethod
    def options(cls, game: Game, seat: str) -> Iterable[Action]:
        return [cls()] if seat == CHAIR else []


class Enact(Action):
    """The documented path: the chair records a decision the real Council took this round."""

    type: Literal["enact"] = "enact"
    seat: Literal["chair"] = CHAIR
    record: str = Field(max_length=64)
    PHASES = (Phase.vote,)
    FOR_PEOPLE = False

    def check(self, game: Game) -> str | None:
        refusals = game.case.phrases.refusals
        if not game.documented and not game.telling:
            return refusals.enact_not_documented
        entry = next((e for e in game.case.scenario.record if e.id == self.record), None)
        if entry is None or entry.organ is not Organ.security_council:
            return fill(refusals.not_a_decision, symbol=self.record)
        if game.case.round_index_for(entry.date) != game.state.round_index:
            return fill(refusals.not_this_round, symbol=self.record)
        if any(d.record_id == self.record for d in game.state.decisions):
            return fill(refusals.already_enacted, symbol=self.record)
        return None

    def apply(self, game: Game) -> None:
        from councilgame.session.phases import documented_decision

        entry = next(e for e in game.case.scenario.record if e.id == self.record)
        game.state.decisions.append(documented_decision(entry, game.state.round_index))

    def label(self, game: Game) -> str:
        entry = next((e for e in game.case.scenario.record if e.id == self.record), None)
        return f"Enact {entry.symbol or entry.id}" if entry else f"Enact {self.record}"
