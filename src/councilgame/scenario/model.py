"""The scenario schema: what an instructor may write in a case file.

Every field carries a description, with its unit or range and an example
where one helps: `councilgame schema scenario` prints them as JSON Schema
(scenarios/scenario.schema.json, which editors read) and the authoring
guide, docs/authoring.md, is generated from them (`make authoring`), so
read the guide rather than this file. Closed vocabularies are enums, and
what each of their values means is in VALUE_MEANINGS. Models are frozen: a
loaded scenario never changes; play state lives in `councilgame.session`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from enum import Enum
from collections.abc import Sequence
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


@functools.cache
def country_name_in(code: str, language: str) -> str | None:
    """country_name in another language, from pycountry's translations (gettext domain iso3166-1); its
    inverted forms put back in order ('Russie, Fédération de': 'Fédération de Russie')."""
    english = country_name(code)
    if english is None:
        return None
    from councilgame import i18n

    name = i18n.country_names(language).gettext(english)
    head, comma, rest = name.partition(", ")
    if comma and ", " not in rest and language == "fr":
        joined = head if rest.endswith(("de", "du", "des", "d'", "l'")) else head.lower()
        name = rest + ("" if rest.endswith("'") else " ") + joined
        name = name[:1].upper() + name[1:]
    return name


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
# The clauses a state concerned accepts, when it accepts some and not others (a round, a record entry, a draft).
ConsentTo = Annotated[ClauseIds, Field(
    default_factory=list, description="When the state concerned accepts some clauses and not others (a humanitarian "
                                      "corridor, not a mission): the clause ids it accepts. Only these are relieved, "
                                      "and host_consent must then be false. Default: host_consent applies to every "
                                      "clause", examples=[["humanitarian_access"]])]
# A party to the crisis other than the state concerned: another state by its code, or an actor by its id.
Party = Annotated[str, StringConstraints(pattern=r"^([A-Z]{3}|[a-z0-9][a-z0-9_\-]*)$", max_length=64)]
# At most this many other states concerned: a crisis with more neighbours drawn in is a regional war, not a case.
MAX_OTHER_STATES = 5


class Instrument(str, Enum):
    """A kind of Council text."""

    resolution = "resolution"
    presidential_statement = "presidential_statement"
    press_statement = "press_statement"
    procedural = "procedural"  # e.g. to hold a meeting: nine votes, no veto
    no_action = "no_action"


class Indicator(str, Enum):
    """A crisis indicator: a level from 0 to 100 points that the crisis model moves each round."""

    violence = "violence"
    civilians_at_risk = "civilians_at_risk"
    displacement = "displacement"
    humanitarian_access = "humanitarian_access"
    legitimacy = "legitimacy"
    p5_relations = "p5_relations"
    public_attention = "public_attention"


class Reliability(str, Enum):
    """How far a development can be relied on, as the briefing marks it for students."""

    confirmed = "confirmed"
    credible = "credible"
    contested = "contested"
    unverified = "unverified"


class Verification(str, Enum):
    """How far a record entry has been checked against its sources."""

    verified = "verified"
    partial = "partial"
    unverified = "unverified"


class Difficulty(str, Enum):
    """How hard a case is for a first-time class, as the case list shows it."""

    tutorial = "tutorial"
    easy = "easy"
    medium = "medium"
    hard = "hard"


class ClauseCategory(str, Enum):
    """What kind of measure a clause is; a red line may name a category."""

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

    id: Id = Field(description="The clause's id: agendas, drafts, the record, `softer`, `ends`, red lines and "
                               "adopted('...') name it. Lowercase letters, digits, _ and -, at most 64 characters; an id "
                               "of the shared library may not be defined again", examples=["icc_referral"])
    title: ShortText = Field(description="Card title, e.g. 'Refers the situation to the ICC'",
                             examples=["Refers the situation to the ICC"])
    text: Text = Field(description="Operative wording as it would appear in a draft",
                       examples=["Decides to refer the situation since 15 February 2011 to the Prosecutor of the "
                                 "International Criminal Court."])
    category: ClauseCategory = Field(description="What kind of measure it is; a red line may name a category to refuse "
                                                 "every clause of that kind", examples=["accountability"])
    intrusiveness: Weight = Field(description="Cost to state sovereignty, 0 to 1: concern 0.05 ... Chapter VII force 0.9. "
                                              "Weighed by each member's `sovereignty`; less when the state concerned "
                                              "accepts a UN presence", examples=[0.6])
    protection: Signed = Field(description="Protective value for civilians, -1 to 1; negative if it weakens protection. "
                                           "Weighed by each member's `protection` and `pressure`", examples=[0.5])
    coercion: Signed = Field(0.0, description="Pressure aimed at the state concerned (or at whoever `presses` names), "
                                              "-1 to 1; negative if it shields it. Weighed by each member's `ties` (or "
                                              "its `ties_to` that party). Default 0: no pressure", examples=[0.6])
    presses: Party | None = Field(None, description="Whom the clause's coercion falls on when it is not the state "
                                                    "concerned: a code from `other_states` (a neighbour arming a "
                                                    "rebellion) or the id of an actor of kind entity or authority (an "
                                                    "armed group inside the state). Members weigh it by their "
                                                    "`ties_to` that party. Default: the state concerned",
                                        examples=["RWA", "m23"])
    cost: Signed = Field(0.0, description="Troops, money and risk for members, -1 to 1; negative if it saves them. "
                                          "Weighed by each member's `cost`. Default 0: costs nothing", examples=[0.1])
    precedent: Weight = Field(0.0, description="How far it stretches what the Council may do (intervention, referral), 0 "
                                               "to 1. Weighed by each member's `precedent`. Default 0", examples=[0.6])
    accountability: Weight = Field(0.0, description="How far it brings perpetrators to account, 0 to 1; the debrief's "
                                                    "accountability score. Default 0", examples=[0.8])
    chapter_vii: StrictBool = Field(False, description="Adopted under Chapter VII (binding, may authorise force); a red "
                                                       "line may name chapter_vii. Default false")
    instruments: Annotated[list[Instrument], AfterValidator(_drafted_kinds)] = Field(
        default_factory=lambda: [Instrument.resolution], min_length=1, max_length=len(Instrument),
        description="The kinds of text it can go in: resolution, presidential_statement, press_statement, procedural "
                    "(not no_action). Default: resolution only",
        examples=[["resolution", "presidential_statement"]])
    tags: list[Id] = Field(default_factory=list, max_length=20, description="Words red lines can name, e.g. 'force', "
                           "'icc'; the tag national_command marks an operation the sponsors lead, whose protection a "
                           "member discounts by its distrust of them. At most 20. Default: none",
                           examples=[["icc", "accountability"]])
    impact: dict[Indicator, Annotated[float, Field(ge=-30, le=30)]] = Field(
        default_factory=dict, description="Change per round to crisis indicators while in force, in points (-30 to 30 "
                                          "each), scaled by the force of the text that holds it. Default: none",
        examples=[{"violence": -3, "humanitarian_access": 5}])
    softer: Id | None = Field(None, description="A milder clause a member may ask for instead (its id). Default: none "
                                                "(a member that objects can only ask for it to be dropped)",
                              examples=["expresses_concern"])
    ends: list[Id] = Field(default_factory=list, max_length=MAX_DRAFT_CLAUSES,
                           description="Measures this clause brings to an end when adopted "
                                       "(e.g. ending a no-fly zone, withdrawing a mission): clause ids. "
                                       "Default: none",
                           examples=[["no_fly_zone"]])
    exists_from: dt.date | None = Field(None, description="The first day a Council could decide it (a referral to the "
                                        "ICC from 1 July 2002, when the Rome Statute entered into force). Default: "
                                        "always could", examples=["2002-07-01"])
    exists_until: dt.date | None = Field(None, description="The last day a Council could decide it. Default: still can",
                                         examples=["1991-12-25"])

    def exists_on(self, day: dt.date) -> bool:
        """Whether a Council could decide this on that day."""
        return (self.exists_from is None or self.exists_from <= day) and (self.exists_until is None or day <= self.exists_until)


class ClauseLibrary(Strict):
    """The shared clause library (scenarios/library/clauses.yaml)."""

    format: Literal[1] = Field(description="Library format version; 1")
    clauses: list[Clause] = Field(description="The standard clauses every case may use; a case adds its own under "
                                              "`clauses:`")


class VotePhrases(Strict):
    """How a member's choice is said, before its reasons: "{member} abstained"."""

    yes: ShortText = Field(description="A yes vote: {member}", examples=["{member} voted yes"])
    no: ShortText = Field(description="A no vote (not a veto): {member}", examples=["{member} voted no"])
    abstain: ShortText = Field(description="An abstention: {member}", examples=["{member} abstained"])
    veto: ShortText = Field(description="A permanent member's no on a substantive resolution",
                            examples=["{member} vetoed the text"])
    assent: ShortText = Field(description="Joining a presidential or press statement",
                              examples=["{member} joined the statement"])
    object: ShortText = Field(description="Blocking a statement, which needs every member's assent",
                              examples=["{member} blocked the statement"])


class ReasonPhrases(Strict):
    """What one factor of a delegation's judgement says, in the direction it pulls. A full phrase
    reads after "China abstained:" and after "Our concern:" alike, so it never says "it" for the
    member; a short one stands beside a vote in the whip count."""

    towards_yes: ShortText | None = Field(None, description="When the factor pulls towards yes. Default: none (the "
                                                            "factor never pulls that way)",
                                          examples=["'{clause}' would help protect civilians"])
    towards_yes_short: ShortText | None = Field(None, description="A few words for the whip count",
                                                examples=["protects civilians"])
    towards_no: ShortText | None = Field(None, description="When the factor pulls towards no. Default: none",
                                         examples=["'{clause}' would leave civilians less safe"])
    towards_no_short: ShortText | None = Field(None, description="A few words for the whip count",
                                               examples=["leaves civilians less safe"])
    towards_yes_itself: ShortText | None = Field(None, description="Towards yes, when the member is the state concerned",
                                                 examples=["'{clause}' shields {member} itself"])
    towards_no_itself: ShortText | None = Field(None, description="Towards no, when the member is the state concerned",
                                                examples=["'{clause}' puts pressure on {member} itself"])


