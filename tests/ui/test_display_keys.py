"""The display for a classroom: a light theme chosen in Settings and kept; F11 (full screen) and Ctrl+plus /
Ctrl+minus / Ctrl+0 (text size) from any screen, a text field with the focus included, each kept as Settings
keeps it and the screen on top laid out again. Driven through the real loop (dummy video driver)."""

from __future__ import annotations

import json

import pygame
import pytest

from councilgame.ui import sdl, theme
from councilgame.ui import settings as store
from councilgame.ui import widgets as w
from councilgame.ui.intents import Intent, translate
from councilgame.ui.pilot import Pilot

CTRL = pygame.KMOD_LCTRL


@pytest.fixture
def full_screen(monkeypatch) -> list[bool]:
    """What the window was told of full screen, each time (the dummy driver has no full screen to switch)."""
    told: list[bool] = []
    monkeypatch.setattr(sdl, "apply_fullscreen", told.append)
    return told


def name(pilot: Pilot) -> str:
    return type(pilot.scene).__name__


def to_chamber(pilot: Pilot) -> None:
    pilot.click("New game")
    pilot.click("Rwanda, 1994")
    pilot.click("New Zealand")
    pilot.click("I am ready")
    pilot.click("To consultations")
    pilot.click("To consultations")
    assert name(pilot) == "ChamberScene"


def to_roster_field(pilot: Pilot) -> w.TextInput:
    """The classroom set-up's roster field, with the focus."""
    pilot.click("Classroom")
    pilot.click("Rwanda, 1994")
    pilot.click("Next")
    pilot.click("Roster file")
    field = pilot.scene.focused
    assert isinstance(field, w.TextInput) and field.label == "Roster file"
    return field


def press_with_its_character(pilot: Pilot, key: int, character: str, mod: int = CTRL) -> None:
    """A key held with Ctrl, and the character some systems (X11) also send as typed text for it."""
    pilot.pygame.event.post(pilot.pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=character, scancode=0))
    pilot.pygame.event.post(pilot.pygame.event.Event(pygame.TEXTINPUT, text=character))
    pilot.frames(1)


def saved() -> dict:
    return json.loads((store._path()).read_text(encoding="utf-8"))


def key_event(key: int, mod: int = 0):
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)


def test_ctrl_with_plus_minus_or_zero_is_a_text_size_step_and_f11_full_screen_even_in_a_field():
    for typing in (False, True):
        for key, mod, step in ((pygame.K_EQUALS, CTRL, 1), (pygame.K_PLUS, pygame.KMOD_RCTRL, 1),
                               (pygame.K_KP_PLUS, CTRL, 1), (pygame.K_EQUALS, CTRL | pygame.KMOD_SHIFT, 1),
                               (pygame.K_MINUS, CTRL, -1), (pygame.K_KP_MINUS, CTRL, -1), (pygame.K_0, CTRL, 0),
                               (pygame.K_EQUALS, pygame.KMOD_LGUI, 1)):  # Command on a Mac
            assert translate(key_event(key, mod), typing=typing) == translate(key_event(key, mod)), (key, mod)
            got = translate(key_event(key, mod), typing=typing)
            assert got is not None and (got.intent, got.amount) == (Intent.TEXT_SIZE, step), (key, mod, typing)
        got = translate(key_event(pygame.K_F11), typing=typing)
        assert got is not None and got.intent is Intent.FULL_SCREEN
    assert translate(key_event(pygame.K_EQUALS)) is None  # without Ctrl, = and - are only typed
    assert translate(key_event(pygame.K_MINUS), typing=True) is None


def test_the_text_size_steps_through_the_settings_sizes_and_holds_at_either_end():
    assert [store.stepped_text_size(size, 1) for size in store.TEXT_SIZES] == [125, 150, 175, 200, 200]
    assert [store.stepped_text_size(size, -1) for size in store.TEXT_SIZES] == [100, 100, 125, 150, 175]
    assert {store.stepped_text_size(size, 0) for size in store.TEXT_SIZES} == {100}


