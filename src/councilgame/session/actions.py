"""Player actions: what a seat can do, as plain records that a save lists
and a replay applies in order."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


class IllegalAction(Exception):
    """An action the rules do not allow now; the message says why."""


@dataclass(frozen=True)
class Advance:
    """End the current phase."""


@dataclass(frozen=True)
class Lobby:
    seat: str
    target: str
    offer: bool = False  # offer support elsewhere in return (costs more capital)


@dataclass(frozen=True)
class BriefWithNgo:
    seat: str
    actor: str


@dataclass(frozen=True)
class Statement:
    seat: str
    line: str  # "protect" or "sovereignty"


@dataclass(frozen=True)
class SignalVeto:
    seat: str


@dataclass(frozen=True)
class AddClause:
    seat: str
    clause: str


@dataclass(frozen=True)
class RemoveClause:
    seat: str
    clause: str


@dataclass(frozen=True)
class SetInstrument:
    seat: str
    instrument: str


@dataclass(frozen=True)
class Withdraw:
    seat: str


@dataclass(frozen=True)
class CastVote:
    seat: str
    vote: str  # yes / no / abstain


ACTIONS: dict[str, type] = {
    "advance": Advance, "lobby": Lobby, "brief": BriefWithNgo, "statement": Statement, "signal_veto": SignalVeto,
    "add_clause": AddClause, "remove_clause": RemoveClause, "set_instrument": SetInstrument,
    "withdraw": Withdraw, "vote": CastVote,
}
_NAMES = {cls: name for name, cls in ACTIONS.items()}


def to_dict(action: Any) -> dict:
    return {"type": _NAMES[type(action)], **asdict(action)}


def from_dict(data: Any) -> Any:
    """Rebuild an action from a save; raise IllegalAction on anything malformed."""
    if not isinstance(data, dict) or data.get("type") not in ACTIONS:
        raise IllegalAction(f"unknown action {data!r:.60}")
    cls = ACTIONS[data["type"]]
    wanted = {f.name: f.type for f in fields(cls)}
    given = {k: v for k, v in data.items() if k != "type"}
    if set(given) - set(wanted) or set(wanted) - set(given) - {"offer"}:
        raise IllegalAction(f"malformed {data['type']} action")
    for key, value in given.items():
        expected = bool if key == "offer" else str
        if not isinstance(value, expected):
            raise IllegalAction(f"malformed {data['type']} action: {key}")
    return cls(**given)
