"""Reading saves for a record, and writing what is made of them.

Every failure is a RecordError whose message is one line naming the file:
a teacher with thirty saves must see at once which one is damaged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from councilgame.files import read_regular, write_atomic
from councilgame.record import classroom as seating
from councilgame.record.classroom import Classroom
from councilgame.session.game import Game


class RecordError(Exception):
    """A save that cannot be read or an output that cannot be written; the message names the file."""


@dataclass(frozen=True)
class Session:
    path: Path
    game: Game
    classroom: Classroom


def read(path: Path, accept_changed: bool = False) -> Session:
    """The save's game, replayed, and its classroom block; RecordError if it cannot be used."""
    from councilgame import catalogue
    from councilgame.session import saves

    try:
        game = saves.read(path, catalogue.by_id, accept_changed=accept_changed)
    except saves.CaseChanged as exc:
        raise RecordError(f"{exc} (report on it anyway with --accept-changed)") from None
    except saves.SaveError as exc:
        raise RecordError(str(exc)) from None
    return Session(path, game, seating.parse(_classroom_block(path), _seats(game)))


def _classroom_block(path: Path) -> object:
    """The save's optional classroom block. The save has just been read and checked (its checksum covers the
    block too), so any failure here is the file changing under us: the names are left out."""
    from councilgame.session.saves import MAX_SAVE_BYTES

    try:
        data = json.loads(read_regular(path, MAX_SAVE_BYTES).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return data.get("classroom") if isinstance(data, dict) else None


def _seats(game: Game) -> set[str]:
    return set(game.case.all_members) | set(game.case.actor_ids)


def write(path: Path, data: bytes) -> None:
    """Write an output whole, or raise RecordError and leave any earlier file as it was."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise RecordError(f"cannot write {path}: {exc.strerror or exc}") from None
