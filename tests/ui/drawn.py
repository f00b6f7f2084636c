"""What a screen draws, as text: a font that notes every string it renders, and a window driven with it.
The privacy, naming and PIN tests read the rendered strings, not pixels."""

from __future__ import annotations

from collections.abc import Iterator

import pygame

from councilgame.ui import theme
from councilgame.ui.pilot import Pilot


class Drawn(pygame.font.Font):
    """A font that notes every string it draws."""

    seen: list[str] = []

    def render(self, text, *args, **kwargs):  # type: ignore[override]
        Drawn.seen.append(str(text))
        return super().render(text, *args, **kwargs)


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
