"""What a screen draws, as text: a font that notes every string it renders, and a window driven with it.
The privacy, naming and PIN tests read the rendered strings, not pixels. `Painted` is a surface to draw a
screen on that notes the colour of each line of text and of the ground it is drawn on (the contrast test)."""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

import pygame

from councilgame.ui import theme
from councilgame.ui.pilot import Pilot

RGB = tuple[int, int, int]


class Drawn(pygame.font.Font):
    """A font that notes every string it draws, and the colour of each image it made (`rendered`)."""

    seen: list[str] = []
    rendered: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # image -> (text, its colour)

    def render(self, text, *args, **kwargs):  # type: ignore[override]
        Drawn.seen.append(str(text))
        image = super().render(text, *args, **kwargs)
        colour = args[1] if len(args) > 1 else kwargs.get("color", kwargs.get("fgcolor"))
        if colour is not None:
            Drawn.rendered[image] = (str(text), tuple(pygame.Color(colour))[:3])
        return image


class PaintedText(NamedTuple):
    text: str
    colour: RGB  # of its letters
    ground: RGB  # what most of the box it is drawn in showed just before


# Points sampled across a line's box to find its ground: enough to outvote a panel's rounded corner or
# a scroll bar at its edge, few enough to read every line of a walk through every screen.
GROUND_SAMPLES = (12, 3)


class Painted(pygame.Surface):
    """A surface the size of the window that notes each line of text blitted onto it (an image a Drawn
    font made) with its colour and the colour most of its box showed before it was drawn (its ground)."""

    def __init__(self, size) -> None:
        super().__init__(size)
        self.texts: list[PaintedText] = []

    def blit(self, source, dest, area=None, special_flags=0):  # type: ignore[override]
        noted = Drawn.rendered.get(source)
        if noted is not None and noted[0].strip():
            box = pygame.Rect(dest if len(dest) == 4 else (*dest, *source.get_size()))
            box.size = source.get_size() if area is None else pygame.Rect(area).size
            ground = self._ground(box.clip(self.get_clip()))
            if ground is not None:
                self.texts.append(PaintedText(noted[0], noted[1], ground))
        return super().blit(source, dest, area, special_flags)

    def _ground(self, box: pygame.Rect) -> RGB | None:
        if box.width <= 0 or box.height <= 0:
            return None  # clipped away: nothing of it is seen
        across, down = GROUND_SAMPLES
        points = {(box.left + box.width * (2 * i + 1) // (2 * across), box.top + box.height * (2 * j + 1) // (2 * down))
                  for i in range(across) for j in range(down)}
        counts = Counter(tuple(self.get_at(p))[:3] for p in points)
        return counts.most_common(1)[0][0]


def painted(pilot: Pilot) -> list[PaintedText]:
    """The screen on top drawn as the window draws it (with the banner and clock), each line of text noted."""
    surface = Painted(pilot.app.screen.get_size())
    pilot.app.stack.draw(surface)
    return surface.texts


def roles(palette: theme.Palette, colour) -> set[str]:
    """The palette's roles that have this colour (two roles may share one)."""
    return {name for name in palette._fields if getattr(palette, name) == tuple(colour)}


def undeclared(palette: theme.Palette, drawn: list[PaintedText]) -> list[str]:
    """The lines drawn whose colours are no pair of theme.TEXT_ON (by role), in words."""
    declared = {(text, ground) for text, ground, _ in theme.text_pairs()}
    found = []
    for line in drawn:
        text, ground = roles(palette, line.colour), roles(palette, line.ground)
        if not any((t, g) in declared for t in text for g in ground):
            found.append(f"'{line.text[:40]}' in {'/'.join(sorted(text)) or line.colour} on "
                         f"{'/'.join(sorted(ground)) or line.ground}, a pair theme.TEXT_ON does not declare")
    return found


def drawing(monkeypatch) -> Iterator[Pilot]:
    """A window whose every drawn string lands in Drawn.seen (the fonts made before are forgotten, and again
    after, so that no other test draws with the noting font)."""
    monkeypatch.setattr(pygame.font, "Font", Drawn)
    theme.font.cache_clear()
    Drawn.seen = []
    pilot = Pilot()
    try:
        yield pilot
    finally:  # closed by pytest's fixture teardown, or by .close() on the generator
        pilot.close()
        theme.font.cache_clear()
