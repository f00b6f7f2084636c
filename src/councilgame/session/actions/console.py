"""What a classroom's instructor does from the console, as the chair's moves: news added to the
round, a development the case holds back brought in, a seat taken over by the computer or handed back
to its students. They go through the same door and into the same log as every other move, so that a
save replays the lesson as it was taught."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, StrictBool

from councilgame.i18n import N_
from councilgame.safe_text import without_unsafe
from councilgame.session.actions.base import CHAIR, Action
from councilgame.session.state import FeedItem, Phase

if TYPE_CHECKING:
    from councilgame.session.game import Game

# A news item as the instructor types it at the front of the room: a headline and a sentence or two.
NEWS_LENGTH = 400
# The instructor's own news is marked as such wherever the feed shows it: it is not in the case's sources.
INSTRUCTOR_MARK = " (news added by the instructor)"
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
            return "inject either news in words or one of the round's developments"
        if self.development is not None:
            if self.development >= len(game.round.developments):
                return "the round has no such development"
            if self.development not in held_back(game):
                return "that development is already in the round's news"
        return None

    def apply(self, game: Game) -> None:
        st = game.state
        if self.development is not None:
            dev = game.round.developments[self.development]
            st.feed.append(FeedItem.told(st.round_index, dev))
            return
        text = " ".join(without_unsafe(self.text).split())
        st.feed.append(FeedItem(st.round_index, game.date.isoformat(), "news", text + INSTRUCTOR_MARK, (), "unverified"))

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
        if self.target not in game.case.all_members and self.target not in game.case.actor_ids:
            return f"{self.target} is not a seat in this case"
        if game.is_human(self.target) == self.person:
            return f"{game.case.name(self.target)} is already played by {'people' if self.person else 'the computer'}"
        return None

    def apply(self, game: Game) -> None:
        game.hold(self.target, self.person)

    def label(self, game: Game) -> str:
        who = "its students" if self.person else "the computer"
        return f"{game.case.name(self.target)} to {who}"
