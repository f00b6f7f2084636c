"""Drive the real game loop with synthetic input, as a player would: press
keys, click buttons by their label. Used by tests and `make screenshots`.

Under the dummy video driver posted mouse events do not move the polled
mouse, so a click also calls pygame.mouse.set_pos()."""

from __future__ import annotations

from councilgame.ui import widgets as w
from councilgame.ui.app import App


class Pilot:
    def __init__(self) -> None:
        self.app = App()
        self.pygame = self.app.pygame
        self.app.step(0.0)

    @property
    def scene(self):
        return self.app.stack.top

    def labels(self) -> list[str]:
        return [x.label for x in getattr(self.scene, "widgets", []) if isinstance(x, w.Button)]

    def find(self, label: str) -> w.Widget:
        for widget in getattr(self.scene, "widgets", []):
            if getattr(widget, "label", None) == label or (isinstance(widget, w.Button) and widget.label.startswith(label)):
                return widget
        raise LookupError(f"no '{label}' on {type(self.scene).__name__}: {self.labels()}")

    def first_of(self, *labels: str) -> str:
        """The first of these labels that a button on the screen carries (a screen's wording depends on the round)."""
        shown = self.labels()
        found = next((label for label in labels if label in shown), None)
        if found is None:
            raise LookupError(f"none of {labels} on {type(self.scene).__name__}: {shown}")
        return found

    def click(self, label: str, frames: int = 1) -> None:
        target = self.find(label)
        pos = target.rect.center
        self.pygame.mouse.set_pos(pos)
        self.pygame.event.post(self.pygame.event.Event(self.pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        self.pygame.event.post(self.pygame.event.Event(self.pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.frames(frames)
        self.settle()

    def settle(self, limit: int = 10_000) -> None:
        """Draw frames until the computer delegations have finished their turn."""
        from councilgame.ui.scenes.busy import BusyScene

        for __ in range(limit):
            if not isinstance(self.scene, BusyScene):
                return
            self.frames(1)
        raise TimeoutError("the computer delegations did not finish")

    def key(self, key: int, mod: int = 0, frames: int = 1) -> None:
        self.pygame.event.post(self.pygame.event.Event(self.pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
        self.frames(frames)
        self.settle()

    def type_text(self, text: str, frames: int = 1) -> None:
        """Type text into the field with the focus as a keyboard does: for each character its key goes
        down (a field leaves the key to the character, so S does not open the sources) and the
        character arrives as TEXTINPUT, one event each (SDL's carry at most 32 bytes)."""
        pg = self.pygame
        for char in text:
            key = ord(char.lower()) if char.isascii() and char.isprintable() else pg.K_UNKNOWN
            mod = pg.KMOD_SHIFT if char.isupper() else 0
            pg.event.post(pg.event.Event(pg.KEYDOWN, key=key, mod=mod, unicode=char, scancode=0))
            pg.event.post(pg.event.Event(pg.TEXTINPUT, text=char))
        self.frames(frames)

    def frames(self, count: int = 1, seconds: float = 1 / 60) -> None:
        for __ in range(count):
            self.app.step(seconds)

    def screenshot(self, path: str) -> None:
        self.app.step(0.0)
        self.pygame.image.save(self.app.screen, path)

    def close(self) -> None:
        self.app.close()
