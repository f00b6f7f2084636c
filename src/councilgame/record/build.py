"""A session's record from its replayed game: who held each seat, every move
in plain words and in the seat's own, its votes beside what the real
delegation did, its score as the debrief computes it, and the Council's
decisions and scores beside the real Council's.

Everything here is read from the game and the case: nothing is replayed or
re-derived, so the record says what the debrief says.
"""

from __future__ import annotations

from collections.abc import Iterable

from councilgame.council.procedure import Vote
from councilgame.record import schema as rec
from councilgame.record.classroom import Classroom
from councilgame.safe_text import without_unsafe
from councilgame.scenario.case import Case
from councilgame.scenario.model import Instrument, Organ, RecordEntry
from councilgame.scoring import council_score, seat_score
from councilgame.session import actions as act
from councilgame.session import state as st
from councilgame.session.documented import DocumentedPath, documented_path
from councilgame.session.game import Game
from councilgame.session.log import LogEntry
from councilgame.session.transcript import seat_name, sentence

# Adopted by consensus, without a vote: the record gives no votes for them.
STATEMENT_KINDS = (Instrument.presidential_statement, Instrument.press_statement)
MODEL_NOTE = "Model estimates on a 0-100 scale, not facts: the crisis model's reading of each course of events."


def session_record(game: Game, source: str, classroom: Classroom | None = None) -> rec.SessionRecord:
    classroom = classroom or Classroom()
    case = game.case
    reached = game.rounds if game.state.ended else game.state.round_index + 1
    path = _documented(game)
    documented = _documented_entries(case, reached)
    facts = game.facts()
    moves = _moves_by_seat(game)
    members = _members(case, reached)
    seats = []
    for seat in _seat_order(game, members):
        goals = seat_score(case, game.state, seat, facts)
        people = classroom.seats.get(seat)
        actor = game.actor(seat)
        history = [_documented_vote(case, entry, seat) for entry in documented] if seat in members else []
        seats.append(rec.SeatRecord(
            seat=seat, name=seat_name(game, seat),
            kind="member" if seat in members or actor is None else actor.kind.value,
            holder=rec.Holder(held_by="person" if game.is_human(seat) else "computer",
                              team=people.team if people else None, students=list(people.students) if people else []),
            moves=moves.get(seat, []),
            votes=_votes(game, seat, history) if seat in members else [],
            history=history,
            score=goals.score,
            goals=[rec.Goal(text=text, met=met, weight=weight) for text, met, weight in goals.goals],
            score_on_history=seat_score(case, path.state, seat, path.facts).score,
            perpetrator=bool((brief := case.brief(seat)) and brief.perpetrator),
        ))
    mine, real = council_score(case, game.state), council_score(case, path.state)
    return rec.SessionRecord(
        source=source,
        case=rec.CaseInfo(id=case.id, title=case.scenario.title, years=case.years, version=case.scenario.version,
                          fictional=case.scenario.fictional),
        seed=game.seed, rounds_played=game.rounds, rounds_in_case=len(case.scenario.rounds),
        finished=game.state.ended, seats=seats,
        rounds=[_round(game, index, documented) for index in range(reached)],
        council=rec.CouncilScores(note=MODEL_NOTE, yardstick=yardstick(case), session=mine.dimensions,
                                  history=real.dimensions, session_total=mine.total, history_total=real.total),
    )


def yardstick(case: Case) -> str:
    """What a session is measured against, as the debrief says it."""
    return "if it did nothing" if case.scenario.fictional else "the real Council"


def _documented(game: Game) -> DocumentedPath:
    # The real course over the rounds this lesson ran, asked as the debrief asks (it shares its cached path).
    return documented_path(game.case, game.rounds)


def _documented_entries(case: Case, reached: int) -> list[RecordEntry]:
    """The real Council's decisions in the dates of the rounds reached, in order."""
    return [e for e in case.scenario.record
            if e.organ is Organ.security_council and case.round_index_for(e.date) < reached]


def _members(case: Case, reached: int) -> tuple[str, ...]:
    """Every member of the Council in a round reached, in the Council's order, first appearance first."""
    seen: dict[str, None] = {}
    for index in range(reached):
        seen.update(dict.fromkeys(case.members_on(case.round(index).start)))
    return tuple(seen)


def _seat_order(game: Game, members: tuple[str, ...]) -> list[str]:
    actors = [a.id for a in game.case.scenario.actors if a.id not in members]
    # A person may hold a member's seat whose years the lesson did not reach: it is listed all the same.
    return list(dict.fromkeys([*members, *actors, *game.seats]))


def _moves_by_seat(game: Game) -> dict[str, list[rec.Move]]:
    out: dict[str, list[rec.Move]] = {}
    statement_rounds = {d.round for d in game.state.decisions if d.draft.is_statement}
    for number, entry in enumerate(game.log, 1):
        if entry.seat == act.CHAIR:  # phase control and the record: the chair is nobody's seat
            continue
        description, own = describe(game, entry, entry.round in statement_rounds)
        out.setdefault(entry.seat, []).append(rec.Move(number=number, round=entry.round + 1, phase=entry.phase.value,
                                                       type=entry.action.type, description=description, own_words=own))
    return out


