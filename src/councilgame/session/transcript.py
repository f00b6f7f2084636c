"""A game's transcript: every move of every seat, round by round, and each
decision with its tally and the reasons the members gave. `councilgame
replay` prints it; the golden transcripts of the tests are its JSON form."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from councilgame.delegations.speech import fill, kind_words
from councilgame.session import actions as act
from councilgame.session.actions import Action
from councilgame.session.state import Phase

if TYPE_CHECKING:
    from councilgame.session.game import Game


def seat_name(game: Game, seat: str) -> str:
    if seat == act.CHAIR:
        return game.case.phrases.transcript.the_chair
    actor = game.actor(seat)
    return actor.name if actor is not None else game.case.name(seat)


def sentence(game: Game, action: Action, phase: Phase | None = None) -> str:
    """A move in words, in the phrase book's `transcript`: "France asked Nigeria for its vote"."""
    who, case = seat_name(game, action.seat), game.case
    phrases = case.phrases
    says = phrases.transcript
    if isinstance(action, act.Lobby):
        return fill(says.offer if action.offer else says.lobby, name=who, target=case.name(action.target))
    if isinstance(action, act.Reply):
        answered = getattr(phrases.answers, action.answer.name)
        return fill(says.reply, name=who, target=seat_name(game, action.to), kind=answered, text=action.text)
    if isinstance(action, act.BriefWithNgo):
        return fill(says.briefed, name=who, target=seat_name(game, action.actor))
    if isinstance(action, act.Statement):
        if action.text is not None:  # in the seat's own words
            return fill(says.said_in_public, name=who, text=act.own_words(action.text))
        return fill(says.statement_protect if action.line is act.Line.protect else says.statement_sovereignty, name=who)
    if isinstance(action, act.SignalVeto):
        return fill(says.veto_signalled, name=who)
    if isinstance(action, act.Campaign):
        return fill(says.campaigned, name=who)
    if isinstance(action, act.Appeal):
        return fill(says.appealed, name=who, target=case.name(action.target))
    if isinstance(action, act.Speak):
        return fill(says.spoke, name=who, text=action.text)
    if isinstance(action, (act.AddClause, act.RemoveClause)):
        title = case.clauses[action.clause].title if action.clause in case.clauses else action.clause
        return fill(says.added if isinstance(action, act.AddClause) else says.removed, name=who, clause=title)
    if isinstance(action, act.SetInstrument):
        return fill(says.instrument_set, name=who, kind=kind_words(phrases.a_kinds, action.instrument.value))
    if isinstance(action, act.Redraft):
        titles = case.titles(action.clauses)
        return fill(says.redrafted, name=who, kind=kind_words(phrases.kinds, action.instrument.value), titles=titles)
    if isinstance(action, act.Withdraw):
        if action.threatened_by:
            return fill(says.withdrew_threatened, name=who, names=", ".join(case.name(m) for m in action.threatened_by))
        return fill(says.withdrew, name=who)
    if isinstance(action, act.CastVote):
        vote = getattr(phrases.votes, action.vote.value)
        if action.reason:
            return fill(says.voted_saying, name=who, kind=vote, text=action.reason)
        return fill(says.voted, name=who, kind=vote)
    if isinstance(action, act.Enact):
        return fill(says.enacted, symbol=action.record)
    if isinstance(action, act.Advance):
        return fill(says.closed, phase=getattr(phrases.phases, phase.value) if phase else "phase")
    if isinstance(action, act.Inject):
        if action.development is not None:
            return says.injected
        return fill(says.news_added, text=action.text or "")
    if isinstance(action, act.Hold):
        return fill(says.to_students if action.person else says.to_computer, target=seat_name(game, action.target))
    return f"{who}: {action.type}"


# Moves that make the story of a round, for the debrief; the rest (what was said, the votes, the
# chair) the transcript keeps in full.
NOTABLE = (act.Lobby, act.SignalVeto, act.Withdraw, act.Redraft, act.Campaign, act.Appeal, act.Statement,
           act.BriefWithNgo, act.AddClause, act.RemoveClause, act.SetInstrument, act.Inject, act.Hold)


def highlights(game: Game, round_index: int) -> list[str]:
    """The moves that made a round, in words and in order: "France asked Nigeria for its vote"."""
    return [sentence(game, e.action, e.phase) for e in game.log if e.round == round_index and isinstance(e.action, NOTABLE)]


def transcript(game: Game) -> dict[str, Any]:
    """The game as data: its case, seed and seats; per round, every move and the decision."""
    rounds: list[dict[str, Any]] = []
    for index, rnd in enumerate(game.case.scenario.rounds):
        moves = [entry for entry in game.log if entry.round == index]
        if not moves and index > game.state.round_index:
            break
        decisions = [d for d in game.state.decisions if d.round == index]
        rounds.append({
            "round": index + 1, "label": rnd.label,
            "moves": [{"phase": e.phase.value, "seat": e.seat, "action": act.to_dict(e.action),
                       "says": sentence(game, e.action, e.phase)} for e in moves],
            "decisions": [{"date": d.date, "summary": d.summary, "adopted": d.adopted,
                           "instrument": d.draft.instrument.value, "clauses": list(d.draft.clauses),
                           "votes": {m: v.value for m, v in d.votes.items()}, "objectors": list(d.objectors),
                           "vetoed_by": list(d.vetoed_by), "reasons": dict(d.reasons)} for d in decisions],
            "indicators": game.state.history[index] if index < len(game.state.history) else None,
        })
    return {"scenario": game.case.id, "version": game.case.scenario.version, "seed": game.seed,
            "seats": list(game.seats), "rounds": rounds}


def lines(game: Game) -> list[str]:
    """The transcript as text, round by round."""
    data = transcript(game)
    out = [f"{game.case.scenario.title}: seed {game.seed}; "
           + (f"played by people: {', '.join(seat_name(game, s) for s in game.seats)}" if game.seats
              else "every seat played by the computer")]
    for rnd in data["rounds"]:
        out += ["", f"Round {rnd['round']}: {rnd['label']}"]
        for m in rnd["moves"]:
            kind = m["action"]["type"]
            if kind == "vote":  # the reasons follow the decision
                out.append(f"  [{m['phase']}] {seat_name(game, m['seat'])} voted {m['action']['vote']}")
            elif kind != "advance":
                out.append(f"  [{m['phase']}] {m['says']}")
        for d in rnd["decisions"]:
            out.append(f"  Decision ({d['date']}): {d['summary']}")
            out += [f"    {game.case.name(m)}: {why}" for m, why in d["reasons"].items()]
    return out
