"""How one delegation weighs one draft at one moment.

A member's stance is a sum of named factors, each a profile weight times a
property of the draft or of the situation. Nothing here is written per
draft: put any draft before any member and the same arithmetic answers,
with its reasons. The constants below are the model's few free choices,
named so that the authoring guide can explain them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from councilgame.council.procedure import ADOPTION_THRESHOLD, Vote
from councilgame.council.instruments import FORCE
from councilgame.delegations.draft import Draft
from councilgame.scenario.model import Clause, ClauseCategory, Instrument, Profile

# An inclination to go along with the Council: members rarely stand apart
# from a text that costs them nothing. It does not hold on a vote about whether the Council may
# take a situation up at all (a procedural text of agenda items only): that is a vote on principle,
# and members side as much by it, those that weigh protection above non-intervention for taking the
# matter up, those that weigh non-intervention higher against, as an internal matter (Myanmar, 2006
# and 2018: the votes split so, and the usual going-along did not carry the doubters to yes).
COLLEGIALITY = 0.1
AGENDA = "agenda"
# Score at or above which a member votes yes, and at or below which it votes no.
YES_AT = 0.0
NO_AT = -0.3
# A statement is blocked when one member's objection reaches this score.
BLOCK_AT = -0.2
# Host consent softens the sovereignty cost of a presence.
CONSENT_RELIEF = 0.5
# How much a permanent member dislikes being seen to veto, per point of attention.
VETO_STIGMA = 0.25
# Clauses carried out by the sponsors themselves rather than by the UN.
NATIONAL_COMMAND = "national_command"
PRESENCE = (ClauseCategory.mission, ClauseCategory.force)
# A measure already in force costs little to keep: its intrusion on the state, its pressure and its
# precedent were weighed when it was imposed, so a renewal weighs this share of them. Renewals of
# mandates and sanctions are adopted unanimously far more often than new measures of the same strength.
RENEWAL = 0.25
# A permanent member that would veto abstains instead when the state concerned itself accepts the
# measure, unless its ties to the state reach SHIELDS (it would not be shielding anyone). A regional
# body's call for Council action weighs as the veto's public price does, per point of the call and
# less the closer the member is to the state, on a text whose main protection is on the ground (a
# presence, force, aid): a region calls for people to be protected, not for courts or sanctions.
# China and Russia abstained on Libya's no-fly zone in March 2011 after the Arab League's call; they
# vetoed the 2014 referral of Syria to the ICC.
SHIELDS = 0.5
REGION_CALL = 0.25
# What a member loses for a text that leaves out a clause it asked for (its profile's `wants`), per clause,
# up to OMITTED_AT_MOST clauses: enough to turn a narrow yes into an abstention, not a no.
OMISSION = 0.15
OMITTED_AT_MOST = 2
# A protest abstention (a profile's `protests`): while the protest holds, a member abstains on a resolution
# it would vote for, to mark its disapproval of something the text does not touch, unless the text is its
# own or holds a clause that answers the protest. It is a position, not a weight: the member's judgement of
# the text is unchanged, and a text it would vote against it still votes against. Russia abstained on
# resolution 1239 (Kosovo's refugees, May 1999) while NATO bombed Yugoslavia; it voted for resolution 1244
# once the bombing had stopped.
PROTEST = "protest"
# An elected member defers to its region on pressure: when the regional bodies it follows oppose a
# resolution that presses the state concerned with sanctions or a court rather than protecting people on
# the ground (its regional factor weighs at least REGION_DEFERS against the text: a pull worth naming),
# it abstains on a text it would otherwise vote for, rather than vote against its region; a text it would
# vote against it still votes against. Elected seats are held for a region (the African members, the Arab
# seat), permanent ones are not. So a draft imposing sanctions its region opposes can fail for lack of nine
# votes, with no permanent member needing to veto it (an arms embargo on South Sudan, December 2016: seven
# in favour, the African members among the eight abstaining). Protection on the ground is left out as the
# region's call is (REGION_CALL): in March 2011 the African members voted for force to protect Libya's
# civilians, which the African Union opposed and the Arab League asked for.
DEFERENCE = "deference"
REGION_DEFERS = 0.05
# Weight of trust in the sponsors.
TRUST = 0.3
# How much a member favours a draft it sponsors itself.
SPONSOR = 0.3
# The members of the enums the hot path reads, bound once (each lookup on an enum class costs).
_YES, _NO, _ABSTAIN = Vote.yes, Vote.no, Vote.abstain
_RESOLUTION, _PROCEDURAL = Instrument.resolution, Instrument.procedural


@dataclass(frozen=True)
class Moment:
    """What a delegation sees when it weighs a draft."""

    indicators: Mapping[str, float]
    permanent: frozenset[str]
    stances: Mapping[str, float] = field(default_factory=dict)  # regional actor id -> stance
    lobbying: Mapping[str, float] = field(default_factory=dict)  # member -> goodwill from consultations
    in_force: frozenset[str] = frozenset()  # clause ids of the measures in force: a text that keeps one renews it
    backing: float = 0.0  # the strongest call for Council action among the regional and sub-regional bodies
    needed: int = ADOPTION_THRESHOLD  # the affirmative votes that year's Council needs (seven before 1966)
    # Members abstaining in protest now (see PROTEST): member -> (the clauses that answer it, what it protests)
    protests: Mapping[str, tuple[frozenset[str], str]] = field(default_factory=dict)

    @cached_property
    def attention(self) -> float:
        return self.indicators.get("public_attention", 0.0) / 100.0

    @cached_property
    def attention_note(self) -> str:
        return f"public attention {self.attention * 100:.0f}/100"

    @cached_property
    def severity(self) -> float:
        return (self.indicators.get("violence", 0.0) + self.indicators.get("civilians_at_risk", 0.0)) / 200.0


class Factor(NamedTuple):
    """One named part of a member's judgement. (A named tuple: delegations
    build thousands of these in a batch simulation.)"""

    name: str
    value: float
    note: str = ""

    def __str__(self) -> str:
        return f"{self.name} {self.value:+.2f}" + (f" ({self.note})" if self.note else "")


# Not frozen, though nothing changes one once made: a batch game weighs tens of thousands of
# drafts member by member, and a frozen dataclass takes four times as long to build.
@dataclass(eq=False)
class Assessment:
    member: str
    score: float
    position: Vote
    parts: tuple[tuple[str, float, str], ...]  # (name, value, note) of each factor, in order
    red_line: str | None = None  # a clause id, or an instrument the member refuses outright
    permanent: bool = False
    procedural: bool = False

    @cached_property
    def factors(self) -> tuple[Factor, ...]:
        """The factors as objects, built only when someone reads the reasons (batch play never does)."""
        return tuple(Factor(*part) for part in self.parts)

    @property
    def veto(self) -> bool:
        return self.permanent and self.position is Vote.no and not self.procedural

    @property
    def blocks_consensus(self) -> bool:
        return self.red_line is not None or self.score <= BLOCK_AT

    def reasons(self, limit: int = 4) -> list[Factor]:
        """The factors that weighed most, largest first."""
        ranked = sorted((f for f in self.factors if abs(f.value) >= 0.005), key=lambda f: -abs(f.value))
        if self.red_line:
            ranked = [f for f in self.factors if f.name == "red line"] + [f for f in ranked if f.name != "red line"]
        return ranked[:limit]

    def explain(self) -> str:
        return "; ".join(str(f) for f in self.reasons())


def veto_stigma(profile: Profile, attention: float, protective: float) -> float:
    """What vetoing a protective text in public would cost a permanent member.
    It pays that price to shield a state it is tied to (Syria, Myanmar), and
    would rather abstain where it has no such stake (China on Rwanda, 1994)."""
    return VETO_STIGMA * attention * max(protective, 0.0) * 4 * (1.0 - profile.ties)


_MARKS: dict[int, tuple[Clause, frozenset[str]]] = {}
_RED_LINES: dict[int, tuple[Profile, frozenset[str]]] = {}


def _red_lines(profile: Profile) -> frozenset[str]:
    """A profile's red lines as a set (kept per profile object: loaded profiles never change)."""
    known = _RED_LINES.get(id(profile))
    if known is None or known[0] is not profile:
        known = (profile, frozenset(profile.red_lines))
        if len(_RED_LINES) > 4096:  # bounded, as the clause marks are
            _RED_LINES.clear()
        _RED_LINES[id(profile)] = known
    return known[1]
