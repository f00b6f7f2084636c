"""The whip count: every member's likely position on a draft, the tally it
implies, who may veto and whose vote decides the outcome."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from councilgame.council.procedure import Tally, Vote, consensus_reached, tally_outcome
from councilgame.delegations.assess import Assessment, DraftFeatures, Moment, assess
from councilgame.delegations.draft import Draft
from councilgame.scenario.model import Clause, Profile


@dataclass(frozen=True)
class WhipCount:
    draft: Draft
    assessments: dict[str, Assessment]
    tally: Tally

    @property
    def is_statement(self) -> bool:
        return self.draft.is_statement

    @cached_property  # a count never changes once made, and the penholder asks often
    def objectors(self) -> tuple[str, ...]:
        return tuple(m for m, a in self.assessments.items() if a.blocks_consensus)

    @cached_property  # a count never changes once made, and the penholder asks often
    def adopted(self) -> bool:
        if not self.draft.clauses:
            return False
        if self.is_statement:
            return consensus_reached({m: a.blocks_consensus for m, a in self.assessments.items()})
        return self.tally.adopted

    @cached_property  # a count never changes once made, and the penholder asks often
    def veto_threats(self) -> tuple[str, ...]:
        return tuple(m for m, a in self.assessments.items() if a.veto)

    @cached_property  # a count never changes once made, and the penholder asks often
    def pivotal(self) -> tuple[str, ...]:
        """Members whose change of position alone would change the outcome."""
        if self.is_statement:
            return self.objectors if len(self.objectors) == 1 else ()
        votes = {m: a.position for m, a in self.assessments.items()}
        out = []
        for member, vote in votes.items():
            alternatives = [Vote.yes, Vote.abstain] if vote is Vote.no else [Vote.no, Vote.abstain, Vote.yes]
            for other in alternatives:
                if other is vote:
                    continue
                changed = dict(votes, **{member: other})
                if tally_outcome(changed, self.tally_permanent, self.draft.procedural,
                                 self.tally.needed).adopted != self.tally.adopted:
                    out.append(member)
                    break
        return tuple(out)

    @property
    def tally_permanent(self) -> frozenset[str]:
        return frozenset(m for m, a in self.assessments.items() if a.permanent)

    def votes_short(self) -> int:
        return max(0, self.tally.needed - self.tally.yes)


def whip(members: tuple[str, ...], profiles: Mapping[str, Profile], draft: Draft,
         clauses: Mapping[str, Clause], moment: Moment, features: DraftFeatures | None = None) -> WhipCount:
    features = features or DraftFeatures.of(draft, clauses, moment.in_force)
    assessments = {m: assess(m, profiles[m], draft, clauses, moment, features) for m in members}
    tally = tally_outcome({m: a.position for m, a in assessments.items()}, moment.permanent, draft.procedural,
                          moment.needed)
    return WhipCount(draft, assessments, tally)