class ReasonBook(Strict):
    """One entry per factor a delegation weighs (councilgame.delegations.assess)."""

    protection: ReasonPhrases = Field(description="The draft protects civilians, or leaves them less safe: {clause}")
    pressure: ReasonPhrases = Field(description="Public and NGO pressure to act, or against the text")
    sovereignty: ReasonPhrases = Field(description="Interference in the state concerned: {clause}, {state}, {consent}")
    ties: ReasonPhrases = Field(description="Pressure on, or shelter for, a partner of the member: {clause}, {state}")
    cost: ReasonPhrases = Field(description="Troops, money and risk, spent or saved: {clause}")
    precedent: ReasonPhrases = Field(description="Stretching what the Council may do: {clause}")
    regional: ReasonPhrases = Field(description="What the member's regional organisations ask: {bodies}")
    sponsor: ReasonPhrases = Field(description="The member wrote the text itself: {member}")
    relations: ReasonPhrases = Field(description="Trust or distrust in the draft's sponsors: {sponsors}")
    lobbying: ReasonPhrases = Field(description="What was promised or asked in consultations")
    collegiality: ReasonPhrases = Field(description="Going along with the rest of the Council")
    competence: ReasonPhrases = Field(description="On a vote about whether the Council may take a situation up: the "
                                                  "member's principle, protection or non-intervention first: {state}")
    red_line: ReasonPhrases = Field(description="A clause the member will not accept: {clause}")
    veto_stigma: ReasonPhrases = Field(description="A permanent member would rather abstain than veto help for civilians "
                                                   "in public")
    acceptance: ReasonPhrases = Field(description="A permanent member abstains rather than veto a measure the state "
                                                  "concerned accepts or its region calls for: {state}")
    omission: ReasonPhrases = Field(description="The text leaves out a clause the member asked for: {clause}")
    protest: ReasonPhrases | None = Field(None, description="The member abstains in protest at something the text "
                                                        "does not touch (its profile's `protests`): {clause} is what it "
                                                        "protests. Default: the general words for a no")
    deference: ReasonPhrases | None = Field(None, description="An elected member abstains rather than vote against "
                                                          "its region's opposition to pressure on the state: {clause} "
                                                          "the pressure, {bodies} the region, {state}. Default: the "
                                                          "general words for a no")


class InstrumentWords(Strict):
    """A kind of Council text in words, one entry per kind (in a sentence, never at its start)."""

    resolution: ShortText = Field(description="A resolution", examples=["resolution"])
    presidential_statement: ShortText = Field(description="A presidential statement",
                                              examples=["presidential statement"])
    press_statement: ShortText = Field(description="A press statement", examples=["press statement"])
    procedural: ShortText = Field(description="A procedural vote (to hold a meeting, to take a situation up)",
                                  examples=["procedural"])
    no_action: ShortText = Field(description="What a withdrawn draft becomes", examples=["no action"])


class VoteWords(Strict):
    """A vote in a word or two, as the transcript tells a vote cast: \"France voted yes\"."""

    yes: ShortText = Field(description="A yes", examples=["yes"])
    no: ShortText = Field(description="A no", examples=["no"])
    abstain: ShortText = Field(description="An abstention", examples=["abstain"])
    absent: ShortText = Field(description="Not taking part", examples=["absent"])


class AnswerWords(Strict):
    """How a member answered a request for its vote, in a word or two (the transcript)."""

    already: ShortText = Field(description="It already supported the text", examples=["already"])
    accept: ShortText = Field(description="It gave its vote", examples=["accept"])
    accept_offer: ShortText = Field(description="It gave its vote for support elsewhere", examples=["accept offer"])
    consider: ShortText = Field(description="It was moved, not enough", examples=["consider"])
    refuse: ShortText = Field(description="It was not moved", examples=["refuse"])
    red_line: ShortText = Field(description="The text crosses its red line", examples=["red line"])


class PhaseWords(Strict):
    """A phase of a round in words, after 'during' and 'closed the'."""

    briefing: ShortText = Field(description="The briefing", examples=["briefing"])
    consultations: ShortText = Field(description="Consultations", examples=["consultations"])
    drafting: ShortText = Field(description="Drafting", examples=["drafting"])
    vote: ShortText = Field(description="The vote", examples=["vote"])
    consequences: ShortText = Field(description="The consequences", examples=["consequences"])
    debrief: ShortText = Field(description="The debrief", examples=["debrief"])


class MonthNames(Strict):
    """The months, as a date reads in a sentence: 21 April 1994."""

    january: ShortText = Field(description="Month 1", examples=["January"])
    february: ShortText = Field(description="Month 2", examples=["February"])
    march: ShortText = Field(description="Month 3", examples=["March"])
    april: ShortText = Field(description="Month 4", examples=["April"])
    may: ShortText = Field(description="Month 5", examples=["May"])
    june: ShortText = Field(description="Month 6", examples=["June"])
    july: ShortText = Field(description="Month 7", examples=["July"])
    august: ShortText = Field(description="Month 8", examples=["August"])
    september: ShortText = Field(description="Month 9", examples=["September"])
    october: ShortText = Field(description="Month 10", examples=["October"])
    november: ShortText = Field(description="Month 11", examples=["November"])
    december: ShortText = Field(description="Month 12", examples=["December"])


class ExchangePhrases(Strict):
    """What a move puts on the record of what was said in consultations, or in the round's feed
    (councilgame.session.actions)."""

    findings: ShortText = Field(description="A UN human-rights body briefs a seat: {name}, the body",
                                examples=["{name} presents its findings to you. They are on the public record."])
    briefing_public: ShortText = Field(description="A campaigning NGO briefs a seat: {name}",
                                       examples=["{name} briefs you. It will raise the alarm in public."])
    briefing_private: ShortText = Field(description="An NGO that does not campaign briefs a seat: {name}",
                                        examples=["{name} briefs you. It shares what it knows, in confidence."])
    statement: ShortText = Field(description="A public statement: {text}, its words",
                                 examples=["Public statement: {text}"])
    protect: ShortText = Field(description="The standard words of a statement for protecting civilians",
                               examples=["The protection of civilians must come first."])
    sovereignty: ShortText = Field(description="The standard words of a statement for sovereignty",
                                   examples=["The sovereignty of states must be respected."])
    veto_signalled: ShortText = Field(description="A permanent member lets it be known that it will veto (said by it)",
                                      examples=["Signals it will veto the draft."])
    campaign: ShortText = Field(description="A campaigning NGO goes public (said by it: the record shows its name "
                                            "before the words)",
                                examples=["Campaigns in public for action."])
    appeal_sovereignty: ShortText = Field(description="A state concerned appeals to a member (said by it)",
                                          examples=["Urges respect for its sovereignty."])
    appeal_act: ShortText = Field(description="An entity or authority urges a member to act (said by it)",
                                  examples=["Urges the Council to act."])
    appeal_stay_out: ShortText = Field(description="An entity or authority urges a member to stay out (said by it)",
                                       examples=["Urges the Council to stay out."])
    news_added: ShortText = Field(description="News the instructor adds to the round's feed, marked as theirs: {text}",
                                  examples=["{text} (news added by the instructor)"])


class NarrationPhrases(Strict):
    """How the game tells this Council's decisions and the real Council's (councilgame.session.narration).
    {kind} is a kind of text from `kinds` or `a_kinds`, {titles} its clauses' titles, {tally} the vote (12-0-3),
    {names} members by name."""

    withdrawn: ShortText = Field(description="A draft withdrawn: {kind} (kinds), {titles}",
                                 examples=["Your Council's draft {kind} was withdrawn before the vote ({titles})."])
    withdrawn_threatened: ShortText = Field(
        description="A draft withdrawn under the threat of a veto: {kind} (kinds), {names}, {titles}",
        examples=["Your Council's draft {kind} was withdrawn before the vote under the threat of a veto by {names} "
                  "({titles})."])
    no_draft: ShortText = Field(description="Nothing was put to the vote", examples=["Your Council put no draft to the vote."])
    consensus: ShortText = Field(description="A statement agreed: {kind} (a_kinds), {titles}",
                                 examples=["Your Council agreed {kind} by consensus: {titles}."])
    no_consensus: ShortText = Field(description="A statement not agreed: {kind} (a_kinds), {titles}, {names} who objected",
                                    examples=["Your Council could not agree {kind} ({titles}): {names} objected."])
    adopted: ShortText = Field(description="A text adopted: {kind} (a_kinds), {tally}, {titles}",
                               examples=["Your Council adopted {kind}, {tally}: {titles}."])
    vetoed: ShortText = Field(description="A draft vetoed: {kind} (kinds), {titles}, {names}, {tally}",
                              examples=["Your Council's draft {kind} ({titles}) was vetoed by {names}, {tally}."])
    failed: ShortText = Field(description="A draft short of votes: {kind} (kinds), {titles}, {tally}, {count} the votes "
                                          "needed in words (seven or nine)",
                              examples=["Your Council's draft {kind} ({titles}) failed, {tally}: it needed {count} votes "
                                        "in favour."])
    seven: ShortText = Field(description="The votes a text needed in a Council of eleven (to 1965), in words",
                             examples=["seven"])
    nine: ShortText = Field(description="The votes a text needs in a Council of fifteen, in words", examples=["nine"])
    not_voting: ShortText = Field(description="A tally with one member not voting: {tally}, {count}",
                                  examples=["{tally}, {count} not voting"])
    not_voting_plural: ShortText = Field(description="A tally with members not voting: {tally}, {count}",
                                         examples=["{tally}, {count} not voting"])
    result_withdrawn: ShortText = Field(description="A decision's outcome in a few words: withdrawn",
                                        examples=["Withdrawn before the vote"])
    result_no_draft: ShortText = Field(description="No draft", examples=["No draft was put to the vote"])
    result_consensus: ShortText = Field(description="A statement agreed", examples=["Adopted by consensus"])
    result_no_consensus: ShortText = Field(description="A statement not agreed: {names}",
                                           examples=["No consensus: {names} objected"])
    result_adopted: ShortText = Field(description="A text adopted: {tally}", examples=["Adopted, {tally}"])
    result_vetoed: ShortText = Field(description="A draft vetoed: {names}, {tally}", examples=["Vetoed by {names}, {tally}"])
    result_failed: ShortText = Field(description="A draft short of votes: {tally}, {count} in words",
                                     examples=["Not adopted, {tally}: {count} votes in favour are needed"])
    in_history: ShortText = Field(description="What the real Council decided, marked as history: {date}, {text}",
                                  examples=["In history, {date}: {text}"])
    in_history_symbol: ShortText = Field(description="The same with the document's symbol: {date}, {symbol}, {text}",
                                         examples=["In history, {date}: {symbol}: {text}"])
    last_round: ShortText = Field(description="A briefing's first line, on the round before: {label}, {text}",
                                  examples=["Last round ({label}): {text}"])
    no_decision: ShortText = Field(description="When this Council took no decision last round",
                                   examples=["Your Council took no decision."])
    date: ShortText = Field(description="A date in a sentence: {day}, {month} (months), {year}",
                            examples=["{day} {month} {year}"])
    first_day: ShortText = Field(description="The first day of a month, as {day} in `date` (1er in French)",
                                 examples=["1"])
    about: ShortText = Field(description="A date the sources give only to the week or the month: {date}",
                             examples=["about {date}"])