_FEATURES: dict[object, tuple[Mapping[str, Clause], DraftFeatures]] = {}
_NOTHING: frozenset[str] = frozenset()


def clause_marks(clause: Clause) -> frozenset[str]:
    """Everything a red line may name about a clause (kept per clause object:
    loaded clauses never change)."""
    known = _MARKS.get(id(clause))
    if known is not None and known[0] is clause:
        return known[1]
    marks = {clause.id, clause.category.value, *clause.tags}
    if clause.chapter_vii:
        marks.add("chapter_vii")
    frozen = frozenset(marks)
    if len(_MARKS) > 4096:  # bounded: many loaded cases in one process (tests) must not grow it forever
        _MARKS.clear()
    _MARKS[id(clause)] = (clause, frozen)
    return frozen


def _combine(values: list[float]) -> float:
    """Diminishing returns: two protective clauses are worth less than double one."""
    gain = 1.0
    loss = 1.0
    for v in values:
        if v > 0:
            gain *= 1.0 - v
        elif v < 0:
            loss *= 1.0 + v
    return (1.0 - gain) - (1.0 - loss)


def _strongest(clauses: list[Clause], attr: str, sign: int = 1) -> Clause | None:
    chosen = [c for c in clauses if sign * getattr(c, attr) > 0]
    return max(chosen, key=lambda c: sign * getattr(c, attr)) if chosen else None


