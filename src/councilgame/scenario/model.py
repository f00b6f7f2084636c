"""The scenario schema: what an instructor may write in a case file.

Every field carries a description (the validator and the authoring guide
read them). Closed vocabularies are enums. Models are frozen: a loaded
scenario never changes; play state lives in `councilgame.session`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from enum import Enum
from typing import Annotated, Literal

import pycountry
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StringConstraints, model_validator


class Strict(BaseModel):
    # allow_inf_nan=False: `.inf` or `1e400` is never a count or a weight ("Killed: inf people").
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, allow_inf_nan=False)


# How much a case may hold. Each is several times what the largest shipped case uses; together
# they keep every file within the size limit loading in well under a second and every computer
# turn (whose cost grows with clauses on the table and clauses in a draft) under a second.
MAX_DRAFT_CLAUSES = 16  # the shipped record's longest draft has 9
MAX_OWN_CLAUSES = 60  # the shipped cases add at most 13 to the library's 26
MAX_EVENTS = 100
MAX_ACTORS = 40
MAX_DEVELOPMENTS = 30  # per round; the shipped cases have at most 6
MAX_EFFECTS = 20
MAX_RED_LINES = 30
MAX_GOALS = 12
MAX_RECORD = 60
MAX_OUTCOMES = 30
MAX_SOURCES = 1000
MAX_GLOSSARY = 300
MAX_VERSION = 1_000_000
MAX_COUNT = 10_000_000_000  # an outcome's estimate: more than the world's population, so no real one is refused
MAX_CITED = 40  # sources cited by one item
MAX_ROUNDS = 40  # the longest shipped case has 6; a term's worth of weekly sessions is still far below
# The lesson lengths a classroom session offers (a school period, a double period and the usual in between).
LESSON_MINUTES = (45, 60, 90)


def _lesson_length(minutes: int) -> int:
    if minutes not in LESSON_MINUTES:
        raise ValueError(f"a lesson lasts {', '.join(map(str, LESSON_MINUTES[:-1]))} or {LESSON_MINUTES[-1]} minutes")
    return minutes


LessonMinutes = Annotated[int, AfterValidator(_lesson_length)]


def _unique(ids: list[str]) -> list[str]:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ValueError(f'"{item}" is listed twice (each clause counts once in a draft)')
        seen.add(item)
    return ids


@functools.cache
def country_name(code: str) -> str | None:
    """English short name of an ISO 3166 alpha-3 code, current or withdrawn (SUN, YUG)."""
    hit = pycountry.countries.get(alpha_3=code)
    if hit is None:
        hit = pycountry.historic_countries.get(alpha_3=code)
    if hit is None:
        return None
    return getattr(hit, "common_name", None) or hit.name


def user_assigned(code: str) -> bool:
    """ISO 3166 keeps AAA-AAZ, QMA-QZZ, XAA-XZZ and ZZA-ZZZ for private use:
    fictional states (the tutorial's) use them, named under `names:`."""
    return code[:2] == "AA" or ("QM" <= code[:2] <= "QZ") or code[0] == "X" or code[:2] == "ZZ"


def _check_code(code: str) -> str:
    if country_name(code) is None and not user_assigned(code):
        raise ValueError(f'"{code}" is not an ISO 3166 alpha-3 country code (e.g. RWA, USA, CHN); '
                         "fictional states use the private-use codes XAA-XZZ")
    return code


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_\-]*$", max_length=64)]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$"), AfterValidator(_check_code)]
Weight = Annotated[float, Field(ge=0.0, le=1.0)]
Signed = Annotated[float, Field(ge=-1.0, le=1.0)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300)]
SourceIds = Annotated[list[Id], Field(min_length=1, max_length=MAX_CITED, description="ids from the scenario's sources")]
ClauseIds = Annotated[list[Id], Field(max_length=MAX_DRAFT_CLAUSES), AfterValidator(_unique)]


class Instrument(str, Enum):
    resolution = "resolution"
    presidential_statement = "presidential_statement"
    press_statement = "press_statement"
    procedural = "procedural"  # e.g. to hold a meeting: nine votes, no veto
    no_action = "no_action"


