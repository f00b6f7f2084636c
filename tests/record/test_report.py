"""`councilgame report`: the record of a session as JSON, CSV and PDF, read back as a teacher's tools would."""

from __future__ import annotations

import csv
import json
import re

from councilgame.cli import main
from councilgame.record.schema import Report
from councilgame.scoring import council_score, seat_score
from councilgame.session.documented import documented_path

from record.conftest import PEOPLE, SPEECH

# A page object of a PDF ("/Type /Pages" is the tree that holds them).
PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def report(save_file, tmp_path, *extra):
    out = tmp_path / "out"
    code = main(["report", str(save_file), "--json", str(out / "record.json"), "--csv", str(out / "moves.csv"),
                 "--pdf", str(out / "record.pdf"), *extra])
    assert code == 0
    return out


def test_the_json_loads_back_through_the_schema_with_every_required_key(save_file, tmp_path, capsys):
    out = report(save_file, tmp_path)
    text = (out / "record.json").read_text(encoding="utf-8")
    record = Report.model_validate_json(text)  # extra keys, missing keys and wrong kinds are refused
    capsys.readouterr()
    assert main(["schema", "record"]) == 0
    schema = json.loads(capsys.readouterr().out)  # what `councilgame schema record` documents
    data = json.loads(text)
    assert set(schema["required"]) <= set(data)
    defs = schema["$defs"]
    assert set(defs["SessionRecord"]["required"]) <= set(data["sessions"][0])
    assert set(defs["SeatRecord"]["required"]) <= set(data["sessions"][0]["seats"][0])
    assert set(defs["Move"]["required"]) <= set(data["sessions"][0]["seats"][0]["moves"][0])
    session = record.sessions[0]
    assert session.case.id == "rwanda_1994" and session.seed == 11 and session.rounds_played == 3
    assert session.source == "class 3B.json"


