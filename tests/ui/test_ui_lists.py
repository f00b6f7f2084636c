"""Long lists on screen: every clause of a long draft, every NGO, every seat
and every case file (the broken ones too) can be reached by keyboard and by
mouse, at 100% and 200% text. Driven through the real loop with synthetic
input (dummy video driver); the cases are user files built from the fixtures."""

from __future__ import annotations

import pygame
import pytest
import yaml

from councilgame.scenario.model import MAX_ACTORS, MAX_DRAFT_CLAUSES
from councilgame.scenario.safe_yaml import read_yaml
from councilgame.ui import widgets as w
from councilgame.ui.pilot import Pilot

from conftest import MINI_FILE, ROOT

# Library clauses a resolution may carry: a first-round agenda as long as a draft may be.
LONG_AGENDA = ["expresses_concern", "calls_for_restraint", "reaffirms_sovereignty", "welcomes_cooperation",
               "condemns_violence", "condemns_government", "demands_ceasefire", "demands_withdrawal_of_forces",
               "humanitarian_access", "return_of_refugees", "threat_of_measures", "commission_of_inquiry",
               "icc_referral", "arms_embargo", "targeted_sanctions", "demands_halt_to_force"]
EXTRA_NGOS = MAX_ACTORS - 2  # the fixture has a regional body and one NGO already
KEY_PRESSES = 200  # more than every choice on any screen: a loop that finds nothing ends


def case_data(path=MINI_FILE):
    return read_yaml(path.read_text(encoding="utf-8")).data  # the game's own reader: `yes` stays a string


def write_user_case(home, name: str, data) -> None:
    folder = home / "scenarios"
    folder.mkdir(exist_ok=True)
    text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")


def write_crowded_case(home) -> None:
    """The fixture with a sixteen-clause first draft and as many NGOs, each a seat, as a case may have."""
    assert len(LONG_AGENDA) == MAX_DRAFT_CLAUSES
    data = case_data()
    data["id"], data["title"] = "crowded", "Crowded case"
    data["rounds"][0]["agenda"] = list(LONG_AGENDA)
    data["actors"] += [{"id": f"ngo{i:02d}", "name": f"Relief Group {i:02d}", "kind": "ngo", "description": "An NGO.",
                        "brief": {"interests": f"Protection, group {i}.", "success": "The Council acts."}}
                       for i in range(1, EXTRA_NGOS + 1)]
    write_user_case(home, "crowded", data)


@pytest.fixture
def crowded(private_home):
    write_crowded_case(private_home)
    p = Pilot()  # after the files are written: the library loads once the first frame is up
    yield p
    p.close()


def set_text_size(pilot: Pilot, label: str) -> None:
    pilot.click("Settings")
    pilot.click(label)
    pilot.click("Back")


def open_case(pilot: Pilot, title: str) -> None:
    pilot.click("New game")
    for _ in range(KEY_PRESSES):
        if any(label.startswith(title) for label in pilot.labels()):
            break
        pilot.click("More cases")
    pilot.click(title)


def end_phase(pilot: Pilot, label: str) -> None:
    """Press a button that ends the phase, then confirm in the dialog it opens."""
    pilot.click(label)
    assert type(pilot.scene).__name__ == "MessageScene", f"{label} did not ask first"
    pilot.click(label)


def reach_drafting(pilot: Pilot, seat: str = "United Kingdom") -> None:
    """The crowded case from the title to its first drafting, as the first round's penholder."""
    open_case(pilot, "Crowded case")
    pilot.click(seat)
    end_phase(pilot, "To consultations")
    end_phase(pilot, "To drafting")
    assert type(pilot.scene).__name__ == "DraftScene"


def the_list_holding(scene, widget) -> w.ScrollList:
    return next(x for x in scene.widgets if isinstance(x, w.ScrollList) and x.holds(widget))


def tab_to(pilot: Pilot, matches) -> w.Widget:
    """Press Tab until the focused widget matches; assert it is on screen, inside its list's box."""
    for _ in range(KEY_PRESSES):
        focused = pilot.scene.focused
        if focused is not None and matches(focused):
            box = the_list_holding(pilot.scene, focused).rect
            assert focused in pilot.scene.widgets and box.contains(focused.rect), "the focus is out of view"
            return focused
        pilot.key(pygame.K_TAB)
    raise AssertionError(f"Tab never reached it on {type(pilot.scene).__name__}")


