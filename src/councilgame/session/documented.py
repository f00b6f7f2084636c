"""The documented path: the case replayed with what the real Council did.

It is the yardstick for scoring (the same crisis model, the real decisions)
and gives the pressures of each real decision's moment to `check-history`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from councilgame.delegations.assess import Moment
from councilgame.rules.conditions import Facts
from councilgame.scenario.case import Case
from councilgame.scenario.model import Organ, Profile
from councilgame.session.game import Game, documented_decision
from councilgame.session.state import GameState


@dataclass(frozen=True)
class DecisionMoment:
    """Everything a delegation saw when a documented decision was taken."""

    entry_id: str
    members: tuple[str, ...]
    moment: Moment
    profiles: dict[str, Profile]


class _DocumentedGame(Game):
    def __init__(self, case: Case):
        self.moments: dict[str, DecisionMoment] = {}
        super().__init__(case, seed=0, seats=(), noise=False)

    def _computer_consultations(self) -> None:
        pass

    def _open_drafting(self) -> None:
        pass

    def _hold_vote(self) -> None:
        for entry in self.case.scenario.record:
            if entry.organ is not Organ.security_council:
                continue
            if self.case.round_index_for(entry.date) != self.state.round_index:
                continue
            self.moments[entry.id] = DecisionMoment(entry.id, self.case.members_on(entry.date), self.moment(),
                                                    dict(self.profiles()))
            self.state.decisions.append(documented_decision(entry, self.state.round_index))


@dataclass(frozen=True)
class DocumentedPath:
    state: GameState
    moments: dict[str, DecisionMoment]
    facts: Facts  # what goal conditions see at the end of the real course of events


@lru_cache(maxsize=32)
def documented_path(case: Case) -> DocumentedPath:
    game = _DocumentedGame(case)
    game.play_out()
    return DocumentedPath(game.state, game.moments, game.facts())


def moment_on(case: Case, date) -> DecisionMoment:
    """The pressures of the documented path at the start of the round containing date."""
    index = case.round_index_for(date)
    game = _DocumentedGame(case)
    while game.state.round_index < index:
        game.advance()
    return DecisionMoment("", case.members_on(date), game.moment(), dict(game.profiles()))
