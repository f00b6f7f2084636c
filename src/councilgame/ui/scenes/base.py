"""Scenes on a stack. `draw` never changes state; `handle` and `update` do."""

from __future__ import annotations

from councilgame.ui.intents import Input


class Scene:
    def handle(self, event: Input) -> None:
        pass

    def update(self, seconds: float) -> None:
        pass

    def draw(self, surface) -> None:
        raise NotImplementedError


class SceneStack:
    def __init__(self) -> None:
        self.scenes: list[Scene] = []
        self.running = True

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        scene.stack = self
        self.scenes.append(scene)

    def pop(self) -> None:
        if self.scenes:
            self.scenes.pop()
        if not self.scenes:
            self.running = False

    def quit(self) -> None:
        self.running = False
