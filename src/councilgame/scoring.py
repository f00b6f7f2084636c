"""Scores: the Council's, on five dimensions, and each seat's against its
brief; each beside the same measure taken on the documented path.

Every figure is a model estimate on a 0-100 scale, and the debrief says so.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from councilgame.council.instruments import FORCE
from councilgame.rules.conditions import Facts
from councilgame.scenario.case import Case
from councilgame.session.state import GameState

DIMENSIONS = ("timeliness", "strength", "legitimacy", "protection", "accountability")


@dataclass(frozen=True)
class CouncilScore:
    dimensions: dict[str, float]

    @property
    def total(self) -> float:
        return round(sum(self.dimensions.values()) / len(self.dimensions), 1)


def council_score(case: Case, state: GameState) -> CouncilScore:
    acted = [d for d in state.decisions if d.acted]
    span = max(1, (case.end - case.start).days)
    if acted:
        first = min((dt.date.fromisoformat(d.date) - case.start).days for d in acted)
        timeliness = 100.0 * max(0.0, 1.0 - first / span)
    else:
        timeliness = 0.0
    strength = 0.0
    accountability = 0.0
    for d in acted:
        # A decision counts towards strength and accountability with the force it carries in the crisis
        # model too: a statement's demands weigh part of a resolution's (council/instruments.py).
        weight = FORCE[d.draft.instrument].effect
        clauses = [case.clauses[c] for c in d.draft.clauses]
        protective = max((c.protection for c in clauses), default=0.0)
        strength = max(strength, 100.0 * weight * (0.4 + 0.6 * max(0.0, protective)))
        accountability = max(accountability, 100.0 * weight
                             * max((c.accountability for c in clauses), default=0.0))
    legitimacy = state.indicators["legitimacy"]
    rounds = state.history or [state.indicators]
    protection = 100.0 - sum(r["civilians_at_risk"] for r in rounds) / len(rounds)
    dims = {"timeliness": timeliness, "strength": strength, "legitimacy": legitimacy,
            "protection": protection, "accountability": accountability}
    return CouncilScore({k: round(v, 1) for k, v in dims.items()})


@dataclass(frozen=True)
class SeatScore:
    seat: str
    score: float
    goals: tuple[tuple[str, bool, float], ...]  # text, met, weight


def seat_score(case: Case, state: GameState, seat: str, facts: Facts) -> SeatScore:
    goals = case.goals.get(seat, ())
    if not goals:
        return SeatScore(seat, 0.0, ())
    results = tuple((g.text, g.when.holds(facts), g.weight) for g in goals)
    total = sum(w for _, _, w in results)
    met = sum(w for _, ok, w in results if ok)
    return SeatScore(seat, round(100.0 * met / total, 1), results)


# The model's estimate of a toll keeps two significant figures: it is a scaled guess, and "526,800" would claim
# a precision it does not have.
ESTIMATE_FIGURES = 2


@dataclass(frozen=True)
class LivesEstimate:
    """A documented toll scaled by the crisis model's harm index: what the model would expect on this game's
    course. A model estimate, never a fact: the debrief shows it as a range, with its assumption."""

    outcome: str  # the id of the case's outcome it scales
    label: str  # what was counted, as that outcome names it
    low: float
    high: float
    unit: str
    share: float  # this game's harm as a share of the documented path's (1.0: the same harm)
    # The course it is measured against: the course without the Council (a fictional case), else the real one.
    # The debrief says the assumption in words, in the window's language.
    against_inaction: bool


def significant(value: float, figures: int = ESTIMATE_FIGURES) -> float:
    """value rounded to so many significant figures (1234 -> 1200, 11356 -> 11000)."""
    if value <= 0:
        return 0.0
    return float(round(value, figures - 1 - math.floor(math.log10(value))))


def lives_at_risk(case: Case, state: GameState, documented: GameState) -> tuple[float, float] | None:
    """The documented casualty range scaled by the model's harm index, to two significant figures."""
    estimate = lives_estimate(case, state, documented)
    return None if estimate is None else (estimate.low, estimate.high)


def lives_estimate(case: Case, state: GameState, documented: GameState) -> LivesEstimate | None:
    """The first outcome marked `casualties`, scaled by this game's harm against the documented path's (the
    real Council's, or inaction's in a fictional case); none without such an outcome or any harm to compare."""
    outcome = next((o for o in case.scenario.outcomes if o.casualties), None)
    if outcome is None or documented.harm <= 0:
        return None
    ratio = state.harm / documented.harm
    return LivesEstimate(outcome.id, outcome.label, significant(outcome.low * ratio), significant(outcome.high * ratio),
                         outcome.unit, ratio, case.scenario.fictional)