@dataclass(frozen=True)
class DraftFeatures:
    """What a draft is, whoever weighs it: computed once per draft and shared
    by the fifteen members (the same arithmetic as weighing it one by one)."""

    chosen: tuple[Clause, ...]
    bind: float
    protect: float
    protection_note: str
    intrusion: float
    sovereignty_note: str
    coercion: float
    ties_note: str
    cost: float
    cost_note: str
    precedent: float
    precedent_note: str
    red_marks: tuple[tuple[str, frozenset[str]], ...]  # (clause id, marks), in draft order
    national_command: bool
    plain_protective: float  # protective value when no sponsor is distrusted
    sponsors: tuple[str, ...]
    # The clause named when the draft leaves civilians less safe on balance (protection_note names
    # the most protective one): a factor's note names a clause that pulls the way the factor does.
    weakening_note: str = ""
    # Pressure on parties other than the state concerned (clauses with `presses`): (party, coercion, the
    # clause that presses it most), weighed by each member's ties_to. Empty in most cases.
    pressed: tuple[tuple[str, float, str], ...] = ()
    # A procedural text whose clauses are all agenda items: a vote on the Council's competence.
    competence: bool = False
    # The state concerned accepts the draft's most intrusive clause (a presence it consented to).
    accepted: bool = False
    # The draft's most protective clause protects people on the ground: a presence, force, aid.
    on_the_ground: bool = False

    def red_line_crossed(self, red_lines: frozenset[str]) -> tuple[str, frozenset[str]] | None:
        """The first clause that crosses one of these red lines, and what it names; kept per set of red
        lines, since the same few members weigh the same draft again and again."""
        known: dict[frozenset[str], tuple[str, frozenset[str]] | None] = self.__dict__.setdefault("_crossed", {})
        if red_lines not in known:
            known[red_lines] = next(((c, marks & red_lines) for c, marks in self.red_marks if marks & red_lines), None)
        return known[red_lines]

    @cached_property  # built once per draft, not once per member
    def relations_note(self) -> str:
        return "with " + ", ".join(self.sponsors)

    @classmethod
    def of(cls, draft: Draft, clauses: Mapping[str, Clause], in_force: frozenset[str] = frozenset()) -> DraftFeatures:
        """The features of a draft, kept per draft (and the measures it would renew): a case's clause table
        never changes after loading."""
        renews = in_force.intersection(draft.clauses) if in_force else _NOTHING
        key = (draft, renews) if renews else draft
        known = _FEATURES.get(key)
        if known is not None and known[0] is clauses:
            return known[1]
        features = cls._compute(draft, clauses, renews)
        if len(_FEATURES) > 4096:
            _FEATURES.clear()
        _FEATURES[key] = (clauses, features)
        return features

    @classmethod
    def _compute(cls, draft: Draft, clauses: Mapping[str, Clause], renews: frozenset[str] = frozenset()) -> DraftFeatures:
        chosen = tuple(clauses[c] for c in draft.clauses if c in clauses)
        if renews:  # what a renewal weighs of each measure it keeps: see RENEWAL
            # Only what it costs the state and the Council is eased: a clause that shields the state still shields it.
            chosen = tuple(c.model_copy(update={"intrusiveness": c.intrusiveness * RENEWAL, "precedent": c.precedent * RENEWAL,
                                                "coercion": c.coercion * RENEWAL if c.coercion > 0 else c.coercion})
                           if c.id in renews else c for c in chosen)
        # Non-binding instruments cost less sovereignty (bind) and protect less (effect): council/instruments.py.
        bind, protect = FORCE[draft.instrument]
        # One pass for the clauses that stand out on each dimension: the most positive and the most
        # negative; the first such clause wins a tie (as max() would).
        best: dict[str, Clause | None] = {}
        worst_of: dict[str, Clause | None] = {}
        for attr in ("protection", "coercion", "cost", "precedent"):
            high = low = None
            for c in chosen:
                value = getattr(c, attr)
                if value > 0 and (high is None or value > getattr(high, attr)):
                    high = c
                elif value < 0 and (low is None or value < getattr(low, attr)):
                    low = c
            best[attr] = high or (low if attr != "precedent" else None)
            worst_of[attr] = low or high
        top, stretch = best["protection"], best["precedent"]
        intrusion, sovereignty_note, consented, accepted = 0.0, "", False, False
        consents_to = draft.consents_to
        if chosen:
            if consents_to:  # consent clause by clause: each accepted clause intrudes less
                weighed = [(c.intrusiveness * (CONSENT_RELIEF if c.id in consents_to else 1.0), c) for c in chosen]
                ranked = sorted((v for v, _ in weighed), reverse=True)
                intrusion = min(1.0, ranked[0] + 0.15 * sum(ranked[1:]))
                worst = max(weighed, key=lambda pair: pair[0])[1]
                consented = worst.id in consents_to
            else:
                ranked = sorted((c.intrusiveness for c in chosen), reverse=True)
                intrusion = min(1.0, ranked[0] + 0.15 * sum(ranked[1:]))
                if draft.host_consent:
                    intrusion *= CONSENT_RELIEF
                worst = max(chosen, key=lambda c: c.intrusiveness)
                consented = draft.host_consent
            # Consent to a UN presence says nothing of sanctions or a referral: the reason names the
            # consent only where it was given to the clause named (a presence, or a clause listed).
            # The state accepts the measure that intrudes most: a presence it consented to, or a clause it named.
            accepted = consented and (bool(consents_to) or worst.category in PRESENCE)
            if consented and not consents_to and worst.category not in PRESENCE:
                sovereignty_note = worst.title
            else:
                sovereignty_note = f"{worst.title}; {'with host consent' if consented else 'no host consent'}"
        # A presence the state has accepted is not pressure on it, nor is a clause it accepts by name.
        relief = CONSENT_RELIEF if draft.host_consent else 1.0

        def pressure(c: Clause) -> float:
            if consents_to:
                return c.coercion * (CONSENT_RELIEF if c.id in consents_to else 1.0)
            return c.coercion * (relief if c.category in PRESENCE else 1.0)

        on_state = [c for c in chosen if c.presses is None]
        coercion = _combine([pressure(c) for c in on_state]) * bind
        pressed: list[tuple[str, float, str]] = []
        for party in dict.fromkeys(c.presses for c in chosen if c.presses is not None):
            theirs = [c for c in chosen if c.presses == party]
            strongest = max(theirs, key=lambda c: abs(c.coercion))
            pressed.append((party, _combine([pressure(c) for c in theirs]) * bind, strongest.title))
        cost = max(-1.0, min(1.0, sum(c.cost for c in chosen))) * bind
        # Each note names the clause that pulls the way the sum does: the one that puts most pressure on
        # the state, else the one that shields it most; the costliest, else the one that saves most.
        if len(on_state) != len(chosen):  # the note names a clause that presses the state concerned itself
            pointed = (max((c for c in on_state if c.coercion > 0), key=lambda c: c.coercion, default=None)
                       if coercion >= 0 else min(on_state, key=lambda c: c.coercion, default=None))
        else:
            pointed = best["coercion"] if coercion >= 0 else worst_of["coercion"]
        costly = best["cost"] if cost >= 0 else worst_of["cost"]
        weakening = worst_of["protection"]
        return cls(
            chosen, bind, protect, top.title if top else "", intrusion, sovereignty_note, coercion,
            pointed.title if pointed else "", cost, costly.title if costly else "",
            stretch.precedent * bind if stretch else 0.0, stretch.title if stretch else "",
            tuple((c.id, clause_marks(c)) for c in chosen), any(NATIONAL_COMMAND in c.tags for c in chosen),
            _combine([c.protection for c in chosen]) * protect,
            tuple(dict.fromkeys(s for s in (draft.penholder, *draft.sponsors) if s)),
            weakening.title if weakening else "", tuple(pressed),
            draft.instrument is _PROCEDURAL and bool(chosen) and all(AGENDA in c.tags for c in chosen),
            accepted, top is not None and (top.category in PRESENCE or top.category is ClauseCategory.humanitarian),
        )


