"""The game loop: events become intentions, the top scene handles them,
every scene on the stack updates, the top scene draws."""

from __future__ import annotations

from typing import Iterable

from councilgame.ui import sdl, theme
from councilgame.ui.intents import translate
from councilgame.ui.scenes.base import SceneStack


def build_stack() -> SceneStack:
    from councilgame import catalogue
    from councilgame.ui.scenes.title import TitleScene

    cases, _ = catalogue.load_all()
    stack = SceneStack()
    stack.push(TitleScene(len(cases)))
    return stack


def run(max_frames: int | None = None, script: Iterable | None = None, screenshot: str | None = None) -> int:
    """Open the window and play until the player quits; return an exit status."""
    play(max_frames, script, screenshot)
    return 0


def play(max_frames: int | None = None, script: Iterable | None = None, screenshot: str | None = None) -> int:
    """The loop itself; returns the number of frames drawn (for tests).

    script: pygame events to post, one per frame, for tests and screenshots.
    """
    pygame, screen = sdl.init()
    try:
        stack = build_stack()
        clock = pygame.time.Clock()
        pending = list(script or [])
        frames = 0
        while stack.running and (max_frames is None or frames < max_frames):
            if pending:
                pygame.event.post(pending.pop(0))
            for event in pygame.event.get():
                intent = translate(event)
                if intent is not None and stack.top is not None:
                    stack.top.handle(intent)
            seconds = clock.tick(sdl.FPS) / 1000.0
            for scene in list(stack.scenes):
                scene.update(seconds)
            if stack.top is not None:
                stack.top.draw(screen)
            pygame.display.flip()
            frames += 1
        if screenshot:
            pygame.image.save(screen, screenshot)
        return frames
    finally:
        theme.font.cache_clear()  # fonts die with pygame.quit
        sdl.quit()
