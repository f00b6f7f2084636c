"""The record as two CSV files for a gradebook: one row per move, and one row
per seat with its scores.

`--csv moves.csv` writes the moves to moves.csv and the seats to
moves.seats.csv. Both are UTF-8 with a byte-order mark, so a spreadsheet
opens "Côte d'Ivoire" as written. Names and speeches are typed by students:
a cell that a spreadsheet would read as a formula (=, +, -, @, or a tab or
carriage return first) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from councilgame.record.schema import SeatRecord, SessionRecord

MOVE_COLUMNS = ("session", "round", "phase", "seat", "seat_name", "held_by", "team", "students", "move", "action",
                "description", "own_words")
SEAT_COLUMNS = ("session", "case", "seat", "seat_name", "held_by", "team", "students", "moves", "score", "goals_met",
                "goals", "score_on_history", "council_total", "council_total_history")
# What a spreadsheet reads as the start of a formula (OWASP's list: = + - @, and tab and carriage return).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel takes a file without it for the locale's code page and mangles every accent.
ENCODING = "utf-8-sig"
STUDENT_SEPARATOR = "; "


def seats_path(path: Path) -> Path:
    """Where the seats' file goes beside the moves' file: moves.csv -> moves.seats.csv."""
    stem = path.name[:-len(".csv")] if path.name.lower().endswith(".csv") else path.name
    return path.with_name(stem + ".seats.csv")


def cell(value: object) -> str | int | float:
    """A value safe in a spreadsheet: numbers as they are, text that would be read as a formula defused."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _seats(session: SessionRecord, all_seats: bool) -> list[SeatRecord]:
    return [s for s in session.seats if all_seats or s.holder.held_by == "person"]


def move_rows(sessions: Iterable[SessionRecord], all_seats: bool) -> list[list[object]]:
    rows: list[list[object]] = []
    for session in sessions:
        for seat in _seats(session, all_seats):
            people = (seat.holder.held_by, seat.holder.team, STUDENT_SEPARATOR.join(seat.holder.students))
            for move in seat.moves:
                rows.append([session.source, move.round, move.phase, seat.seat, seat.name, *people, move.number,
                             move.type, move.description, move.own_words])
    return rows


def seat_rows(sessions: Iterable[SessionRecord], all_seats: bool) -> list[list[object]]:
    rows: list[list[object]] = []
    for session in sessions:
        for seat in _seats(session, all_seats):
            rows.append([session.source, session.case.id, seat.seat, seat.name, seat.holder.held_by, seat.holder.team,
                         STUDENT_SEPARATOR.join(seat.holder.students), len(seat.moves),
                         "" if seat.perpetrator else seat.score,  # a perpetrator seat is not scored
                         sum(1 for g in seat.goals if g.met), len(seat.goals), "" if seat.perpetrator else seat.score_on_history,
                         session.council.session_total, session.council.history_total])
    return rows


def to_csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([cell(v) for v in row] for row in rows)
    return out.getvalue().encode(ENCODING)
