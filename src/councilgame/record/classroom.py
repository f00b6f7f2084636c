"""Who sat where: the optional `classroom` block of a save.

    "classroom": {"seats": {"FRA": {"team": "Blue", "students": ["Ana", "Ben"]}}}

Students type these names, so they are untrusted: anything that is not a
string is dropped, control, bidirectional and invisible characters are
removed, whitespace runs become one space, and lengths are capped. A
malformed block never stops a report; what was dropped is said in `notes`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from councilgame.classroom.roster import NAME_LENGTH, clean
# A seat is held by a few students (a 30-student class on 10 seats puts 3 at each), but a teacher may seat a
# whole class at one; the classroom console allows 30. Past that the block was edited by hand: the cap keeps it
# from filling the PDF, and a note says so.
STUDENTS_PER_SEAT = 40


@dataclass(frozen=True)
class SeatPeople:
    team: str | None = None
    students: tuple[str, ...] = ()


@dataclass(frozen=True)
class Classroom:
    seats: dict[str, SeatPeople] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # what was dropped, in words


def clean_name(text: object) -> str | None:
    """A name fit to print: one line, no control characters, at most NAME_LENGTH characters; None if nothing is
    left or it is not a string."""
    if not isinstance(text, str):
        return None
    cleaned = clean(text, NAME_LENGTH + 1)  # the roster's cleaning; one more character tells a cut name
    if len(cleaned) > NAME_LENGTH:
        cleaned = cleaned[:NAME_LENGTH - 1].rstrip() + "…"
    return cleaned or None


def parse(block: object, seats: set[str]) -> Classroom:
    """The classroom block of a save, for the seats of its case; Classroom() if there is none."""
    if block is None:
        return Classroom()
    if not isinstance(block, dict) or not isinstance(block.get("seats"), dict):
        return Classroom(notes=("the classroom block has no seats: names left out",))
    out: dict[str, SeatPeople] = {}
    notes: list[str] = []
    for seat, entry in block["seats"].items():
        if seat not in seats:
            notes.append(f"the classroom block names a seat the case does not have ({clean_name(seat) or '?'})")
            continue
        if not isinstance(entry, dict):
            notes.append(f"{seat}: the classroom entry is not a team and its students: left out")
            continue
        raw = entry.get("students", [])
        raw = raw if isinstance(raw, list) else []
        students = [name for name in (clean_name(s) for s in raw) if name]
        if len(students) > STUDENTS_PER_SEAT:
            notes.append(f"{seat}: {len(students)} students listed; the first {STUDENTS_PER_SEAT} are kept")
            students = students[:STUDENTS_PER_SEAT]
        out[seat] = SeatPeople(clean_name(entry.get("team")), tuple(students))
    return Classroom(out, tuple(notes))