def labelled(label: str):
    return lambda widget: getattr(widget, "label", None) == label


def test_the_sixteenth_clause_of_a_long_draft_is_reached_by_keyboard_and_removed(crowded):
    reach_drafting(crowded)
    play = crowded.scene.play
    last = LONG_AGENDA[-1]
    assert play.game.state.draft.clauses == tuple(LONG_AGENDA)
    shown = [x for x in crowded.scene.widgets if getattr(x, "label", None) in
             {play.case.clauses[c].title for c in LONG_AGENDA}]
    assert len(shown) < MAX_DRAFT_CLAUSES  # the list is longer than its box: the test is about scrolling
    tab_to(crowded, labelled(play.case.clauses[last].title))
    crowded.key(pygame.K_RETURN)
    assert play.game.state.draft.clauses == tuple(LONG_AGENDA[:-1])


def test_the_last_clause_card_is_reached_by_keyboard_and_added_to_the_draft(crowded):
    reach_drafting(crowded)
    tab_to(crowded, labelled(crowded.scene.play.case.clauses[LONG_AGENDA[0]].title))
    crowded.key(pygame.K_RETURN)  # make room in the draft: a draft holds sixteen clauses at most
    play = crowded.scene.play
    draft = play.game.state.draft
    cards = [c for cid, c in sorted(play.case.clauses.items()) if cid not in draft.clauses
             and draft.instrument in c.instruments]
    tab_to(crowded, labelled(cards[-1].title))
    crowded.key(pygame.K_RETURN)
    assert play.game.state.draft.clauses[-1] == cards[-1].id


def test_the_last_of_many_ngos_is_briefed_with_by_keyboard(crowded):
    open_case(crowded, "Crowded case")
    crowded.click("United Kingdom")
    end_phase(crowded, "To consultations")
    crowded.click("Consult a member")
    play = crowded.scene.play
    capital = play.game.state.capital[play.seat]
    last = f"ngo{EXTRA_NGOS:02d}"
    tab_to(crowded, labelled(f"Brief with Relief Group {EXTRA_NGOS:02d} (1)"))
    crowded.key(pygame.K_RETURN)
    assert play.game.state.capital[play.seat] == capital - 1
    assert any(e.target == last and e.seat == play.seat for e in play.game.state.exchanges)


def test_the_last_seat_of_a_case_with_every_actor_it_may_have_is_chosen_by_keyboard(crowded):
    open_case(crowded, "Crowded case")
    seats = crowded.scene.seat_list.items
    assert len(seats) == 15 + 1 + EXTRA_NGOS  # members, the fixture's NGO, and the extra ones
    assert len(seats) > len([x for x in crowded.scene.widgets if x in seats])
    tab_to(crowded, lambda x: x is seats[-1])
    crowded.key(pygame.K_RETURN)
    assert type(crowded.scene).__name__ == "BriefingScene" and crowded.scene.play.seat == f"ngo{EXTRA_NGOS:02d}"


def test_the_wheel_page_keys_and_more_button_scroll_a_list_and_the_focus_stays_on_a_shown_choice(crowded):
    open_case(crowded, "Crowded case")
    scene = crowded.scene
    seats = scene.seat_list
    inside = seats.rect.center
    pygame.mouse.set_pos(inside)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=inside, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
    crowded.frames(1)
    assert seats.view.first == 1
    hidden = [x for x in seats.items if x not in seats.shown()]
    assert not any(x in scene.widgets for x in hidden)  # what scrolled away can be neither drawn nor clicked
    assert scene.focused in seats.shown()
    crowded.key(pygame.K_PAGEDOWN)
    assert seats.view.first == 1 + seats.view.shown
    crowded.key(pygame.K_PAGEUP)
    crowded.key(pygame.K_PAGEUP)
    assert seats.view.first == 0
    for _ in range(KEY_PRESSES):
        crowded.click("More seats")
        if seats.items[-1] in crowded.scene.widgets:
            break
    assert seats.view.first == seats.view.last
    crowded.click("More seats")  # after the last rows, the first again
    assert seats.view.first == 0


