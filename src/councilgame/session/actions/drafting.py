"""Drafting: the text before the Council, clause by clause; its instrument;
a revised text tabled whole by the penholder; and its withdrawal."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from councilgame.i18n import N_
from councilgame.delegations.draft import Draft
from councilgame.delegations.speech import fill, kind_words
from councilgame.scenario.model import MAX_DRAFT_CLAUSES, Instrument
from councilgame.session.actions.base import Action
from councilgame.session.state import Phase

if TYPE_CHECKING:
    from councilgame.session.game import Game

# The kinds of text a member may draft (no_action is what a withdrawn draft becomes).
DRAFTED = (Instrument.resolution, Instrument.presidential_statement, Instrument.press_statement, Instrument.procedural)


def _drafter(game: Game, seat: str) -> str | None:
    if seat not in game.members:
        return game.case.phrases.refusals.draft_not_member
    return None


def _sponsored(draft: Draft, seat: str) -> Draft:
    """A member that edits the text joins its sponsors."""
    if seat == draft.penholder or seat in draft.sponsors:
        return draft
    return draft.recast(draft.instrument, draft.clauses, draft.sponsors + (seat,))


def _kind(instrument: Instrument) -> str:
    return instrument.value.replace("_", " ")


def _fits(game: Game, clause_id: str, instrument: Instrument) -> str | None:
    clause = game.case.clauses.get(clause_id)
    phrases = game.case.phrases
    if clause is None:
        return fill(phrases.refusals.unknown_clause, clause=clause_id)
    if clause_id not in game.clauses:
        return fill(phrases.refusals.clause_not_yet, clause=clause.title, year=str(game.round.start.year))
    if instrument not in clause.instruments and instrument is not Instrument.no_action:
        return fill(phrases.refusals.clause_does_not_fit, clause=clause.title, kind=kind_words(phrases.a_kinds, instrument.value))
    return None


def _not_drafted(game: Game, instrument: Instrument) -> str:
    phrases = game.case.phrases
    return fill(phrases.refusals.not_drafted, kind=kind_words(phrases.a_kinds, instrument.value))


class AddClause(Action):
    type: Literal["add_clause"] = "add_clause"
    clause: str = Field(max_length=64)
    PHASES = (Phase.drafting,)

    def check(self, game: Game) -> str | None:
        draft = game.draft
        if (problem := _drafter(game, self.seat) or _fits(game, self.clause, draft.instrument)) is not None:
            return problem
        if self.clause not in draft.clauses and len(draft.clauses) >= MAX_DRAFT_CLAUSES:
            return fill(game.case.phrases.refusals.draft_full, count=str(MAX_DRAFT_CLAUSES))
        return None

    def apply(self, game: Game) -> None:
        game.state.draft = _sponsored(game.draft.with_clause(self.clause), self.seat)

    def label(self, game: Game) -> str:
        return game.case.clauses[self.clause].title if self.clause in game.case.clauses else self.clause

    @classmethod
    def options(cls, game: Game, seat: str) -> Iterable[Action]:
        return [cls(seat=seat, clause=c) for c in sorted(game.clauses) if c not in game.draft.clauses]


class RemoveClause(Action):
    type: Literal["remove_clause"] = "remove_clause"
    clause: str = Field(max_length=64)
    PHASES = (Phase.drafting,)

    def check(self, game: Game) -> str | None:
        if (problem := _drafter(game, self.seat)) is not None:
            return problem
        if self.clause not in game.draft.clauses:
            return fill(game.case.phrases.refusals.not_in_draft, clause=self.clause)
        return None

    def apply(self, game: Game) -> None:
        game.state.draft = _sponsored(game.draft.without(self.clause), self.seat)

    def label(self, game: Game) -> str:
        return game.case.clauses[self.clause].title

    @classmethod
    def options(cls, game: Game, seat: str) -> Iterable[Action]:
        return [cls(seat=seat, clause=c) for c in game.draft.clauses]


class SetInstrument(Action):
    """Make the text a resolution or a statement: clauses the new instrument cannot hold fall out."""

    type: Literal["set_instrument"] = "set_instrument"
    instrument: Instrument
    PHASES = (Phase.drafting,)

    def check(self, game: Game) -> str | None:
        if (problem := _drafter(game, self.seat)) is not None:
            return problem
        if self.instrument not in DRAFTED:
            return _not_drafted(game, self.instrument)
        return None

    def apply(self, game: Game) -> None:
        draft = game.draft
        kept = tuple(c for c in draft.clauses if self.instrument in game.case.clauses[c].instruments)
        game.state.draft = _sponsored(draft.recast(self.instrument, kept),
                                      self.seat)

    def label(self, game: Game) -> str:
        return _kind(self.instrument).capitalize()

    @classmethod
    def options(cls, game: Game, seat: str) -> Iterable[Action]:
        return [cls(seat=seat, instrument=i) for i in DRAFTED if any(i in c.instruments for c in game.clauses.values())]


class Redraft(Action):
    """The penholder tables a revised text whole: its instrument and clauses."""

    type: Literal["redraft"] = "redraft"
    instrument: Instrument
    clauses: tuple[str, ...] = Field(max_length=MAX_DRAFT_CLAUSES)
    PHASES = (Phase.drafting,)

    def check(self, game: Game) -> str | None:
        if self.seat != game.penholder:
            return game.case.phrases.refusals.redraft_not_penholder
        if self.instrument not in DRAFTED:
            return _not_drafted(game, self.instrument)
        return next((p for c in self.clauses if (p := _fits(game, c, self.instrument)) is not None), None)

    def apply(self, game: Game) -> None:
        draft = game.draft
        game.state.draft = draft.recast(self.instrument, self.clauses)

    def label(self, game: Game) -> str:
        titles = "; ".join(game.case.clauses[c].title for c in self.clauses if c in game.case.clauses)
        return f"Table a revised {_kind(self.instrument)}: {titles}"


class Withdraw(Action):
    """The penholder withdraws the draft: nothing is put to the vote this round."""

    type: Literal["withdraw"] = "withdraw"
    # Permanent members whose veto threat made the penholder withdraw (told in the record).
    threatened_by: tuple[str, ...] = Field((), max_length=5)
    PHASES = (Phase.drafting, Phase.vote)

    def check(self, game: Game) -> str | None:
        refusals = game.case.phrases.refusals
        if self.seat != game.penholder:
            return refusals.withdraw_not_penholder
        if not game.draft.clauses:
            return refusals.withdraw_no_draft
        if any(m not in game.permanent for m in self.threatened_by):
            return refusals.threat_not_permanent
        return None

    def apply(self, game: Game) -> None:
        st, draft = game.state, game.draft
        st.withdrawn = (draft, self.threatened_by)
        st.draft = draft.recast(Instrument.no_action, (), ())
        st.votes, st.vote_reasons = {}, {}

    def label(self, game: Game) -> str:
        return N_("Withdraw the draft")

    @classmethod
    def options(cls, game: Game, seat: str) -> Iterable[Action]:
        return [cls(seat=seat)] if seat == game.penholder else []
