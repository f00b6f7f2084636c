"""The title screen, driven by synthetic input under the dummy video driver."""

import pygame
import pytest

from councilgame.ui.app import play, run


def key(k, mod=0):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def test_the_title_screen_renders_its_menu(tmp_path):
    shot = tmp_path / "title.png"
    assert run(max_frames=3, screenshot=str(shot)) == 0
    image = pygame.image.load(str(shot))
    assert image.get_size() == (1280, 720)
    colours = {image.get_at((x, y))[:3] for x in range(0, 1280, 40) for y in range(0, 720, 40)}
    assert len(colours) > 2  # not a blank screen


def test_keyboard_alone_reaches_quit_and_leaves():
    # Focus starts on Quit; Tab wraps to New game; Shift-Tab comes back; Enter quits.
    script = [key(pygame.K_TAB), key(pygame.K_TAB, pygame.KMOD_SHIFT), key(pygame.K_RETURN)]
    assert play(max_frames=200, script=script) < 10


def test_escape_then_enter_quits_from_anywhere_in_the_menu():
    script = [key(pygame.K_DOWN), key(pygame.K_DOWN), key(pygame.K_ESCAPE), key(pygame.K_RETURN)]
    assert play(max_frames=200, script=script) < 10


def test_disabled_items_do_nothing_when_chosen():
    from councilgame.ui.intents import Input, Intent
    from councilgame.ui.scenes.base import SceneStack
    from councilgame.ui.scenes.title import TitleScene

    stack = SceneStack()
    scene = TitleScene(1)
    stack.push(scene)
    scene.handle(Input(Intent.NEXT))  # wraps to "New game"
    assert scene.items[scene.focus].label == "New game"
    scene.handle(Input(Intent.ACTIVATE))
    assert stack.running
    scene.handle(Input(Intent.QUIT))
    assert not stack.running


def test_clicking_quit_leaves(monkeypatch):
    from councilgame.ui.intents import Input, Intent
    from councilgame.ui.scenes.base import SceneStack
    from councilgame.ui.scenes.title import TitleScene

    stack = SceneStack()
    scene = TitleScene(1)
    stack.push(scene)
    quit_box = scene._boxes[-1]
    scene.handle(Input(Intent.CLICK, quit_box.center))
    assert not stack.running
