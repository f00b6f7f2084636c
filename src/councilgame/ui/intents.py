"""Raw input becomes intentions here, and only here."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Intent(Enum):
    NEXT = "next"  # Tab, down arrow
    PREVIOUS = "previous"  # Shift-Tab, up arrow
    ACTIVATE = "activate"  # Enter, Space
    BACK = "back"  # Escape
    POINT = "point"  # mouse moved
    CLICK = "click"  # left button released
    QUIT = "quit"  # window closed


@dataclass(frozen=True)
class Input:
    intent: Intent
    pos: tuple[int, int] | None = None


def translate(event) -> Input | None:
    import pygame

    if event.type == pygame.QUIT:
        return Input(Intent.QUIT)
    if event.type == pygame.KEYDOWN:
        if event.key == pygame.K_TAB:
            return Input(Intent.PREVIOUS if event.mod & pygame.KMOD_SHIFT else Intent.NEXT)
        if event.key in (pygame.K_DOWN, pygame.K_RIGHT):
            return Input(Intent.NEXT)
        if event.key in (pygame.K_UP, pygame.K_LEFT):
            return Input(Intent.PREVIOUS)
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return Input(Intent.ACTIVATE)
        if event.key == pygame.K_ESCAPE:
            return Input(Intent.BACK)
    if event.type == pygame.MOUSEMOTION:
        return Input(Intent.POINT, tuple(event.pos))
    if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
        return Input(Intent.CLICK, tuple(event.pos))
    return None
