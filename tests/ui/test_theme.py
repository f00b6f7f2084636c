"""No colour means two things: the focus ring, the highlight and each vote have colours of their own."""

from __future__ import annotations

import itertools

import pytest

from councilgame.ui import theme

# How far apart (in RGB) two colours with different meanings must be to be told apart at a glance.
APART = 80


@pytest.mark.parametrize("palette", theme.PALETTES.values(),
                         ids=[f"{name}{'-colour-safe' if safe else ''}" for name, safe in theme.PALETTES])
def test_each_meaning_has_a_colour_of_its_own(palette):
    meanings = {"focus": palette.focus, "accent": palette.accent, "yes": palette.yes, "no": palette.no,
                "abstain": palette.abstain}
    for (a, ca), (b, cb) in itertools.combinations(meanings.items(), 2):
        distance = sum((x - y) ** 2 for x, y in zip(ca, cb)) ** 0.5
        assert distance >= APART, f"{a} and {b} look alike ({ca}, {cb})"


def test_a_tooltip_goes_beside_the_text_in_focus_never_over_it():
    import pygame

    from councilgame.ui.widgets import _beside

    screen = pygame.Rect(0, 0, 1280, 720)
    box = pygame.Rect(0, 0, 400, 90)
    for focused in (pygame.Rect(450, 416, 380, 216), pygame.Rect(40, 106, 690, 262), pygame.Rect(24, 80, 1232, 40)):
        placed = _beside(box.move(focused.left, focused.bottom), focused, screen)
        assert screen.contains(placed) and not placed.colliderect(focused), (focused, placed)
    everything = pygame.Rect(0, 0, 1280, 720)  # no room anywhere: the least overlap, still on screen
    assert screen.contains(_beside(box, everything, screen))
