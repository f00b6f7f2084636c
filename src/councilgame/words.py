"""The engine's words as the command line says them, in the active language (councilgame.i18n): a kind of
text, a vote, a date, a tally's outcome, a dimension of the score. The engine keeps its English (what it logs,
saves, records and writes as JSON is unchanged); the CLI translates here, from the engine's values, where it
prints a sentence. The window has its own, in ui/vocabulary.py (the same messages, so the same French).
Headless and light: the CLI imports it before it knows which command runs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from councilgame.i18n import N_, _, ngettext

# A kind of Council text (Instrument's values), in UN usage.
INSTRUMENTS = {"resolution": N_("resolution"), "presidential_statement": N_("presidential statement"),
               "press_statement": N_("press statement"), "procedural": N_("procedural"), "no_action": N_("no action")}
# A vote (Vote's values, and a veto as history documents one).
VOTES = {"yes": N_("yes"), "no": N_("no"), "abstain": N_("abstain"), "absent": N_("absent"), "veto": N_("veto")}
MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"), N_("August"),
          N_("September"), N_("October"), N_("November"), N_("December"))
# What a session's score is measured against (record.build.yardstick's words, kept in the record).
YARDSTICKS = {"the real Council": N_("the real Council"), "if it did nothing": N_("if it did nothing")}
# The dimensions of a Council's score (scoring.DIMENSIONS), as the debrief names them.
DIMENSIONS = {"timeliness": N_("Timeliness"), "strength": N_("Strength"), "legitimacy": N_("Legitimacy"),
              "protection": N_("Protection"), "accountability": N_("Accountability")}


def instrument(kind: Any) -> str:
    """A kind of text (an Instrument or its value) in words: 'presidential statement'."""
    value = getattr(kind, "value", kind)
    return _(INSTRUMENTS[value]) if value in INSTRUMENTS else str(value).replace("_", " ")


def vote(value: str) -> str:
    """A vote ('yes', 'no', 'abstain', 'absent', 'veto') as a word."""
    return _(VOTES[value]) if value in VOTES else value


def vote_width() -> int:
    """The width of a column of votes (and a statement's 'assents', 'objects'): 8, or the longest word in the
    active language ('abstention')."""
    said = [_(v) for v in VOTES.values()] + [_("assents"), _("objects")]
    return max(8, *map(len, said))


def long_date(date: dt.date) -> str:
    """A date in words: 22 June 1994 (the first of a month has its own words: French writes 1er juillet)."""
    month = _(MONTHS[date.month - 1])
    if date.day == 1:
        return _("1 {month} {year}").format(month=month, year=date.year)
    return _("{day} {month} {year}").format(day=date.day, month=month, year=date.year)


def yardstick(words: str) -> str:
    """What a score is measured against, by the record's words for it ('the real Council')."""
    return _(YARDSTICKS[words]) if words in YARDSTICKS else words


def dimension(dim: str) -> str:
    """A dimension of the score by its id ('timeliness'), as a word in lower case, as in a table's first column."""
    return _(DIMENSIONS[dim]).lower() if dim in DIMENSIONS else dim


def tally(count: Any) -> str:
    """A Tally's outcome as its summary says it in English ('adopted 10-0-5', 'not adopted 8-1-6: vetoed by
    CHN'): the engine's summary stays English, for its logs and records."""
    votes = f"{count.yes}-{count.no}-{count.abstain}"
    if count.absent:
        votes += " " + ngettext("({count} absent)", "({count} absent)", count.absent).format(count=count.absent)
    if count.adopted:
        return _("adopted {votes}").format(votes=votes)
    if count.vetoed_by:
        why = _("vetoed by {members}").format(members=", ".join(count.vetoed_by))
    else:
        why = ngettext("{yes} yes vote, {needed} needed", "{yes} yes votes, {needed} needed", count.yes).format(
            yes=count.yes, needed=count.needed)
    return _("not adopted {votes}: {why}").format(votes=votes, why=why)