def test_the_schema_command_prints_the_records_json_schema(capsys):
    assert main(["schema", "record"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == Report.model_json_schema()
    assert printed["title"] == "Report" and "SessionRecord" in printed["$defs"]
    assert main(["schema", "save"]) == 0  # the same record, under the name the issue gave it
    assert json.loads(capsys.readouterr().out) == printed


def test_each_seats_score_is_the_debriefs_and_the_seats_differ(save_file, session_game, tmp_path):
    session = Report.model_validate_json((report(save_file, tmp_path) / "record.json").read_text()).sessions[0]
    game, facts = session_game, session_game.facts()
    by_seat = {s.seat: s for s in session.seats}
    for seat in by_seat.values():
        assert seat.score == seat_score(game.case, game.state, seat.seat, facts).score, seat.seat
    expected = {seat: seat_score(game.case, game.state, seat, facts).score for seat in PEOPLE}
    assert len(set(expected.values())) > 1, "the test game must give the people's seats different scores"
    assert {seat: by_seat[seat].score for seat in PEOPLE} == expected
    path = documented_path(game.case, game.rounds)
    assert by_seat["FRA"].score_on_history == seat_score(game.case, path.state, "FRA", path.facts).score
    mine, real = council_score(game.case, game.state), council_score(game.case, path.state)
    assert session.council.session == mine.dimensions and session.council.history == real.dimensions
    assert session.council.session_total == mine.total and session.council.history_total == real.total


def test_a_seat_has_every_move_in_order_with_its_own_words(save_file, session_game, tmp_path):
    session = Report.model_validate_json((report(save_file, tmp_path) / "record.json").read_text()).sessions[0]
    france = next(s for s in session.seats if s.seat == "FRA")
    logged = [number for number, entry in enumerate(session_game.log, 1) if entry.seat == "FRA"]
    assert [m.number for m in france.moves] == logged
    said = [m for m in france.moves if m.type == "speak"]
    assert said and said[0].own_words == f"FRA: {SPEECH}" and said[0].description == "France took the floor"
    voted = [m for m in france.moves if m.type == "vote"]
    assert voted and voted[0].own_words == "FRA votes yes: the civilians of Kigali."
    assert any(m.type == "statement" and "public statement" in m.description for m in france.moves)
    assert france.holder.held_by == "person" and france.holder.team == "=Les Bleus"
    assert france.holder.students == ["Zoë Ångström", "Ben [31m Okafor", "@admin"]  # the escape code is gone
    nigeria = next(s for s in session.seats if s.seat == "NGA")
    assert nigeria.holder.students == ["Ada", "Chidi"]  # 42 is not a name
    usa = next(s for s in session.seats if s.seat == "USA")
    assert usa.holder.held_by == "computer" and usa.holder.students == []


def test_votes_stand_beside_what_the_real_delegation_did(save_file, tmp_path):
    session = Report.model_validate_json((report(save_file, tmp_path) / "record.json").read_text()).sessions[0]
    nigeria = next(s for s in session.seats if s.seat == "NGA")
    assert [v.vote for v in nigeria.votes] == ["abstain", "abstain", "abstain"]
    assert [v.reason for v in nigeria.votes][0] == "NGA votes abstain: the civilians of Kigali."
    real = {h.record_id: h.vote for h in nigeria.history}
    # S/RES/912 was unanimous; 918's votes are not in the case's record; Nigeria abstained on 929.
    assert real == {"res912": "yes", "res918": "no vote recorded", "res929": "abstain"}
    assert [h.record_id for h in nigeria.votes[2].history] == ["res929"]
    hrw = next(s for s in session.seats if s.seat == "hrw")
    assert hrw.kind == "ngo" and hrw.votes == [] and hrw.history == []
    june = session.rounds[2]
    assert [d.symbol for d in june.history] == ["S/RES/929 (1994)"] and june.history[0].history is True
    assert june.history[0].tally is not None and june.history[0].tally.abstain == 5
    assert june.decisions[0].tally is not None and june.decisions[0].summary.startswith("adopted")


def test_the_csv_has_a_row_per_move_of_each_seat_people_held(save_file, session_game, tmp_path):
    out = report(save_file, tmp_path)
    with open(out / "moves.csv", newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    for seat in PEOPLE:
        logged = sum(1 for entry in session_game.log if entry.seat == seat)
        assert sum(1 for row in rows if row["seat"] == seat) == logged, seat
    assert {row["seat"] for row in rows} == set(PEOPLE)
    first = rows[0]
    assert set(first) == {"session", "round", "phase", "seat", "seat_name", "held_by", "team", "students", "move",
                          "action", "description", "own_words"}
    spoken = next(row for row in rows if row["seat"] == "FRA" and row["action"] == "speak")
    assert spoken["own_words"] == f"FRA: {SPEECH}"
    with open(out / "moves.seats.csv", newline="", encoding="utf-8-sig") as handle:
        seats = {row["seat"]: row for row in csv.DictReader(handle)}
    assert set(seats) == set(PEOPLE)
    assert float(seats["FRA"]["score"]) == seat_score(session_game.case, session_game.state, "FRA",
                                                      session_game.facts()).score


def test_cells_a_spreadsheet_would_run_as_formulas_are_defused(save_file, tmp_path):
    out = report(save_file, tmp_path)
    with open(out / "moves.seats.csv", newline="", encoding="utf-8-sig") as handle:
        france = next(row for row in csv.DictReader(handle) if row["seat"] == "FRA")
    assert france["team"] == "'=Les Bleus"
    assert france["students"] == "Zoë Ångström; Ben [31m Okafor; @admin"  # the cell starts with a letter
    from councilgame.record.csv_out import cell

    assert [cell(v) for v in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "plain", 3.5, -2)] == \
        ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "plain", 3.5, -2]


def test_with_all_seats_the_csv_has_every_move_but_the_chairs(save_file, session_game, tmp_path):
    out = report(save_file, tmp_path, "--all-seats")
    with open(out / "moves.csv", newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == sum(1 for entry in session_game.log if entry.seat != "chair")
    assert {"person", "computer"} == {row["held_by"] for row in rows}


def test_the_pdf_has_a_page_per_seat_people_held_and_a_summary(save_file, tmp_path):
    pdf = (report(save_file, tmp_path) / "record.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert len(PAGE.findall(pdf)) == len(PEOPLE) + 1
    assert b"/Outlines" in pdf  # a bookmark per seat and one for the summary


def test_the_pdf_with_all_seats_has_a_page_for_each(save_file, session_game, tmp_path):
    pdf = (report(save_file, tmp_path, "--all-seats") / "record.pdf").read_bytes()
    seats = len(session_game.case.members_on(session_game.case.start)) + len(session_game.case.scenario.actors)
    assert len(PAGE.findall(pdf)) >= seats + 1


def test_without_outputs_report_prints_each_seat_people_held(save_file, capsys):
    assert main(["report", str(save_file)]) == 0
    out = capsys.readouterr().out
    assert "class 3B.json: Rwanda, 1994, seed 11, 3 of 4 rounds" in out
    assert "France (FRA): =Les Bleus, Zoë Ångström" in out and "Council" in out


def test_json_to_standard_output(save_file, capsys):
    assert main(["report", str(save_file), "--json", "-"]) == 0
    assert Report.model_validate_json(capsys.readouterr().out).sessions[0].seed == 11


def test_report_and_compare_never_import_pygame(save_file, tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    code = ("import sys\nfrom councilgame.cli import main\n"
            f"assert main(['report', {str(save_file)!r}, '--pdf', {str(tmp_path / 'r.pdf')!r}, '--csv', "
            f"{str(tmp_path / 'r.csv')!r}]) == 0\n"
            f"assert main(['compare', {str(save_file)!r}]) == 0\n"
            "assert 'pygame' not in sys.modules, 'pygame was imported'\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr


def test_a_lessons_told_rounds_are_marked_as_the_real_councils(tmp_path):
    from councilgame import catalogue
    from councilgame.record.build import session_record

    from record.conftest import play

    case = catalogue.by_id("darfur")
    rounds, told = case.lesson(60)
    assert told, "the test needs a lesson that tells a round"
    record = session_record(play(case, 3, rounds=rounds, people=("CHN", "GBR"), told=told), "lesson.json")
    assert record.rounds_played == rounds and [r.told for r in record.rounds] == [i in told for i in range(rounds)]
    china = next(s for s in record.seats if s.seat == "CHN")
    assert {v.round - 1 for v in china.votes if v.told} == set(told)
    assert not any(m.round - 1 in told for m in china.moves)  # nobody moves in a told round


def test_a_perpetrator_seat_is_not_scored_in_the_record_and_its_goals_stay_for_discussion(rwanda, tmp_path):
    """No atrocity is an achievement, in the teacher's record either: the seat of the government whose forces
    committed the genocide is marked, and the CSV and the PDF give it no score."""
    from councilgame.record import csv_out
    from councilgame.record.build import session_record
    from record.conftest import play

    game = play(rwanda, 5, rounds=2, people=("RWA", "FRA"))
    record = session_record(game, "class.json")
    seats = {s.seat: s for s in record.seats}
    assert seats["RWA"].perpetrator and not seats["FRA"].perpetrator
    assert seats["RWA"].goals  # listed, for discussion
    rows = {row[2]: dict(zip(csv_out.SEAT_COLUMNS, row)) for row in csv_out.seat_rows([record], all_seats=False)}
    assert rows["RWA"]["score"] == "" and rows["RWA"]["score_on_history"] == ""
    assert rows["FRA"]["score"] == seats["FRA"].score
    from councilgame.record.commands import summary_lines

    assert any("Rwanda (RWA)" in line and "not scored" in line for line in summary_lines(record))