class CausePhrases(Strict):
    """What moved a crisis indicator this round, as the consequences screen names it."""

    news: ShortText = Field(description="The round's developments", examples=["the news at the start of the round"])
    consultations: ShortText = Field(description="Moves in consultations",
                                     examples=["statements, briefings and campaigns in consultations"])
    decision: ShortText = Field(description="The round's decision", examples=["the Council's decision"])
    drift: ShortText = Field(description="The crisis's own course, when the round does not say why",
                             examples=["the course of events"])
    fading: ShortText = Field(description="Public attention falling back", examples=["attention fading"])
    chance: ShortText = Field(description="The model's seeded uncertainty", examples=["chance"])
    events: ShortText = Field(description="What the case's events set off", examples=["what the Council's record set off"])


class RefusalPhrases(Strict):
    """Why the rules refuse a move (what a refused action returns and a disabled button says), in lower case."""

    case_over: ShortText = Field(description="The game has ended", examples=["the case is over"])
    chair_only: ShortText = Field(description="A seat's move asked of the chair",
                                  examples=["the chair does not take this action"])
    not_a_seat: ShortText = Field(description="No such seat this round: {member} (a code)",
                                  examples=["{member} is not a seat in this round"])
    told_round: ShortText = Field(description="A move in a round the lesson tells",
                                  examples=["this round is told, not played, in this lesson: the Council does what the "
                                            "real one did"])
    wrong_phase: ShortText = Field(description="A move outside its phases: {phase} (phases)",
                                   examples=["not possible during {phase}"])
    too_many_moves: ShortText = Field(description="A seat has made the most moves a round takes: {count} (400)",
                                      examples=["{count} actions this round is the most a round can take: move on to the "
                                                "next phase"])
    no_capital: ShortText = Field(description="Not enough political capital: {have} left, {cost} needed",
                                  examples=["not enough political capital ({have} left, {cost} needed)"])
    not_another_member: ShortText = Field(description="Lobbying or appealing to no other member: {member} (a code)",
                                          examples=["{member} is not another member of the Council"])
    played_by_person: ShortText = Field(description="Lobbying a seat a person plays: {member}",
                                        examples=["{member} is played by a person: talk to them"])
    not_answered: ShortText = Field(description="Lobbying again before an answer: {member}",
                                    examples=["{member} has not answered yet"])
    nothing_asked: ShortText = Field(description="An answer to no request: {member} and {target} (codes)",
                                     examples=["{member} has asked {target} nothing"])
    not_a_briefer: ShortText = Field(description="A briefing by no NGO or human-rights body: {name} (an id)",
                                     examples=["{name} is not an NGO or a UN human-rights body in this case"])
    no_words: ShortText = Field(description="A statement in one's own words left empty",
                                examples=["a statement in your own words needs some words"])
    veto_not_permanent: ShortText = Field(description="An elected member signals a veto",
                                          examples=["only a permanent member can threaten a veto"])
    veto_already: ShortText = Field(description="A veto signalled again", examples=["you have already signalled a veto"])
    campaign_not_ngo: ShortText = Field(description="A campaign by a seat that does not campaign",
                                        examples=["only a campaigning NGO campaigns in public"])
    campaign_already: ShortText = Field(description="A second campaign in a round",
                                        examples=["it has already campaigned this round"])
    appeal_not_party: ShortText = Field(description="An appeal by a seat that is not a party to the crisis",
                                        examples=["only a party to the crisis (a state concerned, an entity or a rival "
                                                  "authority) appeals to members"])
    appeal_no_side: ShortText = Field(description="An appeal by a party that takes no side",
                                      examples=["it takes no side that it could urge on members"])
    appeal_own_seat: ShortText = Field(description="A state appealing to its own seat on the Council",
                                       examples=["a state does not appeal to its own seat on the Council"])
    appeal_already: ShortText = Field(description="A second appeal to a member in a round: {member}",
                                      examples=["it has already appealed to {member} this round"])
    floor_taken: ShortText = Field(description="A seat has spoken the most times a round allows: {count} (12, never 1)",
                                   examples=["a delegation takes the floor at most {count} times a round"])
    waiting_vote: ShortText = Field(description="The roll called before every person has voted: {names}",
                                    examples=["waiting for the vote of {names}: the roll is called once every member has "
                                              "voted"])
    waiting_answer: ShortText = Field(description="Consensus sought before every person has answered: {names}",
                                      examples=["waiting for {names} to assent or object: the chair asks for objections "
                                                "once every member has answered"])
    vote_not_member: ShortText = Field(description="A vote by a seat not on the Council",
                                       examples=["only members of the Council vote"])
    vote_no_draft: ShortText = Field(description="A vote with no draft", examples=["there is no draft to vote on"])
    vote_absent: ShortText = Field(description="Voting 'absent'", examples=["a vote is yes, no or abstain"])
    vote_statement: ShortText = Field(description="An abstention on a statement",
                                      examples=["a statement is adopted by consensus: a member assents or objects"])
    draft_not_member: ShortText = Field(description="Drafting by a seat not on the Council",
                                        examples=["only members of the Council draft"])
    unknown_clause: ShortText = Field(description="A clause the case does not hold: {clause} (an id)",
                                      examples=["unknown clause {clause}"])
    clause_not_yet: ShortText = Field(description="A clause not open to a Council that year: {clause}, {year}",
                                      examples=["'{clause}' was not something a Council could decide in {year}"])
    clause_does_not_fit: ShortText = Field(description="A clause a kind of text cannot hold: {clause}, {kind} (a_kinds)",
                                           examples=["'{clause}' cannot go in {kind}"])
    draft_full: ShortText = Field(description="A draft with the most clauses it may hold: {count} (never 1)",
                                  examples=["a draft holds at most {count} clauses: remove one first"])
    not_in_draft: ShortText = Field(description="Removing a clause not in the draft: {clause} (an id)",
                                    examples=["{clause} is not in the draft"])
    not_drafted: ShortText = Field(description="A kind of text no member drafts: {kind} (a_kinds)",
                                   examples=["a draft cannot be {kind}"])
    redraft_not_penholder: ShortText = Field(description="Tabling a text, not the penholder",
                                             examples=["only the penholder tables a revised text"])
    withdraw_not_penholder: ShortText = Field(description="Withdrawing, not the penholder",
                                              examples=["only the penholder can withdraw the draft"])
    withdraw_no_draft: ShortText = Field(description="Withdrawing no draft", examples=["there is no draft to withdraw"])
    threat_not_permanent: ShortText = Field(description="A withdrawal blamed on a veto threat by an elected member",
                                            examples=["only a permanent member threatens a veto"])
    enact_not_documented: ShortText = Field(description="The record enacted in a round that is played",
                                            examples=["only the documented path, or a round a lesson tells, enacts the "
                                                      "record"])
    not_a_decision: ShortText = Field(description="No such decision of the Council in the case's record: {symbol} (an id)",
                                      examples=["{symbol} is not a decision of the Council in this case"])
    not_this_round: ShortText = Field(description="A decision of another round: {symbol}",
                                      examples=["{symbol} was not decided in this round"])
    already_enacted: ShortText = Field(description="A decision enacted twice: {symbol}", examples=["{symbol} is already enacted"])
    inject_one: ShortText = Field(description="The instructor's news, neither words nor a development, or both",
                                  examples=["inject either news in words or one of the round's developments"])
    no_such_development: ShortText = Field(description="A development the round does not have",
                                           examples=["the round has no such development"])
    development_shown: ShortText = Field(description="A development already in the feed",
                                         examples=["that development is already in the round's news"])
    not_a_seat_in_case: ShortText = Field(description="Handing over a seat the case does not have: {member} (a code)",
                                          examples=["{member} is not a seat in this case"])
    held_by_people: ShortText = Field(description="Handing a seat to its students when they hold it: {member}",
                                      examples=["{member} is already played by people"])
    held_by_computer: ShortText = Field(description="Handing a seat to the computer when it holds it: {member}",
                                        examples=["{member} is already played by the computer"])


