"""Saves: a game is its scenario id and version, seed, seats and action log.

Loading a save replays the log, so a save cannot smuggle in a state the
rules would not produce. Writing goes to a temporary file that is renamed
over the old one, so a crash mid-write leaves the previous save intact.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Callable

from councilgame import __version__
from councilgame.files import NotRegular, read_regular, write_atomic
from councilgame.scenario.case import Case
from councilgame.session import actions as act
from councilgame.session.game import Game

SAVE_FORMAT = 1
MAX_SAVE_BYTES = 5_000_000
# A seed is any 64-bit number; a save with a 5,000-digit one is not ours.
MAX_SEED = 2 ** 64
# A case id as the schema allows it: a save names its case by id, never by path.
CASE_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,63}$")


class SaveError(Exception):
    """A save that cannot be used; the message says why, in one line."""


class CaseChanged(SaveError):
    """The save's case is installed but its content is not the one the game was
    played on: replaying may tell a different story. The player chooses."""


def _checksum(payload: dict) -> str:
    """SHA-256 of the canonical content: a flipped bit that still parses (a seed, a seat) is caught."""
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def to_json(game: Game) -> str:
    payload = {
        "format": SAVE_FORMAT, "game_version": __version__, "scenario": game.case.id,
        "scenario_version": game.case.scenario.version, "scenario_digest": game.case.digest, "seed": game.seed,
        "seats": list(game.seats), "actions": [act.to_dict(a) for a in game.actions],
    }
    return json.dumps({**payload, "checksum": _checksum(payload)}, indent=1, sort_keys=True)


def write(game: Game, path: Path) -> None:
    """Save the game, or raise SaveError and leave any earlier save as it was.

    A save this writes is always one `read` accepts: the size limit is enforced here too."""
    data = to_json(game).encode("utf-8")
    if len(data) > MAX_SAVE_BYTES:
        raise SaveError(f"this game is too long to save ({len(data):,} bytes; at most {MAX_SAVE_BYTES:,})")
    try:
        write_atomic(Path(path), data)
    except OSError as exc:
        raise SaveError(f"cannot write {Path(path).name}: {exc.strerror or exc}") from None


def read(path: Path, find_case: Callable[[str], Case], accept_changed: bool = False) -> Game:
    """Rebuild a game from a save file, or raise SaveError (CaseChanged if its case was edited
    since, unless accept_changed)."""
    path = Path(path)
    try:
        raw = read_regular(path, MAX_SAVE_BYTES)
    except NotRegular as exc:
        raise SaveError(f"{path.name}: {exc}") from None
    except OSError as exc:
        raise SaveError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveError(f"{path.name} is too large to be a save")
    if not raw.strip():
        raise SaveError(f"{path.name} is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # not JSON, not UTF-8, a 5,000-digit number, nesting 2,000 deep
        raise SaveError(f"{path.name} is damaged (not a readable save)") from None
    return from_data(data, find_case, path.name, accept_changed)


def from_data(data: object, find_case: Callable[[str], Case], name: str = "save", accept_changed: bool = False) -> Game:
    if not isinstance(data, dict) or data.get("format") is None:
        raise SaveError(f"{name} is not a Council save")
    if data.get("format") != SAVE_FORMAT:
        raise SaveError(f"{name} was written by a newer version of Council (save format {str(data.get('format'))[:20]})")
    payload = {k: v for k, v in data.items() if k != "checksum"}
    try:
        intact = data.get("checksum") == _checksum(payload)
    except (ValueError, TypeError, RecursionError):
        intact = False
    if not intact:
        raise SaveError(f"{name} is damaged (its checksum does not match its content)")
    scenario_id, version, seed = data.get("scenario"), data.get("scenario_version"), data.get("seed")
    seats, log, digest = data.get("seats"), data.get("actions"), data.get("scenario_digest", "")
    if not isinstance(scenario_id, str) or not isinstance(version, int) or not isinstance(seed, int) \
            or not isinstance(seats, list) or not all(isinstance(s, str) for s in seats) or not isinstance(log, list) \
            or not isinstance(digest, str):
        raise SaveError(f"{name} is damaged (fields missing or of the wrong kind)")
    if not CASE_ID.match(scenario_id):
        raise SaveError(f"{name} is damaged (its case is named {scenario_id[:40]!r}, which is not a case id)")
    if not -MAX_SEED < seed < MAX_SEED:
        raise SaveError(f"{name} is damaged (its seed is out of range)")
    try:
        case = find_case(scenario_id)
    except Exception:  # noqa: BLE001 - any failure to find the case is the same answer to the player
        raise SaveError(f"{name} is for scenario '{scenario_id}', which is not installed") from None
    if not accept_changed and (case.scenario.version != version or digest != case.digest):
        what = (f"version {version} of '{scenario_id}'; this is version {case.scenario.version}"
                if case.scenario.version != version else f"'{scenario_id}' as it was; the case file has been edited since")
        raise CaseChanged(f"{name} was made with {what}. Replayed on this case, the story may differ.")
    try:
        game = Game(case, seed, seats)
        for entry in log:
            game.apply(act.from_dict(entry))
    except act.IllegalAction as exc:
        raise SaveError(f"{name} does not replay on this case: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - a save must never crash Continue or Load
        raise SaveError(f"{name} does not replay on this case ({type(exc).__name__})") from None
    return game
