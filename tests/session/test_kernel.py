"""The rules kernel: one door for every seat, legal moves with their costs and
reasons, computer delegations as players, and a log that is the whole story."""

from __future__ import annotations

import json

import pytest

from councilgame import catalogue
from councilgame.cli import main
from councilgame.council.procedure import Vote
from councilgame.rules.conditions import FUNCTIONS, VARIABLES
from councilgame.session import actions as act
from councilgame.session import facts, saves
from councilgame.session.actions import IllegalAction
from councilgame.session.game import Game
from councilgame.session.state import Phase
from councilgame.session.story import story_digest

from conftest import advance


def finder(case):
    return lambda scenario_id: case


def test_every_kind_of_action_parses_back_from_its_saved_form(mini_case):
    game = Game(mini_case, 4)
    game.play_out()
    kinds = {type(e.action) for e in game.log}
    assert {act.Advance, act.CastVote, act.Speak} <= kinds
    for entry in game.log:
        assert act.parse(act.to_dict(entry.action)) == entry.action
    with pytest.raises(IllegalAction, match="vote: Input should be 'yes'"):
        act.parse({"type": "vote", "seat": "FRA", "vote": "maybe"})
    with pytest.raises(IllegalAction):
        act.parse({"type": "launch_missiles", "seat": "FRA"})
    with pytest.raises(IllegalAction, match="Extra inputs"):
        act.parse({"type": "signal_veto", "seat": "FRA", "why": "because"})


def test_legal_actions_give_each_move_its_cost_and_the_reason_it_is_refused(mini_case):
    game = Game(mini_case, 1, seats=("BRA",))
    game.advance()  # consultations
    moves = game.legal_actions("BRA")
    lobbies = {legal.action.offer: legal for legal in moves
               if isinstance(legal.action, act.Lobby) and legal.action.target == "IND"}
    lobby, offer = lobbies[False], lobbies[True]
    assert (lobby.cost, offer.cost) == (act.Lobby.COST, act.Lobby.OFFER_COST) and lobby.allowed
    assert not any(isinstance(legal.action, act.SignalVeto) for legal in moves)  # not a permanent member: not offered
    assert not any(isinstance(legal.action, (act.CastVote, act.AddClause)) for legal in moves)  # not in this phase
    game.state.capital["BRA"] = 1
    by_kind = {(type(legal.action), getattr(legal.action, "target", None), getattr(legal.action, "offer", None)): legal
               for legal in game.legal_actions("BRA")}
    assert by_kind[(act.Lobby, "IND", False)].allowed
    assert by_kind[(act.Lobby, "IND", True)].reason == "not enough political capital (1 left, 2 needed)"
    # Every action the list allows, the door takes; every one it refuses, the door refuses for the same reason.
    for legal in game.legal_actions("BRA"):
        assert game.refusal(legal.action) == legal.reason


def test_a_cost_is_one_number_the_door_and_the_list_both_read(mini_case, monkeypatch):
    monkeypatch.setattr(act.Statement, "COST", 4)
    game = Game(mini_case, 1, seats=("FRA",))
    game.advance()
    statement = next(legal for legal in game.legal_actions("FRA") if isinstance(legal.action, act.Statement))
    assert statement.cost == 4
    game.apply(statement.action)
    assert game.state.capital["FRA"] == 6 - 4


def test_computer_moves_are_logged_with_round_phase_and_seat(mini_case):
    game = Game(mini_case, 2, seats=("FRA",))
    while not game.state.ended:
        advance(game, "yes")
    seats = {e.seat for e in game.log}
    assert len(seats - {"FRA", act.CHAIR}) >= 10  # the computer delegations move too, through the same door
    votes = [e for e in game.log if isinstance(e.action, act.CastVote) and e.round == 0]
    assert {e.seat for e in votes} == set(mini_case.members_on(mini_case.start))
    assert all(e.phase is Phase.vote for e in votes)
    decision = game.state.decisions[0]
    assert decision.votes == {e.seat: e.action.vote for e in votes}  # the tally is the votes as cast
    computer = [e.action for e in votes if e.seat != "FRA"]
    assert all(a.reason for a in computer) and decision.reasons == {a.seat: a.reason for a in computer}