class TranscriptPhrases(Strict):
    """A move in words, as the transcript and the debrief's timeline tell it (councilgame.session.transcript):
    {name} the seat that moved, {target} the seat it addressed, by name."""

    the_chair: ShortText = Field(description="The chair's seat by name", examples=["The chair"])
    lobby: ShortText = Field(description="{name}, {target}", examples=["{name} asked {target} for its vote"])
    offer: ShortText = Field(description="{name}, {target}", examples=["{name} offered support elsewhere to {target}"])
    reply: ShortText = Field(description="{name}, {target}, {kind} (answers), {text} its words",
                             examples=["{name} answered {target} ({kind}): {text}"])
    briefed: ShortText = Field(description="{name}, {target} (the NGO)", examples=["{name} was briefed by {target}"])
    said_in_public: ShortText = Field(description="A statement in the seat's own words: {name}, {text}",
                                      examples=["{name} said in public: {text}"])
    statement_protect: ShortText = Field(description="The standard statement for protection: {name}",
                                         examples=["{name} made a public statement (protect)"])
    statement_sovereignty: ShortText = Field(description="The standard statement for sovereignty: {name}",
                                             examples=["{name} made a public statement (sovereignty)"])
    veto_signalled: ShortText = Field(description="{name}", examples=["{name} signalled a veto"])
    campaigned: ShortText = Field(description="{name}", examples=["{name} campaigned in public"])
    appealed: ShortText = Field(description="{name}, {target}", examples=["{name} appealed to {target} to respect its "
                                                                          "sovereignty"])
    spoke: ShortText = Field(description="{name}, {text}", examples=["{name}: {text}"])
    added: ShortText = Field(description="{name}, {clause}", examples=["{name} added '{clause}'"])
    removed: ShortText = Field(description="{name}, {clause}", examples=["{name} removed '{clause}'"])
    instrument_set: ShortText = Field(description="{name}, {kind} (a_kinds)", examples=["{name} made the draft {kind}"])
    redrafted: ShortText = Field(description="{name}, {kind} (kinds), {titles}",
                                 examples=["{name} tabled a revised {kind}: {titles}"])
    withdrew: ShortText = Field(description="{name}", examples=["{name} withdrew the draft"])
    withdrew_threatened: ShortText = Field(description="{name}, {names} who threatened a veto",
                                           examples=["{name} withdrew the draft (veto threatened by {names})"])
    voted: ShortText = Field(description="{name}, {kind} (votes)", examples=["{name} voted {kind}"])
    voted_saying: ShortText = Field(description="{name}, {kind} (votes), {text} its reasons",
                                    examples=["{name} voted {kind}: {text}"])
    enacted: ShortText = Field(description="The documented path: {symbol}, the record's id",
                               examples=["The Council took decision {symbol} (the record)"])
    closed: ShortText = Field(description="The chair ends a phase: {phase} (phases)", examples=["The chair closed the {phase}"])
    injected: ShortText = Field(description="The instructor brings in a held-back development",
                                examples=["The instructor brought in a development the case held back"])
    news_added: ShortText = Field(description="The instructor adds news: {text}", examples=["The instructor added news: {text}"])
    to_students: ShortText = Field(description="The instructor hands a seat to its students: {target}",
                                   examples=["The instructor handed {target} to its students"])
    to_computer: ShortText = Field(description="The instructor hands a seat to the computer: {target}",
                                   examples=["The instructor handed {target} to the computer"])


class Phrases(Strict):
    """What computer delegations say (scenarios/library/phrases.yaml)."""

    position_yes: ShortText = Field(description="A member's position in consultations, when it will vote yes: {member}",
                                    examples=["{member} will vote for the text."])
    position_abstain: ShortText = Field(description="When it may abstain: {member}, {reason}",
                                        examples=["{member} has doubts and may abstain. Its concern: {reason}."])
    position_no: ShortText = Field(description="When it will vote no: {member}, {reason}",
                                   examples=["{member} will vote against the text. Its concern: {reason}."])
    position_veto: ShortText = Field(description="When a permanent member will veto: {member}, {reason}",
                                     examples=["{member} warns it will veto the text as it stands. Its concern: {reason}."])
    position_red_line: ShortText = Field(description="When a clause crosses its red line: {member}, {clause}",
                                         examples=["{member} will not accept '{clause}'. That is a red line."])
    statement_assent: ShortText = Field(description="When it can join a statement: {member}",
                                        examples=["{member} can join a statement."])
    statement_object: ShortText = Field(description="When it will block a statement: {member}, {reason}",
                                        examples=["{member} will not join a statement that says this. Its concern: {reason}."])
    amendment_drop: ShortText = Field(description="A member asks for a clause to go: {member}, {clause}",
                                      examples=["{member} asks for '{clause}' to be dropped."])
    amendment_soften: ShortText = Field(description="A member asks for a clause's softer version: {member}, {clause}, "
                                                    "{softer}",
                                        examples=["{member} asks for '{clause}' to be replaced with '{softer}'."])
    lobby_already: ShortText = Field(description="A lobbied member's answer when it already supports the text",
                                     examples=["We already support this text."])
    lobby_accept: ShortText = Field(description="When lobbying wins its vote", examples=["You have our vote."])
    lobby_accept_offer: ShortText = Field(description="When an offer of support elsewhere wins its vote",
                                          examples=["In return for your support elsewhere, you have our vote."])
    lobby_consider: ShortText = Field(description="When lobbying moved it, but not enough: {reason}",
                                      examples=["We hear you, but it is not enough yet. Our concern: {reason}."])
    lobby_refuse: ShortText = Field(description="When lobbying did not move it: {reason}",
                                    examples=["We cannot support this text as it stands. Our concern: {reason}."])
    lobby_red_line: ShortText = Field(description="When the text crosses its red line: {clause}",
                                      examples=["We cannot accept '{clause}'. That is a red line for us."])
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
    reasons: ReasonBook = Field(description="What each factor of a delegation's judgement says")
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
    between_titles: ShortText = Field("{left}; {right}", description="Two clause titles of a text side by side, as a "
                                      "sentence lists them: {left}, {right} (French typography spaces the semicolon: "
                                      "'{left} ; {right}'). Default '{left}; {right}'")
    red_line_instrument: ShortText = Field(description="What a red line on a kind of text names, where a clause's title "
                                                       "would go: {kind} (a_kinds)", examples=["{kind} on this matter"])
    kinds: InstrumentWords = Field(description="Each kind of text as a noun, after 'draft': \"draft resolution\"")
    a_kinds: InstrumentWords = Field(description="Each kind of text with its article: \"a resolution\"")
    votes: VoteWords = Field(description="Each vote in a word, as the transcript tells it")
    answers: AnswerWords = Field(description="Each answer to a request for a vote, in a word or two")
    phases: PhaseWords = Field(description="Each phase of a round in words")
    months: MonthNames = Field(description="The months, as dates read")
    exchanges: ExchangePhrases = Field(description="What moves in consultations put on the record of what was said")
    narration: NarrationPhrases = Field(description="How the game tells this Council's decisions and the real one's")
    causes: CausePhrases = Field(description="What moved a crisis indicator, as the consequences screen names it")
    refusals: RefusalPhrases = Field(description="Why the rules refuse a move")
    transcript: TranscriptPhrases = Field(description="Each move in words, as the transcript and the debrief tell it")
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

    def listed_titles(self, titles: Sequence[str]) -> str:
        """Titles side by side, as a sentence lists them: 'Condemns ...; Demands ...' (' ; ' in French)."""
        before, _, rest = self.between_titles.partition("{left}")
        between, _, after = rest.partition("{right}")  # filled once each: a title's own text is never read as a field
        said = titles[0] if titles else ""
        for title in titles[1:]:
            said = before + said + between + title + after
        return said


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
# {choice}, a vote phrase; {other}, a second reason. The engine's own sentences (exchanges, narration, causes,
# refusals, transcript) also insert {name} and {target}, seats by name (or a code, as said); {names}, members by name;
# {kind}, a word from kinds, a_kinds, votes or answers; {titles}, clause titles; {tally}, a vote (12-0-3); {count},
# {have} and {cost}, numbers; {text}, words said or written; {date}, {day}, {month}, {year}, {symbol} and {label},
# a date and its parts, a document's symbol, a round's label; {phase}, a word from phases.
PHRASE_FIELDS = ("member", "clause", "softer", "reason", "state", "sponsors", "bodies", "consent", "choice", "other",
                 "name", "target", "names", "kind", "titles", "tally", "count", "have", "cost", "text", "date", "day",
                 "month", "year", "symbol", "label", "phase", "left", "right")


class PhraseBook(Strict):
    """The phrase book (scenarios/library/phrases.yaml)."""

    format: Literal[1] = Field(description="Phrase book format version; 1")
    phrases: Phrases = Field(description="What computer delegations say")


class GlossaryBook(Strict):
    """The shared glossary (scenarios/library/glossary.yaml)."""

    format: Literal[1] = Field(description="Glossary format version; 1")
    terms: dict[ShortText, ShortText] = Field(description="Term: its meaning, in one or two short sentences for "
                                                          "15-to-18-year-olds", examples=[{"P5": "The five permanent "
                                                          "members of the Security Council."}])


class Source(Strict):
    """A source that statements in the case cite by its id."""

    title: Text = Field(description="What the source is, precisely enough to find it again: author or body, title, date, "
                                    "and what it says that the case relies on",
                        examples=["UN, Report of the Independent Inquiry into the actions of the United Nations during "
                                  "the 1994 genocide in Rwanda (S/1999/1257, 15 December 1999)"])
    url: str | None = Field(None, description="Where to read it, if it is online. Default: none",
                            examples=["https://undocs.org/en/S/1999/1257"])
    note: str | None = Field(None, description="Anything else a reader should know: an archive copy, a caveat. "
                                               "Default: none", examples=["Archive copy of the full text: "
                                                                                  "https://francegenocidetutsi.com/fgtshowdoc.php?num=33037"])


