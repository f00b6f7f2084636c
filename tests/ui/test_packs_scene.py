"""Importing a scenario pack from the case list (ui/scenes/packs.py): a pack typed as a path, or one found in
the Downloads folder, is shown, installed when asked, and its case is then on the list; a refused pack shows
every problem and cannot be installed; the screens hold their text at 100% and 200%. Driven through the real
loop with synthetic input (dummy video driver); the packs are built in the test's own folders."""

from __future__ import annotations

import pygame
import pytest

from councilgame import packs, paths
from councilgame.ui import inspect
from councilgame.ui import widgets as w
from councilgame.ui.pilot import Pilot

from test_packs import case_text, good_entries, make_folder, make_zip


@pytest.fixture
def downloads(tmp_path, monkeypatch):
    """The Downloads and Desktop folders the screen searches: the test's own, never the machine's."""
    folder, desktop = tmp_path / "Downloads", tmp_path / "Desktop"
    folder.mkdir()
    desktop.mkdir()
    monkeypatch.setattr(packs, "search_folders", lambda: [folder, desktop])
    return folder


@pytest.fixture
def pilot(downloads):
    p = Pilot()
    yield p
    p.close()


def name(pilot: Pilot) -> str:
    return type(pilot.scene).__name__


def to_packs(pilot: Pilot, text_size: str = "100%") -> None:
    if text_size != "100%":
        pilot.click("Settings")
        pilot.click(text_size)
        pilot.click("Back")
    pilot.click("New game")
    pilot.click("Import a pack")
    assert name(pilot) == "PackScene"


def shown_text(pilot: Pilot) -> str:
    return "\n".join(x.text for x in pilot.scene.widgets if isinstance(x, w.TextBlock))


def card_of(pilot: Pilot, title: str) -> w.Card:
    return next(x for x in pilot.scene.cards.items if x.heading == title)


def test_a_pack_typed_as_a_path_is_shown_installed_when_asked_and_its_case_is_then_listed(pilot, tmp_path):
    pack = make_zip(tmp_path / "Spring term.zip", good_entries())
    to_packs(pilot)
    assert pilot.scene.focused.label == "Pack path"  # the field first: the path can be typed at once
    pilot.type_text(f'"{pack}"')  # as "Copy as path" gives it, in quotes
    pilot.key(pygame.K_RETURN)
    assert name(pilot) == "PackReportScene" and not paths.user_packs().exists()  # shown, not yet installed
    assert pilot.scene.title == 'The pack "spring-term" holds 1 case'
    assert "class_case: A case for my class (class_case.yaml)" in shown_text(pilot)
    assert pilot.scene.focused.label == "Install"
    pilot.key(pygame.K_RETURN)
    assert pilot.scene.title == 'Installed the pack "spring-term": 1 case'
    assert (paths.user_packs() / "spring-term" / "class_case.yaml").is_file()
    assert pilot.scene.focused.label == "Back to the cases"
    pilot.key(pygame.K_ESCAPE)
    assert name(pilot) == "CaseScene"  # the case list, with the pack's case on it
    card = card_of(pilot, "A case for my class")
    assert card.badge == "From pack spring-term" and "in the pack spring-term" in card.body
    card.activate()
    assert name(pilot) == "SeatScene" and pilot.scene.case.id == "class_case"


def test_a_refused_pack_shows_every_problem_a_line_each_and_cannot_be_installed(pilot, tmp_path):
    broken = case_text("broken").replace("minutes: 10", "minutes: -3")
    pack = make_zip(tmp_path / "bad.zip", [*good_entries(), ("broken.yaml", broken), ("run.py", "x"),
                                           ("../evil.yaml", "x")])
    to_packs(pilot)
    pilot.type_text(str(pack))
    pilot.click("Look inside")
    assert pilot.scene.title == "Nothing can be installed from bad.zip: 3 problems"
    lines = shown_text(pilot).splitlines()
    assert [line.split(":")[0] for line in lines] == ["bad.zip/../evil.yaml", "bad.zip/run.py", "bad.zip/broken.yaml"]
    assert pilot.labels() == ["Back"]
    pilot.key(pygame.K_ESCAPE)
    assert name(pilot) == "PackScene" and pilot.scene.field.text == str(pack)  # what was typed is kept
    pilot.key(pygame.K_ESCAPE)
    assert name(pilot) == "CaseScene" and not paths.user_packs().exists()


