"""Keys that never trap a student: no game screen starts its focus on a choice that ends the phase
or cannot be taken back; such a choice asks once, its safe answer focused; Escape opens the one
in-game menu everywhere (and closes it), which reaches the settings and comes back to the same
screen; Quit asks; and a game left mid-phase continues with every move made in it. Driven
through the real loop with synthetic keys (dummy video driver)."""

from __future__ import annotations

import re

import pygame
import pytest

from councilgame import catalogue
from councilgame.session import actions as act
from councilgame.session import saves
from councilgame.ui import widgets as w
from councilgame.ui.pilot import Pilot
from councilgame.ui.play import autosave_path
from councilgame.ui.scenes.base import scroll_list
from councilgame.ui.scenes.menu import brief_text

# What ends a phase or cannot be taken back, by the words on its button.
ENDING = {"To consultations", "To drafting", "Put to the vote", "Take no action", "Call the roll", "Seek consensus", "Continue",
          "Next round", "To the debrief", "Withdraw the draft"}
GAME_SCREENS = {"BriefingScene", "ChamberScene", "ConsultScene", "DraftScene", "VoteScene", "ConsequencesScene",
                "DebriefScene"}
COSTS = re.compile(r"\(\d+\)$")  # a consultation's button ends with its cost in political capital
KEY_PRESSES = 200  # more than every choice on any screen: a loop that finds nothing ends


def name(scene) -> str:
    return type(scene).__name__


def start(pilot: Pilot, case_title: str, seat: str) -> None:
    pilot.click("New game")
    for _ in range(KEY_PRESSES):
        if any(label.startswith(case_title) for label in pilot.labels()):
            break
        pilot.click("More cases")
    pilot.click(case_title)
    pilot.click(seat)
    if name(pilot.scene) == "MessageScene":  # the case's content note
        pilot.click("I am ready")


def end_phase(pilot: Pilot, label: str, frames: int = 1) -> None:
    """Press a button that ends the phase, then confirm in the dialog it opens."""
    pilot.click(label)
    assert name(pilot.scene) == "MessageScene", f"{label} did not ask first"
    pilot.click(label, frames=frames)


def risky(scene, widget) -> str | None:
    """Why pressing the widget would end the phase, take back what was done or spend for good, or None."""
    label = getattr(widget, "label", "")
    if label in ENDING:
        return "ends the phase"
    if name(scene) == "DraftScene":
        in_draft = scroll_list(scene.widgets, scene.draft_view)
        if in_draft is not None and any(widget is x for x in in_draft.items):
            return "removes a clause"
        kinds = {o.action.label(scene.play.game) for o in scene.play.legal(act.SetInstrument)}
        if label in kinds and not widget.selected:
            return "changes the kind of text (its clauses may fall out)"
    if name(scene) == "ConsultScene" and COSTS.search(label):
        return "spends political capital"
    return None


def assert_safe_focus(pilot: Pilot, when: str) -> None:
    scene = pilot.scene
    focused = scene.focused
    why = risky(scene, focused) if focused is not None else None
    assert why is None, f"{name(scene)} {when}: the focus is on '{focused.label}', which {why}"


def where(pilot: Pilot) -> tuple:
    st = pilot.app.stack.play.game.state
    return st.round_index, st.phase


def back_to(pilot: Pilot, scene) -> None:
    """Back to scene from whatever its default choice opened."""
    for _ in range(10):
        if pilot.scene is scene:
            return
        top = pilot.scene
        if name(top) == "ConsultScene":
            pilot.click("Back to chamber")
        elif name(top) == "ChamberScene" and top.visiting:
            pilot.click("Back to drafting")
        else:
            pilot.key(pygame.K_ESCAPE)
    raise AssertionError(f"could not get back to {name(scene)} from {name(pilot.scene)}")


