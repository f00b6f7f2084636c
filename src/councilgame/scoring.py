"""Scores: the Council's, on five dimensions, and each seat's against its
brief; each beside the same measure taken on the documented path.

Every figure is a model estimate on a 0-100 scale, and the debrief says so.
"""

from __future__ import annotations

import datetime as dt
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


def lives_at_risk(case: Case, state: GameState, documented: GameState) -> tuple[float, float] | None:
    """The documented casualty range scaled by the model's harm index: a
    model estimate, shown as a range and labelled as such."""
    outcome = next((o for o in case.scenario.outcomes if o.casualties), None)
    if outcome is None or documented.harm <= 0:
        return None
    ratio = state.harm / documented.harm
    return (round(outcome.low * ratio, -2), round(outcome.high * ratio, -2))
