"""What decisions and moves do to the crisis, from first principles: each
effect's direction and size as the parameters name it."""

from __future__ import annotations

import pytest

from councilgame.council.instruments import FORCE
from councilgame.council.procedure import Vote
from councilgame.crisis.consequences import Outcome, at_strength, decision_effects, with_attention
from councilgame.crisis.parameters import PARAMETERS as P
from councilgame.crisis.parameters import CrisisParameters
from councilgame.scenario.model import Instrument
from councilgame.session import actions as act
from councilgame.session.game import Game

BASE = {"violence": 50.0, "civilians_at_risk": 50.0, "displacement": 50.0, "humanitarian_access": 50.0,
        "public_attention": 50.0, "legitimacy": 50.0, "p5_relations": 50.0}


def votes(yes: int, no: int = 0, vetoers: tuple[str, ...] = ()) -> dict[str, Vote]:
    out = {f"Y{i}": Vote.yes for i in range(yes)}
    out.update({f"N{i}": Vote.no for i in range(no - len(vetoers))})
    out.update({m: Vote.no for m in vetoers})
    return out


def test_every_parameter_has_a_description_and_a_unit():
    for name, field in CrisisParameters.model_fields.items():
        assert field.description and field.json_schema_extra and field.json_schema_extra.get("unit"), name


def test_a_wide_majority_adds_legitimacy_and_puts_measures_in_force_at_full_strength(mini_case):
    outcome = Outcome(Instrument.resolution, ("arms_embargo",), True, votes(P.wide_majority), ())
    ind, measures = decision_effects(BASE, [], outcome, mini_case.clauses)
    assert ind["legitimacy"] == 50.0 + P.legitimacy_wide > 50.0
    assert measures == [("arms_embargo", 1.0)]
    assert {k: v for k, v in ind.items() if k != "legitimacy"} == {k: v for k, v in BASE.items() if k != "legitimacy"}


def test_a_narrow_adoption_costs_a_little_legitimacy(mini_case):
    outcome = Outcome(Instrument.resolution, ("arms_embargo",), True, votes(P.wide_majority - 1, 2), ())
    ind, _ = decision_effects(BASE, [], outcome, mini_case.clauses)
    assert ind["legitimacy"] == 50.0 + P.legitimacy_narrow < 50.0


def test_a_consensus_statement_counts_as_the_whole_council_and_acts_at_its_force(mini_case):
    outcome = Outcome(Instrument.presidential_statement, ("humanitarian_access",), True, {}, ())
    ind, measures = decision_effects(BASE, [], outcome, mini_case.clauses)
    assert ind["legitimacy"] == 50.0 + P.legitimacy_wide
    assert measures == [("humanitarian_access", FORCE[Instrument.presidential_statement].effect)]
    assert FORCE[Instrument.presidential_statement].effect < FORCE[Instrument.resolution].effect == 1.0


def test_each_veto_costs_legitimacy_and_p5_relations_and_draws_attention_once(mini_case):
    outcome = Outcome(Instrument.resolution, ("arms_embargo",), False, votes(11, 2, ("RUS", "CHN")), ("RUS", "CHN"))
    ind, measures = decision_effects(BASE, [("observer_mission", 1.0)], outcome, mini_case.clauses)
    assert ind["legitimacy"] == 50.0 + 2 * P.legitimacy_veto < 50.0
    assert ind["p5_relations"] == 50.0 + 2 * P.p5_relations_veto < 50.0
    assert ind["public_attention"] == 50.0 + P.attention_veto > 50.0
    assert measures == [("observer_mission", 1.0)]  # a vetoed draft puts nothing in force and ends nothing


def test_doing_nothing_costs_legitimacy_only_while_violence_is_high(mini_case):
    nothing = Outcome(Instrument.no_action, (), False, {}, ())
    high = dict(BASE, violence=P.inaction_violence)
    low = dict(BASE, violence=P.inaction_violence - 1)
    assert decision_effects(high, [], nothing, mini_case.clauses)[0]["legitimacy"] == 50.0 + P.legitimacy_inaction
    assert decision_effects(low, [], nothing, mini_case.clauses)[0]["legitimacy"] == 50.0


def test_effects_stay_within_the_scale(mini_case):
    outcome = Outcome(Instrument.resolution, ("x",), False, votes(12, 3, ("RUS", "CHN", "USA")), ("RUS", "CHN", "USA"))
    ind, _ = decision_effects(dict(BASE, legitimacy=5.0, public_attention=98.0), [], outcome, mini_case.clauses)
    assert ind["legitimacy"] == 0.0 and ind["public_attention"] == 100.0


def test_a_measure_at_part_strength_scales_every_impact(mini_case):
    clause = mini_case.clauses["arms_embargo"]
    half = at_strength(clause, 0.5)
    assert half.impact == {k: v * 0.5 for k, v in clause.impact.items()} and at_strength(clause, 1.0) is clause


def test_with_attention_moves_only_public_attention():
    assert with_attention(BASE, 7.0) == dict(BASE, public_attention=57.0)
    assert with_attention(BASE, -80.0)["public_attention"] == 0.0


def test_a_statement_for_civilians_raises_attention_by_its_parameter(mini_case):
    game = Game(mini_case, 1, seats=("FRA",))
    game.advance()
    before = game.state.indicators["public_attention"]
    game.apply(act.Statement("FRA", "protect"))
    assert game.state.indicators["public_attention"] == pytest.approx(before + P.attention_per_protect_statement)


def test_a_briefing_and_a_campaign_raise_attention_by_the_ngo_influence(mini_case):
    ngo = next(a for a in mini_case.scenario.actors if a.kind.value == "ngo" and a.campaigns)
    game = Game(mini_case, 1, seats=("FRA", ngo.id))
    game.advance()
    before = game.state.indicators["public_attention"]
    game.apply(act.BriefWithNgo("FRA", ngo.id))
    after_briefing = game.state.indicators["public_attention"]
    assert after_briefing == pytest.approx(min(100.0, before + ngo.influence * P.attention_per_briefing))
    game.apply(act.Campaign(ngo.id))
    assert game.state.indicators["public_attention"] == pytest.approx(
        min(100.0, after_briefing + ngo.influence * P.attention_per_campaign))
    with pytest.raises(act.IllegalAction, match="already campaigned"):
        game.apply(act.Campaign(ngo.id))
    # The record shows who said it beside the words ("Rights Watch: Campaigns in public ..."): the words
    # do not name the campaigner again.
    said = next(e for e in game.state.exchanges if e.seat == ngo.id and e.target == "council")
    assert ngo.name not in said.text and said.text


def test_the_state_concerned_appeal_cools_a_member_towards_the_text(rwanda):
    from councilgame.session.actions.consultations import APPEAL_GOODWILL

    state = next(a for a in rwanda.scenario.actors if a.kind.value == "state" and a.code == rwanda.scenario.state_concerned)
    game = Game(rwanda, 1, seats=(state.id,))
    game.advance()
    member = next(m for m in game.members if m != state.code)
    game.apply(act.Appeal(state.id, member))
    assert game.state.goodwill[member] == APPEAL_GOODWILL < 0
    with pytest.raises(act.IllegalAction, match="already appealed"):
        game.apply(act.Appeal(state.id, member))
