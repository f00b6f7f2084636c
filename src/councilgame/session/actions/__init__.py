"""Every move a seat can make, as one typed vocabulary: each action is one
class (its fields, cost, rule and effect), grouped by phase. `parse` reads
one from a save; `ACTIONS` lists them all."""

from __future__ import annotations

from typing import Annotated, Any, get_args

from pydantic import Field, TypeAdapter, ValidationError

from councilgame.session.actions.base import CHAIR, Action, IllegalAction
from councilgame.session.actions.consultations import (
    STATEMENT_LENGTH, Appeal, BriefWithNgo, Campaign, Line, Lobby, Reply, ReplyKind, SignalVeto, Speak, Statement,
    own_words)
from councilgame.session.actions.console import Hold, Inject
from councilgame.session.actions.control import Advance, Enact
from councilgame.session.actions.drafting import AddClause, Redraft, RemoveClause, SetInstrument, Withdraw
from councilgame.session.actions.voting import CastVote

# The one list of every kind of move: the union that parses saves, and ACTIONS, which the game asks
# for the moves a seat could make, are both read from it.
AnyAction = Annotated[
    Advance | Enact | Lobby | Reply | BriefWithNgo | Statement | SignalVeto | Campaign | Appeal | Speak
    | AddClause | RemoveClause | SetInstrument | Redraft | Withdraw | CastVote | Inject | Hold,
    Field(discriminator="type"),
]
_ADAPTER: TypeAdapter[Action] = TypeAdapter(AnyAction)
ACTIONS: tuple[type[Action], ...] = get_args(get_args(AnyAction)[0])


def parse(data: Any) -> Action:
    """An action from its saved form; IllegalAction, naming the first problem, if malformed."""
    try:
        return _ADAPTER.validate_python(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        kind = data.get("type") if isinstance(data, dict) else None
        raise IllegalAction(f"malformed {str(kind)[:30] if kind else 'action'}: {where}: {first['msg']}"[:200]) from None


def describe_raw(data: Any) -> str:
    """A saved move that did not parse, in a few safe words (its type, if it has one)."""
    kind = data.get("type") if isinstance(data, dict) else None
    return f"a move of type {kind[:30]!r}" if isinstance(kind, str) else "not a move"


def to_dict(action: Action) -> dict[str, Any]:
    return action.model_dump(mode="json")


__all__ = ["ACTIONS", "CHAIR", "STATEMENT_LENGTH", "Action", "AddClause", "Advance", "Appeal", "BriefWithNgo", "Campaign",
           "CastVote", "Enact", "Hold", "IllegalAction", "Inject", "Line", "Lobby", "Redraft", "RemoveClause", "Reply",
           "ReplyKind", "SetInstrument", "SignalVeto", "Speak", "Statement", "Withdraw", "describe_raw", "own_words", "parse",
           "to_dict"]
