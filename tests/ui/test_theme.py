"""No colour means two things: the focus ring, the highlight and each vote have colours of their own."""

from __future__ import annotations

import itertools

import pytest

from councilgame.ui import theme

# How far apart (in RGB) two colours with different meanings must be to be told apart at a glance.
APART = 80


@pytest.mark.parametrize("palette", [theme.STANDARD, theme.COLOUR_SAFE], ids=["standard", "colour-safe"])
def test_each_meaning_has_a_colour_of_its_own(palette):
    meanings = {"focus": palette.focus, "accent": palette.accent, "yes": palette.yes, "no": palette.no,
                "abstain": palette.abstain}
    for (a, ca), (b, cb) in itertools.combinations(meanings.items(), 2):
        distance = sum((x - y) ** 2 for x, y in zip(ca, cb)) ** 0.5
        assert distance >= APART, f"{a} and {b} look alike ({ca}, {cb})"
