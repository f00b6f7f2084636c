"""What a condition in a case file can read about a game: the names and
functions of the condition language, each given its value here."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from councilgame.rules.conditions import Facts
from councilgame.scenario.model import Instrument

if TYPE_CHECKING:
    from councilgame.session.game import Game


def names(game: Game) -> dict[str, Any]:
    """Every name the condition language accepts, with its value now."""
    st, case = game.state, game.case
    adopted = [d for d in st.decisions if d.acted]
    first = min((dt.date.fromisoformat(d.date) - case.start).days for d in adopted) if adopted else -1
    values: dict[str, Any] = dict(st.indicators)
    values.update({
        "round": st.round_index + 1, "rounds": game.rounds,
        "day": (game.date - case.start).days, "host_consent": st.host_consent,
        "resolutions_adopted": sum(1 for d in adopted if d.draft.instrument is Instrument.resolution),
        "statements_adopted": sum(1 for d in adopted if d.draft.is_statement),
        "drafts_failed": sum(1 for d in st.decisions if d.votes and not d.adopted),
        "vetoes": sum(len(d.vetoed_by) for d in st.decisions), "first_action_day": first,
    })
    return values


def facts(game: Game) -> Facts:
    st = game.state
    in_force = {c for d in st.decisions if d.acted for c in d.draft.clauses}
    vetoers = {m for d in st.decisions for m in d.vetoed_by}
    return Facts(names(game), {"adopted": in_force.__contains__, "vetoed_by": vetoers.__contains__,
                               "flag": st.flags.__contains__})