class Membership(Strict):
    """The Council of one calendar year (it changes on 1 January)."""

    permanent: Annotated[list[Code], Field(min_length=5, max_length=5)] = Field(
        description="The five permanent members that year, as ISO 3166 alpha-3 codes (SUN for the USSR before 1992)",
        examples=[["CHN", "FRA", "RUS", "GBR", "USA"]])
    elected: Annotated[list[Code], Field(min_length=6, max_length=10)] = Field(
        description="The ten elected members that year (six before 1966, when the Council had eleven members and "
                    "needed seven votes), as ISO 3166 alpha-3 codes",
        examples=[["ARG", "BRA", "CZE", "DJI", "ESP", "NGA", "NZL", "OMN", "PAK", "RWA"]])
    sources: SourceIds = Field(description="Ids of the sources for that year's membership (1 to 40)", examples=[["gpf_members"]])


class Goal(Strict):
    """One aim in a seat's brief, judged at the end of the case."""

    text: ShortText = Field(description="The aim, as the seat's brief and the debrief show it",
                            examples=["No use of force is authorised"])
    when: ShortText = Field(description="Condition met at the end, e.g. \"adopted('icc_referral')\"",
                            examples=["adopted('icc_referral')", "resolutions_adopted >= 1 and not vetoed_by('RUS')"])
    weight: Annotated[float, Field(gt=0, le=10)] = Field(
        1.0, description="How much it counts beside the brief's other goals: above 0, at most 10; default 1. The seat's "
                         "score is the weighted share of its goals met, 0 to 100", examples=[2])


class Brief(Strict):
    """A seat's private brief: shown only to whoever plays it."""

    interests: Text = Field(description="What the seat wants and why, addressed to whoever plays it",
                            examples=["You do not want American soldiers in Rwanda, or an expensive UN mission that could "
                                      "fail like Somalia."])
    red_lines: str | None = Field(None, description="What the seat will not accept, in words (the engine's red lines "
                                                    "are the profile's `red_lines`). Default: none shown",
                                  examples=["No US troops; no open-ended UN mission with a Chapter VII "
                                            "mandate to fight."])
    success: Text = Field(description="What success looks like for the seat, in words (for a `perpetrator` seat the "
                                      "game shows it as what the government sought, never as success)",
                          examples=["The Council acts without committing US forces or a large, costly mission."])
    goals: list[Goal] = Field(default_factory=list, max_length=MAX_GOALS,
                              description="The aims judged at the end of the case (at most 12); the seat's score is "
                                          "the weighted share met. Default: none (the seat is not scored)")
    perpetrator: StrictBool = Field(False, description="The seat is a government whose forces committed, or which "
                                                       "shielded, the case's atrocities (Rwanda's interim government, "
                                                       "Milošević's Yugoslavia). It is played to understand the "
                                                       "arguments that were made: the game shows what the government "
                                                       "sought and how history judged it, never a score or success. "
                                                       "Needs `content_note`, `judged` and `judged_sources`. "
                                                       "Default false", examples=[True])
    content_note: Text | None = Field(None, description="A note shown before play of this seat, after the case's "
                                                        "own: what the seat is and why a class plays it. Needed for "
                                                        "a perpetrator seat. Default: none",
                                      examples=["You will speak for the interim government whose army and militias "
                                                "carried out the genocide. You play it to understand the arguments "
                                                "it made at the Council, not to defend them."])
    judged: Text | None = Field(None, description="How history judged the seat: what inquiries and courts found, in "
                                                  "words, with its sources in `judged_sources`. The brief and the "
                                                  "debrief show it. Needed for a perpetrator seat. Default: none",
                                examples=["In May 1999 the Yugoslavia Tribunal indicted President Milošević and four "
                                          "senior officials for crimes against humanity in Kosovo."])
    judged_sources: list[Id] = Field(default_factory=list, max_length=MAX_CITED,
                                     description="Ids of the sources `judged` rests on (at most 40; at least one when "
                                                 "`judged` is given). Default: none",
                                     examples=[["icty_0527", "hrw_kosovo"]])


MAX_PROTESTS = 4  # the shipped cases have one; a member protests one or two things at a time


class Protest(Strict):
    """A protest abstention: while `when` holds, the member abstains on a text it would otherwise vote
    for, to mark its disapproval of something the text does not touch (Russia abstained on resolution
    1239 on Kosovo's refugees, May 1999, while NATO bombed Yugoslavia). Its own drafts and a text that
    holds one of the `answered_by` clauses are not protested."""

    when: ShortText = Field(description="The condition under which it protests, in the condition language "
                                        "(e.g. \"flag('air_campaign') and not flag('bombing_suspended')\")",
                            examples=["flag('nato_air_campaign') and not flag('bombing_suspended')"])
    against: ShortText = Field(description="What it protests, in words for students; the reason for its abstention "
                                           "says it", examples=["NATO's bombing of Yugoslavia without the Council"])
    answered_by: Annotated[list[Id], Field(max_length=MAX_RED_LINES)] = Field(
        default_factory=list, description="Clauses that answer the protest: a text holding one is weighed as usual. "
                                          "Default: none", examples=[["kos_halt_bombing"]])
    sources: SourceIds = Field(description="Ids of the sources that show the protest (1 to 40)",
                               examples=[["sc6677"]])


class Profile(Strict):
    """How one member weighs a draft in this case. Judgements, not facts:
    the rationale says why and cites sources."""

    sovereignty: Weight = Field(description="Weight on non-intervention, 0 to 1: how much a clause's intrusiveness "
                                            "counts against the draft", examples=[0.8])
    protection: Weight = Field(description="Weight on protecting civilians, 0 to 1: how much a draft's protective value "
                                           "counts for it, more as the crisis worsens", examples=[0.6])
    ties: Weight = Field(0.0, description="Ties to the state concerned, 0 to 1 (opposes coercing it; a permanent member "
                                          "with ties pays the price of a public veto to shield it). Default 0",
                         examples=[0.6])
    regional: Weight = Field(0.0, description="Follows the stance of the regional or sub-regional bodies it names in "
                                              "`regions`, 0 to 1 (see the actors' `stance`). Default 0", examples=[0.5])
    cost: Weight = Field(0.0, description="Aversion to troops, money and risk, 0 to 1. Default 0", examples=[0.3])
    precedent: Weight = Field(0.0, description="Fear of stretching Council powers, 0 to 1. Default 0", examples=[0.7])
    pressure: Weight = Field(0.0, description="Responsiveness to NGO and public pressure, 0 to 1: how much public "
                                              "attention makes protection count. Default 0", examples=[0.5])
    relations: dict[Code, Signed] = Field(default_factory=dict, description="Trust in other members as sponsors, -1 "
                                          "(distrust) to 1 (trust), by member code; a member not listed counts 0. "
                                          "Default: none", examples=[{"GBR": 0.6, "RUS": -0.4}])
    regions: list[Id] = Field(default_factory=list, description="The regional or sub-regional bodies whose stance it "
                              "follows: ids of actors of kind regional or subregional. Those it belongs to (au, nato) "
                              "or one it defers to without belonging (an African member following IGAD's mediation). "
                              "Default: none", examples=[["au"], ["au", "igad"]])
    ties_to: dict[Party, Weight] = Field(default_factory=dict, description="Ties to a party other than the state "
                                         "concerned, 0 to 1, by its code in `other_states` or its actor id (entity or "
                                         "authority): opposes the clauses that `presses` it, as `ties` opposes "
                                         "pressure on the state concerned. Default: none",
                                         examples=[{"RWA": 0.5}])
    forces_votes: StrictBool = Field(False, description="As penholder, puts a draft to the vote even when a permanent "
                                                        "member has threatened to veto it, to make the veto public (the "
                                                        "United States and the United Kingdom on Syria). Default false: "
                                                        "a computer penholder usually withdraws such a draft")
    red_lines: list[Id] = Field(default_factory=list, max_length=MAX_RED_LINES,
                                description="What it will vote against whatever else a draft holds (at most 30): clause "
                                            "ids, tags, clause categories, chapter_vii, or kinds of text (resolution, "
                                            "presidential_statement, press_statement, procedural). Default: none",
                                examples=[["icc", "force"], ["resolution"]])
    wants: Annotated[list[Id], Field(max_length=MAX_RED_LINES)] = Field(
        default_factory=list, description="Clauses it asked to see in any text on the matter, by id (a condemnation "
                                          "of violence by all sides, a line ruling out occupation): a text of a kind "
                                          "that could hold one and leaves it out loses some of its support (see the "
                                          "guide). Cite where it asked in the rationale's sources. Default: none",
        examples=[["condemns_all_violence"]])
    protests: Annotated[list[Protest], Field(max_length=MAX_PROTESTS)] = Field(
        default_factory=list, description="When it abstains in protest at something outside the text (at most 4; "
                                          "see the guide). Default: none")
    rationale: str | None = Field(None, description="Why these weights: the member's stated interests and positions, "
                                                    "with the sources they rest on (for authors and reviewers; the "
                                                    "game does not show it). Default: none",
                                  examples=["After 18 US soldiers died in Somalia in October 1993, Washington was "
                                            "wary of UN peacekeeping ..."])
    sources: list[Id] = Field(default_factory=list, max_length=MAX_CITED,
                              description="Ids of the sources the rationale rests on (at most 40). Default: none",
                              examples=[["pdd25_clinton_library", "wilson_pdd25"]])
    brief: Brief | None = Field(None, description="The private brief of whoever plays this member. Default: none")


