"""Taking a phase back: the game as it stood before the first move a person (or the console) made in the
phase now under way, or, when nobody has moved in it yet, in the phase before. A classroom instructor uses
it when a move should not stand (a griefer's, a slip of the hand); a lesson never needs to restart.

The game is rebuilt by replaying its log up to that point, so what is taken back is exactly the moves after
it, and the computer delegations' answers to them; their moves before it stand."""

from __future__ import annotations

from typing import NamedTuple

from councilgame.session import saves
from councilgame.session.actions import CHAIR, Advance, Enact
from councilgame.session.game import Game
from councilgame.session.log import LogEntry


class Rewound(NamedTuple):
    game: Game
    taken_back: int  # moves taken back, the computer's answers among them


def _by_people(entry: LogEntry, held: set[str]) -> bool:
    """A move a person made (at a seat people held at some point) or the instructor did from the console."""
    if entry.seat == CHAIR:
        return not isinstance(entry.action, (Advance, Enact))
    return entry.seat in held


def rewind(game: Game) -> Rewound | None:
    """The game before this phase's first move by people (or the previous phase's, if none yet); None at
    the very start, where there is nothing to take back."""
    log = game.log
    held = set(game.seats) | set(game.people) | {getattr(e.action, "target", "") for e in log if e.action.type == "hold"}
    phase_starts = [i + 1 for i, e in enumerate(log) if isinstance(e.action, Advance)]
    start = phase_starts[-1] if phase_starts else 0
    cut = next((i for i in range(start, len(log)) if _by_people(log[i], held)), None)
    if cut is None:  # nobody has moved in this phase: take back the step into it, and the phase before
        if not phase_starts:
            return None
        cut = start - 1  # the Advance itself
        while cut > 0 and not isinstance(log[cut - 1].action, Advance) and not _by_people(log[cut - 1], held):
            cut -= 1  # the computer's closing moves, which they will make again as the phase ends again
        before = phase_starts[-2] if len(phase_starts) > 1 else 0
        cut = next((i for i in range(before, cut) if _by_people(log[i], held)), cut)
    replayed = saves.replay(game.case, game.seed, list(game.seats), [e.to_dict() for e in log[:cut]], game.rounds,
                            sorted(game.told))
    return Rewound(replayed, len(log) - cut)
