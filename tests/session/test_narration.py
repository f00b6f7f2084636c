"""What the game tells of the Council: this Council's decision in words, the real
one beside it as history, and why each indicator moved."""

from __future__ import annotations

import re

import pytest

from councilgame import catalogue
from councilgame.session import actions as act
from councilgame.session.game import Game
from councilgame.session.state import Phase

from conftest import MINI_FILE, advance


def to_consequences(game, vote="yes"):
    while game.state.phase is not Phase.consequences:
        advance(game, vote)


def codes(case):
    return set(case.all_members) | set(case.actor_ids)


def test_a_veto_is_told_with_names_and_the_real_decision_beside_it_as_history(mini_case):
    game = Game(mini_case, 1, seats=("CHN",))
    to_consequences(game, "no")
    view = game.view()
    decision = view.decision
    assert decision.vetoed_by == ("CHN",)
    assert view.result.startswith("Vetoed by China, ") and "CHN" not in view.result
    assert view.decided.startswith("Your Council's draft resolution") and "vetoed by China" in view.decided
    game.advance()  # the next round's briefing
    told = game.view().last_round
    assert told[0].startswith(f"Last round ({mini_case.round(0).label}): Your Council's draft resolution")
    record = [e for e in mini_case.scenario.record if mini_case.round_index_for(e.date) == 0]
    assert [line for line in told if line.startswith("In history, ")] == [
        f"In history, {e.date.day} {e.date:%B %Y}: {e.symbol + ': ' if e.symbol else ''}{e.summary}" for e in record]


@pytest.mark.parametrize("case_id", ["rwanda_1994", "libya_2011", "syria", "myanmar_2017"])
def test_what_the_game_tells_of_the_council_names_members_not_codes(case_id):
    case = catalogue.by_id(case_id)
    game = Game(case, 4)
    words = re.compile(r"\b(" + "|".join(sorted(codes(case), key=len, reverse=True)) + r")\b")
    while not game.state.ended:
        view = game.view()
        for line in [*view.last_round, view.decided or "", view.result or ""]:
            assert not words.search(line), line
        game.advance()


def test_why_each_indicator_moved_adds_up_to_how_far_it_moved(rwanda):
    game = Game(rwanda, 2, seats=("NZL",))
    game.advance()
    game.apply(act.Statement(seat="NZL", line="protect"))
    to_consequences(game)
    view = game.view()
    for name, parts in view.moved.items():
        assert sum(points for _, points in parts) == pytest.approx(view.change(name), abs=0.2), name
    attention = dict(view.moved["public_attention"])
    assert attention["statements, briefings and campaigns in consultations"] >= 4  # the statement for civilians
    assert attention["attention fading"] < 0
    assert (game.round.drift_reason or "the course of events") in dict(view.moved["violence"])
    measures = {game.case.clauses[c].title for c in view.in_force}
    assert measures & {cause for parts in view.moved.values() for cause, _ in parts}  # a measure is named as a cause


def test_a_development_that_follows_from_a_decision_happens_only_after_it(tmp_path):
    from councilgame.scenario.safe_yaml import read_yaml


    text = MINI_FILE.read_text()
    data = read_yaml(text).data
    data["rounds"][1].setdefault("developments", []).append({
        "date": str(data["rounds"][1]["start"]), "kind": "press", "text": "Monitors arrive.", "sources": ["s1"],
        "when": "resolutions_adopted >= 1"})
    import yaml

    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    case = catalogue.load(path)
    outcomes = set()
    for vote in ("yes", "no"):
        game = Game(case, 1, seats=("CHN",))  # China's no vetoes round one's resolution
        to_consequences(game, vote)
        adopted = game.state.decisions[0].adopted
        outcomes.add(adopted)
        game.advance()
        assert any(f.text == "Monitors arrive." for f in game.view().feed) == adopted
    assert outcomes == {True, False}
