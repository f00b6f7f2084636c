"""Whose private turn it is, on one machine passed round a class: before a seat acts in private (reads
its brief, lobbies, drafts, votes) the screen is handed to it, and hidden again when it is done.

Who may act is the engine's answer (its legal moves), not a rule restated here: a seat takes a turn in
a phase where the rules let it do something, and every seat present reads its brief at the briefing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from councilgame.session.actions import AddClause, Redraft, RemoveClause, SetInstrument, Withdraw
from councilgame.session.state import Phase

if TYPE_CHECKING:
    from councilgame.session.game import Game


def private_turns(game: Game, seats: Iterable[str]) -> list[str]:
    """The seats people hold that take a private turn in the phase now, in the Council's order."""
    if game.state.ended or game.telling:
        return []
    present = [s for s in game.all_seats if s in set(seats)]
    if game.state.phase is Phase.briefing:
        return present  # each reads its own brief, which no other seat may see
    # Corridor talk goes on while the text is drafted, but a drafting turn is for those who can change
    # the text: a class would otherwise queue for the laptop twice over in one round.
    kinds = DRAFTING_MOVES if game.state.phase is Phase.drafting else object
    return [s for s in present if any(legal.allowed and isinstance(legal.action, kinds) for legal in game.legal_actions(s))]


DRAFTING_MOVES = (AddClause, RemoveClause, SetInstrument, Redraft, Withdraw)
