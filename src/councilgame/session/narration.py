"""What the game tells of the Council: this Council's decisions, in words, and
the real Council's beside them, marked as history. A case's briefings tell what
the world did; what the Council did is told from the game, because a game's
Council may decide otherwise."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from councilgame.council.procedure import Vote, votes_needed
from councilgame.delegations.speech import fill, joined, kind_words
from councilgame.scenario.model import Organ, Phrases, RecordEntry
from councilgame.session.state import Decision

if TYPE_CHECKING:
    from councilgame.session.game import Game

# The months in the phrase book's `months`, in the calendar's order.
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
          "december")


def day(phrases: Phrases, date: dt.date, approximate: bool = False) -> str:
    """21 April 1994, in the phrase book's words (no platform's strftime, whose month names follow the system's
    locale); 'about 21 April 1994' when the sources give only the week or the month."""
    told = phrases.narration
    month = getattr(phrases.months, MONTHS[date.month - 1])
    written = fill(told.date, day=told.first_day if date.day == 1 else str(date.day), month=month, year=str(date.year))
    return fill(told.about, date=written) if approximate else written


def kind(phrases: Phrases, decision: Decision) -> str:
    """The decision's kind of text as a noun: 'resolution' (after 'draft')."""
    return kind_words(phrases.kinds, decision.draft.instrument.value)


def a_kind(phrases: Phrases, decision: Decision) -> str:
    """The decision's kind of text with its article: 'a resolution'."""
    return kind_words(phrases.a_kinds, decision.draft.instrument.value)


def _names(game: Game, codes: tuple[str, ...]) -> str:
    return joined(game.case.phrases, [game.case.name(c) for c in codes])


def needed(phrases: Phrases, decision: Decision) -> str:
    """The affirmative votes the decision needed, in words: seven of eleven to 1965, nine of fifteen since."""
    count = votes_needed(int(decision.date[:4]))
    return {7: phrases.narration.seven, 9: phrases.narration.nine}.get(count, str(count))


def tally(phrases: Phrases, decision: Decision) -> str:
    """12-0-3, with absences."""
    counts = {v: sum(1 for x in decision.votes.values() if x is v) for v in Vote}
    text = f"{counts[Vote.yes]}-{counts[Vote.no]}-{counts[Vote.abstain]}"
    absent = counts[Vote.absent]
    if not absent:
        return text
    told = phrases.narration
    return fill(told.not_voting if absent == 1 else told.not_voting_plural, tally=text, count=str(absent))


def decision_told(game: Game, decision: Decision) -> str:
    """This Council's decision in a sentence: what it adopted or did not, and how the vote went."""
    phrases = game.case.phrases
    told = phrases.narration
    titles = game.case.titles(decision.draft.clauses)
    noun, with_article = kind(phrases, decision), a_kind(phrases, decision)
    if decision.withdrawn:
        threat = decision.summary.partition(": veto threatened by ")[2]
        if threat:
            return fill(told.withdrawn_threatened, kind=noun, names=_names(game, tuple(threat.split(", "))), titles=titles)
        return fill(told.withdrawn, kind=noun, titles=titles)
    if not decision.draft.clauses:
        return told.no_draft
    if decision.draft.is_statement:
        if decision.adopted:
            return fill(told.consensus, kind=with_article, titles=titles)
        return fill(told.no_consensus, kind=with_article, titles=titles, names=_names(game, decision.objectors))
    counted = tally(phrases, decision)
    if decision.adopted:
        return fill(told.adopted, kind=with_article, tally=counted, titles=titles)
    if decision.vetoed_by:
        return fill(told.vetoed, kind=noun, titles=titles, names=_names(game, decision.vetoed_by), tally=counted)
    return fill(told.failed, kind=noun, titles=titles, tally=counted, count=needed(phrases, decision))


def result(game: Game, decision: Decision) -> str:
    """A decision's outcome in a few words, with names, not codes: "Vetoed by China, 13-1-1"."""
    phrases = game.case.phrases
    told = phrases.narration
    if decision.withdrawn:
        return told.result_withdrawn
    if not decision.draft.clauses:
        return told.result_no_draft
    if decision.draft.is_statement:
        return told.result_consensus if decision.adopted else fill(told.result_no_consensus,
                                                                    names=_names(game, decision.objectors))
    counted = tally(phrases, decision)
    if decision.adopted:
        return fill(told.result_adopted, tally=counted)
    if decision.vetoed_by:
        return fill(told.result_vetoed, names=_names(game, decision.vetoed_by), tally=counted)
    return fill(told.result_failed, tally=counted, count=needed(phrases, decision))


def history(game: Game, round_index: int) -> list[str]:
    """What the real Council decided in that round, marked as history."""
    phrases = game.case.phrases
    told = phrases.narration
    return [fill(told.in_history_symbol if e.symbol else told.in_history, date=day(phrases, e.date, e.approximate),
                 symbol=e.symbol or "", text=e.summary)
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
    narration = game.case.phrases.narration
    lines = [fill(narration.last_round, label=label, text=told[0] if told else narration.no_decision)]
    return lines + told[1:] + history(game, index)