def test_a_lobbied_member_answers_through_the_door_and_its_answer_is_the_exchange(mini_case):
    game = Game(mini_case, 5, seats=("FRA",))
    game.advance()
    game.apply(act.Lobby("FRA", "IND"))
    request, reply = game.log[-2].action, game.log[-1].action
    assert isinstance(request, act.Lobby) and isinstance(reply, act.Reply)
    assert (reply.seat, reply.to) == ("IND", "FRA") and not game.state.requests
    said = game.state.exchanges[-1]
    assert (said.seat, said.target, said.text, said.accepted) == ("IND", "FRA", reply.text, reply.answer.accepted)
    assert game.state.goodwill.get("IND", 0.0) == pytest.approx(reply.goodwill)
    with pytest.raises(IllegalAction, match="asked IND nothing"):
        game.apply(act.Reply("IND", "FRA", act.ReplyKind.accept, "Yes."))


def test_the_roll_waits_for_every_seat_a_person_holds(mini_case):
    game = Game(mini_case, 1, seats=("FRA", "BRA"))
    for _ in range(3):
        game.advance()
    logged = len(game.log)
    game.apply(act.CastVote("FRA", "yes"))
    with pytest.raises(IllegalAction, match="waiting for the vote of Brazil"):
        game.advance()
    assert len(game.log) == logged + 1  # refused before any computer delegation moved
    game.apply(act.CastVote("BRA", "no"))
    game.advance()
    assert game.state.decisions[-1].votes["BRA"] is Vote.no


def test_a_statement_has_no_abstention(mini_case):
    game = Game(mini_case, 1, seats=("GBR",))  # the penholder in round one
    game.advance()
    game.advance()
    game.apply(act.SetInstrument("GBR", "presidential_statement"))
    game.advance()
    choices = [legal.action.vote for legal in game.legal_actions("GBR") if isinstance(legal.action, act.CastVote)]
    assert choices == [Vote.yes, Vote.no]
    with pytest.raises(IllegalAction, match="consensus"):
        game.apply(act.CastVote("GBR", "abstain"))


def test_every_name_the_condition_language_accepts_is_one_the_game_provides(mini_case):
    game = Game(mini_case, 1)
    assert set(facts.names(game)) == set(VARIABLES)
    assert set(game.facts().functions) == set(FUNCTIONS)


def test_the_round_view_says_what_the_screens_show(mini_case):
    game = Game(mini_case, 1, seats=("FRA",))
    view = game.view()
    assert view.index == 0 and not view.last and view.decision is None
    assert view.before == game.initial_indicators  # the first round starts from the case's opening state
    while game.state.round_index < 2 or game.state.phase is not Phase.consequences:
        advance(game, "yes")
    view = game.view()
    assert view.last and view.decision is game.state.decisions[-1]
    assert view.before == game.state.history[-2] and view.indicators == game.state.history[-1] or \
        view.indicators == game.state.indicators


# --- saves and replays -----------------------------------------------------------------------------

