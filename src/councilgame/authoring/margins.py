"""How near a member's vote is to changing: asked of the vote model itself, never re-derived.

A member's vote follows from its score and the thresholds in `delegations.assess` (yes at or above
YES_AT, no at or below NO_AT, a statement blocked at BLOCK_AT), with two turns a plain distance would
miss: a permanent member that would veto a protective resolution may abstain instead (the veto's
stigma), and a red line makes a no whatever the score. So the margin is found by probing `assess`:
the smallest push on the score, up or down, that changes what the member does. The push goes in as
goodwill from consultations (`Moment.lobbying`), which the model adds to the score and nothing else.
A weight's margin is found the same way, by assessing the member with that weight changed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from councilgame.delegations.assess import Assessment, Moment, assess
from councilgame.delegations.draft import Draft
from councilgame.scenario.model import Clause, Profile

# The widest push tried: scores stay within about -2 to +2, so a vote no push of 4 moves does not move.
PUSH_LIMIT = 4.0
# Bisection stops when the crossing is known to a ten-thousandth, finer than any weight is written.
PRECISION = 1e-4
# The weights of a profile an author sets, each a factor of the score (ProfileShift names the same).
WEIGHTS = ("sovereignty", "protection", "ties", "regional", "cost", "precedent", "pressure")


def decision(assessment: Assessment, draft: Draft) -> str:
    """What the member does with the draft, in the words the record uses."""
    if draft.is_statement:
        return "objects" if assessment.blocks_consensus else "assents"
    return assessment.position.value


@dataclass(frozen=True)
class Margin:
    """How far a member is from doing otherwise: the push on its score that changes its decision."""

    member: str
    decision: str
    score: float
    push: float | None  # signed: + towards yes, - towards no; None when no push within the limit changes it
    becomes: str | None  # what it would do after that push
    red_line: str | None = None

    @property
    def distance(self) -> float:
        return math.inf if self.push is None else abs(self.push)


def _decide(member: str, profile: Profile, draft: Draft, clauses: Mapping[str, Clause], moment: Moment,
            push: float = 0.0) -> str:
    if push:
        lobbying = dict(moment.lobbying)
        lobbying[member] = lobbying.get(member, 0.0) + push
        moment = replace(moment, lobbying=lobbying)
    return decision(assess(member, profile, draft, clauses, moment), draft)


def _crossing(lo: float, hi: float, ask: Callable[[float], str]) -> float:
    """Where ask's answer changes between lo (the member's own decision) and hi (another), by bisection:
    the first change from lo when there is one, as the score moves one way as x does."""
    base = ask(lo)
    while abs(hi - lo) > PRECISION:
        mid = (lo + hi) / 2
        if ask(mid) == base:
            lo = mid
        else:
            hi = mid
    return hi


def margin(member: str, profile: Profile, draft: Draft, clauses: Mapping[str, Clause], moment: Moment) -> Margin:
    """The smallest push on the member's score, either way, that changes its decision."""
    found = assess(member, profile, draft, clauses, moment)
    own = decision(found, draft)
    best: tuple[float, str] | None = None
    for direction in (1.0, -1.0):
        far = direction * PUSH_LIMIT
        if _decide(member, profile, draft, clauses, moment, far) == own:
            continue
        push = _crossing(0.0, far, lambda p: _decide(member, profile, draft, clauses, moment, p))
        becomes = _decide(member, profile, draft, clauses, moment, push)
        if best is None or abs(push) < abs(best[0]):
            best = (push, becomes)
    return Margin(member, own, found.score, best[0] if best else None, best[1] if best else None, found.red_line)


@dataclass(frozen=True)
class WeightMove:
    """What one profile weight contributes to the score now, and the value that would change the vote."""

    weight: str
    value: float  # the weight in the profile the member judged with
    contribution: float  # the factor's value in the score
    crossing: float | None  # the nearest weight in 0-1 at which the decision changes, or None
    becomes: str | None


def weight_moves(member: str, profile: Profile, draft: Draft, clauses: Mapping[str, Clause],
                 moment: Moment) -> list[WeightMove]:
    """For each weight: its factor's part of the score, and the nearest value (0 to 1) that changes the
    member's decision, found by assessing the member with that weight changed (never written anywhere)."""
    found = assess(member, profile, draft, clauses, moment)
    own = decision(found, draft)
    parts = {name: value for name, value, _ in found.parts}
    moves = []
    for name in WEIGHTS:
        current = float(getattr(profile, name))

        def ask(value: float, name: str = name) -> str:
            return decision(assess(member, profile.model_copy(update={name: value}), draft, clauses, moment), draft)

        nearest: tuple[float, str] | None = None
        for end in (0.0, 1.0):
            if end == current or ask(end) == own:
                continue
            crossing = _crossing(current, end, ask)
            if nearest is None or abs(crossing - current) < abs(nearest[0] - current):
                nearest = (crossing, ask(crossing))
        moves.append(WeightMove(name, current, parts.get(name, 0.0), nearest[0] if nearest else None,
                                nearest[1] if nearest else None))
    return moves
