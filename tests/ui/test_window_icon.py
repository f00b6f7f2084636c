"""The window's icon: the game's own (the horseshoe table of tools/make_icon.py), not pygame's snake, set before
the window opens (some systems take no icon after). Spied on under the dummy video driver."""

from __future__ import annotations

import sys

import pygame

from councilgame.ui import sdl
from councilgame.ui.pilot import Pilot

UN_BLUE = (0, 158, 219)  # the table (theme.STANDARD.accent)
PANEL = (30, 44, 66)     # the ground inside the rounded border (theme.STANDARD.panel)


def test_the_window_opens_with_the_horseshoe_table_as_its_icon_set_before_the_window(monkeypatch):
    told: list[tuple[str, pygame.Surface | None]] = []
    set_icon, set_mode = pygame.display.set_icon, pygame.display.set_mode

    def spy_icon(surface):
        told.append(("icon", surface.copy()))
        return set_icon(surface)

    def spy_mode(*args, **kwargs):
        told.append(("window", None))
        return set_mode(*args, **kwargs)

    monkeypatch.setattr(pygame.display, "set_icon", spy_icon)
    monkeypatch.setattr(pygame.display, "set_mode", spy_mode)
    pilot = Pilot()
    pilot.close()
    assert [what for what, __ in told] == ["icon", "window"]
    icon = told[0][1]
    assert icon is not None
    side = 256 if sys.platform == "darwin" else sdl.ICON_SIZE  # whole for the Dock, shrunk for a title bar
    assert icon.get_size() == (side, side)  # pygame's snake is 32 px
    assert icon.get_at((0, 0)).a == 0  # a rounded corner: transparent, so the icon takes any background
    assert icon.get_at((side // 2, side // 2))[:3] == PANEL  # inside the horseshoe
    assert icon.get_at((side // 2, round(side * 0.27)))[:3] == UN_BLUE  # the top of the table's arc


def test_a_missing_icon_file_leaves_pygame_s_own_and_the_window_still_opens(monkeypatch):
    monkeypatch.setattr(sdl, "ICON_FILE", "no-such-icon.png")
    sizes: list[tuple[int, int]] = []
    set_icon = pygame.display.set_icon
    monkeypatch.setattr(pygame.display, "set_icon", lambda surface: (sizes.append(surface.get_size()), set_icon(surface)))
    pilot = Pilot()
    try:
        assert pilot.app.screen.get_size() == sdl.LOGICAL_SIZE
    finally:
        pilot.close()
    assert sizes in ([], [(32, 32)])  # pygame's bitmap by path, or set_mode's own where that file is absent
