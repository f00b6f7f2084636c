"""The log: every move of every seat, in order, with the round and phase it
was made in. It is the whole story of a game: a save is its case, seed,
seats and log, and replaying the log rebuilds the game."""

from __future__ import annotations

from typing import Any, NamedTuple

from councilgame.session import actions as act
from councilgame.session.actions import Action, IllegalAction
from councilgame.session.state import Phase

# Rounds a case may have, with room: a saved round index beyond it is damage.
MAX_ROUND_INDEX = 1000


class LogEntry(NamedTuple):  # a named tuple: a game logs hundreds, and batch play thousands a second
    round: int  # index, 0 = the first round
    phase: Phase
    action: Action

    @property
    def seat(self) -> str:
        return self.action.seat

    def to_dict(self) -> dict[str, Any]:
        return {"round": self.round, "phase": self.phase.value, "action": act.to_dict(self.action)}

    @classmethod
    def from_dict(cls, data: object) -> LogEntry:
        """An entry from its saved form; IllegalAction, naming the problem, if malformed."""
        if not isinstance(data, dict) or set(data) != {"round", "phase", "action"}:
            raise IllegalAction("not a logged move")
        index, phase = data["round"], data["phase"]
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index <= MAX_ROUND_INDEX:
            raise IllegalAction("its round is not a round")
        try:
            when = Phase(phase)
        except ValueError:
            raise IllegalAction("its phase is not a phase") from None
        return cls(index, when, act.parse(data["action"]))
