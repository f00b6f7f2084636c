"""How often computer-only play reaches what the real Council did, round by round, and how often it
adopts a measure no one put forward in the real Council.

A round's documented decision is each Security Council record entry dated within it, as a kind of
text and its fate (adopted, failed, vetoed, no action); a round without one documented no action.
A game reaches it when its own decision that round has the same kind and fate as one of them.

The measures put forward historically are the clauses of the case's round agendas and of its
Security Council record, each also in the softer wording members may ask for: a game that adopts
any other clause has the Council decide something no member proposed (a peacekeeping operation
nobody tabled)."""

from __future__ import annotations

from councilgame.i18n import N_, _
from councilgame.scenario.case import Case
from councilgame.scenario.model import Instrument, Organ, RecordEntry
from councilgame.session.state import Decision

NO_ACTION = "no action"

# Each outcome (a kind of text and its fate, or no action) in words, for the printed report in the active
# language: the outcomes themselves, in the JSON of `simulate` and wherever they are compared, stay English.
OUTCOME_WORDS = {
    NO_ACTION: N_("no action"),
    "resolution adopted": N_("resolution adopted"), "resolution failed": N_("resolution failed"),
    "resolution vetoed": N_("resolution vetoed"),
    "presidential statement adopted": N_("presidential statement adopted"),
    "presidential statement failed": N_("presidential statement failed"),
    "presidential statement vetoed": N_("presidential statement vetoed"),
    "press statement adopted": N_("press statement adopted"), "press statement failed": N_("press statement failed"),
    "press statement vetoed": N_("press statement vetoed"),
    "procedural adopted": N_("procedural motion adopted"), "procedural failed": N_("procedural motion failed"),
    "procedural vetoed": N_("procedural motion vetoed"),
}


def outcome_words(outcome: str) -> str:
    """An outcome (documented_outcome's or game_outcome's) in words, in the active language."""
    return _(OUTCOME_WORDS[outcome]) if outcome in OUTCOME_WORDS else outcome


def _kind(instrument: Instrument) -> str:
    return instrument.value.replace("_", " ")


def documented_outcome(entry: RecordEntry) -> str:
    if entry.instrument is Instrument.no_action or not entry.clauses and not entry.adopted:
        return NO_ACTION
    fate = "adopted" if entry.adopted else "vetoed" if entry.vetoed_by else "failed"
    return f"{_kind(entry.instrument)} {fate}"


def game_outcome(decision: Decision | None) -> str:
    """A game's decision in the same words: withdrawn drafts and rounds without a text are no action."""
    if decision is None or decision.withdrawn or not decision.draft.clauses:
        return NO_ACTION
    fate = "adopted" if decision.adopted else "vetoed" if decision.vetoed_by else "failed"
    return f"{_kind(decision.draft.instrument)} {fate}"


def documented_by_round(case: Case) -> list[tuple[str, ...]]:
    """For each round, the documented outcomes of its Security Council decisions (no action if none)."""
    found: list[list[str]] = [[] for _ in case.scenario.rounds]
    for entry in case.scenario.record:
        if entry.organ is Organ.security_council:
            found[case.round_index_for(entry.date)].append(documented_outcome(entry))
    return [tuple(dict.fromkeys(outcomes)) or (NO_ACTION,) for outcomes in found]


def proposed_historically(case: Case) -> frozenset[str]:
    """The clauses someone put before the real Council (the rounds' agendas and the record's texts), with
    the softer wordings members ask for instead: see Case.tabled_in_wording."""
    return case.tabled_in_wording()


def unproposed_adopted(case: Case, decisions: list[Decision], table: frozenset[str]) -> list[str]:
    """The clauses a game adopted that no one proposed in the real Council."""
    return sorted({c for d in decisions if d.adopted for c in d.draft.clauses if c not in table})
