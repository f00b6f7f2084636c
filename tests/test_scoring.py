"""Scoring pinned from first principles: small hand-made cases and states, the
expected figure worked out by hand beside each assertion.

The instrument weights are read from `council.instruments.FORCE` (each kind's effect) by name
(the table may be merged with the delegations' scale), except the
resolution's, which is 1.0 by definition and asserted so.
"""

from __future__ import annotations

import datetime as dt

import pytest

from councilgame import scoring
from councilgame.council.instruments import FORCE
from councilgame.rules.conditions import Facts, compile_condition
from councilgame.scenario.case import Case, CompiledGoal
from councilgame.scenario.model import Clause, Instrument, Outcome, Round
from councilgame.scoring import CouncilScore, SeatScore, council_score, lives_at_risk, lives_estimate, seat_score
from councilgame.session.state import Decision, GameState
from councilgame.delegations.draft import Draft

W = {instrument: force.effect for instrument, force in FORCE.items()}  # the one instrument table
START = dt.date(2011, 2, 1)
END = dt.date(2011, 2, 21)  # span = 20 days

INDICATORS = {"violence": 50.0, "civilians_at_risk": 60.0, "displacement": 30.0, "humanitarian_access": 40.0,
              "legitimacy": 50.0, "p5_relations": 60.0, "public_attention": 40.0}


def clause(cid: str, protection: float, accountability: float = 0.0) -> Clause:
    return Clause(id=cid, title=cid, text=cid, category="demand", intrusiveness=0.1,
                  protection=protection, accountability=accountability,
                  instruments=[i for i in Instrument if i is not Instrument.no_action])  # every kind of text


CLAUSES = {c.id: c for c in (
    clause("protect_08", 0.8),
    clause("protect_03", 0.3),
    clause("protect_02", 0.2),
    clause("harmful", -0.5),
    clause("account_07", 0.0, accountability=0.7),
    clause("account_04", 0.5, accountability=0.4),
)}


def rnd(rid: str, start: dt.date, end: dt.date) -> Round:
    return Round(id=rid, label=rid, start=start, end=end, briefing="b", penholder="GBR")


@pytest.fixture()
def make_case(mini_case):
    """A Case built by hand: the given rounds, clauses, goals and outcomes on
    the mini scenario's otherwise unused frame (council, profiles)."""

    def build(start=START, end=END, clauses=CLAUSES, goals=None, outcomes=()):
        middle = start + (end - start) / 2
        rounds = [rnd("a", start, middle), rnd("b", middle, end)]
        scenario = mini_case.scenario.model_copy(update={"rounds": rounds, "outcomes": list(outcomes)})
        return Case(scenario=scenario, clauses=dict(clauses), events=(), goals=dict(goals or {}),
                    phrases=mini_case.phrases, glossary={})

    return build


def decision(day: int, instrument: Instrument, clauses: tuple[str, ...], adopted: bool = True) -> Decision:
    date = (START + dt.timedelta(days=day)).isoformat()
    return Decision(round=1, date=date, draft=Draft(instrument, clauses), adopted=adopted, votes={},
                    objectors=(), vetoed_by=(), reasons={}, summary="")


def state(decisions=(), history=(), **indicators) -> GameState:
    st = GameState(indicators={**INDICATORS, **indicators}, host_consent=False, stances={})
    st.decisions = list(decisions)
    st.history = [dict(h) for h in history]
    return st


# ---- the instrument table ----------------------------------------------------------------------

def test_a_resolution_weighs_one_and_every_instrument_has_a_weight():
    assert W[Instrument.resolution] == 1.0
    assert set(W) == set(Instrument)
    assert W[Instrument.no_action] == 0.0
    # Weaker instruments weigh less than a resolution and no less than nothing.
    for instrument in (Instrument.presidential_statement, Instrument.press_statement, Instrument.procedural):
        assert 0.0 < W[instrument] < 1.0
    assert W[Instrument.presidential_statement] > W[Instrument.press_statement]


# ---- CouncilScore.total ----------------------------------------------------------------------------

def test_total_is_the_mean_of_the_dimensions_rounded_to_one_place():
    assert CouncilScore({"a": 10.0, "b": 20.0, "c": 31.0}).total == 20.3  # 61 / 3 = 20.333...
    assert CouncilScore({"a": 0.0, "b": 100.0}).total == 50.0
    assert CouncilScore({"a": 12.0}).total == 12.0
    assert CouncilScore({d: 0.0 for d in scoring.DIMENSIONS}).total == 0.0


def test_dimensions_are_the_five_named():
    assert scoring.DIMENSIONS == ("timeliness", "strength", "legitimacy", "protection", "accountability")


