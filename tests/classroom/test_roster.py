"""A roster from the teacher's spreadsheet: names and teams read back, hostile cells made harmless,
every problem named with its line."""

from __future__ import annotations

import random

import pytest

from councilgame.classroom.roster import MAX_STUDENTS, NAME_LENGTH, RosterError, Student, parse_roster, read_roster
from councilgame.classroom.session import ClassSession, assign, teams_of


def test_a_roster_with_a_header_in_any_order_reads_names_and_teams(tmp_path):
    path = tmp_path / "class.csv"
    path.write_bytes("\ufeffTeam;Name\nBlue;Amira Haddad\nBlue;Ben O'Neill\n;Chloé Martin\n".encode("utf-8"))
    assert read_roster(path) == [Student("Amira Haddad", "Blue"), Student("Ben O'Neill", "Blue"), Student("Chloé Martin")]


def test_a_roster_without_a_header_is_name_then_team_and_a_windows_file_reads(tmp_path):
    path = tmp_path / "class.csv"
    path.write_bytes("Zoë,Red\nYusuf,Red\n".encode("cp1252"))
    assert read_roster(path) == [Student("Zoë", "Red"), Student("Yusuf", "Red")]


def test_hostile_cells_lose_their_control_characters_and_length():
    [student] = parse_roster("name,team\n\u202eevil\x1b[2J" + "x" * 500 + ",\tteam\x00\n")
    assert "\u202e" not in student.name and "\x1b" not in student.name and len(student.name) == NAME_LENGTH
    assert student.team == "team"


@pytest.mark.parametrize("text, message", [
    ("", "no students"),
    ("name,team\nAmira,Blue\n,Blue\n", "roster:3: no name"),
    ("name\nAmira\namira\n", "roster:3: amira is listed twice"),
    ("name\n" + "".join(f"s{i}\n" for i in range(MAX_STUDENTS + 1)), "at most"),
])
def test_a_bad_roster_says_what_and_where(text, message):
    with pytest.raises(RosterError, match=message):
        parse_roster(text)


def test_teams_share_seats_when_there_are_more_teams_than_seats_and_nobody_is_left_out():
    students = [Student(f"s{i}", f"team{i % 10}") for i in range(30)]
    held = assign(["FRA", "RUS", "USA", "CHN"], students, shuffle=random.Random(3))
    assert sorted(n for h in held.values() for n in h.students) == sorted(s.name for s in students)
    assert len(held) == 4 and all(" & " in h.team for h in held.values())  # ten teams on four seats
    assert teams_of([Student("a"), Student("b")]) == {"a": ["a"], "b": ["b"]}  # no teams: each alone


def test_the_pin_guards_and_is_not_kept_in_clear():
    session = ClassSession(case="rwanda_1994", minutes=60, seats={}).with_pin("4821", random.Random(1))
    assert session.checks("4821") and not session.checks("4822") and not session.checks("")
    assert "4821" not in session.model_dump_json()
    with pytest.raises(ValueError, match="digits"):
        session.with_pin("12a4")


def test_a_session_s_plan_travels_in_its_save_and_comes_back_whole(tmp_path):
    from councilgame import catalogue
    from councilgame.classroom.session import SessionDamaged, from_saved
    from councilgame.session import saves
    from councilgame.session.game import Game

    case = catalogue.by_id("rwanda_1994")
    rounds, told = case.lesson(45)
    students = [Student("Amira", "Blue"), Student("Ben", "Blue"), Student("Chloé", "Red")]
    plan = ClassSession(case=case.id, minutes=45, seats=assign(["FRA", "NZL"], students)).with_pin("2468")
    game = Game(case, 5, seats=tuple(plan.seats), rounds=rounds, told=told)
    game.advance()
    saves.write(game, tmp_path / "class.json", plan.model_dump(mode="json"))
    loaded = saves.load(tmp_path / "class.json", catalogue.by_id)
    back = from_saved(loaded.classroom)
    assert back == plan and back.checks("2468") and loaded.game.seats == ("FRA", "NZL")
    assert back.seats["FRA"].students == ["Amira", "Ben"] and back.seats["FRA"].label == "Blue: Amira, Ben"
    with pytest.raises(SessionDamaged, match="minutes"):
        from_saved({**loaded.classroom, "minutes": 50}, "class.json")
    assert saves.load(tmp_path / "class.json", catalogue.by_id).game.state.phase == game.state.phase


def test_a_phase_timer_counts_down_pauses_extends_and_cuts_and_says_so():
    from councilgame.classroom.timer import STEP_SECONDS, PhaseTimer

    timer = PhaseTimer.of(125)
    assert timer.shown() == "2:05 left"
    assert timer.tick(0.5) is False and timer.tick(0.6) is True and timer.shown() == "2:04 left"
    timer.paused = True
    assert timer.tick(30) is False and timer.shown() == "paused, 2:04 left"
    timer.paused = False
    timer.extend()
    assert timer.seconds_shown == 124 + STEP_SECONDS
    timer.cut(10_000)
    assert timer.up and timer.shown() == "time is up" and timer.tick(1) is False


def test_a_shuffled_small_class_does_not_always_sit_at_the_first_seats_listed():
    seats = ["CHN", "FRA", "RUS", "GBR", "USA", "ARG", "BRA", "NGA", "NZL", "OMN"]
    students = [Student("Amira", "Blue"), Student("Ben", "Red")]
    chosen = {frozenset(assign(seats, students, shuffle=random.Random(seed))) for seed in range(20)}
    assert len(chosen) > 5 and any(not seat_set & {"CHN", "FRA"} for seat_set in chosen)
    assert set(assign(seats, students)) == {"CHN", "FRA"}  # in order when not shuffled
