"""Consultations: asking members for their votes and their answers, briefings
with NGOs, public statements and campaigns, a signalled veto, and what a
delegation says in the chamber."""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field, StrictBool

from councilgame.i18n import N_
from councilgame.crisis.consequences import with_attention
from councilgame.delegations.speech import fill
from councilgame.safe_text import without_unsafe
from councilgame.scenario.model import BRIEFERS, Actor, ActorKind
from councilgame.session.actions.base import Action, spend
from councilgame.session.state import Exchange, Phase, Request

if TYPE_CHECKING:
    from councilgame.session.game import Game

TALKING = (Phase.consultations, Phase.drafting)
# What a delegation says in one go: a stated position with the amendment it wants (phrases
# and clause titles are at most 300 characters each) fits with room to spare.
SPEECH_LENGTH = 2000
# Times a seat may take the floor in a round: the debate stays readable, and a save stays small.
SPEECHES_PER_ROUND = 12
# Goodwill a member loses towards the text when told in public that sovereignty comes first
# (members that weigh sovereignty at least SOVEREIGNTY_MINDED), or when a party to the crisis
# appeals to it in private (and gains as much when an entity or authority urges it to act).
STATEMENT_GOODWILL = -0.05
SOVEREIGNTY_MINDED = 0.6
APPEAL_GOODWILL = -0.05
# The most goodwill one answer can carry (an offer of support from a trusted partner is about 0.33).
MAX_REPLY_GOODWILL = 0.5


def _member_of_council(game: Game, target: str, seat: str) -> str | None:
    if target not in game.members or target == seat:
        return fill(game.case.phrases.refusals.not_another_member, member=target)
    return None


class Lobby(Action):
    """Ask a member for its vote on the draft, or offer support elsewhere in return."""

    type: Literal["lobby"] = "lobby"
    target: str = Field(max_length=64)
    offer: StrictBool = False
    PHASES = TALKING
    COST = 1
    OFFER_COST: ClassVar[int] = 2

    def cost(self, game: Game) -> int:
        return self.OFFER_COST if self.offer else self.COST

    def check(self, game: Game) -> str | None:
        if (problem := _member_of_council(game, self.target, self.seat)) is not None:
            return problem
        refusals = game.case.phrases.refusals
        if game.is_human(self.target):
            return fill(refusals.played_by_person, member=game.case.name(self.target))
        if any(r.seat == self.seat and r.target == self.target for r in game.state.requests):
            return fill(refusals.not_answered, member=game.case.name(self.target))
        return None

    def apply(self, game: Game) -> None:
        st = game.state
        st.requests.append(Request(st.round_index, self.seat, self.target, self.offer))

    def label(self, game: Game) -> str:
        return N_("Offer support elsewhere") if self.offer else N_("Ask for its vote")

    @classmethod
    def options(cls, game: Game, seat: str) -> Iterable[Action]:
        for member in game.members:
            if member != seat:
                yield cls(seat=seat, target=member, offer=False)
                yield cls(seat=seat, target=member, offer=True)


class ReplyKind(str, Enum):
    """How a member answers a request: the phrase book has a line for each."""

    already = "lobby_already"
    accept = "lobby_accept"
    accept_offer = "lobby_accept_offer"
    consider = "lobby_consider"
    refuse = "lobby_refuse"
    red_line = "lobby_red_line"

    @property
    def accepted(self) -> bool:
        return self in (ReplyKind.already, ReplyKind.accept, ReplyKind.accept_offer)


class Reply(Action):
    """A member's answer to a request for its vote: its words, and how far it was moved."""

    type: Literal["reply"] = "reply"
    to: str = Field(max_length=64)
    answer: ReplyKind
    text: str = Field(min_length=1, max_length=SPEECH_LENGTH)
    goodwill: float = Field(0.0, ge=0.0, le=MAX_REPLY_GOODWILL, allow_inf_nan=False)
    PHASES = TALKING

    def check(self, game: Game) -> str | None:
        if not any(r.seat == self.to and r.target == self.seat for r in game.state.requests):
            return fill(game.case.phrases.refusals.nothing_asked, member=self.to, target=self.seat)
        return None

    def apply(self, game: Game) -> None:
        st = game.state
        asked = next(r for r in st.requests if r.seat == self.to and r.target == self.seat)
        st.requests = [r for r in st.requests if r is not asked]
        if asked.offer and not self.answer.accepted:
            # Support elsewhere is given only for a vote: an offer refused costs only the asking.
            st.capital[self.to] = st.capital.get(self.to, 0) + Lobby.OFFER_COST - Lobby.COST
        if self.goodwill:
            st.goodwill[self.seat] = st.goodwill.get(self.seat, 0.0) + self.goodwill
        st.exchanges.append(Exchange(st.round_index, self.seat, self.to, self.text, self.answer.accepted))

    def label(self, game: Game) -> str:
        return N_("Accept") if self.answer.accepted else N_("Decline")


