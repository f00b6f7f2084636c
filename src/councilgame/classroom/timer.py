"""A phase's timer in a lesson: how long the class has left, which the instructor may pause, extend or
cut. It only counts and tells: the instructor ends a phase, never the clock (a class mid-sentence is
not cut off)."""

from __future__ import annotations

import math
from dataclasses import dataclass

# What the console's extend and cut buttons move the clock by: a minute, about one more exchange.
STEP_SECONDS = 60


@dataclass
class PhaseTimer:
    total: float  # seconds the phase was given
    left: float
    paused: bool = False

    @classmethod
    def of(cls, seconds: float) -> PhaseTimer:
        return cls(float(seconds), float(seconds))

    def tick(self, seconds: float) -> bool:
        """Count down by seconds (not while paused); whether what it shows changed (a whole second)."""
        if self.paused or self.left <= 0:
            return False
        before = self.seconds_shown
        self.left = max(0.0, self.left - max(0.0, seconds))
        return self.seconds_shown != before

    def extend(self, seconds: float = STEP_SECONDS) -> None:
        self.left += seconds
        self.total = max(self.total, self.left)

    def cut(self, seconds: float = STEP_SECONDS) -> None:
        self.left = max(0.0, self.left - seconds)

    @property
    def seconds_shown(self) -> int:
        """Whole seconds as the clock shows them: 0.2 s left still shows as 0:01, never 0:00 before it is up."""
        return math.ceil(self.left)

    @property
    def up(self) -> bool:
        return self.left <= 0

    def shown(self) -> str:
        """'4:05 left', 'paused, 4:05 left', or 'time is up'."""
        if self.up:
            return "time is up"
        whole = self.seconds_shown
        text = f"{whole // 60}:{whole % 60:02d} left"
        return f"paused, {text}" if self.paused else text
