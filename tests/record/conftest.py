"""Sessions played headless by people at a few seats, saved with a classroom block."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from councilgame.session import actions as act
from councilgame.session import saves
from councilgame.session.game import Game

# France (a permanent member, penholder in June), Nigeria (elected) and Human Rights Watch (an NGO).
PEOPLE = ("FRA", "NGA", "hrw")
CLASSROOM = {"seats": {
    "FRA": {"team": "=Les Bleus", "students": ["Zoë Ångström", "Ben\x1b[31m Okafor", "@admin"]},
    "NGA": {"team": "Green", "students": ["Ada", 42, "Chidi"]},
}}
SPEECH = "We speak for Côte d'Ivoire's neighbours too: the Council must act now."


def play(case, seed: int, rounds: int | None = None, people=PEOPLE, told=()) -> Game:
    """A game in which the people's seats lobby, make a statement, take the floor, draft when they hold the
    pen, and vote with a reason they type; the computer plays the rest (and a lesson's told rounds)."""
    game = Game(case, seed, seats=people, rounds=rounds, told=told)
    while not game.state.ended:
        phase = game.state.phase.value
        for seat in people if not game.telling else ():
            legal = [choice.action for choice in game.legal_actions(seat) if choice.allowed]
            if phase == "consultations":
                for kind in (act.Lobby, act.Statement, act.BriefWithNgo, act.Campaign):
                    chosen = next((a for a in legal if isinstance(a, kind)), None)
                    if chosen is not None:
                        game.attempt(chosen)
                game.attempt(act.Speak(seat=seat, text=f"{seat}: {SPEECH}"))
            elif phase == "drafting" and game.is_member(seat) and not game.draft.clauses:
                game.attempt(act.AddClause(seat=seat, clause="expresses_concern"))
            elif phase == "vote" and game.is_member(seat) and game.draft.clauses:
                choice = "yes" if seat == "FRA" or game.draft.is_statement else "abstain"
                game.apply(act.CastVote(seat, choice, reason=f"{seat} votes {choice}: the civilians of Kigali."))
        game.advance()
    return game


def with_classroom(game: Game, path: Path, classroom: dict | None = CLASSROOM) -> Path:
    """The game's save with a classroom block, signed as a save is (the checksum covers the block)."""
    data = json.loads(saves.to_json(game))
    data.pop("checksum")
    if classroom is not None:
        data["classroom"] = classroom
    data["checksum"] = saves._checksum(data)
    path.write_text(json.dumps(data))
    return path


@pytest.fixture(scope="session")
def session_game(rwanda):
    return play(rwanda, 11, rounds=3)


@pytest.fixture
def save_file(session_game, tmp_path):
    return with_classroom(session_game, tmp_path / "class 3B.json")
