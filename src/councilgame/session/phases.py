"""The phase machine: what ending each phase does, from the briefing of a
round to its consequences, and what entering a round brings."""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import TYPE_CHECKING

from councilgame.council.procedure import Vote, consensus_reached, tally_outcome, votes_needed
from councilgame.crisis import model as crisis
from councilgame.crisis.model import Noise
from councilgame.crisis.consequences import Outcome, at_strength, decision_effects, with_attention
from councilgame.delegations.draft import Draft
from councilgame.scenario.model import Clause, DevelopmentKind, Effect, Indicator, Instrument, RecordEntry
from councilgame.session.actions.drafting import DRAFTED
from councilgame.session.state import Decision, FeedItem, Phase

if TYPE_CHECKING:
    from councilgame.session.game import Game

# Political capital every seat has each round: a lobbying request costs 1, an offer 2.
CAPITAL_PER_ROUND = 6
# Developments that put the crisis before the public.
PUBLIC = (DevelopmentKind.ngo_report, DevelopmentKind.press)
NO_DRAFT = "no draft was put before the Council"


class _Silent:
    """The noise source when noise is off (the documented path)."""

    def gauss(self, mu: float, sigma: float) -> float:
        return 0.0


def advance(game: Game) -> None:
    st = game.state
    phase = st.phase
    if phase is Phase.briefing:
        st.phase = Phase.consultations
    elif phase is Phase.consultations:
        st.requests = []  # a request not answered by the end of consultations lapses
        st.phase = Phase.drafting
    elif phase is Phase.drafting:
        st.phase = Phase.vote
    elif phase is Phase.vote:
        if not game.documented and not game.telling:  # else the chair enacted the record's decisions
            st.decisions.append(roll_call(game))
        consequences(game)
        st.phase = Phase.consequences
    elif phase is Phase.consequences:
        if game.last_round:
            st.phase = Phase.debrief
        else:
            st.round_index += 1
            enter_round(game)


def enter_round(game: Game) -> None:
    st, rnd = game.state, game.round
    st.phase = Phase.briefing
    st.goodwill, st.veto_signals, st.requests = {}, set(), []
    st.campaigned, st.appeals, st.votes, st.vote_reasons, st.withdrawn = set(), set(), {}, {}, None
    withdrawn = "consent_withdrawn" in st.flags
    st.host_consent = rnd.host_consent and not withdrawn
    st.consents_to = () if withdrawn else tuple(rnd.host_consents_to)
    st.capital = {seat: CAPITAL_PER_ROUND for seat in game.all_seats}
    st.draft = opening_draft(game, rnd.agenda, st.host_consent, st.consents_to)
    st.moved, st.marked = {}, dict(st.indicators)
    conditions = game.case.conditions
    facts = game.facts() if conditions else None
    for d, dev in enumerate(rnd.developments):
        condition = conditions.get((st.round_index, d))
        if condition is not None and facts is not None and not condition.holds(facts):
            continue  # it follows from a decision this Council did not take
        st.feed.append(FeedItem.told(st.round_index, dev))
        apply_effects(game, dev.effects)
        if dev.kind in PUBLIC:
            st.indicators = with_attention(st.indicators, game.params.attention_per_report)
    cause(game, NEWS)


def opening_draft(game: Game, agenda: list[str], host_consent: bool, consents_to: tuple[str, ...] = ()) -> Draft:
    """The penholder's opening text: the round's agenda as the kind of text the real Council had before it
    that round (its first documented text: a press statement before a resolution, a procedural vote), when
    that kind can hold some of the agenda; else as the strongest kind that can hold all of it (a resolution,
    in every shipped case). If none can, a resolution of the clauses one can hold."""
    clauses = game.clauses
    agenda = [c for c in agenda if c in clauses]  # the validator refuses a clause outside its dates; play goes on
    tabled = game.case.documented_instrument(game.state.round_index)
    if tabled is not None:
        fitting = tuple(c for c in agenda if tabled in clauses[c].instruments)
        if fitting:
            return Draft(tabled, fitting, game.penholder, (), host_consent, consents_to)
    for instrument in DRAFTED:
        if all(instrument in clauses[c].instruments for c in agenda):
            return Draft(instrument, tuple(agenda), game.penholder, (), host_consent, consents_to)
    fitting = tuple(c for c in agenda if Instrument.resolution in clauses[c].instruments)
    return Draft(Instrument.resolution, fitting, game.penholder, (), host_consent, consents_to)


def roll_call(game: Game) -> Decision:
    """The Council's decision on the draft before it: votes as cast, the Charter's rule."""
    st = game.state
    round_no, date = st.round_index, game.round.end.isoformat()
    reasons = dict(st.vote_reasons)
    if st.withdrawn is not None:
        draft, threatened = st.withdrawn
        why = f": veto threatened by {', '.join(threatened)}" if threatened else ""
        return Decision(round_no, date, draft, False, {}, (), (), reasons, "withdrawn before the vote" + why, withdrawn=True)
    draft = game.draft
    if not draft.clauses or draft.instrument is Instrument.no_action:
        return Decision(round_no, date, draft, False, {}, (), (), {}, NO_DRAFT)
    if draft.is_statement:
        objecting = {m: st.votes.get(m) is Vote.no for m in game.members}
        objectors = tuple(m for m, objects in objecting.items() if objects)
        adopted = consensus_reached(objecting)
        summary = "adopted by consensus" if adopted else f"no consensus: {', '.join(objectors)} objected"
        return Decision(round_no, date, draft, adopted, {}, objectors, (), reasons, summary)
    # A member that has not voted when the roll is called does not take part.
    votes = {m: st.votes.get(m, Vote.absent) for m in game.members}
    tally = tally_outcome(votes, game.permanent, draft.procedural, votes_needed(game.date.year))
    return Decision(round_no, date, draft, tally.adopted, votes, (), tally.vetoed_by, reasons, tally.summary)


