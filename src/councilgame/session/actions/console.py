"""What a classroom's instructor does from the console, as the chair's moves: news added to the
round, a development the case holds back brought in, a seat taken over by the computer or handed back
to its students. They go through the same door and into the same log as every other move, so that a
save replays the lesson as it was taught."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, StrictBool

from councilgame.delegations.speech import fill
from councilgame.i18n import N_
from councilgame.safe_text import without_unsafe
from councilgame.session.actions.base import CHAIR, Action
from councilgame.session.state import FeedItem, Phase

if TYPE_CHECKING:
    from councilgame.session.game import Game

# A news item as the instructor types it at the front of the room: a headline and a sentence or two.
NEWS_LENGTH = 400
# The instructor's own news is marked as such wherever the feed shows it (the phrase book's exchanges.news_added):
# it is not in the case's sources.
DURING = (Phase.briefing, Phase.consultations, Phase.drafting, Phase.vote)


class Inject(Action):
    """Add news to the round: the instructor's own words, or a development the case holds back for this
    round (one whose condition this Council has not met)."""

    type: Literal["inject"] = "inject"
    seat: Literal["chair"] = CHAIR
    text: str = Field("", max_length=NEWS_LENGTH)
    development: int | None = Field(None, ge=0, le=100)  # its index among the round's developments
    PHASES = DURING
    FOR_PEOPLE = False

    def check(self, game: Game) -> str | None:
        if (self.development is None) == (not without_unsafe(self.text).strip()):
            return game.case.phrases.refusals.inject_one
        if self.development is not None:
            if self.development >= len(game.round.developments):
                return game.case.phrases.refusals.no_such_development
            if self.development not in held_back(game):
                return game.case.phrases.refusals.development_shown
        return None

    def apply(self, game: Game) -> None:
        st = game.state
        if self.development is not None:
            dev = game.round.developments[self.development]
            st.feed.append(FeedItem.told(st.round_index, dev))
            return
        text = " ".join(without_unsafe(self.text).split())
        marked = fill(game.case.phrases.exchanges.news_added, text=text)
        st.feed.append(FeedItem(st.round_index, game.date.isoformat(), "news", marked, (), "unverified"))

    def label(self, game: Game) -> str:
        if self.development is not None and self.development < len(game.round.developments):
            return "Bring in: " + game.round.developments[self.development].text[:60]
        return N_("Add news")


def held_back(game: Game) -> list[int]:
    """The round's developments its feed does not hold (their condition unmet): what an instructor may
    still bring in."""
    shown = {(f.date, f.text) for f in game.state.feed if f.round == game.state.round_index}
    return [i for i, dev in enumerate(game.round.developments) if (dev.date.isoformat(), dev.text) not in shown]


class Hold(Action):
    """Who plays a seat from now on: its students (person) or a computer delegation (a seat whose
    students have left, or who disrupt the lesson; handed back when they return)."""

    type: Literal["hold"] = "hold"
    seat: Literal["chair"] = CHAIR
    target: str = Field(min_length=1, max_length=64)
    person: StrictBool
    PHASES = DURING + (Phase.consequences,)
    FOR_PEOPLE = False

    def check(self, game: Game) -> str | None:
        refusals = game.case.phrases.refusals
        if self.target not in game.case.all_members and self.target not in game.case.actor_ids:
            return fill(refusals.not_a_seat_in_case, member=self.target)
        if game.is_human(self.target) == self.person:
            held = refusals.held_by_people if self.person else refusals.held_by_computer
            return fill(held, member=game.case.name(self.target))
        return None

    def apply(self, game: Game) -> None:
        game.hold(self.target, self.person)

    def label(self, game: Game) -> str:
        who = "its students" if self.person else "the computer"
        return f"{game.case.name(self.target)} to {who}"
