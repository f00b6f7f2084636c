"""A classroom session's plan: the case and lesson, who holds each seat, the phase timers, the
options, and the PIN that guards the console. It travels in the save beside the game, so that
Continue restores the class as it was; the game itself is only the rules and the log."""

from __future__ import annotations

import hashlib
import hmac
import random
from collections.abc import Sequence
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from councilgame.classroom.roster import NAME_LENGTH, TEAM_LENGTH, Student, clean
from councilgame.scenario.model import LessonMinutes

PIN_DIGITS = (4, 8)  # short enough to type at the front of a room, long enough not to be guessed in a lesson
# PBKDF2 rounds for the PIN: a save passed round a class must not give the PIN away at a glance;
# a few milliseconds on a school laptop.
PIN_ROUNDS = 20_000
# Default seconds for each phase a person plays (0: no timer); the console can extend or cut them.
DEFAULT_TIMERS = {"briefing": 180, "consultations": 420, "drafting": 300, "vote": 120, "consequences": 120}
MAX_TIMER = 3600


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Holder(Strict):
    """Who holds a seat: a team of students (one or more), named as the teacher typed them."""

    team: Annotated[str, Field(max_length=TEAM_LENGTH)] = ""
    students: Annotated[list[Annotated[str, Field(min_length=1, max_length=NAME_LENGTH)]], Field(max_length=30)] = []

    @property
    def label(self) -> str:
        """How the hand-off screen calls them: 'Blue: Amira, Ben', or the students' names alone."""
        names = ", ".join(self.students)
        if self.team and names and names != self.team:
            return f"{self.team}: {names}"
        return self.team or names or "the class"


class Options(Strict):
    advanced_briefings: bool = False
    show_computer_reasons: bool = True


class ClassSession(Strict):
    case: Annotated[str, Field(max_length=64)]
    minutes: LessonMinutes
    seats: Annotated[dict[Annotated[str, Field(max_length=64)], Holder], Field(max_length=60)]
    timers: dict[str, Annotated[int, Field(ge=0, le=MAX_TIMER)]] = Field(default_factory=lambda: dict(DEFAULT_TIMERS))
    options: Options = Options()
    pin_salt: Annotated[str, Field(max_length=64)] = ""
    pin_hash: Annotated[str, Field(max_length=128)] = ""

    def checks(self, pin: str) -> bool:
        """Whether pin is the session's PIN (compared in constant time)."""
        return bool(self.pin_hash) and hmac.compare_digest(_hash(pin, self.pin_salt), self.pin_hash)

    def with_pin(self, pin: str, rng: random.Random | None = None) -> ClassSession:
        if not (pin.isdigit() and PIN_DIGITS[0] <= len(pin) <= PIN_DIGITS[1]):
            raise ValueError(f"a PIN is {PIN_DIGITS[0]} to {PIN_DIGITS[1]} digits")
        salt = (rng or random.SystemRandom()).getrandbits(64).to_bytes(8, "big").hex()
        return self.model_copy(update={"pin_salt": salt, "pin_hash": _hash(pin, salt)})


def _hash(pin: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt or "00"), PIN_ROUNDS).hex()


def teams_of(students: Sequence[Student]) -> dict[str, list[str]]:
    """The roster's teams in the order they first appear; a student without a team is a team of one."""
    teams: dict[str, list[str]] = {}
    for s in students:
        teams.setdefault(s.team or s.name, []).append(s.name)
    return teams


def assign(seats: Sequence[str], students: Sequence[Student], shuffle: random.Random | None = None) -> dict[str, Holder]:
    """The roster's teams on the seats in turn (teams and seats shuffled first if asked): a team per seat
    while there are seats; with more teams than seats, teams share (a class of 30 fits 15 seats). Seats
    left over are the computer's."""
    teams, seats = list(teams_of(students).items()), list(seats)
    if shuffle is not None:  # which team, and which seat: a small class does not always get the permanent members
        shuffle.shuffle(teams)
        shuffle.shuffle(seats)
    held: dict[str, list[tuple[str, list[str]]]] = {}
    for i, team in enumerate(teams):
        if seats:
            held.setdefault(seats[i % len(seats)], []).append(team)
    out = {}
    for seat, shared in held.items():
        names = " & ".join(name for name, _ in shared)
        label = names if any(s.team for s in students) else ""
        out[seat] = Holder(team=clean(label, TEAM_LENGTH), students=[n for _, members in shared for n in members][:30])
    return out



class SessionDamaged(ValueError):
    """A save's classroom part that does not read as a session plan."""


def from_saved(raw: object, name: str = "save") -> ClassSession:
    """The session plan a save carries, or SessionDamaged naming the first problem in words."""
    from pydantic import ValidationError

    try:
        return ClassSession.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "classroom"
        raise SessionDamaged(f"{name}: its classroom session is damaged ({where}: {first['msg']})") from None
