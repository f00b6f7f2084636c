"""The game being played in the window: the engine's Game plus autosave.
Scenes call `act`; nothing else in the UI changes the game.

Play is also the one record of whether the game on screen is safe on disk:
every screen's banner and the Leave dialog read `save_failure`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from councilgame import catalogue, paths
from councilgame.scenario.case import Case
from councilgame.session import saves
from councilgame.session.actions import Advance, IllegalAction
from councilgame.session.game import Game, Legal


def autosave_path() -> Path:
    return paths.saves_dir() / "autosave.json"


@dataclass(frozen=True)
class SaveFailure:
    """The last autosave failed: why, and the moment the newest good save of this game holds
    (None when this game was never saved)."""

    reason: str
    saved_at: str | None

    @property
    def unsaved(self) -> str:
        """What a player who leaves now would lose, in words."""
        return f"everything since {self.saved_at}" if self.saved_at else "the whole of this game (it was never saved)"


@dataclass
class Play:
    game: Game
    seat: str
    save_failure: SaveFailure | None = None  # None while the last autosave succeeded
    saved_at: str | None = None  # the moment the newest good save holds, e.g. "the start of the vote in round 2"

    @property
    def case(self) -> Case:
        return self.game.case

    @classmethod
    def start(cls, case: Case, seat: str, seed: int) -> Play:
        play = cls(Game(case, seed, seats=(seat,)), seat)
        play.autosave()
        return play

    def legal(self, kind: type | None = None) -> list[Legal]:
        """What the player's seat could do now (of one kind of action), as the engine answers it."""
        return [legal for legal in self.game.legal_actions(self.seat) if kind is None or isinstance(legal.action, kind)]

    def act(self, action) -> str | None:
        """Apply a player action; return why it was refused, or None."""
        if action.seat != self.seat:
            return f"you play {self.case.name(self.seat)}, not {action.seat}"
        try:
            self.game.apply(action)
        except IllegalAction as exc:
            return str(exc)
        # After every move, not only every phase: capital spent and words exchanged mid-phase are
        # the player's work too, and Continue must find them (a save is a small file: a few ms).
        self.autosave()
        return None

    def advance_refused(self) -> str | None:
        """Why the phase cannot end yet (the roll waits for the player's vote), or None."""
        return self.game.refusal(Advance())

    def advance(self) -> str | None:
        """End the phase (the computer delegations make their moves); return why not, or None."""
        phase = self.game.state.phase
        try:
            self.game.advance()
        except IllegalAction as exc:
            return str(exc)
        if self.game.state.phase is not phase:
            self.autosave()
        return None

    def advance_and_prepare(self) -> str | None:
        """Advance, then compute what the next screen will read (on the worker
        thread, so that building the screen costs the window only layout)."""
        problem = self.advance()
        if problem is None:
            self.game.whip()
            if self.game.state.ended:
                from councilgame.session.documented import documented_path
                from councilgame.session.hindsight import last_weighed

                documented_path(self.case, self.game.rounds)
                last_weighed(self.game)  # the debrief's reasons replay the game up to the last vote: not on the window
        return problem

    def moment(self) -> str:
        """Where the game stands, in words: a phase's start, or the player's last move in it."""
        st = self.game.state
        where = f"the {st.phase.value} in round {st.round_index + 1}"
        for entry in reversed(self.game.log):
            if entry.round != st.round_index or entry.phase is not st.phase:
                break
            if entry.action.seat == self.seat:
                return f"your last move in {where}"
        return f"the start of {where}"

    def autosave(self) -> None:
        """Save the latest game (for Continue) and this game's own save (for Load), and record
        whether that worked in save_failure: a full disk must be told, never crash the game."""
        try:
            saves.write(self.game, autosave_path())
            saves.write(self.game, paths.saves_dir() / f"{self.case.id}_{self.seat}.json")
        except saves.SaveError as exc:  # write wraps every disk error in SaveError
            self.save_failure = SaveFailure(str(exc), self.saved_at)
            return
        self.saved_at, self.save_failure = self.moment(), None

    @property
    def save_warning(self) -> str | None:
        """The banner every screen shows while the game is not being saved, or None. Short, so that
        it reads at a good size in one line; the Leave dialog says the rest."""
        failure = self.save_failure
        if failure is None:
            return None
        kept = f"Saved up to {failure.saved_at}." if failure.saved_at else "Nothing of this game is saved yet."
        return f"Not saved: {failure.reason}. {kept}"


def resume(path: Path | None = None, accept_changed: bool = False) -> Play:
    """The game in a save (the autosave by default); raise SaveError, or CaseChanged when its
    case was edited since (the player may then choose to replay it on the case as it is)."""
    game = saves.read(path or autosave_path(), catalogue.by_id, accept_changed)
    if not game.seats:
        raise saves.SaveError("this save has no player seat")
    play = Play(game, game.seats[0])
    play.saved_at = play.moment()  # the save it came from holds this moment
    return play
