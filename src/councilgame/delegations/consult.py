"""Consultations: what a delegation answers when lobbied, which amendments it
seeks, and how a computer penholder shapes a draft that can pass."""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping

from councilgame.council.procedure import Vote
from councilgame.delegations.assess import PROTEST, Assessment, DraftFeatures, Moment, assess
from councilgame.delegations.draft import Draft
from councilgame.delegations.whip import WhipCount, whip
from councilgame.scenario.model import Clause, Instrument, Profile

# Goodwill a successful request or offer adds to a member's score this round.
ASK_GOODWILL = 0.12
OFFER_GOODWILL = 0.22
# How far short of "yes" a member may be and still be talked round.
REACHABLE = 0.25


@dataclass(frozen=True)
class Answer:
    member: str
    accepted: bool
    goodwill: float
    kind: str  # a phrase key: lobby_already, lobby_accept, lobby_accept_offer, lobby_consider, lobby_refuse, lobby_red_line
    assessment: Assessment


def answer_lobbying(member: str, profile: Profile, draft: Draft, clauses: Mapping[str, Clause], moment: Moment,
                    lobbyist: str, offer: bool) -> Answer:
    """A member's reply to a request (or an offer of support elsewhere) to back the draft."""
    current = assess(member, profile, draft, clauses, moment)
    trust = profile.relations.get(lobbyist, 0.0)
    if current.red_line:
        return Answer(member, False, 0.0, "lobby_red_line", current)
    if any(part[0] == PROTEST for part in current.parts):  # no goodwill buys off a protest: it is not about the text
        return Answer(member, False, 0.0, "lobby_refuse", current)
    if current.position is Vote.yes:
        return Answer(member, True, 0.0, "lobby_already", current)
    shortfall = max(0.0, -current.score)
    goodwill = (OFFER_GOODWILL if offer else ASK_GOODWILL) * (1.0 + 0.5 * max(trust, 0.0))
    if shortfall <= goodwill:  # enough to turn its vote
        return Answer(member, True, goodwill, "lobby_accept_offer" if offer else "lobby_accept", current)
    if shortfall <= REACHABLE + 0.15 * trust:  # moved, not yet won
        return Answer(member, False, goodwill / 2, "lobby_consider", current)
    return Answer(member, False, 0.0, "lobby_refuse", current)


def amendments_sought(member: str, profile: Profile, draft: Draft, clauses: Mapping[str, Clause],
                      moment: Moment, features: dict[Draft, DraftFeatures] | None = None) -> list[tuple[str, str | None, float]]:
    """(clause to drop, softer clause or None, gain in score), best first.
    `features` may carry DraftFeatures already computed for these drafts."""
    features = {} if features is None else features

    def weigh(d: Draft) -> float:
        if d not in features:
            features[d] = DraftFeatures.of(d, clauses, moment.in_force)
        return assess(member, profile, d, clauses, moment, features[d]).score

    base = weigh(draft)
    options: list[tuple[str, str | None, float]] = []
    for clause_id in draft.clauses:
        softer = clauses[clause_id].softer if clause_id in clauses else None
        candidates: list[tuple[str, str | None, Draft]] = [(clause_id, None, draft.without(clause_id))]
        if softer and softer in clauses:  # a softer clause that exists (none before its time)
            candidates.append((clause_id, softer, draft.swapped(clause_id, softer)))
        for old, new, changed in candidates:
            gain = weigh(changed) - base
            if gain > 0.01:
                options.append((old, new, round(gain, 4)))
    return sorted(options, key=lambda o: (-o[2], o[0], o[1] or ""))


