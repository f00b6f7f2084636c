"""The vote: each member's yes, no or abstention on a resolution, or its assent
or objection to a statement adopted by consensus."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from councilgame.council.procedure import Vote
from councilgame.session.actions.base import Action
from councilgame.session.state import Phase

if TYPE_CHECKING:
    from councilgame.session.game import Game

# A justification is a few sentences; a computer delegation's reasons fit with room to spare.
REASON_LENGTH = 2000


class CastVote(Action):
    type: Literal["vote"] = "vote"
    vote: Vote
    reason: str | None = Field(None, min_length=1, max_length=REASON_LENGTH)
    PHASES = (Phase.vote,)

    def check(self, game: Game) -> str | None:
        refusals = game.case.phrases.refusals
        if not game.is_member(self.seat):
            return refusals.vote_not_member
        if not game.draft.clauses:
            return refusals.vote_no_draft
        if self.vote is Vote.absent:
            return refusals.vote_absent
        if self.vote is Vote.abstain and game.draft.is_statement:
            return refusals.vote_statement
        return None

    def apply(self, game: Game) -> None:
        st = game.state
        st.votes[self.seat] = self.vote
        if self.reason:
            st.vote_reasons[self.seat] = self.reason
        else:
            st.vote_reasons.pop(self.seat, None)

    def label(self, game: Game) -> str:
        if game.draft.is_statement:
            return "Assent" if self.vote is Vote.yes else "Object"
        return self.vote.value.capitalize()

    @classmethod
    def options(cls, game: Game, seat: str) -> Iterable[Action]:
        choices = (Vote.yes, Vote.no) if game.draft.is_statement else (Vote.yes, Vote.no, Vote.abstain)
        return [cls(seat=seat, vote=v) for v in choices] if seat in game.members else []
