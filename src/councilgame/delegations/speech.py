"""What delegations say, in the words of the phrase book (text is data:
scenarios/library/phrases.yaml). Fields are filled by plain replacement,
never by str.format, so a phrase can only ever insert the known fields.

Why a member votes as it does is told from the factors of its judgement
(`Assessment.factors`): the factor that pushed hardest towards its vote, the
next one if it weighs nearly as much, and the strongest one the other way:
"China would abstain: 'Requests a commission of inquiry' interferes in the
affairs of Rwanda without its consent, but a public veto of help for
civilians would be widely condemned." Members, regional bodies and clauses
are always named, never given by code or id; the numbers are in `details`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from councilgame.council.procedure import Vote
from councilgame.delegations.assess import DEFERENCE, NO_AT, PROTEST, YES_AT, Assessment, Factor
from councilgame.scenario.model import NON_STATE_PARTIES, Clause, InstrumentWords, Phrases

if TYPE_CHECKING:
    from councilgame.delegations.draft import Draft
    from councilgame.scenario.case import Case

# Factors smaller than this weigh nothing worth saying (as Assessment.reasons leaves them out).
NEGLIGIBLE = 0.005
# A factor is worth a clause of a sentence from this size.
MENTION = 0.05
# A second reason pulling the same way is told when it weighs at least this share of the first.
ALSO = 0.6
# A sentence tells two reasons at most. The strongest one the other way is told instead of a second
# one the same way when it weighs at least this share of the first (a close call), and always for an
# abstention (what keeps it from voting either way).
CLOSE_CALL = 0.5
# How a vote is said: cast, expected, or suggested to the player for their own seat.
Said = Literal["voted", "would", "advice"]
# A clause a sentence has named already is named the second time by a pronoun, as each phrase book quotes a
# title: "'X' would help protect civilians, but it interferes ..."; « X » aiderait ..., mais cette clause ...
SECOND_MENTION = {"'{clause}'": "it", "« {clause} »": "cette clause"}


def say(phrases: Phrases, key: str, **fields: str) -> str:
    text: str = getattr(phrases, key)
    return fill(text, **fields)


def fill(text: str, /, **fields: str) -> str:
    for name, value in fields.items():
        text = text.replace("{" + name + "}", value)
    return text


@dataclass(frozen=True)
class Setting:
    """What a sentence about a draft may name besides its clauses: whose names to use for
    members and regional bodies, the state concerned, the draft's sponsors. Anything left out
    is said in general words ("the state concerned", "the sponsors")."""

    phrases: Phrases
    clauses: Mapping[str, Clause]
    name: Callable[[str], str]  # a member's code -> its name
    state: str = ""  # the state concerned, by name
    sponsors: tuple[str, ...] = ()  # the draft's penholder and co-sponsors, by code
    regions: Mapping[str, Sequence[str]] = field(default_factory=dict)  # member -> its regional bodies' ids
    bodies: Mapping[str, str] = field(default_factory=dict)  # regional body id -> its name
    stances: Mapping[str, float] = field(default_factory=dict)  # regional body id -> its stance now
    state_code: str = ""  # the state concerned's code: a member that is the state concerned speaks of itself
    parties: Mapping[str, str] = field(default_factory=dict)  # other party (code or actor id) -> its name

    @classmethod
    def of(cls, case: Case, draft: Draft | None = None, stances: Mapping[str, float] | None = None) -> Setting:
        """The setting of a draft in a case (`stances`: the regional bodies' stances at the time)."""
        state = case.scenario.state_concerned
        sponsors = tuple(dict.fromkeys(s for s in (draft.penholder, *draft.sponsors) if s)) if draft else ()
        s = case.scenario
        parties = {code: case.name(code) for code in s.other_states}
        parties.update({a.id: a.name for a in s.actors if a.kind in NON_STATE_PARTIES})
        return cls(case.phrases, case.clauses, case.name, case.name(state) if state else "", sponsors,
                   {m: tuple(p.regions) for m, p in s.profiles.items()},
                   {a.id: a.name for a in s.actors}, dict(stances or {}), state or "", parties)

    @classmethod
    def plain(cls, phrases: Phrases | None = None) -> Setting:
        """A setting that names nothing (members by their codes' names are still needed elsewhere)."""
        if phrases is None:
            from councilgame import paths
            from councilgame.scenario.loader import load_phrases

            phrases = load_phrases(str(paths.phrases()))
        return cls(phrases, {}, lambda code: code)


# --- which factors a sentence cites --------------------------------------------------


def choice(assessment: Assessment, vote: Vote | None = None, statement: bool = False) -> str:
    """The vote phrase's key: yes, no, abstain, veto, assent or object. A statement is not voted on:
    a member joins it unless it objects (see Assessment.blocks_consensus)."""
    if statement:
        if vote is None:
            vote = Vote.no if assessment.blocks_consensus else Vote.yes
        return "object" if vote is Vote.no else "assent"
    vote = assessment.position if vote is None else vote
    if vote is Vote.no and assessment.permanent and not assessment.procedural:
        return "veto"
    return vote.value if vote in (Vote.yes, Vote.no, Vote.abstain) else "abstain"


def _towards_yes(key: str) -> bool:
    return key in ("yes", "assent")


def as_vote(key: str) -> str:
    """A vote phrase's key as the vote it is (for its mark): a veto or an objection is a no, joining a yes."""
    return {"assent": "yes", "object": "no", "veto": "no"}.get(key, key)


# Factors told whatever their size: a red line decides alone, and the price of a veto turns a no into an
# abstention even when it takes only a little to do so.
DECISIVE = ("red line", "veto stigma", "acceptance", PROTEST, DEFERENCE)
# The factors that turn a yes into an abstention: the member could accept the text itself.
HOLDING_BACK = (PROTEST, DEFERENCE)
# The factors that turn a permanent member's no into an abstention rather than a veto.
SPARING = ("veto stigma", "acceptance")


def _ranked(assessment: Assessment) -> list[Factor]:
    """The factors that weigh anything, largest first (the first of equals first)."""
    return sorted((f for f in assessment.factors if abs(f.value) >= NEGLIGIBLE or f.name in DECISIVE),
                  key=lambda f: -abs(f.value))


def key_factor(assessment: Assessment, vote: Vote | None = None, statement: bool = False) -> Factor | None:
    """The factor that pushed towards the vote: for yes (or joining a statement) the largest that pulls
    towards yes; for no, abstaining or objecting the largest that pulls towards no, a red line first;
    for an abstention instead of a veto, the price of a public veto. None if nothing pulls that way."""
    key = choice(assessment, vote, statement)
    ranked = _ranked(assessment)
    if _towards_yes(key):
        return next((f for f in ranked if f.value > 0), None)
    if key == "abstain":
        stigma = next((f for f in ranked if f.name in SPARING or f.name in HOLDING_BACK), None)
        if stigma is not None:
            return stigma
    red = next((f for f in ranked if f.name == "red line"), None)
    return red or next((f for f in ranked if f.value < 0), None)


def _cited(assessment: Assessment, key: str) -> tuple[Factor | None, Factor | None, Factor | None]:
    """For a vote phrase's key: (the main reason, a second one the same way or None, the strongest one
    the other way or None)."""
    ranked = _ranked(assessment)
    protest = next((f for f in ranked if f.name in HOLDING_BACK), None) if key == "abstain" else None
    if protest is not None:  # what holds it back, and what it would otherwise have voted for
        support = next((f for f in ranked if f.value > 0 and abs(f.value) >= MENTION), None)
        return protest, None, support
    stigma = next((f for f in ranked if f.name in SPARING), None) if key == "abstain" else None
    if stigma is not None:  # what it objects to, and that it would rather abstain than veto
        objection = next((f for f in ranked if f.value < 0), None)
        return (objection, None, stigma) if objection is not None else (stigma, None, None)
    if _towards_yes(key):
        main = next((f for f in ranked if f.value > 0), None)
    else:
        main = next((f for f in ranked if f.name == "red line"), None) or next((f for f in ranked if f.value < 0), None)
    if main is None or main.name == "red line":  # a red line is reason enough
        return main, None, None
    same = [f for f in ranked if f is not main and (f.value > 0) == (main.value > 0) and f.name not in SPARING]
    also = next((f for f in same if abs(f.value) >= max(MENTION, ALSO * abs(main.value))), None)
    other = next((f for f in ranked if (f.value > 0) != (main.value > 0) and abs(f.value) >= MENTION), None)
    if other is not None and (key == "abstain" or also is None or abs(other.value) >= CLOSE_CALL * abs(main.value)):
        return main, None, other
    return main, also, None


# --- the words -----------------------------------------------------------------------


def _with_article(phrases: Phrases, name: str) -> str:
    """A name as it reads inside a sentence: 'the United Kingdom', 'France'."""
    if name[:4].lower() == "the ":
        return "the " + name[4:]
    words = set(name.replace(",", " ").split())
    return "the " + name if words & set(phrases.names_with_the) else name


def subject(phrases: Phrases, name: str) -> str:
    """A name as it opens a sentence: 'The United Kingdom will vote...', 'France will...'."""
    named = _with_article(phrases, name)
    return named[0].upper() + named[1:]


def _listed(phrases: Phrases, names: Sequence[str]) -> str:
    names = [_with_article(phrases, n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {phrases.and_word} " + names[-1]


def joined(phrases: Phrases, names: Sequence[str]) -> str:
    """Names as the engine's own sentences list them, as they stand (no article added): 'France and Nigeria'."""
    return f" {phrases.and_word} ".join(names)


def _body_name(name: str) -> str:
    """A regional body in a sentence: 'African Union (AU)' reads as 'African Union'."""
    if name.endswith(")") and " (" in name:
        return name[:name.rindex(" (")]
    return name


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _clause_title(factor: Factor, assessment: Assessment, setting: Setting) -> str:
    """The clause a factor is about, by its title (its note names it: see assess.DraftFeatures)."""
    if factor.name == "red line" and assessment.red_line:
        return red_line_title(assessment.red_line, setting.clauses, setting.phrases)
    if factor.name == "sovereignty":  # "<title>; no host consent" (a title may hold "; " itself)
        for suffix in CONSENT_NOTES:
            if factor.note.endswith(suffix):
                return factor.note[:-len(suffix)]
    elif factor.name == "ties" and _party(factor, setting) is not None:  # "<title>; <the party it presses>"
        return factor.note.rpartition("; ")[0]
    return factor.note


def _party(factor: Factor, setting: Setting) -> str | None:
    """The party a ties factor is about when it is not the state concerned ("<title>; <party>", the party
    one the setting knows: a clause title may hold "; " itself)."""
    if factor.name != "ties" or "; " not in factor.note:
        return None
    party = factor.note.rpartition("; ")[2]
    return party if party in setting.parties else None


# How a sovereignty factor's note ends when it says whether the state consented (assess.DraftFeatures).
CONSENT_NOTES = ("; with host consent", "; no host consent")


def _consent(factor: Factor, phrases: Phrases) -> str:
    if factor.note.endswith(CONSENT_NOTES[0]):
        return phrases.with_consent
    if factor.note.endswith(CONSENT_NOTES[1]):
        return phrases.without_consent
    return ""


def _bodies(setting: Setting, member: str, toward_yes: bool) -> str:
    """The member's regional bodies that pull the way the factor does (all of them if their stances are
    not known), by name."""
    ids = list(setting.regions.get(member, ()))
    if setting.stances:
        agreeing = [r for r in ids if (setting.stances.get(r, 0.0) > 0) == toward_yes and setting.stances.get(r, 0.0) != 0]
        ids = agreeing or ids
    names = [_body_name(setting.bodies[r]) for r in ids if r in setting.bodies]
    return _listed(setting.phrases, names) if names else setting.phrases.the_bodies


def _sponsors(setting: Setting, member: str) -> str:
    names = [setting.name(s) for s in setting.sponsors if s != member]
    return _listed(setting.phrases, names) if names else setting.phrases.the_sponsors


def reason_phrase(setting: Setting, assessment: Assessment, factor: Factor, short: bool = False,
                  member: str | None = None, told: Sequence[str] = ()) -> str:
    """One factor in words, in the direction it pulls. `member` names whoever votes (for 'wrote the text');
    a clause among the titles already `told` in the sentence is called 'it' the second time."""
    phrases = setting.phrases
    toward_yes = factor.value > 0
    entry = getattr(phrases.reasons, factor.name.replace(" ", "_"), None)
    direction = "towards_yes" if toward_yes else "towards_no"
    text = None
    if entry is not None:
        text = getattr(entry, direction + "_short", None) if short else None
        itself = _party(factor, setting) or setting.state_code
        if text is None and itself and assessment.member == itself:
            text = getattr(entry, direction + "_itself", None)
        text = text or getattr(entry, direction)
    if text is None:
        return phrases.on_balance_yes if toward_yes else phrases.on_balance_no
    title = _clause_title(factor, assessment, setting)
    if factor.name == "red line" and assessment.red_line and assessment.red_line not in setting.clauses and not short:
        return fill(phrases.red_line_kind, clause=kind_words(phrases.kinds, assessment.red_line))
    member_name = member if member is not None else _with_article(phrases, setting.name(assessment.member))
    quoted = next((q for q in SECOND_MENTION if text.startswith(q)), None)
    if title and title in told and quoted is not None:
        text = SECOND_MENTION[quoted] + text[len(quoted):]
    party = _party(factor, setting)
    if party is not None:  # pressure on a neighbour or an armed group, not on the state concerned
        state = _with_article(phrases, setting.parties.get(party, phrases.the_state))
    else:
        state = _with_article(phrases, setting.state) if setting.state else phrases.the_state
    text = fill(text, clause=title, state=state, consent=_consent(factor, phrases),
                sponsors=_sponsors(setting, assessment.member), member=member_name)
    if "{bodies}" in text:
        text = fill(text, bodies=_bodies(setting, assessment.member, toward_yes))
    return " ".join(text.split()).replace(" ,", ",")  # {consent} may be empty, or begin with a comma


def key_reason(setting: Setting, assessment: Assessment, vote: Vote | None = None, statement: bool = False) -> str:
    """A few words for the reason beside a vote in the whip count: 'interference in Rwanda'."""
    factor = key_factor(assessment, vote, statement)
    if factor is None:
        toward_yes = _towards_yes(choice(assessment, vote, statement))
        return setting.phrases.on_balance_yes if toward_yes else setting.phrases.on_balance_no
    return reason_phrase(setting, assessment, factor, short=True)


def explain_vote(setting: Setting, assessment: Assessment, vote: Vote | None = None, statement: bool = False,
                 said: Said = "would") -> str:
    """Why the member votes as it does, in a sentence a 16-year-old can read. `vote` is the vote cast
    (by default the assessment's position; for a statement, whether it objects)."""
    phrases = setting.phrases
    key = choice(assessment, vote, statement)
    chosen = fill(getattr(getattr(phrases, said), key), member=_with_article(phrases, setting.name(assessment.member)))
    return _capital(fill(phrases.explanation, choice=chosen, reason=_reasons(setting, assessment, key)))


def because(setting: Setting, assessment: Assessment, vote: Vote | None = None, statement: bool = False) -> str:
    """The reasons alone, as a sentence: what a member gives with its vote (the record already says who
    voted how): "'Demands humanitarian access' would help protect civilians."."""
    key = choice(assessment, vote, statement)
    return _capital(fill(setting.phrases.because, reason=_reasons(setting, assessment, key)))


def _reasons(setting: Setting, assessment: Assessment, key: str) -> str:
    phrases = setting.phrases
    name = _with_article(phrases, setting.name(assessment.member))
    main, also, other = _cited(assessment, key)
    if main is None:
        reason = phrases.on_balance_yes if _towards_yes(key) else phrases.on_balance_no
    else:
        reason = reason_phrase(setting, assessment, main, member=name)
        second = also or other
        if second is not None:
            told = [_clause_title(main, assessment, setting)]
            said_too = reason_phrase(setting, assessment, second, member=name, told=told)
            reason = fill(phrases.also if second is also else phrases.despite, reason=reason, other=said_too)
    return reason


def details(setting: Setting, assessment: Assessment) -> list[str]:
    """The numbers behind the sentence, for those who ask: each factor with its weight, then the total
    against the thresholds. Names, never codes."""
    lines = []
    for factor in _ranked(assessment):
        if factor.name == "relations":
            note = "with " + _sponsors(setting, assessment.member)
        elif factor.name == "regional":
            note = _bodies(setting, assessment.member, factor.value > 0)
        elif factor.name == "red line":
            note = (red_line_title(assessment.red_line, setting.clauses, setting.phrases) if assessment.red_line else "") + \
                " crosses its red line"
        else:
            note = factor.note
        lines.append(f"{factor.name} {factor.value:+.2f}" + (f" ({note.strip()})" if note.strip() else ""))
    lines.append(f"total {assessment.score:+.2f} (yes at {YES_AT:+.2f} or more, no at {NO_AT:+.2f} or less)")
    return lines


def numbers(assessment: Assessment) -> str:
    """The details in one line, without the notes: 'total -0.08: ties -0.12, collegiality +0.10'."""
    return f"total {assessment.score:+.2f}: " + ", ".join(f"{f.name} {f.value:+.2f}" for f in _ranked(assessment))


# --- what delegations say in consultations --------------------------------------------


def red_line_title(red_line: str, clauses: Mapping[str, Clause], phrases: Phrases) -> str:
    """What a red line names, in words: a clause's title, or a kind of text ("a resolution on this matter")."""
    if red_line in clauses:
        return clauses[red_line].title
    return fill(phrases.red_line_instrument, kind=kind_words(phrases.a_kinds, red_line))


def kind_words(words: InstrumentWords, instrument: str) -> str:
    """A kind of text (an Instrument's value) in the phrase book's words: `kinds` or `a_kinds`."""
    said: str | None = getattr(words, instrument, None) if instrument in InstrumentWords.model_fields else None
    return said if said is not None else instrument.replace("_", " ")


def main_concern(assessment: Assessment, setting: Setting | None = None) -> str:
    """The factor that weighs most against the text, as a clause of a sentence that reads after
    "Its concern:" and "Our concern:" alike. Without a setting, names are said in general words."""
    setting = setting or Setting.plain()
    ranked = _ranked(assessment)
    worst = next((f for f in ranked if f.name == "red line"), None) or next((f for f in ranked if f.value < 0), None)
    if worst is None:
        return setting.phrases.on_balance_no
    return reason_phrase(setting, assessment, worst)


def stated_position(phrases: Phrases, assessment: Assessment, clauses: Mapping[str, Clause],
                    name: Callable[[str], str], statement: bool = False, setting: Setting | None = None) -> str:
    setting = setting or Setting(phrases, clauses, name)
    member = subject(phrases, name(assessment.member))
    if assessment.red_line:
        return say(phrases, "position_red_line", member=member,
                   clause=red_line_title(assessment.red_line, clauses, phrases))
    if statement:
        key = "statement_object" if assessment.blocks_consensus else "statement_assent"
        return say(phrases, key, member=member, reason=main_concern(assessment, setting))
    key = {"yes": "position_yes", "abstain": "position_abstain", "no": "position_no"}[assessment.position.value]
    if assessment.veto:
        key = "position_veto"
    return say(phrases, key, member=member, reason=main_concern(assessment, setting))


def amendment_request(phrases: Phrases, member: str, clause: Clause, softer: Clause | None) -> str:
    member = subject(phrases, member)
    if softer is None:
        return say(phrases, "amendment_drop", member=member, clause=clause.title)
    return say(phrases, "amendment_soften", member=member, clause=clause.title, softer=softer.title)
