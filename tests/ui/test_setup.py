"""The classroom set-up screen and the text field it is typed into, driven through the real loop with
synthetic keys, clicks and typed text (dummy video driver)."""

from __future__ import annotations

import random

import pygame
import pytest

from councilgame import catalogue
from councilgame.classroom.roster import Student
from councilgame.classroom.session import DEFAULT_TIMERS, assign
from councilgame.ui import inspect
from councilgame.ui import widgets as w
from councilgame.ui.intents import Edit, Input, Intent
from councilgame.ui.pilot import Pilot
from councilgame.ui.scenes.setup import STEPS, ClassSetupScene, seats_of, shuffle_seed
from ui.drawn import Drawn, drawing

ROSTER = "name,team\nAmira Haddad,Blue\nBen Okafor,Blue\nChloé Martin,Red\nDaniel Kim,\n"


@pytest.fixture
def drawn(monkeypatch):
    yield from drawing(monkeypatch)


def name(scene) -> str:
    return type(scene).__name__


def open_setup(pilot: Pilot, case_title: str = "Rwanda, 1994") -> ClassSetupScene:
    pilot.click("Classroom")
    assert name(pilot.scene) == "ClassSetupScene"
    while not any(label.startswith(case_title) for label in pilot.labels()):
        pilot.click("More cases")
    pilot.click(case_title)
    return pilot.scene


def to_step(pilot: Pilot, step: int) -> None:
    pilot.click(STEPS[step])
    assert pilot.scene.step == step


def type_into(pilot: Pilot, label: str, text: str) -> None:
    pilot.click(label)
    assert pilot.scene.focused is pilot.find(label)
    pilot.type_text(text)


def test_a_teacher_sets_up_a_rwanda_session_from_a_roster_shuffles_and_starts_it(pilot, tmp_path):
    roster = tmp_path / "class 3A.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    scene = open_setup(pilot)
    pilot.click("60 minutes")
    assert any(x.text == "Plays 4 rounds, none told" for x in scene.widgets if isinstance(x, w.TextBlock))
    pilot.click("Next")
    type_into(pilot, "Roster file", f'"{roster}"')  # as "Copy as path" gives it, in quotes
    pilot.key(pygame.K_RETURN)  # Enter in the field imports
    assert name(pilot.scene) == "ClassSetupScene"  # the path's letters typed; S and G opened nothing
    assert [s.name for s in scene.students] == ["Amira Haddad", "Ben Okafor", "Chloé Martin", "Daniel Kim"]
    assert "Imported 4 students from class 3A.csv" in scene.status
    pilot.click("Next")
    pilot.click("Shuffle")
    case = catalogue.by_id("rwanda_1994")
    members = [code for code, _ in seats_of(case, every_seat=False)]
    expected = assign(members, scene.students, shuffle=random.Random(shuffle_seed("rwanda_1994", 1)))
    assert scene.holders == expected and len(expected) == 3  # Blue shares a seat; Chloé and Daniel alone
    to_step(pilot, 4)
    type_into(pilot, "PIN", "2468")
    pilot.key(pygame.K_RETURN)  # on to the second field
    assert pilot.scene.focused is pilot.find("PIN again")
    pilot.type_text("2468")
    assert scene.problems() == []
    pilot.click("Start the session")
    pilot.settle()
    session = scene.session
    assert session is not None and session.case == "rwanda_1994" and session.minutes == 60
    assert session.seats == {code: expected[code] for code in members if code in expected}
    assert sorted(n for held in session.seats.values() for n in held.students) == sorted(s.name for s in scene.students)
    assert session.timers == DEFAULT_TIMERS and session.checks("2468") and not session.checks("2467")
    play = pilot.app.stack.play
    assert play is not None and play.case.id == "rwanda_1994" and play.session == session
    assert set(play.game.seats) == set(session.seats)


def test_two_different_pins_stop_the_session_and_say_why(pilot, tmp_path):
    scene = open_setup(pilot)
    to_step(pilot, 1)
    type_into(pilot, "Name", "Amira Haddad")
    pilot.key(pygame.K_RETURN)
    to_step(pilot, 2)
    pilot.click("In order")
    to_step(pilot, 4)
    type_into(pilot, "PIN", "1234")
    type_into(pilot, "PIN again", "1243")
    assert any(getattr(x, "text", "") == "The two PINs differ." for x in pilot.scene.widgets)
    pilot.click("Start the session")
    assert name(pilot.scene) == "MessageScene" and pilot.scene.heading == "Not ready to start"
    assert "The two PINs differ" in pilot.scene.body and pilot.app.stack.play is None
    pilot.click("OK")
    pilot.click("PIN again")
    for _ in range(2):
        pilot.key(pygame.K_BACKSPACE)
    pilot.type_text("34")
    assert scene.pin_again.text == "1234" and scene.problems() == []