class Indicator(str, Enum):
    violence = "violence"
    civilians_at_risk = "civilians_at_risk"
    displacement = "displacement"
    humanitarian_access = "humanitarian_access"
    legitimacy = "legitimacy"
    p5_relations = "p5_relations"
    public_attention = "public_attention"


class Reliability(str, Enum):
    confirmed = "confirmed"
    credible = "credible"
    contested = "contested"
    unverified = "unverified"


class Verification(str, Enum):
    verified = "verified"
    partial = "partial"
    unverified = "unverified"


class Difficulty(str, Enum):
    tutorial = "tutorial"
    easy = "easy"
    medium = "medium"
    hard = "hard"


class ClauseCategory(str, Enum):
    concern = "concern"
    condemnation = "condemnation"
    demand = "demand"
    humanitarian = "humanitarian"
    accountability = "accountability"
    sanctions = "sanctions"
    mission = "mission"
    force = "force"
    drawdown = "drawdown"
    restraint = "restraint"  # shields the state concerned or demands others stop


def _drafted_kinds(instruments: list[Instrument]) -> list[Instrument]:
    if Instrument.no_action in instruments:
        raise ValueError("no_action is what a withdrawn draft becomes, not a kind of text a clause can go in: "
                         "name resolution, presidential_statement, press_statement or procedural")
    return instruments


class Clause(Strict):
    """A building block of a draft. Numbers say how members weigh it."""

    id: Id
    title: ShortText = Field(description="Card title, e.g. 'Refers the situation to the ICC'")
    text: Text = Field(description="Operative wording as it would appear in a draft")
    category: ClauseCategory
    intrusiveness: Weight = Field(description="Cost to state sovereignty: concern 0.05 ... Chapter VII force 0.9")
    protection: Signed = Field(description="Protective value for civilians; negative if it weakens protection")
    coercion: Signed = Field(0.0, description="Pressure aimed at the state concerned; negative if it shields it")
    cost: Signed = Field(0.0, description="Troops, money and risk for members; negative if it saves them")
    precedent: Weight = Field(0.0, description="How far it stretches what the Council may do (intervention, referral)")
    accountability: Weight = Field(0.0, description="How far it brings perpetrators to account")
    chapter_vii: StrictBool = Field(False, description="Adopted under Chapter VII (binding, may authorise force)")
    instruments: Annotated[list[Instrument], AfterValidator(_drafted_kinds)] = Field(
        default_factory=lambda: [Instrument.resolution], min_length=1, max_length=len(Instrument),
        description="The kinds of text it can go in: resolution, presidential_statement, press_statement, procedural")
    tags: list[Id] = Field(default_factory=list, max_length=20, description="Words red lines can name, e.g. 'force', 'icc'")
    impact: dict[Indicator, Annotated[float, Field(ge=-30, le=30)]] = Field(
        default_factory=dict, description="Change per round to crisis indicators while in force")
    softer: Id | None = Field(None, description="A milder clause a member may ask for instead")
    ends: list[Id] = Field(default_factory=list, max_length=MAX_DRAFT_CLAUSES,
                           description="Measures this clause brings to an end when adopted "
                                       "(e.g. ending a no-fly zone, withdrawing a mission)")
    exists_from: dt.date | None = Field(None, description="The first day a Council could decide it (a referral to the "
                                        "ICC from 1 July 2002, when the Rome Statute entered into force)")
    exists_until: dt.date | None = Field(None, description="The last day a Council could decide it")

    def exists_on(self, day: dt.date) -> bool:
        """Whether a Council could decide this on that day."""
        return (self.exists_from is None or self.exists_from <= day) and (self.exists_until is None or day <= self.exists_until)


class ClauseLibrary(Strict):
    format: Literal[1]
    clauses: list[Clause]


