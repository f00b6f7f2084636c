"""Colours and fonts. Each font file in assets/ is read once, and every size
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


# UN blue on a dark ground. The colour-blind-safe palette uses the Okabe-Ito
# colours (blue, vermillion, yellow) instead of a red/green pair; positions are
# also always marked by a symbol, never by colour alone. No colour means two
# things: the focus ring is white in both, apart from every vote's colour (it was
# the yellow of an abstention, so abstaining seats looked selected).
FOCUS = (255, 255, 255)
STANDARD = Palette((18, 28, 44), (30, 44, 66), (236, 240, 245), (160, 174, 192), (0, 158, 219), FOCUS,
                   (100, 112, 130), (72, 187, 120), (229, 83, 75), (236, 180, 50), (44, 62, 90))
COLOUR_SAFE = Palette((16, 16, 24), (36, 36, 54), (245, 245, 245), (185, 185, 200), (86, 180, 233), FOCUS,
                      (110, 110, 125), (0, 114, 178), (213, 94, 0), (240, 228, 66), (52, 52, 78))

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
