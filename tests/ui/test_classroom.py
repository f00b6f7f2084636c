"""A class on one machine, through the real window loop (dummy video driver): hand-offs between seats,
the room's view between private turns, privacy, the record at the end, and a session that survives the
machine dying mid-phase."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import textwrap

import pygame
import pytest

from councilgame import catalogue
from councilgame.classroom.roster import Student
from councilgame.classroom.session import ClassSession, assign
from councilgame.session.view import PUBLIC
from councilgame.ui.pilot import Pilot
from councilgame.ui.play import Play, autosave_path, resume
from councilgame.ui.scenes.flow import open_game
from ui.drawn import Drawn, drawing

from conftest import MINI_FILE, ROOT

SEATS = ["FRA", "NZL", "NGA", "hrw"]  # two elected members, a permanent one and an NGO
STUDENTS = [Student("Amira", "Blue"), Student("Ben", "Blue"), Student("Chloé", "Red"), Student("Dmitri", "Green"),
            Student("Eve", "Gold")]
STEPS = 600  # more than a three-round lesson of four seats takes: a loop that finds nothing ends


def class_play(minutes: int = 45, seed: int = 3) -> Play:
    case = catalogue.by_id("rwanda_1994")
    plan = ClassSession(case=case.id, minutes=minutes, seats=assign(SEATS, STUDENTS)).with_pin("2468")
    return Play.start_class(case, plan, seed)


@pytest.fixture
def pilot(monkeypatch):
    yield from drawing(monkeypatch)


def name(pilot: Pilot) -> str:
    return type(pilot.scene).__name__


def confirm(pilot: Pilot) -> None:
    """Answer a dialog with its choice that goes on (its other choice keeps the player where they were)."""
    labels = pilot.labels()
    pilot.click(next(label for label in reversed(labels) if label not in ("Not yet", "Back", "Stay")))


def private_words(play: Play, seat: str) -> list[str]:
    """What only seat may see: its brief, and what it said or was told in private."""
    case = play.case
    brief = case.scenario.profiles[seat].brief if seat in case.scenario.profiles else \
        next(a.brief for a in case.scenario.actors if a.id == seat)
    words = [brief.interests, brief.success] if brief else []
    words += [e.text for e in play.game.state.exchanges if e.target != PUBLIC and seat in (e.seat, e.target)]
    return [w[:40] for w in words if len(w) >= 20]


def play_session(pilot: Pilot, play: Play, on_private=None) -> dict[str, int]:
    """Play the session to the debrief through window input as a class would: each seat takes its turn
    after a hand-off (a member asks one member for its vote, then votes); the room's view passes on."""
    open_game(pilot.app.stack, play)
    pilot.settle()
    counts = {"HandoffScene": 0, "ProjectorScene": 0}
    for _ in range(STEPS):
        scene = name(pilot)
        counts[scene] = counts.get(scene, 0) + 1
        labels = pilot.labels()
        if scene == "DebriefScene":
            return counts
        if scene == "MessageScene":
            confirm(pilot)
        elif scene == "HandoffScene":
            Drawn.seen = []  # what the next seat's screens draw, from here on
            assert not any(w in " ".join(pilot.labels()) for w in private_words(play, play.pending[0]))
            pilot.click(labels[0])
        elif scene == "ProjectorScene":
            pilot.click(labels[-1])
        elif scene == "ConsequencesScene":
            pilot.frames(100)
            pilot.click(labels[-1])
        elif "Done: pass on" in labels:
            game = play.game
            if scene == "ChamberScene" and game.is_member(play.seat) and "Consult a member" in labels \
                    and not any(e.seat == play.seat for e in game.view(play.seat).exchanges):
                pilot.click("Consult a member")
                pilot.click("Ask for its vote")
                pilot.click("Back to chamber")
            if scene == "VoteScene" and game.is_member(play.seat) and play.seat not in game.state.votes:
                choice = next((c for c in ("Abstain", "Assent") if c in pilot.labels()), None)
                if choice:
                    pilot.click(choice)
            if on_private is not None:
                on_private(play)
            pilot.click("Done: pass on")
            confirm(pilot)
        else:
            raise AssertionError(f"stuck on {scene}: {labels}")
    raise AssertionError("the session did not reach the debrief")


