"""A draft before the Council: its instrument, clauses and sponsors."""

from __future__ import annotations

from dataclasses import dataclass

from councilgame.scenario.model import Instrument


@dataclass(frozen=True)
class Draft:
    instrument: Instrument
    clauses: tuple[str, ...]
    penholder: str | None = None
    sponsors: tuple[str, ...] = ()
    host_consent: bool = False

    def __post_init__(self) -> None:
        # A clause counts once however often it is named: six copies of a demand are one demand.
        if len(set(self.clauses)) != len(self.clauses):
            object.__setattr__(self, "clauses", tuple(dict.fromkeys(self.clauses)))

    @property
    def procedural(self) -> bool:
        return self.instrument is Instrument.procedural

    @property
    def is_statement(self) -> bool:
        return self.instrument in (Instrument.presidential_statement, Instrument.press_statement)

    def _with(self, clauses: tuple[str, ...]) -> Draft:
        # Built directly: a computer penholder weighs thousands of variants, and dataclasses.replace is slow.
        return Draft(self.instrument, clauses, self.penholder, self.sponsors, self.host_consent)

    def without(self, clause: str) -> Draft:
        return self._with(tuple(c for c in self.clauses if c != clause))

    def with_clause(self, clause: str) -> Draft:
        return self if clause in self.clauses else self._with(self.clauses + (clause,))

    def swapped(self, old: str, new: str) -> Draft:
        return self._with(tuple(new if c == old else c for c in self.clauses if c != new))

    def as_dict(self) -> dict[str, object]:
        return {"instrument": self.instrument.value, "clauses": list(self.clauses), "penholder": self.penholder,
                "sponsors": list(self.sponsors), "host_consent": self.host_consent}
