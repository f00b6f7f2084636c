"""Colours and fonts. Fonts load by path from assets/ (a font read from a
file object that is later closed breaks rendering)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from councilgame import paths


@dataclass(frozen=True)
class Palette:
    background: tuple[int, int, int]
    panel: tuple[int, int, int]
    text: tuple[int, int, int]
    muted: tuple[int, int, int]
    accent: tuple[int, int, int]
    focus: tuple[int, int, int]
    disabled: tuple[int, int, int]


# UN blue on a dark ground; the colour-blind-safe palette avoids red/green pairs.
STANDARD = Palette((18, 28, 44), (30, 44, 66), (236, 240, 245), (160, 174, 192), (0, 158, 219), (255, 196, 0), (90, 102, 120))
COLOUR_SAFE = Palette((20, 20, 30), (40, 40, 60), (240, 240, 240), (170, 170, 185), (0, 114, 178), (230, 159, 0), (100, 100, 115))


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False):
    import pygame

    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    return pygame.font.Font(str(paths.assets() / "fonts" / name), size)