def check_screen(pilot: Pilot) -> None:
    """The focus starts on a safe choice; Escape opens the one menu, which reaches the settings, and
    Escape comes back to this very screen; a single Enter does not leave the phase."""
    scene, at = pilot.scene, where(pilot)
    assert name(scene) in GAME_SCREENS
    assert_safe_focus(pilot, "as it opens")

    pilot.key(pygame.K_ESCAPE)
    assert name(pilot.scene) == "GameMenuScene"
    assert [name(x) for x in pilot.app.stack.scenes].count("GameMenuScene") == 1
    assert pilot.scene.focused.label == "Back to the game"
    pilot.click("Settings")
    assert name(pilot.scene) == "SettingsScene"
    pilot.key(pygame.K_ESCAPE)
    assert name(pilot.scene) == "GameMenuScene"
    pilot.key(pygame.K_ESCAPE)
    assert pilot.scene is scene and where(pilot) == at
    assert_safe_focus(pilot, "after the menu")

    pilot.key(pygame.K_RETURN)
    assert where(pilot) == at, f"one Enter on {name(scene)} left the phase"
    back_to(pilot, scene)
    assert_safe_focus(pilot, "after its default choice")


def check_asks_first(pilot: Pilot, label: str) -> None:
    """The choice that ends the phase, focused and pressed with Enter, asks with the safe answer focused:
    Enter again keeps the player in the phase, on a safe focus."""
    scene, at = pilot.scene, where(pilot)
    for _ in range(KEY_PRESSES):
        if getattr(scene.focused, "label", None) == label:
            break
        pilot.key(pygame.K_TAB)
    assert scene.focused.label == label
    pilot.key(pygame.K_RETURN)
    dialog = pilot.scene
    assert name(dialog) == "MessageScene" and label in pilot.labels()  # the dialog repeats the choice
    assert dialog.focused.label != label  # and its focus is on the safe answer
    pilot.key(pygame.K_RETURN)
    assert pilot.scene is scene and where(pilot) == at
    assert_safe_focus(pilot, "after 'not yet'")


def play_through(pilot: Pilot, rounds_at_most: int = 8) -> set[str]:
    """Every screen of every round, checked, to the debrief; the screens seen."""
    seen = set()
    for _ in range(rounds_at_most):
        for label in ("To consultations", "To drafting"):
            seen.add(name(pilot.scene))
            check_screen(pilot)
            if name(pilot.scene) == "ChamberScene":
                pilot.click("Consult a member")
                seen.add("ConsultScene")
                check_screen(pilot)
                pilot.click("Back to chamber")
            check_asks_first(pilot, label)
            end_phase(pilot, label)
        assert name(pilot.scene) == "DraftScene"
        seen.add("DraftScene")
        check_screen(pilot)
        if "Withdraw the draft" in pilot.labels():
            seen.add("withdraw offered")
            check_asks_first(pilot, "Withdraw the draft")
        pilot.click("Back to chamber")
        seen.add("ChamberScene, visiting")
        check_screen(pilot)
        pilot.click("Back to drafting")
        ending = "Put to the vote" if "Put to the vote" in pilot.labels() else "Take no action"
        check_asks_first(pilot, ending)
        end_phase(pilot, ending)
        seen.add(name(pilot.scene))
        check_screen(pilot)
        choice = next((c for c in ("Abstain", "Assent") if c in pilot.labels()), None)
        if choice:
            pilot.click(choice)
        roll = pilot.first_of("Call the roll", "Seek consensus", "Continue")
        check_asks_first(pilot, roll)
        end_phase(pilot, roll, frames=60)
        seen.add(name(pilot.scene))
        check_screen(pilot)
        if "To the debrief" in pilot.labels():
            check_asks_first(pilot, "To the debrief")
            end_phase(pilot, "To the debrief")
            seen.add(name(pilot.scene))
            check_screen(pilot)
            return seen
        check_asks_first(pilot, "Next round")
        end_phase(pilot, "Next round")
    raise AssertionError("the case did not end")


# Every case, each from a seat that sees a different part of the game: the tutorial's penholder (who may
# withdraw), an NGO (no vote), permanent members (the veto warning), elected members and a state concerned.
EVERY_CASE = [("Tutorial", "Arcadia"), ("Rwanda, 1994", "Human Rights Watch"), ("Kosovo", "Russian Federation"),
              ("Darfur", "China"), ("Libya", "Lebanon"), ("Syria", "United States"), ("Myanmar", "United Kingdom"),
              ("Sri Lanka", "Mexico"), ("South Africa", "United States")]