def test_council_score_every_dimension_and_total(make_case):
    case = make_case()
    st = state([decision(5, Instrument.resolution, ("protect_08", "protect_03", "account_07"))],
               history=[{"civilians_at_risk": 40.0}, {"civilians_at_risk": 60.0}, {"civilians_at_risk": 80.0}],
               legitimacy=63.4)
    score = council_score(case, st)
    assert set(score.dimensions) == set(scoring.DIMENSIONS)
    assert score.dimensions == {
        "timeliness": 75.0,  # 100 * (1 - 5 / 20)
        "strength": 88.0,  # 100 * 1.0 * (0.4 + 0.6 * 0.8)
        "legitimacy": 63.4,  # the indicator at the end
        "protection": 40.0,  # 100 - (40 + 60 + 80) / 3
        "accountability": 70.0,  # 100 * 1.0 * 0.7
    }
    assert score.total == 67.3  # (75 + 88 + 63.4 + 40 + 70) / 5 = 336.4 / 5 = 67.28


def test_nothing_done_scores_zero_on_deeds(make_case):
    st = state(legitimacy=20.0, civilians_at_risk=90.0)
    score = council_score(make_case(), st)
    assert score.dimensions == {"timeliness": 0.0, "strength": 0.0, "legitimacy": 20.0,
                                "protection": 10.0,  # no history: 100 - 90 from the indicators now
                                "accountability": 0.0}
    assert score.total == 6.0  # (0 + 0 + 20 + 10 + 0) / 5


# ---- timeliness ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("day, expected", [
    (0, 100.0),  # 100 * (1 - 0 / 20)
    (5, 75.0),  # 100 * (1 - 5 / 20)
    (10, 50.0),  # 100 * (1 - 10 / 20)
    (13, 35.0),  # 100 * (1 - 13 / 20)
    (20, 0.0),  # the last day: 100 * (1 - 20 / 20)
    (27, 0.0),  # after the end: max(0, 1 - 27 / 20) = 0
])
def test_timeliness_falls_linearly_from_the_first_day_to_the_last(make_case, day, expected):
    st = state([decision(day, Instrument.resolution, ("protect_03",))])
    assert council_score(make_case(), st).dimensions["timeliness"] == pytest.approx(expected)


def test_timeliness_counts_the_first_decision_that_acted(make_case):
    st = state([
        decision(2, Instrument.resolution, ("protect_08",), adopted=False),  # failed: not acted
        decision(3, Instrument.resolution, ()),  # adopted with no clauses: not acted
        decision(15, Instrument.resolution, ("protect_03",)),
        decision(8, Instrument.press_statement, ("protect_03",)),
    ])
    assert council_score(make_case(), st).dimensions["timeliness"] == 60.0  # 100 * (1 - 8 / 20)


def test_timeliness_is_rounded_to_one_place(make_case):
    case = make_case(start=START, end=START + dt.timedelta(days=3))  # span 3 days
    st = state([decision(1, Instrument.resolution, ("protect_03",))])
    assert council_score(case, st).dimensions["timeliness"] == 66.7  # 100 * (1 - 1 / 3) = 66.666...


def test_timeliness_of_a_one_day_case(make_case):
    case = make_case(start=START, end=START)  # span max(1, 0) = 1
    st = state([decision(0, Instrument.resolution, ("protect_03",))])
    assert council_score(case, st).dimensions["timeliness"] == 100.0


# ---- strength and accountability, for each instrument --------------------------------------------

@pytest.mark.parametrize("instrument", list(Instrument))
def test_strength_and_accountability_for_each_instrument(make_case, instrument):
    st = state([decision(0, instrument, ("protect_08", "account_07"))])
    dims = council_score(make_case(), st).dimensions
    # The most protective clause has protection 0.8; the most accountable, 0.7.
    assert dims["strength"] == pytest.approx(round(100.0 * W[instrument] * (0.4 + 0.6 * 0.8), 1))
    assert dims["accountability"] == pytest.approx(round(100.0 * W[instrument] * 0.7, 1))


def test_strength_of_a_resolution_is_88_for_protection_point_eight(make_case):
    st = state([decision(0, Instrument.resolution, ("protect_03", "protect_08"))])
    assert council_score(make_case(), st).dimensions["strength"] == 88.0  # 100 * 1.0 * (0.4 + 0.6 * 0.8)


def test_strength_of_a_presidential_statement(make_case):
    st = state([decision(0, Instrument.presidential_statement, ("protect_08",))])
    expected = 100.0 * W[Instrument.presidential_statement] * 0.88  # 0.4 + 0.6 * 0.8 = 0.88
    assert council_score(make_case(), st).dimensions["strength"] == pytest.approx(round(expected, 1))
    assert expected < 88.0


