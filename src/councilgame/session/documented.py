"""The documented path: the case replayed with what the real Council did.

It is the yardstick for scoring (the same crisis model, the real decisions)
and gives the pressures of each real decision's moment to `check-history`.
The real course is a player like any other: at each vote it enacts the
record's decisions of the round, through the same door.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from councilgame.delegations.assess import Moment
from councilgame.rules.conditions import Facts
from councilgame.scenario.case import Case
from councilgame.scenario.model import Organ, Profile
from councilgame.session.actions import Enact
from councilgame.session.game import Game
from councilgame.session.state import GameState, Phase, Request


@dataclass(frozen=True)
class DecisionMoment:
    """Everything a delegation saw when a documented decision was taken."""

    entry_id: str
    members: tuple[str, ...]
    moment: Moment
    profiles: dict[str, Profile]


class DocumentedCourse:
    """Plays the real Council's decisions, and notes the moment each was taken."""

    def __init__(self) -> None:
        self.moments: dict[str, DecisionMoment] = {}

    def end_of(self, game: Game, phase: Phase) -> None:
        if phase is not Phase.vote:
            return
        for entry in game.case.scenario.record:
            if entry.organ is not Organ.security_council or game.case.round_index_for(entry.date) != game.state.round_index:
                continue
            self.moments[entry.id] = DecisionMoment(entry.id, game.case.members_on(entry.date), game.moment(),
                                                    dict(game.profiles()))
            game.apply(Enact(record=entry.id))

    def start_of(self, game: Game, phase: Phase) -> None:
        pass

    def answer(self, game: Game, request: Request) -> None:
        pass


def documented_game(case: Case, rounds: int | None = None) -> tuple[Game, DocumentedCourse]:
    course = DocumentedCourse()
    return Game(case, seed=0, noise=False, documented=True, players=course, rounds=rounds), course


@dataclass(frozen=True)
class DocumentedPath:
    state: GameState
    moments: dict[str, DecisionMoment]
    facts: Facts  # what goal conditions see at the end of the real course of events


@lru_cache(maxsize=32)
def documented_path(case: Case, rounds: int | None = None) -> DocumentedPath:
    """The real Council's course through the case (through its first `rounds` rounds, for a short lesson)."""
    game, course = documented_game(case, rounds)
    game.play_out()
    return DocumentedPath(game.state, course.moments, game.facts())


def moment_on(case: Case, date: dt.date) -> DecisionMoment:
    """The pressures of the documented path at the start of the round containing date."""
    index = case.round_index_for(date)
    game, _ = documented_game(case)
    while game.state.round_index < index:
        game.advance()
    return DecisionMoment("", case.members_on(date), game.moment(), dict(game.profiles()))
