"""Golden transcripts: one seeded computer-only game per case, replayed from its save and
compared move by move with tests/golden/. A difference is a change of behaviour: read the
diff of `make golden`, and commit it if it is meant."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from golden import GOLDEN, builtin_ids, golden_transcript  # noqa: E402


@pytest.mark.parametrize("case_id", builtin_ids())
def test_the_golden_game_replays_as_recorded(case_id):
    stored = (GOLDEN / f"{case_id}.json").read_text()
    assert golden_transcript(case_id) == stored, f"{case_id} plays differently: run `make golden` and review the diff"


@pytest.mark.parametrize("case_id", builtin_ids())
def test_no_computer_move_is_refused_in_any_case(case_id):
    from councilgame import catalogue
    from councilgame.session.game import Game

    for seed in range(5):
        game = Game(catalogue.by_id(case_id), seed)
        game.play_out()
        assert game.faults == [], (seed, game.faults)


def test_every_built_in_case_has_a_golden_transcript():
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == builtin_ids()
