"""How a crisis moves between rounds, as pure functions of the state.

Indicators run from 0 to 100. Each round they move by the case's documented
drift (what happened while the Council did what it did historically, or
nothing), by the impact of every measure the Council has put in force, and
by a little seeded noise: the model is a teaching device, not a forecast,
and everything it estimates is labelled as a model estimate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from councilgame.crisis.parameters import PARAMETERS, CrisisParameters
from councilgame.scenario.model import Clause, Indicator

INDICATORS = tuple(i.value for i in Indicator)
# Indicators whose course is uncertain enough to deserve noise.
NOISY = ("violence", "civilians_at_risk", "displacement")
# The defaults, by their old names (the parameters object is the one place they are set).
NOISE_SD = PARAMETERS.noise_sd
ATTENTION_DECAY = PARAMETERS.attention_decay


class Noise(Protocol):
    def gauss(self, mu: float, sigma: float) -> float: ...


def indicator_name(name: str | Indicator) -> str:
    """The one key of an indicator: a case names indicators by the enum, a game's state by the plain name."""
    return name.value if isinstance(name, Indicator) else name


def clamp(value: float) -> float:
    return 0.0 if value < 0.0 else 100.0 if value > 100.0 else value


def step(indicators: Mapping[str, float], drift: Mapping[str, float], measures: Iterable[Clause],
         rng: Noise, p: CrisisParameters = PARAMETERS) -> dict[str, float]:
    """Indicators after one round."""
    change = {name: float(drift.get(name, 0.0)) for name in INDICATORS}
    for clause in measures:
        for indicator, delta in clause.impact.items():
            change[indicator_name(indicator)] += delta
    out: dict[str, float] = {}
    for name in INDICATORS:
        value = indicators[name]
        if name == "public_attention":
            value *= p.attention_decay
        value += change[name]
        if name in NOISY:
            value += rng.gauss(0.0, p.noise_sd)
        out[name] = round(clamp(value), 3)
    return out


def harm(indicators: Mapping[str, float], days: int) -> float:
    """Harm done to civilians over a round: the model's index behind 'lives at risk'."""
    return days * indicators["violence"] * indicators["civilians_at_risk"] / 10_000.0


def adjust(indicators: Mapping[str, float], changes: Mapping[str, float] | Mapping[Indicator, float]) -> dict[str, float]:
    out = dict(indicators)
    for name, delta in changes.items():
        key = indicator_name(name)
        out[key] = round(clamp(out[key] + delta), 3)
    return out