class VotePhrases(Strict):
    """How a member's choice is said, before its reasons: "{member} abstained"."""

    yes: ShortText
    no: ShortText
    abstain: ShortText
    veto: ShortText = Field(description="A permanent member's no on a substantive resolution")
    assent: ShortText = Field(description="Joining a presidential or press statement")
    object: ShortText = Field(description="Blocking a statement, which needs every member's assent")


class ReasonPhrases(Strict):
    """What one factor of a delegation's judgement says, in the direction it pulls. A full phrase
    reads after "China abstained:" and after "Our concern:" alike, so it never says "it" for the
    member; a short one stands beside a vote in the whip count."""

    towards_yes: ShortText | None = Field(None, description="When the factor pulls towards yes")
    towards_yes_short: ShortText | None = Field(None, description="A few words for the whip count")
    towards_no: ShortText | None = Field(None, description="When the factor pulls towards no")
    towards_no_short: ShortText | None = Field(None, description="A few words for the whip count")
    towards_yes_itself: ShortText | None = Field(None, description="Towards yes, when the member is the state concerned")
    towards_no_itself: ShortText | None = Field(None, description="Towards no, when the member is the state concerned")


class ReasonBook(Strict):
    """One entry per factor a delegation weighs (councilgame.delegations.assess)."""

    protection: ReasonPhrases
    pressure: ReasonPhrases
    sovereignty: ReasonPhrases
    ties: ReasonPhrases
    cost: ReasonPhrases
    precedent: ReasonPhrases
    regional: ReasonPhrases
    sponsor: ReasonPhrases
    relations: ReasonPhrases
    lobbying: ReasonPhrases
    collegiality: ReasonPhrases
    red_line: ReasonPhrases
    veto_stigma: ReasonPhrases


class Phrases(Strict):
    """What computer delegations say (scenarios/library/phrases.yaml)."""

    position_yes: ShortText
    position_abstain: ShortText
    position_no: ShortText
    position_veto: ShortText
    position_red_line: ShortText
    statement_assent: ShortText
    statement_object: ShortText
    amendment_drop: ShortText
    amendment_soften: ShortText
    lobby_already: ShortText
    lobby_accept: ShortText
    lobby_accept_offer: ShortText
    lobby_consider: ShortText
    lobby_refuse: ShortText
    lobby_red_line: ShortText
    promised_then_changed: ShortText = Field(
        description="Before its position, when a member promised its vote and the text changed after: {member}")
    promised_but_outweighed: ShortText = Field(
        description="Before its position, when a member promised its vote and still holds back on the same text: {member}")
    # Why a member votes as it does, in a sentence built from the factors of its judgement.
    voted: VotePhrases = Field(description="A vote cast: \"{member} abstained\"")
    would: VotePhrases = Field(description="A vote expected: \"{member} would abstain\"")
    advice: VotePhrases = Field(description="To the player, for their own seat: \"Your advisers suggest you abstain\"")
    explanation: ShortText = Field(description="The whole sentence: {choice} is a vote phrase, {reason} its reasons")
    because: ShortText = Field(description="The reasons alone, as given with a vote: {reason}")
    also: ShortText = Field(description="Two reasons pulling the same way: {reason} and {other}")
    despite: ShortText = Field(description="A reason and the strongest one against it: {reason} and {other}")
    reasons: ReasonBook
    red_line_kind: ShortText = Field(description="A red line on a kind of text, e.g. any resolution: {clause}")
    with_consent: ShortText = Field(description="Filled in as {consent} when the state concerned accepts a presence")
    without_consent: ShortText = Field(description="Filled in as {consent} when it does not")
    the_state: ShortText = Field(description="{state} when the state concerned cannot be named")
    the_sponsors: ShortText = Field(description="{sponsors} when the sponsors cannot be named")
    the_bodies: ShortText = Field(description="{bodies} when the regional organisations cannot be named")
    on_balance_yes: ShortText = Field(description="When no single factor pulls towards yes")
    on_balance_no: ShortText = Field(description="When no single factor pulls towards no")
    veto_warning: ShortText = Field(description="Told to a permanent member before it votes on a resolution")
    and_word: ShortText = Field(description="Joins the last two names of a list: 'France and the United Kingdom'")
    names_with_the: list[ShortText] = Field(
        default_factory=list, max_length=100,
        description="A name with any of these words takes 'the' in a sentence (the United Kingdom)")

    @model_validator(mode="after")
    def _known_fields(self) -> Phrases:
        for name, text in _phrase_texts(self):
            for field in re.findall(r"{([^}]*)}", text):
                if field not in PHRASE_FIELDS:
                    raise ValueError(f"{name}: unknown field {{{field}}}; use {', '.join('{' + f + '}' for f in PHRASE_FIELDS)}")
        return self


