"""The title screen: the game's name, the case count, and the main menu."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from councilgame.ui import theme
from councilgame.ui.intents import Input, Intent
from councilgame.ui.scenes.base import Scene
from councilgame.ui.sdl import LOGICAL_SIZE


@dataclass
class MenuItem:
    label: str
    action: Callable[[], None] | None  # None: not available yet
    hint: str = ""


class TitleScene(Scene):
    def __init__(self, case_count: int, palette: theme.Palette = theme.STANDARD):
        self.palette = palette
        self.case_count = case_count
        self.items = [
            MenuItem("New game", None, "Case selection comes with the desktop game"),
            MenuItem("Continue", None, "No saved game yet"),
            MenuItem("Load", None, "No saved game yet"),
            MenuItem("Settings", None, "Coming with the desktop game"),
            MenuItem("Quit", self._quit),
        ]
        self.focus = len(self.items) - 1
        self._boxes: list = []
        self._layout()

    def _quit(self) -> None:
        self.stack.quit()

    def _layout(self) -> None:
        import pygame

        width, top = 320, 360
        self._boxes = [pygame.Rect((LOGICAL_SIZE[0] - width) // 2, top + i * 58, width, 46) for i in range(len(self.items))]

    def handle(self, event: Input) -> None:
        if event.intent is Intent.QUIT:
            self.stack.quit()
        elif event.intent is Intent.NEXT:
            self.focus = (self.focus + 1) % len(self.items)
        elif event.intent is Intent.PREVIOUS:
            self.focus = (self.focus - 1) % len(self.items)
        elif event.intent is Intent.BACK:
            self.focus = len(self.items) - 1
        elif event.intent in (Intent.POINT, Intent.CLICK) and event.pos:
            for i, box in enumerate(self._boxes):
                if box.collidepoint(event.pos):
                    self.focus = i
                    if event.intent is Intent.CLICK:
                        self._activate()
        elif event.intent is Intent.ACTIVATE:
            self._activate()

    def _activate(self) -> None:
        item = self.items[self.focus]
        if item.action is not None:
            item.action()

    def draw(self, surface) -> None:
        import pygame

        p = self.palette
        surface.fill(p.background)
        width = LOGICAL_SIZE[0]
        title = theme.font(88, bold=True).render("Council", True, p.text)
        surface.blit(title, title.get_rect(midtop=(width // 2, 110)))
        sub = theme.font(26).render("Sit on the UN Security Council in a real crisis", True, p.muted)
        surface.blit(sub, sub.get_rect(midtop=(width // 2, 230)))
        count = theme.font(20).render(f"{self.case_count} case{'s' if self.case_count != 1 else ''} in the library", True, p.muted)
        surface.blit(count, count.get_rect(midtop=(width // 2, 278)))
        for i, (item, box) in enumerate(zip(self.items, self._boxes)):
            enabled = item.action is not None
            pygame.draw.rect(surface, p.panel, box, border_radius=8)
            if i == self.focus:
                pygame.draw.rect(surface, p.focus, box, width=3, border_radius=8)
            label = theme.font(24, bold=i == self.focus).render(item.label, True, p.text if enabled else p.disabled)
            surface.blit(label, label.get_rect(center=box.center))
        hint = self.items[self.focus].hint
        if hint:
            text = theme.font(18).render(hint, True, p.muted)
            surface.blit(text, text.get_rect(midtop=(width // 2, self._boxes[-1].bottom + 24)))
        foot = theme.font(16).render("Arrows or Tab to move, Enter to choose, Escape to go back", True, p.muted)
        surface.blit(foot, foot.get_rect(midbottom=(width // 2, LOGICAL_SIZE[1] - 20)))
