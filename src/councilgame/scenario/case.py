"""A loaded, cross-checked scenario ready for play: the `Scenario` model plus
its merged clause library and compiled rules, with the lookups the engine needs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from councilgame.rules.conditions import Condition
from councilgame.scenario.problems import Problem
from councilgame.scenario.model import (Brief, Clause, Effect, Instrument, Membership, Organ, Phrases, Protest, Round, Scenario,
                                        country_name, country_name_in)


@dataclass(frozen=True)
class CompiledEvent:
    id: str
    when: Condition
    once: bool
    effects: tuple[Effect, ...]


@dataclass(frozen=True)
class CompiledGoal:
    text: str
    when: Condition
    weight: float


@dataclass(frozen=True)
class CompiledProtest:
    when: Condition
    protest: Protest


@dataclass(frozen=True, eq=False)  # identity hash: cached per loaded case
class Case:
    scenario: Scenario
    clauses: dict[str, Clause]
    events: tuple[CompiledEvent, ...]
    goals: dict[str, tuple[CompiledGoal, ...]]  # seat (member code or actor id) -> goals
    phrases: Phrases
    glossary: dict[str, str]  # the shared glossary with the scenario's own terms
    path: str = ""
    builtin: bool = False
    digest: str = ""  # of the case file and the clause library it draws on: what a save is bound to
    # (round index, development index) -> the condition a development that follows from the Council waits on
    conditions: dict[tuple[int, int], Condition] = field(default_factory=dict)
    # member -> its protests (Profile.protests), their conditions compiled
    protests: dict[str, tuple[CompiledProtest, ...]] = field(default_factory=dict)
    # The language of its texts (issue 14): "en" unless it was loaded in another (loader.load_case(language=)).
    language: str = "en"
    # Which texts its overlays translated, by their place in an overlay (scenario/overlay.py): ("title",),
    # ("rounds", "april", "briefing"), ("clauses", "icc_referral", "title"), ("glossary", "UNAMIR"). The window
    # marks a text not among them as "(in English)".
    translated: frozenset[tuple[object, ...]] = frozenset()
    overlay_problems: tuple[Problem, ...] = ()  # why an overlay of this language was left out (then English)
    text_digest: str = ""  # of the overlays its texts come from: a save in this language is bound to them
    library: str = ""  # the clause library it was loaded with (to load it again in another language)
    untranslated: frozenset[str] = frozenset()  # its texts still in English in another language (the window marks them)

    @property
    def id(self) -> str:
        return self.scenario.id

    @property
    def start(self) -> dt.date:
        return self.scenario.rounds[0].start

    @property
    def end(self) -> dt.date:
        return self.scenario.rounds[-1].end

    @property
    def years(self) -> str:
        first, last = self.start.year, self.end.year
        return str(first) if first == last else f"{first}-{last}"

    def council_on(self, date: dt.date) -> Membership:
        return self.scenario.council[date.year]

    def members_on(self, date: dt.date) -> tuple[str, ...]:
        council = self.council_on(date)
        return tuple(council.permanent) + tuple(council.elected)

    def lesson(self, minutes: int) -> tuple[int, frozenset[int]]:
        """A lesson of so many minutes: how many rounds it runs, and which of them it tells rather than
        plays. The case's own plan, else its first rounds, as many as fit at the case's own pace."""
        s = self.scenario
        ids = [r.id for r in s.rounds]
        if minutes in s.lessons:
            played = {ids.index(r) for r in s.lessons[minutes] if r in ids}
            if played:
                rounds = max(played) + 1
                return rounds, frozenset(range(rounds)) - played
        return max(1, min(len(ids), len(ids) * minutes // s.minutes)), frozenset()

    def round_index_for(self, date: dt.date) -> int:
        """Index of the round containing date (the last round that has started)."""
        index = 0
        for i, rnd in enumerate(self.scenario.rounds):
            if rnd.start <= date:
                index = i
        return index

    def round(self, index: int) -> Round:
        return self.scenario.rounds[index]

    def titles(self, clause_ids: Iterable[str]) -> str:
        """A text's clauses by their titles, as a sentence in the case's language lists them."""
        return self.phrases.listed_titles([self.clauses[c].title for c in clause_ids if c in self.clauses])

    def name(self, code: str) -> str:
        """A member's name as used at the time (USSR, not Russia, in 1977), in the case's language: the case's
        own name for the period (its overlay's, when it gives one), else the ISO name in that language."""
        own = self.scenario.names.get(code)
        if own:
            return own
        if self.language != "en":
            return country_name_in(code, self.language) or country_name(code) or code
        return country_name(code) or code

    def local_name(self, code: str) -> str:
        """A member's name as the window shows it, in the active language (councilgame.i18n): the case's own
        name for the period if it gives one, else pycountry's translation. A case loaded in English in a French
        window (its overlay broken) still names members in French where it can."""
        from councilgame import i18n

        language = i18n.language()
        if language == self.language or code in self.scenario.names:
            return self.name(code)
        return country_name_in(code, language) or self.name(code)

    def in_english(self, *path: object) -> bool:
        """Whether a text of the case shows in English though the case is in another language: `path` is its
        place in an overlay (("rounds", "april", "briefing"), ("clauses", clause_id, "title"))."""
        return self.language != "en" and tuple(path) not in self.translated

    def in_language(self, language: str) -> Case:
        """This case loaded again in another language (the same file, the same decisions), or itself."""
        if language == self.language or not self.path or not self.library:
            return self
        from councilgame.scenario.loader import load_case

        return load_case(self.path, self.library, self.builtin, language=language)

    def brief(self, seat: str) -> Brief | None:
        """The private brief of a seat (a member's code or an actor's id), if it has one."""
        profile = self.scenario.profiles.get(seat)
        if profile is not None:
            return profile.brief
        return next((a.brief for a in self.scenario.actors if a.id == seat), None)

    def clauses_on(self, day: dt.date) -> dict[str, Clause]:
        """The clauses a Council could decide on that day: the whole table unless one is dated (the ICC from 2002).
        Kept per day, so that every game of a case shares one table and the delegations' caches hold."""
        known = self._clauses_by_day.get(day)
        if known is None:
            known = self.clauses if all(c.exists_on(day) for c in self.clauses.values()) else {
                cid: c for cid, c in self.clauses.items() if c.exists_on(day)}
            self._clauses_by_day[day] = known
        return known

    @cached_property
    def _clauses_by_day(self) -> dict[dt.date, dict[str, Clause]]:
        return {}

    def tabled(self, round_index: int) -> frozenset[str]:
        """What had been put before the real Council by the end of that round: the clauses of the agendas
        of the rounds so far and of the Security Council's documented texts up to then. A computer
        penholder reaches only for these (the Council does not adopt what no member proposed)."""
        return self._tabled[min(round_index, len(self._tabled) - 1)]

    @cached_property
    def _tabled(self) -> tuple[frozenset[str], ...]:
        s, found, out = self.scenario, set(), []
        for rnd in s.rounds:
            found |= set(rnd.agenda)
            found |= {c for e in s.record if e.organ is Organ.security_council and e.date <= rnd.end for c in e.clauses}
            out.append(frozenset(found))
        return tuple(out)

    def documented_instrument(self, round_index: int) -> Instrument | None:
        """The kind of the first text the real Security Council had before it in that round, if any."""
        return self._documented_instruments.get(round_index)

    @cached_property
    def _documented_instruments(self) -> dict[int, Instrument]:
        found: dict[int, Instrument] = {}
        for entry in sorted(self.scenario.record, key=lambda e: e.date):
            if entry.organ is Organ.security_council and entry.instrument is not Instrument.no_action:
                found.setdefault(self.round_index_for(entry.date), entry.instrument)
        return found

    def tabled_in_wording(self) -> frozenset[str]:
        """Every clause put before the real Council in the case, with the softer wordings members ask
        for instead in consultations (a condemnation of the government softened to one of the violence
        is the same measure, negotiated)."""
        found = set(self.tabled(len(self.scenario.rounds) - 1))
        frontier = list(found)
        while frontier:
            softer = self.clauses[c].softer if (c := frontier.pop()) in self.clauses else None
            if softer and softer not in found:
                found.add(softer)
                frontier.append(softer)
        return frozenset(found)

    @cached_property
    def actor_ids(self) -> set[str]:
        return {a.id for a in self.scenario.actors}

    @cached_property
    def all_members(self) -> set[str]:
        return {code for c in self.scenario.council.values() for code in (*c.permanent, *c.elected)}
