"""The engine's words as the window shows them, in the active language: a move's label, a vote, a kind of
text, a kind of seat, a phase, a dimension of the crisis. The engine keeps its English (what it logs, saves
and records is unchanged); the window translates here, where it shows them, from the engine's values and
never by parsing its sentences. Moves with fixed labels are marked with N_() in session/actions; those
whose label holds a name are worded here, with the name in the active language."""

from __future__ import annotations

from councilgame.i18n import N_, _
from councilgame.scenario.model import Instrument
from councilgame.session import actions as act
from councilgame.session.actions.consultations import short_name

# A vote, as a word in a sentence ("leans yes", "Likely: 9 yes").
VOTES = {"yes": N_("yes"), "no": N_("no"), "abstain": N_("abstain"), "absent": N_("absent")}
# How a member leans (Reasons.choice): a vote, a veto, or on a statement assent or objection.
CHOICES = {**VOTES, "veto": N_("veto"), "assent": N_("assent"), "object": N_("object")}
# A vote, as the button that casts it.
VOTE_BUTTONS = {"yes": N_("Yes"), "no": N_("No"), "abstain": N_("Abstain")}
# A kind of Council text, in UN usage.
INSTRUMENTS = {
    Instrument.resolution: N_("resolution"),
    Instrument.presidential_statement: N_("presidential statement"),
    Instrument.press_statement: N_("press statement"),
    Instrument.procedural: N_("procedural"),
    Instrument.no_action: N_("no action"),
}
# A kind of seat, by the words the engine names it with (ActorKind.label, the seat list's roles).
ROLES = {
    "permanent": N_("permanent member"), "elected": N_("elected member"), "NGO": N_("NGO"),
    "state": N_("state concerned"), "regional": N_("regional organisation"),
    "sub-regional body": N_("sub-regional body"), "entity": N_("entity"), "rival authority": N_("rival authority"),
    "UN human-rights body": N_("UN human-rights body"), "secretariat": N_("UN Secretariat"), "press": N_("press"),
}
# How far a development can be relied on (Reliability), as the briefing marks it.
RELIABILITY = {"confirmed": N_("confirmed"), "credible": N_("credible"), "contested": N_("contested"),
               "unverified": N_("unverified")}
# How hard a case is (Difficulty), as the case list says it.
DIFFICULTIES = {"tutorial": N_("tutorial"), "easy": N_("easy"), "medium": N_("medium"), "hard": N_("hard")}
# The phases of a round, by Phase's value.
PHASES = {"briefing": N_("Briefing"), "consultations": N_("Consultations"), "drafting": N_("Drafting"),
          "vote": N_("Vote"), "consequences": N_("Consequences"), "debrief": N_("Debrief")}


def vote_word(vote: str) -> str:
    """A vote ('yes', 'no', 'abstain', 'absent') as a word in the active language."""
    return _(VOTES[vote]) if vote in VOTES else vote


def choice(value: str) -> str:
    """How a member leans (Reasons.choice) as a word in the active language."""
    return _(CHOICES[value]) if value in CHOICES else value


def instrument(kind: Instrument) -> str:
    """A kind of text in words ('presidential statement'), in the active language."""
    return _(INSTRUMENTS[kind]) if kind in INSTRUMENTS else kind.value.replace("_", " ")


def role(words: str) -> str:
    """A kind of seat, named by the engine's words for it, in the active language."""
    return _(ROLES[words]) if words in ROLES else words


def reliability(value) -> str:
    """A development's reliability (Reliability or its value) as a word in the active language."""
    value = getattr(value, "value", value)
    return _(RELIABILITY[value]) if value in RELIABILITY else str(value)


def difficulty(value) -> str:
    """A case's difficulty (Difficulty or its value) as a word in the active language."""
    value = getattr(value, "value", value)
    return _(DIFFICULTIES[value]) if value in DIFFICULTIES else str(value)


def phase(value: str) -> str:
    """A phase, by Phase's value, in the active language."""
    return _(PHASES[value]) if value in PHASES else value


def action_label(action: act.Action, game) -> str:
    """What a move's button says, in the active language (the engine's label() is its English)."""
    case = game.case
    if isinstance(action, act.CastVote):
        if game.draft.is_statement:
            return _("Assent") if action.vote.value == "yes" else _("Object")
        return _(VOTE_BUTTONS.get(action.vote.value, action.vote.value.capitalize()))
    if isinstance(action, act.SetInstrument):
        words = instrument(action.instrument)
        return words[:1].upper() + words[1:]
    if isinstance(action, act.Appeal):
        return _("Appeal to {name}").format(name=case.local_name(action.target))
    if isinstance(action, act.BriefWithNgo):
        actor = game.actor(action.actor)
        return _("Brief with {name}").format(name=short_name(actor.name if actor else action.actor))
    if isinstance(action, act.Redraft):
        titles = case.titles(action.clauses)
        return _("Table a revised {kind}: {titles}").format(kind=instrument(action.instrument), titles=titles)
    if isinstance(action, act.Enact):
        entry = next((e for e in case.scenario.record if e.id == action.record), None)
        return _("Enact {record}").format(record=(entry.symbol or entry.id) if entry else action.record)
    if isinstance(action, act.Hold):
        return (_("{name} to its students") if action.person else _("{name} to the computer")).format(
            name=case.local_name(action.target))
    if isinstance(action, act.Inject) and action.development is not None:
        developments = game.round.developments
        if action.development < len(developments):
            return _("Bring in: {text}").format(text=developments[action.development].text[:60])
    if isinstance(action, (act.AddClause, act.RemoveClause)):
        return case_text(case, action.label(game))  # a clause's title: the case's own text
    return _(action.label(game))  # a fixed label, marked in the engine


def case_text(case, text: str) -> str:
    """A text of the case (a briefing, a development, a brief, a clause, an outcome) as the window shows it: in
    a window in another language than English, a text the case's overlays left in English is marked so, once,
    here (issue 14). The engine's own sentences are not the case's texts and are never marked."""
    from councilgame import i18n

    language = i18n.language()
    if not text or language == i18n.SOURCE_LANGUAGE:
        return text
    if case.language == language and text not in case.untranslated:
        return text
    return f"{text} {_('(in English)')}"
