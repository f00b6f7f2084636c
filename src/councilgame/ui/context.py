"""What every widget needs to draw: palette, text scale, glossary, pointer."""

from __future__ import annotations

from dataclasses import dataclass, field

from councilgame.ui import theme
from councilgame.ui.settings import Settings


@dataclass
class UiContext:
    settings: Settings
    glossary: dict[str, str] = field(default_factory=dict)
    pointer: tuple[int, int] = (-1, -1)

    @property
    def palette(self) -> theme.Palette:
        return theme.palette(self.settings.theme, self.settings.colour_safe)

    def font(self, size: int, bold: bool = False):
        return theme.font(max(8, round(size * self.settings.scale)), bold)
