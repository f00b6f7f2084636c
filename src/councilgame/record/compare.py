"""Several sessions of one case, beside each other and beside history:
"4 of 6 sessions adopted a Chapter VII text, the earliest in round 2;
history: S/RES/929 (1994), 22 June 1994 (round 3)".

Every finding is counted from the sessions' records; history is the real
Council's decisions in the rounds the sessions reached (the longest
session's, if they stopped at different rounds). The findings are said in
the active language (councilgame.i18n); the records' names, titles and
yardstick are the records' own.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from councilgame import i18n, words
from councilgame.i18n import _, ngettext
from councilgame.record.pdf_kit import (BODY, H2, HISTORY_RGB, SESSION_RGB, SMALL, Bar, Document, bars_height,
                                        paired_bars)
from councilgame.record.schema import Decision, DocumentedDecision, RoundRecord, SessionRecord
from councilgame.record.sessions import RecordError
from councilgame.scoring import DIMENSIONS

# A clause list longer than this is cut in the text output: the PDF and the JSON report have them all.
CLAUSES_SHOWN = 12


@dataclass(frozen=True)
class Finding:
    headline: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comparison:
    title: str
    sessions: tuple[SessionRecord, ...]
    findings: tuple[Finding, ...]

    def text(self) -> list[str]:
        count = len(self.sessions)
        out = [ngettext("{title}: {count} session ({sources})", "{title}: {count} sessions ({sources})", count).format(
            title=self.title, count=count, sources=", ".join(s.source for s in self.sessions))]
        for finding in self.findings:
            out.append(f"- {finding.headline}")
            out += [f"    {line}" for line in finding.details]
        return out


def comparisons(records: Sequence[SessionRecord]) -> Comparison:
    """What the sessions did beside each other and beside history; RecordError if they are not of one case."""
    if not records:
        raise RecordError(_("no saves to compare"))
    cases = {r.case.id for r in records}
    if len(cases) > 1:
        which = ", ".join(_("{source} is {case}").format(source=r.source, case=r.case.id) for r in records)
        raise RecordError(_("these saves are of different cases ({which}): compare saves of one case").format(which=which))
    longest = max(records, key=lambda r: len(r.rounds))
    history = longest.rounds
    findings = [
        _first(records, history, _resolution, _("{sessions} adopted a resolution; {history}"),
               _("{sessions} adopted a resolution, the earliest in round {round}; {history}")),
        _first(records, history, _chapter_vii, _("{sessions} adopted a Chapter VII text; {history}"),
               _("{sessions} adopted a Chapter VII text, the earliest in round {round}; {history}")),
        _measures(records, history),
        _vetoes(records, history),
        _scores(records),
    ]
    if len({len(r.rounds) for r in records}) > 1:
        reached = sorted({len(r.rounds) for r in records})
        findings.append(Finding(_("The sessions reached different rounds ({rounds}); history is counted over the first "
                                  "{count}.").format(rounds=", ".join(map(str, reached)), count=len(history))))
    return Comparison(longest.case.title, tuple(records), tuple(findings))


def _resolution(d: Decision) -> bool:
    return d.adopted and d.instrument == "resolution" and bool(d.clauses)


def _chapter_vii(d: Decision) -> bool:
    return d.adopted and d.chapter_vii


def _on(date: str) -> str:
    return words.long_date(dt.date.fromisoformat(date))


def _named(rnd: RoundRecord, d: DocumentedDecision) -> str:
    return _("{name}, {date}, round {round}").format(name=d.name, date=_on(d.date), round=rnd.round)


def _sessions(count: int, total: int) -> str:
    return ngettext("{count} of {total} session", "{count} of {total} sessions", total).format(count=count, total=total)


def _first(records: Sequence[SessionRecord], history: Sequence[RoundRecord], test: Callable[[Decision], bool],
           none_made: str, made_by: str) -> Finding:
    """When sessions first adopted a kind of text (`test`), said with `none_made` when none did, else `made_by`."""
    firsts = [next((rnd.round for rnd in r.rounds for d in rnd.decisions if test(d)), None) for r in records]
    made = [f for f in firsts if f is not None]
    real = next(((rnd, d) for rnd in history for d in rnd.history if test(d)), None)
    told = _("history: {decision}").format(decision=_named(*real)) if real else _("history: none in the rounds played")
    if not made:
        return Finding(none_made.format(sessions=_sessions(0, len(records)), history=told))
    by_round = sorted(Counter(made).items())
    spread = ", ".join(_("round {round} in {count}").format(round=rnd, count=n) for rnd, n in by_round)
    headline = made_by.format(sessions=_sessions(len(made), len(records)), round=min(made), history=told)
    details = [_("first adopted: {spread}").format(spread=spread)]
    if real:
        sooner = sum(1 for f in made if f < real[0].round)
        details.append(_("{sessions} adopted it before the real Council did").format(sessions=_sessions(sooner, len(records))))
    return Finding(headline, tuple(details))


def _adopted(rounds: Sequence[RoundRecord]) -> set[str]:
    return {c for rnd in rounds for d in rnd.decisions if d.adopted for c in d.clauses}


def _measures(records: Sequence[SessionRecord], history: Sequence[RoundRecord]) -> Finding:
    first_adopted: dict[str, str] = {}
    for rnd in history:
        for d in rnd.history:
            if d.adopted:
                for clause in d.clauses:
                    first_adopted.setdefault(clause, _named(rnd, d))
    adopted = [_adopted(r.rounds) for r in records]
    details = [_("'{clause}': {sessions} (history: {where})").format(
        clause=clause, sessions=_sessions(sum(1 for a in adopted if clause in a), len(records)), where=where)
        for clause, where in first_adopted.items()]
    extra = Counter(c for a in adopted for c in a if c not in first_adopted)
    details += [_("'{clause}', never adopted by the real Council: {sessions}").format(clause=clause,
                                                                                     sessions=_sessions(n, len(records)))
                for clause, n in extra.most_common()]
    if not first_adopted:
        headline = _("The real Council adopted no measure in the rounds played")
    else:
        every = sum(1 for a in adopted if set(first_adopted) <= a)
        headline = ngettext("Of the {count} measure the real Council adopted, {sessions} adopted it",
                            "Of the {count} measures the real Council adopted, {sessions} adopted every one",
                            len(first_adopted)).format(count=len(first_adopted), sessions=_sessions(every, len(records)))
    more = len(details) - CLAUSES_SHOWN
    return Finding(headline, tuple(details[:CLAUSES_SHOWN]) + ((_("... and {count} more").format(count=more),)
                                                              if more > 0 else ()))


def _vetoes(records: Sequence[SessionRecord], history: Sequence[RoundRecord]) -> Finding:
    per_session = [[m for rnd in r.rounds for d in rnd.decisions for m in d.vetoed_by] for r in records]
    cast = Counter(m for vetoes in per_session for m in vetoes)
    names = {s.seat: s.name for r in records for s in r.seats}  # a member by name, never by its code
    real = [(m, rnd, d) for rnd in history for d in rnd.history for m in d.vetoed_by]
    if real:
        told = _("history: {decision}").format(decision="; ".join(
            _("{member} on {decision}").format(member=names.get(m, m), decision=_named(rnd, d)) for m, rnd, d in real))
    else:
        told = _("history: none in the rounds played")
    sessions_with = sum(1 for v in per_session if v)
    if not cast:
        return Finding(_("No veto was cast in any session; {history}").format(history=told))
    by = ", ".join(f"{names.get(m, m)} {n}" for m, n in cast.most_common())
    return Finding(_("{sessions} saw a veto ({count} in all: {by}); {history}").format(
        sessions=_sessions(sessions_with, len(records)), count=sum(cast.values()), by=by, history=told))


def _scores(records: Sequence[SessionRecord]) -> Finding:
    totals = [r.council.session_total for r in records]
    real = records[0].council.history_total
    yardstick = words.yardstick(records[0].council.yardstick)
    above = sum(1 for t in totals if t > real)
    # One decimal: the totals of sessions that did much the same differ by tenths, and "59 above 59" misleads.
    number = i18n.number
    headline = _("Council score (model estimates): {low} to {high}, median {median}; {yardstick}: {real}. {sessions} "
                 "scored above it").format(low=number(min(totals), 1), high=number(max(totals), 1),
                                           median=number(statistics.median(totals), 1), yardstick=yardstick,
                                           real=number(real, 1), sessions=_sessions(above, len(records)))
    details = []
    for dim in DIMENSIONS:
        values = [r.council.session[dim] for r in records]
        details.append(_("{dimension}: {low} to {high} ({yardstick}: {real})").format(
            dimension=words.dimension(dim), low=number(min(values)), high=number(max(values)), yardstick=yardstick,
            real=number(records[0].council.history[dim])))
    return Finding(headline, tuple(details))


def compare_pdf(comparison: Comparison) -> bytes:
    """The findings, then two charts: each session's Council total beside history's, and each dimension's
    median beside history's."""
    count = len(comparison.sessions)
    doc = Document(ngettext("Council: {title}, {count} session compared", "Council: {title}, {count} sessions compared",
                            count).format(title=comparison.title, count=count))
    doc.add_page()
    doc.heading(_("{title}: the sessions beside each other and beside history").format(title=comparison.title))
    doc.para(", ".join(s.source for s in comparison.sessions), size=SMALL, muted=True)
    doc.ln(2)
    for finding in comparison.findings:
        doc.para(finding.headline, bold=True)
        for line in finding.details:
            doc.para(line, size=BODY - 1, indent=6)
        doc.ln(1.5)
    first = comparison.sessions[0].council
    yardstick = words.yardstick(first.yardstick)
    # Totals to one decimal, as the findings give them: sessions that did much the same differ by tenths.
    rows = [(s.source, (Bar(s.council.session_total, SESSION_RGB, 1),)) for s in comparison.sessions]
    rows.append((yardstick, (Bar(first.history_total, HISTORY_RGB, 1),)))
    doc.heading(_("Council score per session, beside {yardstick}").format(yardstick=yardstick), H2, keep=bars_height(rows) + 6)
    doc.para(first.note, size=SMALL, muted=True)
    paired_bars(doc, rows, ((_("a session"), Bar(0, SESSION_RGB)), (yardstick, Bar(0, HISTORY_RGB))), label_width=55)
    median = {dim: statistics.median(s.council.session[dim] for s in comparison.sessions) for dim in DIMENSIONS}
    dims = [(words.dimension(dim).capitalize(), (Bar(median[dim], SESSION_RGB), Bar(first.history[dim], HISTORY_RGB)))
            for dim in DIMENSIONS]
    doc.heading(_("Each dimension: the sessions' median, beside {yardstick}").format(yardstick=yardstick), H2,
                keep=bars_height(dims))
    paired_bars(doc, dims, ((_("median of the sessions"), Bar(0, SESSION_RGB)), (yardstick, Bar(0, HISTORY_RGB))))
    return bytes(doc.output())