def test_the_light_theme_chosen_in_settings_is_kept_and_the_next_window_opens_in_it(pilot):
    assert pilot.app.ctx.settings.theme == "dark" and pilot.app.ctx.palette is theme.STANDARD
    pilot.click("Settings")
    pilot.click("Light")
    assert pilot.app.ctx.palette is theme.LIGHT and saved()["theme"] == "light"
    assert pilot.find("Light").selected and not pilot.find("Dark").selected
    pilot.click("Colour-blind-safe colours")
    assert pilot.app.ctx.palette is theme.LIGHT_COLOUR_SAFE
    pilot.click("Back")
    pilot.frames(2)
    assert pilot.app.screen.get_at((2, 700))[:3] == theme.LIGHT_COLOUR_SAFE.background  # the title, drawn light
    again = Pilot()
    try:
        assert again.app.ctx.settings.theme == "light" and again.app.ctx.palette is theme.LIGHT_COLOUR_SAFE
        again.frames(2)
        assert again.app.screen.get_at((2, 700))[:3] == theme.LIGHT_COLOUR_SAFE.background
        again.click("Settings")
        again.click("Dark")
        again.click("Colour-blind-safe colours")
        assert again.app.ctx.palette is theme.STANDARD and saved()["theme"] == "dark"
    finally:
        again.close()


def test_every_setting_round_trips_through_the_settings_file():
    chosen = store.Settings(text_size=175, colour_safe=True, reduced_motion=True, fullscreen=True, theme="light")
    store.save(chosen)
    assert store.load() == chosen
    store.save(store.Settings())
    assert store.load() == store.Settings()


@pytest.mark.parametrize("kept", ['"purple"', "1", "null", '["light"]'])
def test_a_theme_the_game_does_not_have_opens_the_dark_theme(kept):
    store._path().parent.mkdir(parents=True, exist_ok=True)
    store._path().write_text('{"text_size": 150, "theme": ' + kept + "}", encoding="utf-8")
    settings = store.load()
    assert settings.theme == "dark" and settings.text_size == 150


def test_f11_switches_full_screen_from_any_screen_keeps_it_and_settings_shows_it(pilot, full_screen):
    pilot.key(pygame.K_F11)  # the title
    assert pilot.app.ctx.settings.fullscreen and full_screen[-1] is True and saved()["fullscreen"] is True
    to_chamber(pilot)
    chamber = pilot.scene
    pilot.key(pygame.K_F11)
    assert pilot.scene is chamber and not pilot.app.ctx.settings.fullscreen and full_screen[-1] is False
    pilot.key(pygame.K_ESCAPE)  # the in-game menu
    assert name(pilot) == "GameMenuScene"
    pilot.key(pygame.K_F11)
    assert pilot.app.ctx.settings.fullscreen and name(pilot) == "GameMenuScene"
    pilot.click("Settings")
    assert pilot.find("Full screen").label == "Full screen: on"
    pilot.key(pygame.K_F11)  # Settings itself: its toggle says what F11 did
    assert pilot.find("Full screen").label == "Full screen: off" and full_screen[-1] is False
    assert saved()["fullscreen"] is False


def test_ctrl_plus_and_minus_change_the_text_size_from_any_screen_and_lay_the_screen_out_again(pilot):
    def label_size() -> int:
        return next(x for x in pilot.scene.widgets if isinstance(x, w.Button))._font.get_height()

    at_100 = label_size()
    pilot.key(pygame.K_EQUALS, CTRL)  # the title
    assert pilot.app.ctx.settings.text_size == 125 and label_size() > at_100 and saved()["text_size"] == 125
    pilot.key(pygame.K_MINUS, CTRL)
    assert pilot.app.ctx.settings.text_size == 100 and label_size() == at_100
    to_chamber(pilot)
    chamber, play = pilot.scene, pilot.scene.play
    round_, phase = play.game.state.round_index, play.game.state.phase
    fonts = {x.label: x._font.get_height() for x in chamber.widgets if isinstance(x, w.Button)}
    for _ in range(6):  # past the largest: held at 200%
        pilot.key(pygame.K_KP_PLUS, CTRL)
    assert pilot.app.ctx.settings.text_size == 200 and pilot.scene is chamber
    assert (play.game.state.round_index, play.game.state.phase) == (round_, phase)  # only laid out again
    grown = {x.label: x._font.get_height() for x in chamber.widgets if isinstance(x, w.Button)}
    assert grown.keys() == fonts.keys() and any(grown[k] > fonts[k] for k in fonts)
    pilot.key(pygame.K_0, CTRL)
    assert pilot.app.ctx.settings.text_size == 100 and saved()["text_size"] == 100
    pilot.click("Consult a member")
    pilot.key(pygame.K_EQUALS, CTRL)
    assert name(pilot) == "ConsultScene" and pilot.app.ctx.settings.text_size == 125
    pilot.key(pygame.K_g)  # the glossary, over the game
    pilot.key(pygame.K_EQUALS, CTRL)
    assert name(pilot) == "GlossaryScene" and pilot.app.ctx.settings.text_size == 150
    pilot.key(pygame.K_ESCAPE)
    pilot.key(pygame.K_ESCAPE)  # the menu, then Settings: it shows the size the keys chose
    pilot.click("Settings")
    assert pilot.find("150%").selected and not pilot.find("100%").selected


