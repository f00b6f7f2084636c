"""The record on paper: a page (or more) per seat people held, then a class
summary page per session with the Council's scores beside the real
Council's as bars.

A seat's page says who held it, its score and the goals behind it, its
votes beside what the real delegation did on those dates, and every move
it made with its own words in full.

The page's own words are in the active language (councilgame.i18n); what the
record holds (decisions, moves, goals, names) is the record's, in English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from councilgame import words
from councilgame.i18n import _, ngettext
from councilgame.record.pdf_kit import (BODY, H2, HISTORY_RGB, SESSION_RGB, SMALL, Bar, Document, bars_height,
                                        paired_bars)
from councilgame.record.schema import Decision, DocumentedDecision, SeatRecord, SessionRecord
from councilgame.scoring import DIMENSIONS

# Column widths of the tables, as shares of the page's width.
VOTE_COLUMNS = (0.08, 0.22, 0.12, 0.30, 0.28)
DECISION_COLUMNS = (0.10, 0.45, 0.45)
SEAT_COLUMNS = (0.26, 0.16, 0.34, 0.12, 0.12)
QUOTE_INDENT = 6.0  # mm: a seat's own words stand out from the moves around them


def report_pdf(sessions: Sequence[SessionRecord], all_seats: bool) -> bytes:
    doc = Document(_("Council: session record"))
    doc.set_author("Council")
    for session in sessions:
        doc.running_head = _("Council: session record · {title} · {source}").format(title=session.case.title,
                                                                                    source=session.source)
        for seat in session.seats:
            if all_seats or seat.holder.held_by == "person":
                seat_pages(doc, session, seat)
        summary_page(doc, session)
    return bytes(doc.output())


def about(session: SessionRecord) -> str:
    played = ngettext("{played} of {count} round", "{played} of {count} rounds", session.rounds_in_case).format(
        played=session.rounds_played, count=session.rounds_in_case)
    return (_("{title} · save {source} · seed {seed} · {played}").format(title=session.case.title, source=session.source,
                                                                         seed=session.seed, played=played)
            + ("" if session.finished else " · " + _("not finished")))


def held_by(seat: SeatRecord) -> str:
    h = seat.holder
    who = _("Played by the computer delegation.") if h.held_by == "computer" else _("Held by people.")
    if h.team:
        who += " " + _("Team: {team}.").format(team=h.team)
    if h.students:
        who += " " + _("Students: {names}.").format(names=", ".join(h.students))
    return who


def seat_pages(doc: Document, session: SessionRecord, seat: SeatRecord) -> None:
    doc.add_page()
    doc.start_section(doc.clean(f"{seat.name} ({seat.seat}), {session.source}"))  # a bookmark per seat
    doc.heading(f"{seat.name} ({seat.seat})")
    doc.para(held_by(seat), bold=True)
    doc.para(about(session), size=SMALL, muted=True)
    doc.ln(3)
    if seat.perpetrator:  # no atrocity is an achievement: the seat is played to understand, and not scored
        doc.para(_("Not scored: the seat of a government whose forces committed, or which shielded, the atrocities, "
                   "played to understand the arguments that were made. What it sought, for discussion:"), size=H2, bold=True)
    else:
        doc.para(_("Score: {score:.0f}/100 against its brief").format(score=seat.score), size=H2, bold=True)
        doc.para(_("The same goals judged on the real course of events: {score:.0f}/100 (model estimate)").format(
            score=seat.score_on_history), size=SMALL, muted=True)
    for goal in seat.goals:
        if seat.perpetrator:  # what happened, not what was won
            happened = _("happened") if goal.met else _("did not happen")
            doc.para(f"{happened}:   {goal.text}", indent=QUOTE_INDENT)
        else:
            met = "+ " + _("met") if goal.met else "× " + _("not met")
            doc.para(f"{met}   " + _("{goal} (weight {weight})").format(goal=goal.text, weight=f"{goal.weight:g}"),
                     indent=QUOTE_INDENT)
    if not seat.goals and not seat.perpetrator:
        doc.para(_("This seat's brief sets no goals, so its score is 0."), indent=QUOTE_INDENT)
    doc.ln(3)
    if seat.kind == "member":
        doc.heading(_("Its votes, beside the real delegation's (history)"), H2)
        rows = []
        for v in seat.votes:
            real = "; ".join(f"{h.name}, {on(h.date)}: {words.vote(h.vote)}" for h in v.history)
            decision = v.decision + (" " + _("(the round was told, not played)") if v.told else "")
            rows.append((str(v.round), decision, words.vote(v.vote), v.reason or "", real or _("no documented decision")))
        if rows:
            doc.table_of((_("Round"), _("This Council's decision"), _("Its vote"), _("Its reason"), _("The real delegation")),
                         rows, VOTE_COLUMNS)
        else:
            doc.para(_("No decision was taken in the rounds played."))
        voted = {h.record_id for v in seat.votes for h in v.history}
        unpaired = [h for h in seat.history if h.record_id not in voted]
        for h in unpaired:  # documented decisions in a round this Council took none (a session cut short)
            doc.para(_("History, round {round}: {name} ({date}): {vote}").format(round=h.round, name=h.name, date=on(h.date),
                                                                               vote=words.vote(h.vote)), size=SMALL)
    doc.heading(_("Its moves, in its own words"), H2)
    if not seat.moves:
        doc.para(_("It made no move."))
    labels = {r.round: r.label for r in session.rounds}
    current = 0
    for move in seat.moves:
        if move.round != current:
            current = move.round
            doc.ln(1)
            doc.para(_("Round {round}: {label}").format(round=current, label=labels.get(current, "")), bold=True)
        doc.para(f"{move.phase}: {move.description}", size=BODY - 0.5)
        if move.own_words:
            doc.para(f"“{move.own_words}”", indent=QUOTE_INDENT)


def on(date: str) -> str:
    """An ISO date in words: 22 June 1994."""
    return words.long_date(dt.date.fromisoformat(date))


def _told(d: Decision) -> str:
    """The outcome first, then what the text was: 'Adopted 11-0-4 (Chapter VII). Resolution: ...'."""
    outcome = d.summary[:1].upper() + d.summary[1:] + (" " + _("(Chapter VII)") if d.chapter_vii and d.adopted else "")
    if not d.clauses:
        return outcome
    return f"{outcome}. {words.instrument(d.instrument).capitalize()}: {'; '.join(d.clauses)}"


def _told_history(d: DocumentedDecision) -> str:
    return f"{d.name}, {on(d.date)}. {_told(d)}"


def summary_page(doc: Document, session: SessionRecord) -> None:
    doc.add_page()
    doc.start_section(doc.clean(_("Class summary, {source}").format(source=session.source)))
    doc.heading(_("Class summary"))
    doc.para(about(session), size=SMALL, muted=True)
    doc.ln(2)
    council = session.council
    rows = [(words.dimension(dim).capitalize(), (Bar(council.session[dim], SESSION_RGB), Bar(council.history[dim], HISTORY_RGB)))
            for dim in DIMENSIONS]
    rows.append((_("Total"), (Bar(council.session_total, SESSION_RGB, 1), Bar(council.history_total, HISTORY_RGB, 1))))
    yardstick = words.yardstick(council.yardstick)
    doc.heading(_("The Council's score, beside {yardstick}").format(yardstick=yardstick), H2, keep=bars_height(rows) + 8)
    doc.para(council.note, size=SMALL, muted=True)
    doc.ln(2)
    paired_bars(doc, rows, ((_("this Council"), Bar(0, SESSION_RGB)), (yardstick, Bar(0, HISTORY_RGB))))
    people = [s for s in session.seats if s.holder.held_by == "person"]
    doc.heading(_("Seats held by people"), H2)
    if people:
        doc.table_of((_("Seat"), _("Team"), _("Students"), _("Score"), _("On the real course")),
                     [(f"{s.name} ({s.seat})", s.holder.team or "", ", ".join(s.holder.students),
                       _("not scored") if s.perpetrator else f"{s.score:.0f}",
                       "" if s.perpetrator else f"{s.score_on_history:.0f}") for s in people], SEAT_COLUMNS)
    else:
        doc.para(_("Every seat was played by the computer."))
    doc.heading(_("The Council's decisions, beside the real Council's (history)"), H2)
    table = []
    for rnd in session.rounds:
        mine = "\n".join(_told(d) for d in rnd.decisions) or _("no decision")
        real = "\n".join(_told_history(d) for d in rnd.history) or _("no documented decision")
        table.append((f"{rnd.round}: {rnd.label}" + (" " + _("(told, not played)") if rnd.told else ""), mine, real))
    doc.table_of((_("Round"), _("This Council"), _("The real Council (history)")), table, DECISION_COLUMNS)
