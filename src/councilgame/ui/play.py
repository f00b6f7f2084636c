"""The game being played in the window: the engine's Game plus autosave.
Scenes call `act`; nothing else in the UI changes the game."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from councilgame import catalogue, paths
from councilgame.scenario.case import Case
from councilgame.session import actions as act
from councilgame.session import saves
from councilgame.session.actions import IllegalAction
from councilgame.session.game import Game


def autosave_path() -> Path:
    return paths.saves_dir() / "autosave.json"


@dataclass
class Play:
    game: Game
    seat: str

    @property
    def case(self) -> Case:
        return self.game.case

    @classmethod
    def start(cls, case: Case, seat: str, seed: int) -> "Play":
        play = cls(Game(case, seed, seats=(seat,)), seat)
        play.autosave()
        return play

    def act(self, action) -> str | None:
        """Apply a player action; return why it was refused, or None."""
        phase = self.game.state.phase
        try:
            self.game.apply(action)
        except IllegalAction as exc:
            return str(exc)
        if self.game.state.phase is not phase:
            self.autosave()  # after every phase
        return None

    def advance(self) -> str | None:
        return self.act(act.Advance())

    def advance_and_prepare(self) -> str | None:
        """Advance, then compute what the next screen will read (on the worker
        thread, so that building the screen costs the window only layout)."""
        problem = self.advance()
        if problem is None:
            self.game.whip()
            if self.game.state.ended:
                from councilgame.session.documented import documented_path

                documented_path(self.case)
        return problem

    def autosave(self) -> str | None:
        """The latest game (for Continue) and this game's own save (for Load)."""
        try:
            saves.write(self.game, autosave_path())
            saves.write(self.game, paths.saves_dir() / f"{self.case.id}_{self.seat}.json")
        except (OSError, saves.SaveError) as exc:
            return f"Autosave failed: {exc}"
        return None


def resume(path: Path | None = None, accept_changed: bool = False) -> Play:
    """The game in a save (the autosave by default); raise SaveError, or CaseChanged when its
    case was edited since (the player may then choose to replay it on the case as it is)."""
    game = saves.read(path or autosave_path(), catalogue.by_id, accept_changed)
    if not game.seats:
        raise saves.SaveError("this save has no player seat")
    return Play(game, game.seats[0])
