"""While the computer delegations take their turn, the window keeps
drawing: the work runs on a worker thread and this screen, which reads
nothing of the game, stays on top until it is done. Only Quit is answered
meanwhile, and at once: the window closes without waiting for the turn."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable

import pygame

from councilgame.i18n import N_, _
from councilgame.ui.intents import Intent
from councilgame.ui.scenes.base import Scene

# How long closing the window waits for a computer turn still running, so that its autosave lands.
# A turn is meant to take well under a second; one stuck for longer must not keep a closed window alive
# (the worker is a daemon thread, and an interrupted save leaves the previous one intact).
FINISH_SECONDS = 3.0


class BusyScene(Scene):
    def __init__(self, work: Callable[[], object], then: Callable[[object], None], text: str = N_("The Council deliberates")):
        self.work, self.then, self.text = work, then, text
        self.result: object = None
        self.error: BaseException | None = None
        self.elapsed = 0.0
        self._thread = threading.Thread(target=self._run, daemon=True)

    def enter(self) -> None:
        if not self._thread.is_alive() and self._thread.ident is None:
            self._thread.start()

    def _run(self) -> None:
        try:
            self.result = self.work()
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread, which reports it
            self.error = exc

    def wait(self) -> bool:
        """Wait up to FINISH_SECONDS for the work; return whether it finished."""
        if self._thread.ident is not None:
            self._thread.join(FINISH_SECONDS)
        return not self._thread.is_alive()

    @property
    def done(self) -> bool:
        return self._thread.ident is not None and not self._thread.is_alive()

    def handle(self, event) -> None:
        if event.intent is Intent.QUIT:  # every other input waits until the Council has finished
            self.stack.quit()

    @property
    def animating(self) -> bool:
        return not self.ctx.settings.reduced_motion

    def update(self, seconds: float) -> None:
        self.elapsed += seconds
        if self.done:
            self.stack.pop_silently()
            if self.error is not None:
                raise self.error
            self.then(self.result)

    def draw(self, surface) -> None:
        p = self.ctx.palette
        surface.fill(p.background)
        font = self.ctx.font(26, bold=True)
        image = font.render(_("{doing}...").format(doing=_(self.text)), True, p.text)
        surface.blit(image, image.get_rect(center=(surface.get_width() // 2, surface.get_height() // 2)))
        if not self.ctx.settings.reduced_motion:
            angle = self.elapsed * 4
            centre = (surface.get_width() // 2, surface.get_height() // 2 + 60)
            for i in range(8):
                a = angle + i * math.pi / 4
                dot = (centre[0] + int(22 * math.cos(a)), centre[1] + int(22 * math.sin(a)))
                pygame.draw.circle(surface, p.accent if i == 0 else p.panel_light, dot, 5)