def _phrase_texts(model: BaseModel, prefix: str = "") -> list[tuple[str, str]]:
    """Every text in a phrase book, by its dotted name (reasons.ties.towards_no)."""
    out: list[tuple[str, str]] = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            out += _phrase_texts(value, f"{prefix}{name}.")
        elif isinstance(value, str):
            out.append((prefix + name, value))
        elif isinstance(value, list):
            out += [(f"{prefix}{name}[{i}]", item) for i, item in enumerate(value) if isinstance(item, str)]
    return out


# The fields a phrase may insert. The game fills them by plain replacement: {member}, a delegation's name;
# {clause} and {softer}, clause titles; {reason}, a reason; {state}, the state concerned; {sponsors}, the
# draft's sponsors; {bodies}, regional organisations; {consent}, with_consent or without_consent;
# {choice}, a vote phrase; {other}, a second reason.
PHRASE_FIELDS = ("member", "clause", "softer", "reason", "state", "sponsors", "bodies", "consent", "choice", "other")


class PhraseBook(Strict):
    format: Literal[1]
    phrases: Phrases


class GlossaryBook(Strict):
    format: Literal[1]
    terms: dict[ShortText, ShortText]


class Source(Strict):
    title: Text
    url: str | None = None
    note: str | None = None


class Membership(Strict):
    """The Council of one calendar year (it changes on 1 January)."""

    permanent: Annotated[list[Code], Field(min_length=5, max_length=5)]
    elected: Annotated[list[Code], Field(min_length=10, max_length=10)]
    sources: SourceIds


class Goal(Strict):
    """One aim in a seat's brief, judged at the end of the case."""

    text: ShortText
    when: ShortText = Field(description="Condition met at the end, e.g. \"adopted('icc_referral')\"")
    weight: Annotated[float, Field(gt=0, le=10)] = 1.0


class Brief(Strict):
    interests: Text
    red_lines: str | None = None
    success: Text
    goals: list[Goal] = Field(default_factory=list, max_length=MAX_GOALS)


class Profile(Strict):
    """How one member weighs a draft in this case. Judgements, not facts:
    the rationale says why and cites sources."""

    sovereignty: Weight = Field(description="Weight on non-intervention")
    protection: Weight = Field(description="Weight on protecting civilians")
    ties: Weight = Field(0.0, description="Ties to the state concerned (opposes coercing it)")
    regional: Weight = Field(0.0, description="Follows the stance of its regional organisations")
    cost: Weight = Field(0.0, description="Aversion to troops, money and risk")
    precedent: Weight = Field(0.0, description="Fear of stretching Council powers")
    pressure: Weight = Field(0.0, description="Responsiveness to NGO and public pressure")
    relations: dict[Code, Signed] = Field(default_factory=dict, description="Trust in other members as sponsors")
    regions: list[Id] = Field(default_factory=list, description="Regional organisations it belongs to, e.g. au, nato")
    red_lines: list[Id] = Field(default_factory=list, max_length=MAX_RED_LINES,
                                description="Clause ids or tags it will vote against")
    rationale: str | None = None
    sources: list[Id] = Field(default_factory=list, max_length=MAX_CITED)
    brief: Brief | None = None


class ActorKind(str, Enum):
    ngo = "ngo"
    state = "state"
    regional = "regional"
    secretariat = "secretariat"
    press = "press"


