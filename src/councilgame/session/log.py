"""The log: every move of every seat, in order, with the round and phase it
was made in. It is the whole story of a game: a save is its case, seed,
seats and log, and replaying the log rebuilds the game."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from councilgame.session.actions import AnyAction
from councilgame.session.state import Phase


class LogEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    round: int = Field(ge=0, le=1000)  # index, 0 = the first round
    phase: Phase
    action: AnyAction

    @property
    def seat(self) -> str:
        return self.action.seat

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
