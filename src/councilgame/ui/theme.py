"""Colours and fonts. Colours are named by role (text, panel, accent...) in a palette: a dark and a
light theme, each standard or colour-blind-safe, with the table of which text colours are drawn on
which grounds (TEXT_ON) that keeps every text at WCAG AA contrast. Each font file in assets/ is read once, and every size
opens it from memory (a font read from a file object that is later closed
breaks rendering: each size keeps its own, never closed)."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from councilgame import paths


class Palette(NamedTuple):
    """Immutable and compared by value. A NamedTuple, not a frozen dataclass: with eleven fields
    the dataclass's generated methods cost 0.8 ms of every start-up to define, this 0.2 ms."""

    background: tuple[int, int, int]
    panel: tuple[int, int, int]
    text: tuple[int, int, int]
    muted: tuple[int, int, int]
    accent: tuple[int, int, int]
    focus: tuple[int, int, int]
    disabled: tuple[int, int, int]
    yes: tuple[int, int, int]
    no: tuple[int, int, int]
    abstain: tuple[int, int, int]
    panel_light: tuple[int, int, int]


# UN blue on a dark ground. The colour-blind-safe palettes use the Okabe-Ito
# colours (sky blue, vermillion, yellow) instead of a red/green pair; positions are
# also always marked by a symbol, never by colour alone. No colour means two
# things: the focus ring has a colour apart from every vote's (it was the yellow
# of an abstention, so abstaining seats looked selected), and the colour-safe
# accent is a bluish green, apart from the sky blue of a yes.
#
# Every text is at WCAG AA contrast against what it is drawn on (TEXT_ON, below):
# the dark ground's accent, disabled and vote colours were lightened to reach it
# (a case card's details were 3.6:1, a disabled button's label 2.8:1).
FOCUS = (255, 255, 255)
STANDARD = Palette((18, 28, 44), (30, 44, 66), (236, 240, 245), (160, 174, 192), (64, 184, 240), FOCUS,
                   (138, 150, 168), (72, 187, 120), (242, 106, 96), (236, 180, 50), (44, 62, 90))
COLOUR_SAFE = Palette((16, 16, 24), (36, 36, 54), (245, 245, 245), (185, 185, 200), (0, 190, 150), FOCUS,
                      (140, 140, 158), (86, 180, 233), (240, 120, 60), (240, 228, 66), (52, 52, 78))

# The light theme, for a projector in a lit room (which washes a dark ground out to grey): near-black
# text on near-white, controls a shade darker than the panels they sit on, and accent and vote colours
# dark enough to carry the ground's near-white as text (a selected button, the banner, a badge). Its
# focus ring is black, as the dark theme's is white.
LIGHT_FOCUS = (0, 0, 0)
LIGHT = Palette((246, 248, 251), (225, 231, 240), (17, 24, 39), (68, 78, 96), (0, 84, 150), LIGHT_FOCUS,
                (92, 100, 114), (20, 115, 55), (180, 30, 40), (140, 100, 0), (200, 212, 228))
LIGHT_COLOUR_SAFE = Palette((246, 246, 246), (226, 226, 230), (20, 20, 24), (70, 70, 80), (0, 96, 75), LIGHT_FOCUS,
                            (96, 96, 104), (0, 98, 165), (180, 45, 0), (110, 100, 0), (204, 204, 212))

THEMES = ("dark", "light")  # as Settings offers them; the first is the default
PALETTES = {("dark", False): STANDARD, ("dark", True): COLOUR_SAFE,
            ("light", False): LIGHT, ("light", True): LIGHT_COLOUR_SAFE}


def palette(theme: str, colour_safe: bool) -> Palette:
    """The palette of a theme (an unknown one reads as the default), standard or colour-blind-safe."""
    return PALETTES.get((theme, colour_safe)) or PALETTES[(THEMES[0], colour_safe)]


# WCAG 2.x success criterion 1.4.3 (AA): text at 4.5:1 against its ground; large text (24 px, or 18.7 px
# bold, and up) at 3:1. No pair below is declared for large text only, so every pair is held to 4.5.
AA_TEXT = 4.5
AA_LARGE_TEXT = 3.0

# Which text colours (by role) are drawn on which grounds (by role): every pair in every palette is at
# AA_TEXT (tests/ui/test_contrast.py), and every line of text the screens draw, in either theme, is one
# of these pairs (the same test paints every screen of a scripted game and reads each line's colours).
TEXT_ON: dict[str, tuple[str, ...]] = {
    "text": ("background", "panel", "panel_light"),  # body text, titles, the labels of buttons and cards
    "muted": ("background", "panel", "panel_light"),  # captions, a panel's title, a card's body, a placeholder
    "accent": ("panel_light",),  # a card's details
    "disabled": ("background", "panel"),  # the label of a button that cannot be pressed (drawn on panel), a closed field
    "background": ("accent", "abstain", "no"),  # a selected button, the banner of a game not being saved, a badge
    "no": ("background", "panel"),  # a problem said, the clock once the time is up
    "yes": ("panel",),  # the set-up's "The two PINs match."
}
# Pairs drawn only as large text, held to AA_LARGE_TEXT instead: (text role, ground role). None.
LARGE_TEXT_ONLY: frozenset[tuple[str, str]] = frozenset()


def text_pairs() -> list[tuple[str, str, float]]:
    """(text role, ground role, the least contrast it needs) for every pair in TEXT_ON."""
    return [(text, ground, AA_LARGE_TEXT if (text, ground) in LARGE_TEXT_ONLY else AA_TEXT)
            for text, grounds in TEXT_ON.items() for ground in grounds]


def relative_luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2.x relative luminance of an sRGB colour: 0 for black, 1 for white."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG 2.x contrast ratio of two colours, from 1 (the same) to 21 (black on white), either way round."""
    lighter, darker = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


SYMBOL = {"yes": "+", "no": "×", "abstain": "–", "absent": "·"}


@lru_cache(maxsize=2)
def _font_file(name: str) -> bytes:
    return (paths.assets() / "fonts" / name).read_bytes()


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False):
    import io

    import pygame

    # From memory rather than by path: SDL_ttf reads a font in many small seeks and reads, each a
    # system call from a file, and every size is a face of its own that reads the tables again;
    # from memory a new size costs 0.75 ms, not 0.95 (the title opens five). The BytesIO shares
    # the file's bytes and lives as long as the font.
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    return pygame.font.Font(io.BytesIO(_font_file(name)), size)