class Actor(Strict):
    """A non-voting participant: NGO, the state concerned, a regional body..."""

    id: Id
    name: ShortText
    kind: ActorKind
    code: Code | None = Field(None, description="Country code, for states")
    campaigns: StrictBool = Field(True, description="Campaigns in public (the ICRC does not)")
    influence: Weight = Field(0.3, description="How much its briefings move public attention")
    stance: Signed = Field(0.0, description="For regional bodies: +1 calls for Council action, -1 opposes outside interference")
    description: Text
    brief: Brief | None = None
    sources: list[Id] = Field(default_factory=list, max_length=MAX_CITED)


class News(Strict):
    text: Text
    source: Id | None = None


class ProfileShift(Strict):
    member: Code
    field: Literal["sovereignty", "protection", "ties", "regional", "cost", "precedent", "pressure"]
    by: Signed


class Effect(Strict):
    """Exactly one of: adjust, news, profile, flag, consent, stance."""

    adjust: dict[Indicator, Annotated[float, Field(ge=-100, le=100)]] | None = None
    news: News | None = None
    profile: ProfileShift | None = None
    flag: Id | None = None
    consent: StrictBool | None = None
    stance: dict[Id, Signed] | None = Field(None, description="New stance of regional actors by id")

    @model_validator(mode="after")
    def _exactly_one(self) -> Effect:
        given = [name for name in type(self).model_fields if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"an effect has exactly one of {', '.join(type(self).model_fields)}; "
                             f"got {', '.join(given) or 'none'}")
        return self


class DevelopmentKind(str, Enum):
    cable = "cable"
    ngo_report = "ngo_report"
    press = "press"
    briefing = "briefing"
    event = "event"
    statement = "statement"


class Development(Strict):
    """Something that became known on a date, with its source."""

    date: dt.date
    kind: DevelopmentKind
    text: Text
    sources: SourceIds
    reliability: Reliability = Reliability.confirmed
    actor: Id | None = None
    content_note: str | None = Field(None, description="Warning shown before graphic material")
    effects: list[Effect] = Field(default_factory=list, max_length=MAX_EFFECTS)
    when: ShortText | None = Field(None, description="For what follows from a Council decision (an investigation after a "
                                   "referral, a mission deployed): a condition, e.g. \"adopted('icc_referral')\", that must "
                                   "hold when the round begins, or the development does not happen in this game")


class Round(Strict):
    id: Id
    label: ShortText = Field(description="e.g. '7 to 14 April 1994'")
    start: dt.date
    end: dt.date
    briefing: Text = Field(description="The situation, for 15-to-18-year-olds")
    penholder: Code = Field(description="Who drafts this round if no player does")
    agenda: ClauseIds = Field(default_factory=list, description="Clauses the penholder puts forward")
    host_consent: StrictBool = Field(False, description="Whether the state concerned accepts a UN presence")
    drift: dict[Indicator, Annotated[float, Field(ge=-50, le=50)]] = Field(
        default_factory=dict, description="How indicators move this round if the Council does nothing new")
    drift_reason: ShortText | None = Field(None, description="What moves the crisis this round whatever the Council does, "
                                           "in words (e.g. \"the RPF's advance\"): the consequences screen names it")
    developments: list[Development] = Field(default_factory=list, max_length=MAX_DEVELOPMENTS)

    @model_validator(mode="after")
    def _ordered(self) -> Round:
        if self.end < self.start:
            raise ValueError(f"round ends ({self.end}) before it starts ({self.start})")
        return self


class Event(Strict):
    """A rule: when the condition holds at the end of a round, apply the effects."""

    id: Id
    when: ShortText
    once: StrictBool = True
    effects: Annotated[list[Effect], Field(min_length=1, max_length=MAX_EFFECTS)]


class VoteList(Strict):
    yes: list[Code] = Field(default_factory=list)
    no: list[Code] = Field(default_factory=list)
    abstain: list[Code] = Field(default_factory=list)
    absent: list[Code] = Field(default_factory=list)


class Organ(str, Enum):
    security_council = "security_council"
    human_rights_council = "human_rights_council"
    general_assembly = "general_assembly"


