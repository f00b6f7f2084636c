"""The crisis model pinned from first principles: every indicator's move in
a round is worked out by hand beside its assertion."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from councilgame.crisis import model
from councilgame.crisis.model import ATTENTION_DECAY, INDICATORS, NOISE_SD, adjust, clamp, harm, step
from councilgame.scenario.model import Clause, Indicator

BASE = {"violence": 50.0, "civilians_at_risk": 60.0, "displacement": 30.0, "humanitarian_access": 40.0,
        "legitimacy": 50.0, "p5_relations": 60.0, "public_attention": 40.0}


class FixedRng:
    """Stands in for random.Random: gauss always gives `value`; every call is recorded."""

    def __init__(self, value: float = 0.0):
        self.value = value
        self.calls: list[tuple[float, float]] = []

    def gauss(self, mu: float, sigma: float) -> float:
        self.calls.append((mu, sigma))
        return self.value


def measure(cid: str, **impact: float) -> Clause:
    return Clause(id=cid, title=cid, text=cid, category="demand", intrusiveness=0.1, protection=0.5,
                  impact={Indicator(k): v for k, v in impact.items()})


# ---- constants ---------------------------------------------------------------------------------------

def test_the_indicators_and_the_noisy_ones():
    assert set(INDICATORS) == set(BASE)
    assert set(model.NOISY) == {"violence", "civilians_at_risk", "displacement"}
    assert 0.0 < ATTENTION_DECAY < 1.0


# ---- clamp -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    (-20.0, 0.0), (-0.001, 0.0), (0.0, 0.0), (0.5, 0.5), (50.0, 50.0), (99.0, 99.0), (99.5, 99.5),
    (100.0, 100.0), (100.001, 100.0), (250.0, 100.0),
])
def test_clamp_keeps_values_between_0_and_100(value, expected):
    assert clamp(value) == expected


# ---- step ----------------------------------------------------------------------------------------------------

def test_step_with_nothing_moves_only_public_attention():
    rng = FixedRng(0.0)
    out = step(BASE, {}, [], rng)
    assert out == {**BASE, "public_attention": pytest.approx(40.0 * ATTENTION_DECAY)}


def test_drift_moves_each_indicator_by_its_amount():
    drift = {"violence": 5.0, "civilians_at_risk": -7.0, "displacement": 12.0, "humanitarian_access": -3.0,
             "legitimacy": 4.0, "p5_relations": -9.0, "public_attention": 6.0}
    out = step(BASE, drift, [], FixedRng(0.0))
    assert out == pytest.approx({
        "violence": 55.0,  # 50 + 5
        "civilians_at_risk": 53.0,  # 60 - 7
        "displacement": 42.0,  # 30 + 12
        "humanitarian_access": 37.0,  # 40 - 3
        "legitimacy": 54.0,  # 50 + 4
        "p5_relations": 51.0,  # 60 - 9
        "public_attention": 40.0 * ATTENTION_DECAY + 6.0,  # decayed, then moved
    })


def test_a_measure_adds_its_impact_to_the_drift():
    drift = {"violence": 5.0, "humanitarian_access": 2.0}
    measures = [measure("ceasefire", violence=-8.0, humanitarian_access=10.0),
                measure("mission", violence=-2.0, civilians_at_risk=-6.0, legitimacy=3.0)]
    out = step(BASE, drift, measures, FixedRng(0.0))
    assert out == pytest.approx({
        "violence": 45.0,  # 50 + 5 - 8 - 2
        "civilians_at_risk": 54.0,  # 60 - 6
        "displacement": 30.0,
        "humanitarian_access": 52.0,  # 40 + 2 + 10
        "legitimacy": 53.0,  # 50 + 3
        "p5_relations": 60.0,
        "public_attention": 40.0 * ATTENTION_DECAY,
    })


def test_a_measure_keyed_by_plain_name_counts_the_same():
    plain = SimpleNamespace(impact={"legitimacy": -10.0, "violence": 4.0})  # keys as text, not Indicator
    out = step(BASE, {}, [plain], FixedRng(0.0))
    assert out["legitimacy"] == 40.0  # 50 - 10
    assert out["violence"] == 54.0  # 50 + 4


def test_public_attention_decays_before_the_change():
    out = step({**BASE, "public_attention": 40.0}, {"public_attention": 10.0}, [], FixedRng(0.0))
    # (40 * 0.85) + 10 = 44.0; decaying after the change would give (40 + 10) * 0.85 = 42.5
    assert out["public_attention"] == pytest.approx(40.0 * ATTENTION_DECAY + 10.0)
    assert out["public_attention"] != pytest.approx((40.0 + 10.0) * ATTENTION_DECAY)


def test_public_attention_fed_by_a_statement_still_decays():
    statement = measure("statement", public_attention=8.0)
    out = step({**BASE, "public_attention": 80.0}, {}, [statement], FixedRng(0.0))
    assert out["public_attention"] == pytest.approx(80.0 * ATTENTION_DECAY + 8.0)  # 0.85 * 80 + 8 = 76


def test_noise_reaches_only_the_noisy_indicators_through_the_rng():
    rng = FixedRng(3.0)
    out = step(BASE, {"violence": 5.0, "legitimacy": -4.0}, [], rng)
    assert out == pytest.approx({
        "violence": 58.0,  # 50 + 5 + noise 3
        "civilians_at_risk": 63.0,  # 60 + noise 3
        "displacement": 33.0,  # 30 + noise 3
        "humanitarian_access": 40.0,  # no noise
        "legitimacy": 46.0,  # 50 - 4, no noise
        "p5_relations": 60.0,  # no noise
        "public_attention": 40.0 * ATTENTION_DECAY,  # no noise
    })
    # One draw per noisy indicator, centred on 0 with the model's spread.
    assert rng.calls == [(0.0, NOISE_SD)] * 3


def test_negative_noise_lowers_the_noisy_indicators():
    out = step(BASE, {}, [], FixedRng(-4.5))
    assert (out["violence"], out["civilians_at_risk"], out["displacement"]) == (45.5, 55.5, 25.5)
    assert out["humanitarian_access"] == 40.0 and out["legitimacy"] == 50.0 and out["p5_relations"] == 60.0


def test_noise_comes_from_the_rng_it_is_given():
    a = step(BASE, {}, [], random.Random(7))
    b = step(BASE, {}, [], random.Random(7))
    assert a == b
    draws = random.Random(7)
    # INDICATORS order: violence, civilians_at_risk, displacement are drawn in that order.
    noisy = [name for name in INDICATORS if name in model.NOISY]
    expected = {name: round(BASE[name] + draws.gauss(0.0, NOISE_SD), 3) for name in noisy}
    assert {name: a[name] for name in noisy} == pytest.approx(expected)


def test_step_clamps_at_0_and_100():
    start = {**BASE, "violence": 98.0, "humanitarian_access": 3.0, "legitimacy": 95.0, "p5_relations": 2.0,
             "civilians_at_risk": 99.0, "displacement": 1.0}
    drift = {"violence": 5.0, "humanitarian_access": -10.0, "legitimacy": 20.0, "p5_relations": -2.0}
    out = step(start, drift, [measure("m", legitimacy=10.0)], FixedRng(2.0))
    assert out["violence"] == 100.0  # 98 + 5 + 2 = 105 -> 100
    assert out["civilians_at_risk"] == 100.0  # 99 + noise 2 = 101 -> 100
    assert out["displacement"] == 3.0  # 1 + 2, inside the range
    assert out["humanitarian_access"] == 0.0  # 3 - 10 = -7 -> 0
    assert out["legitimacy"] == 100.0  # 95 + 20 + 10 = 125 -> 100
    assert out["p5_relations"] == 0.0  # 2 - 2 = 0
    low = step({**BASE, "displacement": 1.0}, {}, [], FixedRng(-2.0))
    assert low["displacement"] == 0.0  # 1 - 2 = -1 -> 0


def test_step_rounds_to_three_places_and_leaves_its_input_alone():
    start = dict(BASE)
    out = step(start, {"legitimacy": 0.12345}, [], FixedRng(0.0))
    assert out["legitimacy"] == 50.123  # 50.12345 to three places
    assert start == BASE


# ---- harm --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("violence, civilians, days, expected", [
    (50.0, 60.0, 7, 2.1),  # 7 * 50 * 60 / 10000
    (100.0, 100.0, 1, 1.0),  # 1 * 100 * 100 / 10000
    (20.0, 30.0, 10, 0.6),  # 10 * 20 * 30 / 10000
    (0.0, 90.0, 7, 0.0),  # no violence, no harm
    (80.0, 0.0, 7, 0.0),  # no civilians at risk, no harm
    (80.0, 90.0, 0, 0.0),  # no days, no harm
])
def test_harm_is_days_times_violence_times_civilians_over_ten_thousand(violence, civilians, days, expected):
    indicators = {**BASE, "violence": violence, "civilians_at_risk": civilians}
    assert harm(indicators, days) == pytest.approx(expected)


def test_harm_grows_with_each_factor():
    base = harm(BASE, 7)  # 7 * 50 * 60 / 10000 = 2.1
    assert harm(BASE, 14) == pytest.approx(2 * base)
    assert harm({**BASE, "violence": 100.0}, 7) == pytest.approx(2 * base)
    assert harm({**BASE, "civilians_at_risk": 30.0}, 7) == pytest.approx(base / 2)


# ---- adjust ------------------------------------------------------------------------------------------------

def test_adjust_adds_each_change_and_leaves_the_rest():
    out = adjust(BASE, {Indicator.violence: 10.0, "legitimacy": -15.0})
    assert out == {**BASE, "violence": 60.0, "legitimacy": 35.0}  # 50 + 10, 50 - 15
    assert BASE["violence"] == 50.0  # the input is not changed


def test_adjust_clamps_and_rounds():
    out = adjust(BASE, {Indicator.violence: 70.0, Indicator.humanitarian_access: -45.0, "p5_relations": 0.12345})
    assert out["violence"] == 100.0  # 50 + 70 = 120 -> 100
    assert out["humanitarian_access"] == 0.0  # 40 - 45 = -5 -> 0
    assert out["p5_relations"] == 60.123  # 60.12345 to three places
    assert out["public_attention"] == 40.0  # adjust does not decay attention


def test_adjust_with_no_changes_is_a_copy():
    out = adjust(BASE, {})
    assert out == BASE and out is not BASE