def test_a_harmful_clause_counts_as_no_protection_not_less(make_case):
    st = state([decision(0, Instrument.resolution, ("harmful",))])
    # protection -0.5 is floored at 0: 100 * 1.0 * (0.4 + 0.6 * 0) = 40
    assert council_score(make_case(), st).dimensions["strength"] == 40.0


def test_strength_and_accountability_take_the_best_decision(make_case):
    st = state([
        decision(0, Instrument.resolution, ("protect_02",)),  # strength 100 * (0.4 + 0.6 * 0.2) = 52
        decision(1, Instrument.presidential_statement, ("protect_08", "account_07")),
        decision(2, Instrument.resolution, ("account_04",)),  # accountability 100 * 0.4 = 40; strength 70
        decision(3, Instrument.resolution, ("protect_08", "account_07"), adopted=False),  # failed: ignored
    ])
    dims = council_score(make_case(), st).dimensions
    prst = W[Instrument.presidential_statement]
    # account_04 has protection 0.5: 100 * (0.4 + 0.6 * 0.5) = 70
    assert dims["strength"] == pytest.approx(round(max(52.0, 70.0, 100 * prst * 0.88), 1))
    assert dims["accountability"] == pytest.approx(round(max(40.0, 100 * prst * 0.7), 1))


def test_no_accountability_clause_scores_zero_accountability(make_case):
    st = state([decision(0, Instrument.resolution, ("protect_08",))])
    assert council_score(make_case(), st).dimensions["accountability"] == 0.0  # 100 * 1.0 * 0.0


# ---- legitimacy and protection ---------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [(0.0, 0.0), (37.0, 37.0), (81.24, 81.2), (100.0, 100.0)])
def test_legitimacy_is_the_indicator(make_case, value, expected):
    assert council_score(make_case(), state(legitimacy=value)).dimensions["legitimacy"] == expected


def test_protection_averages_civilians_at_risk_over_history(make_case):
    history = [{**INDICATORS, "civilians_at_risk": v} for v in (10.0, 20.0, 60.0, 90.0)]
    st = state(history=history, civilians_at_risk=0.0)  # the current value is not read when there is history
    assert council_score(make_case(), st).dimensions["protection"] == 55.0  # 100 - (10 + 20 + 60 + 90) / 4


def test_protection_is_rounded_to_one_place(make_case):
    history = [{"civilians_at_risk": v} for v in (10.0, 20.0, 30.5)]
    st = state(history=history)
    assert council_score(make_case(), st).dimensions["protection"] == 79.8  # 100 - 60.5 / 3 = 79.833...


def test_protection_without_history_reads_the_indicator(make_case):
    assert council_score(make_case(), state(civilians_at_risk=25.0)).dimensions["protection"] == 75.0  # 100 - 25


# ---- seat_score --------------------------------------------------------------------------------------

def goal(text: str, when: str, weight: float = 1.0) -> CompiledGoal:
    return CompiledGoal(text, compile_condition(when, {}), weight)


GOALS = {"RUS": (
    goal("one resolution", "resolutions_adopted >= 1", 2.0),  # met
    goal("no vetoes", "vetoes == 0", 1.0),  # unmet (vetoes = 1)
    goal("high violence", "violence > 40", 0.5),  # met
)}
FACTS = Facts({"resolutions_adopted": 1, "vetoes": 1, "violence": 50}, {})


def test_seat_score_weighs_goals_met(make_case):
    result = seat_score(make_case(goals=GOALS), state(), "RUS", FACTS)
    assert result == SeatScore("RUS", 71.4,  # 100 * (2 + 0.5) / (2 + 1 + 0.5) = 71.428...
                               (("one resolution", True, 2.0), ("no vetoes", False, 1.0), ("high violence", True, 0.5)))


def test_seat_score_all_met_and_none_met(make_case):
    case = make_case(goals=GOALS)
    all_met = Facts({"resolutions_adopted": 2, "vetoes": 0, "violence": 90}, {})
    none_met = Facts({"resolutions_adopted": 0, "vetoes": 3, "violence": 10}, {})
    assert seat_score(case, state(), "RUS", all_met).score == 100.0  # 100 * 3.5 / 3.5
    assert seat_score(case, state(), "RUS", none_met).score == 0.0  # 100 * 0 / 3.5