class ActorKind(str, Enum):
    """What kind of non-voting participant an actor is."""

    ngo = "ngo"
    state = "state"
    regional = "regional"
    subregional = "subregional"
    entity = "entity"
    authority = "authority"
    human_rights_body = "human_rights_body"
    secretariat = "secretariat"
    press = "press"

    @property
    def label(self) -> str:
        """The kind in words, as the seat list and the class's record show it."""
        return _KIND_LABELS.get(self.value, self.value)


_KIND_LABELS = {"ngo": "NGO", "subregional": "sub-regional body", "authority": "rival authority",
                "human_rights_body": "UN human-rights body"}
# Bodies whose stance members follow by their `regional` weight.
FOLLOWED = (ActorKind.regional, ActorKind.subregional)
# Parties to the crisis that are not states: clauses may press them, members may have ties to them.
NON_STATE_PARTIES = (ActorKind.entity, ActorKind.authority)
# Those whose account a seat may hear in consultations.
BRIEFERS = (ActorKind.ngo, ActorKind.human_rights_body)


class Actor(Strict):
    """A non-voting participant: NGO, the state concerned, a regional body..."""

    id: Id = Field(description="The actor's id: developments, regions, stance effects and seats name it",
                   examples=["au", "hrw"])
    name: ShortText = Field(description="Its name as students read it", examples=["Human Rights Watch"])
    kind: ActorKind = Field(description="What kind of participant it is", examples=["ngo"])
    code: Code | None = Field(None, description="Country code, for states (the state concerned, or one of "
                                                "`other_states`). Default: none", examples=["RWA"])
    campaigns: StrictBool = Field(True, description="Campaigns in public (the ICRC does not). Default true")
    influence: Weight = Field(0.3, description="How much its briefings and campaigns move public attention, 0 to 1. "
                                               "Default 0.3", examples=[0.6])
    stance: Signed = Field(0.0, description="For regional and sub-regional bodies: +1 calls for Council action, -1 "
                                            "opposes outside interference; members with this body in `regions` follow "
                                            "it by their `regional` weight. For an entity or authority: above 0 it "
                                            "urges members to act, below 0 to stay out, when it appeals to them. "
                                            "Default 0", examples=[-0.5])
    description: Text = Field(description="Who it is and what it does, in a sentence or two for students",
                              examples=["A campaigning NGO that documents abuses."])
    brief: Brief | None = Field(None, description="The private brief of whoever plays this actor. Default: none")
    sources: list[Id] = Field(default_factory=list, max_length=MAX_CITED,
                              description="Ids of the sources for what the case says about it. Default: none")


class News(Strict):
    """A line of news an effect adds to the feed."""

    text: Text = Field(description="The news, as students read it", examples=["Russia warns of a precedent."])
    source: Id | None = Field(None, description="Id of its source. Default: none", examples=["s1"])


class ProfileShift(Strict):
    """A change to one weight of a member's profile, for the rest of the game."""

    member: Code = Field(description="The member whose profile changes", examples=["RUS"])
    field: Literal["sovereignty", "protection", "ties", "regional", "cost", "precedent", "pressure"] = Field(
        description="Which weight", examples=["precedent"])
    by: Signed = Field(description="How much it changes, -1 to 1; the weight stays within 0 to 1", examples=[0.2])


class Effect(Strict):
    """Exactly one of: adjust, news, profile, flag, consent, stance (each is optional only because the other five
    are left out)."""

    adjust: dict[Indicator, Annotated[float, Field(ge=-100, le=100)]] | None = Field(
        None, description="Move crisis indicators at once, in points (-100 to 100 each); each stays within 0 to 100",
        examples=[{"violence": 10, "public_attention": 15}])
    news: News | None = Field(None, description="Add a line of news to the feed")
    profile: ProfileShift | None = Field(None, description="Shift one weight of a member's profile")
    flag: Id | None = Field(None, description="Set a flag that conditions read with flag('...')",
                            examples=["libya_precedent"])
    consent: StrictBool | None = Field(None, description="The state concerned accepts (true) or refuses (false) a UN "
                                                         "presence from now on: a refusal also holds in later rounds "
                                                         "until an effect gives consent again; consent given holds "
                                                         "this round, and later rounds follow their host_consent",
                                       examples=[False])
    stance: dict[Id, Signed] | None = Field(None, description="New stance of regional or sub-regional bodies (or of "
                                                              "an entity or authority) by actor id, -1 to 1",
                                            examples=[{"au": 0.5}])

    @model_validator(mode="after")
    def _exactly_one(self) -> Effect:
        given = [name for name in type(self).model_fields if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"an effect has exactly one of {', '.join(type(self).model_fields)}; "
                             f"got {', '.join(given) or 'none'}")
        return self


class DevelopmentKind(str, Enum):
    """How a development reached the Council."""

    cable = "cable"
    ngo_report = "ngo_report"
    press = "press"
    briefing = "briefing"
    event = "event"
    statement = "statement"


class Development(Strict):
    """Something that became known on a date, with its source."""

    date: dt.date = Field(description="When it became known (YYYY-MM-DD), within its round's dates",
                          examples=["1994-04-07"])
    approximate: StrictBool = Field(False, description="The date is approximate: the sources give only the week or "
                                                       "the month. The game writes 'about 12 April 1994'. Default false")
    kind: DevelopmentKind = Field(description="How it reached the Council; NGO reports and press raise public attention",
                                  examples=["ngo_report"])
    text: Text = Field(description="What became known, for students. Never what this Council decided: the game tells "
                                   "that itself", examples=["Ten Belgian peacekeepers guarding the prime minister are "
                                                            "killed."])
    sources: SourceIds = Field(description="Ids of its sources (1 to 40)", examples=[["un_inquiry"]])
    reliability: Reliability = Field(Reliability.confirmed, description="How far it can be relied on, as the briefing "
                                                                        "marks it. Default: confirmed",
                                     examples=["credible"])
    actor: Id | None = Field(None, description="Id of the actor it comes from (an NGO's report). Default: none",
                             examples=["hrw"])
    content_note: str | None = Field(None, description="Warning shown before graphic material. Default: none",
                                     examples=["Describes killings of civilians."])
    effects: list[Effect] = Field(default_factory=list, max_length=MAX_EFFECTS,
                                  description="What it does when it becomes known, as the round begins (at most 20). "
                                              "Default: nothing")
    when: ShortText | None = Field(None, description="For what follows from a Council decision (an investigation after a "
                                   "referral, a mission deployed): a condition, e.g. \"adopted('icc_referral')\", that must "
                                   "hold when the round begins, or the development does not happen in this game. "
                                   "Default: it always happens", examples=["adopted('icc_referral')"])


def _one_consent(host_consent: bool, host_consents_to: list[str]) -> None:
    """host_consent (to every clause) and host_consents_to (to some) cannot both be said of one text."""
    if host_consent and host_consents_to:
        raise ValueError("host_consent: true says the state accepts every clause, host_consents_to lists the few "
                         "it accepts: give one of them")


class Round(Strict):
    """One round of play: a span of dates, a briefing, a draft and a vote."""

    id: Id = Field(description="The round's id; `lessons` names it", examples=["april"])
    label: ShortText = Field(description="The round's span in words, as the game heads the round, e.g. '7 to 14 April "
                                         "1994'", examples=["7 to 14 April 1994"])
    start: dt.date = Field(description="Its first day (YYYY-MM-DD), after the previous round's end",
                           examples=["1994-04-07"])
    end: dt.date = Field(description="Its last day, the day of its vote; not before start", examples=["1994-04-14"])
    briefing: Text = Field(description="The situation, for 15-to-18-year-olds: what the world did, never what the "
                                       "Council decided", examples=["Killings spread from Kigali across the country."])
    briefing_sources: Annotated[list[Id], Field(max_length=MAX_CITED)] = Field(
        default_factory=list, description="Where the briefing's facts come from: ids from the case's sources, shown "
                                          "with the round's news on the sources screen (S). Default: none",
        examples=[["hrw_0420", "s_pv_3368"]])
    penholder: Code = Field(description="Who drafts this round if no player does: a member on the Council that year",
                            examples=["USA"])
    agenda: ClauseIds = Field(default_factory=list, description="Clauses the penholder puts forward (at most 16, each "
                                                                "once). Default: none", examples=[["expresses_concern"]])
    host_consent: StrictBool = Field(False, description="Whether the state concerned accepts a UN presence this round. "
                                                        "Default false")
    host_consents_to: ConsentTo
    drift: dict[Indicator, Annotated[float, Field(ge=-50, le=50)]] = Field(
        default_factory=dict, description="How indicators move this round if the Council does nothing new, in points "
                                          "(-50 to 50 each). Default: no drift",
        examples=[{"violence": 25, "displacement": 15}])
    drift_reason: ShortText | None = Field(None, description="What moves the crisis this round whatever the Council does, "
                                           "in words (e.g. \"the RPF's advance\"): the consequences screen names it. "
                                           "Default: the screen names the drift in general words",
                                           examples=["the RPF's advance"])
    developments: list[Development] = Field(default_factory=list, max_length=MAX_DEVELOPMENTS,
                                            description="What becomes known this round, in date order (at most 30). "
                                                        "Default: none")

    @model_validator(mode="after")
    def _ordered(self) -> Round:
        if self.end < self.start:
            raise ValueError(f"round ends ({self.end}) before it starts ({self.start})")
        _one_consent(self.host_consent, self.host_consents_to)
        return self


class Event(Strict):
    """A rule: when the condition holds at the end of a round, apply the effects."""

    id: Id = Field(description="The event's id", examples=["backlash"])
    when: ShortText = Field(description="The condition, checked after each round's vote and crisis step",
                            examples=["violence >= 60 and adopted('icc_referral')"])
    once: StrictBool = Field(True, description="Fires at most once in a game; false: at the end of every round the "
                                               "condition holds. Default true")
    effects: Annotated[list[Effect], Field(min_length=1, max_length=MAX_EFFECTS)] = Field(
        description="What it does, in order (1 to 20)")


