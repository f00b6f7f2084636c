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
    # The clauses the state concerned accepts when it accepts some and not others (host_consent is then
    # false): only these are relieved. Empty: host_consent says it for every clause.
    consents_to: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # A clause counts once however often it is named: six copies of a demand are one demand.
        if len(set(self.clauses)) != len(self.clauses):
            object.__setattr__(self, "clauses", tuple(dict.fromkeys(self.clauses)))

    def __hash__(self) -> int:
        # Kept once made: drafts key the penholder's many lookups, and hashing an enum runs Python code.
        known: int | None = self.__dict__.get("_hash")
        if known is None:
            known = hash((self.instrument, self.clauses, self.penholder, self.sponsors, self.host_consent,
                          self.consents_to))
            self.__dict__["_hash"] = known
        return known

    def __getstate__(self) -> dict[str, object]:
        # A string's hash differs from process to process: a pickled draft (simulate --jobs) hashes anew.
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}

    @property
    def procedural(self) -> bool:
        return self.instrument is Instrument.procedural

    @property
    def is_statement(self) -> bool:
        return self.instrument in (Instrument.presidential_statement, Instrument.press_statement)

    def _with(self, clauses: tuple[str, ...]) -> Draft:
        """The same draft with other clauses, which the caller keeps free of repeats. Built without
        __init__: a computer penholder weighs thousands of variants, and a frozen dataclass's __init__
        and the check for repeats cost more than the weighing of some of them."""
        variant = object.__new__(Draft)
        variant.__dict__.update(instrument=self.instrument, clauses=clauses, penholder=self.penholder,
                                sponsors=self.sponsors, host_consent=self.host_consent, consents_to=self.consents_to)
        return variant

    def without(self, clause: str) -> Draft:
        return self._with(tuple(c for c in self.clauses if c != clause))

    def with_clause(self, clause: str) -> Draft:
        return self if clause in self.clauses else self._with(self.clauses + (clause,))

    def swapped(self, old: str, new: str) -> Draft:
        return self._with(tuple(new if c == old else c for c in self.clauses if c != new))

    def consented(self, clause: str) -> bool:
        """Whether the state concerned accepts this clause of the draft."""
        return clause in self.consents_to if self.consents_to else self.host_consent

    def recast(self, instrument: Instrument, clauses: tuple[str, ...], sponsors: tuple[str, ...] | None = None) -> Draft:
        """Another text from the same hand under the same consent: a new instrument, clauses or sponsors."""
        return Draft(instrument, clauses, self.penholder, self.sponsors if sponsors is None else sponsors,
                     self.host_consent, self.consents_to)

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"instrument": self.instrument.value, "clauses": list(self.clauses),
                                  "penholder": self.penholder, "sponsors": list(self.sponsors),
                                  "host_consent": self.host_consent}
        if self.consents_to:  # only when said: a draft without it reads as it always did
            out["host_consents_to"] = list(self.consents_to)
        return out