def test_seat_score_only_the_heavy_goal_met(make_case):
    facts = Facts({"resolutions_adopted": 1, "vetoes": 2, "violence": 10}, {})
    assert seat_score(make_case(goals=GOALS), state(), "RUS", facts).score == 57.1  # 100 * 2 / 3.5 = 57.142...


def test_seat_score_reads_functions_in_facts(make_case):
    case = make_case(goals={"FRA": (CompiledGoal("icc", compile_condition("adopted('icc')", {"clause": {"icc"}}), 3.0),
                                    goal("any", "resolutions_adopted >= 1", 1.0))})
    facts = Facts({"resolutions_adopted": 0}, {"adopted": {"icc"}.__contains__})
    assert seat_score(case, state(), "FRA", facts).score == 75.0  # 100 * 3 / (3 + 1)


def test_seat_without_goals_scores_zero_with_no_goals(make_case):
    case = make_case(goals=GOALS)
    assert seat_score(case, state(), "USA", FACTS) == SeatScore("USA", 0.0, ())


# ---- lives_at_risk --------------------------------------------------------------------------------

def outcome(oid: str, low: float, high: float, casualties: bool) -> Outcome:
    return Outcome(id=oid, label=oid, low=low, high=high, casualties=casualties, sources=["s1"])


def harmed(harm: float) -> GameState:
    st = state()
    st.harm = harm
    return st


def test_lives_at_risk_scales_the_documented_range_by_harm(make_case):
    case = make_case(outcomes=[outcome("displaced", 50_000, 90_000, False), outcome("killed", 1000, 3000, True)])
    # ratio 3 / 2 = 1.5: (1000 * 1.5, 3000 * 1.5), to the nearest hundred
    assert lives_at_risk(case, harmed(3.0), harmed(2.0)) == (1500.0, 4500.0)
    # ratio 1 / 2.5 = 0.4: (1000 * 0.4, 3000 * 0.4)
    assert lives_at_risk(case, harmed(1.0), harmed(2.5)) == (400.0, 1200.0)
    # the documented path itself: ratio 1
    assert lives_at_risk(case, harmed(2.0), harmed(2.0)) == (1000.0, 3000.0)
    # no harm done on the player's path: ratio 0
    assert lives_at_risk(case, harmed(0.0), harmed(2.0)) == (0.0, 0.0)


def test_lives_at_risk_keeps_two_significant_figures(make_case):
    case = make_case(outcomes=[outcome("killed", 1234, 5678, True)])
    assert lives_at_risk(case, harmed(1.0), harmed(1.0)) == (1200.0, 5700.0)
    # ratio 2: (2468, 11356) -> (2500, 11000): a scaled guess claims no more precision than that
    assert lives_at_risk(case, harmed(5.0), harmed(2.5)) == (2500.0, 11000.0)
    # a small toll keeps its range (to the nearest hundred, 67 and 100 would both be 100)
    small = make_case(outcomes=[outcome("killed", 670, 1000, True)])
    assert lives_at_risk(small, harmed(1.0), harmed(10.0)) == (67.0, 100.0)


def test_the_lives_estimate_says_what_it_scales_and_the_assumption_it_rests_on(make_case):
    case = make_case(outcomes=[outcome("displaced", 50_000, 90_000, False), outcome("killed", 1000, 3000, True)])
    estimate = lives_estimate(case, harmed(1.0), harmed(2.5))
    assert (estimate.outcome, estimate.label, estimate.low, estimate.high, estimate.unit) == (
        "killed", "killed", 400.0, 1200.0, "people")
    assert estimate.share == pytest.approx(0.4)
    assert estimate.against_inaction  # the mini case is fictional: its course is measured against inaction


def test_lives_at_risk_uses_the_first_casualty_outcome(make_case):
    case = make_case(outcomes=[outcome("killed", 1000, 2000, True), outcome("wounded", 5000, 9000, True)])
    assert lives_at_risk(case, harmed(2.0), harmed(1.0)) == (2000.0, 4000.0)  # ratio 2 on the first


def test_lives_at_risk_is_none_without_a_casualty_outcome(make_case):
    case = make_case(outcomes=[outcome("displaced", 50_000, 90_000, False)])
    assert lives_at_risk(case, harmed(3.0), harmed(2.0)) is None
    assert lives_at_risk(make_case(outcomes=()), harmed(3.0), harmed(2.0)) is None


def test_lives_at_risk_is_none_when_the_documented_path_did_no_harm(make_case):
    case = make_case(outcomes=[outcome("killed", 1000, 3000, True)])
    assert lives_at_risk(case, harmed(3.0), harmed(0.0)) is None
    assert lives_at_risk(case, harmed(3.0), harmed(-1.0)) is None