class VoteList(Strict):
    """How each member voted, by member code; every member sitting that year appears once."""

    yes: list[Code] = Field(default_factory=list, description="Members voting yes. Default: none",
                            examples=[["FRA", "GBR", "USA"]])
    no: list[Code] = Field(default_factory=list, description="Members voting no (a permanent member's no is a veto). "
                                                             "Default: none", examples=[["CHN", "RUS"]])
    abstain: list[Code] = Field(default_factory=list, description="Members abstaining. Default: none", examples=[["IND"]])
    absent: list[Code] = Field(default_factory=list, description="Members absent or not taking part. Default: none",
                               examples=[["SUN"]])


class Organ(str, Enum):
    """The UN body that took a documented decision."""

    security_council = "security_council"
    human_rights_council = "human_rights_council"
    general_assembly = "general_assembly"


class RecordEntry(Strict):
    """A documented decision, with its draft expressed as clauses."""

    id: Id = Field(description="The entry's id", examples=["res_918"])
    symbol: ShortText | None = Field(None, description="The UN document symbol. Default: none (the entry is known by "
                                                       "its id or kind)", examples=["S/RES/918 (1994)"])
    date: dt.date = Field(description="When it was decided (YYYY-MM-DD); a Security Council decision falls within the "
                                      "case's rounds", examples=["1994-05-17"])
    approximate: StrictBool = Field(False, description="The date is approximate: the sources give only the week or "
                                                       "the month. The game writes 'about 12 April 1994'. Default false")
    organ: Organ = Field(Organ.security_council, description="Which UN body decided; only the Security Council's "
                                                             "entries are played and compared. Default: security_council",
                         examples=["human_rights_council"])
    instrument: Instrument = Field(description="What kind of text it was", examples=["resolution"])
    penholder: Code | None = Field(None, description="Who drafted it: a member that year. Default: none",
                                   examples=["USA"])
    sponsors: Annotated[list[Code], Field(max_length=15)] = Field(
        default_factory=list, description="The members that sponsored the text beside the penholder, as a draft file's "
                                          "`sponsors`: members weigh who put a text forward. Default: none",
        examples=[["FRA", "GBR"]])
    clauses: ClauseIds = Field(default_factory=list, description="Its content as clause ids (at most 16, each once), "
                                                                 "each one a Council could decide that day. Default: none",
                               examples=[["expands_mission", "arms_embargo"]])
    host_consent: StrictBool = Field(False, description="Whether the state concerned accepted a UN presence. Default false")
    host_consents_to: ConsentTo
    adopted: StrictBool = Field(description="Whether it was adopted; checked against the votes and the voting rule")
    votes: VoteList | None = Field(None, description="Member by member; omit for consensus statements. Default: "
                                                     "none (a resolution without votes needs verification: partial "
                                                     "and `uncertain`)")
    vetoed_by: list[Code] = Field(default_factory=list, description="Permanent members whose no vetoed it; checked "
                                                                    "against the votes. Default: none",
                                  examples=[["CHN", "RUS"]])
    summary: Text = Field(description="What it did, in a sentence or two for students (the debrief's timeline)",
                          examples=["Imposes an arms embargo and expands the UN mission to 5,500 troops."])
    vote_basis: str | None = Field(None, description="Where the member-by-member votes come from, when not from the "
                                                     "verbatim record. Default: none",
                                   examples=["13-0-2 per UN press release SC/8160; the yes list is derived from the "
                                             "2004 composition"])
    yes_derived: StrictBool = Field(False, description="The yes list is not documented member by member: it is the "
                                                       "year's membership less the members named as voting no, "
                                                       "abstaining or absent (say so in vote_basis). check-history "
                                                       "counts these yes votes apart: a derived yes is not evidence "
                                                       "of how that member voted. Default false")
    verification: Verification = Field(Verification.verified, description="How far the entry is checked against its "
                                                                          "sources. Default: verified",
                                       examples=["partial"])
    uncertain: str | None = Field(None, description="What is not confirmed about this entry. Default: none",
                                  examples=["The member-by-member votes are not published."])
    held_out: StrictBool = Field(False, description="Kept out of profile tuning to test the profiles: check-history "
                                                    "reports it but fails on it only with --strict. Default false")
    sources: SourceIds = Field(description="Ids of its sources (1 to 40)", examples=[["s_res_918"]])

    @model_validator(mode="after")
    def _consent(self) -> RecordEntry:
        _one_consent(self.host_consent, self.host_consents_to)
        return self


class Outcome(Strict):
    """What followed, as a range of estimates with sources."""

    id: Id = Field(description="The outcome's id", examples=["killed"])
    label: ShortText = Field(description="What was counted, as the debrief shows it", examples=["Killed"])
    low: Annotated[float, Field(ge=0, le=MAX_COUNT)] = Field(description="The lowest credible estimate (0 to 10 "
                                                                         "billion)", examples=[500000])
    high: Annotated[float, Field(ge=0, le=MAX_COUNT)] = Field(description="The highest credible estimate, not below low",
                                                              examples=[1000000])
    unit: ShortText = Field("people", description="What the numbers count. Default: people", examples=["refugees"])
    note: str | None = Field(None, description="How the estimates were reached, or what they leave out. Default: none")
    contested: StrictBool = Field(False, description="The figures are disputed; the debrief says so. Default false")
    casualties: StrictBool = Field(False, description="Scales the model's 'lives at risk' estimate: the debrief "
                                                       "scales this range by the game's harm against the documented "
                                                       "path's (the first outcome marked so). Default false")
    sources: SourceIds = Field(description="Ids of its sources (1 to 40)", examples=[["hrw_numbers", "mg_toll"]])

    @model_validator(mode="after")
    def _range(self) -> Outcome:
        if self.high < self.low:
            raise ValueError(f"high ({self.high:g}) is below low ({self.low:g})")
        return self


class Term(Strict):
    """A glossary term's meaning with the sources it rests on."""

    meaning: ShortText = Field(description="What the term means, in one or two short sentences for 15-to-18-year-olds",
                               examples=["The UN peacekeeping force sent to Rwanda in 1993."])
    sources: SourceIds = Field(description="Ids of its sources (1 to 40)", examples=[["s_res_872"]])


class Scenario(Strict):
    """A case: one crisis, its Council, its rounds and its record, in one YAML file."""

    format: Literal[1] = Field(description="Scenario format version; 1")
    id: Id = Field(description="The case's id, unique among the cases: saves, `councilgame vote`, `simulate` and "
                               "`check-history` name the case by it",
                   examples=["rwanda_1994"])
    version: Annotated[int, Field(ge=1, le=MAX_VERSION)] = Field(
        description="The case's own version, a whole number from 1: raise it when a change should stop old saves "
                    "from resuming on the new text", examples=[1])
    title: ShortText = Field(description="The case's title in the case list", examples=["Rwanda, 1994"])
    subtitle: ShortText | None = Field(None, description="A line under the title. Default: none",
                                       examples=["The genocide against the Tutsi and a Council that looked away"])
    region: ShortText = Field(description="Where it happens, in words", examples=["East Africa (Sudan)"])
    minutes: Annotated[int, Field(ge=5, le=600)] = Field(
        description="How long the whole case takes to play, in minutes (5 to 600); a shorter lesson plays its "
                    "first rounds, as many as fit, unless `lessons` says otherwise", examples=[90])
    difficulty: Difficulty = Field(description="How hard it is for a first-time class", examples=["medium"])
    content_note: str | None = Field(None, description="Warning shown before the case begins (e.g. mass killing "
                                                       "described). Default: none",
                                     examples=["Describes genocide and mass killing of civilians."])
    lessons: dict[LessonMinutes, Annotated[list[Id], Field(min_length=1, max_length=MAX_ROUNDS)]] = Field(
        default_factory=dict,
        description="The round ids a lesson of 45, 60 or 90 minutes plays. It ends with the last one; a round "
                    "before it that is not listed is told, not played (the Council does what the real one did). "
                    "A length not given plays the first rounds, as many as fit the case's own minutes. Default: none",
        examples=[{45: ["april", "may", "june"]}],
        # JSON Schema sees every key as text: the lesson lengths the loader accepts, as text.
        json_schema_extra={"propertyNames": {"enum": [str(m) for m in LESSON_MINUTES]}})
    seat_hint: ShortText | None = Field(
        None, description="Shown on the seat screen: which seat suits a first game, and why. Default: none",
        examples=["France holds the pen in June: a good first seat."])
    fictional: StrictBool = Field(False, description="The case is invented: the debrief compares the Council with "
                                                     "doing nothing, not with a real Council. Default false")
    summary: Text = Field(description="What the case is about, in a paragraph for students",
                          examples=["On 6 April 1994 the plane carrying Rwanda's president was shot down ..."])
    summary_sources: Annotated[list[Id], Field(max_length=MAX_CITED)] = Field(
        default_factory=list, description="Where the summary's facts come from: ids from the case's sources. "
                                          "Default: none", examples=[["un_blue_book"]])
    state_concerned: Code = Field(description="The state the crisis is in, as an ISO 3166 alpha-3 code (XAA-XZZ for "
                                              "an invented one)", examples=["RWA"])
    other_states: Annotated[list[Code], Field(max_length=MAX_OTHER_STATES)] = Field(
        default_factory=list, description="Other states the crisis concerns (at most 5): a neighbour drawn in, or a "
                                          "state whose forces are in the fighting. Clauses may press them (`presses`), "
                                          "members may have ties to them (`ties_to`), and an actor of kind state with "
                                          "their code may appeal to members. Default: none", examples=[["RWA", "UGA"]])
    names: dict[Code, ShortText] = Field(default_factory=dict, description="Names of the period, e.g. SUN: USSR; a "
                                         "private-use code must be named here. Default: the ISO names",
                                         examples=[{"SUN": "USSR", "XKA": "Karnia"}])
    sources: Annotated[dict[Id, Source], Field(max_length=MAX_SOURCES)] = Field(
        description="Every source the case cites, by id (at most 1,000)",
        examples=[{"s1": {"title": "UN, S/1999/1257", "url": "https://undocs.org/en/S/1999/1257"}}])
    council: dict[Annotated[int, Field(ge=1946, le=2100)], Membership] = Field(
        description="The Council of each year the rounds touch, by year (1946 to 2100)",
        examples=[{1994: {"permanent": ["CHN", "FRA", "RUS", "GBR", "USA"],
                          "elected": ["ARG", "BRA", "CZE", "DJI", "ESP", "NGA", "NZL", "OMN", "PAK", "RWA"],
                          "sources": ["gpf_members"]}}],
        # JSON Schema sees every key as text: the years 1946 to 2100 the loader accepts, as text.
        json_schema_extra={"propertyNames": {"pattern": "^(194[6-9]|19[5-9][0-9]|20[0-9][0-9]|2100)$",
                                             "description": "a year from 1946 to 2100"}})
    library_left_out: Annotated[list[Id], Field(max_length=200)] = Field(
        default_factory=list, description="Clause ids of the shared library this case does not offer (a measure "
                                          "no Council of the period could take, or one that would mislead here): "
                                          "no draft, agenda or record of the case may use them. Default: none",
        examples=[["icc_referral"]])
    clauses: list[Clause] = Field(default_factory=list, max_length=MAX_OWN_CLAUSES,
                                  description="Clauses beyond the shared library (at most 60). Default: none")
    profiles: dict[Code, Profile] = Field(description="How each member weighs a draft, by member code: one for every "
                                                      "member of every year in `council`")
    actors: list[Actor] = Field(default_factory=list, max_length=MAX_ACTORS,
                                description="Non-voting participants: NGOs, the state concerned, regional bodies, the "
                                            "Secretariat, the press (at most 40). Default: none")
    initial: dict[Indicator, Annotated[float, Field(ge=0, le=100)]] = Field(
        description="Each crisis indicator as the case begins, 0 to 100; one not given starts at 0",
        examples=[{"violence": 80, "civilians_at_risk": 85, "displacement": 20, "humanitarian_access": 30,
                   "legitimacy": 50, "p5_relations": 60, "public_attention": 20}])
    rounds: Annotated[list[Round], Field(min_length=1, max_length=MAX_ROUNDS)] = Field(
        description="The rounds, in date order (1 to 40)")
    events: list[Event] = Field(default_factory=list, max_length=MAX_EVENTS,
                                description="Rules: when a condition holds after a round, apply effects (at most 100). "
                                            "Default: none")
    record: list[RecordEntry] = Field(default_factory=list, max_length=MAX_RECORD,
                                      description="The documented decisions, with their votes (at most 60). Default: none")
    outcomes: list[Outcome] = Field(default_factory=list, max_length=MAX_OUTCOMES,
                                    description="What followed, as ranges of estimates with sources (at most 30). "
                                                "Default: none")
    glossary: dict[ShortText, ShortText | Term] = Field(
        default_factory=dict, max_length=MAX_GLOSSARY,
        description="The case's own terms, added to the shared glossary (at most 300): each term's meaning, or its "
                    "meaning and the sources for it. Default: none",
        examples=[{"UNAMIR": "The UN peacekeeping force sent to Rwanda in 1993."},
                  {"UNAMIR": {"meaning": "The UN peacekeeping force sent to Rwanda in 1993.", "sources": ["s_res_872"]}}])