def test_a_class_of_four_seats_plays_to_the_debrief_by_hand_offs_and_leaves_a_record(pilot, tmp_path):
    from councilgame.cli import main

    play = class_play()
    counts = play_session(pilot, play)
    game = play.game
    assert game.state.ended and not game.faults
    rounds_played = game.rounds - len(game.told)
    assert counts["HandoffScene"] >= rounds_played * len(SEATS)  # every seat read its brief in every round
    members = [s for s in SEATS if s in game.case.members_on(game.case.start)]
    for seat in members:  # every member asked for a vote and voted in every round it played
        moves = [e for e in game.log if e.seat == seat]
        assert {e.round for e in moves if e.action.type == "vote"} == set(range(game.rounds)) - set(game.told)
        assert any(e.action.type == "lobby" for e in moves)
    save = autosave_path()
    data = json.loads(save.read_text())
    assert data["classroom"]["seats"]["FRA"]["students"] == ["Amira", "Ben"]
    out = tmp_path / "record"
    assert main(["report", str(save), "--json", str(out) + ".json", "--csv", str(out) + ".csv",
                 "--pdf", str(out) + ".pdf"]) == 0
    from councilgame.record.schema import Report

    text = (tmp_path / "record.json").read_text()
    Report.model_validate_json(text)  # the record is what its published schema says
    record = json.loads(text)
    with open(tmp_path / "record.csv", newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    logged = [e for e in game.log if e.seat in SEATS]
    assert len(rows) == len(logged) and {r["seat"] for r in rows} <= set(SEATS)
    with open(tmp_path / "record.seats.csv", newline="", encoding="utf-8-sig") as f:
        assert {r["seat"] for r in csv.DictReader(f)} == set(SEATS)
    held = {s["seat"]: s["holder"] for s in record["sessions"][0]["seats"] if s["holder"]["held_by"] != "computer"}
    assert set(held) == set(SEATS) and held["FRA"]["students"] == ["Amira", "Ben"]
    pdf = (tmp_path / "record.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pdf.startswith(b"%PDF") and pages >= len(SEATS) + 1  # a page (or more) a seat, then the summary


def test_while_a_seat_plays_no_text_of_another_seat_s_brief_or_private_words_is_drawn(pilot):
    play = class_play()
    checked: list[str] = []

    def nothing_of_the_others(play: Play) -> None:
        pilot.frames(2)
        screen = " ".join(Drawn.seen)
        # A stock answer ("We already support this text.") may have been said to this seat too.
        its_own = {e.text[:40] for e in play.game.view(play.seat).exchanges}
        for other in SEATS:
            if other != play.seat:
                for words in set(private_words(play, other)) - its_own:
                    assert words not in screen, f"{other}'s private words on {play.seat}'s screen"
        checked.append(play.seat)

    play_session(pilot, play, nothing_of_the_others)
    assert set(checked) == set(SEATS)


def test_a_session_killed_mid_phase_resumes_with_every_seat_turn_and_move(tmp_path, private_home):
    """A child process starts the session, France lobbies and ends its turn, New Zealand takes the
    laptop, the instructor cuts and pauses the clock; then the process is killed outright. Continue
    restores all of it."""
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(tmp_path)!r})
        from councilgame.session import actions as act
        from test_classroom_child import class_play  # noqa
        play = class_play()
        play.advance()  # the briefing ends: every seat read its brief (as the console may end a phase)
        play.hand_to("FRA")
        play.act(act.Lobby(seat="FRA", target="NGA"))
        play.end_turn()
        play.hand_to("NZL")
        play.timer.cut(30)  # the instructor cut the clock and paused it
        play.timer.paused = True
        play.autosave()
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    (tmp_path / "test_classroom_child.py").write_text(textwrap.dedent('''
        from councilgame import catalogue
        from councilgame.classroom.roster import Student
        from councilgame.classroom.session import ClassSession, assign
        from councilgame.ui.play import Play


        def class_play():
            case = catalogue.by_id("rwanda_1994")
            students = [Student("Amira", "Blue"), Student("Ben", "Blue"), Student("Chloé", "Red")]
            plan = ClassSession(case=case.id, minutes=45, seats=assign(["FRA", "NZL", "NGA"], students)).with_pin("2468")
            return Play.start_class(case, plan, 3)
    '''))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120, cwd=ROOT,
                            env={**os.environ, "COUNCILGAME_HOME": str(private_home)})
    assert result.returncode == -9, result.stderr.decode()[-2000:]
    back = resume()
    assert back.session is not None and back.session.checks("2468")
    assert back.session.seats["FRA"].students == ["Amira", "Ben"]
    assert back.game.state.phase.value == "consultations"
    assert back.done == ["FRA"] and back.active == "NZL" and back.seat == "NZL"
    assert [e.action.type for e in back.game.log if e.seat == "FRA"] == ["lobby"]
    assert back.game.state.capital["FRA"] < back.game.state.capital["NZL"]
    assert back.timer is not None and back.timer.paused
    assert back.timer.left == back.session.timers["consultations"] - 30