def consequences(game: Game) -> None:
    """The round's decisions take effect, then the crisis moves a round on, then events fire."""
    st, case = game.state, game.case
    cause(game, CONSULTATIONS)
    for decision in st.decisions:
        if decision.round == st.round_index:
            outcome = Outcome(decision.draft.instrument, decision.draft.clauses, decision.adopted, decision.votes,
                              decision.vetoed_by)
            st.indicators, st.measures = decision_effects(st.indicators, st.measures, outcome, case.clauses, game.params)
    cause(game, DECISION)
    days = (game.round.end - game.round.start).days + 1
    measures = [at_strength(case.clauses[c], strength) for c, strength in st.measures]
    noise: Noise = game.world if game.noise else _Silent()
    drift = {crisis.indicator_name(k): v for k, v in game.round.drift.items()}
    st.indicators = crisis.step(st.indicators, drift, measures, noise, game.params)
    if game.narrate:
        _causes_of_the_step(game, drift, measures)
    st.harm += crisis.harm(st.indicators, days)
    st.history.append(dict(st.indicators))
    fire_events(game)
    cause(game, EVENTS)
    if game.narrate:  # a save keeps the story's digest at the end of every round (batch play never saves)
        from councilgame.session.story import story_digest

        game.checkpoints.append(story_digest(game))


# The causes the consequences screen names, by their keys in the phrase book's `causes`.
NEWS = "news"
CONSULTATIONS = "consultations"
DECISION = "decision"
DRIFT = "drift"
FADING = "fading"
CHANCE = "chance"  # the model's seeded uncertainty, and what the 0-100 scale cut off
EVENTS = "events"
# Changes smaller than this are not worth a line.
NOTICEABLE = 0.05


def cause(game: Game, key: str) -> None:
    """Put what moved each indicator since the last cause down to this one (`key`: the cause in `causes`)."""
    st = game.state
    if not game.narrate:
        return
    label = getattr(game.case.phrases.causes, key)
    for name, value in st.indicators.items():
        moved = value - st.marked.get(name, value)
        if abs(moved) >= NOTICEABLE:
            st.moved.setdefault(name, []).append((label, moved))
    st.marked = dict(st.indicators)


def _causes_of_the_step(game: Game, drift: dict[str, float], measures: list[Clause]) -> None:
    """A round's step, cause by cause: the drift, each measure in force, attention fading, and chance."""
    st, before = game.state, game.state.marked
    causes = game.case.phrases.causes
    reason = game.round.drift_reason or getattr(causes, DRIFT)
    for name in crisis.INDICATORS:
        parts = [(reason, drift.get(name, 0.0))]
        parts += [(m.title, float(m.impact.get(Indicator(name), 0.0))) for m in measures]
        if name == "public_attention":
            parts.append((getattr(causes, FADING), before[name] * (game.params.attention_decay - 1.0)))
        rest = st.indicators[name] - before[name] - sum(v for _, v in parts)
        parts.append((getattr(causes, CHANCE), rest))
        st.moved.setdefault(name, []).extend((label, v) for label, v in parts if abs(v) >= NOTICEABLE)
    st.marked = dict(st.indicators)


def fire_events(game: Game) -> None:
    facts = game.facts()
    for event in game.case.events:
        if event.once and event.id in game.state.fired:
            continue
        if event.when.holds(facts):
            game.state.fired.add(event.id)
            apply_effects(game, event.effects)
            facts = game.facts()


def apply_effects(game: Game, effects: Iterable[Effect]) -> None:
    st = game.state
    for effect in effects:
        if effect.adjust is not None:
            st.indicators = crisis.adjust(st.indicators, effect.adjust)
        elif effect.news is not None:
            st.feed.append(FeedItem(st.round_index, game.date.isoformat(), "news", effect.news.text,
                                    (effect.news.source,) if effect.news.source else ()))
        elif effect.profile is not None:
            shift = st.shifts.setdefault(effect.profile.member, {})
            shift[effect.profile.field] = shift.get(effect.profile.field, 0.0) + effect.profile.by
        elif effect.flag is not None:
            st.flags.add(effect.flag)
        elif effect.consent is not None:
            st.host_consent, st.consents_to = effect.consent, ()  # given to all, or refused to all
            if not effect.consent:
                st.flags.add("consent_withdrawn")
            else:
                st.flags.discard("consent_withdrawn")
        elif effect.stance is not None:
            st.stances.update(effect.stance)


def documented_decision(entry: RecordEntry, round_index: int) -> Decision:
    """A decision from the record, as the documented path replays it."""
    draft = Draft(entry.instrument, tuple(entry.clauses), entry.penholder, tuple(entry.sponsors), entry.host_consent,
                  tuple(entry.host_consents_to))
    votes: dict[str, Vote] = {}
    if entry.votes is not None:
        for choice in ("yes", "no", "abstain", "absent"):
            for code in getattr(entry.votes, choice):
                votes[code] = Vote(choice)
    return Decision(round_index, entry.date.isoformat(), draft, entry.adopted, votes, (), tuple(entry.vetoed_by), {},
                    entry.symbol or entry.id, record_id=entry.id)


def world_noise(seed: int) -> random.Random:
    """The crisis's own randomness, apart from the delegations' choices: a replay that takes the
    delegations' moves from the log draws the same noise as the game it replays."""
    return random.Random(f"{seed}:world")
