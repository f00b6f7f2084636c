"""A game in progress: phases, player actions, determinism, replay."""

import pytest

from councilgame.council.procedure import Vote
from councilgame.session import actions as act
from councilgame.session.actions import IllegalAction
from councilgame.session.game import Game
from councilgame.session.state import Phase

from conftest import advance


def snapshot(game: Game) -> tuple:
    st = game.state
    return (st.round_index, st.phase, sorted(st.indicators.items()), st.harm, st.host_consent,
            [(d.round, d.summary, d.draft, sorted(d.votes.items())) for d in st.decisions],
            [(f.date, f.text) for f in st.feed], [(e.seat, e.target, e.text) for e in st.exchanges],
            sorted(st.flags), sorted(st.fired), repr(sorted(st.shifts.items())))


def scripted(case, seed):
    game = Game(case, seed, seats=("FRA",))
    game.advance()  # briefing -> consultations
    game.apply(act.Lobby("FRA", "BRA"))
    game.apply(act.Statement("FRA", "protect"))
    game.advance()  # -> drafting
    game.apply(act.AddClause("FRA", "humanitarian_access"))
    game.advance()  # -> vote
    game.apply(act.CastVote("FRA", "yes"))
    while not game.state.ended:
        advance(game)
    return game


def test_a_game_walks_every_phase_of_every_round(mini_case):
    game = Game(mini_case, 1)
    seen = []
    while not game.state.ended:
        seen.append((game.state.round_index, game.state.phase))
        game.advance()
    phases = [Phase.briefing, Phase.consultations, Phase.drafting, Phase.vote, Phase.consequences]
    assert seen == [(r, p) for r in range(3) for p in phases]
    assert len(game.state.history) == 3 and len(game.state.decisions) == 3


def test_same_seed_and_actions_give_the_same_game(mini_case):
    assert snapshot(scripted(mini_case, 7)) == snapshot(scripted(mini_case, 7))


def test_different_seeds_give_different_crises(mini_case):
    assert snapshot(scripted(mini_case, 1))[2] != snapshot(scripted(mini_case, 2))[2]


def test_actions_out_of_phase_are_refused_with_a_reason(mini_case):
    game = Game(mini_case, 1, seats=("FRA",))
    with pytest.raises(IllegalAction, match="not possible during briefing"):
        game.apply(act.AddClause("FRA", "icc_referral"))
    with pytest.raises(IllegalAction, match="not a seat"):
        game.apply(act.Lobby("ZZZ", "BRA"))
    game.advance()
    with pytest.raises(IllegalAction, match="not another member"):
        game.apply(act.Lobby("FRA", "FRA"))
    with pytest.raises(IllegalAction, match="the chair does not"):
        game.apply(act.Lobby("chair", "BRA"))


def test_political_capital_runs_out(mini_case):
    game = Game(mini_case, 1, seats=("FRA",))
    game.advance()
    for _ in range(3):
        game.apply(act.Lobby("FRA", "BRA", offer=True))
    with pytest.raises(IllegalAction, match="not enough political capital"):
        game.apply(act.Lobby("FRA", "IND"))


def test_only_a_permanent_member_can_signal_a_veto(mini_case):
    game = Game(mini_case, 1, seats=("BRA", "RUS"))
    game.advance()
    with pytest.raises(IllegalAction, match="permanent"):
        game.apply(act.SignalVeto("BRA"))
    game.apply(act.SignalVeto("RUS"))
    assert "RUS" in game.state.veto_signals


def test_a_human_permanent_member_can_veto_a_draft(mini_case):
    game = Game(mini_case, 1, seats=("CHN",))
    for _ in range(3):
        game.advance()
    assert game.state.phase is Phase.vote
    game.apply(act.CastVote("CHN", "no"))
    game.advance()
    decision = game.state.decisions[-1]
    assert decision.votes["CHN"] is Vote.no and decision.vetoed_by == ("CHN",) and not decision.adopted
    assert game.state.indicators["p5_relations"] < mini_case.scenario.initial["p5_relations"]


def test_the_penholder_drafts_and_clauses_respect_the_instrument(mini_case):
    game = Game(mini_case, 1, seats=("GBR",))  # GBR holds the pen in round one
    game.advance()
    game.advance()
    assert game.state.draft.clauses == tuple(mini_case.round(0).agenda)  # a human penholder's draft is not reshaped
    game.apply(act.SetInstrument("GBR", "press_statement"))
    assert "arms_embargo" not in game.state.draft.clauses
    with pytest.raises(IllegalAction, match="cannot go in a press statement"):
        game.apply(act.AddClause("GBR", "icc_referral"))


def test_a_withdrawn_draft_means_no_action(mini_case):
    game = Game(mini_case, 1, seats=("GBR",))
    game.advance()
    game.advance()
    game.apply(act.Withdraw("GBR"))
    game.advance()
    game.advance()
    decision = game.state.decisions[-1]
    assert decision.summary == "withdrawn before the vote" and decision.withdrawn and not decision.adopted


def test_events_fire_once_and_shift_profiles(mini_case):
    """A class holding every seat adopts 'all necessary measures'; the backlash event fires."""
    from councilgame.session.documented import documented_path

    members = mini_case.members_on(mini_case.start)
    game = Game(mini_case, 3, seats=members)
    for _ in range(5):
        advance(game)
    game.advance()  # round two: briefing -> consultations
    game.advance()  # -> drafting; FRA holds the pen
    game.apply(act.AddClause("FRA", "all_necessary_measures"))
    game.advance()
    for member in members:
        game.apply(act.CastVote(member, "yes"))
    game.advance()
    assert game.state.decisions[-1].adopted
    assert "backlash" in game.state.flags and game.state.shifts["RUS"]["precedent"] == pytest.approx(0.2)
    assert game.profiles()["RUS"].precedent == pytest.approx(0.9)
    assert sum("Russia warns" in f.text for f in game.state.feed) == 1
    while not game.state.ended:  # once: true, so it never fires again
        advance(game)
    assert sum("Russia warns" in f.text for f in game.state.feed) == 1
    assert "backlash" not in documented_path(mini_case).state.flags


def test_the_game_refuses_actions_once_over(mini_case):
    game = Game(mini_case, 1)
    game.play_out()
    with pytest.raises(IllegalAction, match="over"):
        game.advance()


def test_a_clause_can_end_measures_in_force(mini_case):
    from councilgame.crisis.consequences import Outcome, decision_effects
    from councilgame.scenario.model import Instrument

    game = Game(mini_case, 1)
    measures = [("observer_mission", 1.0), ("arms_embargo", 1.0)]
    ending = Outcome(Instrument.resolution, ("withdraw_mission",), True, {}, ())
    _, kept = decision_effects(game.state.indicators, measures, ending, mini_case.clauses)
    assert [c for c, _ in kept] == ["arms_embargo", "withdraw_mission"]