def test_a_pack_found_in_the_downloads_folder_is_chosen_by_keyboard_and_importing_it_again_asks_with_back_focused(
        pilot, downloads):
    make_folder(downloads / "unit-3", {"a.yaml": case_text("unit_three", "Unit three")})
    (downloads / "holiday.txt").write_text("not a pack")
    assert packs.install(downloads / "unit-3").ok  # imported once already
    to_packs(pilot)
    rows = [x.label for x in pilot.scene.widgets if isinstance(x, w.Button) and x.label.startswith("unit-3")]
    assert rows == ["unit-3   (folder in Downloads)"]
    for _ in range(10):
        pilot.key(pygame.K_TAB)
        if pilot.scene.focused.label == rows[0]:
            break
    pilot.key(pygame.K_RETURN)
    assert pilot.scene.title == 'The pack "unit-3" holds 1 case'
    assert "Install, replacing the earlier copy" in pilot.labels()
    assert pilot.scene.focused.label == "Back"  # replacing cannot be undone: Enter first keeps the earlier copy
    pilot.click("Install, replacing the earlier copy")
    assert "in place of the copy imported before" in shown_text(pilot)


def test_with_no_pack_found_the_screen_says_to_type_a_path_and_an_empty_path_is_asked_for(pilot):
    to_packs(pilot)
    assert "No pack found in your Downloads or Desktop folders" in shown_text(pilot)
    pilot.click("Look inside")
    assert name(pilot) == "MessageScene" and pilot.scene.heading == "Which pack?"


@pytest.mark.parametrize("text_size", ["100%", "200%"])
def test_the_pack_screens_hold_their_text_and_keep_their_choices_apart_at_either_text_size(pilot, downloads, tmp_path,
                                                                                           text_size):
    for i in range(25):  # more than the screen lists, with long names
        make_zip(downloads / f"Genocide prevention, spring term, week {i:02d}.zip", good_entries(f"week_{i:02d}"))
    broken = case_text("broken").replace("minutes: 10", "minutes: -3")
    bad = make_zip(tmp_path / "bad.zip", [*good_entries("other"), ("broken.yaml", broken),
                                          *((f"tool{i}.py", "x") for i in range(30))])
    to_packs(pilot, text_size)
    seen = [pilot.scene]
    assert len([x for x in pilot.scene.widgets if getattr(x, "label", "").startswith("Genocide")]) < packs.CANDIDATES
    pilot.click(next(label for label in pilot.labels() if label.startswith("Genocide")))
    seen.append(pilot.scene)
    pilot.click("Install")
    seen.append(pilot.scene)
    pilot.click("Back to the cases")
    pilot.click("Import a pack")
    pilot.type_text(str(bad))
    pilot.key(pygame.K_RETURN)
    seen.append(pilot.scene)
    assert pilot.scene.body.overflows  # 31 problems: the list scrolls
    screen = pilot.app.screen.get_rect()
    for scene in seen:
        scene.enter()  # as it is laid out when shown
        assert inspect.problems(scene) == [], type(scene).__name__
        choices = [x for x in scene.widgets if isinstance(x, (w.Button, w.TextInput))]
        for i, choice in enumerate(choices):
            assert screen.contains(choice.rect), choice.label
            for other in choices[i + 1:]:
                assert not choice.rect.colliderect(other.rect), (choice.label, other.label)


@pytest.mark.parametrize("text_size", ["100%", "200%"])
def test_a_long_pack_name_is_cut_on_its_cards_badge_and_given_whole_in_its_body(downloads, tmp_path, text_size):
    assert packs.install(make_zip(tmp_path / "Genocide prevention across the twentieth century.zip", good_entries())).ok
    pilot = Pilot()
    try:
        to_packs(pilot, text_size)
        pilot.key(pygame.K_ESCAPE)
        card = card_of(pilot, "A case for my class")
        assert card.badge == "From pack genocide-prevention-across-the-twentieth-century"
        assert card._badge_text.startswith("From pack genocide") and card._badge_text.endswith("…")
        assert card._badge_size[0] <= (card.rect.width - 28) // 2
        assert "genocide-prevention-across-the-twentieth-century." in "".join(card._body)  # broken across lines
    finally:
        pilot.close()


def test_a_case_of_a_pack_that_no_longer_loads_has_a_card_naming_its_pack_and_its_problem(downloads, tmp_path):
    report = packs.install(make_folder(tmp_path / "unit-4", {"a.yaml": case_text("unit_four")}))
    (report.installed / "a.yaml").write_text("format: 1\nid: unit_four\ntitle: [unclosed\n", encoding="utf-8")
    pilot = Pilot()
    try:
        pilot.click("New game")
        card = next(x for x in pilot.scene.cards.items if x.heading == "a.yaml")
        assert card.badge == "Not loaded" and card.details.startswith("1 problem in the pack unit-4:")
        card.activate()
        assert name(pilot) == "MessageScene" and "import the pack again" in pilot.scene.body
    finally:
        pilot.close()
