"""What a screen shows of the current round, as the engine answers it: the
feed, what was said, the decision, how the indicators moved, and whether
this is the last round. Screens read this rather than working it out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from councilgame.session import narration
from councilgame.session.state import Decision, Exchange, FeedItem, Phase

if TYPE_CHECKING:
    from councilgame.session.game import Game


@dataclass(frozen=True)
class RoundView:
    index: int  # 0 = the first round
    rounds: int
    label: str
    phase: Phase
    last: bool  # no round follows this one
    feed: tuple[FeedItem, ...]  # this round's developments and news, oldest first
    exchanges: tuple[Exchange, ...]  # what was said this round, oldest first
    decision: Decision | None  # the Council's decision this round, once the roll is called
    indicators: dict[str, float]  # now
    before: dict[str, float]  # at the end of the previous round (the case's start, in the first)
    in_force: tuple[str, ...]  # clause ids of the measures in force, each once
    last_round: tuple[str, ...]  # what this Council did last round, and the real Council's decisions beside it
    decided: str | None  # this round's decision in a sentence, once the roll is called
    result: str | None  # its outcome in a few words ("Vetoed by China, 13-1-1")
    history: tuple[str, ...]  # the real Council's decisions this round, once this Council has decided
    moved: dict[str, tuple[tuple[str, float], ...]]  # indicator -> why it moved this round: (cause, points)

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def news(self) -> tuple[FeedItem, ...]:
        """What happened after the Council acted: the news its decisions and events made."""
        return tuple(f for f in self.feed if f.kind == "news")

    def change(self, indicator: str) -> float:
        return self.indicators[indicator] - self.before[indicator]


PUBLIC = "council"  # an exchange addressed to the whole Council (a statement, a campaign); the rest are private


def seen_by(exchange: Exchange, seat: str | None) -> bool:
    """Whether a seat may see an exchange: a public one, or one it was party to (None: the whole story)."""
    return seat is None or exchange.target == PUBLIC or seat in (exchange.seat, exchange.target)


def round_view(game: Game, seat: str | None = None) -> RoundView:
    st = game.state
    index = st.round_index
    decided = [d for d in st.decisions if d.round == index]
    # The history holds each round's closing indicators: the previous round's closed it before this one.
    closed = len(st.history) - (1 if st.phase in (Phase.consequences, Phase.debrief) else 0)
    before = st.history[closed - 1] if closed > 0 else game.initial_indicators
    return RoundView(
        index, game.rounds, game.round.label, st.phase, game.last_round,
        tuple(f for f in st.feed if f.round == index), tuple(e for e in st.exchanges if e.round == index and seen_by(e, seat)),
        decided[-1] if decided else None, dict(st.indicators), dict(before),
        tuple(dict.fromkeys(c for c, _ in st.measures)),
        tuple(narration.last_round(game)),
        narration.decision_told(game, decided[-1]) if decided else None,
        narration.result(game, decided[-1]) if decided else None,
        tuple(narration.history(game, index)) if decided else (),
        {name: tuple(parts) for name, parts in st.moved.items()},
    )