def test_a_broken_user_file_has_a_card_that_shows_its_problem_and_cannot_be_started(private_home):
    write_user_case(private_home, "broken", "format: 1\nid: broken\ntitle: [unclosed\n")
    bad = case_data()
    bad["id"] = "bad_refs"
    bad["rounds"][0]["agenda"] = ["no_such_clause", "another_missing_clause"]
    bad["profiles"]["USA"]["sovereignty"] = 1.4
    write_user_case(private_home, "bad_refs", bad)
    from councilgame import catalogue

    _, problems = catalogue.load_all()
    expected = {"bad_refs.yaml": 3, "broken.yaml": 1}  # two unknown clauses and a number out of range; a syntax error
    assert {name: len([p for p in problems if p.file.endswith(name)]) for name in expected} == expected
    pilot = Pilot()
    try:
        pilot.click("New game")
        assert any("could not be loaded" in getattr(x, "text", "") for x in pilot.scene.widgets)  # said at the top
        for name, count in expected.items():
            mine = [p for p in problems if p.file.endswith(name)]
            card = tab_to(pilot, lambda x, name=name: getattr(x, "heading", None) == name)
            assert card.details.startswith(f"{count} problem") and card.badge == "Not loaded"
            on_card = " ".join(card._body)  # as laid out on the card, not only as given to it
            assert f"{name}:{mine[0].line}:{mine[0].col}: " in on_card and mine[0].message in on_card
            pilot.key(pygame.K_RETURN)
            assert type(pilot.scene).__name__ == "MessageScene"  # an explanation, not a game
            assert all(p.message in pilot.scene.body for p in mine)
            pilot.key(pygame.K_ESCAPE)
            assert type(pilot.scene).__name__ == "CaseScene"
    finally:
        pilot.close()


def test_user_cases_are_marked_as_theirs_even_a_copy_of_a_built_in_case_under_its_own_id(private_home):
    copy = case_data(ROOT / "scenarios" / "tutorial.yaml")
    copy["id"] = "tutorial_for_my_class"
    write_user_case(private_home, "my_tutorial", copy)
    pilot = Pilot()
    try:
        pilot.click("New game")
        cards = [x for x in pilot.scene.cards.items if x.heading == copy["title"]]
        assert [x.badge for x in cards] == ["", "Your case"]  # the built-in one first, then the user's
        assert "my_tutorial.yaml" in cards[1].body
        card = tab_to(pilot, lambda x: x is cards[1])
        pilot.frames(2)  # a screen built in one frame is drawn in the next
        font = card._badge_font
        inside_badge = (card.rect.right - 12 - card._badge_size[0] + 3, card.rect.top + 12 + font.get_linesize() // 2)
        assert pilot.app.screen.get_at(inside_badge)[:3] == pilot.app.ctx.palette.accent
        pilot.key(pygame.K_RETURN)
        assert type(pilot.scene).__name__ == "SeatScene" and pilot.scene.case.id == "tutorial_for_my_class"
    finally:
        pilot.close()


@pytest.mark.parametrize("text_size", ["100%", "200%"])
def test_every_list_screen_keeps_its_choices_apart_and_their_labels_whole_at_either_text_size(crowded, text_size):
    set_text_size(crowded, text_size)
    open_case(crowded, "Crowded case")
    seen = [crowded.scene]
    crowded.click("United Kingdom")
    end_phase(crowded, "To consultations")
    crowded.click("Consult a member")
    seen.append(crowded.scene)
    crowded.click("Back to chamber")
    end_phase(crowded, "To drafting")
    seen.append(crowded.scene)
    screen = crowded.app.screen.get_rect()
    for scene in seen:
        scene.enter()  # as it is laid out when shown
        choices = [x for x in scene.widgets if isinstance(x, w.Button)]
        for i, choice in enumerate(choices):
            assert screen.contains(choice.rect), choice.label
            assert len(choice._lines) * choice._font.get_linesize() <= choice.rect.height, choice.label
            assert not any(line.endswith("…") for line in choice._lines), f"cut short: {choice.label}"
            for other in choices[i + 1:]:
                assert not choice.rect.colliderect(other.rect), (choice.label, other.label)
        for box in (x for x in scene.widgets if isinstance(x, w.ScrollList)):
            assert all(box.rect.contains(x.rect) for x in box.shown() if x is not box.more or box._more_inside)