# Initials in brackets this long or shorter stand for the whole name on a button.
INITIALS = 12


def short_name(name: str) -> str:
    """A name in a button's few words: "Médecins Sans Frontières (MSF)" by its initials, as people say it;
    "US anti-apartheid network (American Committee on Africa and church groups)" without its gloss."""
    gloss = re.search(r"\s*\(([^()]*)\)", name)
    if gloss is None:
        return name
    if len(gloss.group(1)) <= INITIALS:
        return gloss.group(1)
    return (name[:gloss.start()] + name[gloss.end():]).strip(" ,")


class BriefWithNgo(Action):
    """Hear an NGO's account (a campaigning one then raises the alarm in public), or a UN human-rights
    body's findings (which are public: attention rises by its influence)."""

    type: Literal["brief"] = "brief"
    actor: str = Field(max_length=64)
    PHASES = (Phase.consultations,)
    COST = 1

    def check(self, game: Game) -> str | None:
        if _briefer(game, self.actor) is None:
            return fill(game.case.phrases.refusals.not_a_briefer, name=self.actor)
        return None

    def apply(self, game: Game) -> None:
        actor = _briefer(game, self.actor)
        assert actor is not None  # checked
        st = game.state
        public = actor.kind is ActorKind.human_rights_body or actor.campaigns
        if public:
            st.indicators = with_attention(st.indicators, actor.influence * game.params.attention_per_briefing)
        said = game.case.phrases.exchanges
        if actor.kind is ActorKind.human_rights_body:
            text = said.findings
        else:
            text = said.briefing_public if actor.campaigns else said.briefing_private
        st.exchanges.append(Exchange(st.round_index, self.seat, self.actor, fill(text, name=actor.name)))

    def label(self, game: Game) -> str:
        actor = _briefer(game, self.actor)
        return f"Brief with {short_name(actor.name if actor else self.actor)}"

    @classmethod
    def options(cls, game: Game, seat: str) -> Iterable[Action]:
        return [cls(seat=seat, actor=a.id) for a in game.case.scenario.actors if a.kind in BRIEFERS and a.id != seat]


def _briefer(game: Game, actor_id: str) -> Actor | None:
    actor = game.actor(actor_id)
    return actor if actor is not None and actor.kind in BRIEFERS else None


class Line(str, Enum):
    protect = "protect"
    sovereignty = "sovereignty"


# A line's button, and its standard words in the phrase book's `exchanges`.
_LINES = {Line.protect: (N_("Statement: protect civilians"), "protect"),
          Line.sovereignty: (N_("Statement: respect sovereignty"), "sovereignty")}


# A statement in a student's own words: what a delegate says from the floor in a minute.
STATEMENT_LENGTH = 500


class Statement(Action):
    """Speak in public for the protection of civilians (public attention rises) or for
    sovereignty (members who weigh it highly cool on the text), in the game's words or the seat's own
    (`text`: what the class hears and the record keeps; its line is what it argues for)."""

    type: Literal["statement"] = "statement"
    line: Line
    text: str | None = Field(None, max_length=STATEMENT_LENGTH)
    PHASES = TALKING
    COST = 1

    def check(self, game: Game) -> str | None:
        if self.text is not None and not own_words(self.text):
            return game.case.phrases.refusals.no_words
        return None

    def apply(self, game: Game) -> None:
        st = game.state
        if self.line is Line.protect:
            st.indicators = with_attention(st.indicators, game.params.attention_per_protect_statement)
        else:
            profiles = game.profiles()
            for member in game.members:
                if profiles[member].sovereignty >= SOVEREIGNTY_MINDED:
                    st.goodwill[member] = st.goodwill.get(member, 0.0) + STATEMENT_GOODWILL
        words = game.case.phrases.exchanges
        said = own_words(self.text) if self.text is not None else getattr(words, _LINES[self.line][1])
        st.exchanges.append(Exchange(st.round_index, self.seat, "council", fill(words.statement, text=said)))

    def label(self, game: Game) -> str:
        return _LINES[self.line][0]

    @classmethod
    def options(cls, game: Game, seat: str) -> Iterable[Action]:
        return [cls(seat=seat, line=line) for line in Line]


def own_words(text: str) -> str:
    """What a person typed, as the room and the record get it: one paragraph, no control characters."""
    return " ".join(without_unsafe(text).split())


class SignalVeto(Action):
    """A permanent member lets it be known that it will veto the draft."""

    type: Literal["signal_veto"] = "signal_veto"
    PHASES = TALKING
    COST = 1

    def check(self, game: Game) -> str | None:
        if self.seat not in game.permanent:
            return game.case.phrases.refusals.veto_not_permanent
        if self.seat in game.state.veto_signals:
            return game.case.phrases.refusals.veto_already
        return None

    def apply(self, game: Game) -> None:
        st = game.state
        st.veto_signals.add(self.seat)
        st.exchanges.append(Exchange(st.round_index, self.seat, "council", game.case.phrases.exchanges.veto_signalled))

    def label(self, game: Game) -> str:
        return N_("Signal a veto")

    @classmethod
    def options(cls, game: Game, seat: str) -> Iterable[Action]:
        return [cls(seat=seat)] if seat in game.permanent else []


