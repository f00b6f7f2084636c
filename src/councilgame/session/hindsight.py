"""A decision seen again: the whip count the computer members voted on, as it was then.

The log keeps a vote's reasons only in words; the debrief wants their numbers too, so the
game is replayed from its log up to the first computer vote of that decision. The replay
takes a few milliseconds: it is made once per decision and kept on the game (the window
asks for it from its worker thread before the debrief is built)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from councilgame.council.procedure import Vote
from councilgame.delegations.whip import WhipCount
from councilgame.delegations import speech
from councilgame.session import explain
from councilgame.session.explain import Reasons
from councilgame.session.actions import CastVote, IllegalAction
from councilgame.session.state import Decision, Phase

if TYPE_CHECKING:
    from councilgame.session.game import Game

Weighed = tuple[WhipCount, dict[str, float]]  # the count, and the regional bodies' stances then


def vote_weighed(game: Game, decision: Decision) -> Weighed | None:
    """The whip count the computer members voted on in a decision, and the regional bodies' stances, as they
    were then; None if the replay does not come to the draft voted on."""
    kept: dict[int, Weighed | None] = game.__dict__.setdefault("_weighed", {})
    if decision.round not in kept:
        kept[decision.round] = _replayed(game, decision)
    return kept[decision.round]


def _replayed(game: Game, decision: Decision) -> Weighed | None:
    from councilgame.session import saves

    start = next((i for i, e in enumerate(game.log) if e.round == decision.round and e.phase is Phase.vote
                  and isinstance(e.action, CastVote) and not game.is_human(e.seat)), None)
    if start is None:
        return None
    try:
        replayed = saves.replay(game.case, game.seed, list(game.seats), [e.to_dict() for e in game.log[:start]],
                                game.rounds)
    except IllegalAction:
        return None
    count = replayed.whip()
    return (count, dict(replayed.state.stances)) if count.draft == decision.draft else None


def last_weighed(game: Game) -> Weighed | None:
    """The count behind the last decision whose members gave reasons (what the debrief explains)."""
    last = next((d for d in reversed(game.state.decisions) if d.reasons), None)
    return vote_weighed(game, last) if last is not None else None


def decision_reasons(game: Game, decision: Decision) -> dict[str, Reasons] | None:
    """Each computer member's reasons for its vote in a decision, as they weighed it then; None if the
    replay does not come to the draft voted on."""
    weighed = vote_weighed(game, decision)
    if weighed is None:
        return None
    count, stances = weighed
    statement = decision.draft.is_statement
    setting = speech.Setting.of(game.case, count.draft, stances)
    out = {}
    for member in decision.reasons:
        if member not in count.assessments:
            continue
        vote = decision.votes.get(member) if not statement else (Vote.no if member in decision.objectors else Vote.yes)
        out[member] = explain.of_count(game.case, count, stances, member, vote, said="voted", setting=setting)
    return out
