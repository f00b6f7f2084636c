"""A game: one case, one seed, the seats people play, and the log of every move.

Every seat, a person's or a computer delegation's, plays through one door:
`apply` (or `attempt`, which returns the refusal instead of raising it) takes a
typed action, checks it against the rules (`refusal`), spends its cost, applies
it and logs it. `legal_actions(seat)` says what a seat could
do now, with each action's cost and, if it is not allowed, why. The same case,
seed and log always give the same game: the crisis's noise comes from its own
seeded source, and the computer delegations' choices are moves in the log.

`advance` is how play moves on: the computer delegations make their moves for
the end of this phase, the chair ends it, and they make their moves for the
start of the next.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from councilgame.council.procedure import Vote, votes_needed
from councilgame.crisis import model as crisis
from councilgame.crisis import parameters
from councilgame.crisis.parameters import CrisisParameters
from councilgame.delegations import speech
from councilgame.delegations.speech import Said
from councilgame.delegations.assess import Moment
from councilgame.delegations.consult import amendments_sought
from councilgame.delegations.draft import Draft
from councilgame.delegations.whip import WhipCount, whip
from councilgame.rules.conditions import Facts
from councilgame.scenario.case import Case
from councilgame.scenario.model import FOLLOWED, NON_STATE_PARTIES, Actor, ActorKind, Clause, Instrument, Profile, Round
from councilgame.session import explain
from councilgame.session import facts as facts_of
from councilgame.session import phases
from councilgame.session.actions import ACTIONS, CHAIR, Action, Advance, CastVote, IllegalAction
from councilgame.session.log import LogEntry
from councilgame.session.state import GameState, Phase, Request
from councilgame.session.explain import Reasons
from councilgame.session.view import RoundView, round_view

# Moves a person's seat may make in one round. A thoughtful round takes a few dozen; the cap bounds
# a save (40 rounds x 400 moves x about 150 bytes is well under the 5 MB a save may hold), so a
# student holding a key down for an hour cannot make a game that can no longer be saved.
MAX_ACTIONS_PER_ROUND = 400
# Whip counts kept between moves (screens ask for the same count many times a second).
WHIPS_KEPT = 64
# A signalled veto counts against the text, in the penholder's eyes, as much as this much goodwill.
SIGNALLED_VETO_GOODWILL = -0.5


@dataclass(frozen=True)
class Legal:
    """One action a seat could take now: what it costs, and why not if it is not allowed."""

    action: Action
    cost: int
    reason: str | None

    @property
    def allowed(self) -> bool:
        return self.reason is None


class Players(Protocol):
    """Who plays the seats no person holds: the computer delegations, or the documented path."""

    def end_of(self, game: Game, phase: Phase) -> None: ...

    def start_of(self, game: Game, phase: Phase) -> None: ...

    def answer(self, game: Game, request: Request) -> None: ...


class Game:
    def __init__(self, case: Case, seed: int, seats: Iterable[str] = (), noise: bool = True, narrate: bool = True,
                 documented: bool = False, players: Players | None = None, params: CrisisParameters | None = None,
                 rounds: int | None = None, told: Iterable[int] = ()):
        self.case = case
        self.seed = seed
        total = len(case.scenario.rounds)
        # A lesson may play the case's first rounds only (the case says how many fit 45, 60 or 90 minutes).
        self.rounds = total if rounds is None else max(1, min(int(rounds), total))
        # Rounds a lesson tells rather than plays: the real Council's decisions are enacted, nobody moves.
        self.told = frozenset(i for i in told if 0 <= i < self.rounds - 1)
        self.seats = tuple(seats)  # played by people
        self._people = frozenset(self.seats)
        for seat in self.seats:
            if seat not in case.all_members and seat not in case.actor_ids:
                raise IllegalAction(f"{seat} is not a seat in {case.id}")
        self.noise = noise
        self.narrate = narrate  # batch simulation skips what only a reader needs (it draws no random numbers)
        self.documented = documented  # the real Council's course: its decisions are the record's
        self.params = params or parameters.PARAMETERS  # read when the game starts: a release's rules
        self.world = phases.world_noise(seed)
        if players is None:
            from councilgame.delegations.players import Delegations

            players = Delegations()
        self.players: Players = players
        self.autoplay = True  # computer seats answer what is addressed to them (off while a log is replayed)
        self.log: list[LogEntry] = []
        self.checkpoints: list[str] = []  # the story's digest at the end of each round played
        self.faults: list[str] = []  # computer moves the rules refused (a policy's bug, skipped): tests want none
        s = case.scenario
        self.initial_indicators = {name: 0.0 for name in crisis.INDICATORS}
        self.initial_indicators.update({crisis.indicator_name(k): float(v) for k, v in s.initial.items()})
        # What the bodies members follow ask, and what the non-state parties urge: effects may change either.
        stances = {a.id: a.stance for a in s.actors if a.kind in FOLLOWED or a.kind in NON_STATE_PARTIES}
        self._bodies = tuple(a.id for a in s.actors if a.kind in FOLLOWED)  # whose call for action a veto weighs
        self.state = GameState(indicators=dict(self.initial_indicators), host_consent=s.rounds[0].host_consent,
                               stances=stances, consents_to=tuple(s.rounds[0].host_consents_to))
        self._human_moves = 0  # moves by people's seats logged this round (capped)
        self._seated: tuple[int, tuple[tuple[str, ...], frozenset[str], tuple[str, ...], frozenset[str],
                                       frozenset[str]]] | None = None
        self._profiles_cache: tuple[str, dict[str, Profile]] | None = None
        self._protests_cache: tuple[tuple[Any, ...], dict[str, tuple[frozenset[str], str]]] | None = None
        self._whips: dict[tuple[Draft, tuple[Any, ...]], WhipCount] = {}
        phases.enter_round(self)

    # --- what screens, policies and rules read ------------------------------------------

    @property
    def round(self) -> Round:
        return self.case.round(self.state.round_index)

    @property
    def telling(self) -> bool:
        """This round is told, not played: the Council does what the real one did."""
        return self.state.round_index in self.told

    @property
    def last_round(self) -> bool:
        return self.state.round_index + 1 >= self.rounds

    @property
    def date(self) -> dt.date:
        return self.round.end if self.state.phase in (Phase.vote, Phase.consequences) else self.round.start

    def _seating(self) -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...], frozenset[str], frozenset[str]]:
        """This round's members, permanent members, every seat, every seat as a set, and the members as a
        set (kept per round: the rules ask on every move)."""
        index = self.state.round_index
        if self._seated is None or self._seated[0] != index:
            start = self.round.start
            members = self.case.members_on(start)
            seats = members + tuple(a.id for a in self.case.scenario.actors if a.id not in members)
            self._seated = (index, (members, frozenset(self.case.council_on(start).permanent), seats, frozenset(seats),
                                    frozenset(members)))
        return self._seated[1]

    @property
    def members(self) -> tuple[str, ...]:
        return self._seating()[0]

    def is_member(self, seat: str) -> bool:
        """Whether the seat sits on the Council this round."""
        return seat in self._seating()[4]

    @property
    def permanent(self) -> frozenset[str]:
        return self._seating()[1]

    @property
    def all_seats(self) -> tuple[str, ...]:
        """Every seat this round: the Council's members, then the non-voting actors."""
        return self._seating()[2]

    @property
    def penholder(self) -> str:
        """Who holds the pen this round (the case says; a person in that seat drafts)."""
        return self.round.penholder

    @property
    def clauses(self) -> dict[str, Clause]:
        """The clauses a Council could decide this round (no referral to the ICC before it existed)."""
        return self.case.clauses_on(self.round.start)

    @property
    def draft(self) -> Draft:
        return self.state.draft or Draft(Instrument.no_action, ())

    @property
    def actions(self) -> list[Action]:
        return [entry.action for entry in self.log]

    def is_human(self, seat: str) -> bool:
        return seat in self._people

    @property
    def people(self) -> frozenset[str]:
        """The seats people play now (`seats` is who played them when the game began; the console may
        hand a seat to the computer and back)."""
        return self._people

    def hold(self, seat: str, person: bool) -> None:
        """From now on a person plays seat, or the computer does (the Hold move's effect)."""
        self._people = self._people | {seat} if person else self._people - {seat}

    def actor(self, actor_id: str, kind: ActorKind | None = None) -> Actor | None:
        return next((a for a in self.case.scenario.actors if a.id == actor_id and (kind is None or a.kind is kind)), None)

    def is_state_concerned(self, seat: str) -> bool:
        actor = self.actor(seat, ActorKind.state)
        return actor is not None and actor.code == self.case.scenario.state_concerned

    def is_party(self, seat: str) -> bool:
        """Whether the seat is a party to the crisis that may appeal to members: the state concerned, another
        state concerned, or an entity or rival authority."""
        actor = self.actor(seat)
        if actor is None:
            return False
        if actor.kind is ActorKind.state:
            s = self.case.scenario
            return actor.code is not None and (actor.code == s.state_concerned or actor.code in s.other_states)
        return actor.kind in NON_STATE_PARTIES

    def profiles(self) -> dict[str, Profile]:
        """Profiles as shifted by in-game events (the aftermath of Libya 2011, say)."""
        shifts = self.state.shifts
        key = repr(sorted((m, sorted(f.items())) for m, f in shifts.items())) if shifts else ""
        if self._profiles_cache is None or self._profiles_cache[0] != key:
            profiles = dict(self.case.scenario.profiles)
            for member, changes in shifts.items():
                base = profiles[member]
                update = {name: min(1.0, max(0.0, getattr(base, name) + by)) for name, by in changes.items()}
                profiles[member] = base.model_copy(update=update)
            self._profiles_cache = (key, profiles)
        return self._profiles_cache[1]

    def moment(self, shaping: bool = False) -> Moment:
        goodwill = dict(self.state.goodwill)
        if shaping:  # a signalled veto weighs on the penholder's drafting
            for seat in self.state.veto_signals:
                goodwill[seat] = goodwill.get(seat, 0.0) + SIGNALLED_VETO_GOODWILL
        # Copies: a Moment is a snapshot, and the state's dicts change in place later.
        st = self.state
        backing = max((st.stances.get(b, 0.0) for b in self._bodies), default=0.0)
        return Moment(dict(st.indicators), self.permanent, dict(st.stances), goodwill,
                      frozenset(c for c, _ in st.measures), max(backing, 0.0), votes_needed(self.date.year),
                      self.protests())

    def protests(self) -> dict[str, tuple[frozenset[str], str]]:
        """The members protesting now (a profile's `protests` whose condition holds): member -> the clauses
        that would answer the protest, and what it protests."""
        if not self.case.protests:
            return {}
        # Everything a condition reads changes only with these: kept, since each whip count asks (twice).
        st = self.state
        key = (st.round_index, len(st.decisions), tuple(sorted(st.flags)), tuple(st.indicators.values()), st.host_consent)
        if self._protests_cache is not None and self._protests_cache[0] == key:
            return self._protests_cache[1]
        facts = self.facts()
        now: dict[str, tuple[frozenset[str], str]] = {}
        for member, compiled in self.case.protests.items():
            held = next((c.protest for c in compiled if c.when.holds(facts)), None)
            if held is not None and member in self.members:
                now[member] = (frozenset(held.answered_by), held.against)
        self._protests_cache = (key, now)
        return now

    def _pressures(self) -> tuple[Any, ...]:
        """Everything a whip count depends on besides the draft (to reuse one safely)."""
        st = self.state
        shifts = repr(sorted((m, sorted(f.items())) for m, f in st.shifts.items())) if st.shifts else ""
        protests = tuple(sorted(self.protests().items())) if self.case.protests else ()
        return (st.round_index, tuple(st.indicators.items()), tuple(sorted(st.goodwill.items())),
                tuple(sorted(st.stances.items())), shifts, tuple(st.measures), protests)

    def whip(self, draft: Draft | None = None) -> WhipCount:
        """Every member's likely position on a draft (the one before the Council by default), now."""
        draft = draft or self.draft
        key = (draft, self._pressures())
        count = self._whips.get(key)
        if count is None:
            count = whip(self.members, self.profiles(), draft, self.case.clauses, self.moment())
            self.keep(count)
        return count

    def keep(self, count: WhipCount) -> None:
        """Remember a whip count made at this moment (a computer penholder's drafting makes many)."""
        if len(self._whips) >= WHIPS_KEPT:
            self._whips.clear()
        self._whips[(count.draft, self._pressures())] = count

    def reasons(self, member: str, said: Said = "would") -> Reasons:
        """Why a member stands as it does on the draft before the Council, in words (`said`: "advice" for the
        player's own advisers)."""
        return explain.of_count(self.case, self.whip(), self.state.stances, member, said=said)

    def whip_reasons(self) -> list[Reasons]:
        """Every member's reasons on the draft before the Council, in the Council's order."""
        return explain.every(self.case, self.whip(), self.state.stances)

    def amendment_sought(self, member: str) -> tuple[str, str | None] | None:
        """The change to the current draft a member most wants: (clause to drop, softer clause or
        None), or None. Screens ask this rather than weighing drafts themselves."""
        wanted = amendments_sought(member, self.profiles()[member], self.draft, self.case.clauses, self.moment())
        return wanted[0][:2] if wanted else None

    def red_line_title(self, red_line: str) -> str:
        """What a red line names, in words."""
        return speech.red_line_title(red_line, self.case.clauses, self.case.phrases)

    def facts(self) -> Facts:
        return facts_of.facts(self)

    def view(self, seat: str | None = None) -> RoundView:
        """The round as the screens show it; for a seat, without other seats' private exchanges (what one
        delegation said to another in consultations stays between them)."""
        return round_view(self, seat)

    # --- the one door -----------------------------------------------------------------

    def refusal(self, action: Action) -> str | None:
        """Why the rules do not allow this action now, or None if they do."""
        return self._judge(action)[0]

    def _judge(self, action: Action) -> tuple[str | None, int]:
        """(why the rules refuse the action, or None; what it costs)."""
        st, seat = self.state, action.seat
        phrases = self.case.phrases
        refusals = phrases.refusals
        if st.ended:
            return refusals.case_over, 0
        if seat == CHAIR:
            if action.FOR_PEOPLE:
                return refusals.chair_only, 0
        elif seat not in self._seating()[3]:
            return speech.fill(refusals.not_a_seat, member=seat), 0
        elif self.telling:
            return refusals.told_round, 0
        if st.phase not in action.PHASES:
            return speech.fill(refusals.wrong_phase, phase=getattr(phrases.phases, st.phase.value)), 0
        human = seat in self._people
        if human and self._human_moves >= MAX_ACTIONS_PER_ROUND:
            return speech.fill(refusals.too_many_moves, count=str(MAX_ACTIONS_PER_ROUND)), 0
        cost = action.cost(self)
        if cost:
            have = st.capital.get(seat, 0)
            if cost > have:
                return speech.fill(refusals.no_capital, have=str(have), cost=str(cost)), cost
        return action.check(self), cost

    def apply(self, action: Action) -> None:
        """Take one move through the door, or raise IllegalAction saying why not. A move that
        changes nothing (the same vote cast again) is not logged."""
        reason = self.attempt(action)
        if reason is not None:
            raise IllegalAction(reason)

    def attempt(self, action: Action) -> str | None:
        """Take the move if the rules allow it; return why not, or None once it is taken."""
        reason, cost = self._judge(action)
        if reason is not None:
            return reason
        st = self.state
        entry = LogEntry(st.round_index, st.phase, action)
        human = action.seat in self._people
        # A person may repeat a move to no effect; the computer delegations never do (and are many).
        before = self._footprint() if human else None
        if cost:
            st.capital[action.seat] -= cost
        action.apply(self)
        if before is not None and self._footprint() == before:
            return None
        self.log.append(entry)
        if isinstance(action, Advance) and st.round_index != entry.round:
            self._human_moves = 0
        elif human:
            self._human_moves += 1
        if self.autoplay and st.requests:
            self._answer_requests()
        return None

    def _answer_requests(self) -> None:
        for request in list(self.state.requests):
            if not self.is_human(request.target):
                self._players().answer(self, request)

    def _footprint(self) -> tuple[Any, ...]:
        """What any action can change, cheaply compared: equal before and after means it did nothing."""
        st = self.state
        return (st.round_index, st.phase, st.draft, tuple(sorted(st.votes.items())), tuple(sorted(st.vote_reasons.items())),
                tuple(sorted(st.capital.items())), len(st.exchanges), len(st.feed), len(st.decisions), len(st.requests),
                tuple(sorted(st.veto_signals)), tuple(st.indicators.values()), tuple(sorted(st.goodwill.items())),
                st.withdrawn)

    def legal_actions(self, seat: str) -> list[Legal]:
        """Every action the seat could take now, each with its cost and, if not allowed, why."""
        out = []
        for kind in ACTIONS:
            if self.state.phase not in kind.PHASES:
                continue
            for action in kind.options(self, seat):
                out.append(Legal(action, action.cost(self), self.refusal(action)))
        return out

    # --- moving play on ------------------------------------------------------------------

    def advance(self) -> None:
        """End the phase: computer seats make their closing moves, the chair ends it, and they
        make their opening moves in the next. Refused (IllegalAction) before anyone moves if the
        rules do not allow the phase to end yet."""
        reason = self.refusal(Advance())
        if reason is not None:
            raise IllegalAction(reason)
        phase = self.state.phase
        self._players().end_of(self, phase)
        self.apply(Advance())
        if not self.state.ended:
            self._players().start_of(self, self.state.phase)

    def _players(self) -> Players:
        """Who moves for the seats no person holds this round: in a told round, the documented course."""
        if not self.telling:
            return self.players
        from councilgame.session.documented import DocumentedCourse

        return DocumentedCourse()  # it keeps nothing between rounds that a told round needs

    def play_out(self) -> None:
        """Let the computer finish the game (a seat a person holds that has not voted abstains)."""
        while not self.state.ended:
            self.absent_votes()
            self.advance()

    def absent_votes(self) -> None:
        """At the vote, a seat a person holds that has not voted abstains (on a statement, silence is assent):
        how a game is finished for a player who has gone, or a phase ended for a class that ran out of time."""
        if self.state.phase is Phase.vote and not self.telling and self.draft.clauses:
            for member in self.members:
                if self.is_human(member) and member not in self.state.votes:
                    self.apply(_abstention(member, self.draft))


def _abstention(member: str, draft: Draft) -> Action:
    # A statement cannot be abstained on: silence is assent.
    return CastVote(seat=member, vote=Vote.yes if draft.is_statement else Vote.abstain)
