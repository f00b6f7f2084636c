"""Saves: a game is its scenario id and version, seed, seats and action log.

Loading a save replays the log, so a save cannot smuggle in a state the
rules would not produce. Writing goes to a temporary file that is renamed
over the old one, so a crash mid-write leaves the previous save intact.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Callable

from councilgame import __version__
from councilgame.scenario.case import Case
from councilgame.session import actions as act
from councilgame.session.game import Game

SAVE_FORMAT = 1
MAX_SAVE_BYTES = 5_000_000


class SaveError(Exception):
    """A save that cannot be used; the message says why, in one line."""


def _checksum(payload: dict) -> str:
    """SHA-256 of the canonical content: a flipped bit that still parses (a seed, a seat) is caught."""
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def to_json(game: Game) -> str:
    payload = {
        "format": SAVE_FORMAT, "game_version": __version__, "scenario": game.case.id,
        "scenario_version": game.case.scenario.version, "seed": game.seed, "seats": list(game.seats),
        "actions": [act.to_dict(a) for a in game.actions],
    }
    return json.dumps({**payload, "checksum": _checksum(payload)}, indent=1, sort_keys=True)


def write(game: Game, path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        raise SaveError(f"{path} is a folder, not a save file")
    data = to_json(game).encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=".save-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def read(path: Path, find_case: Callable[[str], Case]) -> Game:
    """Rebuild a game from a save file, or raise SaveError."""
    path = Path(path)
    try:
        if path.is_dir():
            raise SaveError(f"{path.name} is a folder, not a save file")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_SAVE_BYTES + 1)
    except OSError as exc:
        raise SaveError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveError(f"{path.name} is too large to be a save")
    if not raw.strip():
        raise SaveError(f"{path.name} is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SaveError(f"{path.name} is damaged (not a readable save)") from None
    return from_data(data, find_case, path.name)


def from_data(data: object, find_case: Callable[[str], Case], name: str = "save") -> Game:
    if not isinstance(data, dict) or data.get("format") is None:
        raise SaveError(f"{name} is not a Council save")
    if data.get("format") != SAVE_FORMAT:
        raise SaveError(f"{name} was written by a newer version of Council (save format {str(data.get('format'))[:20]})")
    payload = {k: v for k, v in data.items() if k != "checksum"}
    if data.get("checksum") != _checksum(payload):
        raise SaveError(f"{name} is damaged (its checksum does not match its content)")
    scenario_id, version, seed = data.get("scenario"), data.get("scenario_version"), data.get("seed")
    seats, log = data.get("seats"), data.get("actions")
    if not isinstance(scenario_id, str) or not isinstance(version, int) or not isinstance(seed, int) \
            or not isinstance(seats, list) or not all(isinstance(s, str) for s in seats) or not isinstance(log, list):
        raise SaveError(f"{name} is damaged (fields missing or of the wrong kind)")
    try:
        case = find_case(scenario_id)
    except Exception:  # noqa: BLE001 - any failure to find the case is the same answer to the player
        raise SaveError(f"{name} is for scenario '{scenario_id:.40}', which is not installed") from None
    if case.scenario.version != version:
        raise SaveError(f"{name} was made with version {version} of '{scenario_id}'; this is version {case.scenario.version}")
    try:
        game = Game(case, seed, seats)
        for entry in log:
            game.apply(act.from_dict(entry))
    except act.IllegalAction as exc:
        raise SaveError(f"{name} does not replay: {exc}") from None
    return game
