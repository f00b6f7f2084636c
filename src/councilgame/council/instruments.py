"""What each kind of Council text does, compared with a binding resolution.

One table answers two questions that are the same idea: how much sovereignty a
text costs the members who weigh it, and how much force it carries once adopted.
The force is what the crisis model applies of an adopted text's measures and what
the debrief credits to its strength and accountability: a presidential statement's
demand is worth part of a resolution's, in the crisis and in the score alike.
"""

from __future__ import annotations

from typing import NamedTuple

from councilgame.scenario.model import Instrument


class Force(NamedTuple):
    bind: float  # share of a resolution's sovereignty cost (0 to 1): a statement binds no one
    effect: float  # share of a resolution's protective force (0 to 1), in the crisis and in the score


FORCE: dict[Instrument, Force] = {
    Instrument.resolution: Force(1.0, 1.0),
    # A statement speaks for the whole Council but binds no one: members weigh less of its
    # cost, and its demands carry a little over half the weight of a resolution's.
    Instrument.presidential_statement: Force(0.45, 0.6),
    Instrument.press_statement: Force(0.25, 0.4),
    Instrument.procedural: Force(0.3, 0.3),
    Instrument.no_action: Force(0.0, 0.0),
}
