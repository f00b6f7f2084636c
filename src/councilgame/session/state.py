"""The state of a game in progress. Plain dataclasses: the session's rules
change them; the UI only reads them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from councilgame.council.procedure import Vote
from councilgame.delegations.draft import Draft
from councilgame.scenario.model import Development


class Phase(str, Enum):
    briefing = "briefing"
    consultations = "consultations"
    drafting = "drafting"
    vote = "vote"
    consequences = "consequences"
    debrief = "debrief"


def about(date: str, approximate: bool) -> str:
    """A date as the screens show it, 'about 1994-04-12' when the sources give only the week or the month."""
    return f"about {date}" if approximate else date


@dataclass(frozen=True)
class FeedItem:
    round: int
    date: str
    kind: str
    text: str
    sources: tuple[str, ...] = ()
    reliability: str = "confirmed"
    content_note: str | None = None
    approximate: bool = False  # the sources give only the week or the month

    @property
    def when(self) -> str:
        """The date as the feed shows it: 'about 1994-04-12' when it is approximate."""
        return about(self.date, self.approximate)

    @classmethod
    def told(cls, round_index: int, dev: Development) -> FeedItem:
        """A case's development, as it reaches the feed."""
        return cls(round_index, dev.date.isoformat(), dev.kind.value, dev.text, tuple(dev.sources),
                   dev.reliability.value, dev.content_note, dev.approximate)


@dataclass(frozen=True)
class Decision:
    """What the Council did in a round (or failed to do)."""

    round: int
    date: str
    draft: Draft
    adopted: bool
    votes: dict[str, Vote]  # empty for statements, which are not voted on
    objectors: tuple[str, ...]
    vetoed_by: tuple[str, ...]
    reasons: dict[str, str]
    summary: str
    withdrawn: bool = False
    record_id: str | None = None  # set on the documented path

    @property
    def acted(self) -> bool:
        return self.adopted and bool(self.draft.clauses)


@dataclass(frozen=True)
class Exchange:
    """A line of consultations shown to the player."""

    round: int
    seat: str
    target: str
    text: str
    accepted: bool | None = None


@dataclass(frozen=True)
class Request:
    """A seat has asked a member for its vote (or offered support in return); the member answers."""

    round: int
    seat: str
    target: str
    offer: bool


@dataclass
class GameState:
    indicators: dict[str, float]
    host_consent: bool
    stances: dict[str, float]
    round_index: int = 0
    phase: Phase = Phase.briefing
    shifts: dict[str, dict[str, float]] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    fired: set[str] = field(default_factory=set)
    feed: list[FeedItem] = field(default_factory=list)
    exchanges: list[Exchange] = field(default_factory=list)
    capital: dict[str, int] = field(default_factory=dict)
    goodwill: dict[str, float] = field(default_factory=dict)
    veto_signals: set[str] = field(default_factory=set)
    requests: list[Request] = field(default_factory=list)  # unanswered, this round
    campaigned: set[str] = field(default_factory=set)  # NGOs that campaigned this round
    appeals: set[tuple[str, str]] = field(default_factory=set)  # (state, member) appeals this round
    votes: dict[str, Vote] = field(default_factory=dict)  # cast this round, by every seat that voted
    vote_reasons: dict[str, str] = field(default_factory=dict)  # member -> the reason it gave
    withdrawn: tuple[Draft, tuple[str, ...]] | None = None  # the draft withdrawn this round, and who threatened a veto
    draft: Draft | None = None
    decisions: list[Decision] = field(default_factory=list)
    measures: list[tuple[str, float]] = field(default_factory=list)  # clause id, strength
    history: list[dict[str, float]] = field(default_factory=list)
    harm: float = 0.0
    # Why the indicators moved this round: indicator -> (cause in words, points), in the order they acted;
    # and the indicators as the last cause left them. Kept when narrating (batch play has no reader).
    moved: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    marked: dict[str, float] = field(default_factory=dict)
    # The clauses the state concerned accepts this round when it accepts only some (host_consent is then false).
    consents_to: tuple[str, ...] = ()

    @property
    def ended(self) -> bool:
        return self.phase is Phase.debrief
