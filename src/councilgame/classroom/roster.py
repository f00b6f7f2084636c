"""A class roster from a CSV file (name, team), as a teacher exports one from a spreadsheet.

The file is untrusted input: a size cap, a row cap, names stripped of control characters and cut to
a length, and every problem reported with its line, never a traceback."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from councilgame.files import NotRegular, read_regular
from councilgame.safe_text import UNSAFE_IN_LINE

MAX_ROSTER_BYTES = 200_000  # a class of 200 with long names is under 20 KB
MAX_STUDENTS = 200  # more than any class; a whole year group is several sessions
NAME_LENGTH = 60  # a full name as a register holds it
TEAM_LENGTH = 40


class RosterError(Exception):
    """A roster that cannot be read; the message names the file and the line."""


@dataclass(frozen=True)
class Student:
    name: str
    team: str = ""  # students of a team share a seat


def clean(text: str, length: int) -> str:
    """A typed name as the game keeps it: one line, no control or direction characters, trimmed."""
    return " ".join(UNSAFE_IN_LINE.sub(" ", str(text)).split())[:length]


def read_roster(path: Path) -> list[Student]:
    """Students from a CSV with a header row naming a `name` column and, optionally, a `team` column
    (in any case, in any order; a file without a header is read as name, team)."""
    path = Path(path)
    try:
        raw = read_regular(path, MAX_ROSTER_BYTES)
    except (NotRegular, OSError) as exc:
        raise RosterError(f"{path.name}: cannot read it ({exc})") from None
    if len(raw) > MAX_ROSTER_BYTES:
        raise RosterError(f"{path.name}: too large for a roster (at most {MAX_ROSTER_BYTES:,} bytes)")
    for encoding in ("utf-8-sig", "cp1252"):  # spreadsheets save one or the other
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    return parse_roster(text, path.name)


def parse_roster(text: str, name: str = "roster") -> list[Student]:
    try:
        dialect = csv.Sniffer().sniff(text[:2000], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise RosterError(f"{name}: no students in it")
    header = [cell.strip().lower() for cell in rows[0]]
    if "name" in header:
        name_at, team_at = header.index("name"), header.index("team") if "team" in header else None
        body, first_line = rows[1:], 2
    else:
        name_at, team_at, body, first_line = 0, 1, rows, 1
    if len(body) > MAX_STUDENTS:
        raise RosterError(f"{name}: {len(body)} students; a session seats at most {MAX_STUDENTS}")
    students, seen = [], set()
    for line, row in enumerate(body, first_line):
        student = clean(row[name_at], NAME_LENGTH) if name_at < len(row) else ""
        if not student:
            raise RosterError(f"{name}:{line}: no name in this row")
        team = clean(row[team_at], TEAM_LENGTH) if team_at is not None and team_at < len(row) else ""
        if student.lower() in seen:
            raise RosterError(f"{name}:{line}: {student} is listed twice")
        seen.add(student.lower())
        students.append(Student(student, team))
    return students