def test_the_focus_walk_covers_every_case():
    titles = {c.scenario.title for c in catalogue.load_all()[0]}
    assert {t for t in titles if any(t.startswith(case) for case, _ in EVERY_CASE)} == titles


@pytest.mark.parametrize("case_title, seat", EVERY_CASE)
def test_no_game_screen_starts_on_a_choice_that_ends_the_phase_and_one_enter_never_leaves_it(pilot, case_title, seat):
    start(pilot, case_title, seat)
    seen = play_through(pilot)
    assert GAME_SCREENS | {"ChamberScene, visiting"} <= seen
    if seat == "Arcadia":  # the penholder: the draft can be withdrawn
        assert "withdraw offered" in seen
    assert pilot.scene.play.game.state.ended


def test_the_in_game_menu_reaches_the_brief_sources_glossary_and_settings_and_escape_closes_it(pilot):
    start(pilot, "Tutorial", "Arcadia")
    briefing = pilot.scene
    pilot.key(pygame.K_ESCAPE)
    menu = pilot.scene
    for label, screen in (("Your brief", "BriefScene"), ("Sources", "SourcesScene"), ("Glossary", "GlossaryScene"),
                          ("Settings", "SettingsScene")):
        pilot.click(label)
        assert name(pilot.scene) == screen
        if screen == "BriefScene":
            text = next(x.text for x in pilot.scene.widgets if isinstance(x, w.TextBlock))
            assert text == brief_text(briefing.play) and "Your interests: " in text
        pilot.key(pygame.K_ESCAPE)
        assert pilot.scene is menu
    pilot.click("Settings")
    pilot.click("200%")  # the screens beneath are laid out again at the new size
    pilot.click("Back")
    pilot.key(pygame.K_ESCAPE)
    assert pilot.scene is briefing and pilot.app.ctx.settings.text_size == 200
    assert_safe_focus(pilot, "after the text size changed")


def test_quit_on_the_title_asks_even_after_escape_from_load_and_three_downs(pilot):
    pilot.click("Load")
    pilot.key(pygame.K_ESCAPE)
    assert name(pilot.scene) == "TitleScene"
    for _ in range(3):
        pilot.key(pygame.K_DOWN)
    assert pilot.scene.focused.label == "Quit"
    pilot.key(pygame.K_RETURN)
    assert pilot.app.running and pilot.scene.heading == "Quit Council?"
    assert pilot.scene.focused.label == "Back to the title"
    pilot.key(pygame.K_RETURN)
    assert pilot.app.running and name(pilot.scene) == "TitleScene"
    pilot.click("Quit")
    pilot.key(pygame.K_RIGHT)  # to the other answer
    pilot.key(pygame.K_RETURN)
    assert not pilot.app.running


def test_a_game_left_mid_phase_continues_with_the_capital_spent_and_the_exchanges_made(pilot):
    start(pilot, "Tutorial", "Arcadia")
    end_phase(pilot, "To consultations")
    pilot.click("Consult a member")
    play = pilot.scene.play
    before = play.game.state.capital[play.seat]
    pilot.click("Ask for its vote")
    pilot.click(next(label for label in pilot.labels() if label.startswith("Brief with")))
    state = play.game.state
    capital, exchanges = dict(state.capital), list(state.exchanges)
    assert capital[play.seat] < before and len(exchanges) >= 2
    saved = saves.read(autosave_path(), catalogue.by_id).state  # saved with the move, not when the phase ends
    assert saved.capital == capital and saved.exchanges == exchanges

    pilot.key(pygame.K_ESCAPE)
    pilot.click("Save and leave to the title")
    assert "is saved" in pilot.scene.body and pilot.scene.focused.label == "Stay"
    pilot.click("Leave")
    pilot.click("Continue")
    resumed = pilot.scene.play.game.state
    assert name(pilot.scene) == "ChamberScene" and resumed.phase == state.phase
    assert resumed.capital == capital and resumed.exchanges == exchanges


