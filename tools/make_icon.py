"""Draw the application icon into assets/: icon.png (256 px) and icon.ico (16 to 256 px), for `make dist`.

The Security Council's horseshoe table in UN blue, its fifteen seats round it, on the game's dark ground
(the colours of ui/theme.STANDARD). Drawn four times larger and scaled down, which smooths the edges that
pygame's drawing leaves hard. Run it again only to change the icon: both files are committed.

    .venv/bin/python tools/make_icon.py
"""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
from PIL import Image  # noqa: E402 - Pillow (fpdf2's dependency) writes the .ico; pygame cannot

ASSETS = Path(__file__).resolve().parent.parent / "assets"
SIZE = 256
SCALE = 4  # drawn at 1024 px and scaled down: the scaling is the anti-aliasing
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]

GROUND = (18, 28, 44)       # theme.STANDARD.background
PANEL = (30, 44, 66)        # theme.STANDARD.panel
UN_BLUE = (0, 158, 219)     # theme.STANDARD.accent
SEAT = (236, 240, 245)      # theme.STANDARD.text

# The horseshoe opens downwards: its arc runs 300 degrees, from 240 (lower left) round the top to -60.
ARC_FROM, ARC_TO = math.radians(240), math.radians(-60)
SEATS = 15


def _ring(centre: tuple[float, float], outer: float, inner: float, steps: int = 240) -> list[tuple[float, float]]:
    """The horseshoe as one polygon: along the outer edge, then back along the inner one."""
    cx, cy = centre
    angles = [ARC_FROM + (ARC_TO - ARC_FROM) * i / steps for i in range(steps + 1)]
    outside = [(cx + outer * math.cos(a), cy - outer * math.sin(a)) for a in angles]
    inside = [(cx + inner * math.cos(a), cy - inner * math.sin(a)) for a in reversed(angles)]
    return outside + inside


def draw() -> pygame.Surface:
    big = SIZE * SCALE
    surface = pygame.Surface((big, big), pygame.SRCALPHA)
    surface.fill((0, 0, 0, 0))
    pygame.draw.rect(surface, GROUND, surface.get_rect(), border_radius=big // 5)
    pygame.draw.rect(surface, PANEL, surface.get_rect().inflate(-big // 16, -big // 16), border_radius=big // 6)
    centre = (big / 2, big * 0.52)
    outer, inner = big * 0.30, big * 0.20
    pygame.draw.polygon(surface, UN_BLUE, _ring(centre, outer, inner))
    width = (outer - inner) / 2
    for end in (ARC_FROM, ARC_TO):  # round ends, as the real table's
        mid = (outer + inner) / 2
        pygame.draw.circle(surface, UN_BLUE, (centre[0] + mid * math.cos(end), centre[1] - mid * math.sin(end)), width)
    seat_ring, seat_radius = big * 0.37, big * 0.035
    for i in range(SEATS):
        angle = ARC_FROM + (ARC_TO - ARC_FROM) * i / (SEATS - 1)
        pygame.draw.circle(surface, SEAT, (centre[0] + seat_ring * math.cos(angle), centre[1] - seat_ring * math.sin(angle)),
                           seat_radius)
    return pygame.transform.smoothscale(surface, (SIZE, SIZE))


def main() -> int:
    icon = draw()  # drawing, scaling and saving need no pygame.init(): no display, no audio device
    png = ASSETS / "icon.png"
    pygame.image.save(icon, str(png))
    with Image.open(png) as image:
        image.save(ASSETS / "icon.ico", sizes=ICO_SIZES)
    print(f"wrote {png} and {ASSETS / 'icon.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
