"""Saves: a game is its case (id, version, content hash), seed, seats and the
log of every move, a person's or a computer delegation's.

Loading a save replays the log, so a save cannot smuggle in a state the
rules would not produce; and because the log holds the computer delegations'
moves too, a save replays to the same story after their profiles change. The
story's digest at the end of each round is kept beside the log: if a release
changes the rules (the crisis model's numbers, say), the replay says from
which round the story differs and the player chooses. Writing goes to a
temporary file renamed over the old one, so a crash mid-write leaves the
previous save intact.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from councilgame import __version__
from councilgame.files import NotRegular, read_regular, write_atomic
from councilgame.scenario.case import Case
from councilgame.scenario.model import MAX_ROUNDS
from councilgame.session import actions as act
from councilgame.session.game import Game
from councilgame.session.log import LogEntry
from councilgame.session.story import story_digest

# 1: the players' moves only (Council 0.1); 2: every seat's moves, with the story's digests.
SAVE_FORMAT = 2
MAX_SAVE_BYTES = 5_000_000
# A seed is any 64-bit number; a save with a 5,000-digit one is not ours.
MAX_SEED = 2 ** 64
# A case id as the schema allows it: a save names its case by id, never by path.
CASE_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,63}$")
# The language a save was played in: a language's code (ISO 639-1), "en" when the save does not say.
LANGUAGE = re.compile(r"^[a-z]{2}$")


class SaveError(Exception):
    """A save that cannot be used; the message says why, in one line."""


class CaseChanged(SaveError):
    """The save's case is installed but its content is not the one the game was
    played on: replaying may tell a different story. The player chooses."""


class RulesChanged(CaseChanged):
    """The save replays, but this release's rules tell a different story from some round on.
    The player chooses, as for a changed case."""


def _release(version: object) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in str(version).split(".")[:3])
    except ValueError:
        return (0,)


def _checksum(payload: dict[str, object]) -> str:
    """SHA-256 of the canonical content: a flipped bit that still parses (a seed, a seat) is caught."""
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


class Loaded(NamedTuple):
    game: Game
    classroom: dict[str, Any] | None  # a classroom session's plan, as saved beside the game (unchecked here)


def to_json(game: Game, classroom: Mapping[str, Any] | None = None) -> str:
    """The save's text; a classroom session's plan travels in it, under the same checksum."""
    payload: dict[str, Any] = {
        "format": SAVE_FORMAT, "game_version": __version__, "scenario": game.case.id,
        "scenario_version": game.case.scenario.version, "scenario_digest": game.case.digest, "seed": game.seed,
        "seats": list(game.seats), "rounds": game.rounds, "told": sorted(game.told),
        "log": [entry.to_dict() for entry in game.log],
        "story": {"rounds": list(game.checkpoints), "now": story_digest(game)},
    }
    if game.case.language != "en":  # an English save stays as it always was
        payload["language"], payload["texts"] = game.case.language, game.case.text_digest
    if classroom is not None:
        payload["classroom"] = dict(classroom)
    return json.dumps({**payload, "checksum": _checksum(payload)}, indent=1, sort_keys=True)


def write(game: Game, path: Path, classroom: Mapping[str, Any] | None = None) -> None:
    """Save the game, or raise SaveError and leave any earlier save as it was.

    A save this writes is always one `read` accepts: the size limit is enforced here too."""
    data = to_json(game, classroom).encode("utf-8")
    if len(data) > MAX_SAVE_BYTES:
        raise SaveError(f"this game is too long to save ({len(data):,} bytes; at most {MAX_SAVE_BYTES:,})")
    try:
        write_atomic(Path(path), data)
    except OSError as exc:
        raise SaveError(f"cannot write {Path(path).name}: {exc.strerror or exc}") from None


def read(path: Path, find_case: Callable[[str], Case], accept_changed: bool = False) -> Game:
    """Rebuild a game from a save file, or raise SaveError (CaseChanged if its case was edited
    since, unless accept_changed)."""
    return load(path, find_case, accept_changed).game


def load(path: Path, find_case: Callable[[str], Case], accept_changed: bool = False) -> Loaded:
    """A save's game and, if it was a classroom session, the session's plan beside it."""
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
    game = from_data(data, find_case, path.name, accept_changed)
    classroom = data.get("classroom")  # from_data checked data is a dict
    return Loaded(game, classroom if isinstance(classroom, dict) else None)


def from_data(data: object, find_case: Callable[[str], Case], name: str = "save", accept_changed: bool = False) -> Game:
    if not isinstance(data, dict) or data.get("format") is None:
        raise SaveError(f"{name} is not a Council save")
    made_by = str(data.get("game_version", "an unknown version"))[:20]
    if data.get("format") == 1:
        raise SaveError(f"{name} was made by Council {made_by}, whose saves kept only the players' moves, not the computer "
                        "delegations': this release cannot replay it as it was played. Start the case again")
    if data.get("format") != SAVE_FORMAT:
        raise SaveError(f"{name} was written by a newer version of Council (save format {str(data.get('format'))[:20]}, "
                        f"Council {made_by}): update Council to open it")
    payload = {k: v for k, v in data.items() if k != "checksum"}
    try:
        intact = data.get("checksum") == _checksum(payload)
    except (ValueError, TypeError, RecursionError):
        intact = False
    if not intact:
        raise SaveError(f"{name} is damaged (its checksum does not match its content)")
    scenario_id, version, seed = data.get("scenario"), data.get("scenario_version"), data.get("seed")
    seats, log, digest, story = data.get("seats"), data.get("log"), data.get("scenario_digest", ""), data.get("story")
    rounds = data.get("rounds")  # saves before lessons could be cut short play every round
    told = data.get("told", [])
    language, texts = data.get("language", "en"), data.get("texts", "")
    if not isinstance(scenario_id, str) or not isinstance(version, int) or not isinstance(seed, int) \
            or not isinstance(seats, list) or not all(isinstance(s, str) for s in seats) or not isinstance(log, list) \
            or not isinstance(digest, str) or not _is_story(story) \
            or not (rounds is None or _is_count(rounds)) \
            or not (isinstance(told, list) and len(told) < MAX_ROUNDS
                    and all(type(i) is int and 0 <= i < MAX_ROUNDS for i in told)) \
            or not (isinstance(language, str) and LANGUAGE.match(language)) or not isinstance(texts, str):
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
    newer = _release(made_by) > _release(__version__)
    # The story's digests hold its texts, in the language it was played in: they are checked on the case in
    # that language and with the same translations, then the game goes on in the language asked for (the
    # same decisions: an overlay holds only prose). A translation edited since cannot tell the story again
    # word for word, so its digests are not checked: the decisions are the English case's, checked above.
    told_in = case if (case.language, case.text_digest) == (language, texts) else _in_language(case, language)
    checkable = (told_in.language, told_in.text_digest) == (language, texts)
    try:
        game = replay(told_in, seed, seats, log, rounds, told)
    except act.IllegalAction as exc:
        if newer:
            raise SaveError(f"{name} was made by Council {made_by}, newer than this one ({__version__}): "
                            "update Council to open it") from None
        raise SaveError(f"{name} does not replay under this release's rules (Council {__version__}; it was made by "
                        f"{made_by}): {exc}") from None
    except Exception as exc:  # noqa: BLE001 - a save must never crash Continue or Load
        raise SaveError(f"{name} does not replay on this case ({type(exc).__name__})") from None
    assert isinstance(story, dict)  # checked by _is_story
    differs = _first_difference(game.checkpoints, story["rounds"], story["now"], story_digest(game)) if checkable else None
    if differs is not None and not accept_changed:
        where = f"from round {differs + 1}" if differs < len(story["rounds"]) else "in the round it was saved in"
        raise RulesChanged(f"{name} was played under the rules of Council {made_by}; replayed under this release's "
                           f"({__version__}), its story differs {where}.")
    if told_in is not case:
        try:
            game = replay(case, seed, seats, log, rounds, told)  # the same decisions as above, in this language
        except Exception as exc:  # noqa: BLE001 - as above: a save must never crash Continue or Load
            raise SaveError(f"{name} does not replay on this case ({type(exc).__name__})") from None
    return game


def _in_language(case: Case, language: str) -> Case:
    """The case in the language a save was played in, to check its story; the case itself if it cannot be."""
    try:
        return case.in_language(language)
    except Exception:  # noqa: BLE001 - the case loaded once; if it does not load again, its story is not checked
        return case


def replay(case: Case, seed: int, seats: list[str], log: list[object], rounds: int | None = None,
           told: list[int] | tuple[int, ...] = ()) -> Game:
    """The game a log tells: each move applied in order, at the round and phase it was made in.
    Raises IllegalAction, saying which move and why, if the log does not replay."""
    game = Game(case, seed, seats, rounds=rounds, told=told)
    game.autoplay = False  # the computer delegations' answers are in the log
    for number, raw in enumerate(log, 1):
        try:
            entry = LogEntry.from_dict(raw)
        except act.IllegalAction as exc:
            move = raw.get("action") if isinstance(raw, dict) else None
            raise act.IllegalAction(f"move {number} is not one this release knows ({act.describe_raw(move)}: "
                                    f"{exc})") from None
        st = game.state
        if (entry.round, entry.phase) != (st.round_index, st.phase):
            raise act.IllegalAction(f"move {number} was made in round {entry.round + 1}, {entry.phase.value}, but the "
                                    f"replay is in round {st.round_index + 1}, {st.phase.value}")
        try:
            game.apply(entry.action)
        except act.IllegalAction as exc:
            raise act.IllegalAction(f"move {number} ({entry.action.type} by {entry.seat}) is refused: {exc}") from None
    game.autoplay = True
    return game


def _is_count(value: object) -> bool:
    """A round count as a save may hold one: more is damage, and a bool is not a number."""
    return type(value) is int and 0 < value <= MAX_ROUNDS


def _is_story(story: object) -> bool:
    return (isinstance(story, dict) and isinstance(story.get("rounds"), list) and isinstance(story.get("now"), str)
            and all(isinstance(d, str) for d in story["rounds"]))


def _first_difference(replayed: list[str], saved: list[str], saved_now: str, now: str) -> int | None:
    """The first round whose story differs (len(saved) for the round in progress), or None."""
    for i, digest in enumerate(saved):
        if i >= len(replayed) or replayed[i] != digest:
            return i
    return None if now == saved_now and len(replayed) == len(saved) else len(saved)