def _outcome_value(count: WhipCount, clauses: Mapping[str, Clause], forcing: bool = False) -> float:
    """How good a whip count is for a penholder: passing first, then content. A penholder that forces
    votes counts nine votes as passing: a veto it makes public is what it is after, not a cost."""
    protective = sum(max(0.0, clauses[c].protection) for c in count.draft.clauses)
    if count.adopted or (forcing and _carried(count)):
        return 100.0 + protective + 0.01 * count.tally.yes
    return count.tally.yes - (0 if forcing else 5 * len(count.veto_threats)) + 0.1 * protective


def _carried(count: WhipCount) -> bool:
    """Nine votes for a resolution: adopted, or vetoed in public."""
    return not count.is_statement and count.votes_short() == 0


# How many of the most wanted edits a penholder puts to a full whip count at each step.
EDITS_WEIGHED = 3


def _blockers(count: WhipCount, forcing: bool = False) -> list[str]:
    """Who stands between the text and its adoption: objectors to a statement,
    permanent members who would veto (unless the penholder forces the vote), else the waverers
    nearest to yes."""
    if count.is_statement:
        return list(count.objectors)
    if count.veto_threats and not forcing:
        return list(count.veto_threats)
    waverers = sorted((a for a in count.assessments.values() if a.position is not Vote.yes and not a.red_line),
                      key=lambda a: (-a.score, a.member))
    return [a.member for a in waverers[:count.votes_short() + 1]]


def shape_draft(members: tuple[str, ...], profiles: Mapping[str, Profile], draft: Draft,
                clauses: Mapping[str, Clause], moment: Moment, max_steps: int = 12,
                first: WhipCount | None = None, forcing: bool = False) -> WhipCount:
    """A computer penholder's drafting: soften or drop clauses until the text
    can pass with no veto threat, keeping as much substance as it can; fall
    back to a presidential statement, then a press statement. Returns the
    whip count of the text it would table (which may still fail). `first` may
    carry the whip count of `draft` at this moment, already made. A penholder that is `forcing` the
    vote edits only to win nine votes, never to spare a permanent member its veto."""
    count = first if first is not None and first.draft == draft else whip(members, profiles, draft, clauses, moment)
    # A permanent member that refuses the instrument itself cannot be won by editing clauses.
    refused = any(a.veto and a.red_line == draft.instrument.value for a in count.assessments.values())
    steps = max_steps if refused and not forcing else 0
    while not (count.adopted or (forcing and _carried(count))) and count.draft.clauses and steps < max_steps:
        steps += 1
        # Ask those who block the text what they want changed, and weigh the few most wanted edits.
        wanted: dict[Draft, float] = {}
        features: dict[Draft, DraftFeatures] = {}
        for member in _blockers(count, forcing):
            for old, new, gain in amendments_sought(member, profiles[member], count.draft, clauses, moment, features)[:2]:
                if new is not None and (new not in clauses or count.draft.instrument not in clauses[new].instruments):
                    continue  # a softer clause this Council cannot use (another instrument, or not yet existing)
                variant = count.draft.swapped(old, new) if new else count.draft.without(old)
                if variant.clauses:
                    wanted[variant] = wanted.get(variant, 0.0) + gain
        best: WhipCount | None = None
        for variant in sorted(wanted, key=lambda d: (-wanted[d], d.clauses))[:EDITS_WEIGHED]:
            trial = whip(members, profiles, variant, clauses, moment, features.get(variant))
            if best is None or _outcome_value(trial, clauses, forcing) > _outcome_value(best, clauses, forcing):
                best = trial
        if best is None or _outcome_value(best, clauses, forcing) <= _outcome_value(count, clauses, forcing):
            break
        count = best
    if count.adopted or draft.instrument is not Instrument.resolution or (forcing and _carried(count)):
        return count
    for fallback in (Instrument.presidential_statement, Instrument.press_statement):
        usable = tuple(c for c in draft.clauses if fallback in clauses[c].instruments)
        if not usable:
            continue
        statement = draft.recast(fallback, usable)
        trial = shape_draft(members, profiles, statement, clauses, moment, max_steps)
        if trial.adopted:
            return trial
    return count