class RecordEntry(Strict):
    """A documented decision, with its draft expressed as clauses."""

    id: Id
    symbol: ShortText | None = None
    date: dt.date
    organ: Organ = Organ.security_council
    instrument: Instrument
    penholder: Code | None = None
    clauses: ClauseIds = Field(default_factory=list)
    host_consent: StrictBool = False
    adopted: StrictBool
    votes: VoteList | None = Field(None, description="Member by member; omit for consensus statements")
    vetoed_by: list[Code] = Field(default_factory=list)
    summary: Text
    vote_basis: str | None = None
    verification: Verification = Verification.verified
    uncertain: str | None = Field(None, description="What is not confirmed about this entry")
    held_out: StrictBool = Field(False, description="Kept out of profile tuning to test the profiles: check-history "
                                                    "reports it but fails on it only with --strict")
    sources: SourceIds


class Outcome(Strict):
    """What followed, as a range of estimates with sources."""

    id: Id
    label: ShortText
    low: Annotated[float, Field(ge=0, le=MAX_COUNT)]
    high: Annotated[float, Field(ge=0, le=MAX_COUNT)]
    unit: ShortText = "people"
    note: str | None = None
    contested: StrictBool = False
    casualties: StrictBool = Field(False, description="Scales the model's 'lives at risk' estimate")
    sources: SourceIds

    @model_validator(mode="after")
    def _range(self) -> Outcome:
        if self.high < self.low:
            raise ValueError(f"high ({self.high:g}) is below low ({self.low:g})")
        return self


class Scenario(Strict):
    format: Literal[1] = Field(description="Scenario format version; 1")
    id: Id
    version: Annotated[int, Field(ge=1, le=MAX_VERSION)]
    title: ShortText
    subtitle: ShortText | None = None
    region: ShortText
    minutes: Annotated[int, Field(ge=5, le=600)]
    difficulty: Difficulty
    content_note: str | None = None
    lessons: dict[LessonMinutes, Annotated[list[Id], Field(min_length=1, max_length=MAX_ROUNDS)]] = Field(
        default_factory=dict,
        description="The round ids a lesson of 45, 60 or 90 minutes plays. It ends with the last one; a round "
                    "before it that is not listed is told, not played (the Council does what the real one did). "
                    "A length not given plays the first rounds, as many as fit the case's own minutes")
    seat_hint: ShortText | None = Field(
        None, description="Shown on the seat screen: which seat suits a first game, and why")
    fictional: StrictBool = False
    summary: Text
    state_concerned: Code
    names: dict[Code, ShortText] = Field(default_factory=dict, description="Names of the period, e.g. SUN: USSR")
    sources: Annotated[dict[Id, Source], Field(max_length=MAX_SOURCES)]
    council: dict[Annotated[int, Field(ge=1946, le=2100)], Membership]
    clauses: list[Clause] = Field(default_factory=list, max_length=MAX_OWN_CLAUSES,
                                  description="Clauses beyond the shared library")
    profiles: dict[Code, Profile]
    actors: list[Actor] = Field(default_factory=list, max_length=MAX_ACTORS)
    initial: dict[Indicator, Annotated[float, Field(ge=0, le=100)]]
    rounds: Annotated[list[Round], Field(min_length=1, max_length=MAX_ROUNDS)]
    events: list[Event] = Field(default_factory=list, max_length=MAX_EVENTS)
    record: list[RecordEntry] = Field(default_factory=list, max_length=MAX_RECORD)
    outcomes: list[Outcome] = Field(default_factory=list, max_length=MAX_OUTCOMES)
    glossary: dict[ShortText, ShortText] = Field(default_factory=dict, max_length=MAX_GLOSSARY)


class DraftSpec(Strict):
    """A draft written in a small YAML file for `councilgame vote`."""

    instrument: Instrument = Instrument.resolution
    penholder: Code | None = None
    sponsors: Annotated[list[Code], Field(max_length=14)] = Field(default_factory=list)
    clauses: Annotated[ClauseIds, Field(min_length=1)]
    host_consent: StrictBool = False
