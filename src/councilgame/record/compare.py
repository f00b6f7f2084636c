"""Several sessions of one case, beside each other and beside history:
"4 of 6 sessions adopted a Chapter VII text, the earliest in round 2;
history: S/RES/929 (1994), 22 June 1994 (round 3)".

Every finding is counted from the sessions' records; history is the real
Council's decisions in the rounds the sessions reached (the longest
session's, if they stopped at different rounds).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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
        out = [f"{self.title}: {len(self.sessions)} session{'s' if len(self.sessions) != 1 else ''} "
               f"({', '.join(s.source for s in self.sessions)})"]
        for finding in self.findings:
            out.append(f"- {finding.headline}")
            out += [f"    {line}" for line in finding.details]
        return out


def comparisons(records: Sequence[SessionRecord]) -> Comparison:
    """What the sessions did beside each other and beside history; RecordError if they are not of one case."""
    if not records:
        raise RecordError("no saves to compare")
    cases = {r.case.id for r in records}
    if len(cases) > 1:
        which = ", ".join(f"{r.source} is {r.case.id}" for r in records)
        raise RecordError(f"these saves are of different cases ({which}): compare saves of one case")
    longest = max(records, key=lambda r: len(r.rounds))
    history = longest.rounds
    findings = [
        _first(records, history, "a resolution", _resolution),
        _first(records, history, "a Chapter VII text", _chapter_vii),
        _measures(records, history),
        _vetoes(records, history),
        _scores(records),
    ]
    if len({len(r.rounds) for r in records}) > 1:
        reached = sorted({len(r.rounds) for r in records})
        findings.append(Finding(f"The sessions reached different rounds ({', '.join(map(str, reached))}); "
                                f"history is counted over the first {len(history)}."))
    return Comparison(longest.case.title, tuple(records), tuple(findings))


def _resolution(d: Decision) -> bool:
    return d.adopted and d.instrument == "resolution" and bool(d.clauses)


def _chapter_vii(d: Decision) -> bool:
    return d.adopted and d.chapter_vii


def _on(date: str) -> str:
    day = dt.date.fromisoformat(date)
    return f"{day.day} {day:%B %Y}"


def _named(rnd: RoundRecord, d: DocumentedDecision) -> str:
    return f"{d.name}, {_on(d.date)}, round {rnd.round}"


def _sessions(count: int, total: int) -> str:
    return f"{count} of {total} session{'s' if total != 1 else ''}"


def _first(records: Sequence[SessionRecord], history: Sequence[RoundRecord], what: str,
           test: Callable[[Decision], bool]) -> Finding:
    firsts = [next((rnd.round for rnd in r.rounds for d in rnd.decisions if test(d)), None) for r in records]
    made = [f for f in firsts if f is not None]
    real = next(((rnd, d) for rnd in history for d in rnd.history if test(d)), None)
    told = f"history: {_named(*real)}" if real else "history: none in the rounds played"
    if not made:
        return Finding(f"{_sessions(0, len(records))} adopted {what}; {told}")
    by_round = sorted(Counter(made).items())
    spread = ", ".join(f"round {rnd} in {n}" for rnd, n in by_round)
    headline = f"{_sessions(len(made), len(records))} adopted {what}, the earliest in round {min(made)}; {told}"
    details = [f"first adopted: {spread}"]
    if real:
        sooner = sum(1 for f in made if f < real[0].round)
        details.append(f"{_sessions(sooner, len(records))} adopted it before the real Council did")
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
    details = [f"'{clause}': {_sessions(sum(1 for a in adopted if clause in a), len(records))} (history: {where})"
               for clause, where in first_adopted.items()]
    extra = Counter(c for a in adopted for c in a if c not in first_adopted)
    details += [f"'{clause}', never adopted by the real Council: {_sessions(n, len(records))}"
                for clause, n in extra.most_common()]
    if not first_adopted:
        headline = "The real Council adopted no measure in the rounds played"
    else:
        every = sum(1 for a in adopted if set(first_adopted) <= a)
        headline = (f"Of the {len(first_adopted)} measures the real Council adopted, {_sessions(every, len(records))} "
                    "adopted every one")
    return Finding(headline, tuple(details[:CLAUSES_SHOWN]) + ((f"... and {len(details) - CLAUSES_SHOWN} more",)
                                                              if len(details) > CLAUSES_SHOWN else ()))


def _vetoes(records: Sequence[SessionRecord], history: Sequence[RoundRecord]) -> Finding:
    per_session = [[m for rnd in r.rounds for d in rnd.decisions for m in d.vetoed_by] for r in records]
    cast = Counter(m for vetoes in per_session for m in vetoes)
    names = {s.seat: s.name for r in records for s in r.seats}  # a member by name, never by its code
    real = [(m, rnd, d) for rnd in history for d in rnd.history for m in d.vetoed_by]
    if real:
        told = "history: " + "; ".join(f"{names.get(m, m)} on {_named(rnd, d)}" for m, rnd, d in real)
    else:
        told = "history: none in the rounds played"
    sessions_with = sum(1 for v in per_session if v)
    if not cast:
        return Finding(f"No veto was cast in any session; {told}")
    by = ", ".join(f"{names.get(m, m)} {n}" for m, n in cast.most_common())
    return Finding(f"{_sessions(sessions_with, len(records))} saw a veto ({sum(cast.values())} in all: {by}); {told}")


def _scores(records: Sequence[SessionRecord]) -> Finding:
    totals = [r.council.session_total for r in records]
    real = records[0].council.history_total
    yardstick = records[0].council.yardstick
    above = sum(1 for t in totals if t > real)
    # One decimal: the totals of sessions that did much the same differ by tenths, and "59 above 59" misleads.
    headline = (f"Council score (model estimates): {min(totals):.1f} to {max(totals):.1f}, median "
                f"{statistics.median(totals):.1f}; {yardstick}: {real:.1f}. {_sessions(above, len(records))} scored "
                "above it")
    details = []
    for dim in DIMENSIONS:
        values = [r.council.session[dim] for r in records]
        details.append(f"{dim}: {min(values):.0f} to {max(values):.0f} ({yardstick}: {records[0].council.history[dim]:.0f})")
    return Finding(headline, tuple(details))


def compare_pdf(comparison: Comparison) -> bytes:
    """The findings, then two charts: each session's Council total beside history's, and each dimension's
    median beside history's."""
    doc = Document(f"Council: {comparison.title}, {len(comparison.sessions)} sessions compared")
    doc.add_page()
    doc.heading(f"{comparison.title}: the sessions beside each other and beside history")
    doc.para(", ".join(s.source for s in comparison.sessions), size=SMALL, muted=True)
    doc.ln(2)
    for finding in comparison.findings:
        doc.para(finding.headline, bold=True)
        for line in finding.details:
            doc.para(line, size=BODY - 1, indent=6)
        doc.ln(1.5)
    first = comparison.sessions[0].council
    # Totals to one decimal, as the findings give them: sessions that did much the same differ by tenths.
    rows = [(s.source, (Bar(s.council.session_total, SESSION_RGB, 1),)) for s in comparison.sessions]
    rows.append((first.yardstick, (Bar(first.history_total, HISTORY_RGB, 1),)))
    doc.heading(f"Council score per session, beside {first.yardstick}", H2, keep=bars_height(rows) + 6)
    doc.para(first.note, size=SMALL, muted=True)
    paired_bars(doc, rows, (("a session", Bar(0, SESSION_RGB)), (first.yardstick, Bar(0, HISTORY_RGB))), label_width=55)
    dims = [(dim.capitalize(), (Bar(statistics.median(s.council.session[dim] for s in comparison.sessions), SESSION_RGB),
                                Bar(first.history[dim], HISTORY_RGB))) for dim in DIMENSIONS]
    doc.heading(f"Each dimension: the sessions' median, beside {first.yardstick}", H2, keep=bars_height(dims))
    paired_bars(doc, dims, (("median of the sessions", Bar(0, SESSION_RGB)), (first.yardstick, Bar(0, HISTORY_RGB))))
    return bytes(doc.output())
