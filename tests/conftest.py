"""Shared fixtures. Tests never touch the user's real folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# The tests read the English strings; a machine whose system asks for French (LANG=fr_FR) would get French
# screens (councilgame.i18n.system_language reads LANGUAGE first). The French tests choose French themselves.
os.environ["LANGUAGE"] = "en"

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent
# The small example case authors are pointed to, shipped in the package; the tests play it too.
MINI_FILE = ROOT / "scenarios" / "examples" / "mini.yaml"


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COUNCILGAME_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def mini_case():
    from councilgame import catalogue

    return catalogue.load(MINI_FILE)


@pytest.fixture(scope="session")
def rwanda():
    from councilgame import catalogue

    return catalogue.find("rwanda_1994")


def advance(game, vote: str = "abstain") -> None:
    """Move a game on a phase as a player who always votes `vote` would (a statement: assent).
    The roll is not called until every seat a person holds has voted."""
    from councilgame.session import actions as act

    st = game.state
    if st.phase.value == "vote" and game.draft.clauses:
        for member in game.members:
            if game.is_human(member) and member not in st.votes:
                game.apply(act.CastVote(member, "yes" if game.draft.is_statement else vote))
    game.advance()
