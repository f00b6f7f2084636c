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
