"""The seat of a government whose forces committed the atrocities is played to understand the arguments
that were made: the seat screen says so, its own content note comes before play, its brief says what the
government sought and how history judged it, and its debrief shows no score and no goals met. For every
seat the debrief keeps the seat's result apart from the death toll, and shows the model's estimate of the
toll as a range, labelled, with its assumption. Read from the strings drawn (tests/ui/drawn.py)."""

from __future__ import annotations

import re

import pygame
import pytest

from councilgame import catalogue
from councilgame.classroom.roster import Student
from councilgame.classroom.session import ClassSession, assign
from councilgame.session import actions as act
from councilgame.ui.pilot import Pilot
from councilgame.ui.play import Play
from councilgame.ui.scenes.briefing import JUDGED, SOUGHT
from councilgame.ui.scenes.flow import open_game
from councilgame.ui.scenes.seats import PERPETRATOR_NOTE
from ui.drawn import Drawn, drawing

# A score out of 100, or success, said of the seat: what such a seat must never be shown.
SCORED = re.compile(r"/\s*100|\bof 100\b|\bsuccess\b", re.IGNORECASE)


@pytest.fixture
def pilot(monkeypatch):
    yield from drawing(monkeypatch)


def drawn(pilot: Pilot) -> str:
    """Every string the screen draws, as one text (a line each): built anew, since a widget draws a line once
    and keeps its image."""
    pilot.scene.enter()
    Drawn.seen = []
    pilot.app.stack.draw(pilot.app.screen)
    return "\n".join(Drawn.seen)


def played_to_the_end(case_id: str, seat: str, language: str = "en") -> Play:
    """A game of the case (in a language) from the seat, the computer playing every other, to its end (the
    seat's vote: the first it may cast)."""
    play = Play.start(catalogue.by_id(case_id, language), seat, 7)
    while not play.game.state.ended:
        if play.game.state.phase.value == "vote":
            choice = next((legal.action for legal in play.legal(act.CastVote) if legal.allowed), None)
            if choice is not None:
                play.act(choice)
        assert play.advance() is None
    return play


def debrief(pilot: Pilot, play: Play):
    from councilgame.ui.scenes.debrief import DebriefScene

    pilot.app.stack.push(DebriefScene(play))
    pilot.settle()
    return pilot.scene


@pytest.mark.parametrize("case_id, seat", [("syria", "syr_gov"), ("rwanda_1994", "RWA")])
def test_the_seat_screen_says_a_perpetrator_seat_is_played_to_understand_and_shows_no_success(pilot, case_id, seat):
    from councilgame.ui.scenes.seats import SeatScene

    pilot.app.stack.push(SeatScene(catalogue.by_id(case_id)))
    pilot.settle()
    scene = pilot.scene
    for _ in range(len(scene.seat_of)):
        if scene.described == seat:
            break
        pilot.key(pygame.K_RIGHT)
    assert scene.described == seat
    text = drawn(pilot)
    assert PERPETRATOR_NOTE in scene.detail.text and f"{SOUGHT}:" in scene.detail.text
    assert "What this government" in text and "has no score" in text
    assert not SCORED.search(scene.detail.text) and not SCORED.search(text)


def test_choosing_a_perpetrator_seat_shows_its_content_note_then_a_brief_of_what_it_sought(pilot):
    from councilgame.ui.scenes.seats import SeatScene

    case = catalogue.by_id("syria")
    brief = case.brief("syr_gov")
    pilot.app.stack.push(SeatScene(case))
    pilot.settle()
    pilot.scene._choose("syr_gov")()
    pilot.settle()
    assert pilot.scene.heading == "Content note"  # the case's own note comes first
    pilot.click("I am ready")
    assert pilot.scene.heading == "Before you play this seat"
    assert pilot.scene.body == brief.content_note
    pilot.click("I am ready")
    assert type(pilot.scene).__name__ == "BriefingScene"
    private = next(x.text for x in pilot.scene.widgets if getattr(x, "text", "").startswith("Your interests"))
    assert f"{SOUGHT}: {brief.success}" in private and f"{JUDGED}: {brief.judged}" in private
    assert "Success" not in private
    assert "What this government sought" in drawn(pilot)
    pilot.key(pygame.K_s)  # the sources of the round, and of how history judged the seat
    assert set(brief.judged_sources) <= set(pilot.scene.ids)


def test_a_member_seat_s_brief_still_says_what_success_is(pilot):
    from councilgame.ui.scenes.seats import SeatScene

    pilot.app.stack.push(SeatScene(catalogue.by_id("syria")))
    pilot.settle()
    pilot.scene._choose("FRA")()
    pilot.settle()
    while type(pilot.scene).__name__ == "MessageScene":  # the case's content note; a member has none of its own
        pilot.click("I am ready")
    private = next(x.text for x in pilot.scene.widgets if getattr(x, "text", "").startswith("Your interests"))
    assert "Success for you: " in private and SOUGHT not in private