class DraftSpec(Strict):
    """A draft written in a small YAML file for `councilgame vote`."""

    instrument: Instrument = Field(Instrument.resolution, description="What kind of text. Default: resolution",
                                   examples=["presidential_statement"])
    penholder: Code | None = Field(None, description="Who drafted it. Default: none", examples=["FRA"])
    sponsors: Annotated[list[Code], Field(max_length=14)] = Field(
        default_factory=list, description="Members who sponsor it beside the penholder (at most 14). Default: none",
        examples=[["GBR", "USA"]])
    clauses: Annotated[ClauseIds, Field(min_length=1)] = Field(description="Its content as clause ids (1 to 16, each once)",
                                                                examples=[["expresses_concern", "demands_ceasefire"]])
    host_consent: StrictBool = Field(False, description="Whether the state concerned accepts a UN presence. "
                                                        "Default false")
    host_consents_to: ConsentTo

    @model_validator(mode="after")
    def _consent(self) -> DraftSpec:
        _one_consent(self.host_consent, self.host_consents_to)
        return self


# What each value of a closed vocabulary means, in an author's words. The JSON Schema
# (councilgame.scenario.json_schema) and the authoring guide show them; a test checks every value has one.
VALUE_MEANINGS: dict[type[Enum], dict[str, str]] = {
    Instrument: {
        "resolution": "A formal decision, adopted by vote: nine yes votes and no veto. Binding under Chapter VII.",
        "presidential_statement": "Read by the President for the whole Council and agreed by consensus: one "
                                  "objection blocks it. It binds no one.",
        "press_statement": "A statement to the press, agreed by consensus: the lightest text.",
        "procedural": "A procedural decision, such as holding a meeting: nine votes, and no veto.",
        "no_action": "No text: what a withdrawn draft becomes. Not a kind a clause can go in.",
    },
    Indicator: {
        "violence": "How intense the killing and fighting is: 0 calm, 100 at its worst. With civilians_at_risk, it "
                    "makes the model's harm index (lives at risk) and how severe members find the crisis.",
        "civilians_at_risk": "How exposed civilians are to attack: 0 safe, 100 everyone in danger. The Council's "
                             "protection score is 100 minus its average over the rounds.",
        "displacement": "How many people have fled their homes, on the crisis's own scale: 0 none, 100 mass flight.",
        "humanitarian_access": "How far aid can reach people in need: 0 none, 100 unhindered.",
        "legitimacy": "How far the world sees the Council doing its job: wide majorities raise it; narrow votes, "
                      "vetoes and doing nothing while violence is high lower it. The debrief's legitimacy score.",
        "p5_relations": "How well the five permanent members get on: 0 open hostility, 100 close cooperation. "
                        "Each veto lowers it.",
        "public_attention": "How closely the public and the press follow the crisis: 0 ignored, 100 front page. It "
                            "makes protection weigh more for members with a `pressure` weight and a public veto "
                            "costlier; it fades each round unless reports, campaigns and vetoes feed it.",
    },
    Reliability: {
        "confirmed": "Established by several independent sources.",
        "credible": "From a reliable source, not yet confirmed.",
        "contested": "Disputed by the parties or by other sources.",
        "unverified": "A claim or rumour nobody has checked.",
    },
    Verification: {
        "verified": "Every part checked against the sources cited.",
        "partial": "Some part (often the member-by-member votes) not confirmed: say what in `uncertain`.",
        "unverified": "Not yet checked against sources.",
    },
    Difficulty: {
        "tutorial": "Teaches the game; the case list puts it first.",
        "easy": "For a class new to the Council (a label: the rules are the same at every difficulty).",
        "medium": "For a class that has played once (a label).",
        "hard": "For a class at ease with vetoes, consent and competing texts (a label).",
    },
    ClauseCategory: {
        "concern": "Expresses concern or calls for restraint.",
        "condemnation": "Condemns acts or those responsible.",
        "demand": "Demands something of the parties (a ceasefire, compliance).",
        "humanitarian": "Aid, access and the protection of humanitarian work.",
        "accountability": "Inquiries, reports and courts (the ICC).",
        "sanctions": "Arms embargoes, travel bans, asset freezes.",
        "mission": "A UN presence: observers, peacekeepers, a mandate's size.",
        "force": "The use of force: no-fly zones, all necessary measures.",
        "drawdown": "Reduces or ends a mission or a measure.",
        "restraint": "Shields the state concerned or demands others stop (sovereignty reaffirmed).",
    },
    ActorKind: {
        "ngo": "A non-governmental organisation: it briefs members and may campaign in public.",
        "state": "The state concerned, or one of `other_states` (give its `code`): in consultations it appeals to "
                 "members to respect its sovereignty.",
        "regional": "A regional organisation: members that list it in `regions` follow its `stance`.",
        "subregional": "A sub-regional organisation or mediator (IGAD, ECOWAS, SADC): members that list it in "
                       "`regions` follow its `stance`, whether they belong to it or defer to its mediation.",
        "entity": "A party inside a state that is not its government: a region's authorities, an armed group, a "
                  "movement. Clauses may press it (`presses`), members may have ties to it (`ties_to`), and in "
                  "consultations it appeals to members to act (stance above 0) or to stay out (below 0).",
        "authority": "A rival authority claiming to govern the state (a transitional council, a government in "
                     "exile): clauses may press it, members may have ties to it, and it appeals to members as an "
                     "entity does.",
        "human_rights_body": "A UN human-rights body: the High Commissioner, a commission of inquiry, a special "
                             "rapporteur. A seat may hear its findings in consultations, which are public and raise "
                             "attention by its `influence`; it does not campaign.",
        "secretariat": "The UN Secretariat: the Secretary-General briefs the Council and can warn it.",
        "press": "The press: what it reports moves public attention.",
    },
    DevelopmentKind: {
        "cable": "A diplomatic cable or confidential report.",
        "ngo_report": "A report by an NGO (raises public attention).",
        "press": "A press report (raises public attention).",
        "briefing": "A briefing to the Council, by the Secretariat or a UN body.",
        "event": "Something that happened on the ground.",
        "statement": "A public statement by a government or organisation.",
    },
    Organ: {
        "security_council": "The Security Council: its entries are what the game replays and check-history compares.",
        "human_rights_council": "The Human Rights Council: in the debrief's timeline as history, never played or "
                                "compared.",
        "general_assembly": "The General Assembly: in the debrief's timeline as history, never played or compared.",
    },
}