def test_simulate_save_then_replay_shows_ten_seats_and_is_identical_twice(tmp_path, capsys):
    outputs = []
    for run in range(2):
        path = tmp_path / f"run{run}.json"
        assert main(["simulate", "libya_2011", "--runs", "3", "--seed", "9", "--save", str(path)]) == 0
        capsys.readouterr()
        assert main(["replay", str(path), "--json"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    data = json.loads(outputs[0])
    seats = {m["seat"] for r in data["rounds"] for m in r["moves"]}
    assert len(seats - {"chair"}) >= 10 and not data["seats"]
    assert all(r["decisions"] for r in data["rounds"])
    assert main(["replay", str(tmp_path / "run0.json")]) == 0
    text = capsys.readouterr().out
    assert "Round 1:" in text and "Decision (" in text


def test_an_old_save_replays_to_its_state_after_a_deliberate_profile_change(mini_case, tmp_path):
    game = Game(mini_case, 8, seats=("FRA",))
    game.advance()
    game.apply(act.Lobby("FRA", "IND"))
    while game.state.round_index < 2:
        advance(game, "yes")
    path = tmp_path / "old.json"
    saves.write(game, path)
    # A later release makes Russia and China care far more about sovereignty: played afresh, they vote otherwise.
    profiles = dict(mini_case.scenario.profiles)
    for code in ("RUS", "CHN"):
        profiles[code] = profiles[code].model_copy(update={"sovereignty": 1.0, "protection": 0.0, "pressure": 0.0})
    changed = _with_profiles(mini_case, profiles)
    fresh = Game(changed, 8, seats=("FRA",))
    fresh.advance()
    fresh.apply(act.Lobby("FRA", "IND"))
    while fresh.state.round_index < 2:
        advance(fresh, "yes")
    assert story_digest(fresh) != story_digest(game)  # the change matters
    with pytest.raises(saves.CaseChanged):
        saves.read(path, finder(changed))
    replayed = saves.read(path, finder(changed), accept_changed=True)
    assert story_digest(replayed) == story_digest(game) and replayed.checkpoints == game.checkpoints
    assert [d.summary for d in replayed.state.decisions] == [d.summary for d in game.state.decisions]


def _with_profiles(case, profiles):
    from dataclasses import replace

    scenario = case.scenario.model_copy(update={"profiles": profiles})
    return replace(case, scenario=scenario, digest=case.digest + "-changed")


def test_a_save_whose_rules_changed_says_from_which_round(mini_case, tmp_path, monkeypatch):
    game = Game(mini_case, 3, seats=("FRA",))
    while game.state.round_index < 2:
        advance(game, "yes")
    path = tmp_path / "g.json"
    saves.write(game, path)
    from councilgame.crisis import parameters

    monkeypatch.setattr(parameters, "PARAMETERS", parameters.CrisisParameters(legitimacy_wide=9.0))  # a new release
    with pytest.raises(saves.RulesChanged, match="differs from round 1"):
        saves.read(path, finder(mini_case))
    assert saves.read(path, finder(mini_case), accept_changed=True).state.round_index == 2


def test_a_save_from_the_first_release_says_why_it_cannot_replay(mini_case, tmp_path):
    path = tmp_path / "v1.json"
    payload = {"format": 1, "game_version": "0.1.0", "scenario": "mini", "scenario_version": 1, "seed": 1, "seats": ["FRA"],
               "actions": []}
    path.write_text(json.dumps({**payload, "checksum": saves._checksum(payload)}))
    with pytest.raises(saves.SaveError, match="kept only the players' moves"):
        saves.read(path, finder(mini_case))


def test_a_log_entry_out_of_its_round_or_phase_is_refused(mini_case, tmp_path):
    game = Game(mini_case, 3, seats=("FRA",))
    game.advance()
    game.apply(act.Statement("FRA", "protect"))
    data = json.loads(saves.to_json(game))
    data["log"][-1]["phase"] = "drafting"
    data["checksum"] = saves._checksum({k: v for k, v in data.items() if k != "checksum"})
    (tmp_path / "s.json").write_text(json.dumps(data))
    with pytest.raises(saves.SaveError, match="move 2 was made in round 1, drafting"):
        saves.read(tmp_path / "s.json", finder(mini_case))


def test_a_save_from_a_newer_release_with_a_move_this_one_does_not_know_says_update(mini_case, tmp_path):
    game = Game(mini_case, 3, seats=("FRA",))
    game.advance()
    data = json.loads(saves.to_json(game))
    data["game_version"] = "9.0.0"
    data["log"].append({"round": 0, "phase": "consultations", "action": {"type": "filibuster", "seat": "FRA"}})
    data["checksum"] = saves._checksum({k: v for k, v in data.items() if k != "checksum"})
    (tmp_path / "s.json").write_text(json.dumps(data))
    with pytest.raises(saves.SaveError, match="newer than this one"):
        saves.read(tmp_path / "s.json", finder(mini_case))


def test_an_offer_refused_costs_only_the_asking():
    from councilgame.session.actions import Lobby

    # Myanmar's third round, a resolution with no documented text to open with: China and Russia refuse
    # any resolution on the matter; France and the United States are for it.
    from conftest import advance

    game = Game(catalogue.by_id("myanmar_2017"), 1, seats=("GBR",))
    while not (game.state.round_index == 2 and game.state.phase.value == "consultations"):
        advance(game)
    count = game.whip()
    assert count.assessments["CHN"].red_line == "resolution" and count.assessments["FRA"].position is Vote.yes
    spent = {}
    for member in ("CHN", "RUS", "FRA", "USA"):
        before = game.state.capital["GBR"]
        game.apply(act.Lobby(seat="GBR", target=member, offer=True))
        spent.setdefault(game.log[-1].action.answer.accepted, set()).add(before - game.state.capital["GBR"])
    assert spent == {False: {Lobby.COST}, True: {Lobby.OFFER_COST}}
