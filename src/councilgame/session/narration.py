"""What the game tells of the Council: this Council's decisions, in words, and
the real Council's beside them, marked as history. A case's briefings tell what
the world did; what the Council did is told from the game, because a game's
Council may decide otherwise."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from councilgame.council.procedure import Vote, votes_needed
from councilgame.scenario.model import Organ, RecordEntry
from councilgame.session.state import Decision

if TYPE_CHECKING:
    from councilgame.session.game import Game


def day(date: dt.date, approximate: bool = False) -> str:
    """21 April 1994 (written out: no platform's strftime flags); 'about 21 April 1994' when the sources
    give only the week or the month."""
    return ("about " if approximate else "") + f"{date.day} {date:%B %Y}"


def kind(decision: Decision) -> str:
    return decision.draft.instrument.value.replace("_", " ")


def _names(game: Game, codes: tuple[str, ...]) -> str:
    return " and ".join(game.case.name(c) for c in codes)


# The Council's two sizes: seven votes of eleven to 1965, nine of fifteen since.
_IN_WORDS = {7: "seven", 9: "nine"}


def needed(decision: Decision) -> str:
    """The affirmative votes the decision needed, in words."""
    count = votes_needed(int(decision.date[:4]))
    return _IN_WORDS.get(count, str(count))


def tally(decision: Decision) -> str:
    """12-0-3, with absences."""
    counts = {v: sum(1 for x in decision.votes.values() if x is v) for v in Vote}
    text = f"{counts[Vote.yes]}-{counts[Vote.no]}-{counts[Vote.abstain]}"
    return text + (f", {counts[Vote.absent]} not voting" if counts[Vote.absent] else "")


def decision_told(game: Game, decision: Decision) -> str:
    """This Council's decision in a sentence: what it adopted or did not, and how the vote went."""
    titles = "; ".join(game.case.clauses[c].title for c in decision.draft.clauses if c in game.case.clauses)
    if decision.withdrawn:
        threat = decision.summary.partition(": veto threatened by ")[2]
        why = f" under the threat of a veto by {_names(game, tuple(threat.split(', ')))}" if threat else ""
        return f"Your Council's draft {kind(decision)} was withdrawn before the vote{why} ({titles})."
    if not decision.draft.clauses:
        return "Your Council put no draft to the vote."
    if decision.draft.is_statement:
        if decision.adopted:
            return f"Your Council agreed a {kind(decision)} by consensus: {titles}."
        return f"Your Council could not agree a {kind(decision)} ({titles}): {_names(game, decision.objectors)} objected."
    if decision.adopted:
        return f"Your Council adopted a {kind(decision)}, {tally(decision)}: {titles}."
    if decision.vetoed_by:
        return (f"Your Council's draft {kind(decision)} ({titles}) was vetoed by {_names(game, decision.vetoed_by)}, "
                f"{tally(decision)}.")
    return (f"Your Council's draft {kind(decision)} ({titles}) failed, {tally(decision)}: it needed {needed(decision)} "
            "votes in favour.")


def result(game: Game, decision: Decision) -> str:
    """A decision's outcome in a few words, with names, not codes: "Vetoed by China, 13-1-1"."""
    if decision.withdrawn:
        return "Withdrawn before the vote"
    if not decision.draft.clauses:
        return "No draft was put to the vote"
    if decision.draft.is_statement:
        return "Adopted by consensus" if decision.adopted else f"No consensus: {_names(game, decision.objectors)} objected"
    if decision.adopted:
        return f"Adopted, {tally(decision)}"
    if decision.vetoed_by:
        return f"Vetoed by {_names(game, decision.vetoed_by)}, {tally(decision)}"
    return f"Not adopted, {tally(decision)}: {needed(decision)} votes in favour are needed"


def history(game: Game, round_index: int) -> list[str]:
    """What the real Council decided in that round, marked as history."""
    return [f"In history, {day(e.date, e.approximate)}: {e.symbol + ': ' if e.symbol else ''}{e.summary}"
            for e in _record_of(game, round_index)]


def _record_of(game: Game, round_index: int) -> list[RecordEntry]:
    return [e for e in game.case.scenario.record
            if e.organ is Organ.security_council and game.case.round_index_for(e.date) == round_index]


def last_round(game: Game) -> list[str]:
    """For a round's briefing: what this Council did in the round before, and the real Council beside it."""
    index = game.state.round_index - 1
    if index < 0:
        return []
    told = [decision_told(game, d) for d in game.state.decisions if d.round == index]
    label = game.case.round(index).label
    lines = [f"Last round ({label}): " + (told[0] if told else "Your Council took no decision.")]
    return lines + told[1:] + history(game, index)
