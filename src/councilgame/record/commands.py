"""What `councilgame report`, `compare` and `schema record` do; cli.py
registers them and turns a RecordError into one line and exit status 2."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from councilgame import __version__, words
from councilgame.i18n import _, ngettext
from councilgame.record import sessions as io
from councilgame.record.build import session_record
from councilgame.record.schema import Report, SessionRecord
from councilgame.record.sessions import RecordError

# Saves one report reads: a year's classes with room; each takes a few hundred milliseconds to replay.
MAX_SAVES = 200


def read_all(paths: Sequence[str], accept_changed: bool) -> list[SessionRecord]:
    if len(paths) > MAX_SAVES:
        raise RecordError(_("{count} saves given; at most {most} at once").format(count=len(paths), most=MAX_SAVES))
    out = []
    names = [Path(name).name for name in paths]
    for name, short in zip(paths, names):
        path = Path(name)
        session = io.read(path, accept_changed)
        # A session is known by its file's name, or by the path given when two saves share a name (autosave.json).
        source = short if names.count(short) == 1 else name
        out.append(session_record(session.game, source, session.classroom))
        for note in session.classroom.notes:
            print(f"{source}: {note}", file=sys.stderr)
    return out


def report(saves: Sequence[str], json_to: str | None, csv_to: str | None, pdf_to: str | None, all_seats: bool,
           accept_changed: bool = False) -> int:
    records = read_all(saves, accept_changed)
    built = Report(councilgame=__version__, sessions=records)
    if json_to == "-":
        print(built.model_dump_json(indent=1))
    elif json_to:
        io.write(Path(json_to), built.model_dump_json(indent=1).encode("utf-8"))
    if csv_to:
        from councilgame.record import csv_out

        moves = Path(csv_to)
        io.write(moves, csv_out.to_csv(csv_out.MOVE_COLUMNS, csv_out.move_rows(records, all_seats)))
        io.write(csv_out.seats_path(moves), csv_out.to_csv(csv_out.SEAT_COLUMNS, csv_out.seat_rows(records, all_seats)))
    if pdf_to:
        from councilgame.record.pdf_out import report_pdf

        io.write(Path(pdf_to), report_pdf(records, all_seats))
    if json_to != "-":
        for record in records:
            print("\n".join(summary_lines(record)))
    if not all_seats and (csv_to or pdf_to) and not any(s.holder.held_by == "person" for r in records for s in r.seats):
        print(_("no seat was held by a person: the CSV and PDF list none (add --all-seats for the computer's)"),
              file=sys.stderr)
    return 0


def summary_lines(record: SessionRecord) -> list[str]:
    c = record.council
    played = ngettext("{played} of {count} round", "{played} of {count} rounds", record.rounds_in_case).format(
        played=record.rounds_played, count=record.rounds_in_case)
    lines = [_("{source}: {title}, seed {seed}, {played}").format(source=record.source, title=record.case.title,
                                                                 seed=record.seed, played=played)
             + ("" if record.finished else " " + _("(not finished)"))]
    for seat in record.seats:
        if seat.holder.held_by == "person":
            who = ", ".join(filter(None, [seat.holder.team, *seat.holder.students]))
            score = _("not scored (a perpetrator seat)") if seat.perpetrator else _("score {score:.0f}/100").format(
                score=seat.score)
            moves = ngettext("{count} move", "{count} moves", len(seat.moves)).format(count=len(seat.moves))
            lines.append(f"  {seat.name} ({seat.seat}){': ' + who if who else ''}: {score}, {moves}")
    lines.append("  " + _("Council {total:.0f} (model estimate; {yardstick}: {history:.0f})").format(
        total=c.session_total, yardstick=words.yardstick(c.yardstick), history=c.history_total))
    return lines


def schema() -> int:
    print(json.dumps(Report.model_json_schema(), indent=1))
    return 0


def compare(saves: Sequence[str], pdf_to: str | None, accept_changed: bool = False) -> int:
    from councilgame.record import compare as comparing

    records = read_all(saves, accept_changed)
    lines = comparing.comparisons(records)
    print("\n".join(lines.text()))
    if pdf_to:
        io.write(Path(pdf_to), comparing.compare_pdf(lines))
    return 0