class Campaign(Action):
    """A campaigning NGO takes its findings to the public (once a round)."""

    type: Literal["campaign"] = "campaign"
    PHASES = (Phase.consultations,)
    COST = 1

    def check(self, game: Game) -> str | None:
        actor = game.actor(self.seat, ActorKind.ngo)
        if actor is None or not actor.campaigns:
            return game.case.phrases.refusals.campaign_not_ngo
        if self.seat in game.state.campaigned:
            return game.case.phrases.refusals.campaign_already
        return None

    def apply(self, game: Game) -> None:
        actor = game.actor(self.seat, ActorKind.ngo)
        assert actor is not None  # checked
        st = game.state
        st.campaigned.add(self.seat)
        st.indicators = with_attention(st.indicators, actor.influence * game.params.attention_per_campaign)
        st.exchanges.append(Exchange(st.round_index, self.seat, "council", game.case.phrases.exchanges.campaign))

    def label(self, game: Game) -> str:
        return N_("Campaign in public")

    @classmethod
    def options(cls, game: Game, seat: str) -> Iterable[Action]:
        return [cls(seat=seat)] if game.actor(seat, ActorKind.ngo) else []


class Appeal(Action):
    """A party to the crisis urges a member in private: a state concerned to respect its sovereignty; an
    entity or rival authority to act (its stance above 0) or to stay out (below 0)."""

    type: Literal["appeal"] = "appeal"
    target: str = Field(max_length=64)
    PHASES = (Phase.consultations,)
    COST = 1

    def check(self, game: Game) -> str | None:
        refusals = game.case.phrases.refusals
        if not game.is_party(self.seat):
            return refusals.appeal_not_party
        if _urges(game, self.seat) == 0:
            return refusals.appeal_no_side
        if (problem := _member_of_council(game, self.target, self.seat)) is not None:
            return problem
        actor = game.actor(self.seat)
        if actor is not None and actor.code == self.target:  # Rwanda sat on the Council in 1994
            return refusals.appeal_own_seat
        if (self.seat, self.target) in game.state.appeals:
            return fill(refusals.appeal_already, member=game.case.name(self.target))
        return None

    def apply(self, game: Game) -> None:
        st = game.state
        st.appeals.add((self.seat, self.target))
        urges = _urges(game, self.seat)
        st.goodwill[self.target] = st.goodwill.get(self.target, 0.0) - urges * APPEAL_GOODWILL
        actor = game.actor(self.seat)
        words = game.case.phrases.exchanges
        if actor is not None and actor.kind is ActorKind.state:
            said = words.appeal_sovereignty
        else:
            said = words.appeal_act if urges > 0 else words.appeal_stay_out
        st.exchanges.append(Exchange(st.round_index, self.seat, self.target, said))

    def label(self, game: Game) -> str:
        return f"Appeal to {game.case.name(self.target)}"

    @classmethod
    def options(cls, game: Game, seat: str) -> Iterable[Action]:
        actor = game.actor(seat)
        own = actor.code if actor is not None else None
        if not game.is_party(seat) or _urges(game, seat) == 0:
            return []
        return [cls(seat=seat, target=m) for m in game.members if m != own]


def _urges(game: Game, seat: str) -> int:
    """Which way a party's appeals push a member on the text: -1 against (a state defending its
    sovereignty, a party that wants the Council out), +1 for (a party that wants it to act), 0 neither."""
    actor = game.actor(seat)
    if actor is None or actor.kind is ActorKind.state:
        return -1
    stance = game.state.stances.get(seat, actor.stance)
    return (stance > 0) - (stance < 0)


class Speak(Action):
    """Take the floor: a position, a reply, an argument, in the seat's own words."""

    type: Literal["speak"] = "speak"
    text: str = Field(min_length=1, max_length=SPEECH_LENGTH)
    PHASES = TALKING

    def check(self, game: Game) -> str | None:
        st = game.state
        spoken = sum(1 for e in st.exchanges if e.round == st.round_index and e.seat == self.seat and e.target == "council")
        if spoken >= SPEECHES_PER_ROUND:
            return fill(game.case.phrases.refusals.floor_taken, count=str(SPEECHES_PER_ROUND))
        return None

    def apply(self, game: Game) -> None:
        st = game.state
        st.exchanges.append(Exchange(st.round_index, self.seat, "council", self.text))

    def label(self, game: Game) -> str:
        return N_("Take the floor")


__all__ = ["Lobby", "Reply", "ReplyKind", "BriefWithNgo", "Statement", "Line", "SignalVeto", "Campaign", "Appeal",
           "Speak", "spend"]