def test_a_session_with_no_seat_held_or_no_pin_does_not_start(pilot):
    open_setup(pilot)
    to_step(pilot, 4)
    pilot.click("Start the session")
    body = pilot.scene.body
    assert "No students yet" in body and "Set a PIN" in body and pilot.app.stack.play is None


def test_a_bad_roster_is_said_on_screen_with_its_line(pilot, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("name,team\nAmira,Blue\nBen,Red\namira,Green\n", encoding="utf-8")
    scene = open_setup(pilot)
    to_step(pilot, 1)
    type_into(pilot, "Roster file", str(roster))
    pilot.click("Import")
    assert scene.status == "roster.csv:4: amira is listed twice" and scene.status_colour == "no"
    assert any(getattr(x, "text", "") == scene.status for x in pilot.scene.widgets)  # shown, not only kept
    assert scene.students == []
    pilot.click("Roster file")
    pilot.key(pygame.K_END)
    pilot.type_text(".missing")
    pilot.click("Import")
    assert scene.status.startswith("roster.csv.missing: cannot read it")


def test_typed_students_are_seated_by_hand_and_two_teams_share_a_seat(pilot):
    scene = open_setup(pilot)
    to_step(pilot, 1)
    for student, team in (("Amira", "Blue"), ("Ben", "Blue"), ("Chloé", "Red")):
        type_into(pilot, "Name", student)
        pilot.click("Team")
        pilot.key(pygame.K_HOME)
        for _ in range(10):
            pilot.key(pygame.K_DELETE)
        pilot.type_text(team)
        pilot.key(pygame.K_RETURN)  # Enter in the team's field adds the student
    assert scene.students == [Student("Amira", "Blue"), Student("Ben", "Blue"), Student("Chloé", "Red")]
    to_step(pilot, 2)
    pilot.click("Blue: Amira, Ben")
    pilot.click("France")
    assert scene.holders["FRA"].students == ["Amira", "Ben"]
    assert scene.chosen_team == "Red"  # the next team without a seat is chosen
    pilot.click("France")
    assert scene.holders["FRA"].team == "Blue & Red" and scene.holders["FRA"].students == ["Amira", "Ben", "Chloé"]
    pilot.click("Computer")
    pilot.click("France")
    assert scene.holders == {}
    assert any(p.startswith("No seat has students yet") for p in scene.problems())


def test_a_text_field_types_edits_stops_at_its_length_and_drops_control_characters(pilot):
    ctx = pilot.app.ctx
    field = w.TextInput((10, 10, 300, 44), "Name", max_length=8)
    field.layout(ctx)

    def send(intent: Intent, text: str = "", edit: Edit | None = None) -> None:
        assert field.handle(Input(intent, text=text, edit=edit), ctx)

    send(Intent.TYPE, "Ab\x1b[2Jc\u202ed")  # an escape sequence and a direction override, pasted
    assert field.text == "Ab[2Jcd"
    send(Intent.EDIT, edit=Edit.BACKSPACE)
    send(Intent.EDIT, edit=Edit.HOME)
    send(Intent.EDIT, edit=Edit.DELETE)
    assert field.text == "b[2Jc" and field.caret == 0
    send(Intent.EDIT, edit=Edit.END)
    send(Intent.TYPE, "12345")
    assert field.text == "b[2Jc123" and len(field.text) == field.max_length
    send(Intent.EDIT, edit=Edit.LEFT)
    send(Intent.TYPE, "\n\t")
    assert field.text == "b[2Jc123" and field.caret == 7
    assert not field.handle(Input(Intent.ACTIVATE), ctx)  # no on_submit: Enter is the screen's


def test_a_long_line_scrolls_under_the_caret_and_never_runs_out_of_its_box(pilot):
    ctx = pilot.app.ctx
    field = w.TextInput((10, 10, 200, 44), "Path")
    field.layout(ctx)
    field.set_text("/home/teacher/Documents/classes/3A/roster-of-the-autumn-term.csv")
    drawn = field._lines[0]
    assert field.text.endswith(drawn) and drawn != field.text
    assert field._font.size(drawn)[0] <= 200 - 2 * w.FIELD_PAD
    assert inspect.problems(type("Screen", (), {"widgets": [field]})()) == []
    for _ in range(len(field.text)):
        field.handle(Input(Intent.EDIT, edit=Edit.LEFT), ctx)
    assert field._lines[0].startswith("/home/") and field.caret_rect().left == 10 + w.FIELD_PAD


def test_a_secret_field_draws_dots_and_never_a_digit(drawn):
    ctx = drawn.app.ctx
    field = w.TextInput((10, 10, 300, 44), "PIN", secret=True, accepts=str.isdigit, max_length=8)
    field.layout(ctx)
    field.handle(Input(Intent.TYPE, text="12a34"), ctx)
    assert field.text == "1234"
    Drawn.seen = []
    surface = pygame.Surface((400, 80))
    field.draw(surface, ctx, focused=True)
    assert Drawn.seen and all(set(text) <= {w.SECRET_DOT} for text in Drawn.seen)
    assert not any(ch.isdigit() for text in Drawn.seen for ch in text)


def test_the_pin_never_shows_on_the_screen_while_it_is_typed(drawn):
    open_setup(drawn)
    to_step(drawn, 4)
    Drawn.seen = []
    type_into(drawn, "PIN", "8642")
    type_into(drawn, "PIN again", "8642")
    drawn.frames(2)
    pairs = ("86", "64", "42")  # any two digits of it side by side
    assert w.SECRET_DOT * 4 in Drawn.seen and not any(pair in text for text in Drawn.seen for pair in pairs)


def test_keys_that_type_in_a_field_leave_escape_and_tab_to_the_focus_ring(pilot):
    scene = open_setup(pilot)
    to_step(pilot, 1)
    type_into(pilot, "Name", "Sig g")  # S opens the sources and G the glossary, anywhere but in a field
    assert name(pilot.scene) == "ClassSetupScene" and scene.name_field.text == "Sig g"
    pilot.key(pygame.K_LEFT)
    pilot.key(pygame.K_BACKSPACE)
    assert scene.name_field.text == "Sigg" and pilot.scene.focused is scene.name_field
    pilot.key(pygame.K_TAB)
    assert pilot.scene.focused is scene.team_field
    pilot.key(pygame.K_ESCAPE)  # a step back, whatever has the focus
    assert pilot.scene.step == 0
    assert pilot.app._typing is False  # the system's text input is off again away from a field


def test_leaving_the_set_up_asks_once_students_were_typed(pilot):
    open_setup(pilot)
    pilot.key(pygame.K_ESCAPE)
    assert name(pilot.scene) == "TitleScene"  # nothing typed yet: no question
    open_setup(pilot)
    to_step(pilot, 1)
    type_into(pilot, "Name", "Amira")
    pilot.key(pygame.K_RETURN)
    pilot.key(pygame.K_ESCAPE)
    pilot.key(pygame.K_ESCAPE)
    assert name(pilot.scene) == "MessageScene" and pilot.scene.heading == "Leave the set-up?"
    pilot.key(pygame.K_RETURN)  # the safe answer has the focus
    assert name(pilot.scene) == "ClassSetupScene" and len(pilot.scene.students) == 1


@pytest.mark.parametrize("size", (100, 150, 200))
def test_every_step_of_the_set_up_holds_its_text(pilot, tmp_path, size):
    roster = tmp_path / "roster.csv"
    roster.write_text("name,team\n" + "".join(f"Student number {i:02d},Team {'ABCDEFGH'[i % 8]}\n" for i in range(30)),
                      encoding="utf-8")
    pilot.app.ctx.settings.text_size = size
    pilot.app.stack.relayout()
    scene = open_setup(pilot, "Kosovo")
    found = []
    for step in range(len(STEPS)):
        to_step(pilot, step)
        if step == 1:
            type_into(pilot, "Roster file", str(roster))
            pilot.click("Import")
        if step == 2:
            pilot.click("Shuffle")
        if step == 4:
            type_into(pilot, "PIN", "123")
        found += [f"step {step + 1}: {p}" for p in inspect.problems(scene)]
    assert len(scene.students) == 30 and found == []