@pytest.mark.parametrize("case_id, seat", [("syria", "syr_gov"), ("rwanda_1994", "RWA"), ("darfur", "sudan_gov")])
def test_the_debrief_of_a_perpetrator_seat_shows_what_it_sought_and_how_history_judged_it_never_a_score(
        pilot, case_id, seat):
    play = played_to_the_end(case_id, seat)
    scene = debrief(pilot, play)
    brief = play.case.brief(seat)
    text = drawn(pilot)
    seat_panel = next(x for x in scene.widgets if getattr(x, "title", None) == "The government you played")
    panel_text = next(x.text for x in scene.widgets if getattr(x, "text", "").startswith(f"{SOUGHT}:"))
    assert seat_panel.rect.left > min(x.rect.left for x in scene.widgets if getattr(x, "title", None) == "What followed")
    assert f"{SOUGHT}: {brief.success}" in panel_text and f"{JUDGED}: {brief.judged}" in panel_text
    assert "What this game's Council did: " in panel_text and "it has no score" in panel_text
    assert not SCORED.search(text) and not SCORED.search(panel_text)
    assert not any(goal.text in text or goal.text in panel_text for goal in brief.goals)  # no goals met, or not
    assert "THE GOVERNMENT YOU PLAYED" in text and f"{SOUGHT}:" in text
    pilot.click(JUDGED)  # the panel read whole, in a tall dialog
    assert pilot.scene.heading == "The government you played" and pilot.scene.body == panel_text
    whole = drawn(pilot)
    assert f"{JUDGED}:" in whole and not SCORED.search(whole)


def test_a_scored_seat_s_result_says_what_it_is_and_stands_apart_from_what_followed(pilot):
    play = played_to_the_end("rwanda_1994", "NZL")
    scene = debrief(pilot, play)
    text = drawn(pilot)
    panels = {x.title: x for x in scene.widgets if type(x).__name__ == "Panel"}
    followed = panels["What followed"]
    seat_panel = panels["Your delegation's aims"]
    council = next(p for t, p in panels.items() if t.startswith("The Council"))
    # What followed, then the Council, then the seat: never the seat's result beside the toll.
    assert followed.rect.right < council.rect.left and council.rect.right < seat_panel.rect.left
    result = next(x.text for x in scene.widgets if getattr(x, "text", "").startswith("You got "))
    assert re.match(r"You got \d+ of 100 of what you sought \(your goals, weighted\): a measure of your "
                    r"negotiating, not of what followed\.\n", result)
    assert "/100" not in text and "YOUR DELEGATION'S AIMS" in text


@pytest.mark.parametrize("case_id, seat", [("rwanda_1994", "NZL"), ("syria", "syr_gov")])
def test_the_killed_estimate_is_a_range_labelled_a_model_estimate_with_its_assumption(pilot, case_id, seat):
    play = played_to_the_end(case_id, seat)
    scene = debrief(pilot, play)
    followed = next(x.text for x in scene.widgets if getattr(x, "text", "").startswith(
        play.case.scenario.outcomes[0].label))
    line = next(line for line in followed.splitlines() if "model estimate" in line)
    assert re.search(r"That toll, model estimate for your Council \(not a fact\): [\d,]+ to [\d,]+ people\.", line), line
    assert "It assumes the toll rises and falls in proportion to the model's harm index" in line
    assert re.search(r"did \d+% of the harm of the real course of events", line)
    low, high = (float(n.replace(",", "")) for n in re.findall(r"([\d,]+) to ([\d,]+) people", line)[0])
    assert 0 <= low < high
    assert "model estimate" in drawn(pilot)


def test_a_case_whose_deaths_came_before_its_rounds_shows_no_estimate_for_the_council(pilot):
    play = played_to_the_end("south_africa_1977", "USA")
    scene = debrief(pilot, play)
    assert "model estimate" not in " ".join(getattr(x, "text", "") for x in scene.widgets)
    assert not any(o.casualties for o in play.case.scenario.outcomes)


def test_in_a_class_a_perpetrator_seat_s_content_note_follows_its_hand_off(pilot):
    from councilgame.ui.scenes.handoff import HandoffScene

    case = catalogue.by_id("rwanda_1994")
    plan = ClassSession(case=case.id, minutes=45, seats=assign(["NZL", "rwa_gov"], [Student("Amira", "Blue"),
                                                                                     Student("Ben", "Red")]))
    play = Play.start_class(case, plan.with_pin("2468"), 3)
    open_game(pilot.app.stack, play)
    pilot.settle()
    pilot.click("I am ready")  # the case's note, for the whole room
    seen = []
    for _ in range(len(play.turns)):
        assert isinstance(pilot.scene, HandoffScene)
        seat = pilot.scene.seat
        pilot.click("I am ")
        if seat == "rwa_gov":
            assert pilot.scene.heading == "Before you play this seat"
            assert pilot.scene.body == case.brief("rwa_gov").content_note
            pilot.click("I am ready")
        seen.append(seat)
        assert type(pilot.scene).__name__ == "BriefingScene"
        pilot.click("Done: pass on")
        pilot.click("Done: pass on")
    assert "rwa_gov" in seen


def test_what_followed_writes_its_figures_as_the_window_s_language_does(pilot):
    from councilgame import i18n

    i18n.use("fr")
    try:
        play = played_to_the_end("rwanda_1994", "NZL", "fr")
        scene = debrief(pilot, play)
        killed = play.case.scenario.outcomes[0]
        followed = next(x.text for x in scene.widgets if getattr(x, "text", "").startswith(killed.label))
        # 500 000 and 1 000 000, grouped with a narrow no-break space as French typography does; no comma.
        assert "500\u202f000" in followed and "1\u202f000\u202f000" in followed, followed
        assert not re.search(r"\d,\d{3}", followed), followed
        # Its unit and the model's assumption are the window's words, in French, the share a French percentage.
        assert "personnes" in followed and "people" not in followed and "It assumes" not in followed
        assert re.search(r"a causé \d+\u202f% du tort", followed), followed
    finally:
        i18n.use("en")
