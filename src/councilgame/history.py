"""check-history: put each documented decision before the engine, with its
documented content and date, and compare the votes member by member.

It claims no more than it checked: an entry it cannot compare is listed with the
reason, a member documented absent is left out and said to be, a yes vote derived
from the year's membership is counted apart from one documented by name, and a
consensus statement's assents are counted apart from recorded votes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from councilgame.delegations.consult import shape_draft
from councilgame.delegations.draft import Draft
from councilgame.delegations.whip import WhipCount, whip
from councilgame.scenario.case import Case
from councilgame.scenario.model import Clause, Organ, RecordEntry
from councilgame.session.documented import documented_path

# What was documented of a decision, and so what can be compared.
RECORDED = "recorded"  # every member's vote (VoteList)
VETOES = "vetoes"  # only who vetoed it
CONSENSUS = "consensus"  # a statement agreed by consensus: every member assented


@dataclass(frozen=True)
class Comparison:
    entry: RecordEntry
    count: WhipCount
    documented: dict[str, str]  # member -> yes/no/abstain, or "assents"/"objects"
    engine: dict[str, str]
    # Members documented as absent: the engine has no absences (a delegation that is there always votes),
    # so they are left out of the count and of the comparison, and said to be.
    absent: tuple[str, ...] = ()
    basis: str = RECORDED
    # A statement the engine would block as written, negotiated as the real Council negotiates one: the
    # objectors ask for softer wording or for a clause to go, and the text is compared as finally agreed.
    negotiated_from: Draft | None = None

    def changes(self, clauses: Mapping[str, Clause]) -> list[str]:
        """What negotiation changed in a statement, in words ("'X' softened to 'Y'", "'Z' dropped")."""
        if self.negotiated_from is None:
            return []
        before, after = self.negotiated_from.clauses, self.count.draft.clauses
        out = []
        for c in before:
            if c in after:
                continue
            softer = clauses[c].softer if c in clauses else None
            out.append(f"'{clauses[c].title}' softened to '{clauses[softer].title}'" if softer in after and softer
                       else f"'{clauses[c].title}' dropped" if c in clauses else f"{c} dropped")
        return out

    @property
    def differences(self) -> list[str]:
        return [m for m in self.documented if self.documented[m] != self.engine.get(m)]

    @property
    def outcome_matches(self) -> bool:
        return self.count.adopted == self.entry.adopted

    @property
    def reproduced(self) -> bool:
        return not self.differences and self.outcome_matches

    def derived(self, member: str) -> bool:
        """Whether this member's documented vote is a yes derived from the year's membership."""
        return self.entry.yes_derived and self.documented.get(member) == "yes"


@dataclass(frozen=True)
class Unchecked:
    """A record entry check-history does not compare, and why."""

    entry: RecordEntry
    reason: str


def unchecked_reason(entry: RecordEntry) -> str | None:
    """Why an entry cannot be compared with the engine, or None if it can."""
    if entry.organ is not Organ.security_council:
        body = entry.organ.value.replace("_", " ").title()
        return f"decided by the {body}: told in the debrief as history, never played or compared"
    if entry.instrument.value == "no_action":
        return "no text was put to the Council (no action): there is no vote to compare"
    if entry.votes is None and not entry.vetoed_by and not Draft(entry.instrument, ()).is_statement:
        why = "its member-by-member votes are not documented"
        return why + (f" ({entry.uncertain})" if entry.uncertain else "")
    return None


def unchecked(case: Case) -> list[Unchecked]:
    return [Unchecked(e, why) for e in case.scenario.record if (why := unchecked_reason(e)) is not None]


def compare_case(case: Case) -> list[Comparison]:
    path = documented_path(case)
    out = []
    for entry in case.scenario.record:
        if unchecked_reason(entry) is not None:
            continue
        moment = path.moments[entry.id]
        draft = Draft(entry.instrument, tuple(entry.clauses), entry.penholder, tuple(entry.sponsors), entry.host_consent,
                      tuple(entry.host_consents_to))
        absent = tuple(entry.votes.absent) if entry.votes is not None else ()
        present = tuple(m for m in moment.members if m not in absent)
        count = whip(present, moment.profiles, draft, case.clauses, moment.moment)
        if entry.votes is None and entry.vetoed_by:  # only who vetoed is known: compare those members
            documented = {m: "no" for m in entry.vetoed_by}
            engine = {m: count.assessments[m].position.value for m in entry.vetoed_by}
            basis = VETOES
        elif entry.votes is not None:
            documented = {}
            for choice in ("yes", "no", "abstain"):
                for code in getattr(entry.votes, choice):
                    documented[code] = choice
            engine = {m: a.position.value for m, a in count.assessments.items()}
            basis = RECORDED
        else:  # a consensus statement: every member assented if adopted
            negotiated_from = None
            if entry.adopted and not count.adopted:  # negotiated before anyone gives up on it
                agreed = shape_draft(present, moment.profiles, draft, case.clauses, moment.moment, first=count)
                if agreed.adopted and agreed.draft.instrument is draft.instrument:
                    count, negotiated_from = agreed, draft
            documented = {m: "assents" if entry.adopted else "?" for m in moment.members}
            engine = {m: ("objects" if a.blocks_consensus else "assents") for m, a in count.assessments.items()}
            if not entry.adopted:
                documented = {}
            out.append(Comparison(entry, count, documented, engine, absent, CONSENSUS, negotiated_from))
            continue
        out.append(Comparison(entry, count, documented, engine, absent, basis))
    return out


@dataclass(frozen=True)
class Agreement:
    """How far the engine agrees with a set of documented decisions, by decision and by member vote,
    each kind of evidence counted on its own."""

    decisions: int = 0
    decisions_reproduced: int = 0
    votes: int = 0  # member votes documented by name
    votes_agree: int = 0
    derived: int = 0  # yes votes derived from the year's membership
    derived_agree: int = 0
    vetoes: int = 0  # vetoes of drafts whose other votes are not documented
    vetoes_agree: int = 0
    statements: int = 0  # consensus statements
    statements_agree: int = 0  # ... the engine also agrees by consensus
    absent: int = 0  # members documented absent, not compared

    @classmethod
    def of(cls, comparisons: Iterable[Comparison]) -> Agreement:
        n = dict.fromkeys(cls.__dataclass_fields__, 0)
        for c in comparisons:
            n["decisions"] += 1
            n["decisions_reproduced"] += c.reproduced
            n["absent"] += len(c.absent)
            if c.basis == CONSENSUS:
                n["statements"] += 1
                n["statements_agree"] += c.reproduced
                continue
            for member, vote in c.documented.items():
                agree = c.engine.get(member) == vote
                kind = "vetoes" if c.basis == VETOES else "derived" if c.derived(member) else "votes"
                n[kind] += 1
                n[kind + "_agree"] += agree
        return cls(**n)

    def lines(self) -> list[str]:
        """The agreement in words, one kind of evidence a line."""
        out = [f"decisions: {self.decisions_reproduced} of {self.decisions} reproduced"]
        if self.votes:
            out.append(f"member votes documented by name: {self.votes_agree} of {self.votes} agree "
                       f"({100 * self.votes_agree / self.votes:.0f}%)")
        if self.derived:
            out.append(f"yes votes derived from the year's membership (not evidence of how each voted): "
                       f"{self.derived_agree} of {self.derived} agree")
        if self.vetoes:
            out.append(f"vetoes of drafts whose other votes are not documented: {self.vetoes_agree} of {self.vetoes} agree")
        if self.statements:
            out.append(f"consensus statements (assents, not votes): {self.statements_agree} of {self.statements} "
                       "agreed by the engine too")
        if self.absent:
            out.append(f"members documented absent, not compared: {self.absent}")
        return out
