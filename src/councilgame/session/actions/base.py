"""What every action is: a typed, frozen record of one seat's move, with its
cost, the rule that allows it now, and what it does.

Adding an action means writing one class in the module of its phase and
naming it in `actions/__init__.py`; the game, the saves, the transcript and
the screens then know it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Final

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from councilgame.session.state import Phase

if TYPE_CHECKING:
    from councilgame.session.game import Game

# Seats are member codes (three letters, or private-use codes in the tutorial) and actor ids.
SEAT_LENGTH = 64
# The chair moves the Council from phase to phase, and on the documented path enacts the record.
CHAIR: Final = "chair"


class IllegalAction(Exception):
    """An action the rules do not allow now; the message says why."""


class Action(BaseModel):
    """One move by one seat. Subclasses declare `type`, their fields, and the rules."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str  # each kind declares its own Literal: the key of the union that parses saves
    seat: str = Field(min_length=1, max_length=SEAT_LENGTH)

    PHASES: ClassVar[tuple[Phase, ...]] = ()  # when it may be taken
    COST: ClassVar[int] = 0  # political capital it spends
    # Whether a seat played by a person may take it. The chair's moves (phase control, the record)
    # are the game's own; a classroom's instructor takes them through the console.
    FOR_PEOPLE: ClassVar[bool] = True

    def __init__(self, *args: Any, **data: Any) -> None:
        # Positional arguments in the order the fields are declared: Lobby("FRA", "NGA").
        if args:
            names = [name for name in type(self).model_fields if name != "type"]
            if len(args) > len(names):
                raise TypeError(f"{type(self).__name__} takes at most {len(names)} arguments")
            data.update(zip(names, args))
        try:
            super().__init__(**data)
        except ValidationError as exc:  # a malformed move is refused like any other
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise IllegalAction(f"{type(self).__name__}: {where}: {first['msg']}"[:200]) from None

    def cost(self, game: Game) -> int:
        return self.COST

    def check(self, game: Game) -> str | None:
        """Why this action is not allowed now, beyond the phase and the cost; None if it is."""
        return None

    def apply(self, game: Game) -> None:
        raise NotImplementedError

    def label(self, game: Game) -> str:
        """What the action is, in words, for a button or a transcript line."""
        raise NotImplementedError

    @classmethod
    def options(cls, game: Game, seat: str) -> Iterable[Action]:
        """Every action of this kind the seat could conceivably take in this phase (legal or not)."""
        return ()


def spend(game: Game, seat: str, cost: int) -> None:
    if cost:
        game.state.capital[seat] = game.state.capital.get(seat, 0) - cost
