"""A game's story in one digest: what happened, as a reader of the game sees it.

Saves keep the digest at the end of every round, so that a replay under a new
release can say from which round its story differs. The computer delegations'
private dispositions (the goodwill lobbying earns, which only shapes their own
later moves, themselves in the log) are not part of the story.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from councilgame.session.game import Game

DIGEST_LENGTH = 16  # hex digits: a chance collision across one game's rounds is not a concern


def _story(game: Game) -> dict[str, Any]:
    st = game.state
    return {
        "at": [st.round_index, st.phase.value],
        "indicators": {k: round(v, 6) for k, v in sorted(st.indicators.items())}, "harm": round(st.harm, 6),
        "decisions": [[d.round, d.date, d.summary, d.adopted, d.draft.instrument.value, list(d.draft.clauses),
                       sorted((m, v.value) for m, v in d.votes.items()), list(d.objectors), d.withdrawn]
                      for d in st.decisions],
        "feed": [[f.round, f.date, f.text] for f in st.feed],
        "exchanges": [[e.round, e.seat, e.target, e.text] for e in st.exchanges],
        "draft": [game.draft.instrument.value, list(game.draft.clauses), list(game.draft.sponsors)],
        "votes": sorted((m, v.value) for m, v in st.votes.items()), "capital": sorted(st.capital.items()),
        "flags": sorted(st.flags), "fired": sorted(st.fired), "measures": st.measures,
        "shifts": sorted((m, sorted(f.items())) for m, f in st.shifts.items()), "host_consent": st.host_consent,
    }


def story_digest(game: Game) -> str:
    text = json.dumps(_story(game), sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:DIGEST_LENGTH]