@pytest.mark.parametrize("size", [100, 150, 200])
def test_the_hand_off_and_the_room_s_view_hold_their_text_at_every_size(size):
    from councilgame.ui import inspect
    from councilgame.ui.scenes.handoff import HandoffScene, ProjectorScene

    play = class_play()
    pilot = Pilot()
    try:
        pilot.app.ctx.settings.text_size = size
        open_game(pilot.app.stack, play)
        pilot.settle()
        pilot.click("I am ready")  # Rwanda's content note, before anything else
        assert isinstance(pilot.scene, HandoffScene)
        assert inspect.problems(pilot.scene) == []
        play.done = list(play.turns[:-1])  # all but the last have read their briefs
        pilot.app.stack.replace(ProjectorScene(play))
        pilot.settle()
        assert inspect.problems(pilot.scene) == [] and "Pass to Human Rights Watch" in pilot.labels()
    finally:
        pilot.close()


def test_the_console_takes_a_phase_back_and_a_seat_taken_over_has_no_turn():
    from councilgame.session import actions as act

    play = class_play()
    play.advance()  # to the consultations
    play.hand_to("FRA")
    assert play.act(act.Lobby(seat="FRA", target="CHN")) is None
    play.end_turn()
    assert "FRA" not in play.pending
    assert play.take_back_phase() >= 1
    assert "FRA" in play.pending and not any(e.seat == "FRA" for e in play.game.log)  # its turn comes again
    assert play.chair(act.Hold(target="NGA", person=False)) is None
    assert "NGA" not in play.pending and not play.game.is_human("NGA")
    back = resume()
    assert back.game.people == play.game.people and back.pending == play.pending


def open_console_with(pilot: Pilot, pin: str) -> None:
    pilot.key(pygame.K_ESCAPE)
    pilot.click("Instructor console")
    assert name(pilot) == "PinScene"
    pilot.click("PIN")
    pilot.type_text(pin)
    pilot.key(pygame.K_RETURN)


def test_the_console_is_behind_the_pin_and_shows_every_seat_and_changes_the_lesson(pilot):
    from councilgame.session import actions as act
    from councilgame.ui.scenes.console import seat_line

    play = class_play()
    play.advance()  # to the consultations
    play.hand_to("FRA")
    play.act(act.Lobby(seat="FRA", target="CHN"))
    play.end_turn()
    open_game(pilot.app.stack, play)
    pilot.settle()
    open_console_with(pilot, "1111")
    assert name(pilot) == "PinScene" and "not this session's PIN (1 wrong)" in " ".join(Drawn.seen)
    assert "1111" not in " ".join(Drawn.seen)  # typed as dots
    pilot.click("PIN")
    pilot.type_text("2468")
    pilot.key(pygame.K_RETURN)
    assert name(pilot) == "ConsoleScene"
    lines = {seat: seat_line(play, seat) for seat in SEATS}
    assert "1 move this round" in lines["FRA"] and "turn done" in lines["FRA"] and "capital 5" in lines["FRA"]
    assert "has not had its turn" in lines["NZL"]
    pilot.click("Pause the clock")
    assert play.timer is not None and play.timer.paused and "Resume the clock" in pilot.labels()
    pilot.click("Hide the computer's reasons")
    assert not play.shows_reasons
    pilot.click("France (Blue")  # France's row
    confirm(pilot)  # "Give France to the computer?"
    assert not play.game.is_human("FRA") and "France (computer)" in seat_line(play, "FRA")
    pilot.click("Export the record so far")
    assert "Written to" in " ".join(str(getattr(x, "text", "")) for x in pilot.scene.widgets)
    record = json.loads((autosave_path().parent / "records" / "class_rwanda_1994.json").read_text())
    assert record["sessions"][0]["rounds_played"] >= 1
    pilot.click("OK")
    pilot.click("Take back this phase")
    confirm(pilot)  # it asks first
    confirm(pilot)  # and says how many moves went
    assert not any(e.seat == "FRA" and e.action.type == "lobby" for e in play.game.log)
    assert play.game.is_human("FRA")  # the take-over was a move of this phase too: it went with the rest
    pilot.click("End the phase now")
    confirm(pilot)
    pilot.settle()
    assert play.game.state.phase.value == "drafting" and name(pilot) in ("HandoffScene", "ProjectorScene")
    assert [type(s).__name__ for s in pilot.app.stack.scenes][-2:] in (["TitleScene", "HandoffScene"],
                                                                       ["TitleScene", "ProjectorScene"])