def reach_drafting_as_penholder(pilot: Pilot) -> None:
    start(pilot, "Tutorial", "Arcadia")
    end_phase(pilot, "To consultations")
    end_phase(pilot, "To drafting")
    assert name(pilot.scene) == "DraftScene" and pilot.scene.play.game.draft.clauses


def tab_to(pilot: Pilot, matches) -> w.Widget:
    for _ in range(KEY_PRESSES):
        focused = pilot.scene.focused
        if focused is not None and matches(focused):
            return focused
        pilot.key(pygame.K_TAB)
    raise AssertionError(f"Tab never reached it on {name(pilot.scene)}")


def in_the_draft(pilot: Pilot, widget) -> bool:
    found = scroll_list(pilot.scene.widgets, pilot.scene.draft_view)
    return found is not None and any(widget is x for x in found.items)


def is_a_card(pilot: Pilot, widget) -> bool:
    found = scroll_list(pilot.scene.widgets, pilot.scene.cards_view)
    return found is not None and any(widget is x for x in found.items)


def test_after_a_clause_is_removed_or_added_the_focus_is_on_neither_it_nor_the_next_clause(pilot):
    reach_drafting_as_penholder(pilot)
    draft = pilot.scene.play.game.draft.clauses
    removed = tab_to(pilot, lambda x: in_the_draft(pilot, x)).label
    pilot.key(pygame.K_RETURN)
    assert len(pilot.scene.play.game.draft.clauses) == len(draft) - 1
    focused = pilot.scene.focused
    assert not in_the_draft(pilot, focused) and focused.label != removed  # neither the next clause nor its undoing

    added = tab_to(pilot, lambda x: is_a_card(pilot, x)).label
    pilot.key(pygame.K_RETURN)
    assert len(pilot.scene.play.game.draft.clauses) == len(draft)
    focused = pilot.scene.focused
    assert not in_the_draft(pilot, focused) and focused.label != added
    pilot.key(pygame.K_RETURN)  # whatever the focus is on now, Enter changes the draft by adding, never removing
    assert len(pilot.scene.play.game.draft.clauses) >= len(draft)


def test_coming_back_to_drafting_never_puts_the_focus_on_a_clause_in_the_draft(pilot):
    reach_drafting_as_penholder(pilot)
    scene = pilot.scene
    clause = next(x for x in scene.widgets if in_the_draft(pilot, x))
    pygame.mouse.set_pos(clause.rect.center)  # the pointer rests on a clause: it takes the focus
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=clause.rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    pilot.frames(1)
    assert scene.focused.label == clause.label
    pilot.key(pygame.K_ESCAPE)
    pilot.key(pygame.K_ESCAPE)
    assert pilot.scene is scene and not in_the_draft(pilot, scene.focused)
    clauses = scene.play.game.draft.clauses
    pilot.key(pygame.K_RETURN)
    assert set(clauses) <= set(scene.play.game.draft.clauses)  # nothing was removed


def test_a_consultation_the_engine_refuses_in_drafting_is_shown_disabled_and_the_engine_says_why(pilot):
    reach_drafting_as_penholder(pilot)
    pilot.click("Back to chamber")
    pilot.click("Consult a member")
    play = pilot.scene.play
    assert play.game.state.phase.value == "drafting"
    for _ in range(KEY_PRESSES):  # spend the capital: every move that costs is then refused
        spend = next((x for x in pilot.scene.widgets if isinstance(x, w.Button) and x.enabled and COSTS.search(x.label)),
                     None)
        if spend is None:
            break
        pilot.click(spend.label)
    refused = [o for o in play.legal() if not o.allowed and isinstance(o.action, (act.Lobby, act.Statement))]
    assert refused and all(o.reason for o in refused)  # the engine says why
    buttons = {x.label: x for x in pilot.scene.widgets if isinstance(x, w.Button)}
    for option in refused:
        if isinstance(option.action, act.Lobby) and option.action.target != pilot.scene.member:
            continue  # the buttons show the member consulted
        label = f"{option.action.label(play.game)} ({option.cost})"
        assert label in buttons and not buttons[label].enabled, label