def test_the_display_keys_work_while_a_text_field_has_the_focus_and_type_nothing_into_it(pilot, full_screen):
    field = to_roster_field(pilot)
    pilot.type_text("class")
    press_with_its_character(pilot, pygame.K_EQUALS, "=")
    assert pilot.app.ctx.settings.text_size == 125
    field = pilot.scene.focused  # the screen laid out again, the focus still in the field
    assert isinstance(field, w.TextInput) and field.label == "Roster file" and field.text == "class"
    press_with_its_character(pilot, pygame.K_MINUS, "-")
    press_with_its_character(pilot, pygame.K_KP_PLUS, "+")
    press_with_its_character(pilot, pygame.K_0, "0")
    pilot.key(pygame.K_F11)
    assert pilot.app.ctx.settings.text_size == 100 and pilot.app.ctx.settings.fullscreen and full_screen[-1] is True
    field = pilot.scene.focused
    assert isinstance(field, w.TextInput) and field.text == "class"
    pilot.type_text("-3=A0.csv")  # the same characters typed without Ctrl go into the field
    assert pilot.scene.focused.text == "class-3=A0.csv"


def class_play():
    """A classroom game whose instructor's PIN is 2468."""
    from councilgame import catalogue
    from councilgame.classroom.roster import Student
    from councilgame.classroom.session import ClassSession, assign
    from councilgame.ui.play import Play

    case = catalogue.by_id("rwanda_1994")
    plan = ClassSession(case=case.id, minutes=45, seats=assign(["FRA", "NZL"], [Student("Amira"), Student("Ben")]))
    return Play.start_class(case, plan.with_pin("2468"), 3)


def test_the_pin_typed_and_the_focus_stay_when_the_text_size_changes(pilot):
    """A teacher types the PIN, then zooms: the digits and the focus are where they were, and the PIN opens."""
    from councilgame.ui.scenes.pin import PinScene

    opened: list[bool] = []
    pilot.app.stack.push(PinScene(class_play(), lambda: opened.append(True)))
    pilot.frames(1)
    pin = pilot.scene
    pilot.type_text("24")
    press_with_its_character(pilot, pygame.K_EQUALS, "=")
    assert pilot.app.ctx.settings.text_size == 125 and pilot.scene is pin
    field = pin.focused  # a field built again at the new size, the focus and the digits in it
    assert isinstance(field, w.TextInput) and field.label == "PIN" and field.text == "24"
    pilot.type_text("6")
    press_with_its_character(pilot, pygame.K_MINUS, "-")
    assert pilot.app.ctx.settings.text_size == 100 and pin.focused.text == "246"
    pilot.key(pygame.K_TAB)
    pilot.key(pygame.K_TAB)  # past Back to Go on
    assert pin.focused.label == "Go on"
    press_with_its_character(pilot, pygame.K_EQUALS, "=")
    assert pin.focused.label == "Go on" and pin.field.text == "246"
    pilot.key(pygame.K_RETURN)  # a wrong PIN: typed again from nothing, in the field
    assert pin.wrong == 1 and not opened and pin.focused is pin.field and pin.field.text == ""
    pilot.type_text("2468")
    press_with_its_character(pilot, pygame.K_0, "0")
    pilot.key(pygame.K_RETURN)
    assert opened == [True]


def test_a_seat_s_words_and_the_focus_stay_when_the_text_size_changes(pilot):
    from councilgame.ui.scenes.words import WordsScene

    said: list[str | None] = []
    pilot.app.stack.push(WordsScene("A statement", "What New Zealand says", "Make the statement", said.append, 200))
    pilot.frames(1)
    words = pilot.scene
    pilot.type_text("We will not abandon them.")
    press_with_its_character(pilot, pygame.K_EQUALS, "=")
    assert words.focused is words.field and words.field.text == "We will not abandon them."
    pilot.key(pygame.K_TAB)
    pilot.key(pygame.K_TAB)  # past Back to the standard words
    assert words.focused.label == "Use the standard words"
    press_with_its_character(pilot, pygame.K_MINUS, "-")
    assert words.focused.label == "Use the standard words" and words.field.text == "We will not abandon them."