def test_with_the_reasons_hidden_a_seat_sees_how_a_member_leans_but_not_why(pilot):
    from councilgame.ui.scenes.consult import HIDDEN_REASONS, ConsultScene

    play = class_play()
    play.advance()
    session = play.session
    assert session is not None
    play.session = session.model_copy(update={"options": session.options.model_copy(
        update={"show_computer_reasons": False})})
    play.hand_to("FRA")
    pilot.app.stack.play = play
    pilot.app.stack.push(ConsultScene(play, "CHN"))
    pilot.settle()
    shown = " ".join(str(getattr(x, "text", "")) for x in pilot.scene.widgets)
    assert HIDDEN_REASONS in shown and play.game.reasons("CHN").sentence not in shown


def test_the_phase_clock_runs_on_every_game_screen_and_stops_when_paused(pilot):
    play = class_play()
    open_game(pilot.app.stack, play)
    pilot.settle()
    pilot.click("I am ready")
    assert play.timer is not None
    start = play.timer.left
    pilot.frames(5, seconds=1.0)
    assert play.timer.left == start - 5
    assert play.timer.shown() in Drawn.seen  # drawn on the hand-off, with no rebuild of the screen
    play.timer.paused = True
    pilot.frames(5, seconds=1.0)
    assert play.timer.left == start - 5


def test_f2_opens_the_console_s_pin_from_any_screen_of_a_session_and_nowhere_else(pilot):
    play = class_play()
    open_game(pilot.app.stack, play)
    pilot.settle()
    pilot.key(pygame.K_F2)  # over the content note, even
    assert name(pilot) == "PinScene"
    pilot.key(pygame.K_F2)
    assert [type(s).__name__ for s in pilot.app.stack.scenes].count("PinScene") == 1
    pilot.key(pygame.K_ESCAPE)
    pilot.app.stack.play = Play.start(catalogue.by_id("rwanda_1994"), "FRA", 1)  # a game of one player
    pilot.key(pygame.K_F2)
    assert name(pilot) != "PinScene"


def test_a_seat_says_its_statement_and_its_reason_in_its_own_words_and_the_console_adds_news(pilot):
    play = class_play()
    play.advance()  # to the consultations
    play.hand_to("NZL")
    open_game(pilot.app.stack, play)
    pilot.settle()
    pilot.click("Consult a member")
    pilot.click("Statement: protect civilians")
    assert name(pilot) == "WordsScene"
    pilot.type_text("New Zealand will not abandon the people sheltering with UNAMIR.")
    pilot.click("Make the statement")
    said = [e.text for e in play.game.state.exchanges if e.seat == "NZL"]
    assert said == ["Public statement: New Zealand will not abandon the people sheltering with UNAMIR."]
    assert play.game.log[-1].action.text is not None  # in the log, so in the record
    pilot.key(pygame.K_F2)
    pilot.click("PIN")
    pilot.type_text("2468")
    pilot.key(pygame.K_RETURN)
    pilot.click("Add news in your words")
    pilot.type_text("Radio reports roadblocks across Kigali.")
    pilot.click("Add the news")
    assert play.game.view().feed[-1].text.startswith("Radio reports roadblocks across Kigali.")
    while play.game.state.phase.value != "vote":
        play.end_phase_now()
        play.advance()
    play.hand_to("NZL")
    pilot.click("Back to the lesson")
    pilot.click("Yes")
    pilot.click("Say why, for the record")
    pilot.type_text("Civilians first.")
    pilot.click("Keep this reason")
    assert play.game.state.vote_reasons["NZL"] == "Civilians first." and "Change your reason" in pilot.labels()


def test_leaving_a_session_asks_for_the_pin(pilot):
    play = class_play()
    open_game(pilot.app.stack, play)
    pilot.settle()
    pilot.click("I am ready")
    pilot.key(pygame.K_ESCAPE)
    pilot.click("Save and leave to the title")
    assert name(pilot) == "PinScene" and "End the lesson" in " ".join(Drawn.seen)
    pilot.click("PIN")
    pilot.type_text("2468")
    pilot.key(pygame.K_RETURN)
    assert name(pilot) == "MessageScene" and "Leave" in pilot.labels()


