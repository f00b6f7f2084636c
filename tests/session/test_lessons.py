"""A lesson of 45, 60 or 90 minutes: the case says which rounds it plays. The lesson ends with the
last of them; a round before it that is not listed is told, not played: the Council does what the
real one did and nobody moves. A save keeps the lesson, and replays to the same story."""

from __future__ import annotations

import pytest

from councilgame import catalogue
from councilgame.council.procedure import Vote
from councilgame.scenario.model import LESSON_MINUTES, Organ
from councilgame.session import actions as act
from councilgame.session import saves
from councilgame.session.game import Game
from councilgame.session.state import Phase

from conftest import MINI_FILE

CASES = [c for c in catalogue.load_all()[0]]


def _record_ids(case, round_index: int) -> set[str]:
    return {e.id for e in case.scenario.record
            if e.organ is Organ.security_council and case.round_index_for(e.date) == round_index}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_lesson_of_every_case_plays_its_rounds_and_tells_the_others_as_history(case):
    for minutes in LESSON_MINUTES:
        rounds, told = case.lesson(minutes)
        assert 1 <= rounds <= len(case.scenario.rounds) and rounds - 1 not in told
        if minutes == max(LESSON_MINUTES):
            assert rounds >= min(len(case.scenario.rounds), 4)  # the long lesson is most of the case
        game = Game(case, 7, rounds=rounds, told=told)
        game.play_out()
        assert game.state.ended and not game.faults
        assert len(game.state.history) == rounds  # it stopped after the lesson's last round
        for index in told:  # a told round's decisions are the record's, and only those
            assert {d.record_id for d in game.state.decisions if d.round == index} == _record_ids(case, index)
        for decision in game.state.decisions:
            if decision.round not in told:
                assert decision.record_id is None  # a played round is this Council's own


def test_a_short_lesson_of_south_africa_still_reaches_the_votes_of_1977():
    case = catalogue.by_id("south_africa_1977")
    rounds, told = case.lesson(45)
    assert rounds == len(case.scenario.rounds)  # every vote of 1977 is in the last round
    assert told == {1}  # the round of Steve Biko's death is told


def test_nobody_moves_in_a_told_round_and_the_roll_does_not_wait_for_them():
    case = catalogue.by_id("kosovo_1999")
    rounds, told = case.lesson(45)
    assert 0 in told
    member = case.members_on(case.start)[0]
    game = Game(case, 3, seats=(member,), rounds=rounds, told=told)
    assert game.telling
    game.advance()  # to the consultations
    lobby = next(o.action for o in game.legal_actions(member) if isinstance(o.action, act.Lobby))
    assert "told, not played" in (game.refusal(lobby) or "")
    while game.state.phase is not Phase.consequences:
        game.advance()  # the vote needs nobody: the chair enacts the record
    assert {d.record_id for d in game.state.decisions} == _record_ids(case, 0)
    assert not any(e.seat == member for e in game.log)


def test_a_lesson_s_save_keeps_its_rounds_and_replays_to_the_same_story(tmp_path):
    case = catalogue.by_id("syria")
    rounds, told = case.lesson(45)
    game = Game(case, 11, seats=("FRA",), rounds=rounds, told=told)
    for _ in range(14):
        if game.state.phase is Phase.vote and game.is_human("FRA") and "FRA" in game.members and not game.telling:
            game.apply(act.CastVote(seat="FRA", vote=Vote.yes))
        game.advance()
    saves.write(game, tmp_path / "s.json")
    back = saves.read(tmp_path / "s.json", catalogue.by_id)
    assert (back.rounds, back.told) == (rounds, told)
    assert back.state.round_index == game.state.round_index and back.checkpoints == game.checkpoints


def _problems(tmp_path, lessons: str) -> dict[str, str]:
    from councilgame.scenario.problems import ScenarioError

    text = MINI_FILE.read_text()
    path = tmp_path / "case.yaml"
    path.write_text(text.replace("\nrounds:\n", f"\nlessons:\n{lessons}rounds:\n", 1), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        catalogue.load(path)
    return {p.field: p.message for p in caught.value.problems}


def test_a_lesson_plan_naming_an_unknown_round_or_out_of_order_is_refused(tmp_path):
    messages = _problems(tmp_path, "  45: [one, thre]\n  60: [two, one]\n")
    assert 'unknown round "thre" (did you mean "three"?)' in messages["lessons[45][1]"]
    assert "in the order they come" in messages["lessons[60]"]
    assert "45, 60 or 90 minutes" in _problems(tmp_path, "  50: [one]\n")["lessons[50]"]


def test_a_length_the_case_does_not_plan_plays_its_first_rounds_at_the_case_s_pace(mini_case):
    assert not mini_case.scenario.lessons
    total, minutes = len(mini_case.scenario.rounds), mini_case.scenario.minutes
    for length in LESSON_MINUTES:
        assert mini_case.lesson(length) == (max(1, min(total, total * length // minutes)), frozenset())
