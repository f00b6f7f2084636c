"""check-history: put each documented decision before the engine, with its
documented content and date, and compare the votes member by member."""

from __future__ import annotations

from dataclasses import dataclass

from councilgame.delegations.draft import Draft
from councilgame.delegations.whip import WhipCount, whip
from councilgame.scenario.case import Case
from councilgame.scenario.model import Organ, RecordEntry
from councilgame.session.documented import documented_path


@dataclass(frozen=True)
class Comparison:
    entry: RecordEntry
    count: WhipCount
    documented: dict[str, str]  # member -> yes/no/abstain, or "consensus"/"objects"
    engine: dict[str, str]
    # Members documented as absent: the engine has no absences (a delegation that is there always votes),
    # so they are left out of the count and of the comparison, and said to be.
    absent: tuple[str, ...] = ()

    @property
    def differences(self) -> list[str]:
        return [m for m in self.documented if self.documented[m] != self.engine.get(m)]

    @property
    def outcome_matches(self) -> bool:
        return self.count.adopted == self.entry.adopted


def compare_case(case: Case) -> list[Comparison]:
    path = documented_path(case)
    out = []
    for entry in case.scenario.record:
        if entry.organ is not Organ.security_council or entry.instrument.value == "no_action":
            continue
        if entry.votes is None and not entry.vetoed_by and not Draft(entry.instrument, ()).is_statement:
            continue  # a vote whose votes are not documented: nothing to compare (the entry says what is uncertain)
        moment = path.moments[entry.id]
        draft = Draft(entry.instrument, tuple(entry.clauses), entry.penholder, tuple(entry.sponsors), entry.host_consent,
                      tuple(entry.host_consents_to))
        absent = tuple(entry.votes.absent) if entry.votes is not None else ()
        present = tuple(m for m in moment.members if m not in absent)
        count = whip(present, moment.profiles, draft, case.clauses, moment.moment)
        if entry.votes is None and entry.vetoed_by:  # only who vetoed is known: compare those members
            documented = {m: "no" for m in entry.vetoed_by}
            engine = {m: count.assessments[m].position.value for m in entry.vetoed_by}
        elif entry.votes is not None:
            documented = {}
            for choice in ("yes", "no", "abstain"):
                for code in getattr(entry.votes, choice):
                    documented[code] = choice
            engine = {m: a.position.value for m, a in count.assessments.items()}
        else:  # a consensus statement: every member assented if adopted
            documented = {m: "assents" if entry.adopted else "?" for m in moment.members}
            engine = {m: ("objects" if a.blocks_consensus else "assents") for m, a in count.assessments.items()}
            if not entry.adopted:
                documented = {}
        out.append(Comparison(entry, count, documented, engine, absent))
    return out