def test_an_advanced_briefing_adds_the_advisers_reading_and_the_room_counts_votes_without_showing_them(pilot):
    from councilgame.ui.scenes.briefing import BriefingScene, advisers_reading
    from councilgame.ui.scenes.handoff import ProjectorScene

    play = class_play()
    session = play.session
    assert session is not None
    play.session = session.model_copy(update={"options": session.options.model_copy(update={"advanced_briefings": True})})
    play.hand_to("FRA")
    pilot.app.stack.play = play
    pilot.app.stack.push(BriefingScene(play))
    pilot.settle()
    reading = advisers_reading(play)
    assert reading.startswith("Your advisers' reading") and reading in " ".join(
        str(getattr(x, "text", "")) for x in pilot.scene.widgets)
    while play.game.state.phase.value != "vote":
        play.end_phase_now()
        play.advance()
    from councilgame.council.procedure import Vote
    from councilgame.session import actions as act

    play.hand_to("FRA")
    play.act(act.CastVote(seat="FRA", vote=Vote.no))
    play.end_turn()
    pilot.app.stack.push(ProjectorScene(play))
    pilot.settle()
    shown = " ".join(str(getattr(x, "text", "")) for x in pilot.scene.widgets)
    assert "Votes cast: 1 of 3 seats" in shown and "France: no" not in shown and " no." not in shown


def test_the_clock_keeps_clear_of_the_turn_s_done_button_and_of_every_screen_s_content():
    from councilgame.ui.scenes.base import CLOCK_RECT
    from councilgame.ui.scenes.flow import DONE_RECT

    clock = pygame.Rect(CLOCK_RECT)
    assert not clock.colliderect(pygame.Rect(DONE_RECT)) and clock.bottom <= 76


def test_on_a_seat_s_turn_its_phase_button_asks_whether_it_is_done_not_whether_to_end_the_phase(pilot):
    play = class_play()
    play.advance()  # the consultations
    play.hand_to("FRA")
    open_game(pilot.app.stack, play)
    pilot.settle()
    pilot.click("To drafting")
    assert name(pilot) == "MessageScene" and "Done?" in " ".join(Drawn.seen)
    assert "End the consultations?" not in " ".join(Drawn.seen)
    confirm(pilot)
    assert play.game.state.phase.value == "consultations" and "FRA" in play.done


def test_the_console_can_bring_in_every_development_a_round_holds_back_not_only_the_first(pilot, tmp_path):

    from councilgame.session.actions.console import held_back
    from councilgame.ui.scenes.console import HeldBackScene

    waiting_news = "".join(f'\n      - {{date: 2011-02-0{3 + k}, kind: briefing, text: "Held back {k}.", sources: [s1], '
                           "when: \"adopted('icc_referral')\"}" for k in range(4))
    text = MINI_FILE.read_text().replace(
        'text: "An NGO reports attacks.", sources: [s1], actor: watch}',
        'text: "An NGO reports attacks.", sources: [s1], actor: watch}' + waiting_news, 1)
    (tmp_path / "held.yaml").write_text(text)
    case = catalogue.load(tmp_path / "held.yaml")
    plan = ClassSession(case=case.id, minutes=45, seats=assign(["FRA"], STUDENTS[:1])).with_pin("2468")
    play = Play.start_class(case, plan, 2)
    play.end_phase_now()
    play.advance()  # the consultations of round one
    assert len(held_back(play.game)) == 4  # none of them followed: nobody referred anything to the ICC
    pilot.app.stack.play = play
    pilot.app.stack.push(HeldBackScene(play, on_done=lambda: None))
    pilot.settle()
    assert [label for label in pilot.labels() if "Held back" in label] == \
        [f"2011-02-0{3 + k}: Held back {k}." for k in range(4)]
    pilot.click("2011-02-06: Held back 3.")  # the fourth: past what the console once offered
    assert play.game.view().feed[-1].text == "Held back 3." and len(held_back(play.game)) == 3


@pytest.mark.parametrize("size", [100, 200])
def test_the_console_lists_every_seat_of_a_class_of_thirty_on_fifteen_seats(size):
    from councilgame.ui import inspect
    from councilgame.ui.scenes.console import ConsoleScene

    case = catalogue.by_id("rwanda_1994")
    seats = list(case.members_on(case.start))
    students = [Student(f"Student {i}", f"Team {i % 15}") for i in range(30)]
    play = Play.start_class(case, ClassSession(case=case.id, minutes=45, seats=assign(seats, students)).with_pin("1357"),
                            1)
    pilot = Pilot()
    try:
        pilot.app.ctx.settings.text_size = size
        pilot.app.stack.play = play
        pilot.app.stack.push(ConsoleScene(play))
        pilot.settle()
        reached = set()
        for _ in range(40):  # every seat's row can be reached, page by page
            reached |= {label.split(" (")[0] for label in pilot.labels() if "capital" in label}
            if "More seats" not in pilot.labels():
                break
            pilot.click("More seats")
        assert reached == {play.name_of(s) for s in seats}
        assert inspect.problems(pilot.scene) == []
    finally:
        pilot.close()
