"""The window at rest: an unchanged screen is not redrawn sixty times a second
(that costs most of a core under X), but input and animations still show at once."""

import pygame
import pytest

from councilgame.ui import app as applib
from councilgame.ui.pilot import Pilot


@pytest.fixture
def counted(monkeypatch):
    pilot = Pilot()
    draws = []
    real = pilot.app.stack.draw
    monkeypatch.setattr(pilot.app.stack, "draw", lambda surface: draws.append(pilot.app.stack.top) or real(surface))
    yield pilot, draws
    pilot.close()


def test_an_unchanged_screen_is_redrawn_only_at_the_rest_rate(counted):
    pilot, draws = counted
    pilot.frames(2)
    draws.clear()
    frames = 120  # two seconds at 60 frames a second
    pilot.frames(frames)
    assert len(draws) <= frames / 60 / applib.REDRAW_AT_REST + 1


def test_a_key_is_drawn_in_the_frame_that_reads_it(counted):
    pilot, draws = counted
    pilot.frames(5)
    draws.clear()
    pilot.pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0, unicode="\t", scancode=0))
    pilot.app.step(1 / 60)
    assert len(draws) == 1


def test_a_screen_that_animates_is_drawn_every_frame(counted):
    pilot, draws = counted
    from councilgame.ui.scenes.busy import BusyScene
    import threading

    release = threading.Event()
    pilot.app.stack.push(BusyScene(lambda: release.wait(5), lambda result: None))
    pilot.frames(2)
    draws.clear()
    pilot.frames(30)
    release.set()
    assert len(draws) == 30 and all(isinstance(scene, BusyScene) for scene in draws)


def test_the_last_step_of_an_animation_is_drawn_at_once(counted):
    pilot, draws = counted

    class Countdown:
        """A stand-in screen that animates for three updates."""
        stack = ctx = None
        left = 3

        @property
        def animating(self):
            return self.left > 0

        def enter(self):
            pass

        def handle(self, event):
            pass

        def update(self, seconds):
            self.left = max(0, self.left - 1)

        def draw(self, surface):
            surface.fill((self.left * 60, 0, 0))

    scene = Countdown()
    pilot.app.stack.push(scene)
    pilot.frames(1)  # a new screen is drawn in the frame after it arrives
    draws.clear()
    pilot.frames(4)
    assert scene.left == 0 and pilot.app.screen.get_at((5, 5))[:3] == (0, 0, 0)