def assess(member: str, profile: Profile, draft: Draft, clauses: Mapping[str, Clause], moment: Moment,
           features: DraftFeatures | None = None) -> Assessment:
    """Weigh draft for member; return its position with every factor."""
    f = features or DraftFeatures.of(draft, clauses, moment.in_force)
    chosen = f.chosen
    permanent = member in moment.permanent
    factors: list[tuple[str, float, str]] = []
    red: str | None = None  # the instrument or clause that crosses a red line
    if profile.red_lines:
        red_lines = _red_lines(profile)
        if draft.instrument.value in red_lines and chosen:  # e.g. no formal resolution on an "internal matter"
            red = draft.instrument.value
            label = draft.instrument.value.replace("_", " ")
            factors.append(("red line", -1.0, f"a {label} on this matter crosses its red line"))
            red_lines = frozenset()
        crossed = f.red_line_crossed(red_lines)
        if crossed is not None:
            red, hit = crossed
            title = clauses[red].title
            factors.append(("red line", -1.0, f"{title}: crosses its red line ({', '.join(sorted(hit))})"))

    attention = moment.attention
    severity = moment.severity

    sponsors = f.sponsors
    if len(sponsors) == 1:  # the common case; the same arithmetic as the general one
        trust = profile.relations.get(sponsors[0], 0.0) / 1
    else:
        trust = sum(profile.relations.get(s, 0.0) for s in sponsors) / len(sponsors) if sponsors else 0.0
    if member in sponsors:
        trust = 1.0
    # An operation under national command protects only as well as those who
    # command it: distrust of the sponsors discounts its protective value.
    discount = 1.0 + (trust if trust < 0.0 else 0.0)
    if f.national_command and discount != 1.0:
        protective = _combine([c.protection * (discount if NATIONAL_COMMAND in c.tags else 1.0) for c in chosen]) * f.protect
    else:
        protective = f.plain_protective
    # Each factor is added to the score as it is made, in order: the same sum as adding them up after,
    # without a second pass (batch play weighs hundreds of thousands of drafts).
    add = factors.append
    score: float = factors[0][1] if factors else 0.0
    value = profile.protection * protective * (0.5 + severity)
    add(("protection", value, f.protection_note if protective >= 0 else f.weakening_note))
    score += value
    value = profile.pressure * attention * protective
    add(("pressure", value, moment.attention_note))
    score += value
    if chosen:
        value = -profile.sovereignty * f.intrusion * f.bind
        add(("sovereignty", value, f.sovereignty_note))
        score += value
    value = -profile.ties * f.coercion
    note = f.ties_note
    if f.pressed:  # pressure on other parties, by the member's ties to each; the note names the largest part
        largest = abs(value)
        for party, coercion, title in f.pressed:
            part = -profile.ties_to.get(party, 0.0) * coercion
            value += part
            if abs(part) > largest:
                note, largest = f"{title}; {party}", abs(part)
    add(("ties", value, note))
    score += value
    value = -profile.cost * f.cost
    add(("cost", value, f.cost_note))
    score += value
    value = -profile.precedent * f.precedent
    add(("precedent", value, f.precedent_note))
    score += value

    regions = profile.regions
    regional = 0.0
    if regions:
        stances = [moment.stances.get(r, 0.0) for r in regions]
        stance = sum(stances) / len(stances)
        action = max(protective, f.intrusion if chosen else 0.0, 0.0)
        value = profile.regional * stance * action
        add(("regional", value, ", ".join(regions)))
        score += value
        regional = value
    if member in sponsors:
        add(("sponsor", SPONSOR, "its own draft"))
        score += SPONSOR
    elif sponsors:
        value = TRUST * trust
        add(("relations", value, f.relations_note))
        score += value
    if profile.wants and chosen:
        missing = [c for c in profile.wants if c in clauses and c not in draft.clauses
                   and draft.instrument in clauses[c].instruments]
        if missing:
            value = -OMISSION * min(len(missing), OMITTED_AT_MOST)
            add(("omission", value, clauses[missing[0]].title))
            score += value
    goodwill = moment.lobbying.get(member, 0.0)
    if goodwill:
        add(("lobbying", goodwill, "commitments made in consultations"))
        score += goodwill
    if f.competence:
        value = COLLEGIALITY * ((profile.protection > profile.sovereignty) - (profile.protection < profile.sovereignty))
        add(("competence", value, "whether the Council may take the situation up"))
        score += value
    elif chosen:
        add(("collegiality", COLLEGIALITY, "members rarely stand apart"))
        score += COLLEGIALITY
    if red is not None:
        position = _NO
    elif score >= YES_AT:
        position = _YES
        # What holds back a yes on a resolution that is not its own: a protest, or its region's opposition.
        held_back: tuple[str, str] | None = None
        if draft.instrument is _RESOLUTION and member not in sponsors:
            protest = moment.protests.get(member) if moment.protests else None
            if protest is not None and not protest[0].intersection(draft.clauses):
                held_back = (PROTEST, protest[1])
            elif regional <= -REGION_DEFERS and not permanent and f.coercion > 0 and not f.on_the_ground:
                held_back = (DEFERENCE, f.ties_note)
        if held_back is not None:
            lift = YES_AT - 0.001 - score  # just short of a yes: it could accept the text itself
            factors.append((held_back[0], lift, held_back[1]))
            score += lift
            position = _ABSTAIN
    elif score > NO_AT:
        position = _ABSTAIN
    else:
        position = _NO
        if permanent and draft.instrument is _RESOLUTION:
            stigma = veto_stigma(profile, attention, protective)
            call = REGION_CALL * moment.backing * (1.0 - profile.ties) if f.on_the_ground else 0.0
            if score + stigma > NO_AT:
                # It abstains rather than veto; the score says how reluctantly (just short of a veto).
                lift = NO_AT + 0.001 - score
                factors.append(("veto stigma", lift, "a public veto of protection would cost it"))
                score += lift
                position = _ABSTAIN
            elif (f.accepted and profile.ties < SHIELDS) or score + stigma + call > NO_AT:
                # The state or its region accepts the measure: it will not stand in their way with a veto.
                lift = NO_AT + 0.001 - score
                factors.append(("acceptance", lift, "the state concerned accepts it" if f.accepted and
                                profile.ties < SHIELDS else "its region calls for action"))
                score += lift
                position = _ABSTAIN
    return Assessment(member, round(score, 6), position, tuple(factors), red, permanent, draft.instrument is _PROCEDURAL)