def describe(game: Game, entry: LogEntry, on_statement: bool = False) -> tuple[str, str | None]:
    """(the move in plain words, the text the seat wrote itself or None). The words are the transcript's,
    but for what a seat says and why it voted, which are kept apart as its own words."""
    action, who = entry.action, seat_name(game, entry.seat)
    if isinstance(action, act.Speak):
        return f"{who} took the floor", without_unsafe(action.text)
    if isinstance(action, act.Statement) and action.text is not None:
        return f"{who} made a public statement", act.own_words(action.text)
    if isinstance(action, act.CastVote):
        if on_statement:  # a statement is not voted on: a member assents or objects
            words = "assented to the statement" if action.vote is Vote.yes else "objected to the statement"
        else:
            words = f"voted {action.vote.value}"
        return f"{who} {words}", without_unsafe(action.reason) if action.reason else None
    return sentence(game, action, entry.phase), None


def _votes(game: Game, seat: str, history: list[rec.DocumentedVote]) -> list[rec.SeatVote]:
    out = []
    for d in game.state.decisions:
        if seat not in game.case.members_on(game.case.round(d.round).start):
            vote: rec.SessionVote = "not on the Council"
        else:
            vote = _session_vote(d, seat)
        reason = d.reasons.get(seat) if vote not in ("no vote", "not on the Council") else None
        out.append(rec.SeatVote(round=d.round + 1, date=d.date, decision=d.summary, told=d.round in game.told, vote=vote,
                                reason=without_unsafe(reason) if reason else None,
                                history=[h for h in history if h.round == d.round + 1]))
    return out


def _session_vote(d: st.Decision, seat: str) -> rec.SessionVote:
    if d.withdrawn or not d.draft.clauses:
        return "no vote"
    if d.draft.is_statement:
        return "objected" if seat in d.objectors else "assented"
    choice = d.votes.get(seat, Vote.absent)
    return "absent" if choice is Vote.absent else choice.value


def _documented_vote(case: Case, entry: RecordEntry, seat: str) -> rec.DocumentedVote:
    if seat not in case.members_on(entry.date):
        vote: rec.HistoryVote = "not on the Council"
    elif entry.votes is None:
        vote = "no vote recorded"
    else:
        votes = entry.votes
        lists: tuple[tuple[rec.HistoryVote, list[str]], ...] = (
            ("yes", votes.yes), ("no", votes.no), ("abstain", votes.abstain), ("absent", votes.absent))
        vote = next((name for name, codes in lists if seat in codes), "no vote recorded")
    return rec.DocumentedVote(record_id=entry.id, symbol=entry.symbol, name=_named(entry), date=entry.date.isoformat(),
                              round=case.round_index_for(entry.date) + 1, vote=vote)


def _round(game: Game, index: int, documented: Iterable[RecordEntry]) -> rec.RoundRecord:
    case, rnd = game.case, game.case.round(index)
    return rec.RoundRecord(
        round=index + 1, label=rnd.label, start=rnd.start.isoformat(), end=rnd.end.isoformat(), told=index in game.told,
        decisions=[_decision(case, d) for d in game.state.decisions if d.round == index],
        history=[_documented_decision(case, e) for e in documented if case.round_index_for(e.date) == index],
    )


def _titles(case: Case, clauses: Iterable[str]) -> list[str]:
    return [case.clauses[c].title if c in case.clauses else c for c in clauses]


def _chapter_vii(case: Case, clauses: Iterable[str]) -> bool:
    return any(case.clauses[c].chapter_vii for c in clauses if c in case.clauses)


def _decision(case: Case, d: st.Decision) -> rec.Decision:
    tally = None
    if d.votes and not d.draft.is_statement:
        counted = list(d.votes.values())
        tally = rec.Tally(yes=counted.count(Vote.yes), no=counted.count(Vote.no), abstain=counted.count(Vote.abstain))
    return rec.Decision(date=d.date, instrument=d.draft.instrument.value, clauses=_titles(case, d.draft.clauses),
                        chapter_vii=_chapter_vii(case, d.draft.clauses), adopted=d.adopted, summary=d.summary,
                        tally=tally, vetoed_by=list(d.vetoed_by), objectors=list(d.objectors), withdrawn=d.withdrawn)


def _documented_decision(case: Case, entry: RecordEntry) -> rec.DocumentedDecision:
    tally = None
    if entry.votes is not None:
        v = entry.votes
        tally = rec.Tally(yes=len(v.yes), no=len(v.no), abstain=len(v.abstain))
        outcome = f"{'adopted' if entry.adopted else 'not adopted'} {tally.yes}-{tally.no}-{tally.abstain}"
    elif entry.instrument in STATEMENT_KINDS:
        outcome = "adopted by consensus" if entry.adopted else "no consensus"
    else:
        outcome = "adopted, no vote recorded" if entry.adopted else "not adopted, no vote recorded"
    if entry.vetoed_by:
        outcome += ", vetoed by " + ", ".join(case.name(code) for code in entry.vetoed_by)
    return rec.DocumentedDecision(
        date=entry.date.isoformat(), instrument=entry.instrument.value, clauses=_titles(case, entry.clauses),
        chapter_vii=_chapter_vii(case, entry.clauses), adopted=entry.adopted, summary=outcome, tally=tally,
        vetoed_by=list(entry.vetoed_by), record_id=entry.id, symbol=entry.symbol, name=_named(entry),
        what_happened=entry.summary)


def _named(entry: RecordEntry) -> str:
    """A documented decision as a reader calls it: its UN symbol, else its kind in words (a press
    statement has none), never the case file's id for it."""
    return entry.symbol or entry.instrument.value.replace("_", " ")
