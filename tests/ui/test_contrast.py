"""Every text at WCAG AA contrast in both themes, standard and colour-blind-safe: theme.TEXT_ON declares which
text colours (by role) are drawn on which grounds, each pair is computed (WCAG 2.x relative luminance) in
every palette, and every screen of the screenshot script's game and classroom, painted in each theme, draws
no line of text whose colours are not one of those pairs (so the table cannot drift from the code)."""

from __future__ import annotations

import sys

import pygame
import pytest

from conftest import ROOT
from councilgame.ui import theme
from councilgame.ui.pilot import Pilot
from ui.drawn import Drawn, painted, roles, undeclared

PALETTES = {f"{name}{'-colour-safe' if safe else ''}": palette for (name, safe), palette in theme.PALETTES.items()}


def test_contrast_is_wcag_2_relative_luminance():
    assert theme.contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert theme.contrast((255, 255, 255), (0, 0, 0)) == pytest.approx(21.0)  # either way round
    assert theme.contrast((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)  # #777: just fails AA
    assert theme.contrast((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)  # #767676: just passes
    assert theme.relative_luminance((255, 0, 0)) == pytest.approx(0.2126)


def test_each_theme_has_a_standard_and_a_colour_safe_palette():
    assert set(theme.PALETTES) == {(name, safe) for name in theme.THEMES for safe in (False, True)}
    assert theme.palette("no such theme", False) is theme.STANDARD


@pytest.mark.parametrize("palette", PALETTES.values(), ids=PALETTES.keys())
def test_every_text_colour_meets_wcag_aa_on_every_ground_it_is_drawn_on(palette):
    assert not theme.LARGE_TEXT_ONLY, "a pair held to the large-text 3:1 must say where it is declared why"
    weak = [f"{text} on {ground}: {theme.contrast(getattr(palette, text), getattr(palette, ground)):.2f}:1 "
            f"(needs {least}:1)" for text, ground, least in theme.text_pairs()
            if theme.contrast(getattr(palette, text), getattr(palette, ground)) < least]
    assert not weak, weak


def test_a_case_cards_details_are_at_aa_in_the_dark_theme_too():
    """They were 3.6:1 (the accent on a card's ground)."""
    assert theme.contrast(theme.STANDARD.accent, theme.STANDARD.panel_light) >= theme.AA_TEXT


@pytest.mark.parametrize("theme_name", theme.THEMES)
def test_every_text_drawn_on_every_screen_is_a_declared_pair(monkeypatch, tmp_path, theme_name):
    """The screenshot script's whole tour (a game of Rwanda from the title to the debrief and the glossary, at
    100 and 200% text, standard and colour-safe, the classroom's set-up, hand-off, room view, PIN and console)
    in the theme, every shot painted and read; and each pair drawn meets its contrast there."""
    sys.path.insert(0, str(ROOT / "tools"))
    import screenshots

    monkeypatch.setattr(pygame.font, "Font", Drawn)
    theme.font.cache_clear()
    monkeypatch.setattr(screenshots, "OUT", tmp_path)
    problems: dict[str, list[str]] = {}
    screens: list[str] = []
    pairs: set[tuple[str, str]] = set()

    def look(pilot: Pilot, path: str) -> None:
        pilot.app.step(0.0)
        palette = pilot.app.ctx.palette
        assert pilot.app.ctx.settings.theme == theme_name
        drawn = painted(pilot)
        name = f"{type(pilot.scene).__name__} ({path.rsplit('/', 1)[-1]})"
        screens.append(name)
        for line in drawn:
            pairs.update((t, g) for t in roles(palette, line.colour) for g in roles(palette, line.ground))
            if theme.contrast(line.colour, line.ground) < theme.AA_TEXT:
                problems.setdefault(name, []).append(f"'{line.text[:40]}' at {theme.contrast(line.colour, line.ground):.2f}:1")
        problems.setdefault(name, []).extend(undeclared(palette, drawn))

    monkeypatch.setattr(Pilot, "screenshot", look)
    try:
        screenshots.tour(theme_name)
    finally:
        theme.font.cache_clear()
    assert len(screens) >= 25
    assert {("text", "background"), ("muted", "panel"), ("accent", "panel_light"), ("background", "accent"),
            ("disabled", "panel")} <= pairs  # the walk did read colours
    assert not any(problems.values()), {k: v for k, v in problems.items() if v}
