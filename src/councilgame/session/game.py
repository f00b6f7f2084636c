"""A game: one case, one seed, the human seats, and the actions taken.

The same case, seed and actions always give the same state: randomness
comes only from `self.rng`, seeded once, and computer delegations decide
from state alone. `Game.apply` is the one door for player actions;
`advance` runs the computer delegations' part of each phase.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, Iterable

from councilgame.council.procedure import Vote, tally_outcome
from councilgame.crisis import model as crisis
from councilgame.delegations.assess import INSTRUMENT_SCALE, Moment, assess
from councilgame.delegations import speech
from councilgame.delegations.consult import amendments_sought, answer_lobbying, shape_draft
from councilgame.delegations.draft import Draft
from councilgame.delegations.whip import WhipCount, whip
from councilgame.rules.conditions import Facts
from councilgame.scenario.case import Case
from councilgame.scenario.model import MAX_DRAFT_CLAUSES, ActorKind, Effect, Instrument, Profile, RecordEntry
from councilgame.session import actions as act
from councilgame.session.actions import IllegalAction
from councilgame.session.state import Decision, Exchange, FeedItem, GameState, Phase

CAPITAL_PER_ROUND = 6
# Chance that a computer penholder reaches for a stronger clause than its agenda.
AMBITION = 0.35
COSTS = {act.Lobby: 1, act.BriefWithNgo: 1, act.Statement: 1, act.SignalVeto: 1}
OFFER_COST = 2
# Immediate effects of a decision on the crisis (legitimacy and P5 relations).
WIDE_MAJORITY = 13
LEGITIMACY_WIDE = 4.0
LEGITIMACY_NARROW = -1.0
LEGITIMACY_VETO = -6.0
P5_RELATIONS_VETO = -8.0
ATTENTION_VETO = 6.0
LEGITIMACY_INACTION = -4.0
INACTION_VIOLENCE = 60.0
# Player actions kept per round. A thoughtful round takes a few dozen; the cap bounds a save
# (40 rounds x 400 actions x about 150 bytes is well under the 5 MB a save may hold), so a
# student holding a key down for an hour cannot make a game that can no longer be saved.
MAX_ACTIONS_PER_ROUND = 400


class Game:
    _applying = False
    _actions_this_round = 0  # player actions logged since the round began (capped)
    _drafted: tuple | None = None  # (fingerprint, whip count) of the latest count made for the computer penholder

    def __init__(self, case: Case, seed: int, seats: Iterable[str] = (), noise: bool = True, narrate: bool = True):
        self.case = case
        self.narrate = narrate  # batch simulation skips what only a reader needs (it draws no random numbers)
        self.seed = seed
        self.seats = tuple(seats)
        for seat in self.seats:
            if seat not in case.all_members and seat not in case.actor_ids:
                raise IllegalAction(f"{seat} is not a seat in {case.id}")
        self.rng = random.Random(seed)
        self.noise = noise
        self.actions: list[Any] = []
        s = case.scenario
        regional = {a.id: a.stance for a in s.actors if a.kind is ActorKind.regional}
        self.state = GameState(indicators={k.value: float(v) for k, v in s.initial.items()},
                               host_consent=s.rounds[0].host_consent, stances=regional)
        for name in crisis.INDICATORS:
            self.state.indicators.setdefault(name, 0.0)
        self._profiles_cache: tuple[Any, dict[str, Profile]] | None = None
        self._whips: dict[tuple, WhipCount] = {}  # for readers between actions (the UI); cleared by every action
        self._enter_round()

    # --- what the UI and the delegations read ------------------------------------

    @property
    def round(self):
        return self.case.round(self.state.round_index)

    @property
    def date(self) -> dt.date:
        return self.round.end if self.state.phase in (Phase.vote, Phase.consequences) else self.round.start

    @property
    def members(self) -> tuple[str, ...]:
        return self.case.members_on(self.round.start)

    @property
    def permanent(self) -> frozenset[str]:
        return frozenset(self.case.council_on(self.round.start).permanent)

    def profiles(self) -> dict[str, Profile]:
        """Profiles as shifted by in-game events (the aftermath of Libya 2011, say)."""
        key = repr(sorted((m, sorted(f.items())) for m, f in self.state.shifts.items()))
        if self._profiles_cache is None or self._profiles_cache[0] != key:
            profiles = dict(self.case.scenario.profiles)
            for member, changes in self.state.shifts.items():
                base = profiles[member]
                update = {name: min(1.0, max(0.0, getattr(base, name) + by)) for name, by in changes.items()}
                profiles[member] = base.model_copy(update=update)
            self._profiles_cache = (key, profiles)
        return self._profiles_cache[1]

    def moment(self, shaping: bool = False) -> Moment:
        goodwill = dict(self.state.goodwill)
        if shaping:  # a signalled veto weighs on the penholder's drafting
            for seat in self.state.veto_signals:
                goodwill[seat] = goodwill.get(seat, 0.0) - 0.5
        # Copies: a Moment is a snapshot, and the state's dicts change in place later.
        return Moment(dict(self.state.indicators), self.permanent, dict(self.state.stances), goodwill)

    def whip(self, draft: Draft | None = None) -> WhipCount:
        draft = draft or self.state.draft or Draft(Instrument.no_action, ())
        cached = self._whips.get(draft)
        if cached is not None:
            return cached
        count = whip(self.members, self.profiles(), draft, self.case.clauses, self.moment())
        if not self._applying:  # the state only changes through apply, so between actions a count stays true
            self._whips[draft] = count
        return count

    def _fingerprint(self) -> tuple:
        """Everything a whip count depends on besides the draft (to reuse one safely)."""
        st = self.state
        return (st.round_index, tuple(st.indicators.items()), tuple(sorted(st.goodwill.items())),
                tuple(sorted(st.stances.items())), repr(sorted((m, sorted(f.items())) for m, f in st.shifts.items())))

    def amendment_sought(self, member: str) -> tuple[str, str | None] | None:
        """The change to the current draft a member most wants: (clause to drop, softer clause or
        None), or None. Screens ask this rather than weighing drafts themselves."""
        wanted = amendments_sought(member, self.profiles()[member], self.state.draft, self.case.clauses, self.moment())
        return wanted[0][:2] if wanted else None

    def red_line_title(self, red_line: str) -> str:
        """What a red line names, in words."""
        return speech.red_line_title(red_line, self.case.clauses)

    def is_human(self, seat: str) -> bool:
        return seat in self.seats

    @property
    def penholder(self) -> str:
        """Who holds the pen this round (the case says; a player in that seat drafts)."""
        return self.round.penholder

    # --- the one door for player actions --------------------------------------------

    def apply(self, action: Any) -> None:
        handler = _HANDLERS.get(type(action))
        if handler is None:
            raise IllegalAction(f"unknown action {action!r}")
        seat = getattr(action, "seat", None)
        if seat is not None and seat not in self.seats:
            raise IllegalAction(f"{seat} is not played by a person in this game")
        if self.state.ended:
            raise IllegalAction("the case is over")
        if not isinstance(action, act.Advance) and self._actions_this_round >= MAX_ACTIONS_PER_ROUND:
            raise IllegalAction(f"{MAX_ACTIONS_PER_ROUND} actions this round is the most a round can take: "
                                "move on to the next phase")
        before = self._footprint()
        self._whips = {}
        self._applying = True
        try:
            handler(self, action)
        finally:
            self._applying = False
        if self._footprint() == before:
            return  # nothing changed (the same vote cast again): the log records only what happened
        self.actions.append(action)
        self._actions_this_round = 0 if self.state.phase is Phase.briefing else self._actions_this_round + 1

    def _footprint(self) -> tuple:
        """What any action can change, cheaply compared: equal before and after means the action did nothing."""
        st = self.state
        return (st.round_index, st.phase, st.draft, tuple(sorted(st.human_votes.items())), tuple(sorted(st.capital.items())),
                len(st.exchanges), len(st.feed), len(st.decisions), tuple(sorted(st.veto_signals)),
                tuple(st.indicators.values()), tuple(sorted(st.goodwill.items())), self.rng.getstate())

    def advance(self) -> None:
        self.apply(act.Advance())

    def play_out(self) -> None:
        """Let the computer finish the game (every seat not held defaults)."""
        while not self.state.ended:
            self.advance()

    # --- phases -------------------------------------------------------------------

    def _advance(self, _: act.Advance) -> None:
        phase = self.state.phase
        if phase is Phase.briefing:
            self.state.phase = Phase.consultations
        elif phase is Phase.consultations:
            self._computer_consultations()
            self._open_drafting()
            self.state.phase = Phase.drafting
        elif phase is Phase.drafting:
            self.state.phase = Phase.vote
        elif phase is Phase.vote:
            self._hold_vote()
            self._consequences()
            self.state.phase = Phase.consequences
        elif phase is Phase.consequences:
            if self.state.round_index + 1 >= len(self.case.scenario.rounds):
                self.state.phase = Phase.debrief
            else:
                self.state.round_index += 1
                self._enter_round()

    def _enter_round(self) -> None:
        st, rnd = self.state, self.round
        st.phase = Phase.briefing
        st.goodwill = {}
        st.veto_signals = set()
        st.human_votes = {}
        st.host_consent = rnd.host_consent if not st.flags & {"consent_withdrawn"} else False
        st.capital = {seat: CAPITAL_PER_ROUND for seat in self.seats}
        st.draft = Draft(Instrument.resolution, tuple(rnd.agenda), self.penholder, (), st.host_consent)
        for dev in rnd.developments:
            st.feed.append(FeedItem(st.round_index, dev.date.isoformat(), dev.kind.value, dev.text, tuple(dev.sources),
                                    dev.reliability.value, dev.content_note))
            self._apply_effects(dev.effects)
            if dev.kind.value in ("ngo_report", "press"):
                st.indicators["public_attention"] = crisis.clamp(st.indicators["public_attention"] + 3.0)

    def _computer_consultations(self) -> None:
        """Computer seats lobby: the penholder works on waverers, campaigning
        NGOs brief, the state concerned leans on its friends."""
        st = self.state
        pen = self.penholder
        if st.draft and st.draft.clauses and not self.is_human(pen):
            count = self.whip()
            self._drafted = (self._fingerprint(), count)
            waverers = sorted((a.score, m) for m, a in count.assessments.items() if a.position is not Vote.yes
                              and not a.red_line and not self.is_human(m))
            for _, member in waverers[:2]:
                if self.rng.random() < 0.75:
                    self._lobby(pen, member, offer=False)
        for actor in self.case.scenario.actors:
            if self.is_human(actor.id):
                continue
            if actor.kind is ActorKind.ngo and actor.campaigns and self.rng.random() < 0.6:
                st.indicators["public_attention"] = crisis.clamp(st.indicators["public_attention"] + actor.influence * 8)
            elif actor.kind is ActorKind.state and actor.code == self.case.scenario.state_concerned:
                for member, profile in self.profiles().items():
                    if member in self.members and profile.ties >= 0.4 and self.rng.random() < 0.7:
                        st.goodwill[member] = st.goodwill.get(member, 0.0) - 0.05

    def _open_drafting(self) -> None:
        st = self.state
        if st.draft is None or not st.draft.clauses:
            return
        if self.is_human(self.penholder):
            if self.narrate:
                self._state_positions(self.whip())
            return
        if self.rng.random() < AMBITION:
            st.draft = self._reach_further(st.draft)
        drafted = self._drafted
        first = drafted[1] if (drafted and not st.veto_signals and drafted[1].draft == st.draft
                               and drafted[0] == self._fingerprint()) else None
        count = shape_draft(self.members, self.profiles(), st.draft, self.case.clauses, self.moment(shaping=True),
                            first=first)
        st.draft = count.draft
        if not st.veto_signals:  # then the shaping moment is the voting moment
            self._drafted = (self._fingerprint(), count)
        if self.narrate:
            self._state_positions(self.whip())

    def _state_positions(self, count: WhipCount) -> None:
        """Computer members that do not support the text say so, and what they want changed."""
        st = self.state
        if not self.narrate:
            return
        for member, assessment in count.assessments.items():
            if self.is_human(member) or (assessment.position is Vote.yes and not assessment.blocks_consensus):
                continue
            text = speech.stated_position(self.case.phrases, assessment, self.case.clauses, self.case.name,
                                          statement=st.draft.is_statement)
            wanted = self.amendment_sought(member)
            if wanted and not assessment.red_line:
                old, new = wanted
                text += " " + speech.amendment_request(self.case.phrases, self.case.name(member), self.case.clauses[old],
                                                       self.case.clauses[new] if new else None)
            st.exchanges.append(Exchange(st.round_index, member, "council", text, None))

    def _reach_further(self, draft: Draft) -> Draft:
        """A computer penholder sometimes adds a stronger clause it favours
        itself; drafting will drop it again if it cannot pass."""
        pen = self.penholder
        profile = self.profiles()[pen]
        moment = self.moment()
        base = assess(pen, profile, draft, self.case.clauses, moment).score
        options = []
        for clause_id in sorted(self.case.clauses):
            clause = self.case.clauses[clause_id]
            if clause_id in draft.clauses or draft.instrument not in clause.instruments or clause.protection < 0.2:
                continue
            gain = assess(pen, profile, draft.with_clause(clause_id), self.case.clauses, moment).score - base
            if gain > 0:
                options.append((-gain, clause_id))
        if not options:
            return draft
        options.sort()
        return draft.with_clause(self.rng.choice(options[:3])[1])

    def _hold_vote(self) -> None:
        st = self.state
        draft = st.draft
        round_no = st.round_index
        date = self.round.end.isoformat()
        if draft is None or not draft.clauses or draft.instrument is Instrument.no_action:
            st.decisions.append(Decision(round_no, date, draft or Draft(Instrument.no_action, ()), False, {}, (), (), {},
                                         "no draft was put before the Council"))
            return
        drafted = self._drafted
        count = drafted[1] if drafted and drafted[1].draft == draft and drafted[0] == self._fingerprint() else self.whip(draft)
        reasons = {m: a.explain() for m, a in count.assessments.items()} if self.narrate else {}
        if not self.is_human(self.penholder) and count.veto_threats and not any(self.is_human(m) for m in count.veto_threats):
            # A threatened veto kills most drafts before any vote.
            if self.rng.random() < 0.8:
                st.decisions.append(Decision(round_no, date, draft, False, {}, (), (), reasons,
                                             f"withdrawn before the vote: veto threatened by {', '.join(count.veto_threats)}",
                                             withdrawn=True))
                return
        if draft.is_statement:
            objectors = tuple(m for m, a in count.assessments.items()
                              if (st.human_votes.get(m) is Vote.no if self.is_human(m) else a.blocks_consensus))
            adopted = not objectors
            summary = "adopted by consensus" if adopted else f"no consensus: {', '.join(objectors)} objected"
            st.decisions.append(Decision(round_no, date, draft, adopted, {}, objectors, (), reasons, summary))
            return
        votes = {m: (st.human_votes.get(m, a.position) if self.is_human(m) else a.position)
                 for m, a in count.assessments.items()}
        tally = tally_outcome(votes, self.permanent, draft.procedural)
        st.decisions.append(Decision(round_no, date, draft, tally.adopted, votes, (), tally.vetoed_by, reasons, tally.summary))

    def _consequences(self) -> None:
        st = self.state
        for decision in st.decisions:
            if decision.round == st.round_index:
                record_decision_effects(st, decision, self.case)
        days = (self.round.end - self.round.start).days + 1
        measures = [self._scaled(cid, strength) for cid, strength in st.measures]
        noise = self.rng if self.noise else _SILENT
        st.indicators = crisis.step(st.indicators, {k.value: v for k, v in self.round.drift.items()}, measures, noise)
        st.harm += crisis.harm(st.indicators, days)
        st.history.append(dict(st.indicators))
        self._fire_events()

    def _scaled(self, clause_id: str, strength: float):
        """A measure in force at a strength (a statement's demands weigh less than a resolution's)."""
        clause = self.case.clauses[clause_id]
        if strength == 1.0:
            return clause
        key = (clause_id, strength)
        scaled = _SCALED.get(key)
        if scaled is None or scaled[0] is not clause:
            scaled = (clause, clause.model_copy(update={"impact": {k: v * strength for k, v in clause.impact.items()}}))
            if len(_SCALED) > 1024:
                _SCALED.clear()
            _SCALED[key] = scaled
        return scaled[1]

    def _fire_events(self) -> None:
        facts = self.facts()
        for event in self.case.events:
            if event.once and event.id in self.state.fired:
                continue
            if event.when.holds(facts):
                self.state.fired.add(event.id)
                self._apply_effects(event.effects)
                facts = self.facts()

    def _apply_effects(self, effects: Iterable[Effect]) -> None:
        st = self.state
        for effect in effects:
            if effect.adjust is not None:
                st.indicators = crisis.adjust(st.indicators, effect.adjust)
            elif effect.news is not None:
                st.feed.append(FeedItem(st.round_index, self.date.isoformat(), "news", effect.news.text,
                                        (effect.news.source,) if effect.news.source else ()))
            elif effect.profile is not None:
                shift = st.shifts.setdefault(effect.profile.member, {})
                shift[effect.profile.field] = shift.get(effect.profile.field, 0.0) + effect.profile.by
            elif effect.flag is not None:
                st.flags.add(effect.flag)
            elif effect.consent is not None:
                st.host_consent = effect.consent
                if not effect.consent:
                    st.flags.add("consent_withdrawn")
                else:
                    st.flags.discard("consent_withdrawn")
            elif effect.stance is not None:
                st.stances.update(effect.stance)

    def facts(self) -> Facts:
        st = self.state
        adopted = [d for d in st.decisions if d.acted]
        start = self.case.start
        first = min((dt.date.fromisoformat(d.date) - start).days for d in adopted) if adopted else -1
        names = dict(st.indicators)
        names.update({
            "round": st.round_index + 1, "rounds": len(self.case.scenario.rounds),
            "day": (self.date - start).days, "host_consent": st.host_consent,
            "resolutions_adopted": sum(1 for d in adopted if d.draft.instrument is Instrument.resolution),
            "statements_adopted": sum(1 for d in adopted if d.draft.is_statement),
            "drafts_failed": sum(1 for d in st.decisions if d.votes and not d.adopted),
            "vetoes": sum(len(d.vetoed_by) for d in st.decisions), "first_action_day": first,
        })
        in_force = {c for d in adopted for c in d.draft.clauses}
        vetoers = {m for d in st.decisions for m in d.vetoed_by}
        return Facts(names, {"adopted": in_force.__contains__, "vetoed_by": vetoers.__contains__,
                             "flag": st.flags.__contains__})

    # --- consultations ------------------------------------------------------------------

    def _charge(self, seat: str, cost: int) -> None:
        have = self.state.capital.get(seat, 0)
        if have < cost:
            raise IllegalAction(f"not enough political capital ({have} left, {cost} needed)")
        self.state.capital[seat] = have - cost

    def _require_phase(self, *phases: Phase) -> None:
        if self.state.phase not in phases:
            raise IllegalAction(f"not possible during {self.state.phase.value}")

    def _lobby_action(self, a: act.Lobby) -> None:
        self._require_phase(Phase.consultations, Phase.drafting)
        if a.target not in self.members or a.target == a.seat:
            raise IllegalAction(f"{a.target} is not another member of the Council")
        if self.is_human(a.target):
            raise IllegalAction(f"{a.target} is played by a person: talk to them")
        self._charge(a.seat, OFFER_COST if a.offer else COSTS[act.Lobby])
        self._lobby(a.seat, a.target, a.offer)

    def _lobby(self, seat: str, target: str, offer: bool) -> None:
        st = self.state
        answer = answer_lobbying(target, self.profiles()[target], st.draft, self.case.clauses, self.moment(), seat, offer)
        if answer.goodwill:
            st.goodwill[target] = st.goodwill.get(target, 0.0) + answer.goodwill
        clause = self.red_line_title(answer.assessment.red_line) if answer.assessment.red_line else ""
        text = speech.say(self.case.phrases, answer.kind, clause=clause, reason=speech.main_concern(answer.assessment))
        st.exchanges.append(Exchange(st.round_index, target, seat, text, answer.accepted))

    def _brief(self, a: act.BriefWithNgo) -> None:
        self._require_phase(Phase.consultations)
        actor = next((x for x in self.case.scenario.actors if x.id == a.actor and x.kind is ActorKind.ngo), None)
        if actor is None:
            raise IllegalAction(f"{a.actor} is not an NGO in this case")
        self._charge(a.seat, COSTS[act.BriefWithNgo])
        gain = actor.influence * 12 if actor.campaigns else 0.0
        self.state.indicators["public_attention"] = crisis.clamp(self.state.indicators["public_attention"] + gain)
        note = "It will raise the alarm in public." if actor.campaigns else "It shares what it knows, in confidence."
        self.state.exchanges.append(Exchange(self.state.round_index, a.seat, a.actor, f"{actor.name} briefs you. {note}"))

    def _statement(self, a: act.Statement) -> None:
        self._require_phase(Phase.consultations, Phase.drafting)
        if a.line not in ("protect", "sovereignty"):
            raise IllegalAction("a statement argues for 'protect' or 'sovereignty'")
        self._charge(a.seat, COSTS[act.Statement])
        st = self.state
        if a.line == "protect":
            st.indicators["public_attention"] = crisis.clamp(st.indicators["public_attention"] + 4)
        else:
            for member, profile in self.profiles().items():
                if member in self.members and profile.sovereignty >= 0.6:
                    st.goodwill[member] = st.goodwill.get(member, 0.0) - 0.05
        st.exchanges.append(Exchange(st.round_index, a.seat, "council", f"Public statement: {a.line}"))

    def _signal_veto(self, a: act.SignalVeto) -> None:
        self._require_phase(Phase.consultations, Phase.drafting)
        if a.seat not in self.permanent:
            raise IllegalAction("only a permanent member can threaten a veto")
        self._charge(a.seat, COSTS[act.SignalVeto])
        self.state.veto_signals.add(a.seat)
        self.state.exchanges.append(Exchange(self.state.round_index, a.seat, "council", "Signals it will veto the draft."))

    # --- drafting and voting ---------------------------------------------------------------

    def _can_draft(self, seat: str) -> None:
        self._require_phase(Phase.drafting)
        if seat not in self.members:
            raise IllegalAction("only members of the Council draft")

    def _add_clause(self, a: act.AddClause) -> None:
        self._can_draft(a.seat)
        clause = self.case.clauses.get(a.clause)
        if clause is None:
            raise IllegalAction(f"unknown clause {a.clause}")
        if self.state.draft.instrument not in clause.instruments and self.state.draft.instrument is not Instrument.no_action:
            raise IllegalAction(f"'{clause.title}' cannot go in a {self.state.draft.instrument.value.replace('_', ' ')}")
        if a.clause not in self.state.draft.clauses and len(self.state.draft.clauses) >= MAX_DRAFT_CLAUSES:
            raise IllegalAction(f"a draft holds at most {MAX_DRAFT_CLAUSES} clauses: remove one first")
        self.state.draft = self._sponsored(self.state.draft.with_clause(a.clause), a.seat)

    def _remove_clause(self, a: act.RemoveClause) -> None:
        self._can_draft(a.seat)
        if a.clause not in self.state.draft.clauses:
            raise IllegalAction(f"{a.clause} is not in the draft")
        self.state.draft = self._sponsored(self.state.draft.without(a.clause), a.seat)

    def _set_instrument(self, a: act.SetInstrument) -> None:
        self._can_draft(a.seat)
        try:
            instrument = Instrument(a.instrument)
        except ValueError:
            raise IllegalAction(f"unknown instrument {a.instrument}") from None
        draft = self.state.draft
        kept = tuple(c for c in draft.clauses if instrument in self.case.clauses[c].instruments)
        self.state.draft = self._sponsored(Draft(instrument, kept, draft.penholder, draft.sponsors, draft.host_consent), a.seat)

    def _sponsored(self, draft: Draft, seat: str) -> Draft:
        if seat == draft.penholder or seat in draft.sponsors:
            return draft
        return Draft(draft.instrument, draft.clauses, draft.penholder, draft.sponsors + (seat,), draft.host_consent)

    def _withdraw(self, a: act.Withdraw) -> None:
        self._require_phase(Phase.drafting)
        if a.seat != self.penholder:
            raise IllegalAction("only the penholder can withdraw the draft")
        d = self.state.draft
        self.state.draft = Draft(Instrument.no_action, (), d.penholder, (), d.host_consent)

    def _cast_vote(self, a: act.CastVote) -> None:
        self._require_phase(Phase.vote)
        if a.seat not in self.members:
            raise IllegalAction("only members of the Council vote")
        try:
            vote = Vote(a.vote)
        except ValueError:
            raise IllegalAction(f"a vote is yes, no or abstain (got {a.vote})") from None
        if vote is Vote.absent:
            raise IllegalAction("a vote is yes, no or abstain")
        self.state.human_votes[a.seat] = vote


_SCALED: dict[tuple[str, float], tuple] = {}  # (clause id, strength) -> (clause, scaled copy)


class _Silent:
    """A stand-in for the noise source when noise is off."""

    def gauss(self, mu: float, sigma: float) -> float:
        return 0.0


_SILENT = _Silent()


def record_decision_effects(st: GameState, decision: Decision, case: Case) -> None:
    """The immediate political effects of a decision, and measures put in force."""
    ind = st.indicators
    if decision.adopted and decision.draft.clauses:
        _, protect = INSTRUMENT_SCALE[decision.draft.instrument]
        ended = {e for c in decision.draft.clauses for e in case.clauses[c].ends}
        st.measures = [(c, s) for c, s in st.measures if c not in ended]
        for clause_id in decision.draft.clauses:
            st.measures.append((clause_id, protect))
        yes = sum(1 for v in decision.votes.values() if v is Vote.yes) if decision.votes else 15
        ind["legitimacy"] = crisis.clamp(ind["legitimacy"] + (LEGITIMACY_WIDE if yes >= WIDE_MAJORITY else LEGITIMACY_NARROW))
    elif ind["violence"] >= INACTION_VIOLENCE:
        ind["legitimacy"] = crisis.clamp(ind["legitimacy"] + LEGITIMACY_INACTION)
    if decision.vetoed_by:
        n = len(decision.vetoed_by)
        ind["legitimacy"] = crisis.clamp(ind["legitimacy"] + LEGITIMACY_VETO * n)
        ind["p5_relations"] = crisis.clamp(ind["p5_relations"] + P5_RELATIONS_VETO * n)
        ind["public_attention"] = crisis.clamp(ind["public_attention"] + ATTENTION_VETO)


def documented_decision(entry: RecordEntry, round_index: int) -> Decision:
    """A decision from the record, as the documented path replays it."""
    draft = Draft(entry.instrument, tuple(entry.clauses), entry.penholder, (), entry.host_consent)
    votes: dict[str, Vote] = {}
    if entry.votes is not None:
        for choice in ("yes", "no", "abstain", "absent"):
            for code in getattr(entry.votes, choice):
                votes[code] = Vote(choice)
    return Decision(round_index, entry.date.isoformat(), draft, entry.adopted, votes, (), tuple(entry.vetoed_by), {},
                    entry.symbol or entry.id, record_id=entry.id)


_HANDLERS = {
    act.Advance: Game._advance, act.Lobby: Game._lobby_action, act.BriefWithNgo: Game._brief,
    act.Statement: Game._statement, act.SignalVeto: Game._signal_veto, act.AddClause: Game._add_clause,
    act.RemoveClause: Game._remove_clause, act.SetInstrument: Game._set_instrument, act.Withdraw: Game._withdraw,
    act.CastVote: Game._cast_vote,
}
