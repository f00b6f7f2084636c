"""What the Council's decisions do to the crisis, as pure functions.

A decision has immediate political effects (legitimacy, relations among the
permanent members, public attention) and may put measures in force, which the
crisis model then applies every round at the strength of the text that holds them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from councilgame.council.instruments import FORCE
from councilgame.council.procedure import COUNCIL_SIZE, Vote
from councilgame.crisis.model import clamp
from councilgame.crisis.parameters import PARAMETERS, CrisisParameters
from councilgame.scenario.model import Clause, Instrument

Measure = tuple[str, float]  # clause id, strength (the force of the text that put it in force)


@dataclass(frozen=True)
class Outcome:
    """What the Council decided, as far as the crisis is concerned."""

    instrument: Instrument
    clauses: tuple[str, ...]
    adopted: bool
    votes: Mapping[str, Vote]  # empty for a consensus statement
    vetoed_by: tuple[str, ...]


def decision_effects(indicators: Mapping[str, float], measures: Sequence[Measure], outcome: Outcome,
                     clauses: Mapping[str, Clause], p: CrisisParameters = PARAMETERS) -> tuple[dict[str, float], list[Measure]]:
    """Indicators and measures in force after a decision."""
    ind = dict(indicators)
    kept = list(measures)
    if outcome.adopted and outcome.clauses:
        ended = {e for c in outcome.clauses for e in clauses[c].ends}
        kept = [(c, s) for c, s in kept if c not in ended]
        strength = FORCE[outcome.instrument].effect
        kept += [(clause_id, strength) for clause_id in outcome.clauses]
        # A consensus statement has no votes: every member assented.
        yes = sum(1 for v in outcome.votes.values() if v is Vote.yes) if outcome.votes else COUNCIL_SIZE
        ind["legitimacy"] = clamp(ind["legitimacy"] + (p.legitimacy_wide if yes >= p.wide_majority else p.legitimacy_narrow))
    elif ind["violence"] >= p.inaction_violence:
        ind["legitimacy"] = clamp(ind["legitimacy"] + p.legitimacy_inaction)
    if outcome.vetoed_by:
        n = len(outcome.vetoed_by)
        ind["legitimacy"] = clamp(ind["legitimacy"] + p.legitimacy_veto * n)
        ind["p5_relations"] = clamp(ind["p5_relations"] + p.p5_relations_veto * n)
        ind["public_attention"] = clamp(ind["public_attention"] + p.attention_veto)
    return ind, kept


_SCALED: dict[tuple[str, float], tuple[Clause, Clause]] = {}  # (clause id, strength) -> (clause, scaled copy)


def at_strength(clause: Clause, strength: float) -> Clause:
    """A measure in force at a strength: its impact on each indicator scaled (kept per clause object)."""
    if strength == 1.0:
        return clause
    key = (clause.id, strength)
    known = _SCALED.get(key)
    if known is None or known[0] is not clause:
        known = (clause, clause.model_copy(update={"impact": {k: v * strength for k, v in clause.impact.items()}}))
        if len(_SCALED) > 1024:  # bounded: many cases loaded in one process (tests) must not grow it forever
            _SCALED.clear()
        _SCALED[key] = known
    return known[1]


def with_attention(indicators: Mapping[str, float], points: float) -> dict[str, float]:
    """Indicators with public attention moved by points (kept within 0-100)."""
    out = dict(indicators)
    out["public_attention"] = clamp(out["public_attention"] + points)
    return out
